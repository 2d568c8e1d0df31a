package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Adopt the new version" (DESIGN §7): explicit, audited, and never changing a pinned version in
 * place.
 */
class LibraryAdoptTest extends LibraryTestSupport {

  private UUID scriptVersion(String script, int number) {
    return jdbc.sql("select id from script_version where script_id = ?::uuid and number = ?")
        .params(script, number)
        .query(UUID.class)
        .single();
  }

  private void newScriptVersion(Http as, String script) {
    JsonNode s = as.get("/api/v1/scripts/" + script).json();
    var r =
        as.put(
            "/api/v1/scripts/" + script,
            script(
                s.path("name").asString(),
                "body",
                "echo " + UUID.randomUUID(),
                "version",
                s.path("version").asLong()));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  private long adoptEvents(String action, String id) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, id)
        .query(Long.class)
        .single();
  }

  @Test
  void adoptingOnATaskAddsAVersionPinningTheLatestScriptsAndLeavesTheOldOneAsItWas() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("adopt-task"));
    Http api = admin.http();
    String script = created(api.post("/api/v1/scripts", script("adopt set " + UUID.randomUUID())));
    String task =
        created(
            api.post(
                "/api/v1/maintenance-tasks",
                Map.of("name", "adopt " + UUID.randomUUID(), "setScriptId", script)));
    String adopt = "/api/v1/maintenance-tasks/" + task + "/adopt-latest-scripts";
    newScriptVersion(api, script);
    var r = api.post(adopt, null);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("latestVersion").asInt()).isEqualTo(2);
    assertThat(r.json().path("setScriptVersionId").asString())
        .isEqualTo(scriptVersion(script, 2).toString());
    assertThat(
            jdbc.sql(
                    "select set_script_version_id from maintenance_task_version"
                        + " where task_id = ?::uuid and number = 1")
                .param(task)
                .query(UUID.class)
                .single())
        .as("version 1 still runs script version 1")
        .isEqualTo(scriptVersion(script, 1));
    assertThat(adoptEvents("maintenance-task.scripts-adopted", task)).isEqualTo(1);

    Http other = tenantAdmin(testUsers.clientTenant("adopt-other")).http();
    assertThat(other.post(adopt, null).status()).isEqualTo(404);
  }

  @Test
  void adoptingOnASoftwareVersionAddsANewVersionWithTheSameInstallerAndTheLatestScripts() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("adopt-sw"));
    Http api = admin.http();
    String script = created(api.post("/api/v1/scripts", script("adopt inst " + UUID.randomUUID())));
    String sw =
        created(
            api.post(
                "/api/v1/software",
                Map.of("name", "adopt " + UUID.randomUUID(), "installScriptId", script)));
    String v1 = created(api.post("/api/v1/software/" + sw + "/versions", Map.of("version", "2.4")));
    byte[] installer = new byte[100_000];
    new java.util.Random(9).nextBytes(installer);
    Raw up =
        raw(
            admin,
            "PUT",
            "/api/v1/software/" + sw + "/versions/" + v1 + "/installer?fileName=setup.msi",
            () -> new ByteArrayInputStream(installer));
    assertThat(up.status()).isEqualTo(200);
    String adopt = "/api/v1/software/" + sw + "/versions/" + v1 + "/adopt-latest-scripts";
    newScriptVersion(api, script);
    var r = api.post(adopt, Map.of());
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonNode added = r.json();
    assertThat(added.path("version").asString()).isEqualTo("2.4+1");
    assertThat(added.path("installScriptVersionId").asString())
        .isEqualTo(scriptVersion(script, 2).toString());
    assertThat(added.path("installerSha256").asString())
        .isEqualTo(up.json().path("installerSha256").asString());
    assertThat(added.path("installerFileName").asString()).isEqualTo("setup.msi");
    JsonNode versions = api.get("/api/v1/software/" + sw + "/versions").json();
    assertThat(versions.get(0).path("version").asString()).as("newest first").isEqualTo("2.4+1");
    assertThat(versions.get(1).path("installScriptVersionId").asString())
        .as("2.4 still installs with script version 1")
        .isEqualTo(scriptVersion(script, 1).toString());
    assertThat(adoptEvents("software.scripts-adopted", sw)).isEqualTo(1);
  }

  @Test
  void adoptingWhatAlreadyPinsTheLatestScriptsAnswersItUnchangedWithoutAVersionOrAuditEvent() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("adopt-idem"));
    Http api = admin.http();
    String script = created(api.post("/api/v1/scripts", script("adopt idem " + UUID.randomUUID())));
    String task =
        created(
            api.post(
                "/api/v1/maintenance-tasks",
                Map.of("name", "idem " + UUID.randomUUID(), "setScriptId", script)));
    String adoptTask = "/api/v1/maintenance-tasks/" + task + "/adopt-latest-scripts";
    var same = api.post(adoptTask, null);
    assertThat(same.status()).as("%s", same).isEqualTo(200);
    assertThat(same.json().path("latestVersion").asInt()).isEqualTo(1);
    assertThat(same.json().path("version").asLong())
        .isEqualTo(api.get("/api/v1/maintenance-tasks/" + task).json().path("version").asLong());
    newScriptVersion(api, script);
    assertThat(api.post(adoptTask, null).json().path("latestVersion").asInt()).isEqualTo(2);
    var again = api.post(adoptTask, null);
    assertThat(again.status()).as("adopting twice is idempotent").isEqualTo(200);
    assertThat(again.json().path("latestVersion").asInt()).isEqualTo(2);
    assertThat(adoptEvents("maintenance-task.scripts-adopted", task)).isEqualTo(1);

    String sw =
        created(
            api.post(
                "/api/v1/software",
                Map.of("name", "idem " + UUID.randomUUID(), "installScriptId", script)));
    String v1 = created(api.post("/api/v1/software/" + sw + "/versions", Map.of("version", "7")));
    String adoptSw = "/api/v1/software/" + sw + "/versions/" + v1 + "/adopt-latest-scripts";
    var unchanged = api.post(adoptSw, Map.of());
    assertThat(unchanged.status()).as("%s", unchanged).isEqualTo(200);
    assertThat(unchanged.json().path("id").asString()).isEqualTo(v1);
    assertThat(unchanged.json().path("version").asString()).isEqualTo("7");
    assertThat(api.get("/api/v1/software/" + sw + "/versions").json().size()).isEqualTo(1);
    assertThat(adoptEvents("software.scripts-adopted", sw)).isZero();
  }
}
