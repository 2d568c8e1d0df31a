package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may change access (DESIGN §3.6, §5), as pure functions over a snapshot. Every rule judges a
 * scope by its {@link Reach} — what it can ever cover — once per scope, never by listing what it
 * covers today ({@link ReachSupport}).
 *
 * <ul>
 *   <li>6a: {@code role-assignments:manage} held over the whole reach;
 *   <li>6b: a role holding a system permission, or a reach wider than one tenant's subtree, also
 *       needs {@code roles:assign-cross-tenant};
 *   <li>6c: every permission of the role held (allowed, not denied) over the whole reach; applied
 *       to DENY assignments too (denying what you do not hold would let you lock others out of what
 *       you have no say over);
 *   <li>6d: adding a member = granting each live group assignment to that user;
 *   <li>6f: an ALLOW expires no later than the actor's support of each of its permissions; an
 *       inactive actor changes nothing; no one changes their own assignments or memberships;
 *   <li>6g: removing a DENY = granting an ALLOW of its role at its scope;
 *   <li>6i: a tenant-owned role only inside its owner's subtree; a role edit = re-creating its live
 *       assignments;
 *   <li>§5: impersonation per (permission, target) by reach, never of someone who may impersonate.
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
   * May {@code actorId} create an assignment of the role at the scope (rules 6a, 6b, 6c, 6e, 6i)?
   * The question other features ask for a grant they would make effective (§3.10); it does not
   * compare expiries or refuse self-grants — {@link #canCreate} does, for a request to assign.
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
    return judge(
        s, actorId, principal, role.get().permissions(), role.get(), scope, true, null, false, now);
  }

  /**
   * May {@code actorId} make an existing assignment effective on more targets (DESIGN §3.10: rule 6
   * a, b, c, e over the assignment's whole reach)? Unlike {@link #canAssign} it does not apply 6i:
   * that rule judges requests to assign a tenant-owned role; an assignment that exists already
   * (e.g. from before the rule, or an import) must not make every structural change within its
   * reach impossible for everyone.
   */
  public Decision canWiden(
      PolicySnapshot s, UUID actorId, Principal principal, UUID roleId, Scope scope, Instant now) {
    Optional<RoleNode> role = s.role(roleId);
    if (role.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    return judge(
        s, actorId, principal, role.get().permissions(), null, scope, true, null, false, now);
  }

  /**
   * A request to create an assignment: {@link #canAssign} plus rule 6f — an ALLOW expires no later
   * than the actor's support ({@code expiresAt} null = never), and no one assigns to themselves or
   * a group they belong to.
   */
  public Decision canCreate(
      PolicySnapshot s,
      UUID actorId,
      Principal principal,
      UUID roleId,
      Scope scope,
      Effect effect,
      @Nullable Instant expiresAt,
      Instant now) {
    Optional<RoleNode> role = s.role(roleId);
    if (role.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    if (ReachSupport.includes(s, principal, actorId)) {
      return Decision.of(DecisionRule.SELF_CHANGE);
    }
    boolean allow = effect == Effect.ALLOW;
    return judge(
        s,
        actorId,
        principal,
        role.get().permissions(),
        role.get(),
        scope,
        true,
        expiresAt,
        allow,
        now);
  }

  /** May {@code actorId} add {@code userId} to the group (6d, 6f)? */
  public Decision canAddMember(
      PolicySnapshot s, UUID actorId, UUID groupId, UUID userId, Instant now) {
    Optional<GroupNode> group = s.group(groupId);
    Optional<UserNode> user = s.user(userId);
    if (group.isEmpty() || user.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    Decision actor = actorActive(s, actorId, now);
    if (!actor.allowed()) {
      return actor;
    }
    if (userId.equals(actorId)) {
      return Decision.of(DecisionRule.SELF_CHANGE);
    }
    UUID owner = group.get().ownerTenantId();
    if (owner != null && !owner.equals(user.get().tenantId())) {
      return Decision.of(DecisionRule.GROUP_TENANT_MISMATCH);
    }
    for (AssignmentNode a : s.groupAssignments(groupId)) {
      Decision d = judgeExisting(s, actorId, Principal.user(userId), a, now);
      if (!d.allowed()) {
        return d;
      }
    }
    return Decision.ALLOWED;
  }

  /**
   * May {@code actorId} take {@code userId} out of the group (6g)? Each live group assignment is
   * removed from that user: an ALLOW needs 6a over its reach, a DENY what granting it needs. Never
   * one's own membership.
   */
  public Decision canRemoveMember(
      PolicySnapshot s, UUID actorId, UUID groupId, UUID userId, Instant now) {
    if (s.group(groupId).isEmpty() || s.user(userId).isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    if (userId.equals(actorId)) {
      return Decision.of(DecisionRule.SELF_CHANGE);
    }
    Principal user = Principal.user(userId);
    for (AssignmentNode a : s.groupAssignments(groupId)) {
      if (!a.activeAt(now)) {
        continue;
      }
      Set<Permission> perms = s.role(a.roleId()).map(RoleNode::permissions).orElse(Set.of());
      boolean deny = a.effect() == Effect.DENY;
      Instant gift = deny ? giftEnd(s, user, now) : null;
      Decision d = judge(s, actorId, user, perms, null, a.scope(), deny, gift, deny, now);
      if (!d.allowed()) {
        return d;
      }
    }
    return actorActive(s, actorId, now);
  }

  /**
   * May {@code actorId} remove or re-enable these grants of the user (6g: deleting, disabling or
   * re-enabling a user, changing their access expiry)? {@code enabling}: each live ALLOW is granted
   * anew until {@code until} (null: its own expiry) — 6a–c, e, f; each DENY as removing it does not
   * matter then. Otherwise each ALLOW is removed (6a over its reach) and each DENY lifted —
   * harmless once the user can no longer act, so only 6a. Never one's own.
   */
  public Decision canChangeUser(
      PolicySnapshot s,
      UUID actorId,
      UUID userId,
      boolean enabling,
      @Nullable Instant until,
      Instant now) {
    if (userId.equals(actorId)) {
      return Decision.of(DecisionRule.SELF_CHANGE);
    }
    Decision active = actorActive(s, actorId, now);
    if (!active.allowed()) {
      return active;
    }
    Principal user = Principal.user(userId);
    for (AssignmentNode a : ReachSupport.assignmentsOf(s, userId)) {
      if (!a.activeAt(now)) {
        continue;
      }
      Set<Permission> perms = s.role(a.roleId()).map(RoleNode::permissions).orElse(Set.of());
      boolean grant = enabling && a.effect() == Effect.ALLOW;
      Instant end = grant ? earliest(a.expiresAt(), until) : null;
      Decision d = judge(s, actorId, user, perms, null, a.scope(), grant, end, grant, now);
      if (!d.allowed() && d.rule() != DecisionRule.UNKNOWN_TARGET) {
        return d;
      }
    }
    return Decision.ALLOWED;
  }

  /**
   * May {@code actorId} remove the assignment (6g)? An ALLOW: 6a and 6b over its reach. A DENY:
   * everything creating an ALLOW of its role at its scope needs, until the principal's access
   * through other assignments ends. Never one's own.
   */
  public Decision canRemoveAssignment(
      PolicySnapshot s, UUID actorId, UUID assignmentId, Instant now) {
    Optional<AssignmentNode> a = s.assignment(assignmentId);
    if (a.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    AssignmentNode n = a.get();
    boolean deny = n.effect() == Effect.DENY;
    if (n.principal().equals(Principal.user(actorId))
        || (deny && ReachSupport.includes(s, n.principal(), actorId))) {
      return Decision.of(DecisionRule.SELF_CHANGE);
    }
    RoleNode role = s.role(n.roleId()).orElse(new RoleNode(n.roleId(), Set.of(), null));
    Instant gift = deny ? giftEnd(s, n.principal(), now) : null;
    return judge(
        s, actorId, n.principal(), role.permissions(), null, n.scope(), deny, gift, deny, now);
  }

  /**
   * May {@code actorId} change the role's permissions to {@code permissions} (6i)? Judged as
   * re-creating every live assignment of the role: added permissions on ALLOW assignments, removed
   * ones on DENY assignments, each by 6a–c, e, f.
   */
  public Decision canEditRole(
      PolicySnapshot s, UUID actorId, UUID roleId, Set<Permission> permissions, Instant now) {
    Optional<RoleNode> role = s.role(roleId);
    if (role.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    Decision actor = actorActive(s, actorId, now);
    if (!actor.allowed()) {
      return actor;
    }
    Set<Permission> added = diff(permissions, role.get().permissions());
    Set<Permission> removed = diff(role.get().permissions(), permissions);
    for (AssignmentNode a : s.assignmentsOfRole(roleId)) {
      if (!a.activeAt(now)) {
        continue;
      }
      boolean allow = a.effect() == Effect.ALLOW;
      Set<Permission> widening = allow ? added : removed;
      if (widening.isEmpty()) {
        continue;
      }
      Instant end = allow ? a.expiresAt() : giftEnd(s, a.principal(), now);
      Decision d =
          judge(s, actorId, a.principal(), widening, null, a.scope(), true, end, true, now);
      if (!d.allowed()) {
        return d;
      }
    }
    return Decision.ALLOWED;
  }

  /**
   * May {@code actorId} act as {@code targetId} until {@code until} (§5)? {@code
   * users:impersonate}, the target may not impersonate, and every (permission, target) the target
   * holds through an ALLOW — judged by reach — is held by the impersonator for as long as the
   * session can use it.
   */
  public Decision canImpersonate(
      PolicySnapshot s, UUID actorId, UUID targetId, Instant until, Instant now) {
    Decision actor = actorActive(s, actorId, now);
    if (!actor.allowed()) {
      return actor;
    }
    Optional<UserNode> target = s.user(targetId);
    if (target.isEmpty() || targetId.equals(actorId)) {
      return Decision.of(DecisionRule.UNKNOWN_OBJECT);
    }
    Optional<Instant> may =
        ReachSupport.until(s, actorId, Permission.USERS_IMPERSONATE, Reach.ALL, now);
    if (may.isEmpty()) {
      return Decision.of(DecisionRule.PERMISSION_NOT_HELD);
    }
    if (may.get().isBefore(until)) {
      return Decision.of(DecisionRule.OUTLIVES_SUPPORT);
    }
    if (engine.check(s, targetId, Permission.USERS_IMPERSONATE, Target.system(), now).allowed()) {
      return Decision.of(DecisionRule.TARGET_MAY_IMPERSONATE);
    }
    Instant targetEnd = target.get().accessExpiresAt();
    for (AssignmentNode a : ReachSupport.assignmentsOf(s, targetId)) {
      if (!a.activeAt(now) || a.effect() == Effect.DENY) {
        continue;
      }
      Optional<RoleNode> role = s.role(a.roleId());
      Optional<Reach> reach = Reach.of(s, a.scope(), Principal.user(targetId));
      if (role.isEmpty() || reach.isEmpty()) {
        continue; // grants nothing
      }
      Instant end = earliest(earliest(until, a.expiresAt()), targetEnd);
      for (Permission p : role.get().permissions()) {
        Optional<Instant> held = ReachSupport.until(s, actorId, p, reach.get(), now);
        if (held.isEmpty()) {
          return Decision.of(DecisionRule.PERMISSION_NOT_HELD);
        }
        if (held.get().isBefore(end)) {
          return Decision.of(DecisionRule.OUTLIVES_SUPPORT);
        }
      }
    }
    return Decision.ALLOWED;
  }

  /**
   * The latest expiry an ALLOW of these permissions over the reach of the scope may have when
   * {@code actorId} grants it (rule 6f); {@link Instant#MAX} for "may be permanent", empty when a
   * permission is not held at all.
   */
  public Optional<Instant> latestExpiry(
      PolicySnapshot s,
      UUID actorId,
      Principal principal,
      Set<Permission> permissions,
      Scope scope,
      Instant now) {
    Optional<Reach> reach = Reach.of(s, scope, principal);
    if (reach.isEmpty()) {
      return Optional.empty();
    }
    Instant latest = ReachSupport.FOREVER;
    for (Permission p : permissions) {
      Optional<Instant> held = ReachSupport.until(s, actorId, p, reach.get(), now);
      if (held.isEmpty()) {
        return Optional.empty();
      }
      latest = held.get().isBefore(latest) ? held.get() : latest;
    }
    return Optional.of(latest);
  }

  /** p held by the user over the whole reach of the scope for the principal (6c, 6e). */
  public boolean holdsOverReach(
      PolicySnapshot s, UUID userId, Permission p, Scope scope, Principal principal, Instant now) {
    return Reach.of(s, scope, principal)
        .flatMap(r -> ReachSupport.until(s, userId, p, r, now))
        .isPresent();
  }

  /** An existing group assignment granted to one more user (6d): ALLOW or DENY alike. */
  private Decision judgeExisting(
      PolicySnapshot s, UUID actor, Principal user, AssignmentNode a, Instant now) {
    if (!a.activeAt(now)) {
      return Decision.ALLOWED;
    }
    Optional<RoleNode> role = s.role(a.roleId());
    if (role.isEmpty()) {
      return Decision.ALLOWED; // an absent role grants nothing
    }
    boolean allow = a.effect() == Effect.ALLOW;
    return judge(
        s,
        actor,
        user,
        role.get().permissions(),
        role.get(),
        a.scope(),
        true,
        a.expiresAt(),
        allow,
        now);
  }

  /**
   * 6a, 6b, 6e, 6i, and — when {@code ruleC} — 6c; when {@code ruleF}, 6f for a grant ending at
   * {@code end} (null: never).
   */
  private Decision judge(
      PolicySnapshot s,
      UUID actor,
      Principal principal,
      Set<Permission> permissions,
      @Nullable RoleNode ownedRole,
      Scope scope,
      boolean ruleC,
      @Nullable Instant end,
      boolean ruleF,
      Instant now) {
    Decision active = actorActive(s, actor, now);
    if (!active.allowed()) {
      return active;
    }
    Optional<Reach> found = Reach.of(s, scope, principal);
    if (found.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_TARGET);
    }
    Reach reach = found.get();
    if (ownedRole != null
        && ownedRole.ownerTenantId() != null
        && !inside(s, reach, ownedRole.ownerTenantId())) {
      return Decision.of(DecisionRule.ROLE_OUTSIDE_OWNER);
    }
    if (ReachSupport.until(s, actor, Permission.ROLE_ASSIGNMENTS_MANAGE, reach, now).isEmpty()) {
      return Decision.of(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    }
    boolean system = permissions.stream().anyMatch(Permission::system);
    if ((system || reach.crossTenant())
        && !engine
            .check(s, actor, Permission.ROLES_ASSIGN_CROSS_TENANT, Target.system(), now)
            .allowed()) {
      return Decision.of(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    }
    if (ruleC) {
      Instant need = end == null ? ReachSupport.FOREVER : end;
      for (Permission p : permissions) {
        Optional<Instant> held = ReachSupport.until(s, actor, p, reach, now);
        if (held.isEmpty()) {
          return Decision.of(DecisionRule.PERMISSION_NOT_HELD);
        }
        if (ruleF && held.get().isBefore(need)) {
          return Decision.of(DecisionRule.OUTLIVES_SUPPORT);
        }
      }
    }
    return Decision.ALLOWED;
  }

  /** 6i: the reach lies inside the owner's subtree. */
  private static boolean inside(PolicySnapshot s, Reach r, UUID owner) {
    return switch (r.kind()) {
      case ALL, MSP -> false;
      case SUBTREE, TENANT, TENANT_COMPUTERS -> ReachSupport.atOrUnder(s, owner, r.id());
      case COMPUTER ->
          s.computer(r.id()).map(c -> ReachSupport.atOrUnder(s, owner, c.tenantId())).orElse(false);
    };
  }

  private Decision actorActive(PolicySnapshot s, UUID actor, Instant now) {
    Optional<UserNode> u = s.user(actor);
    if (u.isEmpty()) {
      return Decision.of(DecisionRule.UNKNOWN_USER);
    }
    return u.get().activeAt(now) ? Decision.ALLOWED : Decision.of(DecisionRule.USER_INACTIVE);
  }

  /**
   * How long removing a DENY can give the principal something: while any of its (or, for a group,
   * any member's) ALLOW assignments lasts, capped by the users' access expiry; null = forever.
   */
  static @Nullable Instant giftEnd(PolicySnapshot s, Principal principal, Instant now) {
    List<UUID> users =
        switch (principal) {
          case Principal.UserPrincipal(UUID id) -> List.of(id);
          case Principal.GroupPrincipal(UUID id) ->
              s.group(id).map(g -> List.copyOf(g.memberUserIds())).orElse(List.of());
        };
    Instant latest = now;
    for (UUID u : users) {
      Instant access = s.user(u).map(UserNode::accessExpiresAt).orElse(null);
      for (AssignmentNode a : ReachSupport.assignmentsOf(s, u)) {
        if (a.effect() == Effect.ALLOW && a.activeAt(now)) {
          Instant end = earliest(a.expiresAt(), access);
          if (end == null) {
            return null;
          }
          latest = end.isAfter(latest) ? end : latest;
        }
      }
    }
    return latest;
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Set<Permission> diff(Set<Permission> a, Set<Permission> b) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    out.addAll(a);
    out.removeAll(b);
    return out;
  }
}
