package dev.tenantry.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the console header needs to know about who is signed in on this request. */
public interface ConsoleIdentity {

  /** Empty when nobody is signed in (public pages). */
  Optional<Header> header();

  /**
   * The signed-in identity and its effective user ({@code userId} null: no access yet). {@code
   * pendingRequests} is null unless the user may decide access requests.
   */
  record Header(
      String name,
      String username,
      @Nullable UUID userId,
      @Nullable Long pendingRequests,
      @Nullable Impersonating impersonating) {}

  /** While impersonating: the real user and the user being acted as. */
  record Impersonating(
      UUID realUserId, String realName, UUID targetUserId, String targetName, Instant expiresAt) {}
}
