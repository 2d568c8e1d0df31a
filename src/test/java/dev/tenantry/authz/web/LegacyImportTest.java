package dev.tenantry.authz.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LegacyImportTest extends AuthzTestBase {

  @Test
  void legacyImportMapsTypesAndPreferencesAndIsIdempotent() {
    TestUser admin = users.mspAdmin();
    TestUser mspTech = users.user(users.mspTenant());
    TestUser customer = users.user(users.clientTenant("acme"));
    Map<String, Object> body =
        Map.of(
            "users",
            List.of(
                Map.of(
                    "userId",
                    mspTech.id(),
                    "legacyType",
                    "MSP_NON_ADMIN",
                    "canManageCrossTenantDeployments",
                    true),
                Map.of("userId", customer.id(), "legacyType", "TENANT_NON_ADMIN")),
            "preferences",
            Map.of(
                "allowNonAdminsToManageDeployments",
                true,
                "allowNonAdminsTerminalAndScripts",
                false,
                "requireChangeRequestsForCrossTenantDeployments",
                false));
    JsonNode first = admin.http().post("/api/v1/admin/legacy-import", body).json();
    assertThat(first.path("created").size()).isEqualTo(5);
    assertThat(roles(mspTech.id()))
        .containsExactlyInAnyOrder(
            BuiltInRoles.SYSTEM_USER_LEGACY.id(),
            BuiltInRoles.DEPLOYMENT_MANAGER.id(),
            BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.id());
    assertThat(roles(customer.id()))
        .containsExactlyInAnyOrder(
            BuiltInRoles.USER_LEGACY.id(), BuiltInRoles.DEPLOYMENT_MANAGER.id());
    assertThat(
            jdbc.sql("select distinct scope_kind from role_assignment where user_id = ?")
                .param(customer.id())
                .query(String.class)
                .list())
        .containsExactly("USERS_TENANT");

    long events =
        jdbc.sql("select count(*) from audit_event where action = 'rbac.legacy-imported'")
            .query(Long.class)
            .single();
    JsonNode second = admin.http().post("/api/v1/admin/legacy-import", body).json();
    assertThat(second.path("created").size()).isZero();
    assertThat(second.path("skipped").size()).isEqualTo(5);
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = 'rbac.legacy-imported'")
                .query(Long.class)
                .single())
        .isEqualTo(events);
  }

  @Test
  void legacyImportNeedsUsersManageForTheWholeInstance() {
    TestUser tenantUser = users.user(users.clientTenant("acme"));
    var r = tenantUser.http().post("/api/v1/admin/legacy-import", Map.of("users", List.of()));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("users:manage");
  }

  @Test
  void unknownUserFailsTheWholeImport() {
    TestUser admin = users.mspAdmin();
    TestUser real = users.user(users.mspTenant());
    var r =
        admin
            .http()
            .post(
                "/api/v1/admin/legacy-import",
                Map.of(
                    "users",
                    List.of(
                        Map.of("userId", real.id(), "legacyType", "MSP_ADMIN"),
                        Map.of("userId", UUID.randomUUID(), "legacyType", "MSP_ADMIN"))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(roles(real.id())).isEmpty();
  }

  private List<UUID> roles(UUID user) {
    return jdbc.sql("select role_id from role_assignment where user_id = ?")
        .param(user)
        .query(UUID.class)
        .list();
  }
}
