package dev.tenantry.identity.internal;

import static dev.tenantry.authz.Permission.*;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every authorization decision of the identity feature goes through here, one method per question,
 * to authz's public API ({@link Authorizer}; never the engine's types). Users of a tenant the
 * caller may not view answer 404 like missing ones.
 */
@Component
class IdentityAccess {
  private final Authorizer authz;

  IdentityAccess(Authorizer authz) {
    this.authz = authz;
  }

  /** The effective user of this request; 403 for an identity that has no user. */
  UUID requireUser() {
    UUID user = currentUserOrNull();
    if (user == null || !authz.userExists(user)) {
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
   * users:impersonate (a system permission), users:view over the target, and the target holds no
   * permission anywhere that the impersonator lacks there (DESIGN §5).
   */
  void requireImpersonate(UUID impersonatorId, UUID targetId, UUID targetTenantId) {
    requireViewUser(targetTenantId, targetId);
    if (!authz.check(impersonatorId, USERS_IMPERSONATE, Target.system()).allowed()) {
      throw ApiException.forbidden(
          "You need the permission 'users:impersonate' to impersonate users");
    }
    authz
        .firstPermissionNotCovered(impersonatorId, targetId)
        .ifPresent(
            p -> {
              throw ApiException.forbidden(
                  "You cannot impersonate this user: they hold '"
                      + p.key()
                      + "' where you do not, and impersonation never widens what you can do");
            });
  }

  /**
   * May the caller grant {@code roleId} at the scope to a user about to be created in {@code
   * tenantId} (anti-escalation, DESIGN §3.6 a–c)? The user's own tenant stands in for USERS_TENANT.
   */
  void requireGrant(UUID roleId, ScopeInput input, UUID tenantId) {
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
    Decision d =
        authz.canAssign(actor, Principal.user(UUID.randomUUID()), roleId, scope, Effect.ALLOW);
    if (!d.allowed()) {
      throw ApiException.forbidden(
          "You may not grant this role at this scope ("
              + d.rule()
              + "): you can only grant what you hold yourself, over the whole scope (DESIGN §3.6)");
    }
  }

  private boolean holdsNowhere(Permission p) {
    return authz.currentUserId().map(u -> !authz.holdsAnywhere(u, p)).orElse(true);
  }
}
