package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Groups: tenant membership rule, rule 6d, visibility, audit. */
class GroupApiTest extends AuthzTestBase {

  private TestUser groupManager(UUID tenant, Permission... extra) {
    java.util.List<Permission> ps =
        new java.util.ArrayList<>(
            java.util.List.of(
                Permission.GROUPS_MANAGE,
                Permission.GROUPS_VIEW,
                Permission.USERS_VIEW,
                Permission.ROLE_ASSIGNMENTS_MANAGE));
    ps.addAll(java.util.List.of(extra));
    return users.user(
        tenant, allow(role(ps.toArray(Permission[]::new)), Scope.tenant(tenant, false)));
  }

  private String createGroup(TestUser u, UUID owner) {
    var r =
        u.http()
            .post(
                "/api/v1/groups", Map.of("name", "g-" + UUID.randomUUID(), "ownerTenantId", owner));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  @Test
  void tenantOwnedGroupOnlyTakesUsersOfItsTenant() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser admin = users.mspAdmin();
    String g = createGroup(admin, acme);
    TestUser outsider = users.user(globex);
    var r = admin.http().put("/api/v1/groups/" + g + "/members/" + outsider.id(), null);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("detail").asString())
        .contains("only users whose person is in that tenant");
    TestUser insider = users.user(acme);
    assertThat(admin.http().put("/api/v1/groups/" + g + "/members/" + insider.id(), null).status())
        .isEqualTo(200);
    assertThat(admin.http().get("/api/v1/groups/" + g + "/members/" + insider.id()).status())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'group.member-added' and target_id = ?")
                .param(g)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void rule6dRefusesAddingAMemberToAGroupGrantingWhatTheManagerLacks() {
    UUID acme = users.clientTenant("acme");
    TestUser m = groupManager(acme, Permission.COMPUTERS_VIEW);
    String g = createGroup(m, acme);
    users.assign(
        Principal.group(UUID.fromString(g)),
        allow(role(Permission.COMPUTERS_DELETE), Scope.tenant(acme, false)));
    TestUser member = users.user(acme);
    var r = m.http().put("/api/v1/groups/" + g + "/members/" + member.id(), null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("Rule 6d").contains("computers:delete");

    TestUser strong = groupManager(acme, Permission.COMPUTERS_VIEW, Permission.COMPUTERS_DELETE);
    assertThat(strong.http().put("/api/v1/groups/" + g + "/members/" + member.id(), null).status())
        .isEqualTo(200);
    assertThat(decision(member, Permission.COMPUTERS_DELETE, "TENANT", acme)).isEqualTo("ALLOW");
  }

  @Test
  void groupsOfInvisibleTenantsAreNotListedAndAnswer404() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser admin = users.mspAdmin();
    String marker = createGroup(admin, globex);
    TestUser acmeManager = groupManager(acme);
    assertThat(acmeManager.http().get("/api/v1/groups?size=500").raw()).doesNotContain(marker);
    assertThat(acmeManager.http().get("/api/v1/groups/" + marker).status()).isEqualTo(404);
    assertThat(acmeManager.http().delete("/api/v1/groups/" + marker).status()).isEqualTo(404);
    assertThat(admin.http().get("/api/v1/groups?size=500").raw()).contains(marker);
  }

  @Test
  void instanceWideGroupNeedsGroupsManageAtOwner() {
    UUID acme = users.clientTenant("acme");
    TestUser m = groupManager(acme);
    var r = m.http().post("/api/v1/groups", Map.of("name", "iw-" + acme));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("groups:manage");
    assertThat(
            users.mspAdmin().http().post("/api/v1/groups", Map.of("name", "iw-" + acme)).status())
        .isEqualTo(201);
  }

  @Test
  void creatingInATenantAnswers404WhenItsGroupsAreInvisibleAnd403WhenOnlyVisible() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser acmeManager = groupManager(acme);
    var hidden =
        acmeManager
            .http()
            .post("/api/v1/groups", Map.of("name", "g-" + globex, "ownerTenantId", globex));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
    assertThat(hidden.json().path("detail").asString()).contains(globex.toString());
    var missing =
        acmeManager
            .http()
            .post(
                "/api/v1/groups", Map.of("name", "g-missing", "ownerTenantId", UUID.randomUUID()));
    assertThat(missing.status()).isEqualTo(404);
    TestUser viewer =
        users.user(acme, allow(role(Permission.GROUPS_VIEW), Scope.tenant(acme, false)));
    var refused =
        viewer.http().post("/api/v1/groups", Map.of("name", "g-" + acme, "ownerTenantId", acme));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString()).contains("groups:manage");
  }
}
