package dev.tenantry.identity.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting as another user for a limited time. While active, {@link ActorFilter} makes the target the
 * effective user of every request of the impersonator (session or token), with the real user
 * recorded as impersonator on every audit event.
 */
@Service
class ImpersonationService {
  static final int DEFAULT_MINUTES = 60;
  static final int MAX_MINUTES = 240;
  private final Impersonations rows;
  private final UserRepository users;
  private final AppPreferences prefs;
  private final IdentityAccess access;
  private final AuditLog audit;
  private final dev.tenantry.authz.access.AccessWriteLock lock;

  ImpersonationService(
      dev.tenantry.authz.access.AccessWriteLock lock,
      Impersonations rows,
      UserRepository users,
      AppPreferences prefs,
      IdentityAccess access,
      AuditLog audit) {
    this.lock = lock;
    this.rows = rows;
    this.users = users;
    this.prefs = prefs;
    this.access = access;
    this.audit = audit;
  }

  /** The longest reason an impersonation may give (it is shown in the banner and the audit). */
  static final int MAX_REASON = 500;

  @Transactional
  Impersonations.Active start(UUID targetId, String reason, @Nullable Integer minutes) {
    if (!prefs.enabled(AppPreferences.IMPERSONATION)) {
      throw ApiException.conflict("User impersonation is turned off on this instance");
    }
    SignedIn me = SignedIn.current().orElseThrow();
    if (me.impersonation() != null) {
      throw ApiException.conflict("You are already impersonating someone; stop that first");
    }
    UUID real = access.requireUser();
    int length = minutes == null ? DEFAULT_MINUTES : minutes;
    if (length < 1 || length > MAX_MINUTES) {
      throw ApiException.invalid("minutes must be between 1 and " + MAX_MINUTES);
    }
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid(
          "Give a reason for the impersonation (it goes into the audit trail)");
    }
    dev.tenantry.shared.web.InputLimits.requireText("reason", reason, MAX_REASON);
    var target = users.byId(targetId).orElseThrow(() -> ApiException.notFound("User", targetId));
    access.requireViewUser(target.tenantId(), targetId);
    if (target.id().equals(real)) {
      throw ApiException.invalid("You cannot impersonate yourself");
    }
    if (!target.mayAct()) {
      throw ApiException.conflict(
          "User " + targetId + " is disabled or expired and cannot be impersonated");
    }
    if (target.kind().equals("INTEGRATION")) {
      throw ApiException.conflict("Integration users cannot be impersonated");
    }
    lock.acquire();
    Instant until = Instant.now().plus(Duration.ofMinutes(length));
    access.requireImpersonate(real, targetId, target.tenantId(), until);
    rows.closeLapsed(real);
    UUID id = UUID.randomUUID();
    rows.start(id, real, targetId, reason.trim(), until);
    var active = rows.activeFor(real).orElseThrow();
    audit.record(
        AuditEntry.created(
            "impersonation.started", "impersonation", id, target.tenantId(), active));
    return active;
  }

  @Transactional
  void stop() {
    SignedIn me = SignedIn.current().orElseThrow();
    var active = me.impersonation();
    if (active == null) {
      throw ApiException.conflict("You are not impersonating anyone");
    }
    rows.end(active.id());
    Actor now = Actors.current();
    audit.recordAs(
        now,
        AuditEntry.event(
            "impersonation.stopped",
            "impersonation",
            active.id(),
            null,
            Map.of("targetId", active.targetId(), "impersonatorId", active.impersonatorId())));
  }

  Optional<Impersonations.Active> current() {
    return SignedIn.current().map(SignedIn::impersonation);
  }
}
