package dev.tenantry.authz.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Roles, groups and role assignments are listed like tenants, people and computers: {@code
 * page}/{@code size} in, {@code {items, page, size, total}} out; consecutive pages do not overlap
 * and add up to the total.
 */
class AccessListsPagingTest extends IntegrationTest {

  @Test
  void rolesGroupsAndAssignmentsArePagedLikeTheOtherLists() {
    Http admin = signedIn();
    for (int i = 0; i < 3; i++) {
      var g = admin.post("/api/v1/groups", Map.of("name", "paged-" + UUID.randomUUID()));
      assertThat(g.status()).as(g.toString()).isEqualTo(201);
    }
    for (String list : List.of("/api/v1/roles", "/api/v1/groups", "/api/v1/role-assignments")) {
      assertPaged(admin, list);
    }
  }

  @Test
  void anOversizedPageIsClampedAndAPageBeyondTheEndIsEmpty() {
    JsonNode r = signedIn().get("/api/v1/roles?size=100000&page=0").json();
    assertThat(r.path("size").asInt()).isEqualTo(500);
    long total = r.path("total").asLong();
    JsonNode beyond = signedIn().get("/api/v1/roles?size=500&page=" + (total / 500 + 1)).json();
    assertThat(beyond.path("items")).isEmpty();
    assertThat(beyond.path("total").asLong()).isEqualTo(total);
  }

  private static void assertPaged(Http http, String list) {
    Http.Response first = http.get(list + "?size=2&page=0");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode one = first.json();
    long total = one.path("total").asLong();
    assertThat(total).as(list).isGreaterThanOrEqualTo(3);
    assertThat(one.path("page").asInt()).isZero();
    assertThat(one.path("size").asInt()).isEqualTo(2);
    assertThat(one.path("items")).hasSize(2);
    List<String> ids = new ArrayList<>();
    for (int page = 0; page * 2 < total; page++) {
      http.get(list + "?size=2&page=" + page)
          .json()
          .path("items")
          .forEach(item -> ids.add(item.path("id").asString()));
    }
    assertThat(ids).as(list + ": every item once").hasSize((int) total).doesNotHaveDuplicates();
  }
}
