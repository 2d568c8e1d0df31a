package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.internal.*;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-off migration of legacy user types and preferences to role assignments
 * (docs/legacy-migration.md).
 */
@RestController
class LegacyImportController {
  private final LegacyImportService service;

  LegacyImportController(LegacyImportService service) {
    this.service = service;
  }

  @Requires(
      value = {Permission.USERS_MANAGE},
      on = On.SYSTEM,
      note = "and anti-escalation for each assignment")
  @PostMapping("/api/v1/admin/legacy-import")
  LegacyImport.Report run(@RequestBody LegacyImport.Request request) {
    return service.run(request);
  }
}
