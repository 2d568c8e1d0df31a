package dev.tenantry.authz.internal;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.AccessWriteLock;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.FullAdmins;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may change access (DESIGN §3.6) for the web layer: takes the access-write lock (6j), runs
 * {@link AntiEscalation} for the current user and turns a refusal into a 403 whose message names
 * the rule (6a–6i) and what is missing; a change that would leave no full administrator is a 409
 * (6h).
 */
@Component
public class AccessRules {
  private final Authorizer authz;
  private final ScopeReferences references;
  private final AccessWriteLock lock;
  private final AntiEscalation anti = new AntiEscalation();

  public AccessRules(Authorizer authz, ScopeReferences references, AccessWriteLock lock) {
    this.authz = authz;
    this.references = references;
    this.lock = lock;
  }

  /** 6j: serializes access-changing writes until the current transaction ends. */
  public void lock() {
    lock.acquire();
  }

  /**
   * Creating a role or group owned by a tenant: 404 when the tenant does not exist or the caller
   * cannot see {@code view} there (as people, computers and users answer for an invisible tenant),
   * 403 when it can see but not hold {@code manage} there. Ownerless (global) objects need {@code
   * manage} on the global object.
   */
  public void requireManageOwned(Permission view, Permission manage, @Nullable UUID ownerTenantId) {
    authz.requireUser();
    if (ownerTenantId != null) {
      if (!references.tenantExists(ownerTenantId)) {
        throw ApiException.notFound("Tenant", ownerTenantId);
      }
      authz.requireVisible(view, Target.tenant(ownerTenantId), "Tenant", ownerTenantId);
    }
    authz.require(manage, ownedBy(ownerTenantId));
  }

  /**
   * Where a tenant-owned object is governed: its tenant; an ownerless one is a global object (OWNER
   * manages).
   */
  public static Target ownedBy(@Nullable UUID ownerTenantId) {
    return ownerTenantId == null ? Target.globalObject(null) : Target.tenant(ownerTenantId);
  }

  /** A request to create an assignment (6a–c, e, f, i). */
  public void requireCanCreate(
      Principal principal, UUID roleId, Scope scope, Effect effect, @Nullable Instant expiresAt) {
    UUID me = authz.requireUser();
    requireNotImpersonatorsOwn(principal);
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canCreate(s, me, principal, roleId, scope, effect, expiresAt, authz.now());
    Set<Permission> perms = s.role(roleId).map(RoleNode::permissions).orElse(Set.of());
    refuseUnless(d, s, me, perms, scope, principal, "");
  }

  public void requireCanRemove(UUID assignmentId) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    var a = s.assignment(assignmentId);
    a.ifPresent(x -> requireNotImpersonatorsOwn(x.principal()));
    Decision d = anti.canRemoveAssignment(s, me, assignmentId, authz.now());
    if (a.isEmpty()) {
      refuseUnless(d, s, me, Set.of(), null, null, "");
      return;
    }
    Set<Permission> perms = s.role(a.get().roleId()).map(RoleNode::permissions).orElse(Set.of());
    String what =
        a.get().effect() == Effect.DENY
            ? "Rule 6g: removing DENY assignment " + assignmentId + " grants what it denied. "
            : "Removing assignment " + assignmentId + ": ";
    refuseUnless(d, s, me, perms, a.get().scope(), a.get().principal(), what);
  }

  public void requireCanAddMember(UUID groupId, UUID userId) {
    UUID me = authz.requireUser();
    requireNotImpersonatorsOwn(Principal.user(userId));
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canAddMember(s, me, groupId, userId, authz.now());
    if (d.allowed()) {
      return;
    }
    for (var a : s.groupAssignments(groupId)) { // name the group assignment that is refused
      Decision one =
          anti.canCreate(
              s,
              me,
              Principal.user(userId),
              a.roleId(),
              a.scope(),
              a.effect(),
              a.expiresAt(),
              authz.now());
      if (!one.allowed() && one.rule() == d.rule()) {
        refuseUnless(
            one,
            s,
            me,
            s.role(a.roleId()).map(RoleNode::permissions).orElse(Set.of()),
            a.scope(),
            Principal.user(userId),
            "Rule 6d: adding the user grants the group's assignment " + a.id() + ". ");
      }
    }
    refuseUnless(d, s, me, Set.of(), null, null, "Rule 6d: ");
  }

  /** 6g: taking a user out of a group removes each group assignment from them. */
  public void requireCanRemoveMember(UUID groupId, UUID userId) {
    UUID me = authz.requireUser();
    requireNotImpersonatorsOwn(Principal.user(userId));
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canRemoveMember(s, me, groupId, userId, authz.now());
    refuseUnless(
        d,
        s,
        me,
        Set.of(),
        null,
        null,
        "Rule 6g: removing the member removes the group's assignments from them. ");
  }

  /**
   * 6g: deleting or disabling a user (or shortening their access) removes their grants; enabling
   * them or extending their access (until {@code until}, null = never) grants them anew.
   */
  public void requireCanChangeUser(UUID userId, boolean enabling, @Nullable Instant until) {
    UUID me = authz.requireUser();
    requireNotImpersonatorsOwn(Principal.user(userId));
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canChangeUser(s, me, userId, enabling, until, authz.now());
    refuseUnless(
        d,
        s,
        me,
        Set.of(),
        null,
        null,
        enabling
            ? "Rule 6g: enabling the user or extending their access grants their assignments anew. "
            : "Rule 6g: this removes every assignment of the user, each judged like removing it. ");
  }

  /** 6i: a role edit is judged as re-creating each live assignment of the role. */
  public void requireCanEditRole(UUID roleId, Set<Permission> permissions) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canEditRole(s, me, roleId, permissions, authz.now());
    refuseUnless(
        d,
        s,
        me,
        permissions,
        null,
        null,
        "Rule 6i: this edit re-grants the role's live assignments. ");
  }

  /**
   * 6h: the change may not leave the instance without a full administrator (409, saying why).
   * {@code what} names the change in the message.
   */
  public void requireNoLockout(List<? extends PolicyChange> changes, String what) {
    PolicySnapshot s = authz.snapshot();
    if (FullAdmins.locksOut(s, s.withChanges(s.revision(), changes), authz.now())) {
      throw lockout(what);
    }
  }

  public static ApiException lockout(String what) {
    return ApiException.conflict(
        "Rule 6h: "
            + what
            + " would leave the instance without a full administrator (an enabled user without"
            + " access expiry holding every permission, un-denied, at OWNER, through assignments"
            + " without expiry). Make another user one first; if Entra access to the last one is"
            + " lost, run ./tenantry recover-admin on the host.");
  }

  /** While impersonating, the impersonator's own access is "one's own" too (6f). */
  void requireNotImpersonatorsOwn(Principal principal) {
    UUID impersonator = Actors.current().impersonatorUserId();
    if (impersonator == null) {
      return;
    }
    boolean own =
        switch (principal) {
          case Principal.UserPrincipal(UUID id) -> id.equals(impersonator);
          case Principal.GroupPrincipal(UUID id) ->
              authz
                  .snapshot()
                  .group(id)
                  .map(g -> g.memberUserIds().contains(impersonator))
                  .orElse(false);
        };
    if (own) {
      throw ApiException.forbidden(
          "Rule 6f: while impersonating you cannot change the impersonator's own access");
    }
  }

  private void refuseUnless(
      Decision d,
      PolicySnapshot s,
      UUID me,
      Set<Permission> perms,
      @Nullable Scope scope,
      @Nullable Principal principal,
      String prefix) {
    String message =
        switch (d.rule()) {
          case ALLOWED -> null;
          case ASSIGNMENT_SCOPE_NOT_MANAGED ->
              "Rule 6a: you need 'role-assignments:manage' over everything the scope can ever"
                  + " cover (its reach, rule 6e)";
          case CROSS_TENANT_PERMISSION_MISSING ->
              "Rule 6b: a role holding a system permission, or a scope whose reach is wider than"
                  + " one tenant's subtree (OWNER, MSP, TENANT_TAG, a selector without a tenant"
                  + " limit, USERS_TENANT on an instance-wide group), can only be assigned with"
                  + " 'roles:assign-cross-tenant'";
          case PERMISSION_NOT_HELD ->
              "Rule 6c: you cannot grant what you do not hold: "
                  + notHeld(s, me, perms, scope, principal)
                  + " is not allowed to you over everything the scope can ever cover (rule 6e)";
          case OUTLIVES_SUPPORT ->
              "Rule 6f: the grant would outlast your own access to what it gives; "
                  + latest(s, me, perms, scope, principal);
          case SELF_CHANGE -> "Rule 6f: you cannot change your own access";
          case ROLE_OUTSIDE_OWNER ->
              "Rule 6i: a role owned by a tenant can only be assigned at scopes inside that"
                  + " tenant's subtree";
          case GROUP_TENANT_MISMATCH ->
              throw ApiException.conflict(
                  "This group belongs to a tenant; only users whose person is in that tenant can be members");
          case USER_INACTIVE, UNKNOWN_USER -> "Your user is disabled or has expired access";
          case UNKNOWN_TARGET ->
              throw ApiException.invalid(
                  "The scope names a tenant, computer or user that does not exist");
          case UNKNOWN_OBJECT ->
              throw ApiException.invalid("The role, group or user does not exist");
          default -> "Refused (" + d.rule() + ")";
        };
    if (message != null) {
      throw ApiException.forbidden(prefix + message);
    }
  }

  private String notHeld(
      PolicySnapshot s,
      UUID me,
      Set<Permission> perms,
      @Nullable Scope scope,
      @Nullable Principal p) {
    if (scope == null || p == null) {
      return "a permission of the role";
    }
    for (Permission x : perms) {
      if (!anti.holdsOverReach(s, me, x, scope, p, authz.now())) {
        return "'" + x.key() + "'";
      }
    }
    return "a permission of the role";
  }

  private String latest(
      PolicySnapshot s,
      UUID me,
      Set<Permission> perms,
      @Nullable Scope scope,
      @Nullable Principal p) {
    if (scope == null || p == null) {
      return "give it an earlier expiry";
    }
    Optional<Instant> latest = anti.latestExpiry(s, me, p, perms, scope, authz.now());
    return latest.map(i -> "it must expire by " + i).orElse("give it an earlier expiry");
  }

  public static ApiException readOnly(String what) {
    return new ApiException(dev.tenantry.shared.web.ErrorCode.READ_ONLY, what);
  }
}
