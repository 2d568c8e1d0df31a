package dev.tenantry.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (run it alone): how many exceptions the JVM creates per API request
 * (JFR {@code jdk.JavaExceptionThrow}, every thread, during the requests only), in total and from
 * pgjdbc, for lists mapped to records with {@code Instant} columns and for one tenant. Prints
 * {@code name=value} lines for docs/performance.md ("Row mapping without exceptions"), with the CPU
 * time of mapping 20,000 rows by Spring's mapper and by {@link Rows} (a ratio within one run, which
 * load disturbs less than wall time).
 *
 * <pre>
 * ./tenantry mvn -o -Dtest=RowMappingExceptionsBench -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 */
class RowMappingExceptionsBench extends IntegrationTest {
  private static final int ROWS = 40;
  private static final int REQUESTS = 50;

  @Test
  void exceptionsPerRequest() throws Exception {
    UUID tenant = testUsers.clientTenant("rows-bench");
    for (int i = 0; i < ROWS; i++) {
      testUsers.user(tenant);
    }
    Http admin = signedIn();
    for (int i = 0; i < ROWS; i++) {
      assertThat(admin.post("/api/v1/groups", Map.of("name", "rows-bench-" + i)).status())
          .isEqualTo(201);
    }
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("users_list", "/api/v1/users?tenantId=" + tenant + "&size=" + ROWS);
    paths.put("groups_list", "/api/v1/groups?size=" + ROWS);
    paths.put("tenant", "/api/v1/tenants/" + tenant);
    StringBuilder out = new StringBuilder("\n");
    for (var p : paths.entrySet()) {
      for (int i = 0; i < REQUESTS; i++) { // warm up
        assertThat(admin.get(p.getValue()).status()).isEqualTo(200);
      }
      long[] counts = count(admin, p.getValue());
      out.append(
          "rows_exceptions_per_request_%s=%.1f%n"
              .formatted(p.getKey(), counts[0] / (double) REQUESTS));
      out.append(
          "rows_driver_exceptions_per_request_%s=%.1f%n"
              .formatted(p.getKey(), counts[1] / (double) REQUESTS));
    }
    // CPU time of mapping the same 20,000 rows (a UUID, two Instants, a string) on this thread
    String sql =
        "select gen_random_uuid() as id, now() as created_at, now() as updated_at, 'x' as name"
            + " from generate_series(1, 20000)";
    for (int round = 0; round < 3; round++) { // warm up, then measure the last round
      long spring = cpu(() -> jdbc.sql(sql).query(RowsTest.springs(Row.class)).list());
      long rows = cpu(() -> jdbc.sql(sql).query(Rows.of(Row.class)).list());
      if (round == 2) {
        out.append("rows_mapping_cpu_ms_spring_20000=%d%n".formatted(spring / 1_000_000));
        out.append("rows_mapping_cpu_ms_rows_20000=%d%n".formatted(rows / 1_000_000));
        out.append(
            "rows_mapping_cpu_ratio_spring_over_rows=%.1f%n".formatted(spring / (double) rows));
      }
    }
    out.append("load=").append(load());
    System.out.println(out);
  }

  record Row(UUID id, Instant createdAt, Instant updatedAt, String name) {}

  private static long cpu(Runnable work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    work.run();
    return threads.getCurrentThreadCpuTime() - start;
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  /** Exceptions created while {@link #REQUESTS} requests run: all, and pgjdbc's. */
  private static long[] count(Http admin, String path) throws Exception {
    Path file = Files.createTempFile("rows-bench", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.JavaExceptionThrow").withoutStackTrace();
      recording.start();
      for (int i = 0; i < REQUESTS; i++) {
        admin.get(path);
      }
      recording.stop();
      recording.dump(file);
    }
    long all = 0;
    long driver = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      all++;
      if (e.getClass("thrownClass").getName().startsWith("org.postgresql")) {
        driver++;
      }
    }
    Files.delete(file);
    return new long[] {all, driver};
  }
}
