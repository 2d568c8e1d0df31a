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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3.6c, e (oracle seed 7086264338534608090): a tenant tag ALLOW supports a grant on one
 * computer of a tenant tagged today, but never a grant on the tenant itself — TENANT(t) reaches
 * every computer t will have, and once t is untagged the tag scope covers none of those created
 * afterwards. The same approval as USERS_TENANT (judged as TENANT(t)) is refused.
 */
class TagAllowSupportTest {
  private final AntiEscalation rules = new AntiEscalation();

  private World world() {
    return new World()
        .msp("msp")
        .client("contoso", "msp", "vip")
        .computer("contoso-pc", "contoso", ComputerType.WORKSTATION)
        .user("tagadmin", "msp")
        .user("carol", "contoso")
        .role("admin", ROLE_ASSIGNMENTS_MANAGE, COMPUTERS_VIEW)
        .role("viewer", COMPUTERS_VIEW)
        .allow("tagadmin", "admin", Scope.tenantTag(id("vip")));
  }

  private DecisionRule grant(World w, Principal to, Scope scope) {
    return rules
        .canCreate(w.snapshot(), id("tagadmin"), to, id("viewer"), scope, Effect.ALLOW, null, NOW)
        .rule();
  }

  @Test
  void aTenantTagAllowSupportsOneTaggedComputerButNotTheTenantsLaterComputers() {
    Principal carol = Principal.user(id("carol"));
    Principal newcomer = Principal.user(UUID.randomUUID());
    assertThat(
            grant(
                world(), carol, Scope.resource(new ResourceSelector.OneComputer(id("contoso-pc")))))
        .isEqualTo(DecisionRule.ALLOWED);
    assertThat(grant(world(), newcomer, World.tenantScope("contoso", false)))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(grant(world(), carol, Scope.usersTenant()))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
    assertThat(
            grant(
                world(),
                carol,
                Scope.resource(new ResourceSelector.ComputerTag(id("managed"), id("contoso")))))
        .isEqualTo(DecisionRule.ASSIGNMENT_SCOPE_NOT_MANAGED);
  }
}
