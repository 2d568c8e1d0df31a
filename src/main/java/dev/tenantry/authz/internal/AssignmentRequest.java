package dev.tenantry.authz.internal;

import dev.tenantry.authz.Effect;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of a role-assignment create request. */
public record AssignmentRequest(
    @Nullable PrincipalDto principal,
    @Nullable UUID roleId,
    @Nullable ScopeDto scope,
    @Nullable Effect effect,
    @Nullable Instant expiresAt) {}
