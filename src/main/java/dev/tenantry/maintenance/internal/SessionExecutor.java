package dev.tenantry.maintenance.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.ComputerFilter;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.shared.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executor side of sessions, with the same design as script runs (docs/library.md): executors
 * hold {@code scripts:execute} (MSP-only) at the scopes they serve, claim sessions of computers in
 * that scope with a lease ({@code FOR UPDATE SKIP LOCKED}; an expired lease makes the session
 * claimable again), renew it, append log lines and report the result. Only the holder of the live
 * lease may report. Sessions of a schedule carry the end of their maintenance window: they are
 * claimed (also again, after an expired lease) only before it; after it they are ended as {@code
 * CANCELLED} ("the maintenance window ended before the session ran") by the next claim of an
 * executor serving their computer, recorded in that claim's one audit event.
 */
@Service
public class SessionExecutor {
  private final MaintenanceSessionRepository sessions;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final Duration lease;

  SessionExecutor(
      MaintenanceSessionRepository sessions,
      Authorizer authorizer,
      AuditLog audit,
      @Value("${tenantry.maintenance.session-lease:PT5M}") Duration lease) {
    this.sessions = sessions;
    this.authorizer = authorizer;
    this.audit = audit;
    this.lease = lease;
  }

  @Transactional
  public List<SessionView> claim(int max) {
    UUID me = authorizer.requireUser();
    ComputerFilter scope = authorizer.computers(Permission.SCRIPTS_EXECUTE);
    if (scope.isNothing()) {
      throw ApiException.forbidden(
          "You need the permission '"
              + Permission.SCRIPTS_EXECUTE.key()
              + "' (executors) to claim maintenance sessions");
    }
    int limit = Math.max(1, Math.min(100, max));
    // sessions whose window ended unrun are ended here, by the executors that would have run them
    List<Map<String, Object>> missed = new ArrayList<>();
    for (UUID id : sessions.endMissedWindows(scope.sql("c", "exec"), 1000)) {
      SessionView s = sessions.find(id, false).orElseThrow();
      missed.add(Map.of("sessionId", id, "tenantId", s.tenantId()));
    }
    List<SessionView> claimed = new ArrayList<>();
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (UUID id : sessions.claim(scope.sql("c", "exec"), me, limit, lease)) {
      SessionView s = sessions.find(id, false).orElseThrow();
      claimed.add(s);
      recorded.add(Map.of("sessionId", id, "tenantId", s.tenantId(), "attempt", s.attempts()));
    }
    if (!recorded.isEmpty()) { // one event per request
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("claimed", recorded);
      if (!missed.isEmpty()) {
        details.put("windowMissed", missed);
      }
      audit.record(AuditEntry.event("maintenance-session.claimed", "executor", me, null, details));
    } else if (!missed.isEmpty()) {
      audit.record(
          AuditEntry.event(
              "maintenance-session.window-missed",
              "executor",
              me,
              null,
              Map.of("windowMissed", missed)));
    }
    return claimed;
  }

  @Transactional
  public SessionView heartbeat(UUID id) {
    requireLease(id);
    sessions.extendLease(id, lease);
    return sessions.find(id, false).orElseThrow();
  }

  @Transactional
  public void log(UUID id, List<Map.Entry<String, String>> lines) {
    requireLease(id);
    sessions.appendLog(id, lines);
  }

  @Transactional
  public SessionView result(
      UUID id, boolean succeeded, @org.jspecify.annotations.Nullable String message) {
    SessionView before = requireLease(id);
    sessions.finish(id, succeeded ? "SUCCEEDED" : "FAILED", message, null);
    SessionView after = sessions.find(id, false).orElseThrow();
    audit.record(
        AuditEntry.changed(
            "maintenance-session.finished",
            SessionService.TYPE,
            id,
            after.tenantId(),
            before,
            after));
    return after;
  }

  private SessionView requireLease(UUID id) {
    UUID me = authorizer.requireUser();
    SessionView s =
        sessions.find(id, true).orElseThrow(() -> ApiException.notFound(SessionService.TYPE, id));
    if (!authorizer.check(Permission.SCRIPTS_EXECUTE, Target.computer(s.computerId())).allowed()) {
      throw ApiException.notFound(SessionService.TYPE, id);
    }
    boolean live =
        s.status().equals("RUNNING")
            && me.equals(s.claimedBy())
            && s.leaseExpiresAt() != null
            && s.leaseExpiresAt().isAfter(Instant.now());
    if (!live) {
      throw ApiException.conflict(
          "You do not hold a live lease on session " + id + " (status " + s.status() + ")");
    }
    return s;
  }
}
