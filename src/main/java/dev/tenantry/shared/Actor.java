package dev.tenantry.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who acts in the current request: the effective user (null when the caller has no Tenantry user,
 * e.g. a signed-in identity that has only requested access), a label for the audit trail, and the
 * real user behind an impersonation.
 */
public record Actor(
    @Nullable UUID userId,
    String label,
    @Nullable UUID impersonatorUserId,
    String requestId,
    String clientIp) {

  public static final Actor SYSTEM = new Actor(null, "system", null, "system", "");

  public boolean isSystem() {
    return this == SYSTEM;
  }

  public boolean impersonating() {
    return impersonatorUserId != null;
  }
}
