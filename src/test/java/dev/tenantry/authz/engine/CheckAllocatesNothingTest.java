package dev.tenantry.authz.engine;

import static dev.tenantry.authz.Permission.*;
import static dev.tenantry.authz.engine.World.NOW;
import static dev.tenantry.authz.engine.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract that a plain check allocates nothing (no boxing, iterators, lambdas or Optionals on
 * the hot path).
 */
class CheckAllocatesNothingTest {

  @Test
  void checkAllocatesNothingOnAnyTargetKind() {
    World w =
        new World()
            .msp("msp")
            .client("acme", "msp", "gold")
            .computer("pc", "acme", ComputerType.SERVER, "vip")
            .user("alice", "acme")
            .group("staff", null, "alice")
            .role("r", COMPUTERS_VIEW, TENANTS_VIEW, SOFTWARE_MANAGE, BILLING_MANAGE)
            .allow("alice", "r", Scope.tenantTag(id("gold")))
            .deny("alice", "r", World.tenantScope("msp", false))
            .allowGroup("staff", "r", Scope.usersTenant())
            .allow(
                "alice",
                "r",
                Scope.resource(new ResourceSelector.ComputerTag(id("vip"), id("acme"))))
            .allow("alice", "r", Scope.msp(id("msp")));
    PolicySnapshot s = w.snapshot();
    UUID alice = id("alice");
    Target[] targets = {
      Target.system(),
      World.tenant("acme"),
      World.computer("pc"),
      Target.ownedObject(id("acme")),
      Target.globalObject(id("msp")),
      World.tenant("msp")
    };
    Permission[] permissions = {
      COMPUTERS_VIEW, TENANTS_VIEW, SOFTWARE_MANAGE, BILLING_MANAGE, USERS_MANAGE
    };
    Engine engine = Engine.INSTANCE;
    int allowed =
        run(engine, s, alice, permissions, targets, 50_000); // warm-up (links the pattern switches)
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    long before = mx.getThreadAllocatedBytes(thread);
    allowed += run(engine, s, alice, permissions, targets, 20_000);
    long after = mx.getThreadAllocatedBytes(thread);
    assertThat(allowed).isPositive();
    // a few bytes of slack for the measurement itself; any per-check allocation would show as >=
    // 320 KB here
    assertThat(after - before).isLessThan(1024);
  }

  private static int run(Engine e, PolicySnapshot s, UUID u, Permission[] ps, Target[] ts, int n) {
    int allowed = 0;
    for (int i = 0; i < n; i++) {
      if (e.check(s, u, ps[i % ps.length], ts[i % ts.length], NOW).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }
}
