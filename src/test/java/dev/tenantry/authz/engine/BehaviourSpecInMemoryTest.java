package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour spec against a snapshot from the in-memory builder, and against the reference
 * evaluator.
 */
class BehaviourSpecInMemoryTest {
  private final BehaviourSpec spec = BehaviourSpec.load();

  @Test
  void specHasAtLeast150Expectations() {
    assertThat(spec.expectationCount()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void inMemorySnapshotMeetsEveryExpectation() {
    PolicySnapshot s = PolicySnapshot.empty().withChanges(1, spec.changes());
    assertThat(SpecRunner.failures(spec, s)).isEmpty();
  }

  @Test
  void referenceEvaluatorMeetsEveryCheck() {
    PolicyModel model = new PolicyModel();
    spec.changes().forEach(model::apply);
    ReferenceEvaluator ref = new ReferenceEvaluator(model);
    List<BehaviourSpec.Check> wrong =
        spec.checks().stream()
            .filter(
                c -> {
                  var d =
                      ref.check(
                          SpecIds.id(c.user()),
                          c.permission(),
                          SpecIds.target(c.target()),
                          spec.now());
                  return d.allowed() != c.allowed() || (c.rule() != null && d.rule() != c.rule());
                })
            .toList();
    assertThat(wrong).isEmpty();
  }

  @Test
  void namesAreUniqueAcrossKinds() {
    var m = spec.model();
    List<String> names = new java.util.ArrayList<>();
    m.tenants().forEach(t -> names.add(t.name()));
    m.computers().forEach(c -> names.add(c.name()));
    m.users().forEach(u -> names.add(u.name()));
    m.groups().forEach(g -> names.add(g.name()));
    m.roles().forEach(r -> names.add(r.name()));
    m.assignments().forEach(a -> names.add(a.name()));
    assertThat(names).doesNotHaveDuplicates();
  }
}
