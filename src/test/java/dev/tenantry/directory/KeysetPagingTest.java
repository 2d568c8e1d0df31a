package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tenant and people lists page by keyset like the computer list: each page's {@code next} is
 * the cursor of the following one, in sort order, stable while rows are added before the cursor.
 */
class KeysetPagingTest extends DirectoryTest {

  @Test
  void tenantPagesFollowTheirNextCursorInNameOrder() {
    String marker = unique("keyset");
    for (String n : List.of("Delta", "alpha", "Charlie", "bravo", "Echo")) {
      String name = marker + " " + n;
      UUID id = UUID.randomUUID();
      jdbc.sql("insert into tenant (id, name, slug, kind, msp_id) values (?, ?, ?, 'MSP', ?)")
          .params(id, name, unique("k").toLowerCase(), id)
          .update();
    }
    List<String> seen = walk("/api/v1/tenants?size=2&q=" + marker, "name");
    assertThat(seen)
        .containsExactly(
            marker + " alpha",
            marker + " bravo",
            marker + " Charlie",
            marker + " Delta",
            marker + " Echo");
  }

  @Test
  void peoplePagesFollowTheirNextCursorByFamilyThenGivenName() {
    UUID tenant = tenant();
    String family = unique("Keyset");
    createPerson(tenant, "Bea", family, unique("p") + "@example.com");
    createPerson(tenant, "ann", family, unique("p") + "@example.com");
    createPerson(tenant, "Cid", family, unique("p") + "@example.com");
    createPerson(tenant, "Al", family + "-b", unique("p") + "@example.com");

    var first = api().get("/api/v1/people?size=2&tenantId=" + tenant).json();
    List<String> seen = walk("/api/v1/people?size=2&tenantId=" + tenant, "givenName");
    assertThat(seen).containsExactly("ann", "Bea", "Cid", "Al");
    // a person added before the cursor does not shift the next page
    createPerson(tenant, "Aaron", family, unique("p") + "@example.com");
    var second =
        api()
            .get(
                "/api/v1/people?size=2&tenantId="
                    + tenant
                    + "&after="
                    + first.path("next").asString())
            .json();
    assertThat(values(second, "givenName")).containsExactly("Cid", "Al");
    assertThat(api().get("/api/v1/people?after=not-a-cursor").status()).isEqualTo(400);
    assertThat(api().get("/api/v1/tenants?after=not-a-cursor").status()).isEqualTo(400);
  }

  private List<String> walk(String path, String field) {
    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      var r = api().get(path + (next == null ? "" : "&after=" + next));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      seen.addAll(values(r.json(), field));
      next =
          r.json().path("next").isMissingNode() || r.json().path("next").isNull()
              ? null
              : r.json().path("next").asString();
    } while (next != null && seen.size() < 100);
    return seen;
  }

  private static List<String> values(JsonNode page, String field) {
    List<String> out = new ArrayList<>();
    page.path("items").forEach(i -> out.add(i.path(field).asString()));
    return out;
  }
}
