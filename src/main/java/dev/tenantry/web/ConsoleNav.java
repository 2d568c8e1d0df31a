package dev.tenantry.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;

/**
 * Which main-menu entries the signed-in user has any use for (each needs its view permission
 * somewhere).
 */
public record ConsoleNav(
    boolean tenants,
    boolean computers,
    boolean people,
    boolean usersAndRoles,
    boolean audit,
    boolean library,
    boolean deployments,
    boolean schedules,
    boolean maintenance) {

  static ConsoleNav of(Authorizer authz) {
    return new ConsoleNav(
        any(authz, Permission.TENANTS_VIEW),
        any(authz, Permission.COMPUTERS_VIEW),
        any(authz, Permission.PEOPLE_VIEW),
        any(authz, Permission.USERS_VIEW)
            || any(authz, Permission.ROLES_VIEW)
            || any(authz, Permission.ACCESS_REQUESTS_MANAGE),
        any(authz, Permission.AUDIT_VIEW),
        any(authz, Permission.SCRIPTS_VIEW)
            || any(authz, Permission.SOFTWARE_VIEW)
            || any(authz, Permission.TASKS_VIEW)
            || any(authz, Permission.MEDIA_VIEW)
            || any(authz, Permission.LICENSES_VIEW),
        any(authz, Permission.DEPLOYMENTS_VIEW),
        any(authz, Permission.SCHEDULES_VIEW),
        any(authz, Permission.MAINTENANCE_SESSIONS_VIEW));
  }

  private static boolean any(Authorizer authz, Permission p) {
    return authz.holdsAnywhere(p);
  }
}
