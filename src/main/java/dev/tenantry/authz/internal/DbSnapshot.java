package dev.tenantry.authz.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A PostgreSQL snapshot ({@code pg_current_snapshot()}): every transaction below {@code xmin} had
 * finished when it was taken; of those in {@code [xmin, xmax)}, all but the ones in {@code xip}
 * (still running) had finished. A catch-up that read the feed in this snapshot reflects every
 * transaction it {@link #shows}.
 */
record DbSnapshot(long xmin, long xmax, long[] xip) {
  static final DbSnapshot NONE = new DbSnapshot(0, 0, new long[0]);

  /** True when transaction {@code xid} had finished (so, if it committed, is visible) here. */
  boolean shows(long xid) {
    if (xid < xmin) {
      return true;
    }
    if (xid >= xmax) {
      return false;
    }
    for (long running : xip) {
      if (running == xid) {
        return false;
      }
    }
    return true;
  }

  static DbSnapshot current(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_current_snapshot()::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return parse(rs.getString(1));
    }
  }

  /** Parses the text form {@code xmin:xmax:xip,xip,…}. */
  static DbSnapshot parse(String text) {
    String[] parts = text.split(":", -1);
    long[] xip =
        parts[2].isEmpty()
            ? new long[0]
            : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
    return new DbSnapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DbSnapshot s
        && s.xmin == xmin
        && s.xmax == xmax
        && Arrays.equals(s.xip, xip);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(xmin) * 31 + Long.hashCode(xmax);
  }

  @Override
  public String toString() {
    return xmin + ":" + xmax + ":" + Arrays.toString(xip);
  }
}
