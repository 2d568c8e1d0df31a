package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * DESIGN §2–§3 read literally, over plain collections, with no index and no cleverness. Slow by
 * design: the engine must agree with it on every question (see {@code EngineProperties}).
 */
final class ReferenceEvaluator {
  private final PolicyModel m;

  ReferenceEvaluator(PolicyModel m) {
    this.m = m;
  }

  Decision check(UUID userId, Permission p, Target target, Instant now) {
    UserNode user = m.users.get(userId);
    if (user == null) {
      return Decision.of(DecisionRule.UNKNOWN_USER);
    }
    // §3.1: disabled, access expired (the expiry instant itself counts as expired), person gone
    if (!user.enabled()
        || user.tenantId() == null
        || (user.accessExpiresAt() != null && !now.isBefore(user.accessExpiresAt()))) {
      return Decision.of(DecisionRule.USER_INACTIVE);
    }
    if (!p.system() && !targetExists(target)) {
      return Decision.of(DecisionRule.UNKNOWN_TARGET);
    }
    List<MatchedAssignment> matches = matches(user, p, target, now);
    if (matches.stream().anyMatch(a -> a.effect() == Effect.DENY)) {
      return Decision.of(DecisionRule.DENY_WINS);
    }
    if (!matches.isEmpty()) {
      return Decision.of(DecisionRule.ALLOWED);
    }
    return Decision.of(DecisionRule.DEFAULT_DENY);
  }

  /**
   * §3.2 + §3.3: the user's direct and group assignments whose role holds p, not expired, covering
   * the target.
   */
  List<MatchedAssignment> matches(UserNode user, Permission p, Target target, Instant now) {
    List<MatchedAssignment> out = new ArrayList<>();
    for (AssignmentNode a : m.assignments.values()) {
      UUID via = null;
      if (a.principal() instanceof Principal.UserPrincipal(UUID id)) {
        if (!id.equals(user.id())) {
          continue;
        }
      } else {
        GroupNode g = m.groups.get(a.principal().id());
        if (g == null || !g.memberUserIds().contains(user.id())) {
          continue;
        }
        via = g.id();
      }
      RoleNode role = m.roles.get(a.roleId());
      boolean expired = a.expiresAt() != null && !now.isBefore(a.expiresAt());
      if (role != null
          && role.permissions().contains(p)
          && !expired
          && covers(a.scope(), p, target, user)) {
        out.add(new MatchedAssignment(a.id(), a.roleId(), a.effect(), a.scope(), via));
      }
    }
    return out;
  }

  private boolean targetExists(Target target) {
    return switch (target) {
      case Target.SystemTarget s -> true;
      case Target.TenantTarget(UUID t) -> m.tenants.containsKey(t);
      case Target.ComputerTarget(UUID c) ->
          m.computers.containsKey(c) && m.tenants.containsKey(m.computers.get(c).tenantId());
      case Target.ObjectTarget(UUID owner, UUID creator) ->
          owner == null || m.tenants.containsKey(owner);
    };
  }

  boolean covers(Scope scope, Permission p, Target target, UserNode user) {
    if (p.system()) {
      return true; // §3.5: any scope grants or denies a system permission system-wide
    }
    return switch (target) {
      case Target.SystemTarget s -> scope instanceof Scope.Owner;
      case Target.TenantTarget(UUID t) -> coversTenant(scope, t, user);
      case Target.ComputerTarget(UUID c) -> {
        ComputerNode computer = m.computers.get(c);
        yield coversTenant(scope, computer.tenantId(), user)
            || (scope instanceof Scope.Resource(ResourceSelector sel) && selects(sel, computer));
      }
      case Target.ObjectTarget(UUID owner, UUID creator) -> {
        if (owner != null) {
          yield coversTenant(scope, owner, user);
        }
        if (p.isView()) {
          yield true; // everyone may see the shared library
        }
        yield scope instanceof Scope.Owner
            || (scope instanceof Scope.Msp(UUID msp) && msp.equals(creator));
      }
    };
  }

  boolean coversTenant(Scope scope, UUID t, UserNode user) {
    TenantNode tenant = m.tenants.get(t);
    return switch (scope) {
      case Scope.Owner o -> true;
      case Scope.Msp(UUID msp) -> t.equals(msp) || (tenant != null && tenant.mspId().equals(msp));
      case Scope.Tenant(UUID root, boolean children) ->
          t.equals(root) || (children && ancestors(t).contains(root));
      case Scope.TenantTag(UUID tag, UUID msp) ->
          tenant != null
              && tenant.tagIds().contains(tag)
              && (msp == null || tenant.mspId().equals(msp));
      case Scope.UsersTenant u -> t.equals(user.tenantId());
      case Scope.Resource r -> false;
    };
  }

  boolean selects(ResourceSelector sel, ComputerNode c) {
    return switch (sel) {
      case ResourceSelector.OneComputer(UUID id) -> id.equals(c.id());
      case ResourceSelector.ComputerTag(UUID tag, UUID t, UUID msp) ->
          c.tagIds().contains(tag) && limit(t, msp, c);
      case ResourceSelector.ComputerTypes(var types, UUID t, UUID msp) ->
          types.contains(c.type()) && limit(t, msp, c);
    };
  }

  /** DESIGN §2: limited to one tenant, or to the tenants whose msp_id is the MSP (as now). */
  private boolean limit(UUID t, UUID msp, ComputerNode c) {
    TenantNode tenant = m.tenants.get(c.tenantId());
    return (t == null || t.equals(c.tenantId()))
        && (msp == null || (tenant != null && tenant.mspId().equals(msp)));
  }

  /** Proper ancestors of t: parent ids walked up while the parent id is known to the model. */
  Set<UUID> ancestors(UUID t) {
    Set<UUID> out = new HashSet<>();
    TenantNode n = m.tenants.get(t);
    UUID cur = n == null ? null : n.parentId();
    while (cur != null && out.add(cur)) {
      TenantNode parent = m.tenants.get(cur);
      cur = parent == null ? null : parent.parentId();
    }
    return out;
  }

  UUID tenantOf(UUID computerId) {
    return Objects.requireNonNull(m.computers.get(computerId)).tenantId();
  }
}
