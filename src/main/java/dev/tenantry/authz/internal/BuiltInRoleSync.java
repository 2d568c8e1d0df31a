package dev.tenantry.authz.internal;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.RoleDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/**
 * Rewrites the built-in role rows from {@link BuiltInRoles} at start-up: code is the source of
 * truth (DESIGN §4). Only rows that differ are written, so a restart without a code change records
 * no policy change.
 */
@Component
public class BuiltInRoleSync {
  private static final String UPSERT =
      """
      insert into role (id, name, description, built_in, owner_tenant_id, permissions)
      values (?, ?, ?, true, null, ?)
      on conflict (id) do update
         set name = excluded.name, description = excluded.description, built_in = true, owner_tenant_id = null,
             permissions = excluded.permissions, updated_at = now(), version = role.version + 1
       where (role.name, role.description, role.built_in, role.permissions, role.owner_tenant_id)
             is distinct from (excluded.name, excluded.description, true, excluded.permissions, null)""";

  private final PolicyConnections db;

  BuiltInRoleSync(PolicyConnections db) {
    this.db = db;
  }

  void sync() {
    try (Connection c = db.open()) {
      sync(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot synchronise the built-in roles", e);
    }
  }

  /** Writes the built-in rows on {@code c} in a transaction of its own. */
  public static void sync(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement guard =
            c.prepareStatement("select set_config('tenantry.builtin_sync', 'on', true)");
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      guard.execute();
      for (RoleDefinition r : BuiltInRoles.ALL) {
        ps.setObject(1, r.id());
        ps.setString(2, r.name());
        ps.setString(3, r.description());
        ps.setArray(
            4,
            c.createArrayOf(
                "text", r.permissions().stream().map(Permission::key).sorted().toArray()));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }
}
