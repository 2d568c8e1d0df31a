package dev.tenantry.authz;

import java.util.Set;
import java.util.UUID;

/**
 * Told by this node's policy store what a catch-up changed, before the revision counts as applied
 * here: a request that waits for a revision ({@code X-Policy-Revision}) therefore finds every
 * listener already told. Node-local read models kept current by the policy feed (the tenant details
 * of {@code GET /api/v1/tenants/{id}}) drop what they hold for the tenants named. Called under the
 * store's lock: implementations must be quick and must not throw.
 */
public interface PolicyChangeListener {

  void applied(Applied change);

  /**
   * {@code everything}: a full load (or a change that cannot be placed), forget all. Otherwise
   * {@code tenants}: every tenant whose row or tags changed, the old and new parent of each (their
   * children changed) and the old and new tenant of every changed computer (their computers
   * changed); {@code roles} and {@code groups}: the roles and groups whose rows (names included,
   * V137) or members changed.
   */
  record Applied(boolean everything, Set<UUID> tenants, Set<UUID> roles, Set<UUID> groups) {
    public static final Applied EVERYTHING = new Applied(true, Set.of(), Set.of(), Set.of());

    public Applied {
      tenants = Set.copyOf(tenants);
      roles = Set.copyOf(roles);
      groups = Set.copyOf(groups);
    }

    public boolean isEmpty() {
      return !everything && tenants.isEmpty() && roles.isEmpty() && groups.isEmpty();
    }
  }
}
