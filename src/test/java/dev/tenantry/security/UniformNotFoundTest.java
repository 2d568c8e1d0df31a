package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Check Access is no existence oracle: a target the caller cannot view answers exactly like a
 * random id (before the fix, UNKNOWN_TARGET for a random id and DEFAULT_DENY for another tenant's).
 */
class UniformNotFoundTest extends IntegrationTest {

  private static Map<String, Object> check(UUID user, String type, UUID id) {
    return Map.of(
        "userId", user, "permission", "computers:view", "target", Map.of("type", type, "id", id));
  }

  private static String shape(Http.Response r) {
    return r.status()
        + " "
        + r.json().path("code").asString()
        + " "
        + r.json().path("title").asString()
        + " "
        + r.json()
            .path("detail")
            .asString()
            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
  }

  @Test
  void checkAccessOnAnInvisibleTargetAnswersLikeARandomId() {
    UUID own = testUsers.clientTenant("check-own");
    UUID other = testUsers.clientTenant("check-other");
    UUID ownPc = testUsers.computer(own, ComputerType.SERVER);
    UUID otherPc = testUsers.computer(other, ComputerType.SERVER);
    var admin =
        testUsers.user(
            own, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(own, false)));
    Http http = admin.http();
    for (String type : new String[] {"TENANT", "COMPUTER"}) {
      UUID hidden = type.equals("TENANT") ? other : otherPc;
      Http.Response forHidden = http.post("/api/v1/access/check", check(admin.id(), type, hidden));
      Http.Response forRandom =
          http.post("/api/v1/access/check", check(admin.id(), type, UUID.randomUUID()));
      assertThat(forHidden.status()).as("%s", forHidden).isEqualTo(404);
      assertThat(shape(forHidden)).isEqualTo(shape(forRandom));
    }
    var visible = http.post("/api/v1/access/check", check(admin.id(), "COMPUTER", ownPc));
    assertThat(visible.status()).as("%s", visible).isEqualTo(200);
    assertThat(visible.json().path("decision").asString()).isEqualTo("ALLOW");
    // an instance administrator still sees every decision, including DEFAULT_DENY
    var full = signedIn().post("/api/v1/access/check", check(admin.id(), "TENANT", other));
    assertThat(full.status()).isEqualTo(200);
    assertThat(full.json().path("rule").asString()).isEqualTo("DEFAULT_DENY");
  }
}
