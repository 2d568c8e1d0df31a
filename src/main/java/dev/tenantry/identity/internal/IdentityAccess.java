package dev.tenantry.identity.internal;

import static dev.tenantry.authz.Permission.*;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.UserAssignment;
import dev.tenantry.authz.UserChange;
import dev.tenantry.authz.access.AccessChangeRules;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every authorization decision of the identity feature goes through here, one method per question,
 * to the authorization engine. Users of a tenant the caller may not view answer 404 like missing
 * ones.
 */
@Component
class IdentityAccess {
  private final Authorizer authz;
  private final AccessChangeRules rules;

  IdentityAccess(Authorizer authz, AccessChangeRules rules) {
    this.authz = authz;
    this.rules = rules;
  }

  /** The effective user of this request; 403 for an identity that has no user. */
  UUID requireUser() {
    UUID user = currentUserOrNull();
    if (user == null || authz.standing(user).isEmpty()) {
      throw ApiException.forbidden("You have no access to this instance yet; request access first");
    }
    return user;
  }

  /**
   * The effective user of this request (null for the system), for created_by/decided_by columns.
   */
  @Nullable UUID currentUserOrNull() {
    return SignedIn.current().map(SignedIn::effectiveUserId).orElse(null);
  }

  /** The tenants whose users the caller may list. */
  VisibleTenants visibleUserTenants() {
    return authz.tenants(USERS_VIEW).visible();
  }

  /** users:view on the user's tenant, else 404 as if the user did not exist. */
  void requireViewUser(UUID tenantId, UUID userId) {
    authz.requireVisible(USERS_VIEW, Target.tenant(tenantId), "User", userId);
  }

  /** users:manage on {@code tenantId} (and users:view there, else 404). */
  void requireManageUsers(UUID tenantId) {
    authz.requireVisible(USERS_VIEW, Target.tenant(tenantId), "Tenant", tenantId);
    authz.require(USERS_MANAGE, Target.tenant(tenantId));
  }

  void requireDeleteUser(UUID tenantId, UUID userId) {
    requireViewUser(tenantId, userId);
    authz.require(USERS_DELETE, Target.tenant(tenantId));
  }

  void requireManageIntegrationUsers(UUID tenantId) {
    requireManageUsers(tenantId);
    authz.require(USERS_MANAGE_INTEGRATION, Target.tenant(tenantId));
  }

  /** access-requests:manage somewhere; the grant itself is checked by {@link #requireGrant}. */
  void requireApproveAccessRequests() {
    if (holdsNowhere(ACCESS_REQUESTS_MANAGE)) {
      throw ApiException.forbidden(
          "You need the permission 'access-requests:manage' to decide access requests");
    }
  }

  /** The tenants whose access requests the caller may see (see AccessRequestTenants). */
  VisibleTenants visibleAccessRequestTenants() {
    return authz.tenants(ACCESS_REQUESTS_VIEW).visible();
  }

  /**
   * Deciding a request needs access-requests:manage over the request's tenant (404 when the caller
   * cannot see it); a request of no tenant needs it instance-wide.
   */
  void requireDecideAccessRequest(@Nullable UUID requestTenantId, UUID requestId) {
    Target target = requestTenantId == null ? Target.system() : Target.tenant(requestTenantId);
    authz.requireVisible(ACCESS_REQUESTS_VIEW, target, "Access request", requestId);
    authz.require(ACCESS_REQUESTS_MANAGE, target);
  }

  /** access-requests:view somewhere; lists are then limited to the visible tenants' requests. */
  void requireViewAccessRequests() {
    if (!canSeePendingRequests()) {
      throw ApiException.forbidden(
          "You need the permission 'access-requests:view' to see access requests");
    }
  }

  /** Whether the caller may see the pending-request badge and list. */
  boolean canSeePendingRequests() {
    return !holdsNowhere(ACCESS_REQUESTS_VIEW);
  }

  /**
   * users:view over the target, then DESIGN §5 by reach ({@link AccessChangeRules#canImpersonate}):
   * users:impersonate, the target may not impersonate, and everything the target holds the
   * impersonator holds too, for as long as the session lasts.
   */
  void requireImpersonate(UUID impersonatorId, UUID targetId, UUID targetTenantId, Instant until) {
    requireViewUser(targetTenantId, targetId);
    Decision d = rules.canImpersonate(impersonatorId, targetId, until);
    String why =
        switch (d.rule()) {
          case ALLOWED -> null;
          case PERMISSION_NOT_HELD -> notHeldByImpersonator(impersonatorId, targetId);
          case TARGET_MAY_IMPERSONATE -> "You cannot impersonate a user who may impersonate others";
          case OUTLIVES_SUPPORT ->
              "Rule 6f: the session would outlast your own access to what the user holds; choose"
                  + " fewer minutes";
          default -> "You cannot impersonate this user (" + d.rule() + ")";
        };
    if (why != null) {
      throw ApiException.forbidden(why);
    }
  }

  private String notHeldByImpersonator(UUID impersonatorId, UUID targetId) {
    if (!authz.check(impersonatorId, USERS_IMPERSONATE, Target.system()).allowed()) {
      return "You need the permission 'users:impersonate' to impersonate users";
    }
    return rules
        .firstHeldBeyondReach(impersonatorId, targetId)
        .map(
            p ->
                "You cannot impersonate this user: they hold '"
                    + p.key()
                    + "' where you do not (over everything their scope can ever cover), and"
                    + " impersonation never widens what you can do")
        .orElse("You cannot impersonate this user: impersonation never widens what you can do");
  }

  /**
   * May the caller grant {@code roleId} at the scope to a user about to be created in {@code
   * tenantId}, whose access ends at {@code expires} (null: never) — anti-escalation, DESIGN §3.6
   * a–f? The user's own tenant stands in for USERS_TENANT.
   */
  void requireGrant(UUID roleId, ScopeInput input, UUID tenantId, @Nullable Instant expires) {
    UUID actor = requireUser();
    Scope scope =
        switch (input.kind()) {
          case "OWNER" -> Scope.owner();
          case "MSP" -> Scope.msp(input.tenantId());
          case "TENANT" ->
              Scope.tenant(input.tenantId(), Boolean.TRUE.equals(input.includeChildren()));
          case "TENANT_TAG" -> Scope.tenantTag(input.tagId());
          default -> Scope.tenant(tenantId, false);
        };
    if (!authz.roleExists(roleId)) {
      throw ApiException.notFound("Role", roleId);
    }
    Decision d = rules.canApprove(actor, roleId, scope, expires);
    if (d.rule() == DecisionRule.OUTLIVES_SUPPORT) {
      throw ApiException.forbidden(
          "Rule 6f: the approved access would outlast your own access to what it gives; choose a"
              + " shorter expiry");
    }
    if (!d.allowed()) {
      throw ApiException.forbidden(
          "You may not grant this role at this scope ("
              + d.rule()
              + "): you can only grant what you hold yourself, over everything the scope can ever"
              + " cover (DESIGN §3.6)");
    }
  }

  /**
   * 6f, 6g: the caller may change this user's enabled flag or access expiry, or delete them — never
   * their own (nor, while impersonating, the impersonator's); each grant removed (disabling,
   * deleting, shortening) or granted anew (enabling, extending until {@code until}) is judged.
   */
  void requireUserChange(UUID userId, boolean enabling, @Nullable Instant until) {
    UUID actor = requireUser();
    UUID impersonator = dev.tenantry.shared.Actors.current().impersonatorUserId();
    if (userId.equals(actor) || userId.equals(impersonator)) {
      throw ApiException.forbidden(
          "Rule 6f: you cannot change your own enabled state, access expiry or existence");
    }
    Decision d = rules.canChangeUser(actor, userId, enabling, until);
    if (!d.allowed()) {
      throw ApiException.forbidden(
          (enabling
                  ? "Rule 6g: enabling the user or extending their access grants their"
                      + " assignments anew, and you may not grant them ("
                  : "Rule 6g: this removes the user's assignments, and you may not remove them"
                      + " (")
              + d.rule()
              + ")");
    }
  }

  /** 6h: the change may not leave the instance without a full administrator (409). */
  void requireNoLockout(UserChange change, String what) {
    if (rules.wouldLockOut(change)) {
      throw ApiException.conflict(
          "Rule 6h: "
              + what
              + " would leave the instance without a full administrator (an enabled user without"
              + " access expiry holding every permission, un-denied, at OWNER, through assignments"
              + " without expiry). Make another user one first; if Entra access to the last one"
              + " is lost, run ./tenantry recover-admin on the host.");
    }
  }

  /** The user's direct assignments, as the policy knows them (for audit of cascaded removals). */
  List<UserAssignment> directAssignments(UUID userId) {
    return rules.directAssignments(userId);
  }

  /** The groups the user is a member of, as the policy knows them (for the same audit). */
  List<UUID> groupIdsOf(UUID userId) {
    return rules.groupIdsOf(userId);
  }

  private boolean holdsNowhere(Permission p) {
    return authz.currentUserId().map(u -> !authz.holdsAnywhere(u, p)).orElse(true);
  }
}
