package dev.tenantry.authz.internal;

import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The node's current {@link PolicySnapshot}, kept fresh from the {@code policy_change} feed (DESIGN
 * §6).
 *
 * <p>Watermark protocol: a catch-up takes {@code xmin = pg_snapshot_xmin(pg_current_snapshot())}
 * first, reads every change row with {@code xid >= watermark}, reloads those entities' current rows
 * in the same REPEATABLE READ snapshot and applies them; then {@code watermark = xmin}. Every
 * transaction below xmin had finished when the snapshot was taken, so nothing it wrote can appear
 * later; a transaction at or above xmin (possibly still running, committing late) is read again by
 * the next catch-up. Re-applying is harmless: each change carries the whole current entity.
 *
 * <p>{@link #revision()} is the watermark: this node reflects every transaction with an id below
 * it.
 */
@Component
public class PolicyStore {
  private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);

  /**
   * Above this many changed entities (a bulk import), one full load is cheaper than reloading them
   * one by one.
   */
  static final int FULL_LOAD_ABOVE = 50_000;

  private final PolicyConnections db;
  private final AtomicReference<PolicySnapshot> current =
      new AtomicReference<>(PolicySnapshot.empty());
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong tickets = new AtomicLong();
  private long
      served; // guarded by lock: the changes of every caller holding a ticket <= served are applied
  private volatile long watermark;

  PolicyStore(PolicyConnections db, BuiltInRoleSync builtIns) {
    this.db = db;
    builtIns.sync();
    reload();
  }

  public PolicySnapshot snapshot() {
    return current.get();
  }

  public long revision() {
    return watermark;
  }

  /**
   * Applies every change committed before this call. Concurrent callers share one catch-up when it
   * started after they arrived. Failures are logged and retried by the next call (the poll runs
   * every second).
   */
  public void catchUp() {
    long ticket = tickets.incrementAndGet();
    lock.lock();
    try {
      if (served >= ticket) {
        return;
      }
      long upTo = tickets.get();
      inSnapshot(this::catchUpOnce);
      served = upTo;
    } catch (SQLException | RuntimeException e) {
      log.warn("Policy catch-up failed; retrying on the next commit or poll", e);
    } finally {
      lock.unlock();
    }
  }

  /** Replaces the snapshot with a full load. */
  public void reload() {
    lock.lock();
    try {
      inSnapshot(
          c -> {
            long xmin = SnapshotLoader.snapshotXmin(c);
            current.set(SnapshotLoader.loadAll(c, xmin));
            watermark = xmin;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load the policy snapshot", e);
    } finally {
      lock.unlock();
    }
  }

  private void catchUpOnce(Connection c) throws SQLException {
    long xmin = SnapshotLoader.snapshotXmin(c);
    Map<EntityKind, Set<UUID>> changed = changedSince(c, watermark);
    int count = changed.values().stream().mapToInt(Set::size).sum();
    if (count > FULL_LOAD_ABOVE) {
      current.set(SnapshotLoader.loadAll(c, xmin));
    } else if (count > 0) {
      List<PolicyChange> changes = SnapshotLoader.reload(c, changed);
      current.set(current.get().withChanges(xmin, changes));
    }
    watermark = xmin;
  }

  private static Map<EntityKind, Set<UUID>> changedSince(Connection c, long watermark)
      throws SQLException {
    Map<EntityKind, Set<UUID>> out = new EnumMap<>(EntityKind.class);
    try (PreparedStatement ps =
        c.prepareStatement(
            "select distinct entity_kind, entity_id from policy_change where xid >= (?::text)::xid8")) {
      ps.setString(1, Long.toString(watermark));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(EntityKind.valueOf(rs.getString(1)), k -> new HashSet<>())
              .add(rs.getObject(2, UUID.class));
        }
      }
    }
    return out;
  }

  interface SnapshotWork {
    void run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one read-only REPEATABLE READ transaction on the policy pool. */
  private void inSnapshot(SnapshotWork work) throws SQLException {
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
