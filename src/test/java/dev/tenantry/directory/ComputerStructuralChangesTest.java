package dev.tenantry.directory;

import static dev.tenantry.tenancy.StructuralChangesTestSupport.digestOf;
import static dev.tenantry.tenancy.StructuralChangesTestSupport.lists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.10 for computers: creating one, changing its type or tags, and moving it to another
 * tenant list who newly gains access to it, and need the list's digest as {@code
 * acceptAccessChanges}.
 */
class ComputerStructuralChangesTest extends IntegrationTest {
  private static final UUID ADMIN = BuiltInRoles.ADMINISTRATOR_LEGACY.id();

  private static Scope types(UUID tenant, ComputerType... types) {
    return Scope.resource(new ResourceSelector.ComputerTypes(Set.of(types), tenant));
  }

  private long computersIn(UUID tenant) {
    return jdbc.sql("select count(*) from computer where tenant_id = ?")
        .param(tenant)
        .query(Long.class)
        .single();
  }

  @Test
  void creatingAComputerThatATypeSelectorPicksNeedsConfirmation() {
    UUID tenant = testUsers.clientTenant("dc-home");
    TestUser dcAdmin =
        testUsers.user(tenant, Grant.allow(ADMIN, types(tenant, ComputerType.DOMAIN_CONTROLLER)));
    var api = signedIn();
    Map<String, Object> body = new HashMap<>();
    body.put("tenantId", tenant.toString());
    body.put("name", "dc-01");
    body.put("type", "DOMAIN_CONTROLLER");

    var unconfirmed = api.post("/api/v1/computers", body);

    String digest = digestOf(unconfirmed);
    assertThat(
            unconfirmed
                .json()
                .path("accessChanges")
                .path("rows")
                .get(0)
                .path("targetType")
                .asString())
        .isEqualTo("COMPUTER");
    assertThat(
            unconfirmed
                .json()
                .path("accessChanges")
                .path("rows")
                .get(0)
                .path("principalId")
                .asString())
        .isEqualTo(dcAdmin.id().toString());
    assertThat(computersIn(tenant)).isZero();

    body.put("acceptAccessChanges", digest);
    var created = api.post("/api/v1/computers", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("accessChanges").path("totalRows").asInt()).isPositive();
  }

  @Test
  void creatingAComputerNoSelectorPicksNeedsNoConfirmation() {
    UUID tenant = testUsers.clientTenant("ws-home");
    testUsers.user(tenant, Grant.allow(ADMIN, types(tenant, ComputerType.DOMAIN_CONTROLLER)));
    testUsers.user(tenant, Grant.allow(ADMIN, Scope.tenant(tenant, false)));
    var r =
        signedIn()
            .post(
                "/api/v1/computers",
                Map.of("tenantId", tenant.toString(), "name", "ws-01", "type", "WORKSTATION"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().has("accessChanges")).isFalse();
  }

  @Test
  void changingAComputersTypeIntoATypeSelectorNeedsConfirmation() {
    UUID tenant = testUsers.clientTenant("retype");
    UUID pc = testUsers.computer(tenant, ComputerType.SERVER);
    TestUser dcAdmin =
        testUsers.user(tenant, Grant.allow(ADMIN, types(tenant, ComputerType.DOMAIN_CONTROLLER)));
    var api = signedIn();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "promoted");
    body.put("type", "DOMAIN_CONTROLLER");
    body.put("version", 0);

    var unconfirmed = api.put("/api/v1/computers/" + pc, body);
    String digest = digestOf(unconfirmed);
    assertThat(lists(unconfirmed.json().path("accessChanges"), dcAdmin.id(), pc)).isTrue();

    var ok = api.header("Accept-Access-Changes", digest).put("/api/v1/computers/" + pc, body);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("type").asString()).isEqualTo("DOMAIN_CONTROLLER");
  }

  @Test
  void taggingAComputerIntoATagSelectorNeedsConfirmation() {
    UUID tenant = testUsers.clientTenant("tag-pc");
    UUID pc = testUsers.computer(tenant, ComputerType.WORKSTATION);
    UUID tag = testUsers.tag("vip-pc");
    TestUser holder =
        testUsers.user(
            tenant,
            Grant.allow(ADMIN, Scope.resource(new ResourceSelector.ComputerTag(tag, tenant))));
    var api = signedIn();

    var unconfirmed = api.put("/api/v1/computers/" + pc + "/tags/" + tag, null);
    String digest = digestOf(unconfirmed);
    assertThat(lists(unconfirmed.json().path("accessChanges"), holder.id(), pc)).isTrue();

    var ok =
        api.put(
            "/api/v1/computers/" + pc + "/tags/" + tag + "?acceptAccessChanges=" + digest, null);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
  }

  @Test
  void movingComputersToAnotherTenantListsTheTargetsHolders() {
    UUID from = testUsers.clientTenant("move-from");
    UUID to = testUsers.clientTenant("move-to");
    UUID pc = testUsers.computer(from, ComputerType.WORKSTATION);
    TestUser targetAdmin = testUsers.user(to, Grant.allow(ADMIN, Scope.tenant(to, false)));
    var api = signedIn();
    Map<String, Object> body = new HashMap<>();
    body.put("computerIds", List.of(pc.toString()));
    body.put("targetTenantId", to.toString());

    var unconfirmed = api.post("/api/v1/computers/change-tenant", body);
    String digest = digestOf(unconfirmed);
    assertThat(lists(unconfirmed.json().path("accessChanges"), targetAdmin.id(), pc)).isTrue();
    assertThat(computersIn(to)).isZero();

    body.put("acceptAccessChanges", digest);
    var ok = api.post("/api/v1/computers/change-tenant", body);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("accessChanges").path("digest").asString()).isEqualTo(digest);
    assertThat(computersIn(to)).isEqualTo(1);
  }
}
