package dev.tenantry.authz.access;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A caller's grants and visible set are remembered per policy snapshot ({@link GrantCache}): the
 * request right after a policy change on this node answers from the new revision, never from the
 * remembered one.
 */
class CachedGrantsTest extends AuthzTestBase {

  @Test
  void aRevokedTechnicianSeesNothingOnTheNextRequest() {
    UUID tag = users.tag("cached-grants");
    UUID a = users.clientTenant("cached-a");
    UUID b = users.clientTenant("cached-b");
    users.tagTenant(a, tag);
    users.tagTenant(b, tag);
    TestUser tech = users.user(users.mspTenant());
    UUID assignment =
        users.assign(
            Principal.user(tech.id()),
            allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(tag)));
    for (int i = 0; i < 3; i++) { // remembered from the first request on
      assertThat(tenants(tech.http())).containsExactlyInAnyOrder(a, b);
      assertThat(tech.http().get("/api/v1/tenants/" + a).status()).isEqualTo(200);
    }

    Http.Response revoked = signedIn().delete("/api/v1/role-assignments/" + assignment);
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

    Http.Response list = tech.http().get("/api/v1/tenants?size=500");
    assertThat(list.status()).as(list.toString()).isIn(200, 403);
    if (list.status() == 200) {
      assertThat(tenants(list)).doesNotContain(a, b);
    }
    assertThat(tech.http().get("/api/v1/tenants/" + a).status()).isEqualTo(404);
    assertThat(tech.http().get("/api/v1/computers?size=500").json().path("items")).isEmpty();
  }

  @Test
  void aTechnicianDisabledElsewhereIsRefusedOnTheNextRequest() {
    UUID tag = users.tag("cached-disabled");
    UUID a = users.clientTenant("cached-disabled-a");
    users.tagTenant(a, tag);
    TestUser tech =
        users.user(
            users.mspTenant(), allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenantTag(tag)));
    assertThat(tenants(tech.http())).containsExactly(a);

    users.write(
        () ->
            jdbc.sql("update app_user set enabled = false where id = ?").param(tech.id()).update());

    assertThat(tech.http().get("/api/v1/tenants?size=500").status()).isEqualTo(401);
  }

  private static List<UUID> tenants(Http http) {
    Http.Response r = http.get("/api/v1/tenants?size=500");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return tenants(r);
  }

  private static List<UUID> tenants(Http.Response r) {
    List<UUID> out = new ArrayList<>();
    for (JsonNode item : r.json().path("items")) {
      out.add(UUID.fromString(item.path("id").asString()));
    }
    return out;
  }
}
