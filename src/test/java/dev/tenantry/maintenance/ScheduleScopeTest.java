package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A schedule's scope (tenant ± children ↔ cross-tenant) can be changed by an edit. */
class ScheduleScopeTest extends IntegrationTest {

  private static Map<String, Object> body(Object... kv) {
    Map<String, Object> b = new HashMap<>();
    b.put("name", "Scoped " + UUID.randomUUID().toString().substring(0, 6));
    b.put("cron", "0 3 * * 1-5");
    for (int i = 0; i < kv.length; i += 2) {
      b.put((String) kv[i], kv[i + 1]);
    }
    return b;
  }

  @Test
  void scopeChangeIsJudgedAtTheOldAndTheNewScope() {
    UUID msp = testUsers.mspTenant();
    UUID client = testUsers.clientTenant("sched-scope");
    // an administrator of the MSP only (who sees every schedule): may manage its tenants' and its
    // own cross-tenant schedules, not instance-wide ones
    UUID viewAll = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['schedules:view'])")
                .params(viewAll, "schedule-viewer-" + viewAll)
                .update());
    Http mspAdmin =
        testUsers
            .user(
                msp,
                Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.msp(msp)),
                Grant.allow(viewAll, Scope.owner()))
            .http();
    Http.Response created = mspAdmin.post("/api/v1/schedules", body("tenantId", client));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asString();

    // to every tenant of the instance: the new scope needs OWNER → refused, nothing changes
    Http.Response wider =
        mspAdmin.put("/api/v1/schedules/" + id, body("crossTenant", true, "version", 0));
    assertThat(wider.status()).as(wider.raw()).isEqualTo(403);
    assertThat(mspAdmin.get("/api/v1/schedules/" + id).json().path("scope").asString())
        .isEqualTo("TENANT");

    // to every tenant of its MSP: allowed at both ends, audited with before and after
    Http.Response moved =
        mspAdmin.put(
            "/api/v1/schedules/" + id,
            body("crossTenant", true, "mspId", msp, "includeChildren", false, "version", 0));
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.json().path("scope").asString()).isEqualTo("MSP");
    JsonNode tenant = moved.json().path("tenantId");
    assertThat(tenant.isNull() || tenant.isMissingNode()).as("tenantId: %s", tenant).isTrue();
    JsonNode audit = lastUpdate(id);
    assertThat(audit.path("before").path("scope").asString()).isEqualTo("TENANT");
    assertThat(audit.path("after").path("scope").asString()).isEqualTo("MSP");
    assertThat(audit.path("after").path("mspId").asString()).isEqualTo(msp.toString());

    // back to the tenant with its children, on the current version only
    Map<String, Object> back = body("tenantId", client, "includeChildren", true, "version", 0);
    assertThat(mspAdmin.put("/api/v1/schedules/" + id, back).status()).isEqualTo(412);
    back.put("version", 1);
    Http.Response returned = mspAdmin.put("/api/v1/schedules/" + id, back);
    assertThat(returned.status()).as(returned.raw()).isEqualTo(200);
    assertThat(returned.json().path("scope").asString()).isEqualTo("TENANT");
    assertThat(returned.json().path("includeChildren").asBoolean()).isTrue();

    // an instance-wide schedule (made by the owner), which the MSP admin sees, cannot be narrowed
    // by them into their own tenant: the old scope needs OWNER; the instance's administrator may
    Http owner = signedIn();
    Http.Response instanceWide = owner.post("/api/v1/schedules", body("crossTenant", true));
    assertThat(instanceWide.status()).as(instanceWide.raw()).isEqualTo(201);
    String wide = instanceWide.json().path("id").asString();
    Map<String, Object> narrow = body("tenantId", client, "version", 0);
    assertThat(mspAdmin.put("/api/v1/schedules/" + wide, narrow).status()).isEqualTo(403);
    assertThat(owner.put("/api/v1/schedules/" + wide, narrow).status()).isEqualTo(200);
    assertThat(owner.get("/api/v1/schedules/" + wide).json().path("tenantId").asString())
        .isEqualTo(client.toString());
  }

  private JsonNode lastUpdate(String id) {
    String before =
        jdbc.sql(
                "select before_json from audit_event where action = 'schedule.updated'"
                    + " and target_id = ? order by seq desc limit 1")
            .param(id)
            .query(String.class)
            .single();
    String after =
        jdbc.sql(
                "select after_json from audit_event where action = 'schedule.updated'"
                    + " and target_id = ? order by seq desc limit 1")
            .param(id)
            .query(String.class)
            .single();
    var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    return mapper
        .createObjectNode()
        .set("before", mapper.readTree(before))
        .set("after", mapper.readTree(after));
  }
}
