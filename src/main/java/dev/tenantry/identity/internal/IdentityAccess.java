package dev.tenantry.identity.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every authorization decision of the identity feature goes through here, one method per question.
 *
 * <p><b>Interim bodies:</b> until the authz engine ({@code dev.tenantry.authz}) is wired in, each
 * check only requires that the caller has an existing, enabled user (the effective user, i.e. the
 * target while impersonating). The wiring replaces the bodies, not the call sites: {@code
 * users:view}/{@code users:manage} on the user's tenant, {@code access-requests:manage} or {@code
 * users:manage} for approvals, {@code users:impersonate} plus "the target holds no permission the
 * impersonator lacks", and the anti-escalation rules of DESIGN §3.6 for grants.
 */
@Component
class IdentityAccess {
  private final JdbcClient jdbc;

  IdentityAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The effective user of this request; 403 for an identity that has no user. */
  UUID requireUser() {
    UUID user = SignedIn.current().map(SignedIn::effectiveUserId).orElse(null);
    if (user == null || !exists(user)) {
      throw ApiException.forbidden("You have no access to this instance yet; request access first");
    }
    return user;
  }

  /** The effective user of this request (null for the system), for created_by/decided_by columns. */
  @Nullable UUID currentUserOrNull() {
    return SignedIn.current().map(SignedIn::effectiveUserId).orElse(null);
  }

  /** users:view on {@code tenantId} (null = every tenant the caller may see). */
  void requireViewUsers(@Nullable UUID tenantId) {
    requireUser();
  }

  /** users:manage on {@code tenantId}. */
  void requireManageUsers(UUID tenantId) {
    requireUser();
  }

  /** access-requests:manage (or users:manage) anywhere. */
  void requireApproveAccessRequests() {
    requireUser();
  }

  /** Whether the caller may see the pending-request badge (same permission as approving). */
  boolean canSeePendingRequests() {
    UUID user = SignedIn.current().map(SignedIn::effectiveUserId).orElse(null);
    return user != null && exists(user);
  }

  /** users:impersonate, and the target holds no permission the impersonator lacks. */
  void requireImpersonate(UUID impersonatorId, UUID targetId) {
    requireUser();
  }

  /** May the caller grant {@code roleId} at the given scope (anti-escalation, DESIGN §3.6)? */
  void requireGrant(UUID roleId, ScopeInput scope) {
    requireUser();
  }

  private boolean exists(UUID userId) {
    return jdbc.sql("select exists (select 1 from app_user where id = ? and enabled)")
        .param(userId).query(Boolean.class).single();
  }
}
