package dev.tenantry.authz;

import static dev.tenantry.authz.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The nine built-in roles of DESIGN §4: fixed ids (…0001 to …0009), read-only, visible to every
 * tenant. Their permission sets are exact and documented in {@code docs/roles.md} (generated; see
 * {@code RolesDocTest}).
 */
public final class BuiltInRoles {

  // the permissions "managing users" covers for System User (Legacy)
  private static final Set<Permission> MANAGES_USERS =
      Set.of(
          USERS_MANAGE,
          USERS_DELETE,
          USERS_MANAGE_INTEGRATION,
          USERS_IMPERSONATE,
          ACCESS_REQUESTS_MANAGE,
          GROUPS_MANAGE,
          ROLES_MANAGE,
          ROLES_MANAGE_PUBLIC,
          ROLE_ASSIGNMENTS_MANAGE,
          ROLES_ASSIGN_CROSS_TENANT);

  /** Every permission (legacy MSP Admin). */
  public static final RoleDefinition SYSTEM_ADMINISTRATOR_LEGACY =
      role(
          1,
          "System Administrator (Legacy)",
          "Grants every permission available. Legacy MSP Admin.",
          EnumSet.allOf(Permission.class));

  /**
   * Legacy MSP Non-Admin: everything except managing users, schedules, cross-tenant deployments,
   * system settings.
   */
  public static final RoleDefinition SYSTEM_USER_LEGACY =
      role(
          2,
          "System User (Legacy)",
          "Same as System Administrator without managing users (users, access requests, groups, roles, role"
              + " assignments), schedules, cross-tenant deployments or system settings (every system permission)."
              + " Legacy MSP Non-Admin.",
          without(
              EnumSet.allOf(Permission.class),
              p ->
                  p.system()
                      || MANAGES_USERS.contains(p)
                      || p == SCHEDULES_MANAGE
                      || p == SCHEDULES_DELETE
                      || p == CROSS_TENANT_DEPLOYMENTS_MANAGE));

  /**
   * Legacy Tenant Admin: broad access within the scope it is assigned at, no system or MSP-only
   * permission.
   */
  public static final RoleDefinition ADMINISTRATOR_LEGACY =
      role(
          3,
          "Administrator (Legacy)",
          "Broad access with no system permissions: every permission that is neither system nor MSP-only, except"
              + " schedules and the tenant-structure operations (create, delete, merge, move, change a computer's"
              + " tenant). Legacy Tenant Admin.",
          without(
              EnumSet.allOf(Permission.class),
              p ->
                  p.system()
                      || p.mspOnly()
                      || p.subject() == PermissionSubject.SCHEDULES
                      || Set.of(
                              TENANTS_CREATE,
                              TENANTS_DELETE,
                              TENANTS_MERGE,
                              TENANTS_MOVE,
                              COMPUTERS_CHANGE_TENANT)
                          .contains(p)));

  /** Legacy Tenant Non-Admin. */
  public static final RoleDefinition USER_LEGACY =
      role(
          4,
          "User (Legacy)",
          "Limited access: view computers and what they run, run maintenance, individual deployments, reports."
              + " Legacy Tenant Non-Admin.",
          EnumSet.of(
              COMPUTERS_VIEW,
              COMPUTERS_RUN_MAINTENANCE,
              TENANTS_VIEW,
              PEOPLE_VIEW,
              DEPLOYMENTS_VIEW,
              DEPLOYMENTS_MANAGE_INDIVIDUAL,
              MAINTENANCE_SESSIONS_VIEW,
              SOFTWARE_VIEW,
              TASKS_VIEW,
              LICENSES_VIEW,
              REPORTS_VIEW,
              DASHBOARDS_VIEW,
              NOTIFICATIONS_VIEW));

  public static final RoleDefinition SCRIPT_MANAGER =
      role(
          5,
          "Script Manager",
          "Permission to manage scripts. Replaces the preference 'Allow Non-Admins and Non-MSP Users to Use"
              + " Terminal and Edit Scripts': a holder edits scripts where this role is assigned even while that"
              + " preference is off.",
          EnumSet.of(SCRIPTS_VIEW, SCRIPTS_MANAGE, SCRIPTS_DELETE));

  public static final RoleDefinition COMPUTER_TERMINAL_USER =
      role(
          6,
          "Computer Terminal User",
          "Run scripts against a computer in the terminal tab: see the computer and the scripts, run them and"
              + " follow their output. Replaces the preference 'Allow Non-Admins and Non-MSP Users to Use Terminal"
              + " and Edit Scripts': a holder runs scripts where this role is assigned even while that preference is"
              + " off.",
          EnumSet.of(
              TERMINAL_USE, TERMINAL_VIEW_HISTORY, SCRIPTS_RUN, SCRIPTS_VIEW, COMPUTERS_VIEW));

  public static final RoleDefinition DEPLOYMENT_MANAGER =
      role(
          7,
          "Deployment Manager",
          "Permission to manage deployments. Replaces the preference 'Allow Non-Admin Users to Manage Deployments'.",
          EnumSet.of(
              DEPLOYMENTS_VIEW,
              DEPLOYMENTS_MANAGE,
              DEPLOYMENTS_MANAGE_INDIVIDUAL,
              DEPLOYMENTS_DELETE));

  public static final RoleDefinition CROSS_TENANT_DEPLOYMENT_MANAGER =
      role(
          8,
          "Cross-Tenant Deployment Manager",
          "Permission to manage cross-tenant deployments. Replaces the user flag 'Can Manage Cross Tenant Deployments'.",
          EnumSet.of(CROSS_TENANT_DEPLOYMENTS_VIEW, CROSS_TENANT_DEPLOYMENTS_MANAGE));

  public static final RoleDefinition CROSS_TENANT_DEPLOYMENT_CHANGE_REQUESTER =
      role(
          9,
          "Cross-Tenant Deployment Change Requester",
          "Change cross-tenant deployments through change requests only. Replaces the preference 'Require Change"
              + " Requests for Non-Admin Cross-Tenant Deployments'.",
          EnumSet.of(
              CROSS_TENANT_DEPLOYMENTS_VIEW,
              CROSS_TENANT_DEPLOYMENTS_REQUEST_CHANGE,
              DEPLOYMENTS_MANAGE_CHANGE_REQUESTS,
              CHANGE_REQUESTS_VIEW,
              CHANGE_REQUESTS_CREATE));

  /** In display order. */
  public static final List<RoleDefinition> ALL =
      List.of(
          SYSTEM_ADMINISTRATOR_LEGACY,
          SYSTEM_USER_LEGACY,
          ADMINISTRATOR_LEGACY,
          USER_LEGACY,
          SCRIPT_MANAGER,
          COMPUTER_TERMINAL_USER,
          DEPLOYMENT_MANAGER,
          CROSS_TENANT_DEPLOYMENT_MANAGER,
          CROSS_TENANT_DEPLOYMENT_CHANGE_REQUESTER);

  private BuiltInRoles() {}

  public static Optional<RoleDefinition> byId(UUID id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public static boolean isBuiltIn(UUID roleId) {
    return byId(roleId).isPresent();
  }

  /** {@code 00000000-0000-0000-0000-00000000000N}. */
  public static UUID fixedId(int n) {
    return new UUID(0L, n);
  }

  private static RoleDefinition role(
      int n, String name, String description, Set<Permission> permissions) {
    return new RoleDefinition(fixedId(n), name, description, permissions);
  }

  private static Set<Permission> without(EnumSet<Permission> all, Predicate<Permission> excluded) {
    all.removeIf(excluded);
    return all;
  }
}
