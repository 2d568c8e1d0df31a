package dev.tenantry.authz.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Names of roles and groups in one query (Check Access names every matching assignment). */
@Repository
public class RoleAndGroupNames {
  private final JdbcClient jdbc;

  RoleAndGroupNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Role id → name and group id → name, for the ids that exist. */
  public record Names(Map<UUID, String> roles, Map<UUID, String> groups) {}

  public Names of(Collection<UUID> roleIds, Collection<UUID> groupIds) {
    Map<UUID, String> roles = new HashMap<>();
    Map<UUID, String> groups = new HashMap<>();
    if (roleIds.isEmpty() && groupIds.isEmpty()) {
      return new Names(roles, groups);
    }
    jdbc.sql(
            """
            select id, name, true from role where id = any(:roles)
            union all
            select id, name, false from user_group where id = any(:groups)
            """)
        .param("roles", roleIds.toArray(UUID[]::new))
        .param("groups", groupIds.toArray(UUID[]::new))
        .query(
            rs -> {
              (rs.getBoolean(3) ? roles : groups).put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return new Names(roles, groups);
  }
}
