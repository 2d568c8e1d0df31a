package dev.tenantry.bench;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.engine.AccessDiff;
import dev.tenantry.authz.engine.ComputerNode;
import dev.tenantry.authz.engine.PolicyChange;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What DESIGN §3.10's comparison costs on a {@link BenchData} instance: tagging one tenant,
 * creating one computer, moving a depth-1 subtree under another MSP, and demoting an MSP (its whole
 * tree changes MSP). Prints {@code name=value} lines (median of the runs, milliseconds). Run:
 * {@code java -cp … dev.tenantry.bench.AccessDiffBench [assignments]}.
 */
public final class AccessDiffBench {
  private AccessDiffBench() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    BenchData d = new BenchData(size, 42, false);
    PolicySnapshot s = d.snapshot();
    AccessDiff diff = new AccessDiff();
    String load = Machine.load();
    System.out.println("access_diff_instance_assignments=" + size);
    System.out.println("access_diff_instance_tenants=" + d.tenants.length);
    System.out.println("access_diff_instance_computers=" + d.computers.length);
    System.out.println("access_diff_instance_users=" + d.users.length);

    TenantNode leaf = d.tenantNodes.get(d.tenantNodes.size() - 1);
    measure(
        "access_diff_tag_tenant_ms",
        diff,
        s,
        List.of(new PolicyChange.SetTenantTags(leaf.id(), Set.of(d.tags[0], d.tags[1]))),
        changed(Set.of(leaf.id()), Set.of()));

    UUID pc = UUID.randomUUID();
    measure(
        "access_diff_create_computer_ms",
        diff,
        s,
        List.of(
            new PolicyChange.UpsertComputer(
                new ComputerNode(
                    pc, leaf.id(), ComputerType.DOMAIN_CONTROLLER, Set.of(d.tags[2])))),
        changed(Set.of(), Set.of(pc)));

    // a depth-1 tenant (with its subtree) moved under the other MSP
    TenantNode otherMsp = d.tenantNodes.get(1);
    TenantNode moved =
        d.tenantNodes.stream()
            .filter(t -> t.parentId() != null && !t.mspId().equals(otherMsp.id()))
            .filter(t -> s.tenant(t.parentId()).map(p -> p.parentId() == null).orElse(false))
            .findFirst()
            .orElseThrow();
    List<PolicyChange> move = new ArrayList<>();
    Set<UUID> subtree = subtree(d, moved.id());
    for (TenantNode t : d.tenantNodes) {
      if (subtree.contains(t.id())) {
        UUID parent = t.id().equals(moved.id()) ? otherMsp.id() : t.parentId();
        move.add(
            new PolicyChange.UpsertTenant(
                new TenantNode(t.id(), parent, otherMsp.id(), t.kind(), t.tagIds())));
      }
    }
    System.out.println("access_diff_move_subtree_tenants=" + subtree.size());
    measure("access_diff_move_subtree_ms", diff, s, move, changed(subtree, Set.of()));

    // the first MSP demoted: its whole tree joins the second
    TenantNode msp = d.tenantNodes.get(0);
    List<PolicyChange> demote = new ArrayList<>();
    Set<UUID> tree = new HashSet<>();
    for (TenantNode t : d.tenantNodes) {
      if (t.mspId().equals(msp.id())) {
        tree.add(t.id());
        demote.add(
            new PolicyChange.UpsertTenant(
                new TenantNode(
                    t.id(),
                    t.parentId(),
                    otherMsp.id(),
                    t.id().equals(msp.id()) ? dev.tenantry.authz.TenantKind.CLIENT : t.kind(),
                    t.tagIds())));
      }
    }
    System.out.println("access_diff_demote_msp_tenants=" + tree.size());
    measure("access_diff_demote_msp_ms", diff, s, demote, changed(tree, Set.of()));
    System.out.println("access_diff_load_before=" + load);
    System.out.println("access_diff_load_after=" + Machine.load());
  }

  private static AccessDiff.Changed changed(Set<UUID> tenants, Set<UUID> computers) {
    return new AccessDiff.Changed(tenants, computers, Set.of(), Set.of());
  }

  private static Set<UUID> subtree(BenchData d, UUID root) {
    Set<UUID> out = new HashSet<>(Set.of(root));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TenantNode t : d.tenantNodes) {
        if (t.parentId() != null && out.contains(t.parentId()) && out.add(t.id())) {
          grew = true;
        }
      }
    }
    return out;
  }

  private static void measure(
      String name,
      AccessDiff diff,
      PolicySnapshot s,
      List<PolicyChange> changes,
      AccessDiff.Changed changed) {
    String only = System.getProperty("accessdiff.only"); // e.g. -Daccessdiff.only=demote
    if (only != null && !name.contains(only)) {
      return;
    }
    int runs = Integer.getInteger("accessdiff.runs", 5); // -Daccessdiff.runs=1 for a quick look
    double[] ms = new double[runs];
    double[] cpu = new double[runs];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long rows = 0;
    for (int i = 0; i < runs + 1; i++) { // the first run warms up
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      PolicySnapshot after = s.withChanges(s.revision() + 1, changes);
      AccessDiff.Result r = diff.compute(s, after, changed, BenchData.NOW);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      rows = r.list().totalRows();
      if (i > 0) {
        ms[i - 1] = (t1 - t0) / 1e6;
        cpu[i - 1] = (c1 - c0) / 1e6;
      }
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf("%s=%.1f%n", name, ms[runs / 2]);
    String base = name.substring(0, name.length() - "_ms".length());
    System.out.printf("%s_cpu_ms=%.1f%n", base, cpu[runs / 2]);
    System.out.println(base + "_rows=" + rows);
  }
}
