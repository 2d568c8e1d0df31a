package dev.tenantry.maintenance.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.authz.access.TenantFilter;
import dev.tenantry.shared.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change schedules (seed 003, DESIGN §4 and §8):
 *
 * <ul>
 *   <li>only <b>MSP users</b> (whose person belongs to an MSP tenant) see or touch schedules at
 *       all; for anyone else every schedule answers 404 and lists are empty, whatever roles they
 *       hold ("customer users neither view nor change them");
 *   <li>seeing needs {@code schedules:view} on the schedule's tenant; a cross-tenant schedule of
 *       MSP m on m itself, an instance-wide one at OWNER;
 *   <li>creating, editing and deleting need {@code schedules:manage} / {@code schedules:delete} as
 *       an <b>admin</b>: at OWNER or at the MSP scope of the tenant's MSP (so an MSP non-admin, or
 *       someone holding it on one tenant only, may not), and on the tenant itself (a deny there
 *       wins); cross-tenant ones over their whole reach (the MSP scope, or OWNER);
 *   <li>running now needs {@code schedules:run} on the tenant, or over the reach for cross-tenant.
 * </ul>
 */
@Component
class ScheduleAccess {
  private final Authorizer authorizer;
  private final JdbcClient jdbc;

  ScheduleAccess(Authorizer authorizer, JdbcClient jdbc) {
    this.authorizer = authorizer;
    this.jdbc = jdbc;
  }

  /** Scope of a schedule: a tenant, an MSP's tenants or the instance. */
  record Scope(@Nullable UUID tenantId, @Nullable UUID mspId) {
    static Scope of(ScheduleRow s) {
      return new Scope(s.ownerTenantId(), s.mspId());
    }
  }

  boolean callerIsMspUser() {
    return authorizer
        .currentUserId()
        .map(
            u ->
                jdbc.sql(
                        "select t.kind = 'MSP' from app_user u join person p on p.id = u.person_id"
                            + " join tenant t on t.id = p.tenant_id where u.id = ?")
                    .param(u)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false))
        .orElse(false);
  }

  boolean canView(Scope s) {
    return callerIsMspUser()
        && authorizer.check(Permission.SCHEDULES_VIEW, viewTarget(s)).allowed();
  }

  void requireView(Scope s, UUID id) {
    if (!canView(s)) {
      throw ApiException.notFound("schedule", id);
    }
  }

  /** For a new schedule: the tenant (or MSP) must be visible to the caller (404 otherwise). */
  void requireScopeVisible(Scope s) {
    if (s.tenantId() != null
        && !authorizer.check(Permission.TENANTS_VIEW, Target.tenant(s.tenantId())).allowed()
        && !authorizer.check(Permission.SCHEDULES_VIEW, Target.tenant(s.tenantId())).allowed()) {
      throw ApiException.notFound("tenant", s.tenantId());
    }
    if (!callerIsMspUser()) {
      throw ApiException.forbidden(
          "Only MSP users may create or change schedules (customer users neither see nor change"
              + " them)");
    }
  }

  /** schedules:manage or schedules:delete as an admin (see the class comment). */
  void requireAdmin(Permission p, Scope s, @Nullable UUID tenantMsp) {
    if (s.tenantId() != null) {
      authorizer.require(p, Target.tenant(s.tenantId()));
    }
    Target reach =
        s.tenantId() != null
            ? Target.globalObject(tenantMsp)
            : s.mspId() != null ? Target.globalObject(s.mspId()) : Target.system();
    if (!authorizer.check(p, reach).allowed()) {
      throw ApiException.forbidden(
          "You need the permission '"
              + p.key()
              + "' as an administrator ("
              + (s.tenantId() == null && s.mspId() == null
                  ? "for the whole instance"
                  : "for every tenant of the MSP, or the whole instance")
              + "): only administrators create, edit or delete schedules");
    }
  }

  void requireRun(Scope s) {
    Target t =
        s.tenantId() != null
            ? Target.tenant(s.tenantId())
            : s.mspId() != null ? Target.globalObject(s.mspId()) : Target.system();
    authorizer.require(Permission.SCHEDULES_RUN, t);
  }

  /** The schedules the caller may see, over {@code schedule s}. */
  SqlPredicate listFilter() {
    if (authorizer.currentUserId().isEmpty() || !callerIsMspUser()) {
      return SqlPredicate.FALSE;
    }
    TenantFilter f = authorizer.tenants(Permission.SCHEDULES_VIEW);
    SqlPredicate own = f.sql("s.owner_tenant_id", "schedOwners");
    SqlPredicate msp = f.sql("s.msp_id", "schedMsps");
    boolean instance = authorizer.check(Permission.SCHEDULES_VIEW, Target.system()).allowed();
    Map<String, Object> params = new HashMap<>(own.params());
    params.putAll(msp.params());
    return new SqlPredicate(
        "(s.owner_tenant_id is not null and ("
            + own.sql()
            + ")) or (s.msp_id is not null and ("
            + msp.sql()
            + "))"
            + (instance ? " or (s.owner_tenant_id is null and s.msp_id is null)" : ""),
        params);
  }

  private static Target viewTarget(Scope s) {
    return s.tenantId() != null
        ? Target.tenant(s.tenantId())
        : s.mspId() != null ? Target.tenant(s.mspId()) : Target.system();
  }
}
