package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN §3.6 a–d: who may change access. */
class AntiEscalationTest {
  private final AntiEscalation rules = new AntiEscalation();

  /**
   * tadmin manages assignments and computers in acme (and its child acme-eu); root is System
   * Administrator.
   */
  private World world() {
    return new World()
        .msp("msp")
        .client("acme", "msp", "gold")
        .client("acme-eu", "acme")
        .client("globex", "msp")
        .computer("acme-srv", "acme", ComputerType.SERVER)
        .computer("globex-srv", "globex", ComputerType.SERVER)
        .user("root", "msp")
        .user("tadmin", "acme")
        .user("carol", "acme")
        .user("dave", "globex")
        .role(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY)
        .role("tenant-admin", ROLE_ASSIGNMENTS_MANAGE, COMPUTERS_VIEW, COMPUTERS_MANAGE)
        .role("viewer", COMPUTERS_VIEW)
        .role("deleter", COMPUTERS_VIEW, COMPUTERS_DELETE)
        .role("biller", BILLING_MANAGE)
        .assign(
            Principal.user(id("root")),
            BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
            Scope.owner(),
            Effect.ALLOW,
            null)
        .allow("tadmin", "tenant-admin", World.tenantScope("acme", true));
  }

  private DecisionRule assign(World w, String actor, String user, String role, Scope scope) {
    return rules
        .canAssign(
            w.snapshot(), id(actor), Principal.user(id(user)), id(role), scope, Effect.ALLOW, NOW)
        .rule();
  }

  @Test
  void rule6aAssigningNeedsRoleAssignmentsManageOverTheScope() {
    World w = world();
    assertThat(assign(w, "tadmin", "carol", "viewer", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(assign(w, "tadmin", "carol", "viewer", World.tenantScope("globex", false)))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(assign(w, "carol", "carol", "viewer", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }

  @Test
  void rule6eTagScopeReachIsOwnerEvenWhenTheActorHoldsTodaysTaggedTenants() {
    World w =
        world()
            .role("cross", ROLE_ASSIGNMENTS_MANAGE, ROLES_ASSIGN_CROSS_TENANT, COMPUTERS_VIEW)
            .allow("tadmin", "cross", Scope.tenantTag(id("gold")));
    // gold = {acme} today, but any tenant may be tagged gold later: the reach is OWNER
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.tenantTag(id("gold"))))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.owner()))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.msp(id("msp"))))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(assign(w, "root", "carol", "viewer", Scope.owner())).isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6bSystemPermissionRoleNeedsAssignCrossTenant() {
    World w =
        world()
            .role("almost-root", ROLE_ASSIGNMENTS_MANAGE, BILLING_MANAGE)
            .allow("tadmin", "almost-root", Scope.owner());
    assertThat(assign(w, "tadmin", "carol", "biller", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    assertThat(assign(w, "root", "carol", "biller", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6bCrossTenantScopesNeedAssignCrossTenant() {
    World w =
        world()
            .role("ra-everywhere", ROLE_ASSIGNMENTS_MANAGE, COMPUTERS_VIEW)
            .allow("tadmin", "ra-everywhere", Scope.owner());
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.owner()))
        .isEqualTo(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.msp(id("msp"))))
        .isEqualTo(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.tenantTag(id("gold"))))
        .isEqualTo(DecisionRule.CROSS_TENANT_PERMISSION_MISSING);
    assertThat(assign(w, "tadmin", "carol", "viewer", World.tenantScope("globex", true)))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6cNoOneCanGrantWhatTheyDoNotHold() {
    World w = world();
    assertThat(assign(w, "tadmin", "carol", "deleter", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    // a deny on the child makes the whole include-children scope uncovered
    w.role("no-manage", COMPUTERS_VIEW)
        .deny("tadmin", "no-manage", World.tenantScope("acme-eu", false));
    assertThat(assign(w, "tadmin", "carol", "viewer", World.tenantScope("acme", true)))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(assign(w, "tadmin", "carol", "viewer", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6cAppliesToResourceScopesComputerByComputer() {
    World w = world();
    Scope servers =
        Scope.resource(new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null));
    Scope acmeServers =
        Scope.resource(new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), id("acme")));
    assertThat(assign(w, "tadmin", "carol", "viewer", acmeServers)).isEqualTo(DecisionRule.ALLOWED);
    assertThat(assign(w, "tadmin", "carol", "viewer", servers))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }

  @Test
  void rule6cAppliesToDenyAssignmentsToo() {
    World w = world();
    UUID deleter = id("deleter");
    assertThat(
            rules
                .canAssign(
                    w.snapshot(),
                    id("tadmin"),
                    Principal.user(id("carol")),
                    deleter,
                    World.tenantScope("acme", false),
                    Effect.DENY,
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
  }

  @Test
  void usersTenantScopeIsJudgedOnTheTenantOfTheUserReceivingIt() {
    World w = world();
    assertThat(assign(w, "tadmin", "carol", "viewer", Scope.usersTenant()))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(assign(w, "tadmin", "dave", "viewer", Scope.usersTenant()))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }

  @Test
  void rule6dAddingAMemberIsAssigningTheGroupsAssignments() {
    World w =
        world()
            .group("customers", null)
            .allowGroup("customers", "viewer", Scope.usersTenant())
            .group("deleters", null)
            .allowGroup("deleters", "deleter", World.tenantScope("acme", false));
    PolicySnapshot s = w.snapshot();
    assertThat(rules.canAddMember(s, id("tadmin"), id("customers"), id("carol"), NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(rules.canAddMember(s, id("tadmin"), id("customers"), id("dave"), NOW).rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(rules.canAddMember(s, id("tadmin"), id("deleters"), id("carol"), NOW).rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(rules.canAddMember(s, id("root"), id("deleters"), id("carol"), NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6dTenantOwnedGroupOnlyAcceptsUsersOfItsTenant() {
    PolicySnapshot s = world().group("acme-staff", "acme").snapshot();
    assertThat(rules.canAddMember(s, id("root"), id("acme-staff"), id("dave"), NOW).rule())
        .isEqualTo(DecisionRule.GROUP_TENANT_MISMATCH);
    assertThat(rules.canAddMember(s, id("root"), id("acme-staff"), id("carol"), NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void removingAnAllowNeedsTheScopeButRemovingADenyAlsoNeedsItsPermissions() {
    World w = world();
    w.assign(
        Principal.user(id("carol")),
        id("deleter"),
        World.tenantScope("acme", false),
        Effect.ALLOW,
        null);
    w.assign(
        Principal.user(id("carol")),
        id("deleter"),
        World.tenantScope("acme", false),
        Effect.DENY,
        null);
    w.assign(
        Principal.user(id("dave")),
        id("viewer"),
        World.tenantScope("globex", false),
        Effect.ALLOW,
        null);
    PolicySnapshot s = w.snapshot();
    UUID allow = assignmentOf(s, "carol", Effect.ALLOW);
    UUID deny = assignmentOf(s, "carol", Effect.DENY);
    UUID daves = s.directAssignments(id("dave")).get(0).id();
    assertThat(rules.canRemoveAssignment(s, id("tadmin"), allow, NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(rules.canRemoveAssignment(s, id("tadmin"), deny, NOW).rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(rules.canRemoveAssignment(s, id("tadmin"), daves, NOW).rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(rules.canRemoveAssignment(s, id("root"), deny, NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void inactiveActorMayChangeNothing() {
    World w = world().user(new UserNode(id("root"), id("msp"), false, null));
    assertThat(assign(w, "root", "carol", "viewer", World.tenantScope("acme", false)))
        .isEqualTo(DecisionRule.USER_INACTIVE);
  }

  // a principal's list is in assignment-id order, not the order of w.assign
  private static UUID assignmentOf(PolicySnapshot s, String user, Effect effect) {
    return s.directAssignments(id(user)).stream()
        .filter(a -> a.effect() == effect)
        .findFirst()
        .orElseThrow()
        .id();
  }
}
