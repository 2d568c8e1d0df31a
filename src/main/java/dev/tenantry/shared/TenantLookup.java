package dev.tenantry.shared;

import java.util.Map;
import java.util.UUID;

/**
 * Tenant and tag names for pickers and labels (implemented by tenancy; lets authz pages avoid a
 * cycle).
 */
public interface TenantLookup {
  /** The tenants the current caller may see: id → name, in name order. */
  Map<UUID, String> visibleTenants();

  /** The tag catalogue: id → name, in name order. */
  Map<UUID, String> tags();
}
