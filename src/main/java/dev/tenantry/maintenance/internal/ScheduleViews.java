package dev.tenantry.maintenance.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the schedule API takes and answers. */
public final class ScheduleViews {
  private ScheduleViews() {}

  /**
   * Create or edit. {@code tenantId} for a tenant's schedule; otherwise {@code crossTenant} with an
   * {@code mspId} (that MSP's tenants) or without (the instance). Window times are "HH:mm"; absent
   * window or time zone = the tenant's (inherited) maintenance window.
   */
  public record Command(
      @Nullable UUID tenantId,
      boolean crossTenant,
      @Nullable UUID mspId,
      String name,
      String cron,
      @Nullable String windowStart,
      @Nullable String windowEnd,
      @Nullable String timeZone,
      String targetKind,
      boolean includeChildren,
      List<UUID> computerIds,
      List<UUID> tagIds,
      @Nullable List<UUID> deploymentIds,
      boolean enabled) {}

  /**
   * A schedule with its effective time zone and window (and whether they are inherited), and its
   * next runs.
   */
  public record Schedule(
      UUID id,
      String scope,
      @Nullable UUID tenantId,
      @Nullable UUID mspId,
      String name,
      String cron,
      String windowStart,
      String windowEnd,
      boolean windowInherited,
      String timeZone,
      boolean timeZoneInherited,
      String targetKind,
      boolean includeChildren,
      List<UUID> computerIds,
      List<UUID> tagIds,
      @Nullable List<UUID> deploymentIds,
      boolean enabled,
      List<Instant> nextRuns,
      @Nullable Long targetComputers,
      Instant createdAt,
      Instant updatedAt,
      long version) {}
}
