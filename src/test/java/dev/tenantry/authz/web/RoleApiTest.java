package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoleApiTest extends AuthzTestBase {

  @Test
  void builtInRolesAreReadOnly() {
    TestUser admin = users.mspAdmin();
    String id = BuiltInRoles.USER_LEGACY.id().toString();
    var put =
        admin.http().put("/api/v1/roles/" + id, Map.of("name", "x", "permissions", List.of()));
    assertThat(put.status()).isEqualTo(409);
    assertThat(put.json().path("code").asString()).isEqualTo("read-only");
    assertThat(put.json().path("detail").asString())
        .contains("User (Legacy)")
        .contains("read-only");
    assertThat(admin.http().delete("/api/v1/roles/" + id).status()).isEqualTo(409);
    var get = admin.http().get("/api/v1/roles/" + id).json();
    assertThat(get.path("builtIn").asBoolean()).isTrue();
    assertThat(get.path("permissions").size())
        .isEqualTo(BuiltInRoles.USER_LEGACY.permissions().size());
  }

  @Test
  void tenantOwnedRoleIsVisibleOnlyWithRolesViewOnItsTenant() {
    TestUser admin = users.mspAdmin();
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    var created =
        admin
            .http()
            .post(
                "/api/v1/roles",
                Map.of(
                    "name",
                    "acme-marker-" + acme,
                    "ownerTenantId",
                    acme,
                    "permissions",
                    List.of("computers:manage")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("warnings").toString()).contains("computers:view");
    String roleId = created.json().path("id").asString();
    TestUser globexViewer =
        users.user(globex, allow(role(Permission.ROLES_VIEW), Scope.tenant(globex, false)));
    TestUser acmeViewer =
        users.user(acme, allow(role(Permission.ROLES_VIEW), Scope.tenant(acme, false)));

    assertThat(globexViewer.http().get("/api/v1/roles?size=500").raw())
        .doesNotContain(roleId)
        .contains("User (Legacy)");
    assertThat(globexViewer.http().get("/api/v1/roles/" + roleId).status()).isEqualTo(404);
    assertThat(acmeViewer.http().get("/api/v1/roles?size=500").raw()).contains(roleId);
    assertThat(acmeViewer.http().get("/api/v1/roles/" + roleId).status()).isEqualTo(200);
  }

  @Test
  void publicRoleNeedsManagePublicAndTenantRoleNeedsManageOnTheTenant() {
    UUID acme = users.clientTenant("acme");
    TestUser tenantManager =
        users.user(
            acme,
            allow(role(Permission.ROLES_MANAGE, Permission.ROLES_VIEW), Scope.tenant(acme, false)));
    var pub =
        tenantManager
            .http()
            .post("/api/v1/roles", Map.of("name", "pub-" + acme, "permissions", List.of()));
    assertThat(pub.status()).isEqualTo(403);
    assertThat(pub.json().path("detail").asString()).contains("roles:manage-public");
    var owned =
        tenantManager
            .http()
            .post(
                "/api/v1/roles",
                Map.of(
                    "name",
                    "own-" + acme,
                    "ownerTenantId",
                    acme,
                    "permissions",
                    List.of("computers:view")));
    assertThat(owned.status()).isEqualTo(201);
    assertThat(count("role.created", owned.json().path("id").asString())).isEqualTo(1);
  }

  @Test
  void unknownPermissionKeyIsRejectedAndNothingIsCreated() {
    TestUser admin = users.mspAdmin();
    String name = "bad-" + UUID.randomUUID();
    var r =
        admin
            .http()
            .post("/api/v1/roles", Map.of("name", name, "permissions", List.of("computers:fly")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("detail").asString()).contains("computers:fly");
    assertThat(
            jdbc.sql("select count(*) from role where name = ?")
                .param(name)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void roleEditThatWidensAssignmentsBeyondTheEditorsPermissionsIsRefused() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser editor =
        users.user(
            acme,
            allow(
                role(Permission.ROLES_MANAGE, Permission.ROLES_VIEW, Permission.COMPUTERS_VIEW),
                Scope.tenant(acme, false)));
    String roleId =
        editor
            .http()
            .post(
                "/api/v1/roles",
                Map.of(
                    "name",
                    "w-" + acme,
                    "ownerTenantId",
                    acme,
                    "permissions",
                    List.of("tenants:view")))
            .json()
            .path("id")
            .asString();
    TestUser holder = users.user(globex);
    users.assign(
        Principal.user(holder.id()), allow(UUID.fromString(roleId), Scope.tenant(globex, false)));

    var unversioned =
        editor
            .http()
            .put(
                "/api/v1/roles/" + roleId,
                Map.of(
                    "name", "w-" + acme, "permissions", List.of("tenants:view", "computers:view")));
    assertThat(unversioned.status()).as("PUT without version").isEqualTo(428);
    var widen =
        editor
            .http()
            .put(
                "/api/v1/roles/" + roleId,
                Map.of(
                    "name",
                    "w-" + acme,
                    "permissions",
                    List.of("tenants:view", "computers:view"),
                    "version",
                    0));
    assertThat(widen.status()).isEqualTo(403);
    // judged as re-creating the live assignment at globex, where the editor manages nothing
    assertThat(widen.json().path("detail").asString()).contains("Rule 6i").contains("Rule 6a");
    assertThat(decision(holder, Permission.COMPUTERS_VIEW, "TENANT", globex)).isEqualTo("DENY");

    var narrow =
        editor
            .http()
            .put(
                "/api/v1/roles/" + roleId,
                Map.of("name", "w2-" + acme, "permissions", List.of(), "version", 0));
    assertThat(narrow.status()).isEqualTo(200);
    assertThat(count("role.updated", roleId)).isEqualTo(1);
  }

  @Test
  void templateIsClonedIntoACustomRole() {
    TestUser admin = users.mspAdmin();
    assertThat(admin.http().get("/api/v1/roles/templates").raw())
        .contains("read-only")
        .contains("technician");
    var r =
        admin
            .http()
            .post(
                "/api/v1/roles/templates/technician/clone",
                Map.of("name", "tech-" + UUID.randomUUID()));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("builtIn").asBoolean()).isFalse();
    assertThat(r.json().path("permissions").toString()).contains("computers:run-maintenance");
  }

  private long count(String action, String targetId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, targetId)
        .query(Long.class)
        .single();
  }

  @Test
  void creatingARoleInATenantWhoseRolesAreInvisibleAnswers404() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser acmeManager =
        users.user(
            acme,
            allow(role(Permission.ROLES_MANAGE, Permission.ROLES_VIEW), Scope.tenant(acme, false)));
    var hidden =
        acmeManager
            .http()
            .post(
                "/api/v1/roles",
                Map.of(
                    "name",
                    "h-" + globex,
                    "ownerTenantId",
                    globex,
                    "permissions",
                    List.of("computers:view")));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
    var viewer = users.user(acme, allow(role(Permission.ROLES_VIEW), Scope.tenant(acme, false)));
    var refused =
        viewer
            .http()
            .post(
                "/api/v1/roles",
                Map.of(
                    "name",
                    "v-" + acme,
                    "ownerTenantId",
                    acme,
                    "permissions",
                    List.of("computers:view")));
    assertThat(refused.status()).isEqualTo(403);
  }
}
