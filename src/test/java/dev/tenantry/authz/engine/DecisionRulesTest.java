package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static dev.tenantry.authz.engine.World.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §3, one test per rule. */
class DecisionRulesTest {

  private World world() {
    return new World()
        .msp("msp")
        .client("acme", "msp")
        .user("alice", "acme")
        .role("viewer", COMPUTERS_VIEW, TENANTS_VIEW)
        .role("admin", COMPUTERS_VIEW, TENANTS_MANAGE, BILLING_MANAGE);
  }

  @Test
  void denyWinsOverAllowAtAnyScope() {
    World w =
        world()
            .allow("alice", "viewer", Scope.owner())
            .deny("alice", "viewer", World.tenantScope("acme", false));
    assertThat(w.check("alice", TENANTS_VIEW, tenant("acme"))).isEqualTo(Decision.DENY_WINS);
    assertThat(w.check("alice", TENANTS_VIEW, tenant("msp"))).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void defaultDenyWhenNothingMatches() {
    World w = world().allow("alice", "viewer", World.tenantScope("msp", false));
    assertThat(w.check("alice", TENANTS_VIEW, tenant("acme"))).isEqualTo(Decision.DEFAULT_DENY);
  }

  @Test
  void disabledUserIsDeniedEverything() {
    World w =
        world()
            .allow("alice", "admin", Scope.owner())
            .user(new UserNode(id("alice"), id("acme"), false, null));
    assertThat(w.check("alice", TENANTS_VIEW, tenant("acme")).rule())
        .isEqualTo(DecisionRule.USER_INACTIVE);
    assertThat(w.check("alice", BILLING_MANAGE, Target.system()).rule())
        .isEqualTo(DecisionRule.USER_INACTIVE);
    assertThat(w.check("alice", COMPUTERS_VIEW, tenant("acme")).rule())
        .isEqualTo(DecisionRule.USER_INACTIVE);
  }

  @Test
  void expiredAccessDeniesEverything() {
    World w = world().allow("alice", "admin", Scope.owner());
    w.user(new UserNode(id("alice"), id("acme"), true, NOW));
    assertThat(w.check("alice", BILLING_MANAGE, Target.system()).rule())
        .isEqualTo(DecisionRule.USER_INACTIVE);
    w.user(new UserNode(id("alice"), id("acme"), true, NOW.plusSeconds(1)));
    assertThat(w.check("alice", BILLING_MANAGE, Target.system())).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void personGoneDeniesEverything() {
    World w =
        world()
            .allow("alice", "admin", Scope.owner())
            .user(new UserNode(id("alice"), null, true, null));
    assertThat(w.check("alice", COMPUTERS_VIEW, tenant("msp")).rule())
        .isEqualTo(DecisionRule.USER_INACTIVE);
  }

  @Test
  void unknownUserIsDenied() {
    assertThat(world().check("nobody", COMPUTERS_VIEW, tenant("msp")).rule())
        .isEqualTo(DecisionRule.UNKNOWN_USER);
  }

  @Test
  void unknownTargetIsDeniedButSystemPermissionsIgnoreTheTarget() {
    World w = world().allow("alice", "admin", Scope.owner());
    assertThat(w.check("alice", COMPUTERS_VIEW, tenant("gone")).rule())
        .isEqualTo(DecisionRule.UNKNOWN_TARGET);
    assertThat(w.check("alice", COMPUTERS_VIEW, World.computer("gone")).rule())
        .isEqualTo(DecisionRule.UNKNOWN_TARGET);
    assertThat(w.check("alice", BILLING_MANAGE, tenant("gone"))).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void expiredAssignmentIsIgnored() {
    World w = world();
    w.assign(Principal.user(id("alice")), id("viewer"), Scope.owner(), Effect.ALLOW, NOW);
    w.assign(
        Principal.user(id("alice")),
        id("viewer"),
        Scope.owner(),
        Effect.DENY,
        NOW.minus(Duration.ofDays(1)));
    assertThat(w.check("alice", TENANTS_VIEW, tenant("acme"))).isEqualTo(Decision.DEFAULT_DENY);
    w.assign(
        Principal.user(id("alice")), id("viewer"), Scope.owner(), Effect.ALLOW, NOW.plusMillis(1));
    assertThat(w.check("alice", TENANTS_VIEW, tenant("acme"))).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void groupAssignmentsApplyToMembers() {
    World w =
        world()
            .user("bob", "acme")
            .group("helpdesk", null, "alice")
            .allowGroup("helpdesk", "viewer", Scope.owner());
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isTrue();
    assertThat(w.allowed("bob", TENANTS_VIEW, tenant("acme"))).isFalse();
  }

  @Test
  void groupDenyWinsOverDirectAllow() {
    World w = world().group("blocked", null, "alice").allow("alice", "viewer", Scope.owner());
    w.assign(Principal.group(id("blocked")), id("viewer"), Scope.owner(), Effect.DENY, null);
    assertThat(w.check("alice", TENANTS_VIEW, tenant("msp"))).isEqualTo(Decision.DENY_WINS);
  }

  @Test
  void systemPermissionIsGrantedSystemWideFromAnyScope() {
    World w =
        world()
            .computer("pc", "acme", dev.tenantry.authz.ComputerType.SERVER)
            .allow(
                "alice",
                "admin",
                Scope.resource(new dev.tenantry.authz.ResourceSelector.OneComputer(id("pc"))));
    assertThat(w.allowed("alice", BILLING_MANAGE, Target.system())).isTrue();
    assertThat(w.allowed("alice", BILLING_MANAGE, tenant("msp"))).isTrue();
    // the scope still limits the tenant-scoped permissions of the same role
    assertThat(w.allowed("alice", TENANTS_MANAGE, tenant("acme"))).isFalse();
  }

  @Test
  void systemPermissionDenyIsSystemWide() {
    World w =
        world()
            .allow("alice", "admin", Scope.owner())
            .deny("alice", "admin", World.tenantScope("acme", false));
    assertThat(w.check("alice", BILLING_MANAGE, Target.system())).isEqualTo(Decision.DENY_WINS);
    assertThat(w.check("alice", TENANTS_MANAGE, tenant("msp"))).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void tenantScopedPermissionOnTheSystemTargetNeedsOwner() {
    World w = world().allow("alice", "viewer", Scope.msp(id("msp")));
    assertThat(w.allowed("alice", TENANTS_VIEW, Target.system())).isFalse();
    w.allow("alice", "viewer", Scope.owner());
    assertThat(w.allowed("alice", TENANTS_VIEW, Target.system())).isTrue();
  }

  @Test
  void permissionsNeverImplyOneAnother() {
    World w =
        world()
            .role("manager", COMPUTERS_MANAGE, TENANTS_MANAGE)
            .allow("alice", "manager", Scope.owner());
    assertThat(w.allowed("alice", COMPUTERS_MANAGE, tenant("acme"))).isTrue();
    assertThat(w.allowed("alice", COMPUTERS_VIEW, tenant("acme"))).isFalse();
    assertThat(w.allowed("alice", TENANTS_VIEW, tenant("acme"))).isFalse();
    for (Permission p : Permission.values()) {
      if (p != COMPUTERS_MANAGE && p != TENANTS_MANAGE) {
        assertThat(w.allowed("alice", p, tenant("acme"))).as(p.key()).isFalse();
      }
    }
  }

  @Test
  void explanationListsEveryMatchingAssignmentDirectOrViaGroup() {
    World w =
        world()
            .group("helpdesk", null, "alice")
            .allowGroup("helpdesk", "viewer", Scope.owner())
            .allow("alice", "viewer", World.tenantScope("acme", false))
            .deny("alice", "viewer", World.tenantScope("msp", true))
            .allow("alice", "admin", Scope.owner());
    Explanation e =
        Engine.INSTANCE.explain(w.snapshot(), id("alice"), TENANTS_VIEW, tenant("acme"), NOW);
    assertThat(e.decision()).isEqualTo(Decision.DENY_WINS);
    assertThat(e.matches())
        .extracting(MatchedAssignment::effect, MatchedAssignment::viaGroupId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Effect.ALLOW, null),
            org.assertj.core.groups.Tuple.tuple(Effect.DENY, null),
            org.assertj.core.groups.Tuple.tuple(Effect.ALLOW, id("helpdesk")));
    assertThat(e.denies()).hasSize(1);
    assertThat(e.allows()).hasSize(2);
    assertThat(
            Engine.INSTANCE
                .explain(w.snapshot(), id("alice"), TENANTS_VIEW, tenant("gone"), NOW)
                .matches())
        .isEqualTo(List.of());
  }
}
