package dev.tenantry.authz.internal;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.engine.AntiEscalation;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.RoleNode;
import dev.tenantry.authz.engine.ScopeTargets;
import dev.tenantry.shared.web.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may change access (DESIGN §3.6) for the web layer: runs {@link AntiEscalation} for the
 * current user and turns a refusal into a 403 whose message names the rule (6a–6d) and, for 6c, the
 * permission not held.
 */
@Component
public class AccessRules {
  private final Authorizer authz;
  private final ScopeReferences references;
  private final AntiEscalation anti = new AntiEscalation();

  public AccessRules(Authorizer authz, ScopeReferences references) {
    this.authz = authz;
    this.references = references;
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

  public void requireCanAssign(
      Principal principal, UUID roleId, Scope scope, dev.tenantry.authz.Effect effect) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canAssign(s, me, principal, roleId, scope, effect, authz.now());
    refuseUnless(d, s, me, roleId, scope, principal, "");
  }

  public void requireCanRemove(UUID assignmentId) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canRemoveAssignment(s, me, assignmentId, authz.now());
    s.assignment(assignmentId)
        .ifPresentOrElse(
            a ->
                refuseUnless(
                    d,
                    s,
                    me,
                    a.roleId(),
                    a.scope(),
                    a.principal(),
                    "Removing assignment " + assignmentId + ": "),
            () -> refuseUnless(d, s, me, null, null, null, ""));
  }

  public void requireCanAddMember(UUID groupId, UUID userId) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    Decision d = anti.canAddMember(s, me, groupId, userId, authz.now());
    if (d.allowed()) {
      return;
    }
    for (var a :
        s.groupAssignments(groupId)) { // find the group assignment that is refused, to name it
      Decision one =
          anti.canAssign(
              s, me, Principal.user(userId), a.roleId(), a.scope(), a.effect(), authz.now());
      if (!one.allowed()) {
        refuseUnless(
            one,
            s,
            me,
            a.roleId(),
            a.scope(),
            Principal.user(userId),
            "Rule 6d: adding the user grants the group's assignment " + a.id() + ". ");
      }
    }
    refuseUnless(d, s, me, null, null, null, "Rule 6d: ");
  }

  /**
   * p allowed to the current user on every target the scope covers now (for role edits and member
   * removal).
   */
  @Nullable Permission firstNotHeld(Collection<Permission> ps, Scope scope, Principal principal) {
    UUID me = authz.requireUser();
    PolicySnapshot s = authz.snapshot();
    List<Target> targets = ScopeTargets.of(s, scope, principal).orElse(List.of());
    for (Permission p : ps) {
      if (!anti.holdsEverywhere(s, me, p, targets, authz.now())) {
        return p;
      }
    }
    return null;
  }

  private void refuseUnless(
      Decision d,
      PolicySnapshot s,
      UUID me,
      @Nullable UUID roleId,
      @Nullable Scope scope,
      @Nullable Principal principal,
      String prefix) {
    String message =
        switch (d.rule()) {
          case ALLOWED -> null;
          case ASSIGNMENT_SCOPE_NOT_MANAGED ->
              "Rule 6a: you need 'role-assignments:manage' over every tenant and"
                  + " computer the scope covers";
          case CROSS_TENANT_PERMISSION_MISSING ->
              "Rule 6b: a role holding a system permission, or a scope of kind OWNER,"
                  + " MSP or TENANT_TAG, can only be assigned with 'roles:assign-cross-tenant'";
          case PERMISSION_NOT_HELD ->
              "Rule 6c: you cannot grant what you do not hold: "
                  + notHeld(s, roleId, scope, principal)
                  + " is not allowed to you over the whole scope";
          case GROUP_TENANT_MISMATCH ->
              throw ApiException.conflict(
                  "This group belongs to a tenant; only users whose person is in that tenant can be members");
          case USER_INACTIVE, UNKNOWN_USER -> "Your user is disabled or has expired access";
          case UNKNOWN_TARGET ->
              throw ApiException.invalid(
                  "The scope names a tenant or computer that does not exist");
          case UNKNOWN_OBJECT ->
              throw ApiException.invalid("The role, group or user does not exist");
          default -> "Refused (" + d.rule() + ")";
        };
    if (message != null) {
      throw ApiException.forbidden(prefix + message);
    }
  }

  private String notHeld(
      PolicySnapshot s, @Nullable UUID roleId, @Nullable Scope scope, @Nullable Principal p) {
    if (roleId == null || scope == null || p == null) {
      return "a permission of the role";
    }
    Permission missing =
        firstNotHeld(
            s.role(roleId).map(RoleNode::permissions).orElse(java.util.Set.of()), scope, p);
    return missing == null ? "a permission of the role" : "'" + missing.key() + "'";
  }

  public static ApiException readOnly(String what) {
    return new ApiException(dev.tenantry.shared.web.ErrorCode.READ_ONLY, what);
  }
}
