package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.ScriptCommands;
import dev.tenantry.library.internal.ScriptEditRequests;
import dev.tenantry.library.internal.ScriptService;
import dev.tenantry.library.internal.ScriptViews;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/scripts")
class ScriptsController {
  private final ScriptService scripts;
  private final ScriptEditRequests editRequests;

  ScriptsController(ScriptService scripts, ScriptEditRequests editRequests) {
    this.scripts = scripts;
    this.editRequests = editRequests;
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<ScriptViews.Summary> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return scripts.list(
        new ScriptCommands.Query(
            q, ownerTenantId, owner, category, language, sort, Page.page(page), Page.size(size)));
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW},
      on = On.TENANT,
      note = "on the owner; global and visible-to-all scripts: scripts:view at any scope")
  @GetMapping("/{id}")
  ResponseEntity<ScriptViews.Detail> get(@PathVariable UUID id) {
    ScriptViews.Detail d = scripts.get(id);
    return ResponseEntity.ok().eTag(Versions.etag(d.version())).body(d);
  }

  @Requires(
      value = {Permission.SCRIPTS_MANAGE},
      on = On.TENANT,
      note =
          "on the owner (default: the caller's tenant); global or visibleToAllTenants also needs"
              + " scripts:publish at OWNER/MSP; the terminal preference gates non-admins")
  @PostMapping
  ResponseEntity<ScriptViews.Detail> create(@Valid @RequestBody ScriptRequest r) {
    ScriptViews.Detail d = scripts.create(r.command());
    return ResponseEntity.created(URI.create("/api/v1/scripts/" + d.id()))
        .eTag(Versions.etag(d.version()))
        .body(d);
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW, Permission.SCRIPTS_MANAGE},
      on = On.TENANT,
      note =
          "on the owner, and on the new owner when it changes; publishing needs scripts:publish."
              + " Without scripts:manage but with change-requests:create on the owner, the edit"
              + " becomes a script.edit change request (202)")
  @PutMapping("/{id}")
  ResponseEntity<?> update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody ScriptRequest r) {
    long version = Versions.required(r.version(), ifMatch, "script", id);
    var request = editRequests.proposeIfRequester(id, version, r.command());
    if (request.isPresent()) {
      String at = "/api/v1/change-requests/" + request.get();
      return ResponseEntity.accepted()
          .location(URI.create(at))
          .body(Map.of("changeRequestId", request.get(), "status", "WAITING_FOR_APPROVAL"));
    }
    ScriptViews.Detail d = scripts.update(id, version, r.command());
    return ResponseEntity.ok().eTag(Versions.etag(d.version())).body(d);
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW, Permission.SCRIPTS_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    scripts.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW},
      on = On.TENANT)
  @GetMapping("/{id}/versions")
  List<ScriptViews.VersionSummary> versions(@PathVariable UUID id) {
    return scripts.versions(id);
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW},
      on = On.TENANT)
  @GetMapping("/{id}/versions/{number}")
  ScriptViews.Version version(@PathVariable UUID id, @PathVariable int number) {
    return scripts.version(id, number);
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW, Permission.SCRIPTS_MANAGE},
      on = On.TENANT,
      note = "secrets: scripts:manage over the owner (global: at OWNER or the creating MSP)")
  @GetMapping("/{id}/versions/{number}/secrets")
  Map<String, String> secrets(@PathVariable UUID id, @PathVariable int number) {
    return scripts.secrets(id, number);
  }

  @Requires(
      value = {Permission.SCRIPTS_VIEW},
      on = On.TENANT)
  @GetMapping("/{id}/diff")
  ScriptViews.Diff diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
    return scripts.diff(id, from, to);
  }
}
