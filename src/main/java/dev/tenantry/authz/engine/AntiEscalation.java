package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may change access (DESIGN §3.6), as pure functions over a snapshot. "Covering a scope" means
 * covering every target the scope covers now ({@link ScopeTargets}): every tenant for OWNER, MSP,
 * TENANT_TAG and TENANT (with its current descendants), the tenant of the user or of every member
 * for USERS_TENANT, every computer currently selected for RESOURCE.
 *
 * <ul>
 *   <li>6a: {@code role-assignments:manage} allowed on every covered target;
 *   <li>6b: a role holding a system permission, or an OWNER/MSP/TENANT_TAG scope, also needs {@code
 *       roles:assign-cross-tenant};
 *   <li>6c: every permission of the role allowed to the actor on every covered target (system
 *       permissions: system-wide). Applied to DENY assignments too: denying what you do not hold
 *       would let you lock others out of what you have no say over; likewise removing a DENY widens
 *       access, so it needs 6c;
 *   <li>6d: adding a user to a group = assigning each live group assignment to that user; a
 *       tenant-owned group only accepts users of its tenant.
 * </ul>
 *
 * The operation permission itself (e.g. {@code groups:manage}) is the caller's concern.
 */
public final class AntiEscalation {
  private final Engine engine;

  public AntiEscalation(Engine engine) {
    this.engine = engine;
  }

  public AntiEscalation() {
    this(Engine.INSTANCE);
  }

  /**
   * May {@code actorId} create an assignment of the role at the scope, for the principal, with the
   * effect?
   */
  public Decision canAssign(
      PolicySnapshot s,
      UUID actorId,
      Principal principal,
      UUID roleId,
      Scope scope,
      Effect effect,
      Instant now) {
    Optional<RoleNode> role = s.role(roleId);
    if (role.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    return decide(s, actorId, principal, role.get(), scope, true, now);
  }

  /** May {@code actorId} add {@code userId} to the group (6d)? */
  public Decision canAddMember(
      PolicySnapshot s, UUID actorId, UUID groupId, UUID userId, Instant now) {
    Optional<GroupNode> group = s.group(groupId);
    Optional<UserNode> user = s.user(userId);
    if (group.isEmpty() || user.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    UUID owner = group.get().ownerTenantId();
    if (owner != null && !owner.equals(user.get().tenantId())) {
      return Decision.of(DecisionRule.GROUP_TENANT_MISMATCH);
    }
    for (AssignmentNode a : s.groupAssignments(groupId)) {
      if (!a.activeAt(now)) {
        continue;
      }
      Optional<RoleNode> role = s.role(a.roleId());
      if (role.isEmpty()) {
        continue; // an absent role grants nothing
      }
      Decision d = decide(s, actorId, Principal.user(userId), role.get(), a.scope(), true, now);
      if (!d.allowed()) {
        return d;
      }
    }
    return Decision.ALLOWED;
  }

  /**
   * May {@code actorId} remove the assignment? 6a and 6b always; 6c only for a DENY (removing it
   * widens access).
   */
  public Decision canRemoveAssignment(
      PolicySnapshot s, UUID actorId, UUID assignmentId, Instant now) {
    Optional<AssignmentNode> a = s.assignment(assignmentId);
    if (a.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    AssignmentNode n = a.get();
    RoleNode role = s.role(n.roleId()).orElse(new RoleNode(n.roleId(), java.util.Set.of(), null));
    return decide(s, actorId, n.principal(), role, n.scope(), n.effect() == Effect.DENY, now);
  }

  private Decision decide(
      PolicySnapshot s,
      UUID actor,
      Principal principal,
      RoleNode role,
      Scope scope,
      boolean ruleC,
      Instant now) {
    Optional<List<Target>> covered = ScopeTargets.of(s, scope, principal);
    if (covered.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_TARGET);
    }
    List<Target> targets = covered.get();
    for (Target t : targets) {
      Decision d = engine.check(s, actor, Permission.ROLE_ASSIGNMENTS_MANAGE, t, now);
      if (!d.allowed()) {
        return d.rule() == DecisionRule.USER_INACTIVE || d.rule() == DecisionRule.UNKNOWN_USER
            ? d
            : Decision.of(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
      }
    }
    boolean system = role.permissions().stream().anyMatch(Permission::system);
    if ((system || scope.crossTenant())
        && !engine
            .check(s, actor, Permission.ROLES_ASSIGN_CROSS_TENANT, Target.system(), now)
            .allowed()) {
      return Decision.of(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    }
    if (ruleC) {
      for (Permission p : role.permissions()) {
        if (!holdsEverywhere(s, actor, p, targets, now)) {
          return Decision.of(DecisionRule.PERMISSION_NOT_HELD);
        }
      }
    }
    return Decision.ALLOWED;
  }

  /** p allowed on every target (system permissions: system-wide, whatever the targets). */
  public boolean holdsEverywhere(
      PolicySnapshot s, UUID userId, Permission p, List<Target> targets, Instant now) {
    if (p.system()) {
      return engine.check(s, userId, p, Target.system(), now).allowed();
    }
    for (Target t : targets) {
      if (!engine.check(s, userId, p, t, now).allowed()) {
        return false;
      }
    }
    return true;
  }
}
