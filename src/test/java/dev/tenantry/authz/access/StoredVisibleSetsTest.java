package dev.tenantry.authz.access;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lists of a caller who sees many tenants filter through the stored copy of their visible set
 * (V113; tests store sets from two tenants on): exactly the scope's tenants, a changed scope a new
 * set, never the old one.
 */
class StoredVisibleSetsTest extends AuthzTestBase {

  @Test
  void tagScopedListsShowExactlyTheTaggedTenantsThroughTheStoredSet() {
    UUID tag = users.tag("stored-set");
    UUID a = users.clientTenant("stored-a");
    UUID b = users.clientTenant("stored-b");
    UUID c = users.clientTenant("stored-c");
    UUID outside = users.clientTenant("stored-outside");
    for (UUID t : List.of(a, b, c)) {
      users.tagTenant(t, tag);
    }
    UUID pcA = users.computer(a, ComputerType.WORKSTATION);
    UUID pcB = users.computer(b, ComputerType.SERVER);
    UUID pcC = users.computer(c, ComputerType.PORTABLE);
    UUID pcOutside = users.computer(outside, ComputerType.WORKSTATION);
    TestUser personInA = users.user(a);
    TestUser personOutside = users.user(outside);
    TestUser tech =
        users.user(
            users.mspTenant(), allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(tag)));

    assertThat(ids(tech.http(), "/api/v1/computers?size=500"))
        .containsExactlyInAnyOrder(pcA, pcB, pcC);
    assertThat(ids(tech.http(), "/api/v1/tenants?size=500")).containsExactlyInAnyOrder(a, b, c);
    assertThat(ids(tech.http(), "/api/v1/people?size=500"))
        .contains(personInA.personId())
        .doesNotContain(personOutside.personId());
    UUID stored = VisibleTenantSets.contentId(sorted(a, b, c));
    assertThat(members(stored)).containsExactlyInAnyOrder(a, b, c);

    users.write(
        () ->
            jdbc.sql("delete from tenant_tag where tenant_id = ? and tag_id = ?")
                .params(b, tag)
                .update());

    assertThat(ids(tech.http(), "/api/v1/computers?size=500")).containsExactlyInAnyOrder(pcA, pcC);
    assertThat(ids(tech.http(), "/api/v1/tenants?size=500")).containsExactlyInAnyOrder(a, c);
    assertThat(members(VisibleTenantSets.contentId(sorted(a, c)))).containsExactlyInAnyOrder(a, c);
    assertThat(members(stored)).as("a stored set never changes").hasSize(3);
    assertThat(pcOutside).isNotIn(ids(tech.http(), "/api/v1/computers?size=500"));
  }

  @Test
  void aSetsIdIsItsContentWhateverTheOrder() {
    UUID x = UUID.randomUUID();
    UUID y = UUID.randomUUID();
    UUID z = UUID.randomUUID();
    assertThat(VisibleTenantSets.contentId(sorted(x, y, z)))
        .isEqualTo(VisibleTenantSets.contentId(sorted(z, x, y)))
        .isNotEqualTo(VisibleTenantSets.contentId(sorted(x, y)))
        .isNotEqualTo(VisibleTenantSets.contentId(sorted(x, y, UUID.randomUUID())));
  }

  private List<UUID> members(UUID setId) {
    return jdbc.sql("select tenant_id from visible_tenant_set where set_id = ?")
        .param(setId)
        .query(UUID.class)
        .list();
  }

  private static UUID[] sorted(UUID... ids) {
    return Set.of(ids).stream().sorted().toArray(UUID[]::new);
  }

  private static List<UUID> ids(Http http, String path) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<UUID> out = new ArrayList<>();
    for (JsonNode item : r.json().path("items")) {
      out.add(UUID.fromString(item.path("id").asString()));
    }
    return out;
  }
}
