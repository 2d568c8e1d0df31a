package dev.tenantry.audit.web;

import dev.tenantry.audit.AuditEvent;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.audit.AuditQuery;
import dev.tenantry.audit.AuditVisibility;
import dev.tenantry.audit.ChainVerification;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.shared.Page;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditController {
  private final AuditLog audit;
  private final AuditVisibility visibility;

  AuditController(AuditLog audit, AuditVisibility visibility) {
    this.audit = audit;
    this.visibility = visibility;
  }

  @Requires(
      value = {Permission.AUDIT_VIEW},
      on = On.AUDIT,
      note = "filtered to the tenants where audit:view is held")
  @GetMapping
  Page<AuditEvent> list(
      @RequestParam(required = false) @Nullable UUID actorUserId,
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String targetType,
      @RequestParam(required = false) @Nullable String targetId,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return audit.list(
        new AuditQuery(
            actorUserId,
            tenantId,
            targetType,
            targetId,
            action,
            from,
            to,
            visibility.visibleTenants(),
            Page.page(page),
            Page.size(size)));
  }

  @Requires(
      value = {Permission.AUDIT_VERIFY},
      on = On.SYSTEM)
  @GetMapping("/verify")
  ChainVerification verify() {
    visibility.requireVerify();
    return audit.verify();
  }
}
