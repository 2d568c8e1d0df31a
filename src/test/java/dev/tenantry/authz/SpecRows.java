package dev.tenantry.authz;

import dev.tenantry.authz.engine.BehaviourSpec;
import dev.tenantry.authz.engine.SpecIds;
import dev.tenantry.authz.internal.ScopeColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a behaviour-spec model as rows of the real schema (names → ids as {@link SpecIds} maps
 * them).
 */
final class SpecRows {
  private SpecRows() {}

  static void insert(Connection c, BehaviourSpec.Model m) throws SQLException {
    c.setAutoCommit(false);
    Set<String> tags = new LinkedHashSet<>();
    m.tenants().forEach(t -> tags.addAll(t.tags()));
    m.computers().forEach(x -> tags.addAll(x.tags()));
    m.assignments().stream()
        .map(a -> ScopeColumns.of(SpecIds.scope(a.scope())).scopeTagId())
        .filter(java.util.Objects::nonNull)
        .forEach(id -> tags.add("#" + id));
    for (String tag : tags) {
      UUID id = tag.startsWith("#") ? UUID.fromString(tag.substring(1)) : SpecIds.id(tag);
      exec(c, "insert into tag (id, name) values (?, ?) on conflict do nothing", id, "tag-" + id);
    }
    for (BehaviourSpec.Tenant t : m.tenants()) { // parents come first in the spec
      exec(
          c,
          "insert into tenant (id, name, slug, kind, parent_id, msp_id) values (?, ?, ?, ?, ?, ?)",
          SpecIds.id(t.name()),
          t.name(),
          t.name(),
          t.kind().name(),
          id(t.parent()),
          SpecIds.id(t.msp()));
      for (String tag : t.tags()) {
        exec(
            c,
            "insert into tenant_tag (tenant_id, tag_id) values (?, ?)",
            SpecIds.id(t.name()),
            SpecIds.id(tag));
      }
    }
    for (BehaviourSpec.Computer x : m.computers()) {
      exec(
          c,
          "insert into computer (id, tenant_id, name, type) values (?, ?, ?, ?)",
          SpecIds.id(x.name()),
          SpecIds.id(x.tenant()),
          x.name(),
          x.type().name());
      for (String tag : x.tags()) {
        exec(
            c,
            "insert into computer_tag (computer_id, tag_id) values (?, ?)",
            SpecIds.id(x.name()),
            SpecIds.id(tag));
      }
    }
    for (BehaviourSpec.User u : m.users()) {
      insertUser(c, u);
    }
    for (BehaviourSpec.Group g : m.groups()) {
      exec(
          c,
          "insert into user_group (id, name, owner_tenant_id) values (?, ?, ?)",
          SpecIds.id(g.name()),
          g.name(),
          id(g.owner()));
      for (String member : g.members()) {
        exec(
            c,
            "insert into group_member (group_id, user_id) values (?, ?)",
            SpecIds.id(g.name()),
            SpecIds.id(member));
      }
    }
    for (BehaviourSpec.Role r : m.roles()) {
      exec(
          c,
          "insert into role (id, name, permissions) values (?, ?, ?)",
          SpecIds.id(r.name()),
          r.name(),
          c.createArrayOf("text", r.permissions().stream().map(Permission::key).toArray()));
    }
    for (BehaviourSpec.Assignment a : m.assignments()) {
      Principal p = SpecIds.principal(a.principal());
      ScopeColumns s = ScopeColumns.of(SpecIds.scope(a.scope()));
      exec(
          c,
          "insert into role_assignment (id, user_id, group_id, role_id, effect, "
              + ScopeColumns.COLUMNS
              + ", expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          SpecIds.id(a.name()),
          p instanceof Principal.UserPrincipal ? p.id() : null,
          p instanceof Principal.GroupPrincipal ? p.id() : null,
          SpecIds.id(a.role()),
          a.effect().name(),
          s.scopeKind(),
          s.scopeTenantId(),
          s.includeChildren(),
          s.scopeTagId(),
          s.resourceKind(),
          s.resourceComputerId(),
          s.resourceComputerTypes() == null
              ? null
              : c.createArrayOf("text", s.resourceComputerTypes()),
          s.mspLimit(),
          timestamp(a.expiresAt()));
    }
    c.commit();
  }

  /**
   * A user whose person is gone cannot exist under the foreign key; written with constraints off,
   * as after a purge.
   */
  private static void insertUser(Connection c, BehaviourSpec.User u) throws SQLException {
    UUID person = UUID.nameUUIDFromBytes(("person:" + u.name()).getBytes());
    if (u.tenant() != null) {
      exec(
          c,
          "insert into person (id, tenant_id, given_name, source) values (?, ?, ?, 'MANUAL')",
          person,
          SpecIds.id(u.tenant()),
          u.name());
    } else {
      try (Statement s = c.createStatement()) {
        s.execute("set local session_replication_role = replica");
      }
    }
    exec(
        c,
        "insert into app_user (id, person_id, enabled, access_expires_at) values (?, ?, ?, ?)",
        SpecIds.id(u.name()),
        person,
        u.enabled(),
        timestamp(u.accessExpiresAt()));
    if (u.tenant() == null) {
      try (Statement s = c.createStatement()) {
        s.execute("set local session_replication_role = origin");
      }
    }
  }

  private static UUID id(String name) {
    return name == null ? null : SpecIds.id(name);
  }

  private static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
