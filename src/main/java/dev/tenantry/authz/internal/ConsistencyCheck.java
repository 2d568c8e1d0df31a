package dev.tenantry.authz.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantGrants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Compares two snapshots by their decisions: for each sampled user and every permission, where the
 * user holds it (tenants, denied tenants, resource selectors; order ignored). An incrementally
 * maintained snapshot must decide exactly like a fresh load of the same database snapshot.
 */
final class ConsistencyCheck {
  private ConsistencyCheck() {}

  static List<String> differences(
      PolicySnapshot incremental, PolicySnapshot fresh, List<UUID> users) {
    Engine engine = Engine.INSTANCE;
    Instant now = Instant.now();
    List<String> out = new ArrayList<>();
    for (UUID user : users) {
      for (Permission p : Permission.values()) {
        TenantGrants a = engine.tenantsWith(incremental, user, p, now);
        TenantGrants b = engine.tenantsWith(fresh, user, p, now);
        if (!same(a, b)) {
          out.add("user " + user + " " + p.key());
        }
      }
    }
    return out;
  }

  private static boolean same(TenantGrants a, TenantGrants b) {
    return a.allTenants() == b.allTenants()
        && a.tenantIds().equals(b.tenantIds())
        && a.deniedTenantIds().equals(b.deniedTenantIds())
        && new HashSet<>(a.allowedSelectors()).equals(new HashSet<>(b.allowedSelectors()))
        && new HashSet<>(a.deniedSelectors()).equals(new HashSet<>(b.deniedSelectors()));
  }
}
