package dev.tenantry.maintenance.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.maintenance.internal.SessionService;
import dev.tenantry.maintenance.internal.SessionViews;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/maintenance-sessions")
class MaintenanceSessionsController {
  private static final Set<String> STATUSES =
      Set.of("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");
  private final SessionService sessions;

  MaintenanceSessionsController(SessionService sessions) {
    this.sessions = sessions;
  }

  record RequestBody_(@NotNull List<UUID> computerIds) {}

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.COMPUTERS_RUN_MAINTENANCE},
      on = On.COMPUTER,
      note = "on every computer listed (all or none); one session per computer")
  @PostMapping
  ResponseEntity<SessionViews.Created> request(@RequestBody RequestBody_ r) {
    if (r.computerIds() == null) {
      throw ApiException.invalid("computerIds: 1 to 1,000 computers");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new SessionViews.Created(sessions.request(r.computerIds())));
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.MAINTENANCE_SESSIONS_VIEW},
      on = On.LIST,
      note = "sessions of computers where the caller holds both (the computer's tenant now)")
  @GetMapping
  Page<SessionView> list(
      @RequestParam(required = false) @Nullable UUID computerId,
      @RequestParam(required = false) @Nullable UUID scheduleId,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalid("status: one of " + STATUSES);
    }
    return sessions.list(
        new dev.tenantry.maintenance.internal.SessionFilter(computerId, scheduleId, status),
        Page.page(page),
        Page.size(size));
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.MAINTENANCE_SESSIONS_VIEW},
      on = On.COMPUTER,
      note = "404 otherwise")
  @GetMapping("/{id}")
  SessionView get(@PathVariable UUID id) {
    return sessions.get(id);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.MAINTENANCE_SESSIONS_VIEW},
      on = On.COMPUTER,
      note = "log lines after 'after' (for polling)")
  @GetMapping("/{id}/log")
  SessionViews.Log log(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after) {
    return sessions.log(id, after);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.MAINTENANCE_SESSIONS_MANAGE},
      on = On.COMPUTER,
      note = "and maintenance-sessions:view (404 without); 409 once ended")
  @PostMapping("/{id}/cancel")
  SessionView cancel(@PathVariable UUID id) {
    return sessions.cancel(id);
  }
}
