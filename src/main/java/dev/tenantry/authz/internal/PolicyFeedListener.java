package dev.tenantry.authz.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Changes made by other nodes: a dedicated connection LISTENs on {@code tenantry_policy}; each
 * notification (its payload is the writer's transaction id, an announced revision) and every second
 * without one (the poll fallback, e.g. after a lost notification or a reconnect) triggers a
 * catch-up. On the same connection it heartbeats this node's watermark, prunes the change rows
 * every live node has read, and now and then compares the snapshot with a fresh load.
 */
@Component
class PolicyFeedListener implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PolicyFeedListener.class);
  static final int POLL_MILLIS = 1000;

  private final PolicyConnections db;
  private final PolicyStore store;
  private final FeedSettings settings;
  private volatile boolean running;
  private Thread thread;

  PolicyFeedListener(PolicyConnections db, PolicyStore store) {
    this.db = db;
    this.store = store;
    this.settings = store.settings;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("policy-feed").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    thread.interrupt();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    long nextHeartbeat = System.nanoTime();
    long nextPrune = System.nanoTime() + settings.pruneEvery.toNanos();
    long nextCheck = System.nanoTime() + settings.consistencyEvery.toNanos();
    while (running) {
      try (Connection c = db.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("listen tenantry_policy");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        store.catchUp(); // whatever happened while we were not listening
        while (running) {
          // returns on a notification or after the poll interval
          PGNotification[] heard = pg.getNotifications(POLL_MILLIS);
          announce(heard);
          delayForTests();
          store.catchUp();
          long now = System.nanoTime();
          if (now - nextHeartbeat >= 0) {
            store.heartbeat(c);
            nextHeartbeat = now + settings.heartbeatEvery.toNanos();
          }
          if (now - nextPrune >= 0) {
            prune(c);
            nextPrune = now + settings.pruneEvery.toNanos();
          }
          if (now - nextCheck >= 0) {
            store.checkConsistency(settings.consistencySampleUsers);
            nextCheck = System.nanoTime() + settings.consistencyEvery.toNanos();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Policy feed connection lost; reconnecting", e);
          sleepQuietly(POLL_MILLIS);
        }
      }
    }
  }

  private void announce(PGNotification[] heard) {
    if (heard == null) {
      return;
    }
    for (PGNotification n : heard) {
      String payload = n.getParameter();
      if (payload != null && !payload.isEmpty()) {
        try {
          store.announced(Long.parseLong(payload));
        } catch (NumberFormatException e) {
          log.debug("Ignoring a policy notification with payload {}", payload);
        }
      }
    }
  }

  private void delayForTests() {
    if (!settings.applyDelay.isZero()) {
      sleepQuietly(settings.applyDelay.toMillis());
    }
  }

  private void prune(Connection c) throws SQLException {
    int n = FeedNodes.prune(c, settings.nodeTimeout);
    log.debug("Pruned {} policy change rows", n);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
