package dev.tenantry.authz;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change to a user's existence or standing, as the lock-out rule (DESIGN §3.6h) judges it: the
 * user is deleted, or their enabled flag or access expiry changes.
 */
public sealed interface UserChange {
  UUID userId();

  /** The user is deleted, with their assignments and memberships. */
  record Removed(UUID userId) implements UserChange {
    public Removed {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /**
   * The user's standing after the change; {@code tenantId} is the tenant of the user's person,
   * {@code accessExpiresAt} null means never.
   */
  record StandingChanged(
      UUID userId, @Nullable UUID tenantId, boolean enabled, @Nullable Instant accessExpiresAt)
      implements UserChange {
    public StandingChanged {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
