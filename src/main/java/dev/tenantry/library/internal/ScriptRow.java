package dev.tenantry.library.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code script}. */
record ScriptRow(
    UUID id,
    @Nullable UUID ownerTenantId,
    @Nullable UUID createdByMspId,
    boolean visibleToAllTenants,
    String name,
    String description,
    String category,
    String language,
    int latestVersion,
    Instant createdAt,
    Instant updatedAt,
    @Nullable UUID createdBy,
    long version) {

  Ownership ownership() {
    return new Ownership(ownerTenantId, createdByMspId, visibleToAllTenants);
  }
}
