package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.TenantKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * DESIGN §3.10 (issue 10): {@link AccessDiff}, which works per affected target and per user with
 * permission bit sets (computers only where a resource selector or the computer itself changes
 * something), lists exactly the gains of {@link ReferenceAccessDiff} — every user × permission ×
 * target of the instance asked of the engine before and after — with the same rows, counts and
 * digest, on random worlds (trees, MSPs, tags, tag scopes with MSP limits, computer type and tag
 * selectors with tenant and MSP limits, denies, groups, expiries) and random sequences of every
 * structural change: tenants moved, re-homed to another MSP, MSPs demoted with their tree, tenants
 * created, tagged and untagged; computers created, moved, retyped, tagged; people moved;
 * assignments re-pointed. 600 tries here (≈ 10 s); 3,000-try runs are recorded in
 * docs/structural-changes.md.
 */
class AccessDiffProperties {

  @Property(tries = 600)
  void perScopeDiffEqualsTheDefinition(@ForAll long seed) {
    check(seed);
  }

  static void check(long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    PolicySnapshot before = model.toSnapshot(1);
    Set<UUID> tenants = new HashSet<>();
    Set<UUID> computers = new HashSet<>();
    Set<UUID> users = new HashSet<>();
    Set<UUID> assignments = new HashSet<>();
    List<PolicyChange> changes = new ArrayList<>();
    int n = 1 + gen.r.nextInt(4);
    for (int i = 0; i < n; i++) {
      for (PolicyChange c : structural(gen, model)) {
        switch (c) {
          case PolicyChange.UpsertTenant x -> tenants.add(x.tenant().id());
          case PolicyChange.SetTenantTags x -> tenants.add(x.tenantId());
          case PolicyChange.UpsertComputer x -> computers.add(x.computer().id());
          case PolicyChange.SetComputerTags x -> computers.add(x.computerId());
          case PolicyChange.UpsertUser x -> users.add(x.user().id());
          case PolicyChange.UpsertAssignment x -> assignments.add(x.assignment().id());
          default -> throw new IllegalStateException(c.toString());
        }
        changes.add(c);
        model.apply(c);
      }
    }
    if (changes.isEmpty()) {
      return;
    }
    PolicySnapshot after = before.withChanges(2, changes);
    AccessDiff.Changed changed = new AccessDiff.Changed(tenants, computers, users, assignments);
    for (Instant now : List.of(RandomModels.NOW, RandomModels.NOW.minusSeconds(7200))) {
      Set<AccessDiff.Gain> expected = new HashSet<>();
      Set<AccessDiff.Gain> actual = new HashSet<>();
      AccessDiff.Result want =
          new ReferenceAccessDiff().compute(before, after, changed, now, expected);
      AccessDiff.Result got = new AccessDiff().compute(before, after, changed, now, actual);
      String why = "seed " + seed + ", changes " + changes;
      assertThat(actual).as(why).isEqualTo(expected);
      assertThat(new HashSet<>(got.list().rows()))
          .as(why)
          .isEqualTo(new HashSet<>(want.list().rows()));
      assertThat(got.list()).as(why).isEqualTo(want.list());
      assertThat(got.assignmentIds()).as(why).isEqualTo(want.assignmentIds());
      Statistics.label("gains").collect(expected.isEmpty() ? "none" : "some");
    }
  }

  /** One structural change, as the application makes them (a demotion is several upserts). */
  static List<PolicyChange> structural(RandomModels gen, PolicyModel m) {
    var r = gen.r;
    List<TenantNode> present = new ArrayList<>(m.tenants.values());
    switch (r.nextInt(9)) {
      case 0 -> { // move a tenant under an earlier one (or to the root)
        if (present.isEmpty()) {
          return List.of();
        }
        TenantNode t = present.get(r.nextInt(present.size()));
        int i = gen.tenantIds.indexOf(t.id());
        UUID parent = i == 0 || r.nextInt(4) == 0 ? null : gen.tenantIds.get(r.nextInt(i));
        return List.of(
            new PolicyChange.UpsertTenant(
                new TenantNode(t.id(), parent, t.mspId(), t.kind(), t.tagIds())));
      }
      case 1 -> { // re-home a tenant to another MSP
        if (present.isEmpty()) {
          return List.of();
        }
        TenantNode t = present.get(r.nextInt(present.size()));
        UUID msp = gen.tenantIds.get(r.nextInt(4));
        return List.of(
            new PolicyChange.UpsertTenant(
                new TenantNode(t.id(), t.parentId(), msp, t.kind(), t.tagIds())));
      }
      case 2 -> { // demote an MSP: it and every tenant of it join another MSP
        List<TenantNode> msps = present.stream().filter(t -> t.kind() == TenantKind.MSP).toList();
        if (msps.size() < 2) {
          return List.of();
        }
        TenantNode msp = msps.get(r.nextInt(msps.size()));
        TenantNode into = msps.get(r.nextInt(msps.size()));
        if (into.id().equals(msp.id())) {
          return List.of();
        }
        List<PolicyChange> out = new ArrayList<>();
        for (TenantNode t : present) {
          if (t.id().equals(msp.id())) {
            out.add(
                new PolicyChange.UpsertTenant(
                    new TenantNode(
                        t.id(),
                        r.nextBoolean() ? into.id() : t.parentId(),
                        into.id(),
                        TenantKind.CLIENT,
                        t.tagIds())));
          } else if (t.mspId().equals(msp.id())) {
            out.add(
                new PolicyChange.UpsertTenant(
                    new TenantNode(t.id(), t.parentId(), into.id(), t.kind(), t.tagIds())));
          }
        }
        return out;
      }
      case 3 -> { // create a tenant (an id of the pool not present)
        List<UUID> absent =
            gen.tenantIds.stream().filter(id -> !m.tenants.containsKey(id)).toList();
        if (absent.isEmpty()) {
          return List.of();
        }
        UUID id = absent.get(r.nextInt(absent.size()));
        int i = gen.tenantIds.indexOf(id);
        UUID parent = i == 0 || r.nextInt(4) == 0 ? null : gen.tenantIds.get(r.nextInt(i));
        return List.of(
            new PolicyChange.UpsertTenant(
                new TenantNode(
                    id, parent, gen.tenantIds.get(r.nextInt(2)), TenantKind.CLIENT, tags(gen))));
      }
      case 4 -> {
        return List.of(new PolicyChange.SetTenantTags(pick(gen, gen.tenantIds), tags(gen)));
      }
      case 5 -> { // create, move or retype a computer
        ComputerType[] types = ComputerType.values();
        UUID id = pick(gen, gen.computerIds);
        ComputerNode was = m.computers.get(id);
        Set<UUID> tags = was == null ? tags(gen) : was.tagIds();
        return List.of(
            new PolicyChange.UpsertComputer(
                new ComputerNode(
                    id, pick(gen, gen.tenantIds), types[r.nextInt(types.length)], tags)));
      }
      case 6 -> {
        return List.of(new PolicyChange.SetComputerTags(pick(gen, gen.computerIds), tags(gen)));
      }
      case 7 -> { // a person moved to another tenant (a merge)
        // from a present tenant to a present one: a person without a tenant has no access at all,
        // and giving them one is not a move
        List<UserNode> us =
            m.users.values().stream()
                .filter(u -> u.tenantId() != null && m.tenants.containsKey(u.tenantId()))
                .toList();
        if (us.isEmpty() || present.isEmpty()) {
          return List.of();
        }
        UserNode u = us.get(r.nextInt(us.size()));
        UUID to = present.get(r.nextInt(present.size())).id();
        return List.of(
            new PolicyChange.UpsertUser(
                new UserNode(u.id(), to, u.enabled(), u.accessExpiresAt())));
      }
      default -> { // an assignment re-pointed (a merge): same principal, role and effect
        List<AssignmentNode> as = new ArrayList<>(m.assignments.values());
        if (as.isEmpty()) {
          return List.of();
        }
        AssignmentNode a = as.get(r.nextInt(as.size()));
        return List.of(
            new PolicyChange.UpsertAssignment(
                new AssignmentNode(
                    a.id(), a.principal(), a.roleId(), gen.scope(), a.effect(), a.expiresAt())));
      }
    }
  }

  private static Set<UUID> tags(RandomModels gen) {
    Set<UUID> out = new HashSet<>();
    for (UUID t : gen.tagIds) {
      if (gen.r.nextInt(3) == 0) {
        out.add(t);
      }
    }
    return out;
  }

  private static <T> T pick(RandomModels gen, List<T> xs) {
    return xs.get(gen.r.nextInt(xs.size()));
  }
}
