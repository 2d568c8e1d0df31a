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

  UserNamesService(JdbcClient jdbc, UserAdmin users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  @Override
  public Map<UUID, String> visibleUsers() {
    Map<UUID, String> out = new java.util.LinkedHashMap<>();
    users.list(null, null, null, 0, 500).items().forEach(u -> out.put(u.id(), u.displayName()));
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
