package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.maintenance.internal.Firings;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Schedules: who sees and changes them (seed 003), validation, targets and firing in batches. */
class ScheduleTest extends IntegrationTest {
  @Autowired Firings firings;

  private static Map<String, Object> schedule(UUID tenant, Object... more) {
    Map<String, Object> b = new HashMap<>();
    b.put("tenantId", tenant);
    b.put("name", "Nightly " + UUID.randomUUID().toString().substring(0, 6));
    b.put("cron", "0 3 * * 1-5");
    for (int i = 0; i < more.length; i += 2) {
      b.put((String) more[i], more[i + 1]);
    }
    return b;
  }

  private String create(Http as, Map<String, Object> body) {
    Http.Response r = as.post("/api/v1/schedules", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private static List<String> ids(Http.Response list) {
    return list.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
  }

  @Test
  void listSearchesTheNameLikeTheConsoleWithWildcardsLiteral() {
    UUID client = testUsers.clientTenant("sched-q");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String nightly = create(signedIn(), schedule(client, "name", "Nightly " + marker));
    String weekly = create(signedIn(), schedule(client, "name", "Weekly " + marker + "%_"));
    create(signedIn(), schedule(client, "name", "Other " + UUID.randomUUID()));
    assertThat(ids(signedIn().get("/api/v1/schedules?q=" + marker.toUpperCase())))
        .containsExactlyInAnyOrder(nightly, weekly);
    assertThat(ids(signedIn().get("/api/v1/schedules?tenantId=" + client + "&q=nightly+" + marker)))
        .containsExactly(nightly);
    assertThat(ids(signedIn().get("/api/v1/schedules?q=" + marker + "%25_")))
        .as("%% and _ match themselves")
        .containsExactly(weekly);
    assertThat(
            signedIn().get("/api/v1/schedules?q=" + marker + "%25").json().path("total").asLong())
        .isEqualTo(1);
    assertThat(ids(signedIn().get("/api/v1/schedules?tenantId=" + client + "&q=")))
        .as("an empty q filters nothing")
        .hasSize(3);
  }

  @Test
  void mspNonAdminSeesSchedulesButCannotChangeThem() {
    UUID client = testUsers.clientTenant("sched-nonadmin");
    String id = create(signedIn(), schedule(client));
    TestUser nonAdmin =
        testUsers.user(
            testUsers.mspTenant(),
            Grant.allow(BuiltInRoles.SYSTEM_USER_LEGACY.id(), Scope.owner()));
    Http as = nonAdmin.http();
    // filtered to this test's tenant: unfiltered, the first page (by name) holds whatever other
    // tests' schedules sort first, at OWNER scope
    assertThat(ids(as.get("/api/v1/schedules?tenantId=" + client))).contains(id);
    assertThat(as.get("/api/v1/schedules/" + id).status()).isEqualTo(200);
    assertThat(as.post("/api/v1/schedules", schedule(client)).status()).isEqualTo(403);
    Map<String, Object> edit = schedule(client, "version", 0);
    assertThat(as.put("/api/v1/schedules/" + id, edit).status()).isEqualTo(403);
    assertThat(as.delete("/api/v1/schedules/" + id).status()).isEqualTo(403);
    // holding every permission on the one tenant does not make an MSP user an admin (DESIGN §4)
    TestUser tenantOnly =
        testUsers.user(
            testUsers.mspTenant(),
            Grant.allow(
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.tenant(client, false)));
    Http.Response refused = tenantOnly.http().post("/api/v1/schedules", schedule(client));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString()).contains("administrator");
    assertThat(tenantOnly.http().get("/api/v1/schedules/" + id).status()).isEqualTo(200);
  }

  @Test
  void customerUserNeitherSeesNorChangesSchedules() {
    UUID client = testUsers.clientTenant("sched-customer");
    String id = create(signedIn(), schedule(client));
    // a customer user holding every permission on their own tenant, schedules included
    TestUser customer =
        testUsers.user(
            client,
            Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.tenant(client, true)));
    TestUser customerAdmin =
        testUsers.user(
            client,
            Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(client, true)));
    for (Http as : List.of(customer.http(), customerAdmin.http())) {
      assertThat(ids(as.get("/api/v1/schedules"))).isEmpty();
      assertThat(ids(as.get("/api/v1/schedules?tenantId=" + client))).isEmpty();
      assertThat(as.get("/api/v1/schedules/" + id).status()).isEqualTo(404);
      assertThat(as.put("/api/v1/schedules/" + id, schedule(client, "version", 0)).status())
          .isEqualTo(404);
      assertThat(as.delete("/api/v1/schedules/" + id).status()).isEqualTo(404);
      assertThat(as.post("/api/v1/schedules/" + id + "/run", null).status()).isEqualTo(404);
      assertThat(as.post("/api/v1/schedules", schedule(client)).status()).isEqualTo(403);
    }
  }

  @Test
  void cronIsValidatedAndNextRunsFollowTheInheritedWindowTimeZone() {
    Http admin = signedIn();
    UUID parent = testUsers.clientTenant("sched-tz");
    UUID child = testUsers.tenant("sched-tz-child", parent, false);
    assertThat(
            admin
                .patch(
                    "/api/v1/tenants/" + parent + "/preferences",
                    Map.of(
                        "maintenance.window",
                        Map.of("start", "22:00", "end", "23:30", "timeZone", "Europe/Paris")))
                .status())
        .isEqualTo(200);
    Http.Response bad = admin.post("/api/v1/schedules", schedule(child, "cron", "0 3 * *"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("detail").asString()).contains("cron", "five fields");
    assertThat(admin.post("/api/v1/schedules", schedule(child, "cron", "0 25 * * *")).status())
        .isEqualTo(400);
    JsonNode s = admin.post("/api/v1/schedules", schedule(child, "cron", "30 2 * * *")).json();
    assertThat(s.path("timeZone").asString()).isEqualTo("Europe/Paris");
    assertThat(s.path("timeZoneInherited").asBoolean()).isTrue();
    assertThat(s.path("windowStart").asString()).isEqualTo("22:00");
    assertThat(s.path("nextRuns").size()).isEqualTo(5);
    Instant first = Instant.parse(s.path("nextRuns").get(0).asString());
    assertThat(first.atZone(java.time.ZoneId.of("Europe/Paris")).getHour()).isEqualTo(2);
    assertThat(first.atZone(java.time.ZoneId.of("Europe/Paris")).getMinute()).isEqualTo(30);
    String id = s.path("id").asString();
    assertThat(admin.put("/api/v1/schedules/" + id, schedule(child)).status()).isEqualTo(428);
    assertThat(admin.put("/api/v1/schedules/" + id, schedule(child, "version", 7)).status())
        .isEqualTo(412);
    JsonNode edited =
        admin
            .put(
                "/api/v1/schedules/" + id,
                schedule(child, "version", 0, "timeZone", "UTC", "enabled", false))
            .json();
    assertThat(edited.path("timeZoneInherited").asBoolean()).isFalse();
    assertThat(edited.path("nextRuns").size()).isZero();
  }

  @Test
  void excludedTenantIsSkippedByCrossTenantSchedule() {
    Http admin = signedIn();
    UUID msp = testUsers.tenant("sched-msp", null, true);
    UUID kept = testUsers.tenant("kept", msp, false);
    UUID excluded = testUsers.tenant("excluded", msp, false);
    UUID excludedChild = testUsers.tenant("excluded-child", excluded, false);
    UUID keptPc = testUsers.computer(kept, ComputerType.WORKSTATION);
    UUID mspPc = testUsers.computer(msp, ComputerType.SERVER);
    testUsers.computer(excluded, ComputerType.WORKSTATION);
    testUsers.computer(excludedChild, ComputerType.WORKSTATION);
    assertThat(
            admin
                .patch(
                    "/api/v1/tenants/" + excluded + "/preferences",
                    Map.of("maintenance.excludeFromCrossTenant", true))
                .status())
        .isEqualTo(200);
    Map<String, Object> body = schedule(msp, "crossTenant", true, "mspId", msp);
    body.remove("tenantId");
    Http.Response created = admin.post("/api/v1/schedules", body);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.json().path("scope").asString()).isEqualTo("MSP");
    assertThat(created.json().path("targetComputers").asLong()).isEqualTo(2);
    String id = created.json().path("id").asString();
    Http.Response run = admin.post("/api/v1/schedules/" + id + "/run", null);
    assertThat(run.status()).as(run.raw()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin
                    .get("/api/v1/schedules/" + id + "/firings")
                    .json()
                    .get(0)
                    .path("status")
                    .asString()
                    .equals("DONE"));
    List<UUID> reached =
        jdbc.sql("select computer_id from maintenance_session where schedule_id = ?::uuid")
            .param(id)
            .query(UUID.class)
            .list();
    assertThat(reached).containsExactlyInAnyOrder(keptPc, mspPc);
  }

  @Test
  void sessionsAreCreatedInSeparatelyCommittedBatches() {
    UUID client = testUsers.clientTenant("sched-batches");
    for (int i = 0; i < 120; i++) {
      testUsers.computer(client, ComputerType.WORKSTATION);
    }
    UUID id = UUID.fromString(create(signedIn(), schedule(client)));
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    firings.fireScheduled(id, at);
    firings.fireScheduled(id, at); // a retry, or a second node: nothing doubles
    UUID firing =
        jdbc.sql("select id from schedule_firing where schedule_id = ?")
            .param(id)
            .query(UUID.class)
            .single();
    assertThat(count("select count(*) from maintenance_session where firing_id = ?", firing))
        .isEqualTo(120);
    assertThat(
            count(
                "select count(distinct computer_id) from maintenance_session where firing_id = ?",
                firing))
        .isEqualTo(120);
    // batch size 50 in tests: three batches, three transactions, one audit event each
    assertThat(
            count(
                "select count(distinct xmin::text) from maintenance_session where firing_id = ?",
                firing))
        .isEqualTo(3);
    assertThat(
            count(
                "select count(*) from audit_event where action = 'maintenance-session.batch-created'"
                    + " and target_id = ?::text",
                firing))
        .isEqualTo(3);
    assertThat(
            count("select batches from schedule_firing where id = ? and status = 'DONE'", firing))
        .isEqualTo(3);
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }
}
