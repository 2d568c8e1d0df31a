package dev.tenantry.authz.access;

import dev.tenantry.audit.AuditVisibility;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Audit events are visible per tenant by {@code audit:view}; verifying is {@code audit:verify}. */
@Component
class EngineAuditVisibility implements AuditVisibility {
  private final Authorizer authz;

  EngineAuditVisibility(Authorizer authz) {
    this.authz = authz;
  }

  @Override
  public @Nullable Set<UUID> visibleTenants() {
    authz.requireUser();
    TenantFilter filter = authz.tenants(Permission.AUDIT_VIEW);
    return filter.everything() ? null : filter.tenantIds();
  }

  @Override
  public void requireVerify() {
    authz.require(Permission.AUDIT_VERIFY, Target.system());
  }
}
