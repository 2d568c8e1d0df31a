package dev.tenantry.shared;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which tenants' objects a caller may list, as a value that says so (never {@code null} for
 * "everything"): {@link Every} — every tenant, including those created later, and, in lists that
 * have them, objects of no tenant; or {@link Only} those tenants. Made from authz's {@code
 * TenantFilter}; used by features that filter their own SQL (and by audit, which cannot depend on
 * authz).
 */
public sealed interface VisibleTenants {
  record Every() implements VisibleTenants {}

  /**
   * Exactly {@code tenantIds}. A large set is also stored in the database as {@code storedSetId}
   * (authz's {@code VisibleTenantSets}, table {@code visible_tenant_set}); SQL then joins it by
   * index instead of carrying every id as a parameter.
   */
  record Only(Set<UUID> tenantIds, @Nullable UUID storedSetId) implements VisibleTenants {
    public Only {
      tenantIds = Set.copyOf(tenantIds);
    }

    public Only(Set<UUID> tenantIds) {
      this(tenantIds, null);
    }
  }

  static VisibleTenants every() {
    return new Every();
  }

  static VisibleTenants only(Set<UUID> tenantIds) {
    return new Only(tenantIds);
  }

  static VisibleTenants only(Set<UUID> tenantIds, @Nullable UUID storedSetId) {
    return new Only(tenantIds, storedSetId);
  }

  default boolean isEvery() {
    return this instanceof Every;
  }

  default boolean allows(UUID tenantId) {
    return switch (this) {
      case Every e -> true;
      case Only o -> o.tenantIds().contains(tenantId);
    };
  }

  /**
   * A SQL condition on {@code column} with a named parameter added to {@code params}: {@code true}
   * for every tenant, else {@code column = any(:param)} (false for none), or a probe of the stored
   * set.
   */
  default String sql(String column, String param, Map<String, Object> params) {
    return switch (this) {
      case Every e -> "true";
      case Only o when o.storedSetId() != null -> inStoredSet(column, o.storedSetId());
      case Only o -> {
        params.put(param, o.tenantIds().toArray(UUID[]::new));
        yield column + " = any(:" + param + ")";
      }
    };
  }

  /**
   * {@code column} is a member of the stored set {@code setId}: one index probe per row. The id is
   * written into the SQL (it is generated, never input), so that each set is planned with its own
   * size: a large set walks the list's sort index, a small one starts from its tenants.
   */
  static String inStoredSet(String column, UUID setId) {
    return "exists (select 1 from visible_tenant_set authz_vs where authz_vs.set_id = '"
        + setId
        + "'::uuid and authz_vs.tenant_id = "
        + column
        + ")";
  }
}
