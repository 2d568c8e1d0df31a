package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.DecisionRule;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import org.junit.jupiter.api.Test;

/**
 * Assignment expiries are read from the user's hot array; when the offset does not fit 16 bits (a
 * user with more than 16k assignments) the check reads the Asg instead. Both paths decide alike
 * (World.check also asks the reference).
 */
class HotExpiryTest {

  @Test
  void expiriesDecideAlikeInlineAndViaTheRecord() {
    World w =
        new World()
            .msp("msp")
            .client("acme", "msp")
            .user("small", "acme")
            .user("huge", "acme")
            .role("filler", USERS_MANAGE)
            .role("r", TENANTS_VIEW, COMPUTERS_VIEW);
    for (int i = 0; i < 17_000; i++) {
      w.allow("huge", "filler", Scope.msp(id("msp")));
    }
    for (String u : new String[] {"small", "huge"}) {
      Principal p = Principal.user(id(u));
      // TENANTS_VIEW: only an expired allow -> default deny; COMPUTERS_VIEW: an expired deny and a
      // live allow
      w.assign(p, id("r"), Scope.tenant(id("acme"), false), Effect.ALLOW, NOW.minusSeconds(1));
      w.assign(p, id("r"), Scope.msp(id("msp")), Effect.DENY, NOW);
      w.assign(p, id("r"), World.tenantScope("msp", true), Effect.ALLOW, NOW.plusNanos(1));
    }
    for (String u : new String[] {"small", "huge"}) {
      assertThat(w.check(u, TENANTS_VIEW, World.tenant("acme")).rule())
          .isEqualTo(DecisionRule.ALLOWED);
      assertThat(w.check(u, COMPUTERS_VIEW, World.tenant("acme")).rule())
          .isEqualTo(DecisionRule.ALLOWED);
    }
    World later = w;
    // a second later the live allow has expired too
    assertThat(
            Engine.INSTANCE
                .check(
                    later.snapshot(),
                    id("huge"),
                    TENANTS_VIEW,
                    World.tenant("acme"),
                    NOW.plusSeconds(1))
                .rule())
        .isEqualTo(DecisionRule.DEFAULT_DENY);
    assertThat(
            Engine.INSTANCE
                .check(
                    later.snapshot(),
                    id("small"),
                    TENANTS_VIEW,
                    World.tenant("acme"),
                    NOW.plusSeconds(1))
                .rule())
        .isEqualTo(DecisionRule.DEFAULT_DENY);
  }
}
