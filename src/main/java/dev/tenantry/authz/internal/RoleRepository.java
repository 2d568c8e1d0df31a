package dev.tenantry.authz.internal;

import dev.tenantry.authz.access.SqlPredicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code role}. Permissions are stored as catalogue keys (never ordinals). */
@Repository
public class RoleRepository {
  public record RoleRow(
      UUID id,
      String name,
      String description,
      boolean builtIn,
      @Nullable UUID ownerTenantId,
      List<String> permissions,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  private static final String SELECT =
      "select id, name, description, built_in, owner_tenant_id, permissions,"
          + " created_at, updated_at, version from role";
  private final JdbcClient jdbc;

  RoleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Names of the given roles (one query; for explanations). */
  public java.util.Map<UUID, String> names(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, String> out = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, name from role where id = any(?)")
          .param(ids.toArray(new UUID[0]))
          .query(
              rs -> {
                out.put(rs.getObject(1, UUID.class), rs.getString(2));
              });
    }
    return out;
  }

  public Optional<RoleRow> find(UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(RoleRepository::map).optional();
  }

  /**
   * Built-in and public roles, and those owned by a tenant the predicate (over {@code
   * owner_tenant_id}) admits.
   */
  public List<RoleRow> listVisible(SqlPredicate owners) {
    return jdbc.sql(
            SELECT
                + " where owner_tenant_id is null or "
                + owners.sql()
                + " order by built_in desc, lower(name)")
        .params(owners.params())
        .query(RoleRepository::map)
        .list();
  }

  /**
   * Visible roles whose name contains {@code q} (any case), built-ins first, at most {@code limit}.
   */
  public List<RoleRow> searchVisible(SqlPredicate owners, String q, int limit) {
    return jdbc.sql(
            SELECT
                + " where (owner_tenant_id is null or "
                + owners.sql()
                + ") and name ilike :q order by built_in desc, lower(name), id limit :limit")
        .params(owners.params())
        .param("q", dev.tenantry.shared.db.Like.contains(q))
        .param("limit", limit)
        .query(RoleRepository::map)
        .list();
  }

  public void insert(
      UUID id, String name, String description, @Nullable UUID owner, List<String> permissions) {
    jdbc.sql(
            "insert into role (id, name, description, owner_tenant_id, permissions) values (?, ?, ?, ?, ?)")
        .params(id, name, description, owner, permissions.toArray(String[]::new))
        .update();
  }

  public int update(
      UUID id, String name, String description, List<String> permissions, long version) {
    return jdbc.sql(
            """
            update role set name = ?, description = ?, permissions = ?, updated_at = now(), version = version + 1
            where id = ? and version = ? and not built_in""")
        .params(name, description, permissions.toArray(String[]::new), id, version)
        .update();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from role where id = ? and not built_in").param(id).update();
  }

  public List<UUID> assignmentIds(UUID roleId) {
    return jdbc.sql("select id from role_assignment where role_id = ? order by created_at, id")
        .param(roleId)
        .query(UUID.class)
        .list();
  }

  private static RoleRow map(ResultSet rs, int n) throws SQLException {
    return new RoleRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getBoolean(4),
        rs.getObject(5, UUID.class),
        Arrays.asList((String[]) rs.getArray(6).getArray()),
        rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant(),
        rs.getLong(9));
  }
}
