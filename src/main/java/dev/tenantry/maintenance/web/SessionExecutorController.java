package dev.tenantry.maintenance.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.maintenance.SessionView;
import dev.tenantry.maintenance.internal.SessionExecutor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For executors (scripts:execute, as for script runs): claim sessions, log, report. */
@RestController
@RequestMapping("/api/v1/executor")
class SessionExecutorController {
  private static final Set<String> LEVELS = Set.of("INFO", "WARN", "ERROR");
  private final SessionExecutor executor;

  SessionExecutorController(SessionExecutor executor) {
    this.executor = executor;
  }

  record ClaimRequest(@Nullable Integer max) {}

  record Line(@Nullable String level, @NotNull @Size(max = 65_536) String text) {}

  record LogRequest(@NotNull @Size(max = 1000) List<@Valid Line> lines) {}

  record ResultRequest(@NotNull Boolean succeeded, @Nullable @Size(max = 4000) String message) {}

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.LIST,
      note =
          "claims sessions of computers where the caller holds scripts:execute; 403 when nowhere")
  @PostMapping("/session-claims")
  List<SessionView> claim(@RequestBody(required = false) @Nullable ClaimRequest r) {
    return executor.claim(r == null || r.max() == null ? 1 : r.max());
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/sessions/{id}/heartbeat")
  SessionView heartbeat(@PathVariable UUID id) {
    return executor.heartbeat(id);
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/sessions/{id}/log")
  ResponseEntity<Void> log(@PathVariable UUID id, @Valid @RequestBody LogRequest r) {
    executor.log(
        id,
        r.lines().stream()
            .map(
                l ->
                    Map.entry(
                        l.level() != null && LEVELS.contains(l.level()) ? l.level() : "INFO",
                        l.text()))
            .toList());
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/sessions/{id}/result")
  SessionView result(@PathVariable UUID id, @Valid @RequestBody ResultRequest r) {
    return executor.result(id, r.succeeded(), r.message());
  }
}
