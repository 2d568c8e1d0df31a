package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.engine.Reach.Kind;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.6e for DENY assignments (oracle seed -23235988728940, CI of stop 17): an actor's DENY
 * defeats their support wherever it can ever meet the reach of what they grant — a tenant tag DENY
 * wherever a tenant of its MSP (any, unlimited) is or will be, a computer tag or type DENY wherever
 * its tenant and MSP limits admit a computer — never only where it covers today. Every
 * access-changing path asks the same rule ({@link ReachSupport#until}); one test per path.
 *
 * <p>The world: "boss" holds everything needed at OWNER, but computers:delete is denied to her on
 * every tenant tagged "vip" — and no tenant is tagged "vip" yet. A full administrator may tag one
 * (or create one with the tag) tomorrow: whatever boss gives at a scope that can reach such a
 * tenant would then give computers:delete where boss is denied it.
 */
class DenyReachTest {
  private final AntiEscalation rules = new AntiEscalation();
  private static final Scope CONTOSO_TREE = World.tenantScope("contoso", true);

  private World world() {
    return new World()
        .msp("msp")
        .client("contoso", "msp")
        .client("contoso-eu", "contoso")
        .msp("msp2")
        .client("initech", "msp2")
        .computer("contoso-pc", "contoso", ComputerType.WORKSTATION)
        .user("boss", "msp")
        .user("carol", "contoso")
        .role(
            "admin",
            ROLE_ASSIGNMENTS_MANAGE,
            ROLES_ASSIGN_CROSS_TENANT,
            COMPUTERS_VIEW,
            COMPUTERS_DELETE,
            USERS_IMPERSONATE)
        .role("deleter", COMPUTERS_VIEW, COMPUTERS_DELETE)
        .role("viewer", COMPUTERS_VIEW)
        .role("no-delete", COMPUTERS_DELETE)
        .allow("boss", "admin", Scope.owner());
  }

  /** boss denied computers:delete on every vip-tagged tenant; none is tagged yet. */
  private World vipDenied() {
    return world().deny("boss", "no-delete", Scope.tenantTag(id("vip")));
  }

  private DecisionRule grant(World w, Principal to, String role, Scope scope) {
    return rules
        .canCreate(w.snapshot(), id("boss"), to, id(role), scope, Effect.ALLOW, null, NOW)
        .rule();
  }

  @Test
  void approvalAtATenantSubtreeIsRefusedWhenATagDenyCanEverMeetIt() {
    // the approval case of the oracle: a new user (not yet in the snapshot) at TENANT(t, children)
    Principal newcomer = Principal.user(UUID.randomUUID());
    assertThat(grant(vipDenied(), newcomer, "deleter", CONTOSO_TREE))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(grant(vipDenied(), newcomer, "viewer", CONTOSO_TREE))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(grant(world(), newcomer, "deleter", CONTOSO_TREE)).isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void aTagDenyMeetsEveryReachItCanEverCoverNotOnlyTodaysTaggedTenants() {
    Principal carol = Principal.user(id("carol"));
    for (Scope s :
        new Scope[] {
          World.tenantScope("contoso-eu", false),
          Scope.msp(id("msp")),
          Scope.resource(new ResourceSelector.OneComputer(id("contoso-pc"))),
          Scope.resource(
              new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), id("contoso")))
        }) {
      assertThat(grant(vipDenied(), carol, "deleter", s))
          .as("%s", s)
          .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    }
  }

  @Test
  void aTagDenyLimitedToAnMspMeetsOnlyReachesInThatMsp() {
    World w = world().deny("boss", "no-delete", Scope.tenantTag(id("vip"), id("msp2")));
    Principal carol = Principal.user(id("carol"));
    assertThat(grant(w, carol, "deleter", CONTOSO_TREE)).isEqualTo(DecisionRule.ALLOWED);
    assertThat(grant(w, carol, "deleter", World.tenantScope("initech", false)))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(grant(w, carol, "deleter", Scope.owner()))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
  }

  @Test
  void aComputerTagOrTypeDenyMeetsEveryComputerItsLimitsAdmitWhateverItsTagsToday() {
    Scope pc = Scope.resource(new ResourceSelector.OneComputer(id("contoso-pc")));
    Principal carol = Principal.user(id("carol"));
    World tag =
        world()
            .deny(
                "boss",
                "no-delete",
                Scope.resource(new ResourceSelector.ComputerTag(id("vip"), id("contoso"))));
    World type =
        world()
            .deny(
                "boss",
                "no-delete",
                Scope.resource(
                    new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null)));
    World elsewhere =
        world()
            .deny(
                "boss",
                "no-delete",
                Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null, id("msp2"))));
    assertThat(grant(tag, carol, "deleter", pc)).isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(grant(type, carol, "deleter", pc)).isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(grant(elsewhere, carol, "deleter", pc)).isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void groupAssignmentAndMembershipAreJudgedByTheSameRule() {
    World w =
        vipDenied()
            .group("helpdesk", null)
            .allowGroup("helpdesk", "deleter", CONTOSO_TREE)
            .group("other", null);
    assertThat(grant(w, Principal.group(id("other")), "deleter", CONTOSO_TREE))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(
            rules.canAddMember(w.snapshot(), id("boss"), id("helpdesk"), id("carol"), NOW).rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
  }

  @Test
  void roleEditRemovingADenyAndReEnablingAreJudgedByTheSameRule() {
    World w =
        vipDenied()
            .allow("carol", "viewer", CONTOSO_TREE)
            .role("lister", COMPUTERS_VIEW)
            .deny("carol", "deleter", World.tenantScope("contoso", false));
    PolicySnapshot s = w.snapshot();
    assertThat(
            rules
                .canEditRole(
                    s, id("boss"), id("viewer"), Set.of(COMPUTERS_VIEW, COMPUTERS_DELETE), NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    UUID carolsDeny =
        s.directAssignments(id("carol")).stream()
            .filter(a -> a.effect() == Effect.DENY)
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(rules.canRemoveAssignment(s, id("boss"), carolsDeny, NOW).rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    World disabled =
        vipDenied()
            .user(new UserNode(id("carol"), id("contoso"), false, null))
            .allow("carol", "deleter", CONTOSO_TREE);
    assertThat(
            rules
                .canChangeUser(disabled.snapshot(), id("boss"), id("carol"), true, null, NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
  }

  @Test
  void impersonationStructuralWideningAndDeploymentsAskTheSameRule() {
    World w = vipDenied().allow("carol", "deleter", CONTOSO_TREE);
    PolicySnapshot s = w.snapshot();
    assertThat(
            rules
                .canImpersonate(s, id("boss"), id("carol"), NOW.plus(Duration.ofHours(1)), NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(
            rules
                .canWiden(
                    s, id("boss"), Principal.user(id("carol")), id("deleter"), CONTOSO_TREE, NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(
            rules.holdsOverReach(
                s, id("boss"), COMPUTERS_DELETE, CONTOSO_TREE, Principal.user(id("boss")), NOW))
        .isFalse();
    assertThat(
            ReachSupport.until(
                s, id("boss"), COMPUTERS_DELETE, new Reach(Kind.TENANT, id("contoso")), NOW))
        .isEmpty();
  }
}
