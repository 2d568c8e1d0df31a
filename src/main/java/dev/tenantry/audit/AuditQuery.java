package dev.tenantry.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters for the audit list. {@code visibleTenants} is the caller's view: null means every event,
 * otherwise only events of those tenants (and none without a tenant).
 */
public record AuditQuery(
    @Nullable UUID actorUserId,
    @Nullable UUID tenantId,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String action,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Set<UUID> visibleTenants,
    int page,
    int size) {}
