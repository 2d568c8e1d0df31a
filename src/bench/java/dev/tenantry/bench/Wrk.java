package dev.tenantry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code wrk} (one thread) against the service with a generated Lua script that sets method,
 * body and one header, and prints requests, duration, non-2xx count and latency percentiles at the
 * end. A {@code #} in the path becomes a random 5-digit number per request (search terms).
 */
final class Wrk {
  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT requests=(\\d+) duration_us=(\\d+) non2xx=(\\d+) errors=(\\d+)"
              + " p50=([0-9.]+) p95=([0-9.]+) p99=([0-9.]+)");

  /**
   * {@code -Dbench.http.only=get,page}: run only these scenarios (while profiling one request
   * path); the others answer NaN and the run writes nothing to docs/benchmarks.md.
   */
  static final java.util.Set<String> ONLY =
      java.util.Set.of(System.getProperty("bench.http.only", "").split(",")).stream()
          .filter(s -> !s.isBlank())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final String base;
  private final Path work;
  private final HttpClient client = HttpClient.newHttpClient();
  private long non2xx;

  private final @Nullable ServiceCpu cpu;

  /**
   * {@code cpuMs}: the service's CPU time per request, the whole JVM plus PostgreSQL; {@code
   * requestCpuMs}: its request threads in the JVM plus PostgreSQL, without the JIT, the collector
   * and background tasks, which per request weigh on whichever scenario answers fewer requests in
   * the same seconds (for comparing two sequential scenarios: the lists). NaN if not measured.
   */
  record Result(
      String name,
      double rps,
      double p50,
      double p95,
      double p99,
      long non2xx,
      double cpuMs,
      double requestCpuMs,
      double allocKib) {

    /** The best of each figure over two runs of one scenario. */
    Result bestWith(Result o) {
      return new Result(
          name,
          Math.max(rps, o.rps),
          Math.min(p50, o.p50),
          Math.min(p95, o.p95),
          Math.min(p99, o.p99),
          non2xx + o.non2xx,
          Math.min(cpuMs, o.cpuMs),
          Math.min(requestCpuMs, o.requestCpuMs),
          Math.min(allocKib, o.allocKib));
    }
  }

  static Result best(@Nullable Result a, Result b) {
    return a == null ? b : a.bestWith(b);
  }

  Wrk(String base, Path work, @Nullable ServiceCpu cpu) {
    this.base = base;
    this.work = work;
    this.cpu = cpu;
  }

  long non2xx() {
    return non2xx;
  }

  Result run(
      String name,
      String method,
      String path,
      @Nullable String header,
      @Nullable String body,
      int connections,
      int seconds)
      throws IOException, InterruptedException {
    if (!ONLY.isEmpty() && !ONLY.contains(name)) {
      return new Result(
          name,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
    probe(name, method, path.replace("#", "12345"), header, body);
    Path script = work.resolve(name + ".lua");
    Files.writeString(script, lua(method, path, header, body));
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            "wrk",
            "-t1",
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "10s",
            "-s",
            script.toString(),
            base));
    long cpu0 = cpu == null ? 0 : cpu.nanos();
    long pg0 = cpu == null ? 0 : cpu.pgNanos();
    long req0 = ServiceCpu.requestThreadNanos();
    long alloc0 = allocatedBytes();
    jdk.jfr.Recording jfr = startJfr(name);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed for " + name + ":\n" + out);
    }
    long cpuNanos = cpu == null ? -1 : cpu.nanos() - cpu0;
    long pgNanos = cpu == null ? -1 : cpu.pgNanos() - pg0;
    long reqNanos = ServiceCpu.requestThreadNanos() - req0;
    long allocBytes = allocatedBytes() - alloc0;
    if (jfr != null) {
      Path file = Path.of(JFR, name + ".jfr");
      jfr.dump(file);
      jfr.close();
      System.out.println("JFR recording of " + name + ": " + file);
    }
    Matcher m = RESULT.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no result from wrk for " + name + ":\n" + out);
    }
    long requests = Long.parseLong(m.group(1));
    double rps = requests / (Long.parseLong(m.group(2)) / 1e6);
    long bad = Long.parseLong(m.group(3)) + Long.parseLong(m.group(4));
    var r =
        new Result(
            name,
            rps,
            Double.parseDouble(m.group(5)),
            Double.parseDouble(m.group(6)),
            Double.parseDouble(m.group(7)),
            bad,
            cpuNanos < 0 || requests == 0 ? Double.NaN : cpuNanos / 1e6 / requests,
            cpuNanos < 0 || requests == 0 ? Double.NaN : (reqNanos + pgNanos) / 1e6 / requests,
            requests == 0 ? Double.NaN : allocBytes / 1024.0 / requests);
    if (!name.startsWith("warmup")) {
      non2xx += bad;
    }
    System.out.printf(
        "%-14s %8.0f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  cpu %6.3f ms/req"
            + " (request threads %6.3f + PostgreSQL %6.3f = %6.3f)  alloc %6.1f KiB/req"
            + "  non-2xx/errors %d%n",
        name,
        r.rps(),
        r.p50(),
        r.p95(),
        r.p99(),
        r.cpuMs(),
        requests == 0 ? Double.NaN : reqNanos / 1e6 / requests,
        requests == 0 ? Double.NaN : pgNanos / 1e6 / requests,
        r.requestCpuMs(),
        r.allocKib(),
        bad);
    if (bad > requests / 100) {
      throw new IllegalStateException(name + ": " + bad + " of " + requests + " failed:\n" + out);
    }
    return r;
  }

  /**
   * {@code -Dbench.http.jfr=/some/dir}: a JFR recording ({@code profile} settings: execution and
   * allocation samples) of each scenario but the warm-ups, written to {@code <dir>/<name>.jfr}.
   */
  static final String JFR = System.getProperty("bench.http.jfr", "");

  private static jdk.jfr.@Nullable Recording startJfr(String name) throws IOException {
    if (JFR.isBlank() || name.startsWith("warmup")) {
      return null;
    }
    try {
      jdk.jfr.Recording r =
          new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      Files.createDirectories(Path.of(JFR));
      r.start();
      return r;
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Bytes allocated so far by the JVM's threads (the request threads and the carriers of virtual
   * threads among them): per request, what the collector has to reclaim for it.
   */
  static long allocatedBytes() {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    return threads.getTotalThreadAllocatedBytes();
  }

  /** One request first, so that a scenario answering an error fails with its answer. */
  private void probe(
      String name, String method, String path, @Nullable String header, @Nullable String body)
      throws IOException, InterruptedException {
    var b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (header != null) {
      int colon = header.indexOf(':');
      b.header(header.substring(0, colon), header.substring(colon + 1).trim());
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          name + ": " + method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static String lua(
      String method, String path, @Nullable String header, @Nullable String body) {
    StringBuilder s = new StringBuilder();
    s.append("wrk.method = \"").append(method).append("\"\n");
    if (body != null) {
      s.append("wrk.body = [[").append(body).append("]]\n");
      s.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    }
    if (header != null) {
      int colon = header.indexOf(':');
      s.append("wrk.headers[\"")
          .append(header, 0, colon)
          .append("\"] = [[")
          .append(header.substring(colon + 1).trim())
          .append("]]\n");
    }
    String[] parts = path.split("#", -1);
    s.append("request = function()\n  return wrk.format(nil, ");
    if (parts.length == 1) {
      s.append("[[").append(path).append("]]");
    } else {
      s.append("[[").append(parts[0]).append("]] .. math.random(10000, 99999) .. [[");
      s.append(parts[1]).append("]]");
    }
    s.append(")\nend\n");
    s.append(
        """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            "RESULT requests=%d duration_us=%d non2xx=%d errors=%d p50=%.3f p95=%.3f p99=%.3f\\n",
            summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
            latency:percentile(50) / 1000, latency:percentile(95) / 1000,
            latency:percentile(99) / 1000))
        end
        """);
    return s.toString();
  }
}
