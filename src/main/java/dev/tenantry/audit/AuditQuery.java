package dev.tenantry.audit;

import dev.tenantry.shared.VisibleTenants;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters for the audit list. {@code visibleTenants} is the caller's view: every event, or only
 * events of those tenants (and none without a tenant).
 */
public record AuditQuery(
    @Nullable UUID actorUserId,
    @Nullable UUID tenantId,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String action,
    @Nullable Instant from,
    @Nullable Instant to,
    VisibleTenants visibleTenants,
    int page,
    int size) {}
