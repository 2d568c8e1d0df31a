package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Decision;
import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.MatchedAssignment;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The engine agrees with {@link ReferenceEvaluator} on random models, fresh or incrementally
 * changed.
 */
class EngineProperties {
  private static final Engine ENGINE = Engine.INSTANCE;
  private static final Instant[] NOWS = {RandomModels.NOW, RandomModels.NOW.minusSeconds(7200)};

  @Property(tries = 300)
  void engineAgreesWithReferenceOnEveryCheck(@ForAll long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    assertAgrees(gen, model, model.toSnapshot(1));
  }

  @Property(tries = 200)
  void incrementalSnapshotAgreesWithReferenceAndWithFreshBuild(@ForAll long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    PolicySnapshot before = model.toSnapshot(1);
    PolicyModel original = model.copy();
    PolicySnapshot snapshot = before;
    int batches = 1 + gen.r.nextInt(3);
    for (int b = 0; b < batches; b++) {
      List<PolicyChange> changes = new ArrayList<>();
      int n = 1 + gen.r.nextInt(12);
      for (int i = 0; i < n; i++) {
        PolicyChange c = gen.change(model);
        changes.add(c);
        model.apply(c);
      }
      snapshot = snapshot.withChanges(2 + b, changes);
    }
    assertThat(snapshot.revision()).isEqualTo(1 + batches);
    assertAgrees(gen, model, snapshot);
    assertSameDecisions(gen, snapshot, model.toSnapshot(99));
    // the old snapshot is untouched by the changes
    assertAgrees(gen, original, before);
  }

  private static void assertAgrees(RandomModels gen, PolicyModel model, PolicySnapshot s) {
    ReferenceEvaluator ref = new ReferenceEvaluator(model);
    List<UUID> users = new ArrayList<>(gen.userIds);
    users.add(UUID.randomUUID());
    for (Instant now : NOWS) {
      for (UUID u : users) {
        for (Permission p : RandomModels.PERMS) {
          for (Target t : gen.targets()) {
            Decision expected = ref.check(u, p, t, now);
            assertThat(ENGINE.check(s, u, p, t, now))
                .as("%s %s %s at %s", u, p, t, now)
                .isEqualTo(expected);
            Explanation e = ENGINE.explain(s, u, p, t, now);
            assertThat(e.decision()).isEqualTo(expected);
            if (model.users.containsKey(u)
                && e.decision().rule() != dev.tenantry.authz.DecisionRule.USER_INACTIVE
                && e.decision().rule() != dev.tenantry.authz.DecisionRule.UNKNOWN_TARGET) {
              assertThat(new HashSet<MatchedAssignment>(e.matches()))
                  .isEqualTo(new HashSet<>(ref.matches(model.users.get(u), p, t, now)));
            }
          }
          assertGrantsAgree(model, ref, s, u, p, now);
        }
      }
    }
  }

  private static void assertGrantsAgree(
      PolicyModel model,
      ReferenceEvaluator ref,
      PolicySnapshot s,
      UUID u,
      Permission p,
      Instant now) {
    TenantGrants g = ENGINE.tenantsWith(s, u, p, now);
    assertThat(ENGINE.holdsAnywhere(s, u, p, now))
        .as("holds %s anywhere: %s", p, g)
        .isEqualTo(!g.isNothing());
    for (UUID t : model.tenants.keySet()) {
      assertThat(g.allowsTenant(t))
          .as("tenant %s %s %s", t, p, g)
          .isEqualTo(ref.check(u, p, Target.tenant(t), now).allowed());
    }
    for (ComputerNode c : model.computers.values()) {
      if (model.tenants.containsKey(c.tenantId())) {
        assertThat(
                g.allowsComputer(
                    c.id(),
                    c.tenantId(),
                    model.tenants.get(c.tenantId()).mspId(),
                    c.type(),
                    c.tagIds()))
            .as("computer %s %s %s", c, p, g)
            .isEqualTo(ref.check(u, p, Target.computer(c.id()), now).allowed());
        TenantGrants ofItsTenant = ENGINE.tenantsWith(s, u, p, now, List.of(c.tenantId()));
        assertThat(
                ofItsTenant.allowsComputer(
                    c.id(),
                    c.tenantId(),
                    model.tenants.get(c.tenantId()).mspId(),
                    c.type(),
                    c.tagIds()))
            .as("computer %s %s, grants of its tenant only %s", c, p, ofItsTenant)
            .isEqualTo(ref.check(u, p, Target.computer(c.id()), now).allowed());
      }
    }
    // Restricted to some tenants (every other one, plus an unknown id), the grants are the full
    // grants cut down to those tenants.
    List<UUID> some = new ArrayList<>();
    int i = 0;
    for (UUID t : model.tenants.keySet()) {
      if (i++ % 2 == 0) {
        some.add(t);
      }
    }
    some.add(UUID.randomUUID());
    TenantGrants within = ENGINE.tenantsWith(s, u, p, now, some);
    assertThat(within.allTenants()).isEqualTo(g.allTenants());
    assertThat(within.tenantIds())
        .isEqualTo(g.tenantIds().stream().filter(some::contains).collect(Collectors.toSet()));
    assertThat(within.deniedTenantIds())
        .isEqualTo(g.deniedTenantIds().stream().filter(some::contains).collect(Collectors.toSet()));
    assertThat(within.allowedSelectors()).isEqualTo(g.allowedSelectors());
    assertThat(within.deniedSelectors()).isEqualTo(g.deniedSelectors());
  }

  private static void assertSameDecisions(RandomModels gen, PolicySnapshot a, PolicySnapshot b) {
    for (UUID u : gen.userIds) {
      for (Permission p : RandomModels.PERMS) {
        for (Target t : gen.targets()) {
          assertThat(ENGINE.check(a, u, p, t, RandomModels.NOW))
              .isEqualTo(ENGINE.check(b, u, p, t, RandomModels.NOW));
        }
      }
    }
  }
}
