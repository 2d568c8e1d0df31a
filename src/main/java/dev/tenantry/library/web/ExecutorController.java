package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.ExecutorService;
import dev.tenantry.library.internal.RunViews;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For executors (integration users holding scripts:execute): claim, stream, report. */
@RestController
@RequestMapping("/api/v1/executor")
class ExecutorController {
  private final ExecutorService executor;

  ExecutorController(ExecutorService executor) {
    this.executor = executor;
  }

  record ClaimRequest(@Nullable Integer max) {}

  record Line(@Nullable String stream, @NotNull @Size(max = 65_536) String text) {}

  record OutputRequest(@NotNull @Size(max = 1000) List<@Valid Line> lines) {}

  record ResultRequest(@NotNull Integer exitCode) {}

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.LIST,
      note = "claims runs of computers where the caller holds scripts:execute; 403 when nowhere")
  @PostMapping("/claims")
  List<RunViews.Claimed> claim(@RequestBody(required = false) @Nullable ClaimRequest r) {
    return executor.claim(r == null || r.max() == null ? 1 : r.max());
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/runs/{id}/heartbeat")
  RunViews.Run heartbeat(@PathVariable UUID id) {
    return executor.heartbeat(id);
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/runs/{id}/output")
  ResponseEntity<Void> output(@PathVariable UUID id, @Valid @RequestBody OutputRequest r) {
    executor.output(
        id,
        r.lines().stream()
            .map(
                l ->
                    Map.entry(
                        "STDERR".equalsIgnoreCase(l.stream()) ? "STDERR" : "STDOUT", l.text()))
            .toList());
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.SCRIPTS_EXECUTE},
      on = On.COMPUTER,
      note = "only the holder of the live lease (409 otherwise)")
  @PostMapping("/runs/{id}/result")
  RunViews.Run result(@PathVariable UUID id, @Valid @RequestBody ResultRequest r) {
    return executor.result(id, r.exitCode());
  }
}
