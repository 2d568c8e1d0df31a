package dev.tenantry.sync.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.sync.DirectoryLink;
import dev.tenantry.sync.SyncRun;
import dev.tenantry.sync.internal.DirectorySyncs;
import dev.tenantry.sync.internal.SyncAccess;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's Entra directory sync: state and runs, start now, domain limits. */
@RestController
@RequestMapping("/api/v1/tenants/{id}/directory-sync")
class DirectorySyncController {
  private final DirectorySyncs syncs;
  private final SyncAccess access;

  DirectorySyncController(DirectorySyncs syncs, SyncAccess access) {
    this.syncs = syncs;
    this.access = access;
  }

  record SyncState(DirectoryLink link, List<SyncRun> runs) {}

  record Domains(@Nullable List<String> limitToDomains) {}

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.AZURE_VIEW},
      on = On.TENANT)
  @GetMapping
  SyncState state(@PathVariable UUID id) {
    access.requireView(id);
    return new SyncState(syncs.link(id), syncs.recent(id, 20));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.AZURE_VIEW, Permission.AZURE_SYNC},
      on = On.TENANT,
      note = "azure:sync is a system permission; 409 while a run of the tenant is going on")
  @PostMapping
  ResponseEntity<SyncRun> start(@PathVariable UUID id) {
    access.requireSync(id);
    SyncRun run = syncs.startNow(id);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/tenants/" + id + "/directory-sync/runs/" + run.id()))
        .body(run);
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.AZURE_VIEW},
      on = On.TENANT)
  @GetMapping("/runs/{runId}")
  SyncRun run(@PathVariable UUID id, @PathVariable UUID runId) {
    access.requireView(id);
    return syncs.run(id, runId).orElseThrow(() -> ApiException.notFound("Sync run", runId));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.AZURE_VIEW, Permission.AZURE_LINK_TENANT},
      on = On.TENANT)
  @PutMapping("/domains")
  DirectoryLink domains(@PathVariable UUID id, @RequestBody Domains body) {
    access.requireLink(id);
    return syncs.limitDomains(
        id, body.limitToDomains() == null ? List.of() : body.limitToDomains());
  }
}
