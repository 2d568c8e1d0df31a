package dev.tenantry.authz;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a user may act at all, as this node's policy snapshot knows it (DESIGN §3.1): enabled,
 * access not expired (the expiry instant itself is expired), and the user's person present and not
 * disabled or removed in Entra (directory sync, DESIGN §9).
 */
public record UserStanding(
    boolean enabled, @Nullable Instant accessExpiresAt, boolean personActive) {

  public boolean mayActAt(Instant now) {
    return enabled && personActive && (accessExpiresAt == null || now.isBefore(accessExpiresAt));
  }

  /** Why {@link #mayActAt} is false (for the audit trail and the 401 answer). */
  public String refusal() {
    return !enabled
        ? "user disabled"
        : !personActive ? "person inactive in Entra" : "access expired";
  }
}
