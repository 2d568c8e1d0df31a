package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.TaskService;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/maintenance-tasks")
class TasksController {
  private final TaskService tasks;

  TasksController(TaskService tasks) {
    this.tasks = tasks;
  }

  record TaskRequest(
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 4000) String description,
      @Nullable UUID getScriptId,
      @Nullable UUID setScriptId,
      @Nullable UUID testScriptId,
      @Nullable List<ParameterInput> parameters,
      @Nullable UUID ownerTenantId,
      @Nullable Boolean global,
      @Nullable Boolean visibleToAllTenants,
      @Nullable Long version) {
    TaskService.Save command() {
      return new TaskService.Save(
          name.strip(),
          Common.orEmpty(description),
          getScriptId,
          setScriptId,
          testScriptId,
          ParameterInput.all(parameters),
          ownerTenantId,
          Common.yes(global),
          Common.yes(visibleToAllTenants));
    }
  }

  @Requires(
      value = {Permission.TASKS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<TaskService.Task> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return tasks.list(q, ownerTenantId, owner, sort, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.TASKS_VIEW},
      on = On.TENANT,
      note = "on the owner; global and visible-to-all tasks: at any scope")
  @GetMapping("/{id}")
  TaskService.Task get(@PathVariable UUID id) {
    return tasks.get(id);
  }

  @Requires(
      value = {Permission.TASKS_MANAGE},
      on = On.TENANT,
      note =
          "on the owner (default: the caller's tenant); scripts:view on each script; publishing needs tasks:publish")
  @PostMapping
  ResponseEntity<TaskService.Task> create(@Valid @RequestBody TaskRequest r) {
    TaskService.Task t = tasks.create(r.command());
    return ResponseEntity.created(URI.create("/api/v1/maintenance-tasks/" + t.id())).body(t);
  }

  @Requires(
      value = {Permission.TASKS_VIEW, Permission.TASKS_MANAGE},
      on = On.TENANT,
      note = "on the owner, and on the new owner when it changes")
  @PutMapping("/{id}")
  TaskService.Task update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody TaskRequest r) {
    return tasks.update(
        id, Versions.required(r.version(), ifMatch, "maintenance task", id), r.command());
  }

  @Requires(
      value = {Permission.TASKS_VIEW, Permission.TASKS_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    tasks.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.TASKS_VIEW},
      on = On.TENANT)
  @GetMapping("/{id}/versions")
  List<TaskService.VersionSummary> versions(@PathVariable UUID id) {
    return tasks.versions(id);
  }

  @Requires(
      value = {Permission.TASKS_VIEW, Permission.TASKS_MANAGE},
      on = On.TENANT,
      note =
          "adds a task version pinning each script's latest version; existing versions never change; the task unchanged (no new version) when already latest")
  @PostMapping("/{id}/adopt-latest-scripts")
  TaskService.Task adoptLatestScripts(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    return tasks.adoptLatestScripts(id, Versions.optional(null, ifMatch));
  }
}
