package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Check Access (decision + explanation), effective permissions and the profile endpoints. */
class AccessApiTest extends AuthzTestBase {

  @Test
  void checkAccessExplainsAGrantThroughAGroup() {
    UUID acme = users.clientTenant("acme");
    UUID g = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql("insert into user_group (id, name) values (?, ?)")
                .params(g, "helpdesk-" + g)
                .update());
    UUID asg =
        users.assign(
            Principal.group(g), allow(role(Permission.COMPUTERS_VIEW), Scope.tenant(acme, false)));
    TestUser member = users.user(acme);
    users.write(
        () ->
            jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
                .params(g, member.id())
                .update());
    JsonNode r =
        users
            .mspAdmin()
            .http()
            .post(
                "/api/v1/access/check",
                Map.of(
                    "userId",
                    member.id(),
                    "permission",
                    "computers:view",
                    "target",
                    Map.of("type", "TENANT", "id", acme)))
            .json();
    assertThat(r.path("decision").asString()).isEqualTo("ALLOW");
    assertThat(r.path("rule").asString()).isEqualTo("ALLOWED");
    JsonNode m = r.path("matches").get(0);
    assertThat(m.path("assignmentId").asString()).isEqualTo(asg.toString());
    assertThat(m.path("via").asString()).isEqualTo("GROUP");
    assertThat(m.path("groupName").asString()).isEqualTo("helpdesk-" + g);
    assertThat(m.path("scope").path("kind").asString()).isEqualTo("TENANT");
  }

  @Test
  void checkingAnotherUserNeedsUsersViewOverTheirTenant() {
    UUID acme = users.clientTenant("acme");
    TestUser nosy = users.user(users.clientTenant("globex"));
    TestUser other = users.user(acme);
    var r =
        nosy.http()
            .post(
                "/api/v1/access/check",
                Map.of(
                    "userId",
                    other.id(),
                    "permission",
                    "computers:view",
                    "target",
                    Map.of("type", "SYSTEM")));
    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void profileShowsMyGroupsAssignmentsAndEffectivePermissions() {
    UUID acme = users.clientTenant("acme");
    TestUser me = users.user(acme, allow(role(Permission.COMPUTERS_VIEW), Scope.usersTenant()));
    UUID g = UUID.randomUUID();
    users.write(
        () -> {
          jdbc.sql("insert into user_group (id, name) values (?, ?)")
              .params(g, "mine-" + g)
              .update();
          jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
              .params(g, me.id())
              .update();
        });
    users.assign(
        Principal.group(g), allow(role(Permission.TENANTS_VIEW), Scope.tenant(acme, false)));
    JsonNode a = me.http().get("/api/v1/me/assignments").json();
    assertThat(a.path("groups").get(0).path("name").asString()).isEqualTo("mine-" + g);
    assertThat(a.path("assignments").size()).isEqualTo(2);
    assertThat(a.toString()).contains("\"via\":\"DIRECT\"").contains("\"via\":\"GROUP\"");
    JsonNode e = me.http().get("/api/v1/me/effective-permissions").json();
    JsonNode set = e.path("tenantSets").path("items").get(0);
    assertThat(set.path("coverage").asString()).isEqualTo("TENANTS");
    assertThat(set.path("tenantCount").asLong()).isEqualTo(1);
    assertThat(set.path("tenants").get(0).path("id").asString()).isEqualTo(acme.toString());
    assertThat(set.path("permissions").toString()).contains("computers:view", "tenants:view");
    assertThat(
            users
                .mspAdmin()
                .http()
                .get("/api/v1/users/" + me.id() + "/effective-permissions")
                .json()
                .path("tenantSets")
                .toString())
        .contains("computers:view");
  }

  @Test
  void anIdentityWithoutAUserIsDeniedEverything() {
    var r = identityWithoutUser().get("/api/v1/roles");
    assertThat(r.status()).isEqualTo(403);
    assertThat(identityWithoutUser().get("/api/v1/me/assignments").status()).isEqualTo(403);
  }
}
