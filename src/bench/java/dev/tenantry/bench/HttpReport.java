package dev.tenantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes the HTTP section of {@code docs/benchmarks.md} between {@code <!-- http -->} and {@code
 * <!-- /http -->} (before the notes when new); the engine report keeps that section as it is.
 */
final class HttpReport {
  static final String START = "<!-- http -->";
  static final String END = "<!-- /http -->";

  private record Goal(String figure, String target, boolean atMost, double bound) {
    String verdict(String v) {
      try {
        double x = Double.parseDouble(v);
        return (atMost ? x <= bound : x >= bound) ? "met" : "**missed**";
      } catch (NumberFormatException e) {
        return "not measured";
      }
    }
  }

  private static final List<Goal> GOALS =
      List.of(
          new Goal("http_check_ratio", "≥ 0.7 × static", false, 0.7),
          new Goal("http_check_p99_ms", "≤ 25 ms at 32 connections", true, 25),
          new Goal("http_get_ratio", "≥ 0.6 × static", false, 0.6),
          new Goal("http_page_ratio", "≥ 0.4 × static", false, 0.4),
          new Goal("http_list_p95_ms", "≤ 50 ms (technician, half the tenants)", true, 50),
          new Goal("http_search_p95_ms", "≤ 100 ms (name search, ≥ 3 characters)", true, 100),
          new Goal("http_list_filter_ratio", "≤ 1.5 (technician / OWNER)", true, 1.5),
          new Goal("profile_page_kb", "≤ 200 KB (OWNER administrator)", true, 200),
          new Goal("profile_page_ms", "≤ 200 ms", true, 200),
          new Goal("effective_api_kb", "≤ 200 KB", true, 200),
          new Goal("effective_api_ms", "≤ 200 ms", true, 200));

  private HttpReport() {}

  static void write(
      Path file, Map<String, String> f, String loadBefore, String loadAfter, long minutes)
      throws IOException {
    StringBuilder s = new StringBuilder(START).append("\n## HTTP benchmarks\n\n");
    s.append("Written by `./tenantry bench http` on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append(" (one run; `wrk -t1` and the service share the machine's cores).\n\n");
    s.append("- Machine: ").append(Machine.describe()).append("\n");
    s.append("- Load (`uptime`, 1/5/15 min): ")
        .append(loadBefore)
        .append(" at the start, ")
        .append(loadAfter)
        .append(" at the end; the run took about ")
        .append(minutes)
        .append(" min\n");
    s.append("- Instance: ")
        .append(f.getOrDefault("http_computers", "?"))
        .append(" computers, BenchData at ")
        .append(HttpBench.SIZE)
        .append(" assignments; the technician sees ")
        .append(f.getOrDefault("http_tech_visible_tenants", "?"))
        .append(" client tenants through a tag scope\n");
    s.append("- Throughput: 32 connections, ")
        .append(HttpBench.SECONDS)
        .append(
            " s each after a warm-up; lists and searches: one connection, sequential requests\n\n");
    s.append("| figure | value | target | verdict |\n|---|---|---|---|\n");
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
    s.append("\n```\n");
    f.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    s.append("```\n\n").append(HOW).append(END);
    String old = Files.exists(file) ? Files.readString(file) : "";
    int a = old.indexOf(START);
    int b = old.indexOf(END);
    String out;
    if (a >= 0 && b > a) {
      out = old.substring(0, a) + s + old.substring(b + END.length());
    } else {
      int notes = old.indexOf("<!-- notes -->");
      out =
          notes >= 0
              ? old.substring(0, notes) + s + "\n\n" + old.substring(notes)
              : old + "\n" + s + "\n";
    }
    Files.writeString(file, out);
  }

  private static final String HOW =
      """
      Scenarios: `http_static_rps` GET /css/console.css (no session, the stack's ceiling);
      `http_noop_rps` bearer GET /api/v1/auth/ping (authentication only); `http_check_rps` bearer
      POST /api/v1/access/check (the OWNER administrator checks the technician's computers:view on a
      tenant, with the explanation); `http_get_rps` bearer GET /api/v1/tenants/{id} (the
      technician); `http_page_rps` GET / with the administrator's browser session. Ratios are over
      `http_static_rps` of the same run. Lists: GET /api/v1/computers?size=50 as the technician and
      as the OWNER administrator, name search `q=pc-NNNNN` (a random 5-digit number each request),
      GET /api/v1/tenants?size=50 and /api/v1/people?size=50 as the technician; p95 of sequential
      requests. Profile: median of 5 after 2 warm-ups. `http_*_cpu_us`: CPU microseconds per
      request of the server side (this JVM, which runs the service, plus every PostgreSQL process),
      from /proc over each wrk run; `http_get_cpu_ratio` and `http_check_cpu_ratio` = static's CPU
      per request / theirs, what the throughput ratio becomes on an idle, saturated machine (load
      from other processes disturbs it far less than throughput); `http_page_cpu_ratio` is
      the same for the console page; `http_page_sql`: statements per page (`pg_stat_statements`,
      100 pages). The static file and the page are measured after a warm-up of their own;
      `http_static_alloc_kib`, `http_page_alloc_kib`: KiB allocated per request by the JVM's
      threads (what the collector reclaims for it).

      ```
      ./tenantry bench http                                  # about 5 min at full size
      ./tenantry bench http -Dbench.args=-Dbench.size=10000  # a small instance while developing
      ./tenantry bench http "-Dbench.args=-Dbench.http.only=warmup,get,page -XX:StartFlightRecording=filename=/tmp/http.jfr"  # chosen scenarios under JFR; writes nothing
      ./tenantry bench http "-Dbench.args=-Dbench.http.keep=/tmp/bench-pg -Dbench.http.only=warmup-list,warmup-list-admin,list-tech,list-admin"  # lists only; the loaded instance kept for the next run
      ./tenantry bench http "-Dbench.args=-Dbench.size=10000 -Dbench.http.keep=/tmp/page-pg -Dbench.http.only=warmup,warmup-static,warmup-page,static,page -Dbench.http.page-rounds=3 -Dbench.http.jfr=/tmp/jfr"  # console page A/B: best of 3 alternating rounds, a JFR recording per scenario
      ```

      """;
}
