package dev.tenantry.authz;

import static dev.tenantry.authz.Permission.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seed 001's roles, offered as templates to clone into a custom role — not built-in roles (DESIGN
 * §4). Their ids are fixed ({@code …0101}–{@code …0105}) only so that the UI can name them; no
 * assignment ever points at one.
 */
public final class RoleTemplates {

  public static final RoleDefinition GLOBAL_ADMINISTRATOR =
      template(
          0x101,
          "Global Administrator",
          "Full access to all features and functions.",
          EnumSet.allOf(Permission.class));

  public static final RoleDefinition TENANT_ADMINISTRATOR =
      template(
          0x102,
          "Tenant Administrator",
          "Full access to a specific tenant: every permission that is neither system nor MSP-only.",
          Arrays.stream(values())
              .filter(p -> !p.system() && !p.mspOnly())
              .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class))));

  public static final RoleDefinition TECHNICIAN =
      template(
          0x103,
          "Technician",
          "Day-to-day operations: manage computers and deployments, run maintenance, view reports and logs.",
          EnumSet.of(
              TENANTS_VIEW,
              COMPUTERS_VIEW,
              COMPUTERS_MANAGE,
              COMPUTERS_RUN_MAINTENANCE,
              INVENTORY_VIEW,
              INVENTORY_RUN,
              AGENTS_VIEW,
              DEPLOYMENTS_VIEW,
              DEPLOYMENTS_MANAGE,
              DEPLOYMENTS_MANAGE_INDIVIDUAL,
              MAINTENANCE_SESSIONS_VIEW,
              MAINTENANCE_SESSIONS_MANAGE,
              SOFTWARE_VIEW,
              SCRIPTS_VIEW,
              TASKS_VIEW,
              PEOPLE_VIEW,
              REPORTS_VIEW,
              DASHBOARDS_VIEW,
              CHANGE_REQUESTS_VIEW,
              CHANGE_REQUESTS_CREATE));

  public static final RoleDefinition READ_ONLY =
      template(
          0x104,
          "Read-Only",
          "View-only access: every *:view permission except system ones.",
          Arrays.stream(values())
              .filter(p -> p.isView() && !p.system())
              .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class))));

  public static final RoleDefinition SELF_SERVICE =
      template(
          0x105,
          "Self-Service",
          "Limited access for a tenant's own users: their computers, the software library, reports, requests.",
          EnumSet.of(
              COMPUTERS_VIEW,
              SOFTWARE_VIEW,
              REPORTS_VIEW,
              DASHBOARDS_VIEW,
              CHANGE_REQUESTS_VIEW,
              CHANGE_REQUESTS_CREATE));

  public static final List<RoleDefinition> ALL =
      List.of(GLOBAL_ADMINISTRATOR, TENANT_ADMINISTRATOR, TECHNICIAN, READ_ONLY, SELF_SERVICE);

  private RoleTemplates() {}

  private static RoleDefinition template(
      int n, String name, String description, java.util.Set<Permission> ps) {
    return new RoleDefinition(new UUID(0L, n), name, description, ps);
  }
}
