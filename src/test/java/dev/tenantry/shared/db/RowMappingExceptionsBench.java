package dev.tenantry.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code name=value} lines for docs/performance.md ("Row mapping without exceptions").
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
    System.out.println(out);
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
