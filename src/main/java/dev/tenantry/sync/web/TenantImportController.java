package dev.tenantry.sync.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.sync.ImportRow;
import dev.tenantry.sync.internal.TenantImportService;
import dev.tenantry.tenancy.TenantView;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Import of client tenants linked to Entra: from the MSP's GDAP customers, or from a CSV. */
@RestController
@RequestMapping("/api/v1/tenant-imports")
class TenantImportController {
  private final TenantImportService imports;

  TenantImportController(TenantImportService imports) {
    this.imports = imports;
  }

  record GdapImport(
      @Nullable List<UUID> tids, @Nullable UUID parentId, @Nullable List<UUID> tagIds) {}

  @Requires(
      value = {Permission.TENANTS_CREATE, Permission.AZURE_LINK_TENANT},
      on = On.SYSTEM,
      note = "held at any scope (the preview creates nothing)")
  @GetMapping("/gdap")
  List<ImportRow> gdapPreview() {
    return imports.previewGdap();
  }

  @Requires(
      value = {Permission.TENANTS_CREATE, Permission.AZURE_LINK_TENANT},
      on = On.TENANT,
      note = "on the parent (instance-wide for root tenants); with tags also tags:assign there")
  @PostMapping("/gdap")
  ResponseEntity<List<TenantView>> gdapImport(@RequestBody GdapImport body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            imports.importGdap(
                body.tids() == null ? List.of() : body.tids(),
                body.parentId(),
                body.tagIds() == null ? List.of() : body.tagIds()));
  }

  @Requires(
      value = {Permission.TENANTS_CREATE, Permission.AZURE_LINK_TENANT},
      on = On.TENANT,
      note =
          "dryRun: held at any scope; import: on each row's parent (instance-wide for root tenants), with tags also tags:assign")
  @PostMapping("/csv")
  ResponseEntity<?> csv(
      @RequestBody String csv, @RequestParam(defaultValue = "false") boolean dryRun) {
    if (dryRun) {
      return ResponseEntity.ok(imports.previewCsv(csv));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(imports.importCsv(csv));
  }
}
