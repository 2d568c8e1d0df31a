package dev.tenantry.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may create, see and change deployments (DESIGN §8, seed 003). */
class DeploymentRulesTest extends DeploymentTestSupport {

  @Test
  void customerAdminCreatesTenantWideDeploymentForOwnTenantOnly() {
    UUID a = testUsers.clientTenant("cust-a");
    UUID b = testUsers.clientTenant("cust-b");
    UUID msp = testUsers.mspTenant();
    Sw sw = globalSoftware("Firefox");
    Http admin = customerAdmin(a).http();
    withNonAdminsAllowed(
        () -> {
          assertThat(
                  admin
                      .post(
                          "/api/v1/deployments",
                          install(sw, target("kind", "TENANT", "tenantId", a)))
                      .status())
              .isEqualTo(201);
          assertThat(
                  admin
                      .post(
                          "/api/v1/deployments",
                          install(sw, target("kind", "TENANT", "tenantId", b)))
                      .status())
              .as("another customer's tenant does not exist for them")
              .isEqualTo(404);
          Http.Response subtree =
              admin.post(
                  "/api/v1/deployments",
                  install(sw, target("kind", "TENANT", "tenantId", a, "includeChildren", true)));
          assertThat(subtree.status())
              .as("children created later are beyond their reach: %s", subtree)
              .isEqualTo(403);
          for (Map<String, Object> cross :
              java.util.List.of(
                  target("kind", "CROSS_TENANT"),
                  target("kind", "CROSS_TENANT", "mspId", msp),
                  target("kind", "TENANT_TAG", "tagId", testUsers.tag("t"), "mspId", msp))) {
            Http.Response r = admin.post("/api/v1/deployments", install(sw, cross));
            assertThat(r.status()).as("never cross-tenant: %s", r).isIn(403, 404);
          }
        });
  }

  @Test
  void customerNonAdminOnlyComputerAndPersonTargets() {
    UUID a = testUsers.clientTenant("nonadmin");
    UUID pc = testUsers.computer(a, ComputerType.WORKSTATION);
    TestUsers.TestUser user = customerNonAdmin(a);
    Sw sw = globalSoftware("Zoom");
    withNonAdminsAllowed(
        () -> {
          Http h = user.http();
          assertThat(
                  h.post(
                          "/api/v1/deployments",
                          install(sw, target("kind", "COMPUTER", "computerId", pc)))
                      .status())
              .isEqualTo(201);
          assertThat(
                  h.post(
                          "/api/v1/deployments",
                          install(sw, target("kind", "PERSON", "personId", user.personId())))
                      .status())
              .isEqualTo(201);
          Http.Response tenantWide =
              h.post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a)));
          assertThat(tenantWide.status()).as("%s", tenantWide).isEqualTo(403);
          assertThat(tenantWide.raw()).contains("deployments:manage");
          Http.Response enforced =
              h.post(
                  "/api/v1/deployments",
                  install(sw, target("kind", "COMPUTER", "computerId", pc), "enforced", true));
          assertThat(enforced.status())
              .as("enforcing needs deployments:manage: %s", enforced)
              .isEqualTo(403);
        });
  }

  @Test
  void nonAdminIsRefusedNamingThePreferenceWhileItIsOff() {
    UUID a = testUsers.clientTenant("prefoff");
    Sw sw = globalSoftware("Chrome");
    Http.Response r =
        customerAdmin(a)
            .http()
            .post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a)));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString())
        .contains("Allow Non-Admin Users to Manage Deployments");
    assertThat(
            signedIn()
                .post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a)))
                .status())
        .as("an MSP admin holds it at OWNER")
        .isEqualTo(201);
    TestUsers.TestUser manager =
        testUsers.user(
            a,
            Grant.allow(BuiltInRoles.DEPLOYMENT_MANAGER.id(), Scope.tenant(a, false)),
            Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(a, false)));
    assertThat(
            manager
                .http()
                .post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a)))
                .status())
        .as("the Deployment Manager role replaces the preference")
        .isEqualTo(201);
  }

  @Test
  void deploymentToEmptyTagNeedsEveryTenantItCanReach() {
    UUID msp = testUsers.mspTenant();
    UUID a = testUsers.clientTenant("tag-a");
    UUID b = testUsers.clientTenant("tag-b");
    UUID emptyTag = testUsers.tag("empty");
    Sw sw = globalSoftware("Slack");
    // holds both deployment roles over every tenant that exists today, one subtree at a time
    TestUsers.TestUser perTenant =
        testUsers.user(
            a,
            Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(msp, false)),
            Grant.allow(BuiltInRoles.DEPLOYMENT_MANAGER.id(), Scope.tenant(msp, false)),
            Grant.allow(
                BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.id(), Scope.tenant(msp, false)),
            Grant.allow(BuiltInRoles.DEPLOYMENT_MANAGER.id(), Scope.tenant(a, true)),
            Grant.allow(BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.id(), Scope.tenant(a, true)),
            Grant.allow(BuiltInRoles.DEPLOYMENT_MANAGER.id(), Scope.tenant(b, true)),
            Grant.allow(BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.id(), Scope.tenant(b, true)));
    Map<String, Object> body =
        install(sw, target("kind", "TENANT_TAG", "tagId", emptyTag, "mspId", msp));
    withNonAdminsAllowed(
        () -> {
          Http.Response r = perTenant.http().post("/api/v1/deployments", body);
          assertThat(r.status())
              .as("today's tenants one by one are not the tag's reach: %s", r)
              .isEqualTo(403);
          TestUsers.TestUser atMsp =
              testUsers.user(
                  a,
                  Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.tenant(a, false)),
                  Grant.allow(BuiltInRoles.DEPLOYMENT_MANAGER.id(), Scope.msp(msp)),
                  Grant.allow(BuiltInRoles.CROSS_TENANT_DEPLOYMENT_MANAGER.id(), Scope.msp(msp)));
          assertThat(atMsp.http().post("/api/v1/deployments", body).status()).isEqualTo(201);
          Http.Response wide =
              atMsp
                  .http()
                  .post(
                      "/api/v1/deployments",
                      install(sw, target("kind", "TENANT_TAG", "tagId", emptyTag)));
          assertThat(wide.status())
              .as("without an MSP limit the reach is the instance: %s", wide)
              .isIn(403, 404);
        });
  }

  @Test
  void invisibleDeploymentAnswersLikeARandomId() {
    UUID a = testUsers.clientTenant("vis-a");
    UUID b = testUsers.clientTenant("vis-b");
    Sw sw = globalSoftware("Teams");
    String theirs =
        id(
            signedIn()
                .post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", b))));
    String cross =
        id(signedIn().post("/api/v1/deployments", install(sw, target("kind", "CROSS_TENANT"))));
    Http me = customerAdmin(a).http();
    String random = UUID.randomUUID().toString();
    Http.Response missing = me.get("/api/v1/deployments/" + random);
    assertThat(missing.status()).isEqualTo(404);
    for (String id : java.util.List.of(theirs, cross)) {
      Http.Response r = me.get("/api/v1/deployments/" + id);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.json().path("title")).isEqualTo(missing.json().path("title"));
      assertThat(r.json().path("detail").asString())
          .isEqualTo(missing.json().path("detail").asString().replace(random, id));
      assertThat(
              me.put(
                      "/api/v1/deployments/" + id,
                      install(sw, target("kind", "TENANT", "tenantId", a), "version", 0))
                  .status())
          .isEqualTo(404);
      assertThat(me.delete("/api/v1/deployments/" + id).status()).isEqualTo(404);
    }
    assertThat(ids(me.get("/api/v1/deployments?size=500"))).doesNotContain(theirs, cross);
    assertThat(ids(signedIn().get("/api/v1/deployments?size=500"))).contains(theirs, cross);
  }

  @Test
  void editNeedsTheVersionAndRefusesAStaleOne() {
    UUID a = testUsers.clientTenant("ver");
    Sw sw = globalSoftware("VLC");
    Http admin = signedIn();
    String id =
        id(admin.post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a))));
    Map<String, Object> edit = state(sw, "UNINSTALL", target("kind", "TENANT", "tenantId", a));
    assertThat(admin.put("/api/v1/deployments/" + id, edit).status()).isEqualTo(428);
    edit.put("version", 7);
    assertThat(admin.put("/api/v1/deployments/" + id, edit).status()).isEqualTo(412);
    edit.put("version", 0);
    Http.Response ok = admin.put("/api/v1/deployments/" + id, edit);
    assertThat(ok.status()).as("%s", ok).isEqualTo(200);
    assertThat(ok.json().path("desiredState").asString()).isEqualTo("UNINSTALL");
    assertThat(ok.json().path("version").asLong()).isEqualTo(1);
    assertThat(admin.delete("/api/v1/deployments/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/deployments/" + id).status()).isEqualTo(404);
  }

  @Test
  void editIsJudgedAtTheOldAndTheNewTarget() {
    UUID a = testUsers.clientTenant("edit-a");
    UUID b = testUsers.clientTenant("edit-b");
    Sw sw = globalSoftware("Edge");
    Http msp = signedIn();
    String subtree =
        id(
            msp.post(
                "/api/v1/deployments",
                install(sw, target("kind", "TENANT", "tenantId", a, "includeChildren", true))));
    String own =
        id(msp.post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a))));
    Http admin = customerAdmin(a).http();
    withNonAdminsAllowed(
        () -> {
          Http.Response narrowed =
              admin.put(
                  "/api/v1/deployments/" + subtree,
                  install(sw, target("kind", "TENANT", "tenantId", a), "version", 0));
          assertThat(narrowed.status())
              .as("the old target reaches tenants they cannot manage: %s", narrowed)
              .isEqualTo(403);
          Http.Response moved =
              admin.put(
                  "/api/v1/deployments/" + own,
                  install(sw, target("kind", "TENANT", "tenantId", b), "version", 0));
          assertThat(moved.status())
              .as("the new target is another customer's: %s", moved)
              .isEqualTo(404);
          Http.Response ok =
              admin.put(
                  "/api/v1/deployments/" + own,
                  install(
                      sw, target("kind", "TENANT", "tenantId", a), "version", 0, "priority", 3));
          assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        });
  }

  @Test
  void customerNonAdminRemovesOnlyIndividualDeployments() {
    UUID a = testUsers.clientTenant("del");
    UUID pc = testUsers.computer(a, ComputerType.WORKSTATION);
    Sw sw = globalSoftware("Audacity");
    String tenantWide =
        id(
            signedIn()
                .post("/api/v1/deployments", install(sw, target("kind", "TENANT", "tenantId", a))));
    Http user = customerNonAdmin(a).http();
    withNonAdminsAllowed(
        () -> {
          String mine =
              id(
                  user.post(
                      "/api/v1/deployments",
                      install(sw, target("kind", "COMPUTER", "computerId", pc))));
          assertThat(user.delete("/api/v1/deployments/" + tenantWide).status()).isEqualTo(403);
          assertThat(user.delete("/api/v1/deployments/" + mine).status()).isEqualTo(204);
        });
  }

  @Test
  void subjectMustBeUsableWhereTheTargetLies() {
    UUID a = testUsers.clientTenant("own-a");
    UUID b = testUsers.clientTenant("own-b");
    Http msp = signedIn();
    String ownedByA =
        msp.post("/api/v1/software", Map.of("name", "Internal app", "ownerTenantId", a))
            .json()
            .path("id")
            .asString();
    Map<String, Object> body =
        Map.of(
            "subjectKind",
            "SOFTWARE",
            "subjectId",
            ownedByA,
            "desiredState",
            "KEEP_LATEST",
            "target",
            target("kind", "TENANT", "tenantId", b));
    Http.Response r = msp.post("/api/v1/deployments", body);
    assertThat(r.status()).as("another tenant's software: %s", r).isEqualTo(400);
    Http.Response cross =
        msp.post(
            "/api/v1/deployments",
            Map.of(
                "subjectKind",
                "SOFTWARE",
                "subjectId",
                ownedByA,
                "desiredState",
                "KEEP_LATEST",
                "target",
                target("kind", "CROSS_TENANT")));
    assertThat(cross.status()).as("a tenant's software to every tenant: %s", cross).isEqualTo(400);
    Map<String, Object> atA = new java.util.HashMap<>(body);
    atA.put("target", target("kind", "TENANT", "tenantId", a));
    assertThat(msp.post("/api/v1/deployments", atA).status()).isEqualTo(201);
  }
}
