package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.LicenseService;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
@RequestMapping("/api/v1/licenses")
class LicensesController {
  private final LicenseService licenses;

  LicensesController(LicenseService licenses) {
    this.licenses = licenses;
  }

  record LicenseRequest(
      @NotNull UUID softwareId,
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 10_000) String key,
      @Nullable @Size(max = 1_400_000) String fileBase64,
      @Nullable @Size(max = 260) String fileName,
      @Nullable LocalDate expiresOn,
      @Nullable @Size(max = 100) String minVersion,
      @Nullable @Size(max = 100) String maxVersion,
      @Nullable UUID ownerTenantId,
      @Nullable Boolean global,
      @Nullable Long version) {
    LicenseService.Save command() {
      return new LicenseService.Save(
          softwareId,
          name.strip(),
          key,
          fileBase64,
          Common.orEmpty(fileName),
          expiresOn,
          minVersion,
          maxVersion,
          ownerTenantId,
          Common.yes(global));
    }
  }

  @Requires(
      value = {Permission.LICENSES_VIEW},
      on = On.LIST,
      note = "never shows keys or files")
  @GetMapping
  Page<LicenseService.License> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable UUID softwareId,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return licenses.list(
        q, ownerTenantId, owner, softwareId, sort, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.LICENSES_VIEW},
      on = On.TENANT,
      note = "on the owner; global: at any scope")
  @GetMapping("/{id}")
  LicenseService.License get(@PathVariable UUID id) {
    return licenses.get(id);
  }

  @Requires(
      value = {Permission.LICENSES_VIEW, Permission.LICENSES_MANAGE},
      on = On.TENANT,
      note =
          "the key and file: licenses:manage over the owner; global: at OWNER or the creating MSP")
  @GetMapping("/{id}/secret")
  LicenseService.Secret secret(@PathVariable UUID id) {
    return licenses.secret(id);
  }

  @Requires(
      value = {Permission.LICENSES_MANAGE},
      on = On.TENANT,
      note =
          "on the owner (default: the caller's tenant); the software must be visible; global also needs licenses:publish")
  @PostMapping
  ResponseEntity<LicenseService.License> create(@Valid @RequestBody LicenseRequest r) {
    LicenseService.License l = licenses.create(r.command());
    return ResponseEntity.created(URI.create("/api/v1/licenses/" + l.id())).body(l);
  }

  @Requires(
      value = {Permission.LICENSES_VIEW, Permission.LICENSES_MANAGE},
      on = On.TENANT,
      note = "on the owner, and on the new owner when it changes")
  @PutMapping("/{id}")
  LicenseService.License update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody LicenseRequest r) {
    return licenses.update(id, Versions.required(r.version(), ifMatch, "license", id), r.command());
  }

  @Requires(
      value = {Permission.LICENSES_VIEW, Permission.LICENSES_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    licenses.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }
}
