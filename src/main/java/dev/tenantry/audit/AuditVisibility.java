package dev.tenantry.audit;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the audit feature needs from authorization (implemented by {@code authz}, which depends on
 * audit, not the other way round).
 */
public interface AuditVisibility {
  /**
   * The tenants whose events the caller may read: null means every event, including those without a
   * tenant (security events, shared tags, application preferences); else only those tenants'.
   */
  @Nullable Set<UUID> visibleTenants();

  /** Throws unless the caller may verify the whole chain. */
  void requireVerify();
}
