package dev.tenantry.authz;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An assignment given to a user directly (not through a group); {@code expiresAt} null = never. */
public record UserAssignment(
    UUID assignmentId, UUID roleId, Effect effect, Scope scope, @Nullable Instant expiresAt) {
  public UserAssignment {
    Objects.requireNonNull(assignmentId, "assignmentId");
    Objects.requireNonNull(roleId, "roleId");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(scope, "scope");
  }
}
