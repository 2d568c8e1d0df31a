package dev.tenantry.library.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.library.LibraryRefs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link LibraryRefs} over the library's tables, with {@link LibraryAccess} deciding views. */
@Service
@Transactional(readOnly = true)
class LibraryRefsService implements LibraryRefs {
  private final JdbcClient jdbc;
  private final LibraryAccess access;

  LibraryRefsService(JdbcClient jdbc, LibraryAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  @Override
  public Optional<Subject> visible(Kind kind, UUID id) {
    return find(kind, id)
        .filter(
            s ->
                access.canView(
                    libraryKind(kind),
                    new Ownership(s.ownerTenantId(), s.createdByMspId(), s.visibleToAllTenants())));
  }

  @Override
  public Optional<Subject> find(Kind kind, UUID id) {
    String sql =
        switch (kind) {
          case SOFTWARE ->
              "select id, name, owner_tenant_id, created_by_msp_id, false as shared from software"
                  + " where id = ? and deleted_at is null";
          case TASK ->
              "select id, name, owner_tenant_id, created_by_msp_id, visible_to_all_tenants as shared"
                  + " from maintenance_task where id = ? and deleted_at is null";
        };
    return jdbc.sql(sql)
        .param(id)
        .query(
            (rs, n) ->
                new Subject(
                    kind,
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("owner_tenant_id", UUID.class),
                    rs.getObject("created_by_msp_id", UUID.class),
                    rs.getBoolean("shared")))
        .optional();
  }

  @Override
  public Optional<String> versionLabel(Kind kind, UUID id, UUID versionId) {
    String sql =
        switch (kind) {
          case SOFTWARE -> "select version from software_version where id = ? and software_id = ?";
          case TASK ->
              "select 'v' || number from maintenance_task_version where id = ? and task_id = ?";
        };
    return jdbc.sql(sql).params(versionId, id).query(String.class).optional();
  }

  @Override
  public Optional<UUID> latestVersion(Kind kind, UUID id) {
    String sql =
        switch (kind) {
          case SOFTWARE ->
              "select id from software_version where software_id = ?"
                  + " order by sort_key desc, created_at desc limit 1";
          case TASK ->
              "select v.id from maintenance_task t join maintenance_task_version v"
                  + " on v.task_id = t.id and v.number = t.latest_version where t.id = ?";
        };
    return jdbc.sql(sql).param(id).query(UUID.class).optional();
  }

  @Override
  public Map<UUID, String> versions(Kind kind, UUID id) {
    String sql =
        switch (kind) {
          case SOFTWARE ->
              "select id, version as label from software_version where software_id = ?"
                  + " order by sort_key desc, created_at desc limit 200";
          case TASK ->
              "select id, 'v' || number as label from maintenance_task_version where task_id = ?"
                  + " order by number desc limit 200";
        };
    Map<UUID, String> out = new LinkedHashMap<>();
    jdbc.sql(sql)
        .param(id)
        .query(
            rs -> {
              out.put(rs.getObject("id", UUID.class), rs.getString("label"));
            });
    return out;
  }

  @Override
  public Map<UUID, String> searchVisible(Kind kind, String q, int limit) {
    SqlPredicate visible = access.listFilter(libraryKind(kind), "x");
    String table = kind == Kind.SOFTWARE ? "software" : "maintenance_task";
    Map<UUID, String> out = new LinkedHashMap<>();
    jdbc.sql(
            "select x.id, x.name from "
                + table
                + " x where x.deleted_at is null and x.name ilike :q escape '\\' and "
                + visible.sql()
                + " order by lower(x.name), x.id limit :limit")
        .params(visible.params())
        .param("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .param("limit", Math.max(1, Math.min(limit, 100)))
        .query(
            rs -> {
              out.put(rs.getObject("id", UUID.class), rs.getString("name"));
            });
    return out;
  }

  private static LibraryKind libraryKind(Kind kind) {
    return switch (kind) {
      case SOFTWARE -> LibraryKind.SOFTWARE;
      case TASK -> LibraryKind.TASK;
    };
  }
}
