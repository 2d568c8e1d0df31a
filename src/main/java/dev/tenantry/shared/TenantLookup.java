package dev.tenantry.shared;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant and tag names for pickers and labels (implemented by tenancy; lets authz pages avoid a
 * cycle).
 */
public interface TenantLookup {
  /** The tenants the current caller may see: id → name, in name order. */
  Map<UUID, String> visibleTenants();

  /**
   * Names of the given tenants that exist, in name order, one window of them ({@code offset},
   * {@code limit}): for labels of long lists without loading every name.
   */
  Map<UUID, String> names(Collection<UUID> ids, int offset, int limit);

  /**
   * Names of those of the given tenants that the current caller may see (labels of a few chosen or
   * referenced tenants, without listing every visible tenant).
   */
  Map<UUID, String> visibleNames(Collection<UUID> ids);

  /**
   * Search-as-you-type over the tenants the current caller may see: names containing {@code q} (any
   * case), in name order, at most {@code limit}.
   */
  Map<UUID, String> searchVisible(String q, int limit);

  /**
   * Search-as-you-type over the tag catalogue for the current caller: names containing {@code q}
   * (any case), in name order, at most {@code limit}; empty for a caller who may not view tags
   * ({@code tags:view} at any scope: the catalogue is shared, like the library's global objects).
   */
  Map<UUID, String> searchTags(String q, int limit);

  /**
   * Names of the given tags (labels of the tags a page shows: a scope, a deployment target, a
   * schedule's tags), without loading the catalogue.
   */
  Map<UUID, String> tagNames(Collection<UUID> ids);
}
