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
    String load0 = load();
    double bare = fire(admin, tenant, "Bench");
    // the same firing when 20 deployments apply to every computer (each session records them)
    testUsers.write(
        () -> {
          jdbc.sql(
                  "insert into software (id, name) select gen_random_uuid(), 'bench-sw-' || g"
                      + " from generate_series(1, 20) g")
              .update();
          jdbc.sql(
                  "insert into deployment (id, subject_kind, software_id, desired_state, target_kind,"
                      + " target_tenant_id, owner_tenant_id) select gen_random_uuid(), 'SOFTWARE', s.id,"
                      + " 'KEEP_LATEST', 'TENANT', ?, ? from software s where s.name like 'bench-sw-%'")
              .params(tenant, tenant)
              .update();
        });
    double withDeployments = fire(admin, tenant, "Bench with deployments");
    String load1 = load();
    String perSecond = String.format("%.0f", COMPUTERS / withDeployments);
    String bareRate = String.format("%.0f", COMPUTERS / bare);
    System.out.println("schedule_fire_sessions_per_s=" + perSecond);
    System.out.println("schedule_fire_no_deployments_sessions_per_s=" + bareRate);
    write(perSecond, String.format("%.1f", withDeployments), bareRate, load0, load1);
  }

  /** Creates a schedule for the tenant and fires it; answers the seconds the firing took. */
  private double fire(Http admin, UUID tenant, String name) {
    Http.Response created =
        admin.post(
            "/api/v1/schedules", Map.of("tenantId", tenant, "name", name, "cron", "0 3 1 1 *"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    UUID id = UUID.fromString(created.json().path("id").asString());
    long t0 = System.nanoTime();
    firings.fireScheduled(id, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(
            jdbc.sql("select count(*) from maintenance_session where schedule_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(COMPUTERS);
    return seconds;
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static void write(
      String perSecond, String total, String bareRate, String load0, String load1)
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
            + " at the end, on a 2-core machine shared with other builds). Command: `./tenantry mvn -o"
            + " -Dtest=ScheduleFireBench -Dsurefire.failIfNoSpecifiedTests=false test`.\n\n```\n"
            + "schedule_fire_sessions_per_s="
            + perSecond
            + "\nschedule_fire_100k_s="
            + total
            + "\nschedule_fire_no_deployments_sessions_per_s="
            + bareRate
            + "\n```\n\nNo target was set. `schedule_fire_sessions_per_s`: 20 tenant-wide deployments"
            + " apply to every computer (each session records the 20 winners);"
            + " `schedule_fire_no_deployments_sessions_per_s`: the same firing before they exist. Each"
            + " batch resolves its 1,000 computers with one `ApplicableDeployments.forComputers` call"
            + " (one SQL statement); see docs/maintenance.md.\n"
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
