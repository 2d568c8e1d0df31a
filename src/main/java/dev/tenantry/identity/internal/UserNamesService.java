package dev.tenantry.identity.internal;

import dev.tenantry.shared.UserNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class UserNamesService implements UserNames {
  private final JdbcClient jdbc;
  private final UserAdmin users;
  private final IdentityAccess access;

  UserNamesService(JdbcClient jdbc, UserAdmin users, IdentityAccess access) {
    this.jdbc = jdbc;
    this.users = users;
    this.access = access;
  }

  @Override
  public Map<UUID, String> visibleNames(Collection<UUID> userIds) {
    Map<UUID, String> out = new HashMap<>();
    if (userIds.isEmpty()) {
      return out;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("ids", userIds.stream().distinct().toArray(UUID[]::new));
    String visible = access.visibleUserTenants().sql("p.tenant_id", "visible", params);
    jdbc.sql(
            "select u.id, coalesce(nullif(trim(p.given_name || ' ' || p.family_name), ''),"
                + " p.email) as name from app_user u join person p on p.id = u.person_id"
                + " where u.id = any(:ids) and "
                + visible)
        .params(params)
        .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
    return out;
  }

  @Override
  public Map<UUID, String> searchVisible(String q, int limit) {
    Map<UUID, String> out = new java.util.LinkedHashMap<>();
    users
        .list(q.isBlank() ? null : q, null, null, 0, limit)
        .items()
        .forEach(u -> out.put(u.id(), u.displayName()));
    return out;
  }

  @Override
  public Map<UUID, String> names(Collection<UUID> userIds) {
    Map<UUID, String> out = new HashMap<>();
    if (userIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
        select u.id, coalesce(nullif(trim(p.given_name || ' ' || p.family_name), ''), p.email) as name
          from app_user u join person p on p.id = u.person_id where u.id = any(?)
        """)
        .param(userIds.toArray(new UUID[0]))
        .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
    return out;
  }
}
