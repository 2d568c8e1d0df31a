package dev.tenantry.authz.internal;

import dev.tenantry.authz.PolicyChangeListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Names of roles and groups (Check Access names every matching assignment), remembered on this node
 * until the policy feed says the role or group changed (a rename is a feed change since V137), so
 * that a check usually answers without a query. A read that overlaps a change is answered but not
 * remembered (the epoch check, as in the tenant read model), so a name read before a rename is
 * never kept after the rename was applied; a request carrying the rename's {@code
 * X-Policy-Revision} sees the new name.
 */
@Repository
public class RoleAndGroupNames implements PolicyChangeListener {
  static final int MAX_ENTRIES = 100_000;
  private final JdbcClient jdbc;
  private final Map<UUID, String> roleNames = new ConcurrentHashMap<>();
  private final Map<UUID, String> groupNames = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private long epoch; // guarded by lock

  RoleAndGroupNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Role id → name and group id → name, for the ids that exist. */
  public record Names(Map<UUID, String> roles, Map<UUID, String> groups) {}

  public Names of(Collection<UUID> roleIds, Collection<UUID> groupIds) {
    Map<UUID, String> roles = new HashMap<>();
    Map<UUID, String> groups = new HashMap<>();
    List<UUID> unknownRoles = known(roleIds, roleNames, roles);
    List<UUID> unknownGroups = known(groupIds, groupNames, groups);
    if (unknownRoles.isEmpty() && unknownGroups.isEmpty()) {
      return new Names(roles, groups);
    }
    long seen;
    synchronized (lock) {
      seen = epoch;
    }
    Map<UUID, String> readRoles = new HashMap<>();
    Map<UUID, String> readGroups = new HashMap<>();
    jdbc.sql(
            """
            select id, name, true from role where id = any(:roles)
            union all
            select id, name, false from user_group where id = any(:groups)
            """)
        .param("roles", unknownRoles.toArray(UUID[]::new))
        .param("groups", unknownGroups.toArray(UUID[]::new))
        .query(
            rs -> {
              (rs.getBoolean(3) ? readRoles : readGroups)
                  .put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    synchronized (lock) {
      if (epoch == seen) { // nothing applied meanwhile: what was read is still current
        if (roleNames.size() + groupNames.size() >= MAX_ENTRIES) {
          roleNames.clear();
          groupNames.clear();
        }
        roleNames.putAll(readRoles);
        groupNames.putAll(readGroups);
      }
    }
    roles.putAll(readRoles);
    groups.putAll(readGroups);
    return new Names(roles, groups);
  }

  private static List<UUID> known(
      Collection<UUID> ids, Map<UUID, String> names, Map<UUID, String> into) {
    List<UUID> unknown = new ArrayList<>();
    for (UUID id : ids) {
      String name = names.get(id);
      if (name != null) {
        into.put(id, name);
      } else {
        unknown.add(id);
      }
    }
    return unknown;
  }

  @Override
  public void applied(Applied change) {
    synchronized (lock) {
      epoch++;
      if (change.everything()) {
        roleNames.clear();
        groupNames.clear();
      } else {
        change.roles().forEach(roleNames::remove);
        change.groups().forEach(groupNames::remove);
      }
    }
  }
}
