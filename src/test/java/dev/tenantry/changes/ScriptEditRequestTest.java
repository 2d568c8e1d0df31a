package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DESIGN §8: "Script edits by change-requesters go through the same flow". */
class ScriptEditRequestTest extends ChangeRequestTestSupport {

  @Test
  void scriptEditByChangeRequesterBecomesARequest() {
    UUID tenant = testUsers.clientTenant("cr-script");
    String id = script(tenant, "Write-Output 'one'\nWrite-Output 'two'\n");
    TestUsers.TestUser requester =
        holding(tenant, "scripts:view", "change-requests:view", "change-requests:create");

    Http.Response r =
        requester
            .http()
            .put("/api/v1/scripts/" + id, edit("Write-Output 'one'\nWrite-Output 'TWO'\n", 0));
    assertThat(r.status()).as("%s", r).isEqualTo(202);
    String request = r.json().path("changeRequestId").asString();
    assertThat(r.header("Location")).isEqualTo("/api/v1/change-requests/" + request);
    JsonNode script = signedIn().get("/api/v1/scripts/" + id).json();
    assertThat(script.path("body").asString()).as("nothing applied yet").contains("'two'");
    assertThat(script.path("version").asLong()).isZero();

    JsonNode detail = requester.http().get("/api/v1/change-requests/" + request).json();
    assertThat(detail.path("kind").asString()).isEqualTo("script.edit");
    assertThat(detail.path("state").asString()).isEqualTo("WAITING_FOR_APPROVAL");
    JsonNode body = change(detail, "body");
    assertThat(body.path("lines").valueStream().map(JsonNode::asString).toList())
        .contains("-Write-Output 'two'", "+Write-Output 'TWO'");

    TestUsers.TestUser approver =
        testUsers.user(
            tenant,
            Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenant, true)));
    Http.Response approved =
        approver
            .http()
            .post(
                "/api/v1/change-requests/" + request + "/approve",
                Map.of("version", detail.path("version").asLong()));
    assertThat(approved.status()).as("%s", approved).isEqualTo(200);
    script = signedIn().get("/api/v1/scripts/" + id).json();
    assertThat(script.path("body").asString()).contains("'TWO'");
    assertThat(script.path("latestVersion").asInt()).isEqualTo(2);
    String audit =
        jdbc.sql(
                "select after_json::text from audit_event where action = 'script.updated'"
                    + " and target_id = ? and actor_user_id = ?")
            .params(id, approver.id())
            .query(String.class)
            .single();
    assertThat(audit).contains(request).contains(requester.id().toString());
  }

  @Test
  void whoEditsDirectlyWhoRequestsAndWhoIsRefused() {
    UUID tenant = testUsers.clientTenant("cr-script-who");
    String id = script(tenant, "echo 1\n");
    TestUsers.TestUser viewer = holding(tenant, "scripts:view", "change-requests:view");
    assertThat(viewer.http().put("/api/v1/scripts/" + id, edit("echo 2\n", 0)).status())
        .as("neither manage nor create change requests")
        .isEqualTo(403);
    TestUsers.TestUser blind = holding(tenant, "change-requests:create");
    assertThat(blind.http().put("/api/v1/scripts/" + id, edit("echo 2\n", 0)).status())
        .as("cannot see the script")
        .isEqualTo(404);
    TestUsers.TestUser both =
        holding(tenant, "scripts:view", "scripts:manage", "change-requests:create");
    assertThat(both.http().put("/api/v1/scripts/" + id, edit("echo 3\n", 0)).status())
        .as("a script manager edits directly")
        .isEqualTo(200);

    TestUsers.TestUser requester =
        holding(tenant, "scripts:view", "change-requests:view", "change-requests:create");
    assertThat(requester.http().put("/api/v1/scripts/" + id, edit("echo 4\n", 0)).status())
        .as("stale version")
        .isEqualTo(412);
    Map<String, Object> secret = edit("echo 5\n", 1);
    secret.put(
        "parameters",
        List.of(Map.of("name", "Password", "secret", true, "defaultValue", "hunter2")));
    Http.Response refused = requester.http().put("/api/v1/scripts/" + id, secret);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw()).doesNotContain("hunter2");
    assertThat(
            jdbc.sql("select count(*) from change_request where after_json::text like '%hunter2%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private String script(UUID tenant, String body) {
    Http.Response r =
        signedIn()
            .post(
                "/api/v1/scripts",
                Map.of(
                    "name",
                    "cr-" + UUID.randomUUID(),
                    "language",
                    "POWERSHELL",
                    "body",
                    body,
                    "ownerTenantId",
                    tenant));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private static Map<String, Object> edit(String body, long version) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", "edited");
    m.put("language", "POWERSHELL");
    m.put("body", body);
    m.put("version", version);
    return m;
  }

  private static JsonNode change(JsonNode detail, String path) {
    return detail
        .path("changes")
        .valueStream()
        .filter(c -> c.path("path").asString().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change of " + path + " in " + detail));
  }
}
