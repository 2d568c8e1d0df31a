package dev.tenantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/benchmarks.md}. Everything between {@code <!-- notes -->} and {@code <!--
 * /notes -->} in the existing file (the hand-written analysis) is kept.
 */
final class Report {
  private Report() {}

  private record Goal(String figure, String target, double limit, boolean atMost) {
    String verdict(String value) {
      try {
        double v = Double.parseDouble(value);
        return (atMost ? v <= limit : v >= limit) ? "met" : "**missed**";
      } catch (NumberFormatException e) {
        return "not measured";
      }
    }
  }

  private static final List<Goal> GOALS =
      List.of(
          new Goal("check_p50_ns", "≤ 500 ns at full size", 500, true),
          new Goal("check_p99_ns", "≤ 2,000 ns at full size", 2000, true),
          new Goal(
              "alloc_bytes_per_check",
              "0 B per plain check (≤ 0.5 B/op, JMH's accounting noise)",
              0.5,
              true),
          new Goal("jcasbin_ratio_p50_1k", "≥ 1,000× jCasbin's p50 at 1k assignments", 1000, false),
          new Goal(
              "check_growth_1k_to_200k", "p50 grows ≤ 2× from 1k to 200k assignments", 2, true),
          new Goal("update_p99_ms", "one assignment change ≤ 10 ms p99", 10, true),
          new Goal("snapshot_build_ms", "full-size build ≤ 10 s", 10_000, true),
          new Goal("snapshot_heap_mb", "full-size heap ≤ 1 GiB", 1024, true));

  private static final Map<String, String> MEANING =
      Map.ofEntries(
          Map.entry("check_p50_ns", "check, random users (cache-cold), p50 (JMH SampleTime)"),
          Map.entry("check_p99_ns", "check, random users, p99"),
          Map.entry("check_p999_ns", "check, random users, p99.9"),
          Map.entry("check_repeated_user_p50_ns", "check, 16 repeated busy technicians, p50"),
          Map.entry("check_repeated_user_p99_ns", "check, 16 repeated busy technicians, p99"),
          Map.entry("explain_p50_ns", "explain (allocates the explanation), random users, p50"),
          Map.entry("explain_repeated_user_p50_ns", "explain, repeated users, p50"),
          Map.entry(
              "tenants_with_p50_us", "tenantsWith (tenant-set computation), random users, p50"),
          Map.entry("tenants_with_p99_us", "tenantsWith, random users, p99"),
          Map.entry("tenants_with_repeated_user_p50_us", "tenantsWith, repeated users, p50"),
          Map.entry("check_throughput_1t_ops", "check throughput, 1 thread, random users (ops/s)"),
          Map.entry(
              "check_repeated_user_throughput_1t_ops",
              "check throughput, 1 thread, repeated users (ops/s)"),
          Map.entry(
              "check_throughput_2t_ops", "check throughput, 2 threads, random users (ops/s, sum)"),
          Map.entry(
              "check_repeated_user_throughput_2t_ops",
              "check throughput, 2 threads, repeated users (ops/s)"),
          Map.entry(
              "alloc_bytes_per_check",
              "bytes allocated per check, random users (-prof gc, gc.alloc.rate.norm)"),
          Map.entry(
              "alloc_bytes_per_check_repeated_user", "bytes allocated per check, repeated users"),
          Map.entry("check_p50_ns_1k", "check p50 on the 1k-assignment instance"),
          Map.entry("check_p50_ns_10k", "check p50 on the 10k-assignment instance"),
          Map.entry("check_p50_ns_100k", "check p50 on the 100k-assignment instance"),
          Map.entry("check_p50_ns_200k", "check p50 on the full instance (= check_p50_ns)"),
          Map.entry("check_growth_1k_to_200k", "check_p50_ns_200k / check_p50_ns_1k"),
          Map.entry(
              "jcasbin_p50_ns_1k",
              "jCasbin enforce p50, 1k assignments (Casbin-expressible instance)"),
          Map.entry("engine_p50_ns_casbin_1k", "our check p50 on the same instance and requests"),
          Map.entry("jcasbin_ratio_p50_1k", "jcasbin_p50_ns_1k / engine_p50_ns_casbin_1k"),
          Map.entry("jcasbin_p50_ns_10k", "jCasbin enforce p50, 10k assignments (short run)"),
          Map.entry(
              "snapshot_build_ms",
              "in-memory build at full size, median of 3 (input nodes already in memory)"),
          Map.entry("snapshot_build_min_ms", "the fastest of those 3 builds"),
          Map.entry(
              "snapshot_heap_mb",
              "heap retained by the full-size snapshot incl. its node records (used after GC)"),
          Map.entry("update_p50_ms", "one-assignment withChanges at full size, p50 of 5,000"),
          Map.entry("update_p99_ms", "one-assignment withChanges at full size, p99 of 5,000"),
          Map.entry("update_max_ms", "one-assignment withChanges at full size, max of 5,000"),
          Map.entry(
              "pg_copy_ms",
              "bulk COPY of the full-size data into embedded PostgreSQL (set-up, not a target)"),
          Map.entry(
              "snapshot_build_from_pg_ms",
              "SnapshotLoader.loadAll at full size from embedded PostgreSQL, median of 3"));

  static void write(
      Path file, Map<String, String> f, String loadBefore, String loadAfter, long minutes, int full)
      throws IOException {
    String notes = "<!-- notes -->\n<!-- /notes -->";
    String http = "";
    if (Files.exists(file)) {
      String old = Files.readString(file);
      int h = old.indexOf(HttpReport.START);
      int e = old.indexOf(HttpReport.END);
      if (h >= 0 && e > h) {
        http = old.substring(h, e + HttpReport.END.length()) + "\n\n";
      }
      int a = old.indexOf("<!-- notes -->");
      int b = old.indexOf("<!-- /notes -->");
      if (a >= 0 && b > a) {
        notes = old.substring(a, b + "<!-- /notes -->".length());
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("# Engine benchmarks\n\n");
    s.append("Written by `./tenantry bench` (= `mvn -B -P bench verify`) on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append(". Do not edit the tables; ")
        .append("the notes section is kept across runs.\n\n");
    s.append("- Machine: ").append(Machine.describe()).append("\n");
    s.append("- Load (`uptime`, 1/5/15 min): ")
        .append(loadBefore)
        .append(" at the start, ")
        .append(loadAfter)
        .append(" at the end; the run took about ")
        .append(minutes)
        .append(" min\n");
    s.append("- Full size: ")
        .append(full)
        .append(" assignments")
        .append(
            full == BenchData.FULL
                ? " (10,000 tenants to depth 4, 50 tags, 50,000 users, 2,000 groups, 509 roles, 1,000,000 computers)"
                : " (NOT the standard full size)")
        .append("\n");
    s.append("- JMH 1.37, one fork per benchmark, ")
        .append(
            BenchMain.QUICK
                ? "QUICK iterations (development run)"
                : "4 × 2 s warm-up, 5 × 3 s measurement")
        .append(", fork heap ")
        .append(BenchMain.HEAP)
        .append("\n\n");
    s.append("## Targets\n\n| figure | value | target | verdict |\n|---|---|---|---|\n");
    for (Goal g : GOALS) {
      String v = f.getOrDefault(g.figure(), "not measured");
      s.append("| `")
          .append(g.figure())
          .append("` | ")
          .append(v)
          .append(" | ")
          .append(g.target())
          .append(" | ")
          .append(g.verdict(v))
          .append(" |\n");
    }
    s.append("\nWhy each target is met or missed: see the notes below.\n\n");
    s.append("## All figures\n\n| figure | value | what |\n|---|---|---|\n");
    f.forEach(
        (k, v) ->
            s.append("| `")
                .append(k)
                .append("` | ")
                .append(v)
                .append(" | ")
                .append(MEANING.getOrDefault(k, ""))
                .append(" |\n"));
    s.append("\nThe same figures as printed at the end of the run:\n\n```\n");
    f.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    s.append("```\n\n");
    s.append(HOW);
    s.append("## jCasbin model\n\n```ini\n").append(CasbinModel.MODEL).append("```\n\n");
    s.append(http).append(notes).append("\n");
    Files.writeString(file, s.toString());
  }

  private static final String HOW =
      """
      ## How to run

      ```
      ./tenantry bench                      # = mvn -B -P bench verify; about 10 min; writes this file
      ./tenantry bench -Dbench.args=-Dbench.quick=true   # short iterations while developing
      ./tenantry bench -Dbench.args="-Dbench.skip=casbin,scale"  # sections: costs, sample, throughput, scale, casbin, pg
      ```

      The `bench` profile compiles `src/bench/java` (JMH annotation processing) into `target/bench`, skips the
      tests, and runs `dev.tenantry.bench.BenchMain` in a fresh JVM (`-Xmx6g`). BenchMain measures build, heap and
      update costs in its own JVM, then runs each JMH benchmark in its own fork. `./tenantry test` never runs
      benchmarks and needs neither JMH nor jCasbin.

      Data (`BenchData`, seed 42): every count scales with the number of assignments (1k, 10k, 100k, 200k = full).
      MSP-shaped: 10 MSP trees of tenants to depth 4, tags on most tenants and 30% of computers; 20% of users are
      technicians in MSP tenants holding most direct assignments (TENANT with/without children, TENANT_TAG, MSP, a few
      OWNER, RESOURCE by type/tag/computer), customer users hold USERS_TENANT / own-tenant / one-computer assignments;
      40% of groups are technician teams, 60% customer groups (tenant-owned, mostly USERS_TENANT); 20% of assignments
      are to groups; 8% DENY; 4% with an expiry (half past); 3% of users disabled, 2% with expired access.
      Requests (`Requests`): 2^20 pre-generated, users uniformly random (cache-cold) or 16 busy technicians
      repeated; half `*:view` permissions, 47% other tenant-scoped, 3% system; targets 40% client tenants, 57%
      computers, 3% the system.

      jCasbin comparison: the 1k instance is generated without expiries and without inactive users (Casbin has no
      clock; expired assignments would have to be dropped when generating the policy anyway), and the requests hold no
      global objects. Before timing, the set-up asserts that jCasbin and the engine give the same decision on every
      one of the 4,096 requests (the run fails otherwise).

      """;
}
