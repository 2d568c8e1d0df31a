package dev.tenantry.shared;

import java.util.Map;
import java.util.UUID;

/** Computer names for pickers (implemented by directory; lets authz pages avoid a cycle). */
public interface ComputerLookup {
  /** The computers the current caller may see (at most 500): id → name, in name order. */
  Map<UUID, String> visibleComputers();
}
