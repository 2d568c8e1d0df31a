package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.computer;
import static dev.tenantry.authz.engine.World.id;
import static dev.tenantry.authz.engine.World.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN §2, one test per scope rule. */
class ScopeRulesTest {

  /** msp ─ acme ─ acme-eu ; msp ─ globex ; msp2 ─ initech (another MSP). */
  private World world() {
    return new World()
        .msp("msp")
        .client("acme", "msp", "gold")
        .client("acme-eu", "acme")
        .client("globex", "msp")
        .msp("msp2")
        .client("initech", "msp2", "gold")
        .computer("acme-srv", "acme", ComputerType.SERVER, "patch-friday")
        .computer("acme-ws", "acme", ComputerType.WORKSTATION)
        .computer("globex-srv", "globex", ComputerType.SERVER, "patch-friday")
        .user("alice", "acme")
        .user("bob", "globex")
        .role("viewer", COMPUTERS_VIEW, TENANTS_VIEW, SOFTWARE_VIEW, SOFTWARE_MANAGE);
  }

  @Test
  void ownerScopeCoversEveryTenant() {
    World w = world().allow("alice", "viewer", Scope.owner());
    for (String t : List.of("msp", "acme", "acme-eu", "globex", "msp2", "initech")) {
      assertThat(w.allowed("alice", TENANTS_VIEW, tenant(t))).as(t).isTrue();
    }
  }

  @Test
  void mspScopeCoversMspAndItsTenants() {
    World w = world().allow("alice", "viewer", Scope.msp(id("msp")));
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("msp"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme-eu"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("globex"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("msp2"))).isFalse();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("initech"))).isFalse();
  }

  @Test
  void tenantScopeWithChildrenCoversDescendants() {
    World w = world().allow("alice", "viewer", World.tenantScope("acme", true));
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme-eu"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("msp"))).isFalse();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("globex"))).isFalse();
  }

  @Test
  void tenantScopeWithoutChildrenCoversOnlyTheTenant() {
    World w = world().allow("alice", "viewer", World.tenantScope("acme", false));
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme-eu"))).isFalse();
  }

  @Test
  void tenantTagScopeIsDynamic() {
    World w = world().allow("alice", "viewer", Scope.tenantTag(id("gold")));
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("initech"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("globex"))).isFalse();
    PolicySnapshot before = w.snapshot();
    PolicySnapshot after =
        before.withChanges(
            2,
            List.of(
                new PolicyChange.SetTenantTags(id("globex"), Set.of(id("gold"))),
                new PolicyChange.SetTenantTags(id("acme"), Set.of())));
    assertThat(
            Engine.INSTANCE
                .check(after, id("alice"), TENANTS_VIEW, tenant("globex"), NOW)
                .allowed())
        .isTrue();
    assertThat(
            Engine.INSTANCE.check(after, id("alice"), TENANTS_VIEW, tenant("acme"), NOW).allowed())
        .isFalse();
    assertThat(
            Engine.INSTANCE.check(before, id("alice"), TENANTS_VIEW, tenant("acme"), NOW).allowed())
        .isTrue();
  }

  @Test
  void usersTenantScopeIsEvaluatedPerMember() {
    World w =
        world()
            .group("customers", null, "alice", "bob")
            .allowGroup("customers", "viewer", Scope.usersTenant());
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isTrue();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("globex"))).isFalse();
    assertThat(w.allowed("bob", TENANTS_VIEW, tenant("globex"))).isTrue();
    assertThat(w.allowed("bob", TENANTS_VIEW, tenant("acme"))).isFalse();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme-eu"))).isFalse();
  }

  @Test
  void resourceScopeNeverCoversATenant() {
    World w =
        world()
            .allow(
                "alice",
                "viewer",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), id("acme"))));
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-srv"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, tenant("acme"))).isFalse();
    assertThat(w.allowed("alice", SOFTWARE_VIEW, Target.ownedObject(id("acme")))).isFalse();
  }

  @Test
  void resourceScopeSelectsOneComputer() {
    World w =
        world()
            .allow(
                "alice", "viewer", Scope.resource(new ResourceSelector.OneComputer(id("acme-ws"))));
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-ws"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-srv"))).isFalse();
  }

  @Test
  void resourceScopeSelectsComputersByTagOptionallyInOneTenant() {
    World w =
        world()
            .allow(
                "alice",
                "viewer",
                Scope.resource(new ResourceSelector.ComputerTag(id("patch-friday"), null)))
            .allow(
                "bob",
                "viewer",
                Scope.resource(new ResourceSelector.ComputerTag(id("patch-friday"), id("globex"))));
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-srv"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("globex-srv"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-ws"))).isFalse();
    assertThat(w.allowed("bob", COMPUTERS_VIEW, computer("globex-srv"))).isTrue();
    assertThat(w.allowed("bob", COMPUTERS_VIEW, computer("acme-srv"))).isFalse();
  }

  @Test
  void computerIsCoveredWhenItsTenantIsCovered() {
    World w = world().allow("alice", "viewer", World.tenantScope("acme", false));
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("acme-ws"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, computer("globex-srv"))).isFalse();
  }

  @Test
  void ownedObjectIsCoveredWhenItsTenantIsCovered() {
    World w = world().allow("alice", "viewer", World.tenantScope("acme", false));
    assertThat(w.allowed("alice", SOFTWARE_MANAGE, Target.ownedObject(id("acme")))).isTrue();
    assertThat(w.allowed("alice", SOFTWARE_MANAGE, Target.ownedObject(id("globex")))).isFalse();
  }

  @Test
  void globalObjectViewIsGrantedByAnyScope() {
    World w =
        world()
            .allow(
                "alice", "viewer", Scope.resource(new ResourceSelector.OneComputer(id("acme-ws"))));
    assertThat(w.allowed("alice", SOFTWARE_VIEW, Target.globalObject(id("msp")))).isTrue();
    assertThat(w.allowed("alice", SOFTWARE_VIEW, Target.globalObject(null))).isTrue();
    assertThat(w.allowed("bob", SOFTWARE_VIEW, Target.globalObject(id("msp")))).isFalse();
  }

  @Test
  void globalObjectManageNeedsOwnerOrCreatingMsp() {
    World w =
        world()
            .allow("alice", "viewer", World.tenantScope("msp", true))
            .allow("bob", "viewer", Scope.msp(id("msp")));
    assertThat(w.allowed("alice", SOFTWARE_MANAGE, Target.globalObject(id("msp")))).isFalse();
    assertThat(w.allowed("bob", SOFTWARE_MANAGE, Target.globalObject(id("msp")))).isTrue();
    assertThat(w.allowed("bob", SOFTWARE_MANAGE, Target.globalObject(id("msp2")))).isFalse();
    assertThat(w.allowed("bob", SOFTWARE_MANAGE, Target.globalObject(null))).isFalse();
    w.allow("alice", "viewer", Scope.owner());
    assertThat(w.allowed("alice", SOFTWARE_MANAGE, Target.globalObject(id("msp2")))).isTrue();
    assertThat(w.allowed("alice", SOFTWARE_MANAGE, Target.globalObject(null))).isTrue();
  }
}
