package dev.tenantry.authz;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a user may act at all, as this node's policy snapshot knows it (DESIGN §3.1): enabled,
 * and access not expired (the expiry instant itself is expired).
 */
public record UserStanding(boolean enabled, @Nullable Instant accessExpiresAt) {

  public boolean mayActAt(Instant now) {
    return enabled && (accessExpiresAt == null || now.isBefore(accessExpiresAt));
  }
}
