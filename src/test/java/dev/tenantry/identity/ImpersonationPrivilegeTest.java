package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.Grant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §5: only with {@code users:impersonate}, and never of a user who holds a permission the
 * impersonator lacks — impersonation never widens what someone can do.
 */
class ImpersonationPrivilegeTest extends IdentityTestSupport {
  UUID tenantA;
  UUID tenantB;
  Person helpdesk;

  @BeforeEach
  void setUp() {
    preference("impersonation.enabled", true);
    tenantA = tenant(null);
    tenantB = tenant(null);
    helpdesk = user("helpdesk");
    // Administrator (Legacy) on tenant A only, plus the (system) right to impersonate
    grant(helpdesk, BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenantA, false));
    grant(helpdesk, role("users:impersonate"), Scope.tenant(tenantA, false));
  }

  @Test
  void refusedWithoutTheImpersonatePermission() {
    Person plain = user("plain");
    grant(plain, BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenantA, false));
    Person target = userIn(tenantA, "target-a0");
    var r = start(as(plain), target);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("users:impersonate");
  }

  @Test
  void aUserWithNoMoreThanTheImpersonatorCanBeImpersonated() {
    Person target = userIn(tenantA, "target-a1");
    grant(target, BuiltInRoles.USER_LEGACY.id(), Scope.tenant(tenantA, false));
    assertThat(start(as(helpdesk), target).status()).isEqualTo(201);
  }

  @Test
  void aUserHoldingAPermissionElsewhereCannotBeImpersonated() {
    Person target = userIn(tenantA, "target-a2");
    grant(target, BuiltInRoles.USER_LEGACY.id(), Scope.tenant(tenantB, false));
    var r = start(as(helpdesk), target);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("impersonation never widens");
  }

  @Test
  void aUserHoldingASystemPermissionTheImpersonatorLacksCannotBeImpersonated() {
    Person target = userIn(tenantA, "target-a3");
    // billing:manage is a system permission: assigned at any scope it holds system-wide
    grant(target, role("billing:manage"), Scope.tenant(tenantA, false));
    var r = start(as(helpdesk), target);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("detail").asString()).contains("billing:manage");
  }

  @Test
  void aUserOfATenantTheImpersonatorCannotSeeIsNotFound() {
    Person target = userIn(tenantB, "target-b");
    var r = start(as(helpdesk), target);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asString()).isEqualTo("not-found");
  }

  private Http.Response start(Http who, Person target) {
    return who.post(
        "/api/v1/users/" + target.userId() + "/impersonate", Map.of("reason", "support ticket"));
  }

  private void grant(Person p, UUID roleId, Scope scope) {
    testUsers.assign(Principal.user(p.userId()), Grant.allow(roleId, scope));
  }

  private UUID role(String... permissions) {
    UUID id = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                .params(id, "Custom " + id, permissions)
                .update());
    return id;
  }

  private Person userIn(UUID tenant, String name) {
    return testUsers.writeAndGet(
        () -> {
          Person p = user(name);
          jdbc.sql("update person set tenant_id = ? where id = ?").params(tenant, p.id()).update();
          return p;
        });
  }
}
