package dev.tenantry.library.internal;

import dev.tenantry.authz.Target;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who owns a library object (DESIGN §7): a tenant, or nobody (global; then managed at OWNER or at
 * the MSP that created it), and whether an owned script or task is readable by every tenant.
 */
public record Ownership(
    @Nullable UUID ownerTenantId, @Nullable UUID createdByMspId, boolean visibleToAllTenants) {

  public boolean global() {
    return ownerTenantId == null;
  }

  /** Published beyond its owner: global, or visible to all tenants. */
  public boolean published() {
    return global() || visibleToAllTenants;
  }

  public Target target() {
    return ownerTenantId == null
        ? Target.globalObject(createdByMspId)
        : Target.ownedObject(ownerTenantId);
  }
}
