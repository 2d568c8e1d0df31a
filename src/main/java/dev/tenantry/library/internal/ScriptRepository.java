package dev.tenantry.library.internal;

import dev.tenantry.shared.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scripts and their versions. */
@Repository
class ScriptRepository {
  private static final String COLUMNS =
      "s.id, s.owner_tenant_id, s.created_by_msp_id, s.visible_to_all_tenants, s.name, s.description,"
          + " s.category, s.language, s.latest_version, s.created_at, s.updated_at, s.created_by, s.version";

  /**
   * Read by hand, not by {@code DataClassRowMapper}: that asks the driver for {@code Instant}
   * columns with {@code getObject(i, Instant.class)}, which pgjdbc refuses with an exception (a
   * translated message and a stack trace) before the mapper falls back — two per row, a hundred per
   * page; it was most of a list request's time in the profile (docs/library.md).
   */
  private static final RowMapper<ScriptRow> ROWS =
      (rs, i) ->
          new ScriptRow(
              rs.getObject("id", UUID.class),
              rs.getObject("owner_tenant_id", UUID.class),
              rs.getObject("created_by_msp_id", UUID.class),
              rs.getBoolean("visible_to_all_tenants"),
              rs.getString("name"),
              rs.getString("description"),
              rs.getString("category"),
              rs.getString("language"),
              rs.getInt("latest_version"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getTimestamp("updated_at").toInstant(),
              rs.getObject("created_by", UUID.class),
              rs.getLong("version"));

  private static final RowMapper<ScriptVersionRow> VERSION_ROWS =
      (rs, i) ->
          new ScriptVersionRow(
              rs.getObject("id", UUID.class),
              rs.getObject("script_id", UUID.class),
              rs.getInt("number"),
              rs.getString("language"),
              rs.getString("body"),
              rs.getString("parameters"),
              rs.getBytes("secret_defaults"),
              rs.getString("note"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getObject("created_by", UUID.class));
  private final JdbcClient jdbc;

  ScriptRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ScriptRow> find(UUID id) {
    return find(id, false);
  }

  Optional<ScriptRow> lock(UUID id) {
    return find(id, true);
  }

  /** A script that is not deleted, optionally locked ({@code for update}). */
  Optional<ScriptRow> find(UUID id, boolean lock) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from script s where s.id = ? and s.deleted_at is null"
                + (lock ? " for update" : ""))
        .param(id)
        .query(ROWS)
        .optional();
  }

  Page<ScriptRow> list(ListSql sql, String sort, int page, int size) {
    return sql.and("s.deleted_at is null")
        .page(
            jdbc, "select " + COLUMNS + " from script s", "from script s", sort, page, size, ROWS);
  }

  void insert(ScriptRow s) {
    jdbc.sql(
            "insert into script (id, owner_tenant_id, created_by_msp_id, visible_to_all_tenants, name,"
                + " description, category, language, latest_version, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.id(),
            s.ownerTenantId(),
            s.createdByMspId(),
            s.visibleToAllTenants(),
            s.name(),
            s.description(),
            s.category(),
            s.language(),
            s.latestVersion(),
            s.createdBy())
        .update();
  }

  void update(ScriptRow s) {
    jdbc.sql(
            "update script set owner_tenant_id = ?, created_by_msp_id = ?, visible_to_all_tenants = ?,"
                + " name = ?, description = ?, category = ?, language = ?, latest_version = ?,"
                + " updated_at = now(), version = version + 1 where id = ?")
        .params(
            s.ownerTenantId(),
            s.createdByMspId(),
            s.visibleToAllTenants(),
            s.name(),
            s.description(),
            s.category(),
            s.language(),
            s.latestVersion(),
            s.id())
        .update();
  }

  void softDelete(UUID id) {
    jdbc.sql("update script set deleted_at = now(), version = version + 1 where id = ?")
        .param(id)
        .update();
  }

  void insertVersion(ScriptVersionRow v) {
    jdbc.sql(
            "insert into script_version (id, script_id, number, language, body, parameters,"
                + " secret_defaults, note, created_by) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)")
        .params(
            v.id(),
            v.scriptId(),
            v.number(),
            v.language(),
            v.body(),
            v.parameters(),
            v.secretDefaults(),
            v.note(),
            v.createdBy())
        .update();
  }

  private static final String VERSION_COLUMNS =
      "id, script_id, number, language, body, parameters::text as parameters, secret_defaults, note,"
          + " created_at, created_by";

  Optional<ScriptVersionRow> version(UUID scriptId, int number) {
    return jdbc.sql(
            "select " + VERSION_COLUMNS + " from script_version where script_id = ? and number = ?")
        .params(scriptId, number)
        .query(VERSION_ROWS)
        .optional();
  }

  Optional<ScriptVersionRow> versionById(UUID versionId) {
    return jdbc.sql("select " + VERSION_COLUMNS + " from script_version where id = ?")
        .param(versionId)
        .query(VERSION_ROWS)
        .optional();
  }

  List<ScriptVersionRow> versions(UUID scriptId) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from script_version where script_id = ? order by number desc")
        .param(scriptId)
        .query(VERSION_ROWS)
        .list();
  }

  /** The script a version belongs to, even a deleted one (pinned runs keep their script). */
  Optional<ScriptRow> findIncludingDeleted(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from script s where s.id = ?")
        .param(id)
        .query(ROWS)
        .optional();
  }
}
