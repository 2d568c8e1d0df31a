package dev.tenantry.shared;

import java.util.Map;
import java.util.UUID;

/** Computer names for pickers (implemented by directory; lets authz pages avoid a cycle). */
public interface ComputerLookup {
  /**
   * Search-as-you-type over the computers the current caller may see: name or serial containing
   * {@code q} (any case), in name order, at most {@code limit}.
   */
  Map<UUID, String> searchVisible(String q, int limit);

  /** Names of the given computers the current caller may see (labels of chosen values). */
  Map<UUID, String> names(java.util.Collection<UUID> ids);
}
