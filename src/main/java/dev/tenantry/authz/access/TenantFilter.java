package dev.tenantry.authz.access;

import dev.tenantry.shared.VisibleTenants;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tenants where the current user holds a permission (after denies): every tenant, including
 * ones created later ({@code everything}), or exactly {@code tenantIds}. Filters lists of tenants
 * and of tenant-owned objects in SQL. A large set is also stored in the database ({@code
 * storedSetId}, see {@link VisibleTenantSets}), and SQL probes it instead of carrying every id.
 */
public record TenantFilter(boolean everything, Set<UUID> tenantIds, @Nullable UUID storedSetId) {
  private static final TenantFilter NOTHING = new TenantFilter(false, Set.of());
  private static final TenantFilter EVERYTHING = new TenantFilter(true, Set.of());

  public TenantFilter {
    tenantIds = everything ? Set.of() : Set.copyOf(tenantIds);
    storedSetId = everything ? null : storedSetId;
  }

  public TenantFilter(boolean everything, Set<UUID> tenantIds) {
    this(everything, tenantIds, null);
  }

  public static TenantFilter nothing() {
    return NOTHING;
  }

  public static TenantFilter everythingFilter() {
    return EVERYTHING;
  }

  public boolean allows(UUID tenantId) {
    return everything || tenantIds.contains(tenantId);
  }

  /** The same filter as the value that other features (and audit) take. */
  public VisibleTenants visible() {
    return everything ? VisibleTenants.every() : VisibleTenants.only(tenantIds, storedSetId);
  }

  public boolean isNothing() {
    return !everything && tenantIds.isEmpty();
  }

  /**
   * {@code column = any(:authzTenantIds)} (or a probe of the stored set), or {@code true} / {@code
   * false}.
   */
  public SqlPredicate sql(String column) {
    return sql(column, "authzTenantIds");
  }

  /** As {@link #sql(String)} with a chosen parameter name (to combine two filters in one query). */
  public SqlPredicate sql(String column, String paramName) {
    if (everything) {
      return SqlPredicate.TRUE;
    }
    if (tenantIds.isEmpty()) {
      return SqlPredicate.FALSE;
    }
    if (storedSetId != null) {
      return new SqlPredicate(VisibleTenants.inStoredSet(column, storedSetId), Map.of());
    }
    return new SqlPredicate(
        column + " = any(:" + paramName + ")", Map.of(paramName, tenantIds.toArray(UUID[]::new)));
  }
}
