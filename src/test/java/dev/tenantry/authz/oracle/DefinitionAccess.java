package dev.tenantry.authz.oracle;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.AssignmentNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §2 and §3.1–3.5 read literally, over an {@link OracleWorld}: the oracle's own evaluator,
 * sharing no code with the engine. A target is a tenant id, a computer id, or {@link #SYSTEM}.
 */
final class DefinitionAccess {
  static final UUID SYSTEM = new UUID(0, 0);

  private DefinitionAccess() {}

  /**
   * Does a user whose person is in {@code userTenant} (enabled and expiring as given) hold p on the
   * target at time t through these assignments, roles read from {@code roles}?
   */
  static boolean allowed(
      OracleWorld w,
      @Nullable UUID userTenant,
      boolean enabled,
      @Nullable Instant accessExpires,
      Collection<AssignmentNode> asgs,
      Map<UUID, OracleWorld.Role> roles,
      Permission p,
      UUID target,
      Instant t) {
    if (!enabled || userTenant == null || (accessExpires != null && !t.isBefore(accessExpires))) {
      return false; // §3.1
    }
    boolean allow = false;
    for (AssignmentNode a : asgs) {
      OracleWorld.Role r = roles.get(a.roleId());
      if (r == null
          || !r.perms().contains(p)
          || (a.expiresAt() != null && !t.isBefore(a.expiresAt()))) {
        continue;
      }
      if (p.system() || covers(w, a.scope(), target, userTenant)) {
        if (a.effect() == Effect.DENY) {
          return false; // §3.4 deny wins
        }
        allow = true;
      }
    }
    return allow;
  }

  static boolean allowed(OracleWorld w, UUID user, Permission p, UUID target, Instant t) {
    OracleWorld.User u = w.users.get(user);
    return u != null
        && allowed(
            w,
            u.tenant(),
            u.enabled(),
            u.accessExpires(),
            w.assignmentsOf(user),
            w.roles,
            p,
            target,
            t);
  }

  /** §2: a tenant, or a computer (covered through its tenant or picked by a selector). */
  static boolean covers(OracleWorld w, Scope s, UUID target, UUID userTenant) {
    OracleWorld.Tenant tenant = w.tenants.get(target);
    if (tenant != null) {
      return coversTenant(w, s, tenant, userTenant);
    }
    OracleWorld.Computer c = w.computers.get(target);
    if (c == null || !w.tenants.containsKey(c.tenant())) {
      return false;
    }
    if (coversTenant(w, s, w.tenants.get(c.tenant()), userTenant)) {
      return true;
    }
    return s instanceof Scope.Resource(ResourceSelector sel) && picks(w, sel, c);
  }

  private static boolean coversTenant(
      OracleWorld w, Scope s, OracleWorld.Tenant t, UUID userTenant) {
    return switch (s) {
      case Scope.Owner o -> true;
      case Scope.Msp(UUID m) -> t.id().equals(m) || t.msp().equals(m);
      case Scope.Tenant(UUID id, boolean children) ->
          t.id().equals(id) || (children && w.ancestor(id, t.id()));
      case Scope.TenantTag(UUID g, UUID m) ->
          t.tags().contains(g) && (m == null || t.msp().equals(m));
      case Scope.UsersTenant u -> t.id().equals(userTenant);
      case Scope.Resource r -> false;
    };
  }

  private static boolean picks(OracleWorld w, ResourceSelector sel, OracleWorld.Computer c) {
    return switch (sel) {
      case ResourceSelector.OneComputer(UUID id) -> id.equals(c.id());
      case ResourceSelector.ComputerTag(UUID g, UUID limit, UUID msp) ->
          c.tags().contains(g) && within(w, limit, msp, c);
      case ResourceSelector.ComputerTypes(Set<ComputerType> types, UUID limit, UUID msp) ->
          types.contains(c.type()) && within(w, limit, msp, c);
    };
  }

  /** DESIGN §2: "optionally limited to one tenant or to one MSP" (the computer's tenant's msp). */
  private static boolean within(OracleWorld w, UUID limit, UUID msp, OracleWorld.Computer c) {
    OracleWorld.Tenant t = w.tenants.get(c.tenant());
    return (limit == null || limit.equals(c.tenant()))
        && (msp == null || (t != null && t.msp().equals(msp)));
  }
}
