package dev.tenantry.authz;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role assignment that a cascade removes (deleting a computer, a role, a group, a user), as the
 * audit event of that deletion lists it (DESIGN §3.6g: each cascaded removal is audited).
 */
public record RemovedAssignment(
    UUID id,
    Principal principal,
    UUID roleId,
    Effect effect,
    String scope,
    @Nullable Instant expiresAt) {}
