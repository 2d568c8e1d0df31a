package dev.tenantry.maintenance.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.deployments.ApplicableDeployments;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.db.Rows;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Firing a schedule: a {@code schedule_firing} row per (schedule, time), then a session per target
 * computer in batches of {@code tenantry.maintenance.batch-size} (1,000), each batch in its own
 * transaction with one audit event ({@code maintenance-session.batch-created}), so no long
 * transaction holds the audit chain. Each batch locks the firing row and continues after its
 * cursor, and sessions are unique per (firing, computer): a retry, a crashed node's successor or a
 * second node never creates a session twice.
 */
@Service
public class Firings {
  private final JdbcClient jdbc;
  private final ScheduleRepository schedules;
  private final MaintenanceSessionRepository sessions;
  private final ScheduleTargets targets;
  private final Windows windows;
  private final ObjectProvider<ApplicableDeployments> deployments;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final int batchSize;

  Firings(
      JdbcClient jdbc,
      ScheduleRepository schedules,
      MaintenanceSessionRepository sessions,
      ScheduleTargets targets,
      Windows windows,
      ObjectProvider<ApplicableDeployments> deployments,
      AuditLog audit,
      PlatformTransactionManager tm,
      @Value("${tenantry.maintenance.batch-size:1000}") int batchSize) {
    this.jdbc = jdbc;
    this.schedules = schedules;
    this.sessions = sessions;
    this.targets = targets;
    this.windows = windows;
    this.deployments = deployments;
    this.audit = audit;
    this.tx = new TransactionTemplate(tm);
    this.batchSize = batchSize;
  }

  public record Firing(
      UUID id,
      UUID scheduleId,
      Instant firesAt,
      String trigger,
      @Nullable UUID requestedBy,
      String status,
      int sessionsCreated,
      int batches,
      @Nullable Instant finishedAt) {}

  /** The firing of the schedule at this time, created if it does not exist yet. */
  UUID firingAt(UUID scheduleId, Instant at, String trigger, @Nullable UUID requestedBy) {
    Instant t = at.truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            "insert into schedule_firing (id, schedule_id, fires_at, trigger, requested_by)"
                + " values (?, ?, ?, ?, ?) on conflict (schedule_id, fires_at) do nothing")
        .params(UUID.randomUUID(), scheduleId, java.sql.Timestamp.from(t), trigger, requestedBy)
        .update();
    return jdbc.sql("select id from schedule_firing where schedule_id = ? and fires_at = ?")
        .params(scheduleId, java.sql.Timestamp.from(t))
        .query(UUID.class)
        .single();
  }

  /** The cron firing at {@code at}: created once, then processed (resumed when it was begun). */
  public void fireScheduled(UUID scheduleId, Instant at) {
    fireScheduled(scheduleId, at, true);
  }

  /**
   * Processes the schedule's unfinished cron firings (an earlier execution failed part-way), and
   * when {@code slot} the firing at {@code at}, created once. A retried execution runs at another
   * time than its cron slot: it passes {@code slot = false}, so it resumes instead of firing anew.
   */
  void fireScheduled(UUID scheduleId, Instant at, boolean slot) {
    List<UUID> due =
        tx.execute(
            s -> {
              if (schedules.find(scheduleId, false).isEmpty()) {
                return List.<UUID>of();
              }
              List<UUID> ids =
                  new ArrayList<>(
                      jdbc.sql(
                              "select id from schedule_firing where schedule_id = ? and trigger = 'SCHEDULE'"
                                  + " and status = 'PENDING' order by fires_at")
                          .param(scheduleId)
                          .query(UUID.class)
                          .list());
              if (slot) {
                UUID f = firingAt(scheduleId, at, "SCHEDULE", null);
                if (!ids.contains(f)) {
                  ids.add(f);
                }
              }
              return ids;
            });
    due.forEach(this::process);
  }

  /** Runs the firing's batches until every target computer has its session. */
  public void process(UUID firingId) {
    while (Boolean.TRUE.equals(tx.execute(s -> batch(firingId)))) {
      // next batch, in a new transaction
    }
  }

  /** One batch; false when the firing is done. */
  boolean batch(UUID firingId) {
    Optional<Firing> f = lock(firingId);
    if (f.isEmpty() || f.get().status().equals("DONE")) {
      return false;
    }
    Firing firing = f.get();
    Optional<ScheduleRow> schedule = schedules.find(firing.scheduleId(), false);
    UUID cursor = cursor(firingId);
    List<UUID> computers =
        schedule.isEmpty()
            ? List.of()
            : targets.page(schedule.get(), windows.applicationExcludes(), cursor, batchSize);
    if (computers.isEmpty()) {
      jdbc.sql(
              "update schedule_firing set status = 'DONE', finished_at = now(),"
                  + " started_at = coalesce(started_at, now()) where id = ?")
          .param(firingId)
          .update();
      return false;
    }
    ScheduleRow s = schedule.get();
    List<String> resolved = new ArrayList<>(computers.size());
    ApplicableDeployments applicable = deployments.getIfAvailable();
    // the whole batch in one statement (precedence in SQL), not one resolution per computer
    Map<UUID, List<AppliedDeployment>> winners =
        applicable == null ? Map.of() : applicable.forComputers(computers);
    for (UUID c : computers) {
      List<AppliedDeployment> list = winners.getOrDefault(c, List.of());
      if (s.deploymentIds() != null) {
        list = list.stream().filter(d -> s.deploymentIds().contains(d.deploymentId())).toList();
      }
      resolved.add(sessions.deploymentsJson(list));
    }
    Instant windowEnd = firing.trigger().equals("SCHEDULE") ? windowEnd(s, firing.firesAt()) : null;
    int created =
        sessions.insertForFiring(
            s.id(), firingId, computers, resolved, firing.requestedBy(), windowEnd);
    UUID last = computers.get(computers.size() - 1);
    jdbc.sql(
            "update schedule_firing set cursor = ?, sessions_created = sessions_created + ?,"
                + " batches = batches + 1, started_at = coalesce(started_at, now()) where id = ?")
        .params(last, created, firingId)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scheduleId", s.id());
    details.put("firingId", firingId);
    details.put("firesAt", firing.firesAt());
    details.put("trigger", firing.trigger());
    details.put("created", created);
    details.put("firstComputerId", computers.get(0));
    details.put("lastComputerId", last);
    Actor actor =
        new Actor(
            firing.requestedBy(),
            firing.requestedBy() == null ? "schedule" : "schedule run by a user",
            null,
            "firing-" + firingId,
            "");
    Actors.runAs(
        actor,
        () ->
            audit.record(
                AuditEntry.event(
                    "maintenance-session.batch-created",
                    "schedule-firing",
                    firingId,
                    s.ownerTenantId() != null ? s.ownerTenantId() : s.mspId(),
                    details)));
    return true;
  }

  /** When the window that the firing opens ends: the next window end after the firing time. */
  @Nullable Instant windowEnd(ScheduleRow s, Instant firesAt) {
    LocalTime end;
    ZoneId zone;
    if (s.windowEnd() != null) {
      end = s.windowEnd();
      zone = s.timeZone() != null ? ZoneId.of(s.timeZone()) : windows.of(scopeTenant(s)).zone();
    } else {
      Windows.Window w = windows.of(scopeTenant(s));
      end = w.end();
      zone = s.timeZone() != null ? ZoneId.of(s.timeZone()) : w.zone();
    }
    ZonedDateTime at = firesAt.atZone(zone);
    ZonedDateTime candidate = at.with(end);
    if (!candidate.isAfter(at)) {
      candidate = candidate.plusDays(1);
    }
    return candidate.toInstant();
  }

  static @Nullable UUID scopeTenant(ScheduleRow s) {
    return s.ownerTenantId() != null ? s.ownerTenantId() : s.mspId();
  }

  private Optional<Firing> lock(UUID id) {
    return jdbc.sql(
            "select id, schedule_id, fires_at, trigger, requested_by, status, sessions_created, batches,"
                + " finished_at from schedule_firing where id = ? for update")
        .param(id)
        .query(Rows.of(Firing.class))
        .optional();
  }

  private @Nullable UUID cursor(UUID id) {
    List<@Nullable UUID> c =
        jdbc.sql("select cursor from schedule_firing where id = ?")
            .param(id)
            .query((rs, i) -> rs.getObject(1, UUID.class))
            .list();
    return c.isEmpty() ? null : c.get(0);
  }

  public List<Firing> recent(UUID scheduleId, int limit) {
    return jdbc.sql(
            "select id, schedule_id, fires_at, trigger, requested_by, status, sessions_created, batches,"
                + " finished_at from schedule_firing where schedule_id = ? order by fires_at desc limit ?")
        .params(scheduleId, limit)
        .query(Rows.of(Firing.class))
        .list();
  }
}
