package dev.tenantry.authz.web;

import static dev.tenantry.support.TestUsers.Grant.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.AuthzTestBase;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An assignment is shown to whoever may view its principal's tenant; its scope may name tenants
 * (and a computer) that caller cannot view. Those are left out ({@code hidden: "a tenant you cannot
 * see"}) in the list, the single assignment and a user's assignments, and filtering the list by
 * such a tenant answers like a random id.
 */
class AssignmentScopeDisclosureTest extends AuthzTestBase {

  @Test
  void anAssignmentsScopeNeverRevealsATenantTheCallerCannotView() {
    UUID home = users.clientTenant("disclosure-home");
    UUID hidden = users.clientTenant("disclosure-hidden");
    UUID hiddenPc = users.computer(hidden, ComputerType.SERVER);
    UUID viewer = role(Permission.COMPUTERS_VIEW);
    TestUser holder = users.user(home);
    UUID onTenant =
        users.assign(Principal.user(holder.id()), allow(viewer, Scope.tenant(hidden, true)));
    UUID onPc =
        users.assign(
            Principal.user(holder.id()),
            allow(viewer, Scope.resource(new ResourceSelector.OneComputer(hiddenPc))));
    UUID onTypes =
        users.assign(
            Principal.user(holder.id()),
            allow(
                viewer,
                Scope.resource(
                    new ResourceSelector.ComputerTypes(EnumSet.of(ComputerType.SERVER), hidden))));
    UUID onHome =
        users.assign(Principal.user(holder.id()), allow(viewer, Scope.tenant(home, false)));
    TestUser auditor =
        users.user(
            home,
            allow(
                role(
                    Permission.ROLE_ASSIGNMENTS_VIEW,
                    Permission.USERS_VIEW,
                    Permission.TENANTS_VIEW,
                    Permission.COMPUTERS_VIEW),
                Scope.tenant(home, false)));
    Http h = auditor.http();

    Http.Response list = h.get("/api/v1/role-assignments?userId=" + holder.id());
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.raw()).contains(onTenant.toString(), onPc.toString(), onTypes.toString());
    assertThat(list.raw()).doesNotContain(hidden.toString()).doesNotContain(hiddenPc.toString());
    assertThat(list.raw()).contains(home.toString()).contains("a tenant you cannot see");
    for (UUID id : new UUID[] {onTenant, onPc, onTypes}) {
      Http.Response one = h.get("/api/v1/role-assignments/" + id);
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.raw()).doesNotContain(hidden.toString()).doesNotContain(hiddenPc.toString());
      assertThat(one.json().path("scope").path("hidden").asString())
          .isEqualTo("a tenant you cannot see");
    }
    Http.Response home1 = h.get("/api/v1/role-assignments/" + onHome);
    assertThat(home1.json().path("scope").path("tenantId").asString()).isEqualTo(home.toString());
    assertThat(
            home1.json().path("scope").has("hidden")
                && !home1.json().path("scope").path("hidden").isNull())
        .isFalse();

    Http.Response byTenant = h.get("/api/v1/role-assignments?tenantId=" + hidden);
    Http.Response byRandom = h.get("/api/v1/role-assignments?tenantId=" + UUID.randomUUID());
    assertThat(byTenant.status()).isEqualTo(byRandom.status());
    assertThat(byTenant.json().path("items").size()).isZero();
    assertThat(byTenant.raw()).isEqualTo(byRandom.raw());

    // an administrator who may view the tenant sees it
    assertThat(signedIn().get("/api/v1/role-assignments/" + onTenant).raw())
        .contains(hidden.toString());
  }
}
