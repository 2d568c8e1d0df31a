package dev.tenantry.deployments.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.deployments.internal.Deployment;
import dev.tenantry.deployments.internal.DeploymentQuery;
import dev.tenantry.deployments.internal.DeploymentResolution;
import dev.tenantry.deployments.internal.DeploymentService;
import dev.tenantry.deployments.internal.DeploymentService.Outcome;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import java.net.URI;
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

/**
 * Deployments API (docs/deployments.md). A change the caller may only request answers 202 with
 * {@code {"changeRequestId": …}} instead of applying it.
 */
@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentsController {
  private static final String MANAGE_NOTE =
      "judged by reach (DESIGN §3.6e, §8): deployments:manage over every tenant and computer the target can ever"
          + " reach (deployments:manage-individual suffices for computer and person targets unless enforced);"
          + " tag and cross-tenant targets also need cross-tenant-deployments:manage; preference 'Allow Non-Admin"
          + " Users to Manage Deployments' off → only admins; a change-requester's change becomes a change"
          + " request (202)";

  private final DeploymentService deployments;
  private final DeploymentResolution resolution;

  DeploymentsController(DeploymentService deployments, DeploymentResolution resolution) {
    this.deployments = deployments;
    this.resolution = resolution;
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW},
      on = On.TENANT,
      note =
          "on the deployment (as GET /{id}); the computers are limited to those the caller may view"
              + " (computers:view)")
  @GetMapping("/{id}/computers")
  Page<DeploymentResolution.Reached> computers(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return resolution.computers(id, Page.page(page), Page.size(size));
  }

  /** Body: {@code {"target": {…}}} (a full deployment body is accepted too). */
  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW},
      on = On.TENANT,
      note =
          "on the target's tenant (tag and cross-tenant: also cross-tenant-deployments:view); computers limited"
              + " to those the caller may view; changes nothing")
  @PostMapping("/preview")
  Page<DeploymentResolution.Reached> preview(
      @RequestBody DeploymentRequest r,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (r.target() == null) {
      throw dev.tenantry.shared.web.ApiException.invalid("target is required");
    }
    return resolution.preview(r.target(), Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW},
      on = On.LIST,
      note = "tag and cross-tenant deployments also need cross-tenant-deployments:view")
  @GetMapping
  Page<Deployment> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String targetKind,
      @RequestParam(required = false) @Nullable UUID subjectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return deployments.list(
        new DeploymentQuery(q, ownerTenantId, targetKind, subjectId, page, size));
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW},
      on = On.TENANT,
      note =
          "on the target's tenant (a computer target: the computer); tag and cross-tenant: also cross-tenant-deployments:view")
  @GetMapping("/{id}")
  ResponseEntity<Deployment> get(@PathVariable UUID id) {
    Deployment d = deployments.get(id);
    return ResponseEntity.ok().eTag(Versions.etag(d.version())).body(d);
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_MANAGE},
      on = On.TENANT,
      note = MANAGE_NOTE)
  @PostMapping
  ResponseEntity<?> create(@Valid @RequestBody DeploymentRequest r) {
    return switch (deployments.create(r.draft())) {
      case Outcome.Done(Deployment d) ->
          ResponseEntity.created(URI.create("/api/v1/deployments/" + d.id()))
              .eTag(Versions.etag(d.version()))
              .body(d);
      case Outcome.Requested(UUID cr) -> accepted(cr);
      case Outcome.Done done -> throw new IllegalStateException("created nothing");
    };
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW, Permission.DEPLOYMENTS_MANAGE},
      on = On.TENANT,
      note =
          MANAGE_NOTE + "; judged at the old and the new target; needs the version (428 without)")
  @PutMapping("/{id}")
  ResponseEntity<?> update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody DeploymentRequest r) {
    long version = Versions.required(r.version(), ifMatch, "deployment", id);
    return switch (deployments.update(id, version, r.draft())) {
      case Outcome.Done(Deployment d) when d != null ->
          ResponseEntity.ok().eTag(Versions.etag(d.version())).body(d);
      case Outcome.Requested(UUID cr) -> accepted(cr);
      case Outcome.Done done -> throw new IllegalStateException("updated nothing");
    };
  }

  @Requires(
      value = {Permission.DEPLOYMENTS_VIEW, Permission.DEPLOYMENTS_DELETE},
      on = On.TENANT,
      note =
          "over the target's reach; computer and person targets: deployments:manage-individual suffices;"
              + " tag and cross-tenant: also cross-tenant-deployments:manage; may become a change request (202)")
  @DeleteMapping("/{id}")
  ResponseEntity<?> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    return switch (deployments.delete(id, Versions.optional(null, ifMatch))) {
      case Outcome.Requested(UUID cr) -> accepted(cr);
      case Outcome.Done done -> ResponseEntity.noContent().build();
    };
  }

  private static ResponseEntity<Map<String, Object>> accepted(UUID changeRequestId) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/change-requests/" + changeRequestId))
        .body(Map.of("changeRequestId", changeRequestId, "status", "WAITING_FOR_APPROVAL"));
  }
}
