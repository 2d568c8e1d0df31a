package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.RunService;
import dev.tenantry.library.internal.RunViews;
import dev.tenantry.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/script-runs")
class ScriptRunsController {
  private final RunService runs;

  ScriptRunsController(RunService runs) {
    this.runs = runs;
  }

  record RunRequest(
      @NotNull UUID computerId, @NotNull UUID scriptId, @Nullable Map<String, String> parameters) {}

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.SCRIPTS_RUN},
      on = On.COMPUTER,
      note =
          "and scripts:view on the script; while the terminal preference is off only admins who are"
              + " MSP users (or Computer Terminal User holders)")
  @PostMapping
  ResponseEntity<RunViews.Run> request(@Valid @RequestBody RunRequest r) {
    RunViews.Run run =
        runs.request(
            r.computerId(), r.scriptId(), r.parameters() == null ? Map.of() : r.parameters());
    return ResponseEntity.created(URI.create("/api/v1/script-runs/" + run.id())).body(run);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.TERMINAL_VIEW_HISTORY},
      on = On.LIST,
      note =
          "runs of computers in view where the caller holds terminal:view-history, and their own")
  @GetMapping
  Page<RunViews.Run> list(
      @RequestParam(required = false) @Nullable UUID computerId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return runs.list(computerId, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.TERMINAL_VIEW_HISTORY},
      on = On.COMPUTER,
      note = "terminal:view-history not needed for one's own runs; 404 otherwise")
  @GetMapping("/{id}")
  RunViews.Run get(@PathVariable UUID id) {
    return runs.get(id);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.TERMINAL_VIEW_HISTORY},
      on = On.COMPUTER,
      note = "lines after 'after' (for polling)")
  @GetMapping("/{id}/output")
  RunViews.Output output(@PathVariable UUID id, @RequestParam(defaultValue = "0") int after) {
    return runs.output(id, after);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.SCRIPTS_RUN},
      on = On.COMPUTER,
      note = "the run must be visible (own, or terminal:view-history); 409 once it has ended")
  @PostMapping("/{id}/cancel")
  RunViews.Run cancel(@PathVariable UUID id) {
    return runs.cancel(id);
  }
}
