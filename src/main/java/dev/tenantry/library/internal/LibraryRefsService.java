package dev.tenantry.library.internal;

import dev.tenantry.library.LibraryRefs;
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

  private static LibraryKind libraryKind(Kind kind) {
    return switch (kind) {
      case SOFTWARE -> LibraryKind.SOFTWARE;
      case TASK -> LibraryKind.TASK;
    };
  }
}
