package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Principal;
import dev.tenantry.authz.Scope;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link AntiEscalation} agrees with {@link ReferenceAntiEscalation} on random models and
 * questions.
 */
class AntiEscalationProperties {
  private final AntiEscalation engine = new AntiEscalation();

  @Property(tries = 300)
  void antiEscalationAgreesWithReference(@ForAll long seed) {
    RandomModels gen = new RandomModels(seed);
    PolicyModel model = gen.model();
    PolicySnapshot s = model.toSnapshot(1);
    ReferenceAntiEscalation ref = new ReferenceAntiEscalation(model);
    for (int i = 0; i < 40; i++) {
      UUID actor = gen.userIds.get(gen.r.nextInt(gen.userIds.size()));
      UUID role = gen.roleIds.get(gen.r.nextInt(gen.roleIds.size()));
      Principal principal =
          gen.r.nextBoolean()
              ? Principal.user(gen.userIds.get(gen.r.nextInt(gen.userIds.size())))
              : Principal.group(gen.groupIds.get(gen.r.nextInt(gen.groupIds.size())));
      Scope scope = gen.scope();
      Effect effect = gen.r.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW;
      var decision = engine.canAssign(s, actor, principal, role, scope, effect, RandomModels.NOW);
      Statistics.collect(decision.rule()); // shows in the report that every rule is reached
      assertThat(decision)
          .as("assign %s %s %s %s", actor, principal, role, scope)
          .isEqualTo(ref.canAssign(actor, principal, role, scope, effect, RandomModels.NOW));
      UUID group = gen.groupIds.get(gen.r.nextInt(gen.groupIds.size()));
      UUID member = gen.userIds.get(gen.r.nextInt(gen.userIds.size()));
      assertThat(engine.canAddMember(s, actor, group, member, RandomModels.NOW))
          .isEqualTo(ref.canAddMember(actor, group, member, RandomModels.NOW));
      UUID assignment = gen.assignmentIds.get(gen.r.nextInt(gen.assignmentIds.size()));
      assertThat(engine.canRemoveAssignment(s, actor, assignment, RandomModels.NOW))
          .isEqualTo(ref.canRemove(actor, assignment, RandomModels.NOW));
    }
  }
}
