package dev.tenantry.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end through deployments (part A) and change requests: with "Require Change Requests for
 * Non-Admin Cross-Tenant Deployments" on, an MSP non-admin's cross-tenant deployment is filed as a
 * request that MSP admins see, with its diff, in their badge and list, and that its author cannot
 * approve.
 */
class DeploymentChangeRequestTest extends ChangeRequestTestSupport {

  @Test
  void aNonAdminMspUsersCrossTenantDeploymentBecomesARequestForTheMspsAdmins() {
    UUID msp = testUsers.mspTenant();
    Http admin = signedIn();
    String sw =
        created(
            admin.post(
                "/api/v1/software", Map.of("name", "cr-sw-" + UUID.randomUUID(), "global", true)));
    String version =
        created(admin.post("/api/v1/software/" + sw + "/versions", Map.of("version", "1.0")));
    TestUsers.TestUser nonAdmin =
        testUsers.user(msp, Grant.allow(BuiltInRoles.SYSTEM_USER_LEGACY.id(), Scope.owner()));
    preference("legacy.allowNonAdminsToManageDeployments", true);
    preference("legacy.requireChangeRequestsForCrossTenantDeployments", true);
    try {
      Map<String, Object> deployment = new LinkedHashMap<>();
      deployment.put("name", "7-Zip everywhere");
      deployment.put("subjectKind", "SOFTWARE");
      deployment.put("subjectId", sw);
      deployment.put("versionId", version);
      deployment.put("desiredState", "INSTALL");
      deployment.put("target", Map.of("kind", "CROSS_TENANT", "mspId", msp));
      Http.Response r = nonAdmin.http().post("/api/v1/deployments", deployment);
      assertThat(r.status()).as("%s", r).isEqualTo(202);
      UUID request = UUID.fromString(r.json().path("changeRequestId").asString());

      JsonNode detail = admin.get(path(request)).json();
      assertThat(detail.path("kind").asString()).isEqualTo("deployment.create");
      assertThat(detail.path("state").asString()).isEqualTo("WAITING_FOR_APPROVAL");
      assertThat(detail.path("authorUserId").asString()).isEqualTo(nonAdmin.id().toString());
      assertThat(detail.path("changes").valueStream().map(c -> c.path("path").asString()))
          .contains("target.kind", "desiredState");
      assertThat(detail.path("actions").path("approve").asBoolean()).isTrue();
      assertThat(admin.get("/api/v1/change-requests?kind=deployment.create&size=500").raw())
          .contains(request.toString());
      assertThat(admin.get("/api/v1/change-requests/open-count").json().path("count").asLong())
          .isPositive();

      assertThat(approve(nonAdmin.http(), request, 0).status()).as("their own").isEqualTo(403);
      assertThat(
              nonAdmin
                  .http()
                  .get(path(request))
                  .json()
                  .path("actions")
                  .path("withdraw")
                  .asBoolean())
          .isTrue();
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where action = 'deployment.created' and actor_user_id = ?")
                  .param(nonAdmin.id())
                  .query(Long.class)
                  .single())
          .as("nothing deployed yet")
          .isZero();
    } finally {
      preference("legacy.requireChangeRequestsForCrossTenantDeployments", false);
      preference("legacy.allowNonAdminsToManageDeployments", false);
    }
  }

  private static String created(Http.Response r) {
    assertThat(r.status()).as("created: %s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }
}
