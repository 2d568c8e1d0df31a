package dev.tenantry.identity.internal;

import dev.tenantry.authz.UserStanding;
import dev.tenantry.authz.access.Authorizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the user behind a verified identity and judges, on every request, whether they may act —
 * without a query in the usual case. The identity → user id binding is remembered (an id the
 * snapshot no longer knows is looked up again); the user's standing (enabled, access expiry) comes
 * from this node's policy snapshot, the same one every decision of the request uses. A refusal is
 * confirmed against the database first, so a snapshot that has not yet seen a re-enabled user never
 * ends that user's session.
 */
@Component
class ActorResolver {
  static final int MAX_IDENTITIES = 50_000;
  private final UserRepository users;
  private final Authorizer authorizer;
  private final ActiveImpersonations impersonations;
  private final Clock clock = Clock.systemUTC();
  private final Map<IdentityKey, UUID> userIds = new ConcurrentHashMap<>();

  ActorResolver(UserRepository users, Authorizer authorizer, ActiveImpersonations impersonations) {
    this.users = users;
    this.authorizer = authorizer;
    this.impersonations = impersonations;
  }

  /** The user of the identity and their standing now; null for an identity without a user. */
  @Nullable Found user(EntraIdentity identity) {
    var key = new IdentityKey(identity.tid(), identity.objectId(), identity.app());
    UUID id = userIds.get(key);
    if (id != null) {
      var standing = authorizer.standing(id);
      if (standing.isPresent()) {
        Found found = new Found(id, standing.get());
        return found.standing().mayActAt(clock.instant()) ? found : confirmed(key);
      }
    }
    return confirmed(key);
  }

  /** The active impersonation of this user whose target may still act, if any. */
  Impersonations.@Nullable Active impersonation(UUID userId) {
    var active = impersonations.of(userId);
    if (active == null) {
      return null;
    }
    var target = authorizer.standing(active.targetId());
    boolean targetMayAct =
        target.isPresent()
            ? target.get().mayActAt(clock.instant())
            : users.byId(active.targetId()).map(u -> u.mayAct()).orElse(false);
    return targetMayAct ? active : null;
  }

  private @Nullable Found confirmed(IdentityKey key) {
    var row = users.byIdentity(key.tid(), key.oid(), key.app() ? "INTEGRATION" : "PERSON");
    if (row.isEmpty()) {
      userIds.remove(key);
      return null;
    }
    if (userIds.size() >= MAX_IDENTITIES) {
      userIds.clear();
    }
    userIds.put(key, row.get().id());
    return new Found(
        row.get().id(),
        new UserStanding(
            row.get().enabled(), row.get().accessExpiresAt(), row.get().personActive()));
  }

  record Found(UUID id, UserStanding standing) {
    boolean mayActAt(Instant now) {
      return standing.mayActAt(now);
    }
  }

  private record IdentityKey(UUID tid, UUID oid, boolean app) {}
}
