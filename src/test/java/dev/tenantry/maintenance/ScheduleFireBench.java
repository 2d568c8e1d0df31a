package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.maintenance.internal.Firings;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Not part of the test suite (run it alone): a schedule fires for 100,000 computers (bulk-loaded
 * with SQL) in batches of 1,000 (the production size); writes {@code schedule_fire_sessions_per_s}
 * to docs/benchmarks.md.
 *
 * <pre>./tenantry mvn -o -Dtest=ScheduleFireBench -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 */
@TestPropertySource(properties = "tenantry.maintenance.batch-size=1000")
class ScheduleFireBench extends IntegrationTest {
  private static final int COMPUTERS = 100_000;
  @Autowired Firings firings;

  @Test
  void aScheduleFiresForAHundredThousandComputers() throws Exception {
    UUID tenant = testUsers.clientTenant("bench-fire");
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into computer (id, tenant_id, name, type)"
                        + " select gen_random_uuid(), ?, 'bench-' || g, 'WORKSTATION'"
                        + " from generate_series(1, ?) g")
                .params(tenant, COMPUTERS)
                .update());
    Http admin = signedIn();
    Http.Response created =
        admin.post(
            "/api/v1/schedules", Map.of("tenantId", tenant, "name", "Bench", "cron", "0 3 1 1 *"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    UUID id = UUID.fromString(created.json().path("id").asString());
    String load0 = load();
    long t0 = System.nanoTime();
    firings.fireScheduled(id, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    double seconds = (System.nanoTime() - t0) / 1e9;
    String load1 = load();
    assertThat(
            jdbc.sql("select count(*) from maintenance_session where schedule_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(COMPUTERS);
    String perSecond = String.format("%.0f", COMPUTERS / seconds);
    String total = String.format("%.1f", seconds);
    System.out.println("schedule_fire_sessions_per_s=" + perSecond);
    write(perSecond, total, load0, load1);
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static void write(String perSecond, String total, String load0, String load1)
      throws Exception {
    Path doc = Path.of("docs/benchmarks.md");
    String old = Files.readString(doc);
    String s =
        "<!-- schedule-fire -->\n### Schedule firing (issue 12)\n\nWritten by `ScheduleFireBench` on "
            + Instant.now()
            + " (100,000 computers of one tenant bulk-loaded with SQL; batches of 1,000, each its own"
            + " transaction with one audit event; embedded PostgreSQL; `/proc/loadavg` "
            + load0
            + " at the start, "
            + load1
            + " at the end, on a 2-core machine shared with other builds).\n\n```\n"
            + "schedule_fire_sessions_per_s="
            + perSecond
            + "\nschedule_fire_100k_s="
            + total
            + "\n```\n\nNo target was set. Each batch resolves the applicable deployments of each of"
            + " its computers through `ApplicableDeployments.forComputer` (one call per computer), so"
            + " the figure depends on that implementation; see docs/maintenance.md.\n"
            + "<!-- /schedule-fire -->\n";
    String out;
    int a = old.indexOf("<!-- schedule-fire -->");
    int b = old.indexOf("<!-- /schedule-fire -->");
    if (a >= 0 && b > a) {
      out = old.substring(0, a) + s + old.substring(b + "<!-- /schedule-fire -->\n".length());
    } else {
      int end = old.indexOf("<!-- /notes -->");
      out = end < 0 ? old + "\n" + s : old.substring(0, end) + "\n" + s + old.substring(end);
    }
    Files.writeString(doc, out);
  }
}
