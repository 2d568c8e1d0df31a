package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.computer;
import static dev.tenantry.authz.engine.World.id;
import static dev.tenantry.authz.engine.World.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.TenantKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN §3.8: the examples the model must express. */
class DesignExamplesTest {

  private World world() {
    return new World()
        .msp("msp")
        .client("acme", "msp")
        .client("globex", "msp")
        .computer("acme-srv", "acme", ComputerType.SERVER)
        .computer("acme-dc", "acme", ComputerType.DOMAIN_CONTROLLER)
        .computer("acme-ws", "acme", ComputerType.WORKSTATION)
        .computer("globex-srv", "globex", ComputerType.SERVER)
        .user("tech", "msp")
        .user("carol", "acme")
        .user("dave", "globex")
        .role(
            "ops",
            COMPUTERS_VIEW,
            COMPUTERS_MANAGE,
            TENANTS_VIEW,
            TENANTS_MANAGE,
            DEPLOYMENTS_MANAGE);
  }

  @Test
  void everyTenantExceptX() {
    World w =
        world()
            .allow("tech", "ops", Scope.owner())
            .deny("tech", "ops", World.tenantScope("msp", false));
    assertThat(w.allowed("tech", TENANTS_MANAGE, tenant("acme"))).isTrue();
    assertThat(w.allowed("tech", TENANTS_MANAGE, tenant("msp"))).isFalse();
    // a tenant created later is covered at once
    PolicySnapshot later =
        w.snapshot()
            .withChanges(
                2,
                List.of(
                    new PolicyChange.UpsertTenant(
                        new TenantNode(
                            id("newco"), id("msp"), id("msp"), TenantKind.CLIENT, Set.of()))));
    assertThat(
            Engine.INSTANCE
                .check(later, id("tech"), TENANTS_MANAGE, tenant("newco"), NOW)
                .allowed())
        .isTrue();
  }

  @Test
  void customersManageTheirOwnTenant() {
    World w =
        world()
            .role(BuiltInRoles.ADMINISTRATOR_LEGACY)
            .group("customer-admins", null, "carol", "dave");
    w.assign(
        dev.tenantry.authz.Principal.group(id("customer-admins")),
        BuiltInRoles.ADMINISTRATOR_LEGACY.id(),
        Scope.usersTenant(),
        dev.tenantry.authz.Effect.ALLOW,
        null);
    assertThat(w.allowed("carol", COMPUTERS_MANAGE, computer("acme-ws"))).isTrue();
    assertThat(w.allowed("carol", COMPUTERS_MANAGE, computer("globex-srv"))).isFalse();
    assertThat(w.allowed("dave", COMPUTERS_MANAGE, computer("globex-srv"))).isTrue();
    assertThat(w.allowed("dave", TENANTS_MANAGE, tenant("acme"))).isFalse();
    assertThat(w.allowed("carol", BILLING_MANAGE, dev.tenantry.authz.Target.system())).isFalse();
  }

  @Test
  void technicianOnlyForServersOfTenant() {
    World w =
        world()
            .allow(
                "tech",
                "ops",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), id("acme"))));
    assertThat(w.allowed("tech", COMPUTERS_MANAGE, computer("acme-srv"))).isTrue();
    assertThat(w.allowed("tech", COMPUTERS_MANAGE, computer("acme-dc"))).isFalse();
    assertThat(w.allowed("tech", COMPUTERS_MANAGE, computer("acme-ws"))).isFalse();
    assertThat(w.allowed("tech", COMPUTERS_MANAGE, computer("globex-srv"))).isFalse();
    assertThat(w.allowed("tech", TENANTS_MANAGE, tenant("acme"))).isFalse();
  }

  @Test
  void denyOfManageOnOneTenantStaysExpressible() {
    World w =
        world()
            .allow("tech", "ops", Scope.owner())
            .role("no-manage", TENANTS_MANAGE)
            .deny("tech", "no-manage", World.tenantScope("globex", false));
    assertThat(w.allowed("tech", TENANTS_MANAGE, tenant("globex"))).isFalse();
    assertThat(w.allowed("tech", TENANTS_VIEW, tenant("globex"))).isTrue();
    assertThat(w.allowed("tech", TENANTS_MANAGE, tenant("acme"))).isTrue();
  }
}
