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
import dev.tenantry.authz.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DESIGN §3.6 e–i and §5, one test per rule, on issue 8's cases. */
class AccessChangeRulesTest {
  private final AntiEscalation rules = new AntiEscalation();
  private static final Instant IN_1H = NOW.plus(Duration.ofHours(1));

  /**
   * contoso (with contoso-eu below it) and fabrikam under one MSP; cadmin administers contoso and
   * its subtree; root is the System Administrator.
   */
  private World world() {
    return new World()
        .msp("msp")
        .client("contoso", "msp")
        .client("contoso-eu", "contoso")
        .client("fabrikam", "msp")
        .computer("fab-pc", "fabrikam", ComputerType.WORKSTATION)
        .user("root", "msp")
        .user("cadmin", "contoso")
        .user("carol", "contoso")
        .user("dave", "fabrikam")
        .role(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY)
        .role("tenant-admin", ROLE_ASSIGNMENTS_MANAGE, COMPUTERS_VIEW, COMPUTERS_DELETE, USERS_VIEW)
        .role("deleter", COMPUTERS_VIEW, COMPUTERS_DELETE)
        .role("impersonator", USERS_IMPERSONATE, ROLE_ASSIGNMENTS_MANAGE, COMPUTERS_VIEW)
        .allow("root", BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id().toString(), Scope.owner())
        .allow("cadmin", "tenant-admin", World.tenantScope("contoso", true));
  }

  private static World fixRoot(World w) {
    // World.allow resolves role names through id(); the built-in role keeps its fixed id
    w.model.assignments.values().removeIf(a -> a.principal().equals(Principal.user(id("root"))));
    return w.assign(
        Principal.user(id("root")),
        BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
        Scope.owner(),
        Effect.ALLOW,
        null);
  }

  private DecisionRule create(
      World w, String actor, String user, String role, Scope scope, Instant expires) {
    return rules
        .canCreate(
            fixRoot(w).snapshot(),
            id(actor),
            Principal.user(id(user)),
            id(role),
            scope,
            Effect.ALLOW,
            expires,
            NOW)
        .rule();
  }

  @Test
  void rule6eComputerTagSelectorWithoutTenantLimitReachesEveryComputerEvenIfItCoversNoneYet() {
    Scope vip = Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null));
    assertThat(create(world(), "cadmin", "carol", "deleter", vip, null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(create(world(), "root", "carol", "deleter", vip, null))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  /**
   * DESIGN §3.6e: a computer tag or type selector limited to MSP m reaches m (every computer of a
   * tenant of m, now and later), so an MSP administrator @MSP(m) may create it — not unlimited, not
   * limited to another MSP. It covers a later computer of m, never one of another MSP, and a tenant
   * moved into m brings its computers in (the §3.10 list names that gain).
   */
  @Test
  void rule6eMspLimitedComputerSelectorReachesThatMspOnly() {
    World w =
        world()
            .msp("msp2")
            .client("initech", "msp2")
            .user("madmin", "msp")
            .role(
                "msp-admin",
                ROLE_ASSIGNMENTS_MANAGE,
                COMPUTERS_VIEW,
                COMPUTERS_DELETE,
                ROLES_ASSIGN_CROSS_TENANT)
            .allow("madmin", "msp-admin", Scope.msp(id("msp")));
    Scope inMsp = Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null, id("msp")));
    Scope inMsp2 = Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null, id("msp2")));
    Scope unlimited = Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null));
    Scope typesInMsp =
        Scope.resource(
            new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null, id("msp")));
    assertThat(create(w, "madmin", "carol", "deleter", inMsp, null))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(create(w, "madmin", "carol", "deleter", typesInMsp, null))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(create(w, "madmin", "carol", "deleter", unlimited, null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(create(w, "madmin", "carol", "deleter", inMsp2, null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    // a tenant administrator of contoso may not: the reach is the whole MSP
    assertThat(create(w, "cadmin", "carol", "deleter", inMsp, null))
        .isNotEqualTo(DecisionRule.ALLOWED);

    // coverage: later computers of msp, never those of msp2, until their tenant moves into msp
    w.allow("carol", "deleter", inMsp)
        .computer("later-pc", "contoso-eu", ComputerType.WORKSTATION, "vip")
        .computer("init-pc", "initech", ComputerType.WORKSTATION, "vip");
    assertThat(w.allowed("carol", COMPUTERS_DELETE, World.computer("later-pc"))).isTrue();
    assertThat(w.allowed("carol", COMPUTERS_DELETE, World.computer("init-pc"))).isFalse();
    PolicySnapshot before = w.snapshot();
    PolicySnapshot moved =
        before.withChanges(
            before.revision() + 1,
            List.of(
                new PolicyChange.UpsertTenant(
                    new TenantNode(
                        id("initech"),
                        id("fabrikam"),
                        id("msp"),
                        dev.tenantry.authz.TenantKind.CLIENT,
                        Set.of()))));
    Target initPc = World.computer("init-pc");
    assertThat(Engine.INSTANCE.check(moved, id("carol"), COMPUTERS_DELETE, initPc, NOW).allowed())
        .isTrue();
    var gains =
        new AccessDiff()
            .compute(
                before,
                moved,
                new AccessDiff.Changed(Set.of(id("initech")), Set.of(), Set.of(), Set.of()),
                NOW)
            .list()
            .rows();
    assertThat(gains)
        .anySatisfy(
            g -> {
              assertThat(g.principalId()).isEqualTo(id("carol"));
              assertThat(g.targetId()).isEqualTo(id("init-pc"));
              assertThat(g.scope()).contains("msp " + id("msp"));
              assertThat(g.permissions()).contains(COMPUTERS_DELETE.key());
            });
  }

  @Test
  void rule6eTypeSelectorLimitedToATenantReachesEveryComputerItWillHave() {
    Scope dcs =
        Scope.resource(
            new ResourceSelector.ComputerTypes(
                Set.of(ComputerType.DOMAIN_CONTROLLER), id("contoso")));
    World viewerOnly =
        world()
            .role("user-viewer", ROLE_ASSIGNMENTS_MANAGE, USERS_VIEW)
            .allow("carol", "user-viewer", World.tenantScope("contoso", false));
    // contoso has no domain controller today; carol holds no computers:delete there
    assertThat(create(viewerOnly, "carol", "dave", "deleter", dcs, null))
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    assertThat(create(world(), "cadmin", "carol", "deleter", dcs, null))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6eTenantWithChildrenNeedsTheSubtreeNotTodaysChildrenOneByOne() {
    World w =
        world()
            .user("eve", "contoso")
            .allow("eve", "tenant-admin", World.tenantScope("contoso", false))
            .allow("eve", "tenant-admin", World.tenantScope("contoso-eu", false));
    assertThat(create(w, "eve", "carol", "deleter", World.tenantScope("contoso", true), null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(create(w, "eve", "carol", "deleter", World.tenantScope("contoso", false), null))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(
            create(
                world(), "cadmin", "carol", "deleter", World.tenantScope("contoso-eu", true), null))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6eTenantTagScopeReachIsOwner() {
    World w = world().client("gold-client", "msp", "gold");
    assertThat(create(w, "cadmin", "carol", "deleter", Scope.tenantTag(id("gold")), null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }

  @Test
  void tenantTagScopeWithAnMspLimitCoversOnlyThatMspsTaggedTenants() {
    World w =
        world()
            .msp("other-msp")
            .client("gold-here", "msp", "gold")
            .client("gold-there", "other-msp", "gold")
            .role("viewer", COMPUTERS_VIEW)
            .allow("carol", "viewer", Scope.tenantTag(id("gold"), id("msp")));
    assertThat(w.allowed("carol", COMPUTERS_VIEW, World.tenant("gold-here"))).isTrue();
    assertThat(w.allowed("carol", COMPUTERS_VIEW, World.tenant("gold-there"))).isFalse();
  }

  @Test
  void rule6eTenantTagScopeWithAnMspLimitReachesThatMsp() {
    World w =
        world()
            .msp("other-msp")
            .client("gold-here", "msp", "gold")
            .user("mspadmin", "msp")
            .role(
                "msp-admin",
                ROLE_ASSIGNMENTS_MANAGE,
                ROLES_ASSIGN_CROSS_TENANT,
                COMPUTERS_VIEW,
                COMPUTERS_DELETE)
            .allow("mspadmin", "msp-admin", Scope.msp(id("msp")));
    assertThat(
            create(w, "mspadmin", "carol", "deleter", Scope.tenantTag(id("gold"), id("msp")), null))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(create(w, "mspadmin", "carol", "deleter", Scope.tenantTag(id("gold")), null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(
            create(
                w,
                "mspadmin",
                "carol",
                "deleter",
                Scope.tenantTag(id("gold"), id("other-msp")),
                null))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }

  @Test
  void rule6eUsersTenantOnAnInstanceWideGroupReachesEveryTenant() {
    World w =
        fixRoot(world().group("everyone", null, "dave").group("contoso-staff", "contoso", "carol"));
    PolicySnapshot s = w.snapshot();
    assertThat(
            rules
                .canCreate(
                    s,
                    id("cadmin"),
                    Principal.group(id("everyone")),
                    id("deleter"),
                    Scope.usersTenant(),
                    Effect.ALLOW,
                    null,
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(
            rules
                .canCreate(
                    s,
                    id("cadmin"),
                    Principal.group(id("contoso-staff")),
                    id("deleter"),
                    Scope.usersTenant(),
                    Effect.ALLOW,
                    null,
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6eAnInactiveActorChangesNothing() {
    World w = world().user(new UserNode(id("cadmin"), id("contoso"), false, null));
    assertThat(create(w, "cadmin", "carol", "deleter", World.tenantScope("contoso", false), null))
        .isEqualTo(DecisionRule.USER_INACTIVE);
  }

  @Test
  void rule6fAGrantExpiresNoLaterThanTheActorsSupport() {
    World w =
        world()
            .user("tina", "contoso")
            .assign(
                Principal.user(id("tina")),
                id("tenant-admin"),
                World.tenantScope("contoso", false),
                Effect.ALLOW,
                IN_1H);
    Scope contoso = World.tenantScope("contoso", false);
    assertThat(create(w, "tina", "carol", "deleter", contoso, null))
        .isEqualTo(DecisionRule.OUTLIVES_SUPPORT);
    assertThat(create(w, "tina", "carol", "deleter", contoso, NOW.plus(Duration.ofHours(2))))
        .isEqualTo(DecisionRule.OUTLIVES_SUPPORT);
    assertThat(create(w, "tina", "carol", "deleter", contoso, NOW.plus(Duration.ofMinutes(30))))
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void rule6fTheActorsOwnAccessExpiryCapsTheGrant() {
    World w = world().user(new UserNode(id("cadmin"), id("contoso"), true, IN_1H));
    assertThat(create(w, "cadmin", "carol", "deleter", World.tenantScope("contoso", false), null))
        .isEqualTo(DecisionRule.OUTLIVES_SUPPORT);
  }

  /** Issue 8 case 4: a temporary grant made permanent by its holder. */
  @Test
  void rule6fNoOneGrantsThemselvesAnything() {
    assertThat(
            create(
                world(), "cadmin", "cadmin", "deleter", World.tenantScope("contoso", false), null))
        .isEqualTo(DecisionRule.SELF_CHANGE);
    World w = fixRoot(world().group("admins", null, "cadmin"));
    assertThat(
            rules
                .canCreate(
                    w.snapshot(),
                    id("cadmin"),
                    Principal.group(id("admins")),
                    id("deleter"),
                    World.tenantScope("contoso", false),
                    Effect.ALLOW,
                    null,
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.SELF_CHANGE);
    assertThat(
            rules.canChangeUser(w.snapshot(), id("cadmin"), id("cadmin"), true, null, NOW).rule())
        .isEqualTo(DecisionRule.SELF_CHANGE);
  }

  @Test
  void rule6gRemovingADenyIsJudgedAsGrantingWhatItDenied() {
    World w =
        fixRoot(
            world()
                .deny("carol", "deleter", World.tenantScope("fabrikam", false))
                .deny("dave", "deleter", World.tenantScope("contoso", false)));
    PolicySnapshot s = w.snapshot();
    UUID onFabrikam = denyOf(s, "carol");
    UUID onContoso = denyOf(s, "dave");
    assertThat(rules.canRemoveAssignment(s, id("cadmin"), onFabrikam, NOW).rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(rules.canRemoveAssignment(s, id("cadmin"), onContoso, NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  /** Issue 8 case 6: removal by cascade. */
  @Test
  void rule6gDisablingOrDeletingAUserJudgesEveryRemovedGrant() {
    World w =
        fixRoot(world())
            .assign(
                Principal.user(id("carol")),
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
                Scope.owner(),
                Effect.ALLOW,
                null);
    PolicySnapshot s = w.snapshot();
    assertThat(rules.canChangeUser(s, id("cadmin"), id("carol"), false, null, NOW).rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(rules.canChangeUser(s, id("root"), id("carol"), false, null, NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  /** Issue 8 case 5: the only System Administrator. */
  @Test
  void rule6hTheLastFullAdministratorCannotBeDeletedDisabledExpiredOrDenied() {
    PolicySnapshot s = fixRoot(world()).snapshot();
    assertThat(FullAdmins.of(s, NOW)).containsExactly(id("root"));
    UUID rootsAssignment = s.directAssignments(id("root")).getFirst().id();
    List<List<PolicyChange>> lockOuts =
        List.of(
            List.of(new PolicyChange.RemoveUser(id("root"))),
            List.of(new PolicyChange.UpsertUser(new UserNode(id("root"), id("msp"), false, null))),
            List.of(new PolicyChange.UpsertUser(new UserNode(id("root"), id("msp"), true, IN_1H))),
            List.of(new PolicyChange.RemoveAssignment(rootsAssignment)),
            List.of(
                new PolicyChange.UpsertAssignment(
                    new AssignmentNode(
                        id("deny-root"),
                        Principal.user(id("root")),
                        id("deleter"),
                        World.tenantScope("contoso", false),
                        Effect.DENY,
                        null))));
    for (List<PolicyChange> change : lockOuts) {
      assertThat(FullAdmins.locksOut(s, s.withChanges(2, change), NOW)).as("%s", change).isTrue();
    }
    PolicySnapshot two =
        fixRoot(world())
            .assign(
                Principal.user(id("dave")),
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
                Scope.owner(),
                Effect.ALLOW,
                null)
            .snapshot();
    assertThat(
            FullAdmins.locksOut(
                two, two.withChanges(2, List.of(new PolicyChange.RemoveUser(id("root")))), NOW))
        .isFalse();
  }

  @Test
  void rule6iATenantOwnedRoleIsAssignableOnlyInsideItsOwnersSubtree() {
    World w = world();
    w.model.roles.put(
        id("contoso-viewer"),
        new RoleNode(id("contoso-viewer"), Set.of(COMPUTERS_VIEW), id("contoso-eu")));
    assertThat(
            create(
                w,
                "cadmin",
                "carol",
                "contoso-viewer",
                World.tenantScope("contoso-eu", true),
                null))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(
            create(
                world().role("x", COMPUTERS_VIEW),
                "cadmin",
                "carol",
                "x",
                World.tenantScope("contoso", true),
                null))
        .isEqualTo(DecisionRule.ALLOWED);
    w.model.roles.put(
        id("contoso-viewer"),
        new RoleNode(id("contoso-viewer"), Set.of(COMPUTERS_VIEW), id("contoso-eu")));
    assertThat(
            create(
                w, "cadmin", "carol", "contoso-viewer", World.tenantScope("contoso", false), null))
        .isEqualTo(DecisionRule.ROLE_OUTSIDE_OWNER);
  }

  @Test
  void rule6iARoleEditIsJudgedAsRecreatingEveryLiveAssignment() {
    World w =
        fixRoot(
            world()
                .role("viewer", COMPUTERS_VIEW)
                .allow("dave", "viewer", World.tenantScope("fabrikam", false))
                .allow("carol", "viewer", World.tenantScope("contoso", false)));
    PolicySnapshot s = w.snapshot();
    // adding computers:delete widens dave's assignment at fabrikam, which cadmin does not hold
    assertThat(
            rules
                .canEditRole(
                    s,
                    id("cadmin"),
                    id("viewer"),
                    Set.of(COMPUTERS_VIEW, USERS_VIEW, COMPUTERS_DELETE),
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(
            rules
                .canEditRole(
                    s,
                    id("root"),
                    id("viewer"),
                    Set.of(COMPUTERS_VIEW, USERS_VIEW, COMPUTERS_DELETE),
                    NOW)
                .rule())
        .isEqualTo(DecisionRule.ALLOWED);
    // removing permissions from ALLOW assignments widens nothing
    assertThat(rules.canEditRole(s, id("cadmin"), id("viewer"), Set.of(COMPUTERS_VIEW), NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  /** Issue 8 case 7: a System Administrator may not impersonate another. */
  @Test
  void section5NoOneImpersonatesAUserWhoMayImpersonate() {
    PolicySnapshot s =
        fixRoot(world())
            .assign(
                Principal.user(id("dave")),
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
                Scope.owner(),
                Effect.ALLOW,
                null)
            .snapshot();
    assertThat(rules.canImpersonate(s, id("root"), id("dave"), IN_1H, NOW).rule())
        .isEqualTo(DecisionRule.TARGET_MAY_IMPERSONATE);
    assertThat(rules.canImpersonate(s, id("root"), id("carol"), IN_1H, NOW).rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void section5ImpersonationIsJudgedByReachPerPermissionAndTarget() {
    World w =
        world()
            .allow("cadmin", "impersonator", World.tenantScope("contoso", true))
            .allow(
                "carol",
                "deleter",
                Scope.resource(new ResourceSelector.ComputerTag(id("vip"), null)));
    // carol's tag selector covers nothing today, but reaches every computer: cadmin lacks that
    assertThat(
            rules
                .canImpersonate(fixRoot(w).snapshot(), id("cadmin"), id("carol"), IN_1H, NOW)
                .rule())
        .isEqualTo(DecisionRule.PERMISSION_NOT_HELD);
    World plain =
        world()
            .allow("cadmin", "impersonator", World.tenantScope("contoso", true))
            .allow("carol", "deleter", World.tenantScope("contoso", false));
    assertThat(
            rules
                .canImpersonate(fixRoot(plain).snapshot(), id("cadmin"), id("carol"), IN_1H, NOW)
                .rule())
        .isEqualTo(DecisionRule.ALLOWED);
  }

  @Test
  void section5ASessionEndsNoLaterThanTheImpersonatorsSupport() {
    World w =
        world()
            .assign(
                Principal.user(id("cadmin")),
                id("impersonator"),
                World.tenantScope("contoso", true),
                Effect.ALLOW,
                IN_1H)
            .allow("carol", "deleter", World.tenantScope("contoso", false));
    PolicySnapshot s = fixRoot(w).snapshot();
    assertThat(
            rules
                .canImpersonate(s, id("cadmin"), id("carol"), NOW.plus(Duration.ofHours(4)), NOW)
                .rule())
        .isEqualTo(DecisionRule.OUTLIVES_SUPPORT);
  }

  private static UUID denyOf(PolicySnapshot s, String user) {
    return s.directAssignments(id(user)).stream()
        .filter(a -> a.effect() == Effect.DENY)
        .findFirst()
        .orElseThrow()
        .id();
  }
}
