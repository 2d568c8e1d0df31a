package dev.tenantry.authz.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One-off migration of legacy user types and preferences to role assignments (docs/legacy-migration.md). */
@RestController
class LegacyImportController {
  private final LegacyImportService service;

  LegacyImportController(LegacyImportService service) {
    this.service = service;
  }

  @PostMapping("/api/v1/admin/legacy-import")
  LegacyImport.Report run(@RequestBody LegacyImport.Request request) {
    return service.run(request);
  }
}
