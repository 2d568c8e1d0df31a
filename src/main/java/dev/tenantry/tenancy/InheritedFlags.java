package dev.tenantry.tenancy;

import dev.tenantry.tenancy.internal.InheritedFlagQuery;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boolean tenant preferences resolved for many tenants at once, with the same inheritance as {@link
 * Preferences#forTenant}: a tenant's own value, else its nearest ancestor's, else the
 * application's, else the built-in default. For features that filter tenants in SQL by a flag (e.g.
 * {@code maintenance.excludeFromCrossTenant}).
 */
@Service
@Transactional(readOnly = true)
public class InheritedFlags {
  private final InheritedFlagQuery query;

  InheritedFlags(InheritedFlagQuery query) {
    this.query = query;
  }

  /** Every tenant for which the boolean tenant preference {@code key} is effectively true. */
  public Set<UUID> tenantsWhereTrue(String key) {
    return query.tenantsWhereTrue(key);
  }

  /** Whether the boolean tenant preference {@code key} is effectively true for the tenant. */
  public boolean isTrue(UUID tenantId, String key) {
    return query.isTrue(tenantId, key);
  }

  /**
   * The value a tenant gets when neither it nor an ancestor sets {@code key}: the application's,
   * else the built-in default (for features that resolve the tenant levels in their own SQL).
   */
  public boolean fallback(String key) {
    return query.fallback(key);
  }
}
