package dev.tenantry.authz.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The nodes of the cluster as the feed knows them ({@code policy_node}, V70): registration,
 * heartbeat with the node's watermark, the prune horizon, and pruning that keeps every change row a
 * live node has not read yet.
 */
final class FeedNodes {
  private FeedNodes() {}

  static void register(Connection c, UUID node, String host, long watermark) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            insert into policy_node (id, host, watermark) values (?, ?, (?::text)::xid8)
            on conflict (id) do update set heartbeat_at = clock_timestamp(), watermark = excluded.watermark""")) {
      ps.setObject(1, node);
      ps.setString(2, host.length() > 200 ? host.substring(0, 200) : host);
      ps.setString(3, Long.toString(watermark));
      ps.executeUpdate();
    }
  }

  /** False when the node's row is gone (it was taken for dead and removed). */
  static boolean heartbeat(Connection c, UUID node, long watermark) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update policy_node set heartbeat_at = clock_timestamp(), watermark = (?::text)::xid8"
                + " where id = ?")) {
      ps.setString(1, Long.toString(watermark));
      ps.setObject(2, node);
      return ps.executeUpdate() == 1;
    }
  }

  static void deregister(Connection c, UUID node) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from policy_node where id = ?")) {
      ps.setObject(1, node);
      ps.executeUpdate();
    }
  }

  /** Change rows with an xid below this may have been pruned. */
  static long prunedBelow(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select pruned_below::text from policy_feed_horizon where id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
    }
  }

  /**
   * Deletes the change rows below the lowest watermark of the nodes that heartbeat within {@code
   * liveWindow} (and below the oldest running transaction), after moving the horizon there in the
   * same statement. A node missing from that minimum (dead, or paused longer than the window) finds
   * its watermark below the horizon when it resumes and reloads fully. Returns the rows deleted.
   */
  static int prune(Connection c, Duration liveWindow) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            with live as (
                select min(watermark) as w from policy_node
                where heartbeat_at > clock_timestamp() - make_interval(secs => ?)
            ), target as (
                select least(w, pg_snapshot_xmin(pg_current_snapshot())) as h from live where w is not null
            ), moved as (
                update policy_feed_horizon set pruned_below = greatest(pruned_below, (select h from target))
                where id = 1 and exists (select 1 from target)
                returning pruned_below
            )
            delete from policy_change where xid < (select pruned_below from moved)""")) {
      ps.setDouble(1, liveWindow.toMillis() / 1000.0);
      int n = ps.executeUpdate();
      try (PreparedStatement gone =
          c.prepareStatement(
              "delete from policy_node where heartbeat_at < clock_timestamp() - interval '1 day'")) {
        gone.executeUpdate();
      }
      return n;
    }
  }
}
