package dev.tenantry.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.changes.internal.ChangeRequestDecisions;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN §8 change requests for deployments: when a change becomes one, and how it is applied. */
class DeploymentChangeRequestTest extends DeploymentTestSupport {
  @Autowired ChangeRequestDecisions decisions;

  /**
   * Manages single-tenant deployments everywhere and sees cross-tenant ones, cannot manage them.
   */
  private TestUsers.TestUser nonAdminMspUser() {
    UUID role = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['deployments:view',"
                        + " 'deployments:manage', 'cross-tenant-deployments:view', 'software:view'])")
                .params(role, "cr-non-admin-" + role)
                .update());
    return testUsers.user(testUsers.mspTenant(), Grant.allow(role, Scope.owner()));
  }

  @Test
  void nonAdminMspUsersCrossTenantChangeBecomesAChangeRequestWhenPreferenceIsOn() {
    Sw sw = globalSoftware("Acrobat");
    Http user = nonAdminMspUser().http();
    var body = install(sw, target("kind", "CROSS_TENANT", "mspId", testUsers.mspTenant()));
    Http.Response off = user.post("/api/v1/deployments", body);
    assertThat(off.status()).as("%s", off).isEqualTo(403);
    assertThat(off.raw()).contains("cross-tenant-deployments:manage");
    setApplicationPreference("legacy.requireChangeRequestsForCrossTenantDeployments", true);
    try {
      Http.Response on = user.post("/api/v1/deployments", body);
      assertThat(on.status()).as("%s", on).isEqualTo(202);
      String cr = on.json().path("changeRequestId").asString();
      assertThat(
              jdbc.sql("select kind || ' ' || state from change_request where id = ?::uuid")
                  .param(cr)
                  .query(String.class)
                  .single())
          .isEqualTo("deployment.create WAITING_FOR_APPROVAL");
    } finally {
      setApplicationPreference("legacy.requireChangeRequestsForCrossTenantDeployments", false);
    }
  }

  @Test
  void approvedRequestIsAppliedByTheApproversRightsAndAuditedWithBoth() {
    Sw sw = globalSoftware("Java");
    TestUsers.TestUser author = mspNonAdmin();
    Http.Response r =
        author.http().post("/api/v1/deployments", install(sw, target("kind", "CROSS_TENANT")));
    assertThat(r.status()).as("System User holds only the requester right: %s", r).isEqualTo(202);
    UUID cr = UUID.fromString(r.json().path("changeRequestId").asString());
    assertThat(count(sw)).isZero();

    TestUsers.TestUser weak =
        testUsers.user(
            testUsers.mspTenant(),
            Grant.allow(BuiltInRoles.SYSTEM_USER_LEGACY.id(), Scope.owner()));
    testUsers.assign(
        Principal.user(weak.id()),
        Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.owner()));
    assertThatThrownBy(() -> approve(weak, cr))
        .as("an approver who could not create it directly")
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("cross-tenant-deployments:manage");
    assertThat(count(sw)).isZero();

    TestUsers.TestUser approver = testUsers.mspAdmin();
    approve(approver, cr);
    assertThat(count(sw)).isEqualTo(1);
    UUID deployment =
        jdbc.sql("select id from deployment where software_id = ?::uuid")
            .param(sw.id())
            .query(UUID.class)
            .single();
    var audit =
        jdbc.sql(
                "select actor_user_id, after_json::text from audit_event where action = 'deployment.created'"
                    + " and target_id = ?")
            .param(deployment.toString())
            .query()
            .singleRow();
    assertThat(audit.get("actor_user_id")).isEqualTo(approver.id());
    assertThat(audit.get("after_json").toString())
        .contains(author.id().toString(), cr.toString(), approver.id().toString());
  }

  private void approve(TestUsers.TestUser who, UUID cr) {
    Actor actor = new Actor(who.id(), "approver", null, "req-" + UUID.randomUUID(), "");
    Actors.runAs(actor, () -> decisions.approve(cr, 0, "ok"));
  }

  private long count(Sw sw) {
    return jdbc.sql("select count(*) from deployment where software_id = ?::uuid")
        .param(sw.id())
        .query(Long.class)
        .single();
  }
}
