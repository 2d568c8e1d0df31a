package dev.tenantry.authz.internal;

import dev.tenantry.authz.PolicyChangeListener;
import dev.tenantry.authz.PolicyChangeListener.Applied;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantNode;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The node's current {@link PolicySnapshot}, kept fresh from the {@code policy_change} feed (DESIGN
 * §6, docs/multi-node.md).
 *
 * <p>Watermark protocol: a catch-up takes the database snapshot first, reads every change row with
 * {@code xid >= watermark}, reloads those entities' current rows in the same REPEATABLE READ
 * snapshot and applies them; then {@code watermark = xmin}. Every transaction below xmin had
 * finished when the snapshot was taken, so nothing it wrote can appear later; a transaction at or
 * above xmin (possibly still running, committing late) is read again by the next catch-up.
 * Re-applying is harmless: each change carries the whole current entity.
 *
 * <p>Loss-proof: the node registers in {@code policy_node} and heartbeats its watermark; pruning
 * keeps every row above the lowest live watermark and moves a horizon. A catch-up that finds its
 * watermark below the horizon (it was paused or partitioned longer than the node timeout) reloads
 * fully instead of applying an incomplete feed.
 *
 * <p>{@link #hasApplied(long)} answers read-your-writes: a write's transaction id is applied once a
 * catch-up's snapshot shows it finished.
 */
@Component
public class PolicyStore {
  private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);
  private static final long NONE = Long.MIN_VALUE;
  private static final int MAX_PENDING = 100_000;

  /**
   * Above this many changed entities (a bulk import), one full load is cheaper than reloading them
   * one by one.
   */
  static final int FULL_LOAD_ABOVE = 50_000;

  private final PolicyConnections db;
  final FeedSettings settings;
  private final MeterRegistry meters;
  private final UUID nodeId = UUID.randomUUID();
  private final AtomicReference<PolicySnapshot> current =
      new AtomicReference<>(PolicySnapshot.empty());
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong tickets = new AtomicLong();
  private long
      served; // guarded by lock: the changes of every caller holding a ticket <= served are applied
  private volatile long watermark;
  private volatile DbSnapshot applied = DbSnapshot.NONE;
  private volatile long lastCatchUpNanos = System.nanoTime(); // when the last good catch-up began
  private volatile long lastHeartbeatNanos = System.nanoTime();
  private final long staleAfterNanos;

  /** Announced revisions not applied yet: {xid, nanoTime heard}, oldest first. */
  private final ConcurrentLinkedDeque<long[]> pending = new ConcurrentLinkedDeque<>();

  private volatile long pendingSinceNanos = NONE; // when the oldest of them was heard
  private final Map<String, String> unparsed = new ConcurrentHashMap<>();
  private final Counter unparsedRows;
  private final Counter consistencyMismatches;
  private volatile ObjectProvider<PolicyChangeListener> listeners;

  PolicyStore(
      PolicyConnections db, BuiltInRoleSync builtIns, FeedSettings settings, MeterRegistry meters) {
    this.db = db;
    this.settings = settings;
    this.meters = meters;
    this.staleAfterNanos = settings.staleAfter.toNanos();
    this.unparsedRows = meters.counter("tenantry.policy.unparsed.rows");
    this.consistencyMismatches = meters.counter("tenantry.policy.consistency.mismatches");
    Gauge.builder("tenantry.policy.snapshot.age", this, s -> s.snapshotAgeSeconds())
        .baseUnit("seconds")
        .description("Seconds since the database snapshot of this node's last good catch-up")
        .register(meters);
    Gauge.builder("tenantry.policy.lag", this, s -> s.lagSeconds())
        .baseUnit("seconds")
        .description("Seconds this node has not applied the newest revision announced by NOTIFY")
        .register(meters);
    Gauge.builder("tenantry.policy.watermark", this, s -> (double) s.watermark).register(meters);
    Gauge.builder("tenantry.policy.unparsed.current", unparsed, Map::size).register(meters);
    builtIns.sync();
    register();
    reload();
  }

  /** The node-local read models told of each catch-up ({@link PolicyChangeListener}). */
  @Autowired
  void setListeners(ObjectProvider<PolicyChangeListener> listeners) {
    this.listeners = listeners;
  }

  public PolicySnapshot snapshot() {
    return current.get();
  }

  public long revision() {
    return watermark;
  }

  UUID nodeId() {
    return nodeId;
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
      long started = System.nanoTime();
      inSnapshot(this::catchUpOnce);
      lastCatchUpNanos = started;
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
      long started = System.nanoTime();
      inSnapshot(c -> loadAll(c, DbSnapshot.current(c), "requested"));
      lastCatchUpNanos = started;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load the policy snapshot", e);
    } finally {
      lock.unlock();
    }
  }

  /** True once this node has applied the write of transaction {@code xid} (read-your-writes). */
  public boolean hasApplied(long xid) {
    return applied.shows(xid);
  }

  /**
   * Waits, bounded by {@code tenantry.policy.read-your-writes-wait}, until this node has applied
   * transaction {@code xid}; then 503 with Retry-After. A revision that is not a committed or
   * running transaction (in the future, or rolled back) is refused as invalid (400).
   */
  public void awaitApplied(long xid) {
    if (hasApplied(xid)) {
      return;
    }
    long deadline = System.nanoTime() + settings.readYourWritesWait.toNanos();
    catchUp();
    if (hasApplied(xid)) {
      return;
    }
    switch (transactionStatus(xid)) {
      case "committed", "in progress" -> {} // wait for it below
      case "gone" -> {
        return; // older than the database keeps track of: long applied
      }
      default ->
          throw ApiException.invalid(
              "X-Policy-Revision " + xid + " is not a revision this database has committed");
    }
    while (System.nanoTime() < deadline) {
      pause();
      catchUp();
      if (hasApplied(xid)) {
        return;
      }
    }
    throw notCurrent("has not applied policy revision " + xid + " yet");
  }

  /** {@code committed}, {@code in progress}, {@code aborted}, {@code future} or {@code gone}. */
  private String transactionStatus(long xid) {
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement("select pg_xact_status((?::text)::xid8)")) {
      ps.setString(1, Long.toString(xid));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String status = rs.getString(1);
        return status == null ? "gone" : status;
      }
    } catch (SQLException e) {
      if ("22023".equals(e.getSQLState())) { // "transaction ID ... is in the future"
        return "future";
      }
      log.warn("Cannot read the status of transaction {}", xid, e);
      return "in progress";
    }
  }

  /**
   * True when this node may be answering from an out-of-date policy: its last good catch-up began
   * more than {@code tenantry.policy.stale-after} ago, or a revision announced that long ago is not
   * applied. Allocation-free: it runs before every check.
   */
  public boolean stale() {
    long now = System.nanoTime();
    long bound = staleAfterNanos;
    long pending = pendingSinceNanos;
    return now - lastCatchUpNanos > bound || (pending != NONE && now - pending > bound);
  }

  /** Catches up, bounded like read-your-writes; 503 with Retry-After if still stale. */
  public void awaitFresh() {
    long deadline = System.nanoTime() + settings.readYourWritesWait.toNanos();
    do {
      catchUp();
      if (!stale()) {
        return;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw notCurrent("lags behind the newest policy revision");
  }

  /** NOTIFY said transaction {@code xid} committed a policy change. */
  void announced(long xid) {
    if (applied.shows(xid) || pending.size() >= MAX_PENDING) {
      return;
    }
    long now = System.nanoTime();
    pending.addLast(new long[] {xid, now});
    if (pendingSinceNanos == NONE) {
      pendingSinceNanos = now;
    }
  }

  double snapshotAgeSeconds() {
    return (System.nanoTime() - lastCatchUpNanos) / 1e9;
  }

  double lagSeconds() {
    long pending = pendingSinceNanos;
    return pending == NONE ? 0 : (System.nanoTime() - pending) / 1e9;
  }

  /** Rows of the current snapshot read deny-only because they could not be parsed (key → why). */
  Map<String, String> unparsed() {
    return Map.copyOf(unparsed);
  }

  /** Registers this node in {@code policy_node} with the current xmin (before loading). */
  private void register() {
    try (Connection c = db.open()) {
      FeedNodes.register(c, nodeId, hostName(), DbSnapshot.current(c).xmin());
      lastHeartbeatNanos = System.nanoTime();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot register this node in policy_node", e);
    }
  }

  /** Records that this node is alive and how far it has read; re-registers if it was removed. */
  void heartbeat(Connection c) throws SQLException {
    long started = System.nanoTime();
    if (!FeedNodes.heartbeat(c, nodeId, watermark)) {
      log.warn("This node was taken for dead and removed from policy_node; registering again");
      FeedNodes.register(c, nodeId, hostName(), watermark);
    }
    lastHeartbeatNanos = started;
  }

  @PreDestroy
  void deregister() {
    try (Connection c = db.open()) {
      FeedNodes.deregister(c, nodeId);
    } catch (SQLException | RuntimeException e) {
      log.debug("Could not deregister node {}", nodeId, e);
    }
  }

  /**
   * Compares this node's incremental snapshot with a fresh full load of the same database snapshot:
   * the decisions of up to {@code sampleUsers} users (every permission). On a mismatch the fresh
   * load replaces the snapshot. Returns true when they matched.
   */
  boolean checkConsistency(int sampleUsers) {
    lock.lock();
    try {
      boolean[] same = {true};
      inSnapshot(
          c -> {
            catchUpOnce(c);
            PolicySnapshot incremental = current.get();
            UnparsedRows bad = new UnparsedRows();
            PolicySnapshot fresh = SnapshotLoader.loadAll(c, watermark, bad);
            List<UUID> users = sampleUsers(c, sampleUsers);
            List<String> diffs = ConsistencyCheck.differences(incremental, fresh, users);
            if (!diffs.isEmpty()) {
              same[0] = false;
              consistencyMismatches.increment();
              meters.counter("tenantry.policy.full.loads", "reason", "consistency").increment();
              log.error(
                  "Policy snapshot differs from a fresh load ({} differences, e.g. {}); reloaded",
                  diffs.size(),
                  diffs.subList(0, Math.min(3, diffs.size())));
              current.set(fresh);
              tell(Applied.EVERYTHING);
              replaceUnparsed(bad);
            }
          });
      return same[0];
    } catch (SQLException | RuntimeException e) {
      log.warn("Policy consistency check failed", e);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void catchUpOnce(Connection c) throws SQLException {
    DbSnapshot snap = DbSnapshot.current(c);
    long horizon = FeedNodes.prunedBelow(c);
    if (watermark < horizon) {
      log.warn(
          "Policy feed gap: watermark {} is below the prune horizon {}; reloading fully",
          watermark,
          horizon);
      loadAll(c, snap, "gap");
      return;
    }
    if (System.nanoTime() - lastHeartbeatNanos > settings.nodeTimeout.toNanos()) {
      log.warn("No heartbeat for longer than the node timeout (paused?); reloading fully");
      loadAll(c, snap, "heartbeat");
      lastHeartbeatNanos = System.nanoTime(); // reloaded since the silence: once is enough
      return;
    }
    Map<EntityKind, Set<UUID>> changed = changedSince(c, watermark);
    int count = changed.values().stream().mapToInt(Set::size).sum();
    if (count > FULL_LOAD_ABOVE) {
      loadAll(c, snap, "bulk");
      return;
    } else if (count > 0) {
      UnparsedRows bad = new UnparsedRows();
      List<PolicyChange> changes = SnapshotLoader.reload(c, changed, bad);
      PolicySnapshot before = current.get();
      PolicySnapshot after = before.withChanges(snap.xmin(), changes);
      current.set(after);
      tell(whatChanged(before, after, changed));
      changed.forEach(
          (kind, ids) -> ids.forEach(id -> unparsed.remove(UnparsedRows.key(kind, id))));
      noteUnparsed(bad);
    }
    applied(snap);
  }

  private void loadAll(Connection c, DbSnapshot snap, String reason) throws SQLException {
    UnparsedRows bad = new UnparsedRows();
    current.set(SnapshotLoader.loadAll(c, snap.xmin(), bad));
    tell(Applied.EVERYTHING);
    replaceUnparsed(bad);
    meters.counter("tenantry.policy.full.loads", "reason", reason).increment();
    applied(snap);
  }

  /**
   * The tenants whose details a catch-up may have changed: changed tenants with their old and new
   * parents, and the old and new tenants of changed computers. A changed tenant or computer present
   * in neither snapshot (created and removed between two catch-ups, or unreadable) cannot be
   * placed: everything.
   */
  static Applied whatChanged(
      PolicySnapshot before, PolicySnapshot after, Map<EntityKind, Set<UUID>> changed) {
    Set<UUID> out = new HashSet<>();
    for (UUID t : changed.getOrDefault(EntityKind.TENANT, Set.of())) {
      var was = before.tenant(t);
      var is = after.tenant(t);
      if (was.isEmpty() && is.isEmpty()) {
        return Applied.EVERYTHING; // its parent, which may have listed it, is unknown
      }
      out.add(t);
      was.map(TenantNode::parentId).ifPresent(out::add);
      is.map(TenantNode::parentId).ifPresent(out::add);
    }
    for (UUID c : changed.getOrDefault(EntityKind.COMPUTER, Set.of())) {
      var was = before.computer(c).map(ComputerNode::tenantId);
      var is = after.computer(c).map(ComputerNode::tenantId);
      if (was.isEmpty() && is.isEmpty()) {
        return Applied.EVERYTHING;
      }
      was.ifPresent(out::add);
      is.ifPresent(out::add);
    }
    return new Applied(
        false,
        out,
        changed.getOrDefault(EntityKind.ROLE, Set.of()),
        changed.getOrDefault(EntityKind.GROUP, Set.of()));
  }

  private void tell(Applied change) {
    if (change.isEmpty()) {
      return;
    }
    ObjectProvider<PolicyChangeListener> l = listeners;
    if (l == null) {
      return;
    }
    l.forEach(
        listener -> {
          try {
            listener.applied(change);
          } catch (RuntimeException e) {
            log.error("Policy change listener {} failed", listener, e);
          }
        });
  }

  private void applied(DbSnapshot snap) {
    watermark = snap.xmin();
    applied = snap;
    pending.removeIf(p -> snap.shows(p[0]));
    long oldest = NONE;
    for (long[] p : pending) {
      oldest = oldest == NONE ? p[1] : Math.min(oldest, p[1]);
    }
    pendingSinceNanos = oldest;
  }

  private void replaceUnparsed(UnparsedRows bad) {
    unparsed.clear();
    noteUnparsed(bad);
  }

  private void noteUnparsed(UnparsedRows bad) {
    bad.problems()
        .forEach(
            (key, why) -> {
              log.error("Policy row {} cannot be parsed ({}); it is read deny-only", key, why);
              unparsedRows.increment();
              unparsed.put(key, why);
            });
  }

  /**
   * The entities changed at or above the watermark. The watermark is written into the statement as
   * a literal (a {@code long}: nothing to escape) and the statement is not a prepared one: the
   * driver prepares a repeated statement on the server after five uses, and PostgreSQL's generic
   * plan for {@code xid >= $1} assumes a third of the feed matches — a sequential scan of the whole
   * feed. PostgreSQL keeps a generic plan once it took it, which it does after a few catch-ups over
   * a long stretch of the feed (a node starting, a bulk import): from then on every catch-up of a
   * few rows scanned the feed (0.59 ms against 0.02 ms with 6,000 feed rows, docs/benchmarks.md
   * "Policy-feed catch-up"). With the value in the text every catch-up is planned for its own
   * watermark: an index range scan, or a sequential scan when most of the feed is asked for.
   */
  static Map<EntityKind, Set<UUID>> changedSince(Connection c, long watermark) throws SQLException {
    Map<EntityKind, Set<UUID>> out = new EnumMap<>(EntityKind.class);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(changedSinceSql(watermark))) {
      while (rs.next()) {
        out.computeIfAbsent(EntityKind.valueOf(rs.getString(1)), k -> new HashSet<>())
            .add(rs.getObject(2, UUID.class));
      }
    }
    return out;
  }

  static String changedSinceSql(long watermark) {
    return "select distinct entity_kind, entity_id from policy_change where xid >= '"
        + Long.toUnsignedString(watermark)
        + "'::xid8";
  }

  private static List<UUID> sampleUsers(Connection c, int n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id from app_user order by random() limit ?")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        List<UUID> out = new java.util.ArrayList<>();
        while (rs.next()) {
          out.add(rs.getObject(1, UUID.class));
        }
        return out;
      }
    }
  }

  private ApiException notCurrent(String what) {
    long seconds = Math.max(1, settings.readYourWritesWait.toSeconds());
    return new ApiException(
        ErrorCode.POLICY_NOT_CURRENT,
        "This node " + what + "; try again shortly",
        Map.of("retryAfterSeconds", seconds));
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
    } catch (java.io.IOException e) {
      return "pid " + ProcessHandle.current().pid();
    }
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
