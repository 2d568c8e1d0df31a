package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a user holds one permission, shaped for a SQL list filter (DESIGN §6), after denies:
 *
 * <pre>
 * tenant T (or an object it owns) allowed  ⇔  allTenants || T ∈ tenantIds
 * computer C in T allowed                  ⇔  T ∉ deniedTenantIds ∧ ¬∃ s ∈ deniedSelectors: s selects C
 *                                              ∧ (allTenants ∨ T ∈ tenantIds ∨ ∃ s ∈ allowedSelectors: s selects C)
 * </pre>
 *
 * {@code allTenants} means an OWNER allow with no tenant-level deny: every tenant, including ones
 * created after the snapshot, so {@code tenantIds} and {@code deniedTenantIds} are then empty. A
 * system permission yields {@link #everything()} or {@link #nothing()}. Global objects are not
 * covered here; check them one by one.
 */
public record TenantGrants(
    boolean allTenants,
    Set<UUID> tenantIds,
    Set<UUID> deniedTenantIds,
    List<ResourceSelector> allowedSelectors,
    List<ResourceSelector> deniedSelectors) {

  public TenantGrants {
    tenantIds = Set.copyOf(tenantIds);
    deniedTenantIds = Set.copyOf(deniedTenantIds);
    allowedSelectors = List.copyOf(allowedSelectors);
    deniedSelectors = List.copyOf(deniedSelectors);
  }

  private static final TenantGrants NOTHING =
      new TenantGrants(false, Set.of(), Set.of(), List.of(), List.of());
  private static final TenantGrants EVERYTHING =
      new TenantGrants(true, Set.of(), Set.of(), List.of(), List.of());

  public static TenantGrants nothing() {
    return NOTHING;
  }

  public static TenantGrants everything() {
    return EVERYTHING;
  }

  public boolean isNothing() {
    return !allTenants && tenantIds.isEmpty() && allowedSelectors.isEmpty();
  }

  public boolean allowsTenant(UUID tenantId) {
    return allTenants || tenantIds.contains(tenantId);
  }

  /** The filter above, evaluated in Java (tests compare it with {@link Engine#check}). */
  public boolean allowsComputer(
      UUID computerId,
      UUID tenantId,
      @Nullable UUID tenantMspId,
      ComputerType type,
      Set<UUID> tagIds) {
    if (deniedTenantIds.contains(tenantId)) {
      return false;
    }
    for (ResourceSelector s : deniedSelectors) {
      if (selects(s, computerId, tenantId, tenantMspId, type, tagIds)) {
        return false;
      }
    }
    if (allowsTenant(tenantId)) {
      return true;
    }
    for (ResourceSelector s : allowedSelectors) {
      if (selects(s, computerId, tenantId, tenantMspId, type, tagIds)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the selector picks the computer; {@code tenantMspId} is the msp_id of its tenant (the
   * tenant itself for an MSP), which an MSP limit compares, as a TENANT_TAG scope's does.
   */
  public static boolean selects(
      ResourceSelector s,
      UUID computerId,
      UUID tenantId,
      @Nullable UUID tenantMspId,
      ComputerType type,
      Set<UUID> tagIds) {
    return switch (s) {
      case ResourceSelector.OneComputer(UUID c) -> c.equals(computerId);
      case ResourceSelector.ComputerTag(UUID g, UUID t, UUID m) ->
          tagIds.contains(g) && limit(t, m, tenantId, tenantMspId);
      case ResourceSelector.ComputerTypes(Set<ComputerType> types, UUID t, UUID m) ->
          types.contains(type) && limit(t, m, tenantId, tenantMspId);
    };
  }

  private static boolean limit(
      @Nullable UUID tenant, @Nullable UUID msp, UUID tenantId, @Nullable UUID tenantMspId) {
    if (tenant != null) {
      return tenant.equals(tenantId);
    }
    return msp == null || msp.equals(tenantMspId); // an MSP's own msp_id is itself
  }
}
