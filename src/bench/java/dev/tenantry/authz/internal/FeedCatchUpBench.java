package dev.tenantry.authz.internal;

import dev.tenantry.bench.BenchDoc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The policy-feed catch-up's feed read, before and after (issue 10 follow-up), run by {@code
 * ./tenantry mvn -B -P bench verify -Dbench.args=-Dbench.feed=true}: a fresh embedded PostgreSQL
 * with the real migrations, the feed table filled as a pruned feed looks ({@value #ROUNDS} rounds
 * of {@value #PER_ROUND} changes, each round pruning what is two rounds old and vacuumed, so new
 * rows land in freed space), then one connection asks for the changes above a recent watermark (3
 * rows) {@value #CALLS} times: the old way (a prepared statement, which the driver prepares on the
 * server after five uses, after {@value #WIDE} catch-ups over most of the feed — a node starting, a
 * bulk import — so that PostgreSQL settles on its generic plan) and the new way ({@link
 * PolicyStore#changedSince}, the watermark as a literal). Figures: time per catch-up read seen by
 * the client and the server backend's own CPU per read (from /proc, which the machine's load
 * disturbs far less), and PostgreSQL's plans. Writes them into docs/benchmarks.md between {@code
 * <!-- feed-bench -->} markers inside the notes.
 */
public final class FeedCatchUpBench {
  static final int ROUNDS = 30;
  static final int PER_ROUND = 2_000;
  static final int WIDE = 12;
  static final int CALLS = 5_000;

  private FeedCatchUpBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    String loadBefore = BenchDoc.load();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      long recent;
      long wide;
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement()) {
        st.execute("truncate policy_change");
        for (int r = 1; r <= ROUNDS; r++) {
          st.execute(
              "insert into policy_change (entity_kind, entity_id, xid)"
                  + " select 'COMPUTER', gen_random_uuid(), ("
                  + (r * 100_000L)
                  + " + g)::text::xid8 from generate_series(1, "
                  + PER_ROUND
                  + ") g order by random()");
          st.execute("delete from policy_change where xid < '" + ((r - 2) * 100_000L) + "'::xid8");
          st.execute("vacuum policy_change");
        }
        st.execute("analyze policy_change");
        recent = ROUNDS * 100_000L + PER_ROUND - 2;
        wide = (ROUNDS - 2) * 100_000L;
        f.put("feed_rows", "" + one(st, "select count(*) from policy_change"));
        f.put("feed_pages", "" + one(st, "select pg_relation_size('policy_change') / 8192"));
      }
      try (Connection c = ds.getConnection()) {
        // the old way, as PolicyStore ran it before
        String old =
            "select distinct entity_kind, entity_id from policy_change where xid >= (?::text)::xid8";
        for (int i = 0; i < WIDE; i++) {
          prepared(c, old, wide);
        }
        double[] before = measure(c, () -> prepared(c, old, recent));
        f.put("feed_catchup_prepared_us", fmt(before[0]));
        f.put("feed_catchup_prepared_backend_cpu_us", fmt(before[1]));
        f.put("feed_catchup_prepared_rows", "" + prepared(c, old, recent));
        try (Statement st = c.createStatement()) {
          f.put(
              "feed_catchup_prepared_plan",
              "'"
                  + one(
                      st,
                      "select string_agg(generic_plans || ' generic / ' || custom_plans || ' custom', ',')"
                          + " from pg_prepared_statements where statement like '%policy_change where xid >=%'")
                  + "'");
        }
        double[] after = measure(c, () -> PolicyStore.changedSince(c, recent).size());
        f.put("feed_catchup_literal_us", fmt(after[0]));
        f.put("feed_catchup_literal_backend_cpu_us", fmt(after[1]));
        f.put("feed_catchup_cpu_ratio", fmt(before[1] / after[1]));
        try (Statement st = c.createStatement()) {
          st.execute("set plan_cache_mode = force_generic_plan");
          st.execute("prepare generic_probe(text) as " + old.replace("?", "$1"));
          plan(st, "explain analyze execute generic_probe('" + recent + "')", "generic", f);
          st.execute("reset plan_cache_mode");
          plan(st, "explain analyze " + PolicyStore.changedSinceSql(recent), "literal", f);
        }
      }
    }
    f.put("load_before", loadBefore);
    f.put("load_after", BenchDoc.load());
    f.forEach((k, v) -> System.out.println(k + "=" + v));
    write(f);
  }

  interface Call {
    int run() throws SQLException;
  }

  /** Client time per call (µs) and the backend's CPU per call (µs), over {@link #CALLS} calls. */
  private static double[] measure(Connection c, Call call) throws Exception {
    for (int i = 0; i < 200; i++) {
      call.run();
    }
    long cpu0 = backendCpuTicks(c);
    long t0 = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    long nanos = System.nanoTime() - t0;
    long cpu1 = backendCpuTicks(c);
    return new double[] {nanos / 1e3 / CALLS, (cpu1 - cpu0) * 10_000.0 / CALLS};
  }

  private static int prepared(Connection c, String sql, long watermark) throws SQLException {
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Long.toString(watermark));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
    }
    return n;
  }

  /** utime + stime of this connection's backend, in clock ticks (10 ms). */
  private static long backendCpuTicks(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_read_file('/proc/self/stat')")) {
      rs.next();
      String stat = rs.getString(1);
      String[] x = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(x[11]) + Long.parseLong(x[12]);
    }
  }

  private static void plan(Statement st, String sql, String name, Map<String, String> f)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    lines.forEach(l -> System.out.println("plan " + name + ": " + l));
    String scan =
        lines.stream()
            .filter(l -> l.contains("Scan on") || l.contains("Scan using"))
            .map(l -> l.strip().replaceAll("^->\\s*", "").replaceAll("\\s+\\(cost.*", ""))
            .findFirst()
            .orElse("?");
    f.put("feed_catchup_" + name + "_scan", "'" + scan + "'");
    lines.stream()
        .filter(l -> l.strip().startsWith("Execution Time:"))
        .findFirst()
        .ifPresent(
            l -> f.put("feed_catchup_" + name + "_execution_ms", l.replaceAll("[^0-9.]", "")));
  }

  private static Object one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  private static String fmt(double v) {
    return String.format("%.1f", v);
  }

  private static void write(Map<String, String> f) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("### Policy-feed catch-up, written by the feed benchmark on " + Instant.now());
    lines.add("");
    lines.add(
        "Command: `./tenantry mvn -B -P bench verify -Dbench.args=-Dbench.feed=true`. A pruned feed ("
            + ROUNDS
            + " rounds of "
            + PER_ROUND
            + " changes, each pruning what is two rounds old, vacuumed); one connection reads the 3 changes"
            + " above a recent watermark "
            + CALLS
            + " times: `prepared` = the statement as PolicyStore ran it before (server-prepared by the"
            + " driver; after "
            + WIDE
            + " wide catch-ups PostgreSQL keeps its generic plan), `literal` = PolicyStore.changedSince now."
            + " `_us` = client time per read, `_backend_cpu_us` = the PostgreSQL backend's CPU per read.");
    lines.add("");
    BenchDoc.writeSection("feed-bench", lines, f);
  }
}
