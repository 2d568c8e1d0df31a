package dev.tenantry.authz.engine;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role assignment; ignored once {@code expiresAt <= now} (DESIGN §3.1). */
public record AssignmentNode(
    UUID id,
    Principal principal,
    UUID roleId,
    Scope scope,
    Effect effect,
    @Nullable Instant expiresAt) {
  public AssignmentNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(roleId, "roleId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(effect, "effect");
  }

  public boolean activeAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }
}
