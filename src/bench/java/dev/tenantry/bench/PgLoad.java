package dev.tenantry.bench;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.GroupNode;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.authz.engine.UserNode;
import dev.tenantry.authz.internal.SnapshotLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * {@code snapshot_build_from_pg_ms}: the full-size instance COPY'd into an embedded PostgreSQL
 * (schema by Flyway, triggers off while loading), then {@link SnapshotLoader#loadAll} timed in a
 * REPEATABLE READ read-only transaction, median of 3. The loaded snapshot must decide 200,000
 * requests exactly like the in-memory one (the run fails otherwise).
 */
final class PgLoad {
  private PgLoad() {}

  static void measure(int assignments, Map<String, String> figures) throws Exception {
    BenchData d = new BenchData(assignments, 42, false);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure().dataSource(ds).load().migrate();
      long t0 = System.nanoTime();
      fill(ds, d);
      figures.put("pg_copy_ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
      long[] loads = new long[3];
      PolicySnapshot loaded = null;
      for (int i = 0; i < loads.length; i++) {
        loaded = null;
        SnapshotCosts.usedAfterGc();
        try (Connection c = ds.getConnection()) {
          c.setAutoCommit(false);
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          c.setReadOnly(true);
          long t1 = System.nanoTime();
          loaded = SnapshotLoader.loadAll(c, 1);
          loads[i] = System.nanoTime() - t1;
          c.commit();
        }
      }
      Arrays.sort(loads);
      figures.put("snapshot_build_from_pg_ms", String.valueOf(loads[1] / 1_000_000));
      sameDecisions(d, d.snapshot(), loaded);
    }
  }

  private static void sameDecisions(BenchData d, PolicySnapshot memory, PolicySnapshot loaded) {
    Requests q = Requests.randomUsers(d, 1 << 17, 9);
    for (int i = 0; i <= q.mask; i++) {
      var a =
          Engine.INSTANCE.check(memory, q.users[i], q.permissions[i], q.targets[i], BenchData.NOW);
      var b =
          Engine.INSTANCE.check(loaded, q.users[i], q.permissions[i], q.targets[i], BenchData.NOW);
      if (!a.equals(b)) {
        throw new IllegalStateException(
            "snapshot loaded from PostgreSQL decides request "
                + i
                + " as "
                + b
                + ", the in-memory one as "
                + a);
      }
    }
  }

  static void fill(DataSource ds, BenchData d) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(
            "set session_replication_role = replica"); // no change-feed triggers or FK checks while
        // bulk loading
        st.execute("delete from role where built_in"); // re-inserted below with their permissions
      }
      CopyManager cm = c.unwrap(PGConnection.class).getCopyAPI();
      int i = 0;
      try (Rows r = new Rows(cm, "tag (id, name)")) {
        for (UUID t : d.tags) {
          r.row(t, "tag-" + i++);
        }
      }
      i = 0;
      try (Rows r = new Rows(cm, "tenant (id, name, slug, kind, parent_id, msp_id)")) {
        for (TenantNode t : d.tenantNodes) {
          r.row(t.id(), "Tenant " + i, "t-" + i++, t.kind(), t.parentId(), t.mspId());
        }
      }
      try (Rows tt =
          new Rows(cm, "tenant_tag (tenant_id, tag_id)")) { // one COPY at a time per connection
        for (TenantNode t : d.tenantNodes) {
          for (UUID g : t.tagIds()) {
            tt.row(t.id(), g);
          }
        }
      }
      i = 0;
      try (Rows r = new Rows(cm, "computer (id, tenant_id, name, type)")) {
        for (ComputerNode n : d.computerNodes) {
          r.row(n.id(), n.tenantId(), "pc-" + i++, n.type());
        }
      }
      try (Rows ct = new Rows(cm, "computer_tag (computer_id, tag_id)")) {
        for (ComputerNode n : d.computerNodes) {
          for (UUID g : n.tagIds()) {
            ct.row(n.id(), g);
          }
        }
      }
      try (Rows p = new Rows(cm, "person (id, tenant_id, source)")) {
        for (UserNode n : d.userNodes) {
          p.row(n.id(), n.tenantId(), "MANUAL"); // person id = user id: one person per user
        }
      }
      try (Rows u = new Rows(cm, "app_user (id, person_id, enabled, access_expires_at)")) {
        for (UserNode n : d.userNodes) {
          u.row(n.id(), n.id(), n.enabled(), n.accessExpiresAt());
        }
      }
      i = 0;
      try (Rows g = new Rows(cm, "user_group (id, name, owner_tenant_id)")) {
        for (GroupNode n : d.groupNodes) {
          g.row(n.id(), "group-" + i++, n.ownerTenantId());
        }
      }
      try (Rows m = new Rows(cm, "group_member (group_id, user_id)")) {
        for (GroupNode n : d.groupNodes) {
          for (UUID u : n.memberUserIds()) {
            m.row(n.id(), u);
          }
        }
      }
      Set<UUID> builtIn =
          BuiltInRoles.ALL.stream()
              .map(RoleDefinition::id)
              .collect(Collectors.toCollection(HashSet::new));
      i = 0;
      try (Rows r = new Rows(cm, "role (id, name, built_in, owner_tenant_id, permissions)")) {
        for (RoleNode n : d.roleNodes) {
          String perms =
              n.permissions().stream()
                  .map(Permission::key)
                  .sorted()
                  .collect(Collectors.joining(",", "{", "}"));
          r.row(n.id(), "role-" + i++, builtIn.contains(n.id()), n.ownerTenantId(), new Raw(perms));
        }
      }
      try (Rows r =
          new Rows(
              cm,
              "role_assignment (id, user_id, group_id, role_id, effect, scope_kind, scope_tenant_id,"
                  + " include_children, scope_tag_id, resource_kind, resource_computer_id, resource_computer_types, expires_at)")) {
        Set<List<Object>> seen = new HashSet<>(); // identical assignments exist once (V50)
        for (AssignmentNode a : d.assignmentNodes) {
          UUID user = a.principal() instanceof Principal.UserPrincipal ? a.principal().id() : null;
          UUID group = user == null ? a.principal().id() : null;
          Object[] s = scope(a.scope());
          if (!seen.add(
              Arrays.asList(
                  a.principal().id(),
                  a.roleId(),
                  a.effect(),
                  s[0],
                  s[1],
                  s[2],
                  s[3],
                  s[4],
                  s[5],
                  String.valueOf(s[6]),
                  String.valueOf(a.expiresAt())))) {
            continue;
          }
          r.row(
              a.id(),
              user,
              group,
              a.roleId(),
              a.effect(),
              s[0],
              s[1],
              s[2],
              s[3],
              s[4],
              s[5],
              s[6],
              a.expiresAt());
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("set session_replication_role = origin");
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("vacuum analyze");
      }
    }
  }

  // scope_kind, scope_tenant_id, include_children, scope_tag_id, resource_kind,
  // resource_computer_id, types
  private static Object[] scope(Scope s) {
    return switch (s) {
      case Scope.Owner o -> new Object[] {"OWNER", null, false, null, null, null, null};
      case Scope.Msp(UUID m) -> new Object[] {"MSP", m, false, null, null, null, null};
      case Scope.Tenant(UUID t, boolean ch) ->
          new Object[] {"TENANT", t, ch, null, null, null, null};
      case Scope.TenantTag(UUID g, UUID m) ->
          new Object[] {"TENANT_TAG", m, false, g, null, null, null};
      case Scope.UsersTenant u ->
          new Object[] {"USERS_TENANT", null, false, null, null, null, null};
      case Scope.Resource(ResourceSelector.OneComputer(UUID c)) ->
          new Object[] {"RESOURCE", null, false, null, "COMPUTER", c, null};
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID t, UUID unusedMsp)) ->
          new Object[] {"RESOURCE", t, false, g, "COMPUTER_TAG", null, null};
      case Scope.Resource(ResourceSelector.ComputerTypes ts) ->
          new Object[] {
            "RESOURCE",
            ts.tenantId(),
            false,
            null,
            "COMPUTER_TYPES",
            null,
            new Raw(
                ts.types().stream()
                    .map(Enum::name)
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}")))
          };
    };
  }

  /** A value written as is (an array literal). */
  private record Raw(String text) {}

  /** COPY ... FROM STDIN in text format, buffered. */
  private static final class Rows implements AutoCloseable {
    private final CopyIn in;
    private final StringBuilder buf = new StringBuilder(1 << 20);

    Rows(CopyManager cm, String table) throws SQLException {
      in = cm.copyIn("copy " + table + " from stdin");
    }

    void row(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          buf.append('\t');
        }
        Object v = values[i];
        buf.append(v == null ? "\\N" : v instanceof Raw raw ? raw.text() : v.toString());
      }
      buf.append('\n');
      if (buf.length() > (1 << 20) - 4096) {
        flush();
      }
    }

    private void flush() throws SQLException {
      byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(b, 0, b.length);
      buf.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      flush();
      in.endCopy();
    }
  }
}
