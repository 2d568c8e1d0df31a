package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Script runs on computers and the executor API (DESIGN §7). */
class ScriptRunTest extends LibraryTestSupport {

  @AfterEach
  void preferenceBackOn() {
    setTerminalPreference(true);
  }

  private UUID executorRole() {
    UUID id = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['scripts:execute'])")
                .params(id, "executor-" + id)
                .update());
    return id;
  }

  private TestUsers.TestUser executor(UUID role, UUID tenant) {
    return testUsers.user(testUsers.mspTenant(), Grant.allow(role, Scope.tenant(tenant, true)));
  }

  private String run(Http as, UUID computer, String script, Map<String, String> params) {
    return created(
        as.post(
            "/api/v1/script-runs",
            Map.of("computerId", computer, "scriptId", script, "parameters", params)));
  }

  @Test
  void aRunPinsTheScriptVersionItWasRequestedWithAndHidesSecrets() {
    UUID t = testUsers.clientTenant("run-pin");
    UUID pc = testUsers.computer(t, ComputerType.WORKSTATION);
    Http msp = signedIn();
    String script =
        created(
            msp.post(
                "/api/v1/scripts",
                script(
                    "pinned",
                    "ownerTenantId",
                    t,
                    "body",
                    "echo v1",
                    "parameters",
                    List.of(
                        Map.of("name", "Target", "type", "STRING", "required", true),
                        Map.of(
                            "name",
                            "Password",
                            "secret",
                            true,
                            "defaultValue",
                            "hunter2-default")))));
    String runId = run(msp, pc, script, Map.of("Target", "srv1", "Password", "s3cr3t-" + t));
    assertThat(
            msp.put(
                    "/api/v1/scripts/" + script,
                    script(
                        "pinned",
                        "version",
                        0,
                        "body",
                        "echo v2",
                        "parameters",
                        List.of(
                            Map.of("name", "Target", "type", "STRING", "required", true),
                            Map.of("name", "Password", "secret", true))))
                .json()
                .path("latestVersion")
                .asInt())
        .isEqualTo(2);
    Http.Response run = msp.get("/api/v1/script-runs/" + runId);
    assertThat(run.json().path("scriptVersion").asInt()).isEqualTo(1);
    assertThat(run.json().path("secretParameters").toString()).contains("Password");
    assertThat(run.raw()).doesNotContain("s3cr3t-");
    TestUsers.TestUser exec = executor(executorRole(), t);
    JsonNode claimed = exec.http().post("/api/v1/executor/claims", Map.of("max", 5)).json();
    assertThat(claimed).hasSize(1);
    assertThat(claimed.get(0).path("body").asString()).isEqualTo("echo v1");
    assertThat(claimed.get(0).path("parameters").path("Password").asString())
        .isEqualTo("s3cr3t-" + t);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where coalesce(after_json, '') || coalesce(before_json, '') like ?")
                .param("%s3cr3t-" + t + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void outputStreamsAndTheExitCodeEndsTheRun() {
    UUID t = testUsers.clientTenant("run-out");
    UUID pc = testUsers.computer(t, ComputerType.SERVER);
    Http msp = signedIn();
    String script = created(msp.post("/api/v1/scripts", script("out", "ownerTenantId", t)));
    String runId = run(msp, pc, script, Map.of());
    Http exec = executor(executorRole(), t).http();
    assertThat(exec.post("/api/v1/executor/claims", Map.of()).json()).hasSize(1);
    assertThat(
            exec.post(
                    "/api/v1/executor/runs/" + runId + "/output",
                    Map.of(
                        "lines",
                        List.of(
                            Map.of("text", "line one"),
                            Map.of("stream", "STDERR", "text", "oops"))))
                .status())
        .isEqualTo(204);
    JsonNode out = msp.get("/api/v1/script-runs/" + runId + "/output").json();
    assertThat(out.path("status").asString()).isEqualTo("RUNNING");
    assertThat(out.path("lines")).hasSize(2);
    assertThat(msp.get("/api/v1/script-runs/" + runId + "/output?after=1").json().path("lines"))
        .hasSize(1);
    assertThat(
            exec.post("/api/v1/executor/runs/" + runId + "/result", Map.of("exitCode", 3))
                .json()
                .path("status")
                .asString())
        .isEqualTo("FAILED");
    assertThat(msp.post("/api/v1/script-runs/" + runId + "/cancel", null).status()).isEqualTo(409);
    String second = run(msp, pc, script, Map.of());
    assertThat(
            msp.post("/api/v1/script-runs/" + second + "/cancel", null)
                .json()
                .path("status")
                .asString())
        .isEqualTo("CANCELLED");
    assertThat(exec.post("/api/v1/executor/claims", Map.of()).json())
        .as("cancelled runs are not claimed")
        .isEmpty();
  }

  @Test
  void theExecutorCannotClaimTheSameRunTwiceUnderTwentyConcurrentClaimers() throws Exception {
    UUID t = testUsers.clientTenant("run-race");
    UUID pc = testUsers.computer(t, ComputerType.WORKSTATION);
    Http msp = signedIn();
    String script = created(msp.post("/api/v1/scripts", script("race", "ownerTenantId", t)));
    Set<String> requested = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      requested.add(run(msp, pc, script, Map.of()));
    }
    UUID role = executorRole();
    List<Http> claimers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      claimers.add(executor(role, t).http());
    }
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<?>> done = new ArrayList<>();
    for (Http c : claimers) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                while (true) {
                  JsonNode got = c.post("/api/v1/executor/claims", Map.of("max", 2)).json();
                  if (got.isEmpty()) {
                    return null;
                  }
                  got.forEach(r -> claimed.add(r.path("runId").asString()));
                }
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).doesNotHaveDuplicates();
    assertThat(new HashSet<>(claimed)).isEqualTo(requested);
  }

  @Test
  void theExecutorCannotClaimOrReportRunsOutsideItsScope() {
    UUID served = testUsers.clientTenant("run-served");
    UUID other = testUsers.clientTenant("run-other");
    UUID pc = testUsers.computer(other, ComputerType.WORKSTATION);
    Http msp = signedIn();
    String script = created(msp.post("/api/v1/scripts", script("scope", "ownerTenantId", other)));
    String runId = run(msp, pc, script, Map.of());
    Http exec = executor(executorRole(), served).http();
    assertThat(exec.post("/api/v1/executor/claims", Map.of("max", 100)).json().toString())
        .doesNotContain(runId);
    assertThat(
            exec.post("/api/v1/executor/runs/" + runId + "/result", Map.of("exitCode", 0)).status())
        .isEqualTo(404);
    // a user without the executor permission anywhere is refused outright
    assertThat(tenantAdmin(other).http().post("/api/v1/executor/claims", Map.of()).status())
        .isEqualTo(403);
    assertThat(msp.get("/api/v1/script-runs/" + runId).json().path("status").asString())
        .isEqualTo("PENDING");
  }

  @Test
  void aRunWhoseLeaseExpiredIsClaimedAgain() {
    UUID t = testUsers.clientTenant("run-lease");
    UUID pc = testUsers.computer(t, ComputerType.WORKSTATION);
    Http msp = signedIn();
    String script = created(msp.post("/api/v1/scripts", script("lease", "ownerTenantId", t)));
    String runId = run(msp, pc, script, Map.of());
    UUID role = executorRole();
    Http first = executor(role, t).http();
    Http second = executor(role, t).http();
    assertThat(first.post("/api/v1/executor/claims", Map.of()).json()).hasSize(1);
    assertThat(second.post("/api/v1/executor/claims", Map.of()).json()).as("leased").isEmpty();
    testUsers.write(
        () ->
            jdbc.sql(
                    "update script_run set lease_expires_at = now() - interval '1 second' where id = ?::uuid")
                .param(runId)
                .update());
    JsonNode again = second.post("/api/v1/executor/claims", Map.of()).json();
    assertThat(again).hasSize(1);
    assertThat(again.get(0).path("runId").asString()).isEqualTo(runId);
    assertThat(again.get(0).path("attempt").asInt()).isEqualTo(2);
    assertThat(
            first
                .post("/api/v1/executor/runs/" + runId + "/result", Map.of("exitCode", 0))
                .status())
        .as("the first executor lost its lease")
        .isEqualTo(409);
    assertThat(
            second
                .post("/api/v1/executor/runs/" + runId + "/result", Map.of("exitCode", 0))
                .status())
        .isEqualTo(200);
  }

  @Test
  void terminalPreferenceOffRefusesAdHocRunsToNonAdminsAndNamesThePreference() {
    UUID t = testUsers.clientTenant("run-pref");
    UUID pc = testUsers.computer(t, ComputerType.WORKSTATION);
    Http admin = tenantAdmin(t).http();
    String script = created(admin.post("/api/v1/scripts", script("pref")));
    Http terminalUser = withRole(t, BuiltInRoles.COMPUTER_TERMINAL_USER.id()).http();
    setTerminalPreference(false);
    Http.Response refused =
        admin.post("/api/v1/script-runs", Map.of("computerId", pc, "scriptId", script));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("detail").asString())
        .contains("Allow Non-Admins and Non-MSP Users to Use Terminal and Edit Scripts");
    assertThat(
            terminalUser
                .post("/api/v1/script-runs", Map.of("computerId", pc, "scriptId", script))
                .status())
        .isEqualTo(201);
    assertThat(
            signedIn()
                .post("/api/v1/script-runs", Map.of("computerId", pc, "scriptId", script))
                .status())
        .isEqualTo(201);
  }
}
