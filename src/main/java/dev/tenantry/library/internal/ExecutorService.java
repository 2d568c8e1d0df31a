package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.ComputerFilter;
import dev.tenantry.shared.web.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor API (DESIGN §7): users holding the MSP-only scripts:execute claim queued runs of the
 * computers in their own scope with a lease ({@code FOR UPDATE SKIP LOCKED}; an expired lease
 * returns the run to the queue), stream output, and report the exit code. Only the executor that
 * holds a run's live lease may report on it.
 */
@Service
public class ExecutorService {
  private final RunRepository runs;
  private final Authorizer authorizer;
  private final SecretBox box;
  private final JsonMapper json;
  private final AuditLog audit;
  private final Duration lease;

  ExecutorService(
      RunRepository runs,
      Authorizer authorizer,
      SecretBox box,
      JsonMapper json,
      AuditLog audit,
      @Value("${tenantry.library.run-lease}") Duration lease) {
    this.runs = runs;
    this.authorizer = authorizer;
    this.box = box;
    this.json = json;
    this.audit = audit;
    this.lease = lease;
  }

  @Transactional
  public List<RunViews.Claimed> claim(int max) {
    UUID me = authorizer.requireUser();
    ComputerFilter scope = authorizer.computers(Permission.SCRIPTS_EXECUTE);
    if (scope.isNothing()) {
      throw ApiException.forbidden(
          "You need the permission '"
              + Permission.SCRIPTS_EXECUTE.key()
              + "' (executors) to claim runs");
    }
    List<RunViews.Claimed> claimed = new ArrayList<>();
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (UUID id : runs.claim(scope.sql("c", "exec"), me, Math.max(1, Math.min(100, max)), lease)) {
      RunRepository.Row r = runs.find(id, false).orElseThrow();
      claimed.add(claimed(r));
      recorded.add(
          Map.of("runId", id, "tenantId", r.view().tenantId(), "attempt", r.view().attempts()));
    }
    if (!recorded.isEmpty()) {
      // one event per claim request: the runs it moved from the queue to this executor
      audit.record(
          AuditEntry.event(
              "script-run.claimed", "executor", me, null, Map.of("claimed", recorded)));
    }
    return claimed;
  }

  @Transactional
  public RunViews.Run heartbeat(UUID id) {
    requireLease(id);
    runs.extendLease(id, lease);
    return runs.find(id, false).orElseThrow().view();
  }

  @Transactional
  public void output(UUID id, List<Map.Entry<String, String>> lines) {
    requireLease(id);
    runs.appendOutput(id, lines);
  }

  @Transactional
  public RunViews.Run result(UUID id, int exitCode) {
    RunRepository.Row before = requireLease(id);
    runs.finish(id, exitCode == 0 ? "SUCCEEDED" : "FAILED", exitCode, null);
    RunViews.Run after = runs.find(id, false).orElseThrow().view();
    audit.record(
        AuditEntry.changed(
            "script-run.finished", RunService.TYPE, id, after.tenantId(), before.view(), after));
    return after;
  }

  /** The run, locked, if the caller may execute on its computer and holds its live lease. */
  private RunRepository.Row requireLease(UUID id) {
    UUID me = authorizer.requireUser();
    RunRepository.Row r =
        runs.find(id, true).orElseThrow(() -> ApiException.notFound(RunService.TYPE, id));
    if (!authorizer
        .check(Permission.SCRIPTS_EXECUTE, Target.computer(r.view().computerId()))
        .allowed()) {
      throw ApiException.notFound(RunService.TYPE, id);
    }
    boolean live =
        r.view().status().equals("RUNNING")
            && me.equals(r.view().claimedBy())
            && r.view().leaseExpiresAt() != null
            && r.view().leaseExpiresAt().isAfter(java.time.Instant.now());
    if (!live) {
      throw ApiException.conflict(
          "You do not hold a live lease on run " + id + " (status " + r.view().status() + ")");
    }
    return r;
  }

  private RunViews.Claimed claimed(RunRepository.Row r) {
    Map<String, String> params = new LinkedHashMap<>(r.view().parameters());
    if (r.secretParameters() != null) {
      params.putAll(
          json.readValue(
              box.openText(r.secretParameters(), r.view().id().toString()),
              new TypeReference<Map<String, String>>() {}));
    }
    return new RunViews.Claimed(
        r.view().id(),
        r.view().computerId(),
        r.view().tenantId(),
        r.view().scriptVersionId(),
        r.language(),
        r.body(),
        params,
        r.view().leaseExpiresAt(),
        r.view().attempts());
  }
}
