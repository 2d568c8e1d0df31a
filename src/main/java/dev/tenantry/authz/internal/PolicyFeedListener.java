package dev.tenantry.authz.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Changes made by other nodes: a dedicated connection LISTENs on {@code tenantry_policy}; each
 * notification, and every second without one (the poll fallback, e.g. after a lost notification or
 * a reconnect), triggers a catch-up. Every few minutes it prunes change rows that every live node
 * has long read.
 */
@Component
class PolicyFeedListener implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PolicyFeedListener.class);
  static final int POLL_MILLIS = 1000;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

  /**
   * Rows older than this are pruned once their transaction is finished; nodes poll every second.
   */
  private static final String PRUNE =
      """
      delete from policy_change
      where xid < pg_snapshot_xmin(pg_current_snapshot()) and at < clock_timestamp() - interval '10 minutes'""";

  private final PolicyConnections db;
  private final PolicyStore store;
  private volatile boolean running;
  private Thread thread;

  PolicyFeedListener(PolicyConnections db, PolicyStore store) {
    this.db = db;
    this.store = store;
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
    long nextPrune = System.nanoTime() + PRUNE_EVERY.toNanos();
    while (running) {
      try (Connection c = db.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("listen tenantry_policy");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        store.catchUp(); // whatever happened while we were not listening
        while (running) {
          pg.getNotifications(POLL_MILLIS); // returns on a notification or after the poll interval
          store.catchUp();
          if (System.nanoTime() > nextPrune) {
            prune(c);
            nextPrune = System.nanoTime() + PRUNE_EVERY.toNanos();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Policy feed connection lost; reconnecting", e);
          sleepQuietly();
        }
      }
    }
  }

  private static void prune(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      int n = s.executeUpdate(PRUNE);
      log.debug("Pruned {} policy change rows", n);
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
