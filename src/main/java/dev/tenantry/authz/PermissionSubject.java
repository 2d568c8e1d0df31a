package dev.tenantry.authz;

import java.util.Optional;

/**
 * What a permission is about; the part of its key before the colon. Order is the role editor's
 * display order.
 */
public enum PermissionSubject {
  COMPUTERS("computers", "Computers"),
  INVENTORY("inventory", "Inventory"),
  AGENTS("agents", "Agents"),
  PROVIDERS("providers", "Providers"),
  DEPLOYMENTS("deployments", "Deployments"),
  CROSS_TENANT_DEPLOYMENTS("cross-tenant-deployments", "Cross-Tenant Deployments"),
  CHANGE_REQUESTS("change-requests", "Change Requests"),
  SCHEDULES("schedules", "Schedules"),
  MAINTENANCE_SESSIONS("maintenance-sessions", "Maintenance Sessions"),
  SOFTWARE("software", "Software"),
  SCRIPTS("scripts", "Scripts"),
  TASKS("tasks", "Maintenance Tasks"),
  MEDIA("media", "Media"),
  LICENSES("licenses", "Licenses"),
  TERMINAL("terminal", "Terminal"),
  TAGS("tags", "Tags"),
  TENANTS("tenants", "Tenants"),
  TENANT_PREFERENCES("tenant-preferences", "Tenant Preferences"),
  PEOPLE("people", "People"),
  USERS("users", "Users"),
  ACCESS_REQUESTS("access-requests", "Access Requests"),
  IMPERSONATION("impersonation", "Impersonation"),
  ROLES("roles", "Roles"),
  GROUPS("groups", "Groups"),
  ROLE_ASSIGNMENTS("role-assignments", "Role Assignments"),
  REPORTS("reports", "Reports"),
  DASHBOARDS("dashboards", "Dashboards"),
  NOTIFICATIONS("notifications", "Notifications"),
  AUDIT("audit", "Audit"),
  INTEGRATIONS("integrations", "Integrations"),
  AZURE("azure", "Azure"),
  PREFERENCES("preferences", "Application Preferences"),
  BILLING("billing", "Billing"),
  SYSTEM("system", "System");

  private final String keyPrefix;
  private final String displayName;

  PermissionSubject(String keyPrefix, String displayName) {
    this.keyPrefix = keyPrefix;
    this.displayName = displayName;
  }

  /** The part of a permission key before the colon, e.g. {@code computers}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<PermissionSubject> byKeyPrefix(String prefix) {
    for (PermissionSubject s : values()) {
      if (s.keyPrefix.equals(prefix)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
