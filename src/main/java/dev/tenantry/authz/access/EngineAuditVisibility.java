package dev.tenantry.authz.access;

import dev.tenantry.audit.AuditVisibility;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.shared.VisibleTenants;
import org.springframework.stereotype.Component;

/** Audit events are visible per tenant by {@code audit:view}; verifying is {@code audit:verify}. */
@Component
class EngineAuditVisibility implements AuditVisibility {
  private final Authorizer authz;

  EngineAuditVisibility(Authorizer authz) {
    this.authz = authz;
  }

  @Override
  public VisibleTenants visibleTenants() {
    authz.requireUser();
    return authz.tenants(Permission.AUDIT_VIEW).visible();
  }

  @Override
  public void requireVerify() {
    authz.require(Permission.AUDIT_VERIFY, Target.system());
  }
}
