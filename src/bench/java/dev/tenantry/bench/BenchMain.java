package dev.tenantry.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./tenantry bench}: measures snapshot costs in this JVM, runs the JMH benchmarks (one fork
 * each), prints one {@code name=value} line per figure and writes {@code docs/benchmarks.md}.
 * System properties: {@code bench.quick} (short iterations, for development), {@code bench.size}
 * (the "full" assignment count), {@code bench.skip} (comma-separated sections: costs, sample,
 * throughput, scale, casbin, pg).
 */
public final class BenchMain {
  static final boolean QUICK = Boolean.getBoolean("bench.quick");
  static final int FULL = Integer.getInteger("bench.size", BenchData.FULL);
  static final String SKIP = System.getProperty("bench.skip", "");
  static final String HEAP = System.getProperty("bench.heap", "-Xmx6g");

  public static void main(String[] args) throws Exception {
    if (Boolean.getBoolean("bench.deployments")) { // issue 12: resolution and precedence
      dev.tenantry.deployments.internal.DeploymentBench.main(args);
      return;
    }
    if (Boolean.getBoolean("bench.feed")) { // the policy feed's catch-up read
      dev.tenantry.authz.internal.FeedCatchUpBench.main(args);
      return;
    }
    if (Boolean.getBoolean("bench.library")) { // issue 11: the library's own figures
      dev.tenantry.library.internal.LibraryBench.main(args);
      return;
    }
    Map<String, String> f = new LinkedHashMap<>();
    String loadBefore = Machine.load();
    long t0 = System.nanoTime();
    if (!SKIP.contains("costs")) {
      SnapshotCosts.measure(FULL, f);
    }
    SnapshotCosts.keep = null;
    System.gc();
    if (!SKIP.contains("sample")) {
      Collection<RunResult> rs =
          run(
              opts(
                      Mode.SampleTime,
                      TimeUnit.NANOSECONDS,
                      "EngineBench\\.(check|checkRepeatedUser|explain|explainRepeatedUser)$")
                  .param("assignments", "" + FULL));
      f.put("check_p50_ns", pct(rs, "EngineBench.check", 50));
      f.put("check_p99_ns", pct(rs, "EngineBench.check", 99));
      f.put("check_p999_ns", pct(rs, "EngineBench.check", 99.9));
      f.put("check_repeated_user_p50_ns", pct(rs, "EngineBench.checkRepeatedUser", 50));
      f.put("check_repeated_user_p99_ns", pct(rs, "EngineBench.checkRepeatedUser", 99));
      f.put("explain_p50_ns", pct(rs, "EngineBench.explain", 50));
      f.put("explain_repeated_user_p50_ns", pct(rs, "EngineBench.explainRepeatedUser", 50));
      rs =
          run(
              opts(
                      Mode.SampleTime,
                      TimeUnit.MICROSECONDS,
                      "EngineBench\\.(tenantsWith|tenantsWithRepeatedUser)$")
                  .param("assignments", "" + FULL));
      f.put("tenants_with_p50_us", pct(rs, "EngineBench.tenantsWith", 50));
      f.put("tenants_with_p99_us", pct(rs, "EngineBench.tenantsWith", 99));
      f.put(
          "tenants_with_repeated_user_p50_us", pct(rs, "EngineBench.tenantsWithRepeatedUser", 50));
    }
    if (!SKIP.contains("throughput")) {
      Collection<RunResult> rs =
          run(
              opts(Mode.Throughput, TimeUnit.SECONDS, "EngineBench\\.(check|checkRepeatedUser)$")
                  .param("assignments", "" + FULL)
                  .threads(1)
                  .addProfiler(GCProfiler.class));
      f.put("check_throughput_1t_ops", score(rs, "EngineBench.check"));
      f.put("check_repeated_user_throughput_1t_ops", score(rs, "EngineBench.checkRepeatedUser"));
      f.put("alloc_bytes_per_check", secondary(rs, "EngineBench.check", "gc.alloc.rate.norm"));
      f.put(
          "alloc_bytes_per_check_repeated_user",
          secondary(rs, "EngineBench.checkRepeatedUser", "gc.alloc.rate.norm"));
      rs =
          run(
              opts(Mode.Throughput, TimeUnit.SECONDS, "EngineBench\\.(check|checkRepeatedUser)$")
                  .param("assignments", "" + FULL)
                  .threads(2));
      f.put("check_throughput_2t_ops", score(rs, "EngineBench.check"));
      f.put("check_repeated_user_throughput_2t_ops", score(rs, "EngineBench.checkRepeatedUser"));
    }
    if (!SKIP.contains("scale")) {
      Collection<RunResult> rs =
          run(
              opts(Mode.SampleTime, TimeUnit.NANOSECONDS, "EngineBench\\.check$")
                  .param("assignments", "1000", "10000", "100000"));
      f.put("check_p50_ns_1k", pct(rs, "EngineBench.check", 50, "1000"));
      f.put("check_p50_ns_10k", pct(rs, "EngineBench.check", 50, "10000"));
      f.put("check_p50_ns_100k", pct(rs, "EngineBench.check", 50, "100000"));
      f.put("check_p50_ns_200k", f.getOrDefault("check_p50_ns", "not measured"));
      if (f.containsKey("check_p50_ns")) {
        f.put("check_growth_1k_to_200k", ratio(f.get("check_p50_ns"), f.get("check_p50_ns_1k")));
      }
    }
    if (!SKIP.contains("casbin")) {
      Collection<RunResult> rs =
          run(
              opts(Mode.SampleTime, TimeUnit.NANOSECONDS, "CasbinBench\\.(jcasbin|engine)$")
                  .param("assignments", "1000"));
      f.put("jcasbin_p50_ns_1k", pct(rs, "CasbinBench.jcasbin", 50));
      f.put("engine_p50_ns_casbin_1k", pct(rs, "CasbinBench.engine", 50));
      f.put(
          "jcasbin_ratio_p50_1k",
          ratio(f.get("jcasbin_p50_ns_1k"), f.get("engine_p50_ns_casbin_1k")));
      rs =
          run(
              opts(Mode.SampleTime, TimeUnit.NANOSECONDS, "CasbinBench\\.jcasbin$")
                  .param("assignments", "10000")
                  .warmupIterations(1)
                  .measurementIterations(QUICK ? 1 : 3));
      f.put("jcasbin_p50_ns_10k", pct(rs, "CasbinBench.jcasbin", 50));
    }
    if (!SKIP.contains("pg")) {
      PgLoad.measure(FULL, f);
    } else {
      f.put("snapshot_build_from_pg_ms", "not measured (section skipped)");
    }
    String loadAfter = Machine.load();
    long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - t0);
    Report.write(Path.of("docs/benchmarks.md"), f, loadBefore, loadAfter, minutes, FULL);
    System.out.println();
    System.out.println("# figures (also in docs/benchmarks.md)");
    f.forEach((k, v) -> System.out.println(k + "=" + v));
  }

  private static ChainedOptionsBuilder opts(Mode mode, TimeUnit unit, String include) {
    return new OptionsBuilder()
        .include(BenchMain.class.getPackageName() + "." + include)
        .mode(mode)
        .timeUnit(unit)
        .forks(1)
        .jvmArgs(HEAP, "-XX:+UseG1GC")
        .warmupIterations(QUICK ? 1 : 4)
        .warmupTime(TimeValue.seconds(QUICK ? 1 : 2))
        .measurementIterations(QUICK ? 2 : 5)
        .measurementTime(TimeValue.seconds(QUICK ? 1 : 3))
        .shouldFailOnError(true);
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder o) throws Exception {
    return new Runner(o.build()).run();
  }

  private static RunResult find(Collection<RunResult> rs, String bench, String size) {
    for (RunResult r : rs) {
      String name = r.getParams().getBenchmark();
      if (name.endsWith("." + bench)
          && (size == null || size.equals(r.getParams().getParam("assignments")))) {
        return r;
      }
    }
    throw new IllegalStateException("no result for " + bench + " " + size);
  }

  private static String pct(Collection<RunResult> rs, String bench, double p) {
    return pct(rs, bench, p, null);
  }

  private static String pct(Collection<RunResult> rs, String bench, double p, String size) {
    Result<?> r = find(rs, bench, size).getPrimaryResult();
    return fmt(r.getStatistics().getPercentile(p));
  }

  private static String score(Collection<RunResult> rs, String bench) {
    return String.valueOf(Math.round(find(rs, bench, null).getPrimaryResult().getScore()));
  }

  private static String secondary(Collection<RunResult> rs, String bench, String key) {
    Result<?> r = find(rs, bench, null).getSecondaryResults().get(key);
    return r == null ? "not measured" : String.format("%.3f", r.getScore());
  }

  static String ratio(String a, String b) {
    return String.format("%.2f", Double.parseDouble(a) / Double.parseDouble(b));
  }

  static String fmt(double v) {
    return v >= 100 ? String.valueOf(Math.round(v)) : String.format("%.2f", v);
  }
}
