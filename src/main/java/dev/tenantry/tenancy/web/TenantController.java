package dev.tenantry.tenancy.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.TenantKind;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.internal.TenantAccess;
import dev.tenantry.tenancy.internal.TenantCommands;
import dev.tenantry.tenancy.internal.TenantDeletion;
import dev.tenantry.tenancy.internal.TenantDetails;
import dev.tenantry.tenancy.internal.TenantDraft;
import dev.tenantry.tenancy.internal.TenantQuery;
import dev.tenantry.tenancy.internal.TenantReader;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tenants: list, create, read, replace (PUT), merge-patch (PATCH), delete, (de)activate. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {
  private final TenantAccess access;
  private final TenantReader reader;
  private final TenantDetails details;
  private final TenantCommands commands;
  private final TenantDeletion deletion;
  private final JsonMapper json;

  TenantController(
      TenantAccess access,
      TenantReader reader,
      TenantDetails details,
      TenantCommands commands,
      TenantDeletion deletion,
      JsonMapper json) {
    this.access = access;
    this.reader = reader;
    this.details = details;
    this.commands = commands;
    this.deletion = deletion;
    this.json = json;
  }

  @Requires(
      value = {Permission.TENANTS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<TenantView> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable TenantKind kind,
      @RequestParam(required = false) @Nullable Boolean active,
      @RequestParam(required = false) @Nullable UUID parentId,
      @RequestParam(required = false) @Nullable UUID tagId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) @Nullable String after) {
    var query =
        new TenantQuery(q, kind, active, parentId, tagId, Page.page(page), Page.size(size), after);
    Page<TenantView> found = reader.page(query, access.visibleTenantIds());
    return new Page<>(
        reader.countedFor(found.items(), access.countScope()),
        found.page(),
        found.size(),
        found.total(),
        found.totalEstimated(),
        found.next());
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_CREATE},
      on = On.TENANT,
      note =
          "on the parent (instance-wide for a root tenant); an MSP tenant also needs tenants:manage-msp instance-wide; an Entra link azure:link-tenant (system)")
  @PostMapping
  ResponseEntity<TenantView> create(@RequestBody TenantRequest body) {
    TenantDraft draft = body.draft();
    access.requireCreate(draft);
    TenantView created = commands.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.id()))
        .eTag(String.valueOf(created.version()))
        .body(reader.countedFor(created, access));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW},
      on = On.TENANT)
  @GetMapping("/{id}")
  ResponseEntity<TenantView> get(@PathVariable UUID id) {
    access.requireView(id);
    TenantView v = details.find(id, access).orElseThrow(() -> ApiException.notFound("Tenant", id));
    return ResponseEntity.ok().eTag(String.valueOf(v.version())).body(v);
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_MANAGE},
      on = On.TENANT,
      note =
          "moving: tenants:move on it and tenants:manage on the new parent; MSP flag: tenants:manage-msp; Entra link: azure:link-tenant (system); access it newly grants: acceptAccessChanges (DESIGN 3.10)")
  @PutMapping("/{id}")
  ResponseEntity<TenantView> replace(
      @PathVariable UUID id,
      @RequestBody TenantRequest body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireManage(id);
    TenantDraft draft = body.draft();
    access.requireUpdate(find(id), draft);
    long version = Versions.required(body.version(), ifMatch);
    return withETag(commands.update(id, draft, version));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_MANAGE},
      on = On.TENANT,
      note =
          "moving: tenants:move on it and tenants:manage on the new parent; MSP flag: tenants:manage-msp; Entra link: azure:link-tenant (system); access it newly grants: acceptAccessChanges (DESIGN 3.10)")
  @PatchMapping("/{id}")
  ResponseEntity<TenantView> patch(
      @PathVariable UUID id,
      @RequestBody JsonNode patch,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireManage(id);
    TenantView current = find(id);
    TenantRequest merged = TenantPatch.apply(current, patch, json);
    access.requireUpdate(current, merged.draft());
    long version = Versions.required(merged.version(), ifMatch);
    return withETag(commands.update(id, merged.draft(), version));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireDelete(id);
    deletion.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_MANAGE},
      on = On.TENANT)
  @PostMapping("/{id}/activate")
  ResponseEntity<TenantView> activate(
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireManage(id);
    return withETag(commands.setActive(id, true, Versions.optional(null, ifMatch)));
  }

  @Requires(
      value = {Permission.TENANTS_VIEW, Permission.TENANTS_MANAGE},
      on = On.TENANT)
  @PostMapping("/{id}/deactivate")
  ResponseEntity<TenantView> deactivate(
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireManage(id);
    return withETag(commands.setActive(id, false, Versions.optional(null, ifMatch)));
  }

  private TenantView find(UUID id) {
    return reader.find(id).orElseThrow(() -> ApiException.notFound("Tenant", id));
  }

  /**
   * Every tenant this controller returns carries the counts the caller may see, never the raw ones.
   */
  private ResponseEntity<TenantView> withETag(TenantView v) {
    return ResponseEntity.ok().eTag(String.valueOf(v.version())).body(reader.countedFor(v, access));
  }
}
