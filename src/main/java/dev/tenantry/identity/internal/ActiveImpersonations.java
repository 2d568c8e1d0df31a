package dev.tenantry.identity.internal;

import dev.tenantry.shared.db.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The open impersonation rows, held in memory so that the request path does not query for them.
 * Open rows are few (one per impersonating administrator). The copy is reloaded when this node
 * started or ended one (after that transaction commits, so the very next request sees it) and at
 * least every {@link #REFRESH} otherwise, which bounds how long another node's start or stop takes
 * to show here. Expiry is checked at each request against the clock; whether the target may still
 * act is checked by the caller against the policy snapshot.
 */
@Component
class ActiveImpersonations {
  static final Duration REFRESH = Duration.ofMillis(250);
  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();
  private final ReentrantLock loading = new ReentrantLock();
  private volatile Map<UUID, Impersonations.Active> byImpersonator = Map.of();
  private volatile Instant loadedAt = Instant.EPOCH;
  private volatile boolean stale = true;

  ActiveImpersonations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open, unexpired impersonation of this user, if any (the target not yet judged). */
  Impersonations.@Nullable Active of(UUID impersonatorId) {
    Instant now = clock.instant();
    if (stale) {
      loading.lock(); // this node changed one: wait for the reload
      try {
        if (stale) {
          load(now);
        }
      } finally {
        loading.unlock();
      }
    } else if (now.isAfter(loadedAt.plus(REFRESH)) && loading.tryLock()) {
      try { // one request reloads; the others use the copy in hand meanwhile
        load(now);
      } finally {
        loading.unlock();
      }
    }
    Impersonations.Active a = byImpersonator.get(impersonatorId);
    return a != null && now.isBefore(a.expiresAt()) ? a : null;
  }

  /** Marks the copy stale once the current transaction commits (at once without one). */
  void changed() {
    stale = true;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              stale = true;
            }
          });
    }
  }

  private void load(Instant now) {
    stale = false; // set first: a change committed while loading marks it stale again
    byImpersonator =
        jdbc
            .sql(
                """
            select id, impersonator_id, target_id, reason, started_at, expires_at
              from impersonation where ended_at is null and expires_at > now()
            """)
            .query(Rows.of(Impersonations.Active.class))
            .list()
            .stream()
            .collect(Collectors.toUnmodifiableMap(Impersonations.Active::impersonatorId, a -> a));
    loadedAt = now;
  }
}
