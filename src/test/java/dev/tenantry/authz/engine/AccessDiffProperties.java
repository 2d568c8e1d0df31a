package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 8: {@link AccessDiff} evaluates per covering signature (which assignments cover a target
 * before and after) instead of per (user, permission, target); on random small models and random
 * structural changes (tenants created, moved, re-homed to another MSP, tagged; computers created,
 * moved, retyped, tagged; people moved; assignments re-pointed) it gives exactly the list, counts,
 * digest and assignments of the straightforward {@link ReferenceAccessDiff}.
 */
class AccessDiffProperties {

  @Property(tries = 1_000)
  void perSignatureDiffEqualsTheStraightforwardOne(@ForAll long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    PolicySnapshot before = model.toSnapshot(1);
    Set<UUID> tenants = new HashSet<>();
    Set<UUID> computers = new HashSet<>();
    Set<UUID> users = new HashSet<>();
    Set<UUID> assignments = new HashSet<>();
    List<PolicyChange> changes = new ArrayList<>();
    int n = 1 + gen.r.nextInt(6);
    while (changes.size() < n) {
      PolicyChange c = gen.change(model);
      boolean structural =
          switch (c) {
            case PolicyChange.UpsertTenant x -> tenants.add(x.tenant().id()) || true;
            case PolicyChange.SetTenantTags x -> tenants.add(x.tenantId()) || true;
            case PolicyChange.UpsertComputer x -> computers.add(x.computer().id()) || true;
            case PolicyChange.SetComputerTags x -> computers.add(x.computerId()) || true;
            case PolicyChange.UpsertUser x -> users.add(x.user().id()) || true;
            case PolicyChange.UpsertAssignment x -> assignments.add(x.assignment().id()) || true;
            default -> false;
          };
      if (structural) {
        changes.add(c);
        model.apply(c);
      }
    }
    PolicySnapshot after = before.withChanges(2, changes);
    AccessDiff.Changed changed = new AccessDiff.Changed(tenants, computers, users, assignments);
    for (var now : List.of(RandomModels.NOW, RandomModels.NOW.minusSeconds(7200))) {
      AccessDiff.Result expected = new ReferenceAccessDiff().compute(before, after, changed, now);
      AccessDiff.Result actual = new AccessDiff().compute(before, after, changed, now);
      assertThat(actual.list()).as("seed %d, changes %s", seed, changes).isEqualTo(expected.list());
      assertThat(actual.assignmentIds()).isEqualTo(expected.assignmentIds());
      Statistics.label("rows").collect(expected.list().totalRows() == 0 ? "none" : "some");
    }
  }
}
