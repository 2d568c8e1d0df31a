package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Maintenance sessions: requests, visibility through the computer, cancel, executor leases. */
class MaintenanceSessionTest extends IntegrationTest {

  private String request(Http as, UUID... computers) {
    Http.Response r =
        as.post("/api/v1/maintenance-sessions", Map.of("computerIds", List.of(computers)));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.json().path("sessions").get(0).path("id").asString();
  }

  private static List<String> ids(Http.Response list) {
    return list.json().path("items").valueStream().map(n -> n.path("id").asString()).toList();
  }

  private TestUser executor(UUID tenant) {
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['scripts:execute'])")
                .params(role, "executor-" + role)
                .update());
    return testUsers.user(testUsers.mspTenant(), Grant.allow(role, Scope.tenant(tenant, true)));
  }

  @Test
  void sessionFollowsAMovedComputer() {
    UUID from = testUsers.clientTenant("move-from");
    UUID to = testUsers.clientTenant("move-to");
    UUID pc = testUsers.computer(from, ComputerType.WORKSTATION);
    Http admin = signedIn();
    String id = request(admin, pc);
    TestUser atFrom =
        testUsers.user(
            from, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(from, false)));
    TestUser atTo =
        testUsers.user(
            to, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(to, false)));
    assertThat(atFrom.http().get("/api/v1/maintenance-sessions/" + id).status()).isEqualTo(200);
    assertThat(ids(atFrom.http().get("/api/v1/maintenance-sessions"))).contains(id);
    assertThat(atTo.http().get("/api/v1/maintenance-sessions/" + id).status()).isEqualTo(404);

    Map<String, Object> move = Map.of("computerIds", List.of(pc), "targetTenantId", to);
    Http.Response shown = admin.post("/api/v1/computers/change-tenant", move);
    assertThat(shown.status()).isEqualTo(409); // the move widens atTo's access (DESIGN 3.10)
    Map<String, Object> confirmed = new java.util.HashMap<>(move);
    confirmed.put("acceptAccessChanges", shown.json().path("digest").asString());
    Http.Response moved = admin.post("/api/v1/computers/change-tenant", confirmed);
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);

    assertThat(atFrom.http().get("/api/v1/maintenance-sessions/" + id).status()).isEqualTo(404);
    assertThat(ids(atFrom.http().get("/api/v1/maintenance-sessions"))).doesNotContain(id);
    JsonNode seen = atTo.http().get("/api/v1/maintenance-sessions/" + id).json();
    assertThat(seen.path("tenantId").asString()).isEqualTo(to.toString());
    assertThat(ids(atTo.http().get("/api/v1/maintenance-sessions"))).contains(id);
  }

  @Test
  void requestingNeedsRunMaintenanceOnEveryComputerAndCancelEndsASessionOnce() {
    UUID t = testUsers.clientTenant("sess-run");
    UUID mine = testUsers.computer(t, ComputerType.WORKSTATION);
    UUID other = testUsers.clientTenant("sess-other");
    UUID foreign = testUsers.computer(other, ComputerType.WORKSTATION);
    TestUser user =
        testUsers.user(t, Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(t, false)));
    assertThat(
            user.http()
                .post("/api/v1/maintenance-sessions", Map.of("computerIds", List.of(mine, foreign)))
                .status())
        .isEqualTo(404);
    assertThat(count("select count(*) from maintenance_session where computer_id = ?", mine))
        .isZero();
    String id = request(user.http(), mine);
    assertThat(
            user.http().get("/api/v1/maintenance-sessions/" + id).json().path("origin").asString())
        .isEqualTo("USER");
    Http admin = signedIn();
    Http.Response cancelled = admin.post("/api/v1/maintenance-sessions/" + id + "/cancel", null);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
    assertThat(admin.post("/api/v1/maintenance-sessions/" + id + "/cancel", null).status())
        .isEqualTo(409);
  }

  @Test
  void expiredSessionLeaseIsClaimedAgain() {
    UUID t = testUsers.clientTenant("sess-lease");
    UUID pc = testUsers.computer(t, ComputerType.SERVER);
    String id = request(signedIn(), pc);
    Http first = executor(t).http();
    Http second = executor(t).http();
    JsonNode claimed = first.post("/api/v1/executor/session-claims", Map.of("max", 10)).json();
    assertThat(claimed.valueStream().map(n -> n.path("id").asString())).contains(id);
    assertThat(
            second
                .post("/api/v1/executor/session-claims", Map.of("max", 10))
                .json()
                .valueStream()
                .map(n -> n.path("id").asString()))
        .doesNotContain(id);
    testUsers.write(
        () ->
            jdbc.sql(
                    "update maintenance_session set lease_expires_at = now() - interval '1 second'"
                        + " where id = ?::uuid")
                .param(id)
                .update());
    JsonNode again = second.post("/api/v1/executor/session-claims", Map.of("max", 10)).json();
    JsonNode mine =
        again
            .valueStream()
            .filter(n -> n.path("id").asString().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(mine.path("attempts").asInt()).isEqualTo(2);
    assertThat(first.post("/api/v1/executor/sessions/" + id + "/heartbeat", null).status())
        .isEqualTo(409);
    assertThat(
            second
                .post(
                    "/api/v1/executor/sessions/" + id + "/log",
                    Map.of(
                        "lines",
                        List.of(
                            Map.of("text", "installing"),
                            Map.of("level", "WARN", "text", "reboot pending"))))
                .status())
        .isEqualTo(204);
    JsonNode done =
        second
            .post("/api/v1/executor/sessions/" + id + "/result", Map.of("succeeded", true))
            .json();
    assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
    JsonNode log = signedIn().get("/api/v1/maintenance-sessions/" + id + "/log").json();
    assertThat(log.path("lines").valueStream().map(n -> n.path("text").asString()))
        .containsExactly("installing", "reboot pending");
    assertThat(
            signedIn()
                .get("/api/v1/maintenance-sessions/" + id + "/log?after=1")
                .json()
                .path("lines")
                .size())
        .isEqualTo(1);
  }

  @Test
  void sessionIsClaimedOnlyWithinItsWindowAndEndsCancelledWhenTheWindowEndedUnrun() {
    UUID t = testUsers.clientTenant("sess-window");
    Http admin = signedIn();
    String missed = request(admin, testUsers.computer(t, ComputerType.WORKSTATION));
    String open = request(admin, testUsers.computer(t, ComputerType.WORKSTATION));
    String interrupted = request(admin, testUsers.computer(t, ComputerType.WORKSTATION));
    setWindowEnd(missed, "now() - interval '1 minute'");
    setWindowEnd(open, "now() + interval '1 hour'");
    setWindowEnd(interrupted, "now() + interval '1 hour'");
    Http executor = executor(t).http();
    assertThat(claim(executor)).contains(open, interrupted).doesNotContain(missed);
    JsonNode ended = admin.get("/api/v1/maintenance-sessions/" + missed).json();
    assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(ended.path("message").asString()).contains("window ended");
    // its executor vanished and the window ended meanwhile: not run again outside the window
    testUsers.write(
        () ->
            jdbc.sql(
                    "update maintenance_session set lease_expires_at = now() - interval '1 second',"
                        + " window_ends_at = now() - interval '1 second' where id = ?::uuid")
                .param(interrupted)
                .update());
    assertThat(claim(executor)).doesNotContain(interrupted);
    assertThat(admin.get("/api/v1/maintenance-sessions/" + interrupted).json().path("status"))
        .hasToString("\"CANCELLED\"");
    assertThat(admin.get("/api/v1/maintenance-sessions/" + open).json().path("status").asString())
        .isEqualTo("RUNNING");
    assertThat(
            count(
                "select count(*) from audit_event where action in ('maintenance-session.claimed',"
                    + " 'maintenance-session.window-missed') and after_json like '%' || ? || '%'"
                    + " and after_json like '%windowMissed%'",
                missed))
        .isEqualTo(1);
  }

  private List<String> claim(Http executor) {
    Http.Response r = executor.post("/api/v1/executor/session-claims", Map.of("max", 100));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json().valueStream().map(n -> n.path("id").asString()).toList();
  }

  private void setWindowEnd(String session, String when) {
    testUsers.write(
        () ->
            jdbc.sql(
                    "update maintenance_session set window_ends_at = "
                        + when
                        + " where id = ?::uuid")
                .param(session)
                .update());
  }

  private String deployment(Http admin, UUID tenant) {
    Http.Response sw =
        admin.post(
            "/api/v1/software",
            Map.of("name", "Sw " + UUID.randomUUID().toString().substring(0, 8), "global", true));
    assertThat(sw.status()).as(sw.raw()).isEqualTo(201);
    Http.Response d =
        admin.post(
            "/api/v1/deployments",
            Map.of(
                "subjectKind",
                "SOFTWARE",
                "subjectId",
                sw.json().path("id").asString(),
                "desiredState",
                "KEEP_LATEST",
                "target",
                Map.of("kind", "TENANT", "tenantId", tenant)));
    assertThat(d.status()).as(d.raw()).isEqualTo(201);
    return d.json().path("id").asString();
  }

  @Test
  void aSessionKeepsTheDeploymentsResolvedWhenItWasCreated() {
    UUID t = testUsers.clientTenant("sess-deploy");
    UUID pc = testUsers.computer(t, ComputerType.WORKSTATION);
    Http admin = signedIn();
    String first = deployment(admin, t);
    String id = request(admin, pc);
    String later = deployment(admin, t);
    JsonNode s = admin.get("/api/v1/maintenance-sessions/" + id).json();
    assertThat(s.path("deployments").valueStream().map(d -> d.path("deploymentId").asString()))
        .containsExactly(first);
    assertThat(
            admin
                .get("/api/v1/maintenance-sessions/" + request(admin, pc))
                .json()
                .path("deployments")
                .valueStream()
                .map(d -> d.path("deploymentId").asString()))
        .containsExactlyInAnyOrder(first, later);
    // a schedule naming deployments runs only those among the applicable ones
    Http.Response schedule =
        admin.post(
            "/api/v1/schedules",
            Map.of(
                "tenantId",
                t,
                "name",
                "Only one",
                "cron",
                "0 3 * * *",
                "deploymentIds",
                List.of(later)));
    assertThat(schedule.status()).as(schedule.raw()).isEqualTo(201);
    String sid = schedule.json().path("id").asString();
    assertThat(admin.post("/api/v1/schedules/" + sid + "/run", null).status()).isEqualTo(202);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                admin
                        .get("/api/v1/maintenance-sessions?scheduleId=" + sid)
                        .json()
                        .path("total")
                        .asLong()
                    == 1);
    JsonNode fired =
        admin.get("/api/v1/maintenance-sessions?scheduleId=" + sid).json().path("items").get(0);
    assertThat(fired.path("origin").asString()).isEqualTo("SCHEDULE");
    assertThat(fired.path("deployments").valueStream().map(d -> d.path("deploymentId").asString()))
        .containsExactly(later);
  }

  private long count(String sql, Object p) {
    return jdbc.sql(sql).param(p).query(Long.class).single();
  }
}
