package dev.tenantry.audit;

import dev.tenantry.shared.VisibleTenants;

/**
 * What the audit feature needs from authorization (implemented by {@code authz}, which depends on
 * audit, not the other way round).
 */
public interface AuditVisibility {
  /**
   * The tenants whose events the caller may read: every event, including those without a tenant
   * (security events, shared tags, application preferences), or only those tenants' events.
   */
  VisibleTenants visibleTenants();

  /** Throws unless the caller may verify the whole chain. */
  void requireVerify();
}
