package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static dev.tenantry.tenancy.StructuralChangesTestSupport.digestOf;
import static dev.tenantry.tenancy.StructuralChangesTestSupport.lists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2/§3.6e through the API: a computer tag or type selector limited to an MSP is stored,
 * served and judged by its reach (that MSP); a tenant moving into the MSP brings its computers
 * under the selector, and the move's §3.10 list names that gain.
 */
class MspLimitedSelectorApiTest extends AuthzTestBase {

  private static Map<String, Object> assignment(UUID user, UUID role, Map<String, Object> res) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("principal", Map.of("type", "USER", "id", user));
    body.put("roleId", role);
    body.put("scope", Map.of("kind", "RESOURCE", "resource", res));
    return body;
  }

  /**
   * Carol's MSP-limited selectors would make every later computer of their MSP a §3.10 gain for
   * other test classes sharing this database (if a test demotes the oldest MSP, TestUsers'
   * mspTenant() can become this class's MSP): they end with the test.
   */
  private UUID carolId;

  @AfterEach
  void removeCarolsSelectors() {
    if (carolId != null) {
      jdbc.sql("delete from role_assignment where user_id = ?").param(carolId).update();
    }
  }

  @Test
  void rule6eMspLimitedComputerSelectorReachesThatMspOnly() {
    // an MSP of its own: the selectors below must not reach the shared MSP's tenants, where other
    // test classes create computers (they would see gains through carol's assignments)
    UUID msp = users.tenant("sel-msp1", null, true);
    UUID msp2 = users.tenant("sel-msp2", null, true);
    UUID here = users.tenant("sel-here", msp, false);
    UUID there = users.tenant("sel-there", msp2, false);
    UUID vip = users.tag("vip");
    UUID mspAdminRole =
        role(
            Permission.ROLE_ASSIGNMENTS_MANAGE,
            Permission.ROLE_ASSIGNMENTS_VIEW,
            Permission.ROLES_ASSIGN_CROSS_TENANT,
            Permission.USERS_VIEW,
            Permission.ROLES_VIEW,
            Permission.COMPUTERS_VIEW);
    TestUser mspAdmin = users.user(msp, allow(mspAdminRole, Scope.msp(msp)));
    TestUser carol = users.user(here);
    carolId = carol.id();
    UUID viewer = role(Permission.COMPUTERS_VIEW);
    Http api = mspAdmin.http();

    var limited =
        api.post(
            "/api/v1/role-assignments",
            assignment(
                carol.id(), viewer, Map.of("kind", "COMPUTER_TAG", "tagId", vip, "mspId", msp)));
    assertThat(limited.status()).as(limited.toString()).isEqualTo(201);
    assertThat(limited.json().path("scope").path("resource").path("mspId").asString())
        .isEqualTo(msp.toString());
    assertThat(
            limited.json().path("scope").path("resource").path("tenantId").isNull()
                || limited.json().path("scope").path("resource").path("tenantId").isMissingNode())
        .isTrue();
    var types =
        api.post(
            "/api/v1/role-assignments",
            assignment(
                carol.id(),
                viewer,
                Map.of("kind", "COMPUTER_TYPES", "types", List.of("SERVER"), "mspId", msp)));
    assertThat(types.status()).as(types.toString()).isEqualTo(201);
    var unlimited =
        api.post(
            "/api/v1/role-assignments",
            assignment(carol.id(), viewer, Map.of("kind", "COMPUTER_TAG", "tagId", vip)));
    assertThat(unlimited.status()).as(unlimited.toString()).isEqualTo(403);
    var otherMsp =
        api.post(
            "/api/v1/role-assignments",
            assignment(
                carol.id(), viewer, Map.of("kind", "COMPUTER_TAG", "tagId", vip, "mspId", msp2)));
    assertThat(otherMsp.status()).as(otherMsp.toString()).isIn(403, 404);
    var both =
        api.post(
            "/api/v1/role-assignments",
            assignment(
                carol.id(),
                viewer,
                Map.of("kind", "COMPUTER_TAG", "tagId", vip, "mspId", msp, "tenantId", here)));
    assertThat(both.status()).as(both.toString()).isEqualTo(400);
    var notAnMsp =
        signedIn()
            .post(
                "/api/v1/role-assignments",
                assignment(
                    carol.id(),
                    viewer,
                    Map.of("kind", "COMPUTER_TAG", "tagId", vip, "mspId", here)));
    assertThat(notAnMsp.status()).as(notAnMsp.toString()).isEqualTo(400);

    // a later computer of the MSP is covered; one of another MSP never
    UUID laterPc = users.computer(here, ComputerType.WORKSTATION, vip);
    UUID otherPc = users.computer(there, ComputerType.WORKSTATION, vip);
    assertThat(decision(carol, Permission.COMPUTERS_VIEW, "COMPUTER", laterPc)).isEqualTo("ALLOW");
    assertThat(decision(carol, Permission.COMPUTERS_VIEW, "COMPUTER", otherPc)).isEqualTo("DENY");

    // the computer's tenant moves into the MSP: the list names the gain through the selector
    Http admin = signedIn();
    Map<String, Object> move = new HashMap<>();
    move.put("parentId", here.toString());
    move.put("version", admin.get("/api/v1/tenants/" + there).json().path("version").asLong());
    var unconfirmed = admin.patch("/api/v1/tenants/" + there, move);
    String digest = digestOf(unconfirmed);
    assertThat(lists(unconfirmed.json().path("accessChanges"), carol.id(), otherPc))
        .as(unconfirmed.toString())
        .isTrue();
    assertThat(decision(carol, Permission.COMPUTERS_VIEW, "COMPUTER", otherPc)).isEqualTo("DENY");
    move.put("acceptAccessChanges", digest);
    var ok = admin.patch("/api/v1/tenants/" + there, move);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(decision(carol, Permission.COMPUTERS_VIEW, "COMPUTER", otherPc)).isEqualTo("ALLOW");
  }
}
