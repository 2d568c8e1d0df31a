package dev.tenantry.maintenance.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.shared.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maintenance sessions, their queue and their logs. The tenant is always read from the computer.
 */
@Repository
class MaintenanceSessionRepository {
  private static final String COLUMNS =
      "m.id, m.computer_id, c.name as computer_name, c.tenant_id, m.origin, m.schedule_id, m.firing_id,"
          + " m.deployments::text as deployments, m.status, m.requested_by, m.requested_at, m.window_ends_at,"
          + " m.claimed_by, m.lease_expires_at, m.attempts, m.message, m.finished_at, m.version";
  private static final String FROM =
      " from maintenance_session m join computer c on c.id = m.computer_id";
  private final JdbcClient jdbc;
  private final JsonMapper json;

  MaintenanceSessionRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  String deploymentsJson(List<AppliedDeployment> deployments) {
    return json.writeValueAsString(deployments);
  }

  void insert(
      UUID id,
      UUID computerId,
      String origin,
      List<AppliedDeployment> deployments,
      @Nullable UUID requestedBy) {
    jdbc.sql(
            "insert into maintenance_session (id, computer_id, origin, deployments, requested_by)"
                + " values (?, ?, ?, cast(? as jsonb), ?)")
        .params(id, computerId, origin, deploymentsJson(deployments), requestedBy)
        .update();
  }

  /**
   * One batch of a firing: a session per computer, skipping computers that already have one for
   * this firing (a retried batch, another node). Answers how many were created.
   */
  int insertForFiring(
      UUID scheduleId,
      UUID firingId,
      List<UUID> computers,
      List<String> deployments,
      @Nullable UUID requestedBy,
      @Nullable Instant windowEndsAt) {
    UUID[] ids = new UUID[computers.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = UUID.randomUUID();
    }
    return jdbc.sql(
            "insert into maintenance_session (id, computer_id, origin, schedule_id, firing_id, deployments,"
                + " requested_by, window_ends_at)"
                + " select x.id, x.computer_id, 'SCHEDULE', :schedule, :firing, cast(x.deps as jsonb), :by, :windowEnd"
                + " from unnest(:ids, :computers, :deps) as x(id, computer_id, deps)"
                + " on conflict (firing_id, computer_id) where firing_id is not null do nothing")
        .param("schedule", scheduleId)
        .param("firing", firingId)
        .param("by", requestedBy, java.sql.Types.OTHER)
        .param(
            "windowEnd",
            windowEndsAt == null
                ? null
                : java.time.OffsetDateTime.ofInstant(windowEndsAt, java.time.ZoneOffset.UTC),
            java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
        .param("ids", ids)
        .param("computers", computers.toArray(UUID[]::new))
        .param("deps", deployments.toArray(String[]::new))
        .update();
  }

  Optional<SessionView> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select " + COLUMNS + FROM + " where m.id = ?" + (lock ? " for update of m" : ""))
        .param(id)
        .query(this::row)
        .optional();
  }

  List<SessionView> list(SqlPredicate visible, SessionFilter f, int page, int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where ("
                + visible.sql()
                + ")"
                + f.sql()
                + " order by m.requested_at desc, m.id desc limit :limit offset :offset")
        .params(visible.params())
        .params(f.params())
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(this::row)
        .list();
  }

  long count(SqlPredicate visible, SessionFilter f) {
    return jdbc.sql("select count(*)" + FROM + " where (" + visible.sql() + ")" + f.sql())
        .params(visible.params())
        .params(f.params())
        .query(Long.class)
        .single();
  }

  static final String WINDOW_MISSED = "The maintenance window ended before the session ran";

  /**
   * Ends, as {@code CANCELLED} with {@link #WINDOW_MISSED}, up to {@code max} sessions of computers
   * the predicate selects whose maintenance window ended before an executor ran them: pending ones,
   * and running ones whose lease expired (their executor is gone). Answers their ids.
   */
  List<UUID> endMissedWindows(SqlPredicate scope, int max) {
    return jdbc.sql(
            "with missed as (select m.id from maintenance_session m join computer c on c.id = m.computer_id"
                + " where m.window_ends_at <= now() and (m.status = 'PENDING'"
                + " or (m.status = 'RUNNING' and m.lease_expires_at < now()))"
                + " and ("
                + scope.sql()
                + ")"
                + " order by m.window_ends_at, m.id limit :max for update of m skip locked)"
                + " update maintenance_session m set status = 'CANCELLED', message = :message,"
                + " finished_at = now(), lease_expires_at = null, version = m.version + 1"
                + " from missed where m.id = missed.id returning m.id")
        .params(scope.params())
        .param("max", max)
        .param("message", WINDOW_MISSED)
        .query(UUID.class)
        .list();
  }

  /**
   * Claims up to {@code max} sessions of computers the predicate selects (alias {@code c}): pending
   * ones, and running ones whose lease expired ({@code SKIP LOCKED}) — in both cases only while
   * their maintenance window (if they have one) has not ended.
   */
  List<UUID> claim(SqlPredicate scope, UUID executor, int max, Duration lease) {
    return jdbc.sql(
            "with next as (select m.id from maintenance_session m join computer c on c.id = m.computer_id"
                + " where (m.status = 'PENDING' or (m.status = 'RUNNING' and m.lease_expires_at < now()))"
                + " and (m.window_ends_at is null or m.window_ends_at > now())"
                + " and ("
                + scope.sql()
                + ")"
                + " order by m.requested_at, m.id limit :max for update of m skip locked)"
                + " update maintenance_session m set status = 'RUNNING', claimed_by = :executor, claimed_at = now(),"
                + " lease_expires_at = now() + make_interval(secs => :leaseSeconds), attempts = m.attempts + 1,"
                + " version = m.version + 1 from next where m.id = next.id returning m.id")
        .params(scope.params())
        .param("max", max)
        .param("executor", executor)
        .param("leaseSeconds", (double) lease.toSeconds())
        .query(UUID.class)
        .list();
  }

  void extendLease(UUID id, Duration lease) {
    jdbc.sql(
            "update maintenance_session set lease_expires_at = now() + make_interval(secs => ?),"
                + " version = version + 1 where id = ?")
        .params((double) lease.toSeconds(), id)
        .update();
  }

  void finish(UUID id, String status, @Nullable String message, @Nullable UUID cancelledBy) {
    jdbc.sql(
            "update maintenance_session set status = ?, message = ?, finished_at = now(), lease_expires_at = null,"
                + " cancelled_by = ?, version = version + 1 where id = ?")
        .params(status, message, cancelledBy, id)
        .update();
  }

  void appendLog(UUID id, List<Map.Entry<String, String>> lines) {
    int next =
        jdbc.sql(
                "select coalesce(max(seq), 0) + 1 from maintenance_session_log where session_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    for (Map.Entry<String, String> line : lines) {
      jdbc.sql(
              "insert into maintenance_session_log (session_id, seq, level, text) values (?, ?, ?, ?)")
          .params(id, next++, line.getKey(), line.getValue())
          .update();
    }
  }

  List<SessionViews.LogLine> log(UUID id, int after, int limit) {
    return jdbc.sql(
            "select seq, level, text, at from maintenance_session_log where session_id = ? and seq > ?"
                + " order by seq limit ?")
        .params(id, after, limit)
        .query(Rows.of(SessionViews.LogLine.class))
        .list();
  }

  private SessionView row(ResultSet rs, int i) throws SQLException {
    return new SessionView(
        rs.getObject("id", UUID.class),
        rs.getObject("computer_id", UUID.class),
        rs.getString("computer_name"),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("origin"),
        rs.getObject("schedule_id", UUID.class),
        rs.getObject("firing_id", UUID.class),
        json.readValue(
            rs.getString("deployments"), new TypeReference<List<AppliedDeployment>>() {}),
        rs.getString("status"),
        rs.getObject("requested_by", UUID.class),
        rs.getTimestamp("requested_at").toInstant(),
        instant(rs.getTimestamp("window_ends_at")),
        rs.getObject("claimed_by", UUID.class),
        instant(rs.getTimestamp("lease_expires_at")),
        rs.getInt("attempts"),
        rs.getString("message"),
        instant(rs.getTimestamp("finished_at")),
        rs.getLong("version"));
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
