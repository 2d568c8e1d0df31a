package dev.tenantry.maintenance.internal;

import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Like;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules and their firings. */
@Repository
class ScheduleRepository {
  private static final String COLUMNS =
      "s.id, s.owner_tenant_id, s.msp_id, s.name, s.cron, s.window_start, s.window_end, s.time_zone,"
          + " s.target_kind, s.include_children, s.computer_ids, s.tag_ids, s.deployment_ids, s.enabled,"
          + " s.created_at, s.created_by, s.updated_at, s.version";
  private final JdbcClient jdbc;

  ScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ScheduleRow s) {
    jdbc.sql(
            "insert into schedule (id, owner_tenant_id, msp_id, name, cron, window_start, window_end, time_zone,"
                + " target_kind, include_children, computer_ids, tag_ids, deployment_ids, enabled, created_by)"
                + " values (:id, :owner, :msp, :name, :cron, :ws, :we, :tz, :kind, :children, :computers, :tags,"
                + " :deployments, :enabled, :by)")
        .params(params(s))
        .param("by", s.createdBy())
        .update();
  }

  void update(ScheduleRow s) {
    jdbc.sql(
            "update schedule set owner_tenant_id = :owner, msp_id = :msp, name = :name, cron = :cron, window_start = :ws, window_end = :we, time_zone = :tz,"
                + " target_kind = :kind, include_children = :children, computer_ids = :computers, tag_ids = :tags,"
                + " deployment_ids = :deployments, enabled = :enabled, updated_at = now(), version = version + 1"
                + " where id = :id")
        .params(params(s))
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from schedule where id = ?").param(id).update();
  }

  Optional<ScheduleRow> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select " + COLUMNS + " from schedule s where s.id = ?" + (lock ? " for update" : ""))
        .param(id)
        .query(ScheduleRepository::row)
        .optional();
  }

  List<ScheduleRow> list(
      String visibleSql,
      Map<String, Object> params,
      @Nullable UUID tenantId,
      @Nullable String q,
      int page,
      int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from schedule s where ("
                + visibleSql
                + ")"
                + filters(tenantId, q)
                + " order by lower(s.name), s.id limit :limit offset :offset")
        .params(params)
        .params(filterParams(tenantId, q))
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(ScheduleRepository::row)
        .list();
  }

  /** Exact up to {@link Counts#EXACT}, an estimate beyond (as on the other lists). */
  Counts.Total count(
      String visibleSql, Map<String, Object> params, @Nullable UUID tenantId, @Nullable String q) {
    Map<String, Object> all = new HashMap<>(params);
    all.putAll(filterParams(tenantId, q));
    return Counts.of(jdbc, "schedule s where (" + visibleSql + ")" + filters(tenantId, q), all);
  }

  private static String filters(@Nullable UUID tenantId, @Nullable String q) {
    return (tenantId == null ? "" : " and s.owner_tenant_id = :tenantId")
        + (q == null || q.isBlank() ? "" : " and s.name ilike :q");
  }

  private static Map<String, Object> filterParams(@Nullable UUID tenantId, @Nullable String q) {
    Map<String, Object> p = new HashMap<>();
    if (tenantId != null) {
      p.put("tenantId", tenantId);
    }
    if (q != null && !q.isBlank()) {
      p.put("q", Like.contains(q));
    }
    return p;
  }

  /** Tags among {@code ids} that do not exist. */
  List<UUID> missingTags(List<UUID> ids) {
    return jdbc.sql(
            "select x from unnest(:ids) x where not exists (select 1 from tag t where t.id = x)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  private static Map<String, Object> params(ScheduleRow s) {
    return new java.util.HashMap<>(
        Map.ofEntries(
            Map.entry("id", s.id()),
            Map.entry("owner", nullable(s.ownerTenantId())),
            Map.entry("msp", nullable(s.mspId())),
            Map.entry("name", s.name()),
            Map.entry("cron", s.cron()),
            Map.entry(
                "ws", nullable(s.windowStart() == null ? null : Time.valueOf(s.windowStart()))),
            Map.entry("we", nullable(s.windowEnd() == null ? null : Time.valueOf(s.windowEnd()))),
            Map.entry("tz", nullable(s.timeZone())),
            Map.entry("kind", s.targetKind()),
            Map.entry("children", s.includeChildren()),
            Map.entry("computers", s.computerIds().toArray(UUID[]::new)),
            Map.entry("tags", s.tagIds().toArray(UUID[]::new)),
            Map.entry(
                "deployments",
                nullable(
                    s.deploymentIds() == null ? null : s.deploymentIds().toArray(UUID[]::new))),
            Map.entry("enabled", s.enabled())));
  }

  private static Object nullable(@Nullable Object o) {
    return o == null ? NULL : o;
  }

  /** JdbcClient named parameters take no nulls in Map.of: a typed null stands in. */
  private static final Object NULL =
      new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.NULL, null);

  static ScheduleRow row(ResultSet rs, int i) throws SQLException {
    Time ws = rs.getTime("window_start");
    Time we = rs.getTime("window_end");
    return new ScheduleRow(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_tenant_id", UUID.class),
        rs.getObject("msp_id", UUID.class),
        rs.getString("name"),
        rs.getString("cron"),
        ws == null ? null : ws.toLocalTime(),
        we == null ? null : we.toLocalTime(),
        rs.getString("time_zone"),
        rs.getString("target_kind"),
        rs.getBoolean("include_children"),
        uuids(rs.getArray("computer_ids")),
        uuids(rs.getArray("tag_ids")),
        rs.getArray("deployment_ids") == null ? null : uuids(rs.getArray("deployment_ids")),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }

  static List<UUID> uuids(@Nullable Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((UUID[]) a.getArray());
  }
}
