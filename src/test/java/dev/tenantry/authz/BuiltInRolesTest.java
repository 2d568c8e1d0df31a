package dev.tenantry.authz;

import static dev.tenantry.authz.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DESIGN §4: one test per built-in role, plus the templates. */
class BuiltInRolesTest {

  private static Set<Permission> all(java.util.function.Predicate<Permission> p) {
    return Arrays.stream(Permission.values())
        .filter(p)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
  }

  @Test
  void builtInRolesHaveFixedIdsOneToNine() {
    for (int i = 0; i < BuiltInRoles.ALL.size(); i++) {
      assertThat(BuiltInRoles.ALL.get(i).id())
          .isEqualTo(UUID.fromString("00000000-0000-0000-0000-00000000000" + (i + 1)));
    }
    assertThat(BuiltInRoles.ALL)
        .extracting(RoleDefinition::name)
        .doesNotHaveDuplicates()
        .hasSize(9);
    assertThat(BuiltInRoles.isBuiltIn(RoleTemplates.READ_ONLY.id())).isFalse();
  }

  @Test
  void systemAdministratorLegacyHoldsEveryPermission() {
    assertThat(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.permissions())
        .isEqualTo(EnumSet.allOf(Permission.class));
  }

  @Test
  void
      systemUserLegacyHoldsEverythingExceptUsersSchedulesCrossTenantDeploymentsAndSystemSettings() {
    Set<Permission> ps = BuiltInRoles.SYSTEM_USER_LEGACY.permissions();
    assertThat(ps)
        .doesNotContain(
            USERS_MANAGE,
            USERS_DELETE,
            USERS_IMPERSONATE,
            ACCESS_REQUESTS_MANAGE,
            ROLE_ASSIGNMENTS_MANAGE,
            GROUPS_MANAGE,
            ROLES_MANAGE,
            SCHEDULES_MANAGE,
            SCHEDULES_DELETE,
            CROSS_TENANT_DEPLOYMENTS_MANAGE);
    assertThat(ps).noneMatch(Permission::system);
    assertThat(ps)
        .contains(
            USERS_VIEW,
            SCHEDULES_VIEW,
            SCHEDULES_RUN,
            CROSS_TENANT_DEPLOYMENTS_VIEW,
            TERMINAL_USE,
            SCRIPTS_MANAGE,
            COMPUTERS_RUN_MAINTENANCE,
            DEPLOYMENTS_MANAGE,
            DEPLOYMENTS_MANAGE_INDIVIDUAL,
            REPORTS_VIEW,
            DASHBOARDS_VIEW,
            TENANTS_VIEW);
    Set<Permission> expected = all(p -> !p.system());
    expected.removeAll(
        Set.of(
            USERS_MANAGE,
            USERS_DELETE,
            USERS_MANAGE_INTEGRATION,
            ACCESS_REQUESTS_MANAGE,
            GROUPS_MANAGE,
            ROLES_MANAGE,
            ROLE_ASSIGNMENTS_MANAGE,
            SCHEDULES_MANAGE,
            SCHEDULES_DELETE,
            CROSS_TENANT_DEPLOYMENTS_MANAGE));
    assertThat(ps).isEqualTo(expected);
  }

  @Test
  void administratorLegacyHasBroadTenantAccessAndNoSystemPermission() {
    Set<Permission> ps = BuiltInRoles.ADMINISTRATOR_LEGACY.permissions();
    assertThat(ps).noneMatch(Permission::system).noneMatch(Permission::mspOnly);
    assertThat(ps)
        .contains(
            COMPUTERS_VIEW,
            COMPUTERS_MANAGE,
            LICENSES_MANAGE,
            DEPLOYMENTS_MANAGE,
            USERS_MANAGE,
            COMPUTERS_RUN_MAINTENANCE,
            REPORTS_VIEW,
            DASHBOARDS_VIEW,
            SOFTWARE_MANAGE);
    assertThat(ps)
        .doesNotContain(
            SCHEDULES_VIEW,
            SCHEDULES_MANAGE,
            TENANTS_DELETE,
            TENANTS_MERGE,
            CROSS_TENANT_DEPLOYMENTS_MANAGE);
  }

  @Test
  void userLegacyIsLimited() {
    assertThat(BuiltInRoles.USER_LEGACY.permissions())
        .contains(
            COMPUTERS_VIEW, COMPUTERS_RUN_MAINTENANCE, DEPLOYMENTS_MANAGE_INDIVIDUAL, REPORTS_VIEW)
        .doesNotContain(
            DEPLOYMENTS_MANAGE, USERS_MANAGE, SCHEDULES_VIEW, CROSS_TENANT_DEPLOYMENTS_MANAGE)
        .noneMatch(Permission::system)
        .noneMatch(Permission::dangerous);
  }

  @Test
  void scriptManagerManagesScripts() {
    assertThat(BuiltInRoles.SCRIPT_MANAGER.permissions())
        .containsExactlyInAnyOrder(SCRIPTS_VIEW, SCRIPTS_MANAGE, SCRIPTS_DELETE);
  }

  @Test
  void computerTerminalUserRunsScriptsInTheTerminal() {
    assertThat(BuiltInRoles.COMPUTER_TERMINAL_USER.permissions())
        .containsExactlyInAnyOrder(
            TERMINAL_USE, TERMINAL_VIEW_HISTORY, SCRIPTS_RUN, SCRIPTS_VIEW, COMPUTERS_VIEW);
  }

  @Test
  void deploymentManagerManagesDeployments() {
    assertThat(BuiltInRoles.DEPLOYMENT_MANAGER.permissions())
        .containsExactlyInAnyOrder(
            DEPLOYMENTS_VIEW,
            DEPLOYMENTS_MANAGE,
            DEPLOYMENTS_MANAGE_INDIVIDUAL,
            DEPLOYMENTS_DELETE);
  }

  @Test
  void crossTenantDeploymentManagerManagesCrossTenantDeployments() {
    assertThat(BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.permissions())
        .containsExactlyInAnyOrder(CROSS_TENANT_DEPLOYMENTS_VIEW, CROSS_TENANT_DEPLOYMENTS_MANAGE);
  }

  @Test
  void crossTenantDeploymentChangeRequesterOnlyRequestsChanges() {
    assertThat(BuiltInRoles.CROSS_TENANT_DEPLOYMENT_CHANGE_REQUESTER.permissions())
        .containsExactlyInAnyOrder(
            CROSS_TENANT_DEPLOYMENTS_VIEW,
            CROSS_TENANT_DEPLOYMENTS_REQUEST_CHANGE,
            DEPLOYMENTS_MANAGE_CHANGE_REQUESTS,
            CHANGE_REQUESTS_VIEW,
            CHANGE_REQUESTS_CREATE)
        .doesNotContain(CROSS_TENANT_DEPLOYMENTS_MANAGE);
  }

  @Test
  void readOnlyTemplateHoldsEveryViewExceptSystemOnes() {
    assertThat(RoleTemplates.READ_ONLY.permissions())
        .isEqualTo(all(p -> p.key().endsWith(":view") && !p.system()));
    assertThat(RoleTemplates.READ_ONLY.permissions())
        .contains(COMPUTERS_VIEW)
        .doesNotContain(BILLING_VIEW, PREFERENCES_VIEW);
  }

  @Test
  void templatesAreNotBuiltInRoles() {
    assertThat(RoleTemplates.ALL)
        .extracting(RoleDefinition::name)
        .containsExactly(
            "Global Administrator",
            "Tenant Administrator",
            "Technician",
            "Read-Only",
            "Self-Service");
    assertThat(RoleTemplates.ALL).noneMatch(t -> BuiltInRoles.isBuiltIn(t.id()));
    assertThat(RoleTemplates.TENANT_ADMINISTRATOR.permissions()).noneMatch(Permission::system);
    assertThat(RoleTemplates.GLOBAL_ADMINISTRATOR.holdsSystemPermission()).isTrue();
  }
}
