package dev.tenantry.authz.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user as the engine sees it. {@code tenantId} is the tenant of the user's person; null means the
 * person is gone, which denies everything (DESIGN §3.1), as do {@code enabled == false} and {@code
 * accessExpiresAt <= now}.
 */
public record UserNode(
    UUID id, @Nullable UUID tenantId, boolean enabled, @Nullable Instant accessExpiresAt) {
  public UserNode {
    Objects.requireNonNull(id, "id");
  }

  /**
   * Active at {@code now}: enabled, person present, access not expired (expiry instant itself is
   * expired).
   */
  public boolean activeAt(Instant now) {
    return enabled
        && tenantId != null
        && (accessExpiresAt == null || now.isBefore(accessExpiresAt));
  }
}
