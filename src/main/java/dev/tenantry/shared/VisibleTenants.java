package dev.tenantry.shared;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which tenants' objects a caller may list, as a value that says so (never {@code null} for
 * "everything"): {@link Every} — every tenant, including those created later, and, in lists that
 * have them, objects of no tenant; or {@link Only} those tenants. Made from authz's {@code
 * TenantFilter}; used by features that filter their own SQL (and by audit, which cannot depend on
 * authz).
 */
public sealed interface VisibleTenants {
  record Every() implements VisibleTenants {}

  record Only(Set<UUID> tenantIds) implements VisibleTenants {
    public Only {
      tenantIds = Set.copyOf(tenantIds);
    }
  }

  static VisibleTenants every() {
    return new Every();
  }

  static VisibleTenants only(Set<UUID> tenantIds) {
    return new Only(tenantIds);
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
   * for every tenant, else {@code column = any(:param)} (false for none).
   */
  default String sql(String column, String param, Map<String, Object> params) {
    return switch (this) {
      case Every e -> "true";
      case Only o -> {
        params.put(param, o.tenantIds().toArray(UUID[]::new));
        yield column + " = any(:" + param + ")";
      }
    };
  }
}
