package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security events that are not part of a business change, each written in its own transaction so
 * that the refusal that follows cannot roll it back.
 */
@Component
class SignInAudit {
  private final AuditLog audit;
  private final TransactionTemplate ownTx;

  SignInAudit(AuditLog audit, PlatformTransactionManager tm) {
    this.audit = audit;
    this.ownTx = new TransactionTemplate(tm);
    ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** {@code claimedName} is the unverified preferred_username: a label, never an identity. */
  void signInFailed(
      HttpServletRequest request,
      @Nullable String claimedName,
      String reason,
      Map<String, Object> details) {
    Map<String, Object> after = new LinkedHashMap<>(details);
    after.put("reason", reason);
    Actor actor =
        new Actor(
            null,
            claimedName == null || claimedName.isBlank() ? "anonymous" : claimedName,
            null,
            requestId(request),
            request.getRemoteAddr());
    write(
        actor,
        AuditEntry.event("auth.sign-in-failed", "identity", request.getRequestURI(), null, after));
  }

  void signedIn(Actor actor, Map<String, Object> details) {
    write(
        actor,
        AuditEntry.event(
            "auth.signed-in",
            "user",
            actor.userId() == null ? "none" : actor.userId(),
            null,
            details));
  }

  void accessDenied(HttpServletRequest request, String why) {
    Actor actor = Actors.current();
    Map<String, Object> after =
        Map.of("method", request.getMethod(), "path", request.getRequestURI(), "reason", why);
    write(
        actor,
        AuditEntry.event("auth.access-denied", "request", request.getRequestURI(), null, after));
  }

  private void write(Actor actor, AuditEntry entry) {
    ownTx.executeWithoutResult(s -> audit.recordAs(actor, entry));
  }

  static String requestId(HttpServletRequest request) {
    Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    return id == null ? "" : id.toString();
  }
}
