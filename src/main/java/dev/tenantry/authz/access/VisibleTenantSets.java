package dev.tenantry.authz.access;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Large visible tenant sets stored in the database ({@code visible_tenant_set}, V113), so that a
 * list filters by an index probe per row ({@code exists (… set_id = X and tenant_id = t)}) instead
 * of an array of thousands of ids, which PostgreSQL either plans slowly (a custom plan estimates
 * every element) or wrongly (a generic plan assumes ten elements and sorts half a million rows).
 *
 * <p>A set is content-addressed: its id is the first 128 bits of the SHA-256 of its sorted members,
 * so it never changes once written, and every node and user with the same set share one copy; a
 * different set (a grant added or revoked) is a different id. Sets are written on a small pool of
 * their own (never inside the caller's transaction, which may be read-only, and never starving the
 * request pool), then vacuumed and analysed: analysed so that the planner knows their size,
 * vacuumed so that the visibility map covers the new rows and each probe is an index-only scan
 * (without it, every probe also read the table row until autovacuum came by). A node trusts a set
 * it has seen for {@link #TRUST_SECONDS} and then touches it again; sets no node touched for a day
 * are removed. Any failure here falls back to the array filter: slower, never wrong.
 */
@Component
public class VisibleTenantSets implements AutoCloseable {
  /** Sets this large or larger are stored; smaller ones stay array parameters. */
  public static final int THRESHOLD = 200;

  static final long TRUST_SECONDS = 300;
  private static final long GC_EVERY_SECONDS = 3600;
  private static final Logger log = LoggerFactory.getLogger(VisibleTenantSets.class);

  private final HikariDataSource pool;
  private final int threshold;
  private final ConcurrentHashMap<UUID, Long> trustedUntil = new ConcurrentHashMap<>();
  private volatile long nextGc;

  VisibleTenantSets(
      DataSource app, @Value("${tenantry.lists.stored-set-threshold:" + THRESHOLD + "}") int min)
      throws SQLException {
    HikariDataSource main = app.unwrap(HikariDataSource.class);
    HikariConfig c = new HikariConfig();
    c.setPoolName("tenantry-visible-sets");
    c.setJdbcUrl(main.getJdbcUrl());
    c.setUsername(main.getUsername());
    c.setPassword(main.getPassword());
    c.setMaximumPoolSize(2);
    c.setMinimumIdle(0);
    c.setIdleTimeout(60_000);
    c.setConnectionTimeout(2000); // a busy pool means the array filter this time, not a wait
    this.pool = new HikariDataSource(c);
    this.threshold = min;
  }

  /** The id of the stored set with exactly these tenants; empty for a small set or on failure. */
  public Optional<UUID> idOf(Collection<UUID> tenantIds) {
    if (tenantIds.size() < threshold) {
      return Optional.empty();
    }
    UUID[] sorted = sorted(tenantIds);
    return idOf(contentId(sorted), sorted);
  }

  /** True when a set of this many tenants is stored (else it stays an array parameter). */
  boolean stores(int size) {
    return size >= threshold;
  }

  static UUID[] sorted(Collection<UUID> tenantIds) {
    UUID[] sorted = tenantIds.toArray(UUID[]::new);
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * {@link #idOf(Collection)} for a set whose sorted members and content id the caller already has
   * (a cached grant): stored or touched again once the trust period has passed.
   */
  Optional<UUID> idOf(UUID id, UUID[] sorted) {
    long now = System.nanoTime();
    Long until = trustedUntil.get(id);
    if (until != null && until - now > 0) {
      return Optional.of(id);
    }
    try {
      store(id, sorted);
      trustedUntil.put(id, now + TRUST_SECONDS * 1_000_000_000L);
      return Optional.of(id);
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not store visible tenant set {}: {}", id, e.toString());
      return Optional.empty();
    }
  }

  /** The set's id: SHA-256 over the sorted members (16 bytes each), first 128 bits. */
  static UUID contentId(UUID[] sorted) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(16);
      for (UUID t : sorted) {
        b.clear();
        b.putLong(t.getMostSignificantBits()).putLong(t.getLeastSignificantBits());
        sha.update(b.array());
      }
      ByteBuffer d = ByteBuffer.wrap(sha.digest());
      return new UUID(d.getLong(), d.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Touches the set, or writes it (head and members in one transaction) and analyses the table. */
  private void store(UUID id, UUID[] members) throws SQLException {
    boolean written = false;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!touch(c, id, members.length)) {
          try (PreparedStatement head =
              c.prepareStatement(
                  "insert into visible_tenant_set_head (set_id, tenants) values (?, ?)"
                      + " on conflict (set_id) do nothing")) {
            head.setObject(1, id);
            head.setInt(2, members.length);
            written = head.executeUpdate() == 1;
          }
          if (written) {
            try (PreparedStatement rows =
                c.prepareStatement(
                    "insert into visible_tenant_set (set_id, tenant_id)"
                        + " select ?, unnest(?::uuid[])")) {
              rows.setObject(1, id);
              rows.setArray(2, c.createArrayOf("uuid", members));
              rows.executeUpdate();
            }
          } else if (!touch(c, id, members.length)) { // written by another node meanwhile
            throw new SQLException("visible tenant set " + id + " has the wrong size");
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      c.setAutoCommit(true);
      if (written) {
        try (var st = c.createStatement()) {
          st.execute("vacuum (analyze) visible_tenant_set");
        }
        collectGarbage(c);
      }
    }
  }

  private static boolean touch(Connection c, UUID id, int size) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update visible_tenant_set_head set used_at = now() where set_id = ?"
                + " returning tenants")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        if (rs.getInt(1) != size) {
          throw new SQLException("visible tenant set " + id + " has the wrong size");
        }
        return true;
      }
    }
  }

  /** Removes sets no node touched for a day (a node touches what it uses every few minutes). */
  private void collectGarbage(Connection c) throws SQLException {
    long now = System.nanoTime();
    if (nextGc != 0 && nextGc - now > 0) {
      return;
    }
    nextGc = now + GC_EVERY_SECONDS * 1_000_000_000L;
    try (var st = c.createStatement()) {
      st.executeUpdate(
          "delete from visible_tenant_set_head where used_at < now() - interval '1 day'");
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
