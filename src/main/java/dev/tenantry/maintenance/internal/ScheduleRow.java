package dev.tenantry.maintenance.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as stored. Scope: a tenant ({@code ownerTenantId}), or cross-tenant over an MSP's
 * tenants ({@code mspId}) or over the instance (both null).
 */
record ScheduleRow(
    UUID id,
    @Nullable UUID ownerTenantId,
    @Nullable UUID mspId,
    String name,
    String cron,
    @Nullable LocalTime windowStart,
    @Nullable LocalTime windowEnd,
    @Nullable String timeZone,
    String targetKind,
    boolean includeChildren,
    List<UUID> computerIds,
    List<UUID> tagIds,
    @Nullable List<UUID> deploymentIds,
    boolean enabled,
    Instant createdAt,
    @Nullable UUID createdBy,
    Instant updatedAt,
    long version) {

  boolean crossTenant() {
    return ownerTenantId == null;
  }

  /** TENANT, MSP or INSTANCE. */
  String scope() {
    return ownerTenantId != null ? "TENANT" : mspId != null ? "MSP" : "INSTANCE";
  }
}
