package dev.tenantry.tenancy;

import static dev.tenantry.tenancy.StructuralChangesTestSupport.digestOf;
import static dev.tenantry.tenancy.StructuralChangesTestSupport.lists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN §3.10 through the API: a structural change that gives someone access they did not have
 * lists it, and happens only when the caller could create each grant it relies on and confirms the
 * list's digest with {@code acceptAccessChanges}; a refusal writes nothing.
 */
class StructuralChangesTest extends TenancyTestSupport {
  private static final UUID ADMIN = BuiltInRoles.ADMINISTRATOR_LEGACY.id();

  private boolean tagged(UUID tenant, UUID tag) {
    return jdbc.sql("select count(*) from tenant_tag where tenant_id = ? and tag_id = ?")
            .params(tenant, tag)
            .query(Long.class)
            .single()
        == 1;
  }

  @Test
  void taggingATenantIntoATagScopeNeedsAcceptAccessChanges() {
    UUID tenant = testUsers.clientTenant("tag-target");
    UUID tag = testUsers.tag("vip");
    TestUser holder =
        testUsers.user(testUsers.mspTenant(), Grant.allow(ADMIN, Scope.tenantTag(tag)));
    var api = signedIn();
    long events = auditTotal();

    var refused = api.put("/api/v1/tenants/" + tenant + "/tags/" + tag, null);

    String digest = digestOf(refused);
    assertThat(lists(refused.json().path("accessChanges"), holder.id(), tenant)).isTrue();
    assertThat(tagged(tenant, tag)).isFalse();
    assertThat(auditTotal()).isEqualTo(events);

    var ok =
        api.put(
            "/api/v1/tenants/" + tenant + "/tags/" + tag + "?acceptAccessChanges=" + digest, null);

    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
    assertThat(ok.header("Access-Changes")).isEqualTo(digest);
    assertThat(tagged(tenant, tag)).isTrue();
    assertThat(auditTotal()).isEqualTo(events + 1);
    assertThat(afterJson("tenant.tagged", tenant)).contains("accessChanges").contains(digest);
  }

  @Test
  void aDigestOfAnotherListIsRefusedWithTheCurrentList() {
    UUID tenant = testUsers.clientTenant("tag-target");
    UUID tag = testUsers.tag("vip");
    TestUser holder =
        testUsers.user(testUsers.mspTenant(), Grant.allow(ADMIN, Scope.tenantTag(tag)));
    var api = signedIn();

    var r =
        api.put(
            "/api/v1/tenants/" + tenant + "/tags/" + tag + "?acceptAccessChanges=" + "0".repeat(64),
            null);

    digestOf(r);
    assertThat(lists(r.json().path("accessChanges"), holder.id(), tenant)).isTrue();
    assertThat(tagged(tenant, tag)).isFalse();
  }

  @Test
  void taggingThatGrantsNothingNeedsNoConfirmation() {
    UUID tenant = testUsers.clientTenant("tag-target");
    UUID tag = testUsers.tag("plain");
    var r = signedIn().put("/api/v1/tenants/" + tenant + "/tags/" + tag, null);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
    assertThat(tagged(tenant, tag)).isTrue();
  }

  @Test
  void aCallerWhoCouldNotCreateTheWidenedGrantIsRefused() {
    UUID tenant = testUsers.clientTenant("tenant-admin-home");
    UUID tag = testUsers.tag("vip");
    testUsers.user(testUsers.mspTenant(), Grant.allow(ADMIN, Scope.tenantTag(tag)));
    TestUser tenantAdmin = testUsers.user(tenant, Grant.allow(ADMIN, Scope.tenant(tenant, true)));

    var r =
        tenantAdmin
            .http()
            .put("/api/v1/tenants/" + tenant + "/tags/" + tag + "?acceptAccessChanges=x", null);

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.json().path("accessChanges").path("totalRows").asInt()).isPositive();
    assertThat(tagged(tenant, tag)).isFalse();
    assertThat(audits("tenant.tagged", tenant)).isZero();
  }

  @Test
  void demotingAnMspNeedsAnExplicitNewMsp() {
    UUID oldMsp = testUsers.tenant("old-msp", null, true);
    UUID customer = testUsers.tenant("customer", oldMsp, false);
    UUID newMsp = testUsers.tenant("new-msp", null, true);
    TestUser newMspAdmin = testUsers.user(newMsp, Grant.allow(ADMIN, Scope.msp(newMsp)));
    var api = signedIn();

    var unnamed = patch(api, oldMsp, Map.of("kind", "CLIENT"));
    assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(400);
    assertThat(unnamed.json().path("detail").asString()).contains("mspId");
    assertThat(get(api, oldMsp).path("kind").asString()).isEqualTo("MSP");

    var unconfirmed = patch(api, oldMsp, Map.of("kind", "CLIENT", "mspId", newMsp.toString()));
    String digest = digestOf(unconfirmed);
    JsonNode list = unconfirmed.json().path("accessChanges");
    assertThat(lists(list, newMspAdmin.id(), oldMsp)).isTrue();
    assertThat(lists(list, newMspAdmin.id(), customer)).isTrue();
    assertThat(get(api, customer).path("mspId").asString()).isEqualTo(oldMsp.toString());

    var ok =
        patch(
            api,
            oldMsp,
            Map.of("kind", "CLIENT", "mspId", newMsp.toString(), "acceptAccessChanges", digest));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("mspId").asString()).isEqualTo(newMsp.toString());
    assertThat(ok.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
    assertThat(get(api, customer).path("mspId").asString()).isEqualTo(newMsp.toString());
  }

  @Test
  void mergeListsPeopleMoveGainsAndNeedsConfirmation() {
    UUID c1 = testUsers.clientTenant("merge-c1");
    UUID c2 = testUsers.clientTenant("merge-c2");
    TestUser moving = testUsers.user(c1);
    UUID group = UUID.randomUUID();
    testUsers.write(
        () -> {
          jdbc.sql("insert into user_group (id, name) values (?, ?)")
              .params(group, unique("customers everywhere"))
              .update();
          jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
              .params(group, moving.id())
              .update();
        });
    testUsers.assign(
        Principal.group(group), Grant.allow(BuiltInRoles.USER_LEGACY.id(), Scope.usersTenant()));
    testUsers.computer(c2, ComputerType.WORKSTATION);
    var api = signedIn();
    long events = auditTotal();
    Map<String, Object> body = new HashMap<>();
    body.put("targetTenantId", c2.toString());

    var unconfirmed = api.post("/api/v1/tenants/" + c1 + "/merge", body);

    String digest = digestOf(unconfirmed);
    JsonNode list = unconfirmed.json().path("accessChanges");
    assertThat(lists(list, group, c2)).as(list.toString()).isTrue();
    assertThat(list.path("rows").get(0).path("principalType").asString()).isEqualTo("GROUP");
    assertThat(get(api, c1).path("id").asString()).isEqualTo(c1.toString());
    assertThat(auditTotal()).isEqualTo(events);

    body.put("acceptAccessChanges", digest);
    var ok = api.post("/api/v1/tenants/" + c1 + "/merge", body);

    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
    assertThat(count("person", "tenant_id", c2)).isEqualTo(1);
  }

  @Test
  void rePointingAssignmentsOnMergeNeedsTheRightToCreateThem() {
    UUID parent = testUsers.clientTenant("merge-parent");
    UUID source = testUsers.tenant("merge-source", parent, false);
    UUID target = testUsers.tenant("merge-target", parent, false);
    UUID mergerRole = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?::text[])")
                .params(mergerRole, unique("merger"), "{tenants:view,tenants:merge}")
                .update());
    TestUser merger = testUsers.user(parent, Grant.allow(mergerRole, Scope.tenant(parent, true)));
    TestUser admin = testUsers.user(parent);
    UUID scoped =
        testUsers.assign(
            Principal.user(admin.id()), Grant.allow(ADMIN, Scope.tenant(source, false)));

    var r =
        merger
            .http()
            .post(
                "/api/v1/tenants/" + source + "/merge",
                Map.of("targetTenantId", target.toString(), "repointAssignments", true));

    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.json().path("assignmentId").asString()).isEqualTo(scoped.toString());
    assertThat(count("tenant", "id", source)).isEqualTo(1);
    assertThat(count("role_assignment", "scope_tenant_id", source)).isEqualTo(1);
  }

  @Test
  void movingATenantUnderAChildrenScopeNeedsConfirmation() {
    UUID parent = testUsers.clientTenant("new-parent");
    UUID moved = testUsers.clientTenant("moved");
    testUsers.computer(moved, ComputerType.SERVER);
    TestUser holder = testUsers.user(parent, Grant.allow(ADMIN, Scope.tenant(parent, true)));
    var api = signedIn();

    var unconfirmed = patch(api, moved, Map.of("parentId", parent.toString()));
    String digest = digestOf(unconfirmed);
    assertThat(lists(unconfirmed.json().path("accessChanges"), holder.id(), moved)).isTrue();
    assertThat(
            get(api, moved).path("parentId").isNull()
                || !get(api, moved).path("parentId").asString().equals(parent.toString()))
        .isTrue();

    var ok =
        patch(api, moved, Map.of("parentId", parent.toString(), "acceptAccessChanges", digest));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("parentId").asString()).isEqualTo(parent.toString());
  }

  @Test
  void creatingAnEmptyTenantUnderAParentIsNotAWidening() {
    UUID parent = testUsers.clientTenant("parent");
    testUsers.user(parent, Grant.allow(ADMIN, Scope.tenant(parent, true)));
    var r =
        signedIn()
            .post(
                "/api/v1/tenants", Map.of("name", unique("child"), "parentId", parent.toString()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().has("accessChanges")).isFalse();
  }

  private String afterJson(String action, UUID target) {
    return jdbc.sql(
            "select after_json from audit_event where action = ? and target_id = ?"
                + " order by seq desc limit 1")
        .params(action, target.toString())
        .query(String.class)
        .single();
  }
}
