package dev.tenantry.maintenance.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.maintenance.internal.ScheduleAccess.Scope;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules (DESIGN §8): create, edit, delete, list, run now; access by {@link ScheduleAccess}. */
@Service
public class ScheduleService {
  static final String TYPE = "schedule";
  private static final Set<String> KINDS = Set.of("TENANT", "COMPUTERS", "TAGS");
  private final ScheduleRepository repo;
  private final ScheduleAccess access;
  private final ScheduleTargets targets;
  private final ScheduleTimes times;
  private final Windows windows;
  private final MaintenanceScheduling scheduling;
  private final Firings firings;
  private final Tenants tenants;
  private final Authorizer authorizer;
  private final AuditLog audit;

  ScheduleService(
      ScheduleRepository repo,
      ScheduleAccess access,
      ScheduleTargets targets,
      ScheduleTimes times,
      Windows windows,
      MaintenanceScheduling scheduling,
      Firings firings,
      Tenants tenants,
      Authorizer authorizer,
      AuditLog audit) {
    this.repo = repo;
    this.access = access;
    this.targets = targets;
    this.times = times;
    this.windows = windows;
    this.scheduling = scheduling;
    this.firings = firings;
    this.tenants = tenants;
    this.authorizer = authorizer;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Page<ScheduleViews.Schedule> list(@Nullable UUID tenantId, int page, int size) {
    return list(tenantId, null, page, size);
  }

  /** Schedules the caller may see, optionally of one tenant and whose name contains {@code q}. */
  @Transactional(readOnly = true)
  public Page<ScheduleViews.Schedule> list(
      @Nullable UUID tenantId, @Nullable String q, int page, int size) {
    authorizer.requireUser(); // an identity without a user has no schedules
    SqlPredicate visible = access.listFilter();
    var total = repo.count(visible.sql(), visible.params(), tenantId, q);
    return new Page<>(
        repo.list(visible.sql(), visible.params(), tenantId, q, page, size).stream()
            .map(s -> view(s, false))
            .toList(),
        page,
        size,
        total.value(),
        total.estimated(),
        null);
  }

  @Transactional(readOnly = true)
  public ScheduleViews.Schedule get(UUID id) {
    return view(visible(id, false), true);
  }

  @Transactional(readOnly = true)
  public boolean canManage(UUID id) {
    ScheduleRow s = visible(id, false);
    try {
      access.requireAdmin(Permission.SCHEDULES_MANAGE, Scope.of(s), msp(s.ownerTenantId()));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  @Transactional
  public ScheduleViews.Schedule create(ScheduleViews.Command c) {
    UUID me = authorizer.requireUser();
    Scope scope = scopeOf(c);
    access.requireScopeVisible(scope);
    access.requireAdmin(Permission.SCHEDULES_MANAGE, scope, msp(scope.tenantId()));
    Instant now = Instant.now();
    ScheduleRow s = validated(UUID.randomUUID(), scope, c, now, me, now, 0);
    repo.insert(s);
    ScheduleRow saved = repo.find(s.id(), false).orElseThrow();
    scheduling.plan(saved);
    ScheduleViews.Schedule view = view(saved);
    audit.record(AuditEntry.created("schedule.created", TYPE, s.id(), auditTenant(saved), view));
    return view;
  }

  /**
   * An edit. A command that names a scope ({@code tenantId}, or {@code crossTenant}) may move the
   * schedule to it — tenant to cross-tenant, one tenant to another, and back; without one the scope
   * stays. A move is judged at the old and at the new scope, each as an edit there.
   */
  @Transactional
  public ScheduleViews.Schedule update(UUID id, long expectedVersion, ScheduleViews.Command c) {
    ScheduleRow before = visible(id, true);
    Scope old = Scope.of(before);
    access.requireAdmin(Permission.SCHEDULES_MANAGE, old, msp(old.tenantId()));
    Scope scope = c.tenantId() != null || c.crossTenant() ? scopeOf(c) : old;
    if (!scope.equals(old)) {
      access.requireScopeVisible(scope);
      access.requireAdmin(Permission.SCHEDULES_MANAGE, scope, msp(scope.tenantId()));
    }
    if (before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
    ScheduleRow s =
        validated(
            id,
            scope,
            c,
            before.createdAt(),
            before.createdBy(),
            before.updatedAt(),
            before.version());
    repo.update(s);
    ScheduleRow saved = repo.find(id, false).orElseThrow();
    scheduling.plan(saved);
    ScheduleViews.Schedule view = view(saved);
    audit.record(
        AuditEntry.changed("schedule.updated", TYPE, id, auditTenant(saved), view(before), view));
    return view;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    ScheduleRow before = visible(id, true);
    access.requireAdmin(Permission.SCHEDULES_DELETE, Scope.of(before), msp(before.ownerTenantId()));
    if (expectedVersion != null && before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
    scheduling.unplan(id);
    repo.delete(id);
    audit.record(
        AuditEntry.deleted("schedule.deleted", TYPE, id, auditTenant(before), view(before)));
  }

  /** Fires now: a MANUAL firing, processed by the cluster's scheduler after commit. */
  @Transactional
  public Firings.Firing runNow(UUID id) {
    ScheduleRow s = visible(id, false);
    access.requireRun(Scope.of(s));
    UUID firing = firings.firingAt(id, Instant.now(), "MANUAL", authorizer.requireUser());
    scheduling.queue(firing);
    Firings.Firing f =
        firings.recent(id, 50).stream()
            .filter(x -> x.id().equals(firing))
            .findFirst()
            .orElseThrow();
    audit.record(
        AuditEntry.created("schedule.run-requested", "schedule-firing", firing, auditTenant(s), f));
    return f;
  }

  /**
   * The next runs of a cron expression for a tenant's schedule (the editor's preview): in the given
   * zone, else the tenant's window zone. Invalid input answers 400 like a save.
   */
  @Transactional(readOnly = true)
  public List<Instant> preview(String cron, @Nullable String zone, @Nullable UUID tenantId) {
    ZoneId z;
    try {
      z = zone == null || zone.isBlank() ? windows.of(tenantId).zone() : ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          "timeZone: '" + zone + "' is not a time zone such as Europe/Paris");
    }
    return Cron.parse(cron).next(Instant.now(), z, 5);
  }

  /** Whether the caller may create schedules at all (an MSP user holding schedules:manage). */
  public boolean mayCreateSome() {
    return access.callerIsMspUser() && authorizer.holdsAnywhere(Permission.SCHEDULES_MANAGE);
  }

  @Transactional(readOnly = true)
  public List<Firings.Firing> firings(UUID id) {
    visible(id, false);
    return firings.recent(id, 20);
  }

  /** The schedule if the caller may see it (404 otherwise). */
  ScheduleRow visible(UUID id, boolean lock) {
    ScheduleRow s = repo.find(id, lock).orElseThrow(() -> ApiException.notFound(TYPE, id));
    access.requireView(Scope.of(s), id);
    return s;
  }

  private Scope scopeOf(ScheduleViews.Command c) {
    if (c.tenantId() != null && (c.crossTenant() || c.mspId() != null)) {
      throw ApiException.invalid("tenantId: a schedule is either for a tenant or cross-tenant");
    }
    if (c.tenantId() != null) {
      if (!tenants.exists(c.tenantId())) {
        throw ApiException.notFound("tenant", c.tenantId());
      }
      return new Scope(c.tenantId(), null);
    }
    if (!c.crossTenant()) {
      throw ApiException.invalid("tenantId: name the tenant, or set crossTenant");
    }
    if (c.mspId() != null) {
      TenantView m =
          tenants.find(c.mspId()).orElseThrow(() -> ApiException.notFound("tenant", c.mspId()));
      if (!m.isMsp()) {
        throw ApiException.invalid("mspId: tenant " + c.mspId() + " is not an MSP");
      }
    }
    return new Scope(null, c.mspId());
  }

  private ScheduleRow validated(
      UUID id,
      Scope scope,
      ScheduleViews.Command c,
      Instant createdAt,
      @Nullable UUID createdBy,
      Instant updatedAt,
      long version) {
    String name = c.name() == null ? "" : c.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw ApiException.invalid("name: 1 to 200 characters");
    }
    Cron cron = Cron.parse(c.cron() == null ? "" : c.cron());
    if ((c.windowStart() == null) != (c.windowEnd() == null)) {
      throw ApiException.invalid("windowStart, windowEnd: give both or neither");
    }
    LocalTime ws = time("windowStart", c.windowStart());
    LocalTime we = time("windowEnd", c.windowEnd());
    String zone = c.timeZone() == null || c.timeZone().isBlank() ? null : c.timeZone().strip();
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw ApiException.invalid(
            "timeZone: '" + zone + "' is not a time zone such as Europe/Paris");
      }
    }
    String kind = c.targetKind() == null ? "TENANT" : c.targetKind();
    if (!KINDS.contains(kind)) {
      throw ApiException.invalid("targetKind: one of TENANT, COMPUTERS, TAGS");
    }
    if (c.includeChildren() && scope.tenantId() == null) {
      throw ApiException.invalid("includeChildren: only for a tenant's schedule");
    }
    List<UUID> computers =
        c.computerIds() == null ? List.of() : List.copyOf(Set.copyOf(c.computerIds()));
    List<UUID> tags = c.tagIds() == null ? List.of() : List.copyOf(Set.copyOf(c.tagIds()));
    if (computers.size() > 1000 || tags.size() > 100) {
      throw ApiException.invalid("computerIds: at most 1,000; tagIds: at most 100");
    }
    if (kind.equals("COMPUTERS") && computers.isEmpty()) {
      throw ApiException.invalid("computerIds: choose at least one computer");
    }
    if (kind.equals("TAGS") && tags.isEmpty()) {
      throw ApiException.invalid("tagIds: choose at least one tag");
    }
    ScheduleRow row =
        new ScheduleRow(
            id,
            scope.tenantId(),
            scope.mspId(),
            name,
            cron.expression(),
            ws,
            we,
            zone,
            kind,
            c.includeChildren(),
            kind.equals("COMPUTERS") ? computers : List.of(),
            kind.equals("TAGS") ? tags : List.of(),
            c.deploymentIds() == null ? null : List.copyOf(Set.copyOf(c.deploymentIds())),
            c.enabled(),
            createdAt,
            createdBy,
            updatedAt,
            version);
    if (kind.equals("TAGS")) {
      List<UUID> missing = repo.missingTags(tags);
      if (!missing.isEmpty()) {
        throw ApiException.invalid("tagIds: no tag " + missing.get(0));
      }
    }
    boolean excludes = windows.applicationExcludes();
    for (UUID computer : row.computerIds()) {
      if (!authorizer.check(Permission.COMPUTERS_VIEW, Target.computer(computer)).allowed()
          || !targets.inScope(row, computer, excludes)) {
        throw ApiException.invalid(
            "computerIds: computer " + computer + " is not in the schedule's tenants");
      }
    }
    return row;
  }

  private static @Nullable LocalTime time(String field, @Nullable String v) {
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{2}:\\d{2}")) {
      throw ApiException.invalid(field + ": a time as HH:mm");
    }
    try {
      return LocalTime.parse(v);
    } catch (DateTimeException e) {
      throw ApiException.invalid(field + ": a time as HH:mm");
    }
  }

  private @Nullable UUID msp(@Nullable UUID tenantId) {
    return tenantId == null ? null : tenants.find(tenantId).map(TenantView::mspId).orElse(null);
  }

  private static @Nullable UUID auditTenant(ScheduleRow s) {
    return s.ownerTenantId() != null ? s.ownerTenantId() : s.mspId();
  }

  ScheduleViews.Schedule view(ScheduleRow s) {
    return view(s, true);
  }

  /**
   * With the number of computers it reaches now when {@code count} (not in lists: it is a scan).
   */
  ScheduleViews.Schedule view(ScheduleRow s, boolean count) {
    ZoneId zone = times.zone(s);
    List<Instant> next = s.enabled() ? times.cron(s).next(Instant.now(), zone, 5) : List.of();
    return new ScheduleViews.Schedule(
        s.id(),
        s.scope(),
        s.ownerTenantId(),
        s.mspId(),
        s.name(),
        s.cron(),
        times.windowStart(s).toString(),
        times.windowEnd(s).toString(),
        s.windowStart() == null,
        zone.getId(),
        s.timeZone() == null,
        s.targetKind(),
        s.includeChildren(),
        s.computerIds(),
        s.tagIds(),
        s.deploymentIds(),
        s.enabled(),
        next,
        count ? targets.count(s, windows.applicationExcludes()) : null,
        s.createdAt(),
        s.updatedAt(),
        s.version());
  }
}
