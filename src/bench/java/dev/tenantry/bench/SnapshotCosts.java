package dev.tenantry.bench;

import dev.tenantry.authz.engine.AssignmentNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Build time, retained heap and single-change latency of a snapshot, measured in the benchmark JVM
 * itself (these are one-shot costs, not JMH material).
 */
final class SnapshotCosts {
  private SnapshotCosts() {}

  static void measure(int assignments, Map<String, String> figures) {
    // retained heap: the snapshot (with the node records it keeps) strongly reachable, the
    // generator gone
    long before = usedAfterGc();
    keep = buildOnly(assignments);
    long after = usedAfterGc();
    figures.put("snapshot_heap_mb", String.valueOf((after - before) >> 20));
    keep = null;

    BenchData data = new BenchData(assignments, 42, false);
    long[] builds = new long[3];
    PolicySnapshot built = null;
    for (int i = 0; i < builds.length; i++) {
      built = null;
      usedAfterGc();
      long t0 = System.nanoTime();
      built = data.snapshot();
      builds[i] = System.nanoTime() - t0;
    }
    Arrays.sort(builds);
    figures.put("snapshot_build_ms", String.valueOf(builds[1] / 1_000_000));
    figures.put("snapshot_build_min_ms", String.valueOf(builds[0] / 1_000_000));
    updates(data, built, figures);
  }

  // a mix of one-assignment changes: 70% new, 15% changed effect, 15% removed; each one withChanges
  // call
  private static void updates(BenchData d, PolicySnapshot s, Map<String, String> figures) {
    Random r = new Random(5);
    List<AssignmentNode> live = new ArrayList<>(d.assignmentNodes);
    int warm = 500;
    int n = 5_000;
    long[] t = new long[n];
    PolicySnapshot cur = s;
    for (int i = 0; i < warm + n; i++) {
      PolicyChange c;
      int x = r.nextInt(100);
      if (x < 70) {
        AssignmentNode a = d.assignment();
        live.add(a);
        c = new PolicyChange.UpsertAssignment(a);
      } else if (x < 85) {
        int k = r.nextInt(live.size());
        AssignmentNode a = live.get(k);
        AssignmentNode b =
            new AssignmentNode(
                a.id(),
                a.principal(),
                a.roleId(),
                a.scope(),
                a.effect() == dev.tenantry.authz.Effect.ALLOW
                    ? dev.tenantry.authz.Effect.DENY
                    : dev.tenantry.authz.Effect.ALLOW,
                a.expiresAt());
        live.set(k, b);
        c = new PolicyChange.UpsertAssignment(b);
      } else {
        int k = r.nextInt(live.size());
        AssignmentNode a = live.get(k);
        live.set(k, live.get(live.size() - 1));
        live.remove(live.size() - 1);
        c = new PolicyChange.RemoveAssignment(a.id());
      }
      List<PolicyChange> one = List.of(c);
      long t0 = System.nanoTime();
      cur = cur.withChanges(2 + i, one);
      long dt = System.nanoTime() - t0;
      if (i >= warm) {
        t[i - warm] = dt;
      }
    }
    Arrays.sort(t);
    figures.put("update_p50_ms", String.format("%.3f", t[n / 2] / 1e6));
    figures.put("update_p99_ms", String.format("%.3f", t[n * 99 / 100] / 1e6));
    figures.put("update_max_ms", String.format("%.3f", t[n - 1] / 1e6));
  }

  static volatile Object keep;

  private static PolicySnapshot buildOnly(int assignments) {
    return new BenchData(assignments, 42, false).snapshot();
  }

  static long usedAfterGc() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
