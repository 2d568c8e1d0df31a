package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.COMPUTERS_VIEW;
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
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.10 asks rule 6 (a, c, e) of each grant a structural change makes effective. Rule 6i
 * refuses to ASSIGN a tenant-owned role outside its owner; an assignment that exists already (older
 * than the rule, or imported) is judged by reach alone, so that it cannot make every structural
 * change within its reach impossible for everyone — while a caller who could not grant it is still
 * refused.
 */
class WideningJudgesReachNotRule6iTest {
  private final AntiEscalation rules = new AntiEscalation();

  private World world() {
    World w =
        new World()
            .msp("msp")
            .client("acme", "msp")
            .client("globex", "msp")
            .user("root", "msp")
            .user("tadmin", "acme")
            .user("carol", "acme")
            .role(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY)
            .role(
                "tenant-admin",
                dev.tenantry.authz.Permission.ROLE_ASSIGNMENTS_MANAGE,
                COMPUTERS_VIEW)
            .assign(
                Principal.user(id("root")),
                BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(),
                Scope.owner(),
                Effect.ALLOW,
                null)
            .allow("tadmin", "tenant-admin", World.tenantScope("acme", true));
    w.model.roles.put(
        id("acme-viewer"), new RoleNode(id("acme-viewer"), Set.of(COMPUTERS_VIEW), id("acme")));
    return w;
  }

  private static final Scope EVERY_SERVER =
      Scope.resource(new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), null));

  @Test
  void rule6iStillRefusesAssigningATenantOwnedRoleOutsideItsOwner() {
    var d =
        rules.canAssign(
            world().snapshot(),
            id("root"),
            Principal.user(id("carol")),
            id("acme-viewer"),
            EVERY_SERVER,
            Effect.ALLOW,
            NOW);
    assertThat(d.rule()).isEqualTo(DecisionRule.ROLE_OUTSIDE_OWNER);
  }

  @Test
  void aFullAdministratorMayWidenAnExistingAssignmentOfAnOwnedRoleByReach() {
    var d =
        rules.canWiden(
            world().snapshot(),
            id("root"),
            Principal.user(id("carol")),
            id("acme-viewer"),
            EVERY_SERVER,
            NOW);
    assertThat(d.allowed()).as(d.rule().name()).isTrue();
  }

  @Test
  void aTenantAdministratorMayNotWidenItBeyondWhatTheyHold() {
    var d =
        rules.canWiden(
            world().snapshot(),
            id("tadmin"),
            Principal.user(id("carol")),
            id("acme-viewer"),
            EVERY_SERVER,
            NOW);
    assertThat(d.allowed()).isFalse();
  }
}
