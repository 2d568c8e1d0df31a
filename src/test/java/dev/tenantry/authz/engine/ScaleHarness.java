package dev.tenantry.authz.engine;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Manual size measurement — not a test (surefire ignores it), numbers not assertions; the JMH
 * benchmark is the judge. {@code java -Xmx1g -Dmode=0|1 -cp
 * target/classes:target/test-classes:<deps> dev.tenantry.authz.engine.ScaleHarness 1.0}: the
 * argument is the fraction of full size (10k tenants, 50k users, 2k groups of 25, 500 roles of 20
 * permissions, 200k assignments, 1M computers); mode 0 checks random computers, 1 random tenants.
 */
public final class ScaleHarness {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final Random r = new Random(1);
  private final UUID[] tenants;
  private final UUID[] users;
  private final UUID[] groups;
  private final UUID[] roles;
  private final UUID[] computers;
  private final UUID[] tags = ids(50);

  private ScaleHarness(double f) {
    tenants = ids((int) (10_000 * f));
    users = ids((int) (50_000 * f));
    groups = ids((int) (2_000 * f));
    roles = ids(500);
    computers = ids((int) (1_000_000 * f));
  }

  public static void main(String[] args) {
    ScaleHarness h = new ScaleHarness(Double.parseDouble(args[0]));
    long t0 = System.nanoTime();
    PolicySnapshot s = h.build((int) (200_000 * Double.parseDouble(args[0])));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        "build %.2f s, heap used %d MB%n",
        (System.nanoTime() - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20);
    h.measureChecks(s, Integer.getInteger("mode", 0));
    h.measureChanges(s);
  }

  private PolicySnapshot build(int assignments) {
    PolicySnapshot.Builder b = PolicySnapshot.builder(1);
    for (int i = 0; i < tenants.length; i++) {
      boolean msp = i < 10;
      UUID parent = msp ? null : tenants[r.nextInt(i)];
      b.tenant(
          new TenantNode(
              tenants[i],
              parent,
              tenants[r.nextInt(10)],
              msp ? TenantKind.MSP : TenantKind.CLIENT,
              Set.of(tags[r.nextInt(tags.length)])));
    }
    for (UUID c : computers) {
      b.computer(
          new ComputerNode(
              c,
              pick(tenants),
              ComputerType.values()[r.nextInt(4)],
              r.nextInt(3) == 0 ? Set.of(pick(tags)) : Set.of()));
    }
    for (UUID u : users) {
      b.user(new UserNode(u, pick(tenants), true, null));
    }
    for (UUID g : groups) {
      Set<UUID> members = new HashSet<>();
      for (int j = 0; j < 25; j++) {
        members.add(pick(users));
      }
      b.group(new GroupNode(g, null, members));
    }
    Permission[] ps = Permission.values();
    for (UUID role : roles) {
      Set<Permission> set = EnumSet.noneOf(Permission.class);
      for (int j = 0; j < 20; j++) {
        set.add(ps[r.nextInt(ps.length)]);
      }
      b.role(new RoleNode(role, set, null));
    }
    for (int i = 0; i < assignments; i++) {
      b.assignment(assignment());
    }
    return b.build();
  }

  private void measureChecks(PolicySnapshot s, int mode) {
    int n = 4096;
    UUID[] qu = new UUID[n];
    Permission[] qp = new Permission[n];
    Target[] qt = new Target[n];
    for (int i = 0; i < n; i++) {
      qu[i] = pick(users);
      qp[i] = Permission.values()[r.nextInt(Permission.values().length)];
      qt[i] = mode == 0 ? Target.computer(pick(computers)) : Target.tenant(pick(tenants));
    }
    Engine e = Engine.INSTANCE;
    int allowed = 0;
    for (int w = 0; w < 300_000; w++) {
      int i = w & (n - 1);
      allowed += e.check(s, qu[i], qp[i], qt[i], NOW).allowed() ? 1 : 0;
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    long[] lat = new long[100_000];
    long before = mx.getThreadAllocatedBytes(thread);
    for (int w = 0; w < lat.length; w++) {
      int i = (w * 7) & (n - 1);
      long x = System.nanoTime();
      allowed += e.check(s, qu[i], qp[i], qt[i], NOW).allowed() ? 1 : 0;
      lat[w] = System.nanoTime() - x;
    }
    long after = mx.getThreadAllocatedBytes(thread);
    Arrays.sort(lat);
    System.out.printf(
        "check p50 %d ns p99 %d ns, %d bytes allocated over %d checks (%d allowed)%n",
        lat[lat.length / 2], lat[lat.length * 99 / 100], after - before, lat.length, allowed);
  }

  private void measureChanges(PolicySnapshot s) {
    long[] t = new long[200];
    PolicySnapshot cur = s;
    for (int i = 0; i < t.length; i++) {
      long x = System.nanoTime();
      cur = cur.withChanges(2 + i, List.of(new PolicyChange.UpsertAssignment(assignment())));
      t[i] = System.nanoTime() - x;
    }
    Arrays.sort(t);
    System.out.printf(
        "withChanges(1 assignment) p50 %.3f ms p99 %.3f ms%n", t[100] / 1e6, t[198] / 1e6);
    long x = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      cur.withChanges(
          500 + i,
          List.of(
              new PolicyChange.UpsertComputer(
                  new ComputerNode(
                      pick(computers), pick(tenants), ComputerType.SERVER, Set.of()))));
    }
    System.out.printf("withChanges(1 computer) avg %.3f ms%n", (System.nanoTime() - x) / 50 / 1e6);
    x = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      Engine.INSTANCE.tenantsWith(cur, pick(users), Permission.COMPUTERS_VIEW, NOW);
    }
    System.out.printf("tenantsWith avg %.3f ms%n", (System.nanoTime() - x) / 50 / 1e6);
  }

  private AssignmentNode assignment() {
    Scope scope =
        switch (r.nextInt(10)) {
          case 0 -> Scope.owner();
          case 1 -> Scope.msp(tenants[r.nextInt(10)]);
          case 2 -> Scope.tenantTag(pick(tags));
          case 3 -> Scope.usersTenant();
          case 4 -> Scope.resource(new ResourceSelector.OneComputer(pick(computers)));
          case 5 ->
              Scope.resource(
                  new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), pick(tenants)));
          default -> Scope.tenant(pick(tenants), r.nextBoolean());
        };
    Principal p = r.nextInt(5) == 0 ? Principal.group(pick(groups)) : Principal.user(pick(users));
    return new AssignmentNode(
        UUID.randomUUID(),
        p,
        pick(roles),
        scope,
        r.nextInt(8) == 0 ? Effect.DENY : Effect.ALLOW,
        null);
  }

  private <T> T pick(T[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  private static UUID[] ids(int n) {
    UUID[] x = new UUID[n];
    for (int i = 0; i < n; i++) {
      x[i] = UUID.randomUUID();
    }
    return x;
  }
}
