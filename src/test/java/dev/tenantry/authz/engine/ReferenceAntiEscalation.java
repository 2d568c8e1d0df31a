package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** DESIGN §3.6 read literally over the plain model, on top of {@link ReferenceEvaluator}. */
final class ReferenceAntiEscalation {
  private final PolicyModel m;
  private final ReferenceEvaluator ref;

  ReferenceAntiEscalation(PolicyModel m) {
    this.m = m;
    this.ref = new ReferenceEvaluator(m);
  }

  Decision canAssign(
      UUID actor, Principal principal, UUID roleId, Scope scope, Effect effect, Instant now) {
    RoleNode role = m.roles.get(roleId);
    return role == null
        ? Decision.of(DecisionRule.UNKNOWN_OBJECT)
        : decide(actor, principal, role, scope, true, now);
  }

  Decision canAddMember(UUID actor, UUID groupId, UUID userId, Instant now) {
    GroupNode group = m.groups.get(groupId);
    UserNode user = m.users.get(userId);
    if (group == null || user == null) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    if (group.ownerTenantId() != null && !group.ownerTenantId().equals(user.tenantId())) {
      return Decision.of(DecisionRule.GROUP_TENANT_MISMATCH);
    }
    for (AssignmentNode a : m.assignments.values()) {
      RoleNode role = m.roles.get(a.roleId());
      if (a.principal().equals(Principal.group(groupId)) && a.activeAt(now) && role != null) {
        Decision d = decide(actor, Principal.user(userId), role, a.scope(), true, now);
        if (!d.allowed()) {
          return d;
        }
      }
    }
    return Decision.ALLOWED;
  }

  Decision canRemove(UUID actor, UUID assignmentId, Instant now) {
    AssignmentNode a = m.assignments.get(assignmentId);
    if (a == null) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    RoleNode role = m.roles.getOrDefault(a.roleId(), new RoleNode(a.roleId(), Set.of(), null));
    return decide(actor, a.principal(), role, a.scope(), a.effect() == Effect.DENY, now);
  }

  private Decision decide(
      UUID actor, Principal principal, RoleNode role, Scope scope, boolean ruleC, Instant now) {
    List<Target> targets = targets(scope, principal);
    if (targets == null) {
      return Decision.of(DecisionRule.UNKNOWN_TARGET);
    }
    for (Target t : targets) { // 6a
      Decision d = ref.check(actor, Permission.ROLE_ASSIGNMENTS_MANAGE, t, now);
      if (!d.allowed()) {
        return d.rule() == DecisionRule.USER_INACTIVE || d.rule() == DecisionRule.UNKNOWN_USER
            ? d
            : Decision.of(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
      }
    }
    boolean crossTenant =
        scope instanceof Scope.Owner
            || scope instanceof Scope.Msp
            || scope instanceof Scope.TenantTag;
    if ((crossTenant || role.permissions().stream().anyMatch(Permission::system))
        && !ref.check(actor, Permission.ROLES_ASSIGN_CROSS_TENANT, Target.system(), now)
            .allowed()) { // 6b
      return Decision.of(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    }
    if (ruleC) { // 6c
      for (Permission p : role.permissions()) {
        List<Target> where = p.system() ? List.of(Target.system()) : targets;
        for (Target t : where) {
          if (!ref.check(actor, p, t, now).allowed()) {
            return Decision.of(DecisionRule.PERMISSION_NOT_HELD);
          }
        }
      }
    }
    return Decision.ALLOWED;
  }

  /** What the scope covers now; null when it names an absent tenant or computer. */
  private List<Target> targets(Scope scope, Principal principal) {
    List<Target> out = new ArrayList<>();
    switch (scope) {
      case Scope.Owner o -> m.tenants.keySet().forEach(t -> out.add(Target.tenant(t)));
      case Scope.Msp(UUID msp) -> {
        if (!m.tenants.containsKey(msp)) {
          return null;
        }
        m.tenants.values().stream()
            .filter(t -> t.id().equals(msp) || t.mspId().equals(msp))
            .forEach(t -> out.add(Target.tenant(t.id())));
      }
      case Scope.Tenant(UUID root, boolean children) -> {
        if (!m.tenants.containsKey(root)) {
          return null;
        }
        m.tenants.keySet().stream()
            .filter(t -> t.equals(root) || (children && ref.ancestors(t).contains(root)))
            .forEach(t -> out.add(Target.tenant(t)));
      }
      case Scope.TenantTag(UUID tag) ->
          m.tenants.values().stream()
              .filter(t -> t.tagIds().contains(tag))
              .forEach(t -> out.add(Target.tenant(t.id())));
      case Scope.UsersTenant u -> {
        Set<UUID> users =
            principal instanceof Principal.UserPrincipal
                ? Set.of(principal.id())
                : m.groups.containsKey(principal.id())
                    ? m.groups.get(principal.id()).memberUserIds()
                    : Set.of();
        Set<UUID> tenants = new LinkedHashSet<>();
        for (UUID id : users) {
          UserNode user = m.users.get(id);
          if (user != null && user.tenantId() != null && m.tenants.containsKey(user.tenantId())) {
            tenants.add(user.tenantId());
          }
        }
        tenants.forEach(t -> out.add(Target.tenant(t)));
      }
      case Scope.Resource(ResourceSelector sel) -> {
        UUID limit =
            switch (sel) {
              case ResourceSelector.OneComputer(UUID c) -> m.computers.containsKey(c) ? null : c;
              case ResourceSelector.ComputerTag t ->
                  t.tenantId() == null || m.tenants.containsKey(t.tenantId()) ? null : t.tenantId();
              case ResourceSelector.ComputerTypes t ->
                  t.tenantId() == null || m.tenants.containsKey(t.tenantId()) ? null : t.tenantId();
            };
        if (limit != null) {
          return null;
        }
        m.computers.values().stream()
            .filter(c -> ref.selects(sel, c))
            .forEach(c -> out.add(Target.computer(c.id())));
      }
    }
    return out;
  }
}
