package dev.tenantry.library.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Script runs, their queue and their output. */
@Repository
class RunRepository {
  static final String COLUMNS =
      "r.id, r.computer_id, c.tenant_id, r.script_id, r.script_version_id, v.number, r.parameters::text as parameters,"
          + " r.secret_parameters, r.status, r.requested_by, r.requested_at, r.claimed_by, r.lease_expires_at,"
          + " r.attempts, r.exit_code, r.finished_at, r.version, v.language, v.body, v.parameters::text as declared";
  static final String FROM =
      " from script_run r join computer c on c.id = r.computer_id join script_version v on v.id = r.script_version_id";
  private final JdbcClient jdbc;
  private final JsonMapper json;

  RunRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A run row with what executing it needs. */
  record Row(RunViews.Run view, byte @Nullable [] secretParameters, String language, String body) {}

  void insert(
      UUID id,
      UUID computerId,
      UUID scriptId,
      UUID versionId,
      Map<String, String> params,
      byte @Nullable [] secrets,
      UUID by) {
    jdbc.sql(
            "insert into script_run (id, computer_id, script_id, script_version_id, parameters, secret_parameters,"
                + " requested_by) values (?, ?, ?, ?, cast(? as jsonb), ?, ?)")
        .params(id, computerId, scriptId, versionId, json.writeValueAsString(params), secrets, by)
        .update();
  }

  Optional<Row> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select " + COLUMNS + FROM + " where r.id = ?" + (lock ? " for update of r" : ""))
        .param(id)
        .query(this::row)
        .optional();
  }

  List<Row> list(SqlPredicate visible, @Nullable UUID computerId, int page, int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + FROM
                + " where ("
                + visible.sql()
                + ")"
                + (computerId == null ? "" : " and r.computer_id = :computerId")
                + " order by r.requested_at desc, r.id desc limit :limit offset :offset")
        .params(visible.params())
        .params(computerId == null ? Map.of() : Map.of("computerId", computerId))
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(this::row)
        .list();
  }

  long count(SqlPredicate visible, @Nullable UUID computerId) {
    return jdbc.sql(
            "select count(*)"
                + FROM
                + " where ("
                + visible.sql()
                + ")"
                + (computerId == null ? "" : " and r.computer_id = :computerId"))
        .params(visible.params())
        .params(computerId == null ? Map.of() : Map.of("computerId", computerId))
        .query(Long.class)
        .single();
  }

  /**
   * Claims up to {@code max} queued runs of computers the predicate selects (alias {@code c}):
   * pending ones, and running ones whose lease expired. {@code SKIP LOCKED} lets concurrent
   * executors take different runs instead of waiting for, or double-claiming, the same one.
   */
  List<UUID> claim(SqlPredicate scope, UUID executor, int max, Duration lease) {
    return jdbc.sql(
            "with next as (select r.id from script_run r join computer c on c.id = r.computer_id"
                + " where (r.status = 'PENDING' or (r.status = 'RUNNING' and r.lease_expires_at < now()))"
                + " and ("
                + scope.sql()
                + ")"
                + " order by r.requested_at, r.id limit :max for update of r skip locked)"
                + " update script_run r set status = 'RUNNING', claimed_by = :executor, claimed_at = now(),"
                + " lease_expires_at = now() + make_interval(secs => :leaseSeconds), attempts = r.attempts + 1,"
                + " version = r.version + 1 from next where r.id = next.id returning r.id")
        .params(scope.params())
        .param("max", max)
        .param("executor", executor)
        .param("leaseSeconds", (double) lease.toSeconds())
        .query(UUID.class)
        .list();
  }

  void extendLease(UUID id, Duration lease) {
    jdbc.sql(
            "update script_run set lease_expires_at = now() + make_interval(secs => ?), version = version + 1 where id = ?")
        .params((double) lease.toSeconds(), id)
        .update();
  }

  void finish(UUID id, String status, @Nullable Integer exitCode, @Nullable UUID cancelledBy) {
    jdbc.sql(
            "update script_run set status = ?, exit_code = ?, finished_at = now(), lease_expires_at = null,"
                + " cancelled_by = ?, version = version + 1 where id = ?")
        .params(status, exitCode, cancelledBy, id)
        .update();
  }

  void appendOutput(UUID id, List<Map.Entry<String, String>> lines) {
    int next =
        jdbc.sql("select coalesce(max(seq), 0) + 1 from script_run_output where run_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    for (Map.Entry<String, String> line : lines) {
      jdbc.sql("insert into script_run_output (run_id, seq, stream, text) values (?, ?, ?, ?)")
          .params(id, next++, line.getKey(), line.getValue())
          .update();
    }
  }

  List<RunViews.OutputLine> output(UUID id, int after, int limit) {
    return jdbc.sql(
            "select seq, stream, text, at from script_run_output where run_id = ? and seq > ? order by seq limit ?")
        .params(id, after, limit)
        .query(Rows.of(RunViews.OutputLine.class))
        .list();
  }

  private Row row(ResultSet rs, int i) throws SQLException {
    byte[] secrets = rs.getBytes("secret_parameters");
    List<String> secretNames =
        json
            .readValue(rs.getString("declared"), new TypeReference<List<ScriptParameter>>() {})
            .stream()
            .filter(ScriptParameter::secret)
            .map(ScriptParameter::name)
            .toList();
    Map<String, String> params =
        json.readValue(rs.getString("parameters"), new TypeReference<Map<String, String>>() {});
    return new Row(
        new RunViews.Run(
            rs.getObject("id", UUID.class),
            rs.getObject("computer_id", UUID.class),
            rs.getObject("tenant_id", UUID.class),
            rs.getObject("script_id", UUID.class),
            rs.getObject("script_version_id", UUID.class),
            rs.getInt("number"),
            params,
            secretNames,
            rs.getString("status"),
            rs.getObject("requested_by", UUID.class),
            rs.getTimestamp("requested_at").toInstant(),
            rs.getObject("claimed_by", UUID.class),
            instant(rs.getTimestamp("lease_expires_at")),
            rs.getInt("attempts"),
            (Integer) rs.getObject("exit_code"),
            instant(rs.getTimestamp("finished_at")),
            rs.getLong("version")),
        secrets,
        rs.getString("language"),
        rs.getString("body"));
  }

  private static java.time.@Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
