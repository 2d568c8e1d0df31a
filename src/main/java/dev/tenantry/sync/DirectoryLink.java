package dev.tenantry.sync;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's link to its Entra directory: the Entra tenant id (from the tenant), the domains the
 * sync is limited to (empty: every domain) and whether a delta link is stored (the next run is
 * incremental).
 */
public record DirectoryLink(
    UUID tenantId,
    @Nullable UUID azureTenantId,
    List<String> limitToDomains,
    boolean hasDeltaLink) {}
