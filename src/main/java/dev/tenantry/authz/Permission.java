package dev.tenantry.authz;

import static dev.tenantry.authz.Permission.Flags.D;
import static dev.tenantry.authz.Permission.Flags.M;
import static dev.tenantry.authz.Permission.Flags.S;
import static dev.tenantry.authz.PermissionCategory.ADVANCED;
import static dev.tenantry.authz.PermissionCategory.CORE;
import static dev.tenantry.authz.PermissionCategory.VIEW;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The permission catalogue (DESIGN §1): one constant per capability, with a stable {@code
 * subject:action} key.
 *
 * <p>Contracts: keys never change once released (roles store them); the ordinal is only an
 * in-memory index (role bitsets) and must never be persisted. Flags: {@code system} = cannot be
 * limited to tenants, decided system-wide (§3.5); {@code dangerous} = shown with a warning; {@code
 * mspOnly} = meaningful for MSP staff only. Dependencies are advisory (§3.7): no permission ever
 * implies another.
 */
public enum Permission {
  // Computers
  COMPUTERS_VIEW(
      "computers:view", "View computers", "See computers, their details and status.", VIEW, 0),
  COMPUTERS_MANAGE(
      "computers:manage",
      "Manage computers",
      "Edit computers: name, primary person, tags, notes.",
      CORE,
      0,
      "computers:view"),
  COMPUTERS_DELETE(
      "computers:delete",
      "Delete computers",
      "Remove computers and their history.",
      ADVANCED,
      D,
      "computers:view"),
  COMPUTERS_CHANGE_TENANT(
      "computers:change-tenant",
      "Change computer tenant",
      "Move a computer to another tenant; needs the permission on both tenants.",
      ADVANCED,
      D,
      "computers:view",
      "tenants:view"),
  COMPUTERS_ONBOARD(
      "computers:onboard",
      "Onboard computers",
      "Accept new computers and run their onboarding.",
      CORE,
      0,
      "computers:view"),
  COMPUTERS_RUN_MAINTENANCE(
      "computers:run-maintenance",
      "Run maintenance",
      "Start maintenance on computers.",
      CORE,
      0,
      "computers:view"),
  COMPUTERS_REMOTE_CONTROL(
      "computers:remote-control",
      "Remote control",
      "Open remote-control sessions to computers.",
      ADVANCED,
      D,
      "computers:view"),
  COMPUTERS_EXPORT(
      "computers:export",
      "Export computers",
      "Export the computer list to CSV.",
      CORE,
      0,
      "computers:view"),
  COMPUTERS_VIEW_SECRETS(
      "computers:view-secrets",
      "View computer secrets",
      "See recovery keys and local admin passwords.",
      ADVANCED,
      D,
      "computers:view"),
  // Inventory
  INVENTORY_VIEW(
      "inventory:view",
      "View inventory",
      "See software and hardware inventory of computers.",
      VIEW,
      0,
      "computers:view"),
  INVENTORY_RUN(
      "inventory:run",
      "Run inventory",
      "Refresh inventory on computers.",
      CORE,
      0,
      "inventory:view"),
  INVENTORY_MANAGE(
      "inventory:manage",
      "Manage inventory scripts",
      "Edit the inventory scripts collected from computers.",
      ADVANCED,
      D | M,
      "inventory:view"),
  // Agents
  AGENTS_VIEW("agents:view", "View agents", "See agents installed on computers.", VIEW, 0),
  AGENTS_MANAGE(
      "agents:manage",
      "Manage agents",
      "Update, restart and re-link agents.",
      CORE,
      0,
      "agents:view"),
  AGENTS_INSTALL(
      "agents:install",
      "Download agent installers",
      "Download installers and install tokens for a tenant.",
      CORE,
      0),
  AGENTS_DELETE(
      "agents:delete",
      "Delete agents",
      "Remove agents from computers.",
      ADVANCED,
      D,
      "agents:view"),
  // Providers
  PROVIDERS_VIEW(
      "providers:view", "View providers", "See RMM/PSA provider links and their clients.", VIEW, 0),
  PROVIDERS_MANAGE(
      "providers:manage",
      "Manage providers",
      "Create and edit provider links and their client mappings.",
      ADVANCED,
      D | M,
      "providers:view"),
  // Deployments
  DEPLOYMENTS_VIEW(
      "deployments:view", "View deployments", "See deployments (target assignments).", VIEW, 0),
  DEPLOYMENTS_MANAGE(
      "deployments:manage",
      "Manage deployments",
      "Create, edit and delete single-tenant deployments.",
      CORE,
      0,
      "deployments:view",
      "software:view",
      "tasks:view"),
  DEPLOYMENTS_MANAGE_INDIVIDUAL(
      "deployments:manage-individual",
      "Manage individual deployments",
      "Create deployments targeting individual computers and people.",
      CORE,
      0,
      "deployments:view"),
  DEPLOYMENTS_DELETE(
      "deployments:delete",
      "Delete deployments",
      "Delete deployments.",
      ADVANCED,
      0,
      "deployments:view"),
  DEPLOYMENTS_APPROVE_RECOMMENDED(
      "deployments:approve-recommended",
      "Approve recommended deployments",
      "Approve or dismiss recommended deployments.",
      CORE,
      0,
      "deployments:view"),
  DEPLOYMENTS_MANAGE_CHANGE_REQUESTS(
      "deployments:manage_change_requests",
      "Request deployment changes",
      "Submit a deployment change as a change request instead of applying it.",
      CORE,
      0,
      "deployments:view"),
  // Cross-tenant deployments
  CROSS_TENANT_DEPLOYMENTS_VIEW(
      "cross-tenant-deployments:view",
      "View cross-tenant deployments",
      "See deployments that target several tenants.",
      VIEW,
      M),
  CROSS_TENANT_DEPLOYMENTS_MANAGE(
      "cross-tenant-deployments:manage",
      "Manage cross-tenant deployments",
      "Create, edit and delete deployments targeting several tenants.",
      ADVANCED,
      D | M,
      "cross-tenant-deployments:view"),
  CROSS_TENANT_DEPLOYMENTS_REQUEST_CHANGE(
      "cross-tenant-deployments:request-change",
      "Request cross-tenant deployment changes",
      "Change cross-tenant deployments through change requests only.",
      CORE,
      M,
      "cross-tenant-deployments:view",
      "change-requests:create"),
  // Change requests
  CHANGE_REQUESTS_VIEW(
      "change-requests:view",
      "View change requests",
      "See pending and decided change requests.",
      VIEW,
      0),
  CHANGE_REQUESTS_CREATE(
      "change-requests:create",
      "Create change requests",
      "Submit change requests.",
      CORE,
      0,
      "change-requests:view"),
  CHANGE_REQUESTS_APPROVE(
      "change-requests:approve",
      "Approve change requests",
      "Approve or deny other users' change requests.",
      ADVANCED,
      D,
      "change-requests:view"),
  // Schedules
  SCHEDULES_VIEW("schedules:view", "View schedules", "See maintenance schedules.", VIEW, 0),
  SCHEDULES_MANAGE(
      "schedules:manage",
      "Manage schedules",
      "Create, edit and delete schedules.",
      CORE,
      0,
      "schedules:view"),
  SCHEDULES_RUN(
      "schedules:run",
      "Run schedules now",
      "Trigger a schedule outside its time.",
      CORE,
      0,
      "schedules:view"),
  SCHEDULES_DELETE(
      "schedules:delete", "Delete schedules", "Delete schedules.", ADVANCED, 0, "schedules:view"),
  // Maintenance sessions
  MAINTENANCE_SESSIONS_VIEW(
      "maintenance-sessions:view",
      "View sessions",
      "See maintenance sessions and their logs.",
      VIEW,
      0),
  MAINTENANCE_SESSIONS_MANAGE(
      "maintenance-sessions:manage",
      "Manage sessions",
      "Cancel, rerun and resume maintenance sessions.",
      CORE,
      0,
      "maintenance-sessions:view"),
  MAINTENANCE_SESSIONS_DELETE(
      "maintenance-sessions:delete",
      "Delete sessions",
      "Delete maintenance sessions and logs.",
      ADVANCED,
      0,
      "maintenance-sessions:view"),
  // Software
  SOFTWARE_VIEW(
      "software:view",
      "View software",
      "See the software library (global software is visible to anyone holding this).",
      VIEW,
      0),
  SOFTWARE_MANAGE(
      "software:manage",
      "Manage software",
      "Create and edit software and its versions.",
      CORE,
      0,
      "software:view"),
  SOFTWARE_DELETE(
      "software:delete",
      "Delete software",
      "Delete software and versions.",
      ADVANCED,
      0,
      "software:view"),
  SOFTWARE_PUBLISH(
      "software:publish",
      "Publish global software",
      "Make software global (shared with every tenant).",
      ADVANCED,
      D | M,
      "software:manage"),
  // Scripts
  SCRIPTS_VIEW("scripts:view", "View scripts", "See scripts.", VIEW, 0),
  SCRIPTS_MANAGE(
      "scripts:manage", "Manage scripts", "Create and edit scripts.", CORE, D, "scripts:view"),
  SCRIPTS_DELETE(
      "scripts:delete", "Delete scripts", "Delete scripts.", ADVANCED, 0, "scripts:view"),
  SCRIPTS_RUN(
      "scripts:run",
      "Run scripts",
      "Run ad-hoc scripts and metascripts against computers.",
      ADVANCED,
      D,
      "scripts:view",
      "computers:view"),
  SCRIPTS_PUBLISH(
      "scripts:publish",
      "Publish scripts",
      "Make a script global or visible to all tenants: it publishes code to every tenant.",
      ADVANCED,
      D | M,
      "scripts:manage"),
  SCRIPTS_EXECUTE(
      "scripts:execute",
      "Execute script runs",
      "For executors (integration users): claim the queued script runs of the computers in scope, read their"
          + " parameters (secret ones included), stream their output and report the result.",
      ADVANCED,
      D | M,
      "computers:view"),
  // Maintenance tasks
  TASKS_VIEW("tasks:view", "View tasks", "See maintenance tasks.", VIEW, 0),
  TASKS_MANAGE(
      "tasks:manage",
      "Manage tasks",
      "Create and edit maintenance tasks and their parameters.",
      CORE,
      0,
      "tasks:view"),
  TASKS_DELETE(
      "tasks:delete", "Delete tasks", "Delete maintenance tasks.", ADVANCED, 0, "tasks:view"),
  TASKS_PUBLISH(
      "tasks:publish",
      "Publish tasks",
      "Make a maintenance task global or visible to all tenants.",
      ADVANCED,
      D | M,
      "tasks:manage"),
  // Media
  MEDIA_VIEW("media:view", "View media", "See uploaded media.", VIEW, 0),
  MEDIA_MANAGE("media:manage", "Manage media", "Upload and edit media.", CORE, 0, "media:view"),
  MEDIA_DELETE("media:delete", "Delete media", "Delete media.", ADVANCED, 0, "media:view"),
  MEDIA_PUBLISH(
      "media:publish",
      "Publish media",
      "Make media global (shared with every tenant).",
      ADVANCED,
      D | M,
      "media:manage"),
  // Licenses
  LICENSES_VIEW("licenses:view", "View licenses", "See software licenses.", VIEW, 0),
  LICENSES_MANAGE(
      "licenses:manage",
      "Manage licenses",
      "Create and edit software licenses.",
      CORE,
      0,
      "licenses:view"),
  LICENSES_DELETE(
      "licenses:delete",
      "Delete licenses",
      "Delete software licenses.",
      ADVANCED,
      0,
      "licenses:view"),
  LICENSES_PUBLISH(
      "licenses:publish",
      "Publish licenses",
      "Make a license global (usable by every tenant; its key stays readable only at OWNER or the creating MSP).",
      ADVANCED,
      D | M,
      "licenses:manage"),
  LICENSES_MANAGE_INSTANCE(
      "licenses:manage-instance",
      "Manage instance license",
      "Change the product license of this instance. System: the instance has one license.",
      ADVANCED,
      S | D | M),
  // Terminal
  TERMINAL_USE(
      "terminal:use",
      "Use terminal",
      "Run arbitrary code on a computer from its terminal tab.",
      ADVANCED,
      D,
      "computers:view"),
  TERMINAL_VIEW_HISTORY(
      "terminal:view-history",
      "View terminal history",
      "See what was run in computer terminals.",
      VIEW,
      0,
      "computers:view"),
  // Tags
  TAGS_VIEW("tags:view", "View tags", "See tags.", VIEW, 0),
  TAGS_MANAGE("tags:manage", "Manage tags", "Create, edit and delete tags.", CORE, 0, "tags:view"),
  TAGS_ASSIGN(
      "tags:assign",
      "Assign tags",
      "Put tags on and take them off tenants, computers and people. Tenant tags change access (TENANT_TAG scopes).",
      CORE,
      0,
      "tags:view"),
  // Tenants
  TENANTS_VIEW("tenants:view", "View tenants", "See tenants and their details.", VIEW, 0),
  TENANTS_MANAGE(
      "tenants:manage",
      "Manage tenants",
      "Edit tenants; deny it on one tenant to keep someone out of it.",
      CORE,
      0,
      "tenants:view"),
  TENANTS_CREATE(
      "tenants:create",
      "Create tenants",
      "Create client tenants below a tenant.",
      CORE,
      0,
      "tenants:view"),
  TENANTS_DELETE(
      "tenants:delete",
      "Delete tenants",
      "Delete tenants and everything they own.",
      ADVANCED,
      D,
      "tenants:view"),
  TENANTS_MERGE(
      "tenants:merge",
      "Merge tenants",
      "Merge one tenant into another (needs it on both).",
      ADVANCED,
      D,
      "tenants:view"),
  TENANTS_MANAGE_MSP(
      "tenants:manage-msp",
      "Manage MSP flag",
      "Mark or unmark a tenant as an MSP; changes what MSP scopes cover.",
      ADVANCED,
      D | M,
      "tenants:manage"),
  TENANTS_MOVE(
      "tenants:move",
      "Move tenants",
      "Change a tenant's parent; changes what include-children scopes cover.",
      ADVANCED,
      D,
      "tenants:manage"),
  // Tenant preferences
  TENANT_PREFERENCES_VIEW(
      "tenant-preferences:view",
      "View tenant preferences",
      "See a tenant's preferences (inherited along the tree).",
      VIEW,
      0),
  TENANT_PREFERENCES_MANAGE(
      "tenant-preferences:manage",
      "Manage tenant preferences",
      "Change a tenant's preferences.",
      CORE,
      0,
      "tenant-preferences:view"),
  // People
  PEOPLE_VIEW("people:view", "View people", "See people of a tenant.", VIEW, 0),
  PEOPLE_MANAGE(
      "people:manage", "Manage people", "Create and edit people.", CORE, 0, "people:view"),
  PEOPLE_DELETE(
      "people:delete",
      "Delete people",
      "Delete people (their users lose access).",
      ADVANCED,
      D,
      "people:view"),
  // Users
  USERS_VIEW("users:view", "View users", "See users and their activity.", VIEW, 0),
  USERS_VIEW_ACTIVITY(
      "users:view-activity",
      "View user activity",
      "See the activity log of a user.",
      VIEW,
      0,
      "users:view"),
  USERS_MANAGE(
      "users:manage",
      "Manage users",
      "Create, enable, disable and expire users of a tenant.",
      CORE,
      D,
      "users:view",
      "people:view"),
  USERS_DELETE("users:delete", "Delete users", "Delete users.", ADVANCED, D, "users:view"),
  USERS_MANAGE_INTEGRATION(
      "users:manage-integration",
      "Manage integration users",
      "Create service accounts for API clients.",
      ADVANCED,
      D,
      "users:view"),
  USERS_IMPERSONATE(
      "users:impersonate",
      "Impersonate users",
      "Act as another user. System: impersonation is instance-wide (DESIGN §5).",
      ADVANCED,
      S | D,
      "users:view"),
  // Access requests
  ACCESS_REQUESTS_VIEW(
      "access-requests:view", "View access requests", "See pending access requests.", VIEW, 0),
  ACCESS_REQUESTS_MANAGE(
      "access-requests:manage",
      "Manage access requests",
      "Approve (with a role) or deny access requests.",
      CORE,
      D,
      "access-requests:view",
      "users:manage"),
  // Impersonation
  IMPERSONATION_VIEW(
      "impersonation:view",
      "View impersonation sessions",
      "See who impersonated whom. System: sessions are instance-wide.",
      VIEW,
      S,
      "users:view"),
  IMPERSONATION_END_ANY(
      "impersonation:end-any",
      "End impersonation sessions",
      "Stop other users' impersonation sessions. System: sessions are instance-wide.",
      ADVANCED,
      S | D,
      "impersonation:view"),
  // Roles
  ROLES_VIEW(
      "roles:view",
      "View roles",
      "See roles owned by a tenant (public roles are visible to all).",
      VIEW,
      0),
  ROLES_MANAGE(
      "roles:manage",
      "Manage roles",
      "Create and edit roles owned by a tenant.",
      CORE,
      D,
      "roles:view"),
  ROLES_MANAGE_PUBLIC(
      "roles:manage-public",
      "Manage public roles",
      "Create and edit roles visible to every tenant. System: a public role has no owning tenant.",
      ADVANCED,
      S | D | M,
      "roles:view"),
  ROLES_ASSIGN_CROSS_TENANT(
      "roles:assign-cross-tenant",
      "Assign cross-tenant roles",
      "Assign roles holding system permissions, or at OWNER, MSP or tenant-tag scope (rule 6b). System: these grants reach beyond any one tenant.",
      ADVANCED,
      S | D | M,
      "role-assignments:manage"),
  // Groups
  GROUPS_VIEW("groups:view", "View groups", "See groups and members.", VIEW, 0),
  GROUPS_MANAGE(
      "groups:manage",
      "Manage groups",
      "Create, edit and delete groups and their members.",
      CORE,
      D,
      "groups:view"),
  // Role assignments
  ROLE_ASSIGNMENTS_VIEW(
      "role-assignments:view", "View role assignments", "See who holds which role where.", VIEW, 0),
  ROLE_ASSIGNMENTS_MANAGE(
      "role-assignments:manage",
      "Manage role assignments",
      "Create and remove role assignments within the scope held (rule 6a).",
      CORE,
      D,
      "role-assignments:view",
      "roles:view"),
  // Reports and dashboards
  REPORTS_VIEW("reports:view", "View reports", "See reports.", VIEW, 0),
  REPORTS_MANAGE(
      "reports:manage",
      "Manage reports",
      "Create and edit report definitions.",
      CORE,
      0,
      "reports:view"),
  REPORTS_EXPORT(
      "reports:export", "Export reports", "Export report data.", CORE, 0, "reports:view"),
  REPORTS_SCHEDULE(
      "reports:schedule",
      "Schedule reports",
      "E-mail reports on a schedule.",
      CORE,
      0,
      "reports:view"),
  DASHBOARDS_VIEW("dashboards:view", "View dashboards", "See dashboards.", VIEW, 0),
  DASHBOARDS_MANAGE(
      "dashboards:manage",
      "Manage dashboards",
      "Create and edit dashboards.",
      CORE,
      0,
      "dashboards:view"),
  // Notifications
  NOTIFICATIONS_VIEW("notifications:view", "View notifications", "See notifications.", VIEW, 0),
  NOTIFICATIONS_MANAGE(
      "notifications:manage",
      "Manage notifications",
      "Acknowledge and configure notifications of a tenant.",
      CORE,
      0,
      "notifications:view"),
  NOTIFICATIONS_MANAGE_SYSTEM(
      "notifications:manage-system",
      "Manage system notifications",
      "Configure instance-wide notification channels (e-mail, webhooks). System: channels are instance-wide.",
      ADVANCED,
      S | M,
      "notifications:view"),
  // Audit
  AUDIT_VIEW("audit:view", "View audit trail", "See audit events of a tenant.", VIEW, 0),
  AUDIT_EXPORT(
      "audit:export",
      "Export audit trail",
      "Export the audit trail.",
      ADVANCED,
      S | M,
      "audit:view"),
  AUDIT_VERIFY(
      "audit:verify",
      "Verify audit chain",
      "Verify the audit hash chain. System: the chain spans the whole instance.",
      ADVANCED,
      S | M,
      "audit:view"),
  // Integrations
  INTEGRATIONS_VIEW(
      "integrations:view", "View integrations", "See configured integrations.", VIEW, 0),
  INTEGRATIONS_MANAGE(
      "integrations:manage",
      "Manage integrations",
      "Configure integrations and their credentials. System: integrations hold instance-wide secrets.",
      ADVANCED,
      S | D | M,
      "integrations:view"),
  INTEGRATIONS_RELOAD_TYPES(
      "integrations:reload-types",
      "Reload integration types",
      "Reload the integration type catalogue. System: it is instance-wide.",
      ADVANCED,
      S | M,
      "integrations:view"),
  INTEGRATIONS_LINK_CLIENTS(
      "integrations:link-clients",
      "Link integration clients",
      "Link an integration's client to a tenant.",
      CORE,
      0,
      "integrations:view",
      "tenants:view"),
  // Azure
  AZURE_VIEW(
      "azure:view",
      "View Azure settings",
      "See Entra ID links and sync status of a tenant.",
      VIEW,
      0),
  AZURE_MANAGE(
      "azure:manage",
      "Manage Azure settings",
      "Configure the Entra ID app and consent. System: one app registration for the instance.",
      ADVANCED,
      S | D | M,
      "azure:view"),
  AZURE_SYNC(
      "azure:sync",
      "Run Azure sync",
      "Start the Entra ID user sync now. System: the sync runs for the whole instance.",
      CORE,
      S | M,
      "azure:view"),
  AZURE_LINK_TENANT(
      "azure:link-tenant",
      "Link Azure tenant",
      "Link an Entra tenant id to a tenant. System: the instance then trusts sign-ins and tokens"
          + " from that directory, an instance-wide trust decision.",
      CORE,
      S | D | M,
      "azure:view",
      "tenants:manage"),
  // Application preferences
  PREFERENCES_VIEW(
      "preferences:view",
      "View application preferences",
      "See application preferences. System: they apply to the whole instance.",
      VIEW,
      S),
  PREFERENCES_MANAGE(
      "preferences:manage",
      "Manage application preferences",
      "Change application preferences (access requests, impersonation, sync). System: they apply to the whole instance.",
      ADVANCED,
      S | D | M,
      "preferences:view"),
  // Billing
  BILLING_VIEW(
      "billing:view",
      "View billing",
      "See subscription and invoices. System: billing is per instance.",
      VIEW,
      S | M),
  BILLING_MANAGE(
      "billing:manage",
      "Manage billing",
      "Change subscription and payment. System: billing is per instance.",
      ADVANCED,
      S | D | M,
      "billing:view"),
  // System
  SYSTEM_VIEW_STATUS(
      "system:view-status",
      "View system status",
      "See health, version and background jobs. System: instance-wide.",
      VIEW,
      S | M),
  SYSTEM_VIEW_LOGS(
      "system:view-logs",
      "View system logs",
      "See server logs. System: instance-wide and may contain other tenants' data.",
      ADVANCED,
      S | D | M),
  SYSTEM_MANAGE_UPDATES(
      "system:manage-updates",
      "Manage updates",
      "Update or restart the instance. System: instance-wide.",
      ADVANCED,
      S | D | M,
      "system:view-status"),
  SYSTEM_MANAGE_BRANDING(
      "system:manage-branding",
      "Manage branding",
      "Change the instance's logo, colours and login text. System: instance-wide.",
      CORE,
      S | M),
  SYSTEM_MANAGE_SMTP(
      "system:manage-smtp",
      "Manage outgoing e-mail",
      "Configure the SMTP relay. System: instance-wide.",
      ADVANCED,
      S | D | M),
  SYSTEM_MANAGE_OAUTH(
      "system:manage-oauth",
      "Manage OAuth clients",
      "Register API clients and consent. System: instance-wide.",
      ADVANCED,
      S | D | M);

  /**
   * Flag bits, kept short so the table above stays readable (nested: enum constants cannot use own
   * statics).
   */
  interface Flags {
    int S = 1;
    int D = 2;
    int M = 4;
  }

  private final String key;
  private final PermissionSubject subject;
  private final String displayName;
  private final String description;
  private final PermissionCategory category;
  private final int flags;
  private final String[] dependencyKeys;
  private Set<Permission> dependencies = Set.of();

  private static final Map<String, Permission> BY_KEY = new HashMap<>();

  static {
    for (Permission p : values()) {
      if (BY_KEY.put(p.key, p) != null) {
        throw new ExceptionInInitializerError("duplicate permission key " + p.key);
      }
    }
    for (Permission p : values()) {
      EnumSet<Permission> deps = EnumSet.noneOf(Permission.class);
      for (String k : p.dependencyKeys) {
        Permission d = BY_KEY.get(k);
        if (d == null) {
          throw new ExceptionInInitializerError(p.key + " depends on unknown " + k);
        }
        deps.add(d);
      }
      p.dependencies = Collections.unmodifiableSet(deps);
    }
  }

  Permission(
      String key,
      String displayName,
      String description,
      PermissionCategory category,
      int flags,
      String... deps) {
    this.key = key;
    this.subject =
        PermissionSubject.byKeyPrefix(key.substring(0, key.indexOf(':')))
            .orElseThrow(() -> new IllegalArgumentException("no subject for " + key));
    this.displayName = displayName;
    this.description = description;
    this.category = category;
    this.flags = flags;
    this.dependencyKeys = deps;
  }

  /** The stable {@code subject:action} key, e.g. {@code computers:view}. */
  public String key() {
    return key;
  }

  public PermissionSubject subject() {
    return subject;
  }

  /** The part of the key after the colon, e.g. {@code view}. */
  public String action() {
    return key.substring(key.indexOf(':') + 1);
  }

  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  public PermissionCategory category() {
    return category;
  }

  /**
   * Cannot be limited to tenants: any assignment holding it grants or denies it system-wide (DESIGN
   * §3.5).
   */
  public boolean system() {
    return (flags & S) != 0;
  }

  public boolean dangerous() {
    return (flags & D) != 0;
  }

  public boolean mspOnly() {
    return (flags & M) != 0;
  }

  /**
   * A {@code *:view} permission: on global objects it is granted by an assignment at any scope
   * (DESIGN §2).
   */
  public boolean isView() {
    return key.endsWith(":view");
  }

  /** Other permissions this one needs to be useful; advisory only, never implied (DESIGN §3.7). */
  public Set<Permission> dependencies() {
    return dependencies;
  }

  public static Optional<Permission> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
