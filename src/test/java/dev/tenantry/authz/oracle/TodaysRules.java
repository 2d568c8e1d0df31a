package dev.tenantry.authz.oracle;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.ScopeTargets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules as they were before issue 8 (commit a05bd3a), kept verbatim in logic: every rule loops
 * over what a scope covers <em>today</em>, no expiry is compared, and impersonation compares list
 * filters. The oracle must reject them ({@code AccessChangeOracleProperties}), which shows it can
 * fail.
 */
final class TodaysRules implements AccessChangeOracle.Judge {
  private final Engine engine = Engine.INSTANCE;

  @Override
  public boolean accepts(OracleWorld w, UUID actor, OracleRequest req, Instant now) {
    PolicySnapshot s = w.snapshot();
    return switch (req) {
      case OracleRequest.Assign a ->
          assign(s, actor, a.principal(), a.role(), a.scope(), true, now);
      case OracleRequest.Remove r -> {
        AssignmentNode a = s.assignment(r.assignment()).orElseThrow();
        yield assign(
            s, actor, a.principal(), a.roleId(), a.scope(), a.effect() == Effect.DENY, now);
      }
      case OracleRequest.AddMember m -> {
        var owner = w.groups.get(m.group()).owner();
        if (owner != null && !owner.equals(w.users.get(m.user()).tenant())) {
          yield false;
        }
        yield s.groupAssignments(m.group()).stream()
            .filter(a -> a.activeAt(now))
            .allMatch(
                a -> assign(s, actor, Principal.user(m.user()), a.roleId(), a.scope(), true, now));
      }
      case OracleRequest.Approve a -> {
        Scope scope =
            a.scope() instanceof Scope.UsersTenant ? Scope.tenant(a.tenant(), false) : a.scope();
        yield assign(s, actor, Principal.user(a.newUser()), a.role(), scope, true, now);
      }
      case OracleRequest.EditRole e -> editRole(s, actor, e, now);
      case OracleRequest.Impersonate i ->
          false; // judged in identity over list filters; not modelled
    };
  }

  private boolean assign(
      PolicySnapshot s,
      UUID actor,
      Principal principal,
      UUID roleId,
      Scope scope,
      boolean ruleC,
      Instant now) {
    var covered = ScopeTargets.of(s, scope, principal);
    var role = s.role(roleId);
    if (covered.isEmpty() || role.isEmpty()) {
      return false;
    }
    List<Target> targets = covered.get();
    for (Target t : targets) {
      if (!engine.check(s, actor, Permission.ROLE_ASSIGNMENTS_MANAGE, t, now).allowed()) {
        return false;
      }
    }
    boolean system = role.get().permissions().stream().anyMatch(Permission::system);
    if ((system || scope.crossTenant())
        && !engine
            .check(s, actor, Permission.ROLES_ASSIGN_CROSS_TENANT, Target.system(), now)
            .allowed()) {
      return false;
    }
    return !ruleC
        || role.get().permissions().stream().allMatch(p -> holds(s, actor, p, targets, now));
  }

  private boolean holds(
      PolicySnapshot s, UUID actor, Permission p, List<Target> targets, Instant now) {
    if (p.system()) {
      return engine.check(s, actor, p, Target.system(), now).allowed();
    }
    return targets.stream().allMatch(t -> engine.check(s, actor, p, t, now).allowed());
  }

  private boolean editRole(PolicySnapshot s, UUID actor, OracleRequest.EditRole e, Instant now) {
    Set<Permission> old = s.role(e.role()).map(RoleNode::permissions).orElse(Set.of());
    Set<Permission> added = EnumSet.noneOf(Permission.class);
    added.addAll(e.permissions());
    added.removeAll(old);
    Set<Permission> removed = EnumSet.noneOf(Permission.class);
    removed.addAll(old);
    removed.removeAll(e.permissions());
    for (AssignmentNode a : allAssignments(s)) {
      if (!a.roleId().equals(e.role()) || !a.activeAt(now)) {
        continue;
      }
      Set<Permission> widening = a.effect() == Effect.ALLOW ? added : removed;
      if (a.effect() == Effect.ALLOW
          && widening.stream().anyMatch(Permission::system)
          && !engine
              .check(s, actor, Permission.ROLES_ASSIGN_CROSS_TENANT, Target.system(), now)
              .allowed()) {
        return false;
      }
      List<Target> targets = ScopeTargets.of(s, a.scope(), a.principal()).orElse(List.of());
      for (Permission p : widening) {
        if (!holds(s, actor, p, targets, now)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<AssignmentNode> allAssignments(PolicySnapshot s) {
    java.util.ArrayList<AssignmentNode> out = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.addAll(s.directAssignments(OracleCases.baseId("user", i)));
    }
    for (int i = 0; i < 2; i++) {
      out.addAll(s.groupAssignments(OracleCases.baseId("group", i)));
    }
    out.addAll(s.directAssignments(OracleCases.baseId("newcomer", 0)));
    return out;
  }
}
