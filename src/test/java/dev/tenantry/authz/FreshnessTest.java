package dev.tenantry.authz;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestUsers.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes (DESIGN §6): a change committed on this node is visible to the very next check.
 * Each test commits with plain SQL in a Spring transaction (as any feature's request would) and
 * asks Check Access right after.
 */
class FreshnessTest extends AuthzTestBase {

  @Test
  void committedAssignmentIsVisibleToTheNextCheck() {
    UUID t = users.clientTenant("fresh-asg");
    TestUser u = users.user(t);
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("DENY");
    users.assign(
        Principal.user(u.id()), allow(role(Permission.COMPUTERS_VIEW), Scope.tenant(t, false)));
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("ALLOW");
  }

  @Test
  void committedRoleEditIsVisibleToTheNextCheck() {
    UUID t = users.clientTenant("fresh-role");
    UUID r = role(Permission.TENANTS_VIEW);
    TestUser u = users.user(t, allow(r, Scope.tenant(t, false)));
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("DENY");
    users.write(
        () ->
            jdbc.sql("update role set permissions = '{tenants:view,computers:view}' where id = ?")
                .param(r)
                .update());
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("ALLOW");
  }

  @Test
  void committedGroupMembershipIsVisibleToTheNextCheck() {
    UUID t = users.clientTenant("fresh-group");
    UUID g = UUID.randomUUID();
    users.write(
        () ->
            jdbc.sql("insert into user_group (id, name) values (?, ?)")
                .params(g, "g-" + g)
                .update());
    users.assign(
        Principal.group(g), allow(role(Permission.COMPUTERS_VIEW), Scope.tenant(t, false)));
    TestUser u = users.user(t);
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("DENY");
    users.write(
        () ->
            jdbc.sql("insert into group_member (group_id, user_id) values (?, ?)")
                .params(g, u.id())
                .update());
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("ALLOW");
  }

  @Test
  void committedTenantParentChangeIsVisibleToTheNextCheck() {
    UUID parent = users.clientTenant("fresh-parent");
    UUID child = users.clientTenant("fresh-child");
    TestUser u =
        users.user(parent, allow(role(Permission.TENANTS_VIEW), Scope.tenant(parent, true)));
    assertThat(decision(u, Permission.TENANTS_VIEW, "TENANT", child)).isEqualTo("DENY");
    users.write(
        () ->
            jdbc.sql("update tenant set parent_id = ? where id = ?")
                .params(parent, child)
                .update());
    assertThat(decision(u, Permission.TENANTS_VIEW, "TENANT", child)).isEqualTo("ALLOW");
  }

  @Test
  void committedTenantTagIsVisibleToTheNextCheck() {
    UUID t = users.clientTenant("fresh-tag");
    UUID tag = users.tag("gold");
    TestUser u = users.user(t, allow(role(Permission.TENANTS_VIEW), Scope.tenantTag(tag)));
    assertThat(decision(u, Permission.TENANTS_VIEW, "TENANT", t)).isEqualTo("DENY");
    users.tagTenant(t, tag);
    assertThat(decision(u, Permission.TENANTS_VIEW, "TENANT", t)).isEqualTo("ALLOW");
  }

  @Test
  void committedComputerTenantChangeIsVisibleToTheNextCheck() {
    UUID a = users.clientTenant("fresh-a");
    UUID b = users.clientTenant("fresh-b");
    UUID pc = users.computer(b, ComputerType.WORKSTATION);
    TestUser u = viewerOf(a);
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "COMPUTER", pc)).isEqualTo("DENY");
    users.write(
        () -> jdbc.sql("update computer set tenant_id = ? where id = ?").params(a, pc).update());
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "COMPUTER", pc)).isEqualTo("ALLOW");
  }

  @Test
  void committedUserDisableIsVisibleToTheNextCheck() {
    UUID t = users.clientTenant("fresh-disable");
    TestUser u = viewerOf(t);
    assertThat(decision(u, Permission.COMPUTERS_VIEW, "TENANT", t)).isEqualTo("ALLOW");
    users.write(
        () -> jdbc.sql("update app_user set enabled = false where id = ?").param(u.id()).update());
    // the disabled user's own token is refused outright (identity); ask the engine through an admin
    assertThat(
            users
                .mspAdmin()
                .http()
                .post(
                    "/api/v1/access/check",
                    java.util.Map.of(
                        "userId",
                        u.id(),
                        "permission",
                        "computers:view",
                        "target",
                        java.util.Map.of("type", "TENANT", "id", t)))
                .json()
                .path("rule")
                .asString())
        .isEqualTo("USER_INACTIVE");
    assertThat(u.http().get("/api/v1/me/assignments").status()).isEqualTo(401);
  }
}
