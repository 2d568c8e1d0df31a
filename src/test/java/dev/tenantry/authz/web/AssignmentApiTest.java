package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Anti-escalation 6a–6c over HTTP, the filtered list, 404s and audit. */
class AssignmentApiTest extends AuthzTestBase {

  private Http.Response assign(TestUser actor, UUID user, UUID role, Map<String, Object> scope) {
    return actor
        .http()
        .post(
            "/api/v1/role-assignments",
            Map.of(
                "principal",
                Map.of("type", "USER", "id", user),
                "roleId",
                role,
                "scope",
                scope,
                "effect",
                "ALLOW"));
  }

  private TestUser manager(UUID tenant, Permission... extra) {
    Permission[] ps =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    Permission.ROLE_ASSIGNMENTS_MANAGE,
                    Permission.ROLE_ASSIGNMENTS_VIEW,
                    Permission.USERS_VIEW,
                    Permission.ROLES_VIEW),
                java.util.Arrays.stream(extra))
            .toArray(Permission[]::new);
    return users.user(tenant, allow(role(ps), Scope.tenant(tenant, false)));
  }

  @Test
  void rule6aRefusesAScopeTheAssignerDoesNotManage() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser m = manager(acme, Permission.COMPUTERS_VIEW);
    TestUser target = users.user(acme);
    var r =
        assign(
            m,
            target.id(),
            role(Permission.COMPUTERS_VIEW),
            Map.of("kind", "TENANT", "tenantId", globex));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString())
        .contains("Rule 6a")
        .contains("role-assignments:manage");
    var ok =
        assign(
            m,
            target.id(),
            role(Permission.COMPUTERS_VIEW),
            Map.of("kind", "TENANT", "tenantId", acme));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(decision(target, Permission.COMPUTERS_VIEW, "TENANT", acme)).isEqualTo("ALLOW");
    assertThat(audits("role-assignment.created", ok.json().path("id").asString())).isEqualTo(1);
  }

  @Test
  void rule6bRefusesSystemPermissionsWithoutAssignCrossTenant() {
    UUID acme = users.clientTenant("acme");
    TestUser m = manager(acme, Permission.BILLING_MANAGE);
    TestUser target = users.user(acme);
    var r = assign(m, target.id(), role(Permission.BILLING_MANAGE), Map.of("kind", "USERS_TENANT"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString())
        .contains("Rule 6b")
        .contains("roles:assign-cross-tenant");
    TestUser admin = users.mspAdmin();
    assertThat(
            assign(
                    admin,
                    target.id(),
                    role(Permission.BILLING_MANAGE),
                    Map.of("kind", "USERS_TENANT"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void rule6cRefusesGrantingWhatTheAssignerDoesNotHold() {
    UUID acme = users.clientTenant("acme");
    TestUser m = manager(acme, Permission.COMPUTERS_VIEW);
    TestUser target = users.user(acme);
    var r =
        assign(
            m,
            target.id(),
            role(Permission.COMPUTERS_DELETE),
            Map.of("kind", "TENANT", "tenantId", acme));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("Rule 6c").contains("computers:delete");
    assertThat(
            jdbc.sql("select count(*) from role_assignment where user_id = ?")
                .param(target.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void listShowsOnlyAssignmentsOfVisiblePrincipalsAndHidesOthersAs404() {
    UUID acme = users.clientTenant("acme");
    UUID globex = users.clientTenant("globex");
    TestUser m = manager(acme);
    TestUser other = users.user(globex, allow(BuiltInRoles.USER_LEGACY.id(), Scope.usersTenant()));
    UUID marker =
        jdbc.sql("select id from role_assignment where user_id = ?")
            .param(other.id())
            .query(UUID.class)
            .single();
    assertThat(m.http().get("/api/v1/role-assignments?size=500").raw())
        .doesNotContain(marker.toString())
        .contains(m.id().toString());
    assertThat(m.http().get("/api/v1/role-assignments/" + marker).status()).isEqualTo(404);
    assertThat(m.http().delete("/api/v1/role-assignments/" + marker).status()).isEqualTo(404);
    TestUser admin = users.mspAdmin();
    assertThat(admin.http().get("/api/v1/role-assignments?userId=" + other.id()).raw())
        .contains(marker.toString());
  }

  @Test
  void deleteIsAuditedOnceAndTakesEffectAtOnce() {
    UUID acme = users.clientTenant("acme");
    TestUser admin = users.mspAdmin();
    TestUser target = users.user(acme);
    String id =
        assign(
                admin,
                target.id(),
                role(Permission.COMPUTERS_VIEW),
                Map.of("kind", "TENANT", "tenantId", acme))
            .json()
            .path("id")
            .asString();
    assertThat(admin.http().delete("/api/v1/role-assignments/" + id).status()).isEqualTo(204);
    assertThat(decision(target, Permission.COMPUTERS_VIEW, "TENANT", acme)).isEqualTo("DENY");
    assertThat(audits("role-assignment.deleted", id)).isEqualTo(1);
  }

  @Test
  void invalidScopeIsAProblemAndNothingChanges() {
    TestUser admin = users.mspAdmin();
    TestUser target = users.user(users.clientTenant("acme"));
    var r = assign(admin, target.id(), role(Permission.COMPUTERS_VIEW), Map.of("kind", "TENANT"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asString()).contains("scope.tenantId");
    var nowhere =
        assign(
            admin,
            target.id(),
            role(Permission.COMPUTERS_VIEW),
            Map.of("kind", "TENANT", "tenantId", UUID.randomUUID()));
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(
            jdbc.sql("select count(*) from role_assignment where user_id = ?")
                .param(target.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  private long audits(String action, String targetId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, targetId)
        .query(Long.class)
        .single();
  }
}
