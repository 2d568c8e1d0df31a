package dev.tenantry.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reading DESIGN §3.10 answers: the 409 that asks for confirmation, and the rows of a list. */
public final class StructuralChangesTestSupport {
  private StructuralChangesTestSupport() {}

  /** Asserts the answer asks to confirm a list, and returns the list's digest. */
  public static String digestOf(Http.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.json().path("code").asString()).isEqualTo("access-changes-unconfirmed");
    String digest = r.json().path("digest").asString();
    assertThat(digest).hasSize(64);
    assertThat(r.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
    return digest;
  }

  /** Whether the list names a gain through the principal's assignment on the target. */
  public static boolean lists(JsonNode list, UUID principal, UUID target) {
    for (JsonNode row : list.path("rows")) {
      if (row.path("principalId").asString().equals(principal.toString())
          && row.path("targetId").asString().equals(target.toString())) {
        return true;
      }
    }
    return false;
  }
}
