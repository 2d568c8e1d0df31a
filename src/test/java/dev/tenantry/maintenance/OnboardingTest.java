package dev.tenantry.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tenant preference {@code maintenance.onboarding}: a computer created where it is effectively
 * on gets an ONBOARDING session in the same transaction, with its deployments resolved then.
 */
class OnboardingTest extends IntegrationTest {

  @Test
  void newComputerGetsAnOnboardingSessionWithItsDeploymentsWhereThePreferenceIsOnAndInherited() {
    Http admin = signedIn();
    UUID parent = testUsers.clientTenant("onboard-parent");
    UUID child = testUsers.tenant("onboard-child-" + UUID.randomUUID(), parent, false);
    Http.Response on =
        admin.patch(
            "/api/v1/tenants/" + parent + "/preferences", Map.of("maintenance.onboarding", true));
    assertThat(on.status()).as(on.raw()).isEqualTo(200);
    String deployment = tenantDeployment(admin, parent);

    UUID atParent = computer(admin, parent, "onboard-ws-01");
    UUID atChild = computer(admin, child, "onboard-ws-02"); // inherited from the parent

    for (UUID pc : List.of(atParent, atChild)) {
      JsonNode sessions = sessionsOf(admin, pc);
      assertThat(sessions).hasSize(1);
      JsonNode s = sessions.get(0);
      assertThat(s.path("origin").asString()).isEqualTo("ONBOARDING");
      assertThat(s.path("status").asString()).isEqualTo("PENDING");
      assertThat(s.path("deployments").valueStream().map(d -> d.path("deploymentId").asString()))
          .containsExactly(deployment);
    }
    assertThat(auditedOnboardings(atParent)).isEqualTo(1);
  }

  @Test
  void noOnboardingSessionWhereThePreferenceIsOffOrTurnedOffAtTheChild() {
    Http admin = signedIn();
    UUID off = testUsers.clientTenant("onboard-off");
    UUID parent = testUsers.clientTenant("onboard-on");
    UUID child = testUsers.tenant("onboard-optout-" + UUID.randomUUID(), parent, false);
    admin.patch(
        "/api/v1/tenants/" + parent + "/preferences", Map.of("maintenance.onboarding", true));
    Http.Response optOut =
        admin.patch(
            "/api/v1/tenants/" + child + "/preferences", Map.of("maintenance.onboarding", false));
    assertThat(optOut.status()).as(optOut.raw()).isEqualTo(200);

    UUID plain = computer(admin, off, "plain-ws-01");
    UUID optedOut = computer(admin, child, "optout-ws-01");

    assertThat(sessionsOf(admin, plain)).isEmpty();
    assertThat(sessionsOf(admin, optedOut)).isEmpty();
    assertThat(auditedOnboardings(plain)).isZero();
  }

  private static UUID computer(Http api, UUID tenant, String name) {
    Http.Response r =
        api.post(
            "/api/v1/computers", Map.of("tenantId", tenant, "name", name, "type", "WORKSTATION"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return UUID.fromString(r.json().path("id").asString());
  }

  private static JsonNode sessionsOf(Http api, UUID computer) {
    Http.Response r = api.get("/api/v1/maintenance-sessions?computerId=" + computer);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.json().path("items");
  }

  private long auditedOnboardings(UUID computer) {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'maintenance-session.requested'"
                + " and after_json::jsonb ->> 'computerId' = ?"
                + " and after_json::jsonb ->> 'origin' = 'ONBOARDING'")
        .param(computer.toString())
        .query(Long.class)
        .single();
  }

  /** A tenant-wide (with children) deployment of a new global software. */
  private static String tenantDeployment(Http admin, UUID tenant) {
    String sw =
        admin
            .post(
                "/api/v1/software", Map.of("name", "Onboard " + UUID.randomUUID(), "global", true))
            .json()
            .path("id")
            .asString();
    String v =
        admin
            .post("/api/v1/software/" + sw + "/versions", Map.of("version", "1.0"))
            .json()
            .path("id")
            .asString();
    Http.Response d =
        admin.post(
            "/api/v1/deployments",
            Map.of(
                "subjectKind",
                "SOFTWARE",
                "subjectId",
                sw,
                "versionId",
                v,
                "desiredState",
                "INSTALL",
                "target",
                Map.of("kind", "TENANT", "tenantId", tenant, "includeChildren", true)));
    assertThat(d.status()).as(d.raw()).isEqualTo(201);
    return d.json().path("id").asString();
  }
}
