package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.TenantKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link ScopeTargets} lists exactly what the engine covers through a scope: the definition is
 * {@link Engine#check} itself — a fresh role holding one tenant-scoped permission, assigned (ALLOW)
 * at the scope to the principal and to nothing else, allows that permission on exactly the targets
 * the scope covers. Compared on random worlds ({@link RandomModels}: ids that name absent tenants,
 * MSPs, computers; tenants removed, re-homed and tagged after the snapshot was built) for every
 * kind of scope, users and groups. A tenant target listed stands for the tenant's computers too.
 */
class ScopeTargetsProperties {
  private static final Permission P = Permission.COMPUTERS_VIEW;
  private static final UUID ROLE = UUID.nameUUIDFromBytes("scope-targets-role".getBytes());
  private static final UUID PROBE_ASSIGNMENT = UUID.nameUUIDFromBytes("scope-targets-a".getBytes());

  /**
   * The case that was missed: MSP(m) where m's own row is absent (deleted, or not yet applied)
   * still covers the tenants whose msp_id is m — the engine's rule compares ids — so judging an
   * assignment at that scope by "nothing to decide" under-judged it.
   */
  @Test
  void anMspScopeWhoseMspRowIsAbsentStillCoversThatMspsTenants() {
    UUID msp = UUID.nameUUIDFromBytes("absent-msp".getBytes());
    UUID client = UUID.nameUUIDFromBytes("client-of-absent-msp".getBytes());
    UUID user = UUID.nameUUIDFromBytes("probe-user".getBytes());
    PolicyModel m = new PolicyModel();
    m.apply(
        new PolicyChange.UpsertTenant(
            new TenantNode(client, null, msp, TenantKind.CLIENT, Set.of())));
    m.apply(new PolicyChange.UpsertUser(new UserNode(user, client, true, null)));
    Scope scope = Scope.msp(msp);
    PolicySnapshot s = m.toSnapshot(1);

    assertThat(coverage(m, scope, Principal.user(user), List.of(user), s))
        .as("the engine")
        .containsExactly(Target.tenant(client));
    assertThat(ScopeTargets.of(s, scope, Principal.user(user)))
        .contains(List.of(Target.tenant(client)));
  }

  @Property(tries = 400)
  void scopeTargetsAreExactlyWhatTheEngineCovers(@ForAll long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    model.assignments.clear(); // coverage of the probe's scope only
    PolicySnapshot built = model.toSnapshot(1);
    // the same world reached by changes: removed tenants and computers leave their ids behind
    List<PolicyChange> changes = new ArrayList<>();
    for (int i = 0, n = gen.r.nextInt(6); i < n; i++) {
      PolicyChange c = gen.change(model);
      if (!(c instanceof PolicyChange.UpsertAssignment)
          && !(c instanceof PolicyChange.RemoveAssignment)) {
        changes.add(c);
        model.apply(c);
      }
    }
    PolicySnapshot changed = built.withChanges(2, changes);
    for (int k = 0; k < 6; k++) {
      Scope scope = gen.scope();
      List<UUID> users = new ArrayList<>();
      for (int i = 0, n = 1 + gen.r.nextInt(3); i < n; i++) {
        users.add(UUID.nameUUIDFromBytes(("probe-" + seed + "-" + k + "-" + i).getBytes()));
      }
      Principal principal =
          gen.r.nextBoolean()
              ? Principal.user(users.getFirst())
              : Principal.group(UUID.nameUUIDFromBytes(("probe-group-" + seed + k).getBytes()));
      List<UUID> members =
          principal instanceof Principal.UserPrincipal ? users.subList(0, 1) : users;
      // a user without a present home tenant is inactive (checks nothing): the probe's users live
      // in present tenants, except under USERS_TENANT, whose coverage is the home
      List<UUID> present = new ArrayList<>(model.tenants.keySet());
      if (present.isEmpty()) {
        return;
      }
      List<UUID> homes = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        homes.add(
            scope instanceof Scope.UsersTenant
                ? (gen.r.nextInt(6) == 0
                    ? null
                    : gen.tenantIds.get(gen.r.nextInt(gen.tenantIds.size())))
                : present.get(gen.r.nextInt(present.size())));
      }
      PolicyModel world = model.copy();
      for (int i = 0; i < members.size(); i++) {
        world.apply(
            new PolicyChange.UpsertUser(new UserNode(members.get(i), homes.get(i), true, null)));
      }
      if (principal instanceof Principal.GroupPrincipal(UUID g)) {
        world.apply(new PolicyChange.UpsertGroup(new GroupNode(g, null, Set.copyOf(members))));
      }
      String why =
          "seed " + seed + ", scope " + scope + ", principal " + principal + ", homes " + homes;
      for (PolicySnapshot base : List.of(built, changed)) {
        // ScopeTargets is asked of the world as it stands (users and group included), the engine
        // of that world plus the probe's role and assignment
        PolicySnapshot s =
            base == built
                ? world.toSnapshot(3)
                : base.withChanges(3, probeChanges(world, members, principal));
        Set<Target> want = coverage(world, scope, principal, members, s);
        Optional<List<Target>> got = ScopeTargets.of(s, scope, principal);
        Set<Target> listed = got.map(ts -> expand(s, ts)).orElse(Set.of());
        assertThat(listed).as(why).isEqualTo(want);
        if (got.isEmpty()) {
          assertThat(want).as("empty only when nothing is covered: " + why).isEmpty();
        }
        Statistics.label("covered").collect(want.isEmpty() ? "nothing" : "some");
        Statistics.label("names an absent tenant or computer")
            .collect(
                namesAbsent(s, scope) ? (want.isEmpty() ? "covers nothing" : "covers some") : "no");
      }
    }
  }

  private static boolean namesAbsent(PolicySnapshot s, Scope scope) {
    return switch (scope) {
      case Scope.Msp(UUID m) -> s.tenant(m).isEmpty();
      case Scope.Tenant(UUID t, boolean c) -> s.tenant(t).isEmpty();
      case Scope.Resource(dev.tenantry.authz.ResourceSelector.OneComputer(UUID c)) ->
          s.computer(c).isEmpty();
      case Scope.Resource(dev.tenantry.authz.ResourceSelector.ComputerTag t) ->
          absent(s, t.tenantId() != null ? t.tenantId() : t.mspId());
      case Scope.Resource(dev.tenantry.authz.ResourceSelector.ComputerTypes t) ->
          absent(s, t.tenantId() != null ? t.tenantId() : t.mspId());
      default -> false;
    };
  }

  private static boolean absent(PolicySnapshot s, UUID limit) {
    return limit != null && s.tenant(limit).isEmpty();
  }

  private static List<PolicyChange> probeChanges(
      PolicyModel world, List<UUID> members, Principal p) {
    List<PolicyChange> out = new ArrayList<>();
    members.forEach(u -> out.add(new PolicyChange.UpsertUser(world.users.get(u))));
    if (p instanceof Principal.GroupPrincipal(UUID g)) {
      out.add(new PolicyChange.UpsertGroup(world.groups.get(g)));
    }
    return out;
  }

  /**
   * The definition: the targets on which one of the principal's users is allowed {@link #P} by the
   * probe assignment alone (no other assignment in the world).
   */
  static Set<Target> coverage(
      PolicyModel world, Scope scope, Principal principal, List<UUID> users, PolicySnapshot s) {
    PolicySnapshot probed =
        s.withChanges(
            s.revision() + 1,
            List.of(
                new PolicyChange.UpsertRole(new RoleNode(ROLE, EnumSet.of(P), null)),
                new PolicyChange.UpsertAssignment(
                    new AssignmentNode(
                        PROBE_ASSIGNMENT, principal, ROLE, scope, Effect.ALLOW, null))));
    Set<UUID> tenants = new HashSet<>(world.tenants.keySet());
    Set<UUID> computers = new HashSet<>(world.computers.keySet());
    world.computers.values().forEach(c -> tenants.add(c.tenantId()));
    world.tenants.values().forEach(t -> tenants.add(t.mspId()));
    tenants.addAll(ids("tenant", 12));
    computers.addAll(ids("computer", 14));
    Set<Target> out = new HashSet<>();
    Instant now = RandomModels.NOW;
    for (UUID u : users) {
      for (UUID t : tenants) {
        if (Engine.INSTANCE.check(probed, u, P, Target.tenant(t), now).allowed()) {
          out.add(Target.tenant(t));
        }
      }
      for (UUID c : computers) {
        if (Engine.INSTANCE.check(probed, u, P, Target.computer(c), now).allowed()) {
          out.add(Target.computer(c));
        }
      }
    }
    return out;
  }

  /** The listed targets with the computers of each listed tenant. */
  private static Set<Target> expand(PolicySnapshot s, List<Target> listed) {
    Set<Target> out = new HashSet<>(listed);
    Set<UUID> tenants = new HashSet<>();
    listed.forEach(
        t -> {
          if (t instanceof Target.TenantTarget(UUID id)) {
            tenants.add(id);
          }
        });
    for (int i = 0; i < s.computers.size(); i++) {
      Compiled.Computer cc = s.computers.get(i);
      if (cc != null && cc.node() != null && tenants.contains(cc.node().tenantId())) {
        out.add(Target.computer(cc.node().id()));
      }
    }
    return out;
  }

  private static List<UUID> ids(String kind, int n) {
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(UUID.nameUUIDFromBytes((kind + i).getBytes()));
    }
    return out;
  }
}
