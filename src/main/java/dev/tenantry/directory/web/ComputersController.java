package dev.tenantry.directory.web;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.directory.internal.ComputerCommands;
import dev.tenantry.directory.internal.ComputerQuery;
import dev.tenantry.directory.internal.ComputerService;
import dev.tenantry.directory.internal.ComputerTenantChange;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import java.net.URI;
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
@RequestMapping("/api/v1/computers")
class ComputersController {
  private final ComputerService computers;
  private final ComputerTenantChange tenantChange;

  ComputersController(ComputerService computers, ComputerTenantChange tenantChange) {
    this.computers = computers;
    this.tenantChange = tenantChange;
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<ComputerResponse> list(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable ComputerType type,
      @RequestParam(required = false) @Nullable UUID tagId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) @Nullable String after) {
    return computers
        .list(new ComputerQuery(tenantId, q, type, tagId, Page.page(page), Page.size(size), after))
        .map(ComputerResponse::of);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW},
      on = On.COMPUTER)
  @GetMapping("/{id}")
  ResponseEntity<ComputerResponse> get(@PathVariable UUID id) {
    return withEtag(ResponseEntity.ok(), ComputerResponse.of(computers.get(id)));
  }

  @Requires(
      value = {Permission.COMPUTERS_MANAGE},
      on = On.TENANT,
      note = "the tenant is visible with tenants:view or computers:view there")
  @PostMapping
  ResponseEntity<ComputerResponse> create(@Valid @RequestBody ComputerRequests.Create r) {
    var created =
        computers.create(
            new ComputerCommands.Create(
                r.tenantId(),
                r.name().strip(),
                r.type(),
                r.primaryPersonId(),
                ComputerRequests.orEmpty(r.os()),
                ComputerRequests.orEmpty(r.serial())));
    var body = ComputerResponse.of(created);
    return withEtag(ResponseEntity.created(URI.create("/api/v1/computers/" + body.id())), body);
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.COMPUTERS_MANAGE},
      on = On.COMPUTER)
  @PutMapping("/{id}")
  ResponseEntity<ComputerResponse> update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody ComputerRequests.Update r) {
    long version = Versions.required(r.version(), ifMatch, "computer", id);
    var updated =
        computers.update(
            id,
            new ComputerCommands.Update(
                r.tenantId(),
                r.name().strip(),
                r.type(),
                r.primaryPersonId(),
                ComputerRequests.orEmpty(r.os()),
                ComputerRequests.orEmpty(r.serial()),
                version));
    return withEtag(ResponseEntity.ok(), ComputerResponse.of(updated));
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.COMPUTERS_DELETE},
      on = On.COMPUTER)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    computers.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.TAGS_ASSIGN},
      on = On.COMPUTER)
  @PutMapping("/{id}/tags/{tagId}")
  ResponseEntity<TagResult> tag(@PathVariable UUID id, @PathVariable UUID tagId) {
    return answer(id, tagId, computers.tag(id, tagId, true));
  }

  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.TAGS_ASSIGN},
      on = On.COMPUTER)
  @DeleteMapping("/{id}/tags/{tagId}")
  ResponseEntity<TagResult> untag(@PathVariable UUID id, @PathVariable UUID tagId) {
    return answer(id, tagId, computers.tag(id, tagId, false));
  }

  /** What (un)tagging a computer newly granted (DESIGN §3.10); sent only when not empty. */
  record TagResult(UUID computerId, UUID tagId, AccessChangeList accessChanges) {}

  /** 204 when the tag changed no one's access, else 200 with the accepted list. */
  private static ResponseEntity<TagResult> answer(UUID id, UUID tagId, AccessChangeList gained) {
    return gained.isEmpty()
        ? ResponseEntity.noContent().build()
        : ResponseEntity.ok(new TagResult(id, tagId, gained));
  }

  /** Batch "Change Tenant": all computers move, or none. */
  @Requires(
      value = {Permission.COMPUTERS_VIEW, Permission.COMPUTERS_CHANGE_TENANT},
      on = On.COMPUTER,
      note =
          "on every computer, and computers:change-tenant on the target tenant (visible with tenants:view or computers:view)")
  @PostMapping("/change-tenant")
  ComputerCommands.TenantChanged changeTenant(@Valid @RequestBody ComputerRequests.ChangeTenant r) {
    return tenantChange.change(
        new ComputerCommands.ChangeTenant(r.computerIds(), r.targetTenantId()));
  }

  private static ResponseEntity<ComputerResponse> withEtag(
      ResponseEntity.BodyBuilder b, ComputerResponse body) {
    return b.eTag(Versions.etag(body.version())).body(body);
  }
}
