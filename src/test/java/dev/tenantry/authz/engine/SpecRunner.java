package dev.tenantry.authz.engine;

import dev.tenantry.authz.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a spec's expectations against any snapshot, however it was loaded; returns one line per
 * failure.
 */
public final class SpecRunner {
  private SpecRunner() {}

  public static List<String> failures(BehaviourSpec spec, PolicySnapshot s) {
    Engine engine = Engine.INSTANCE;
    AntiEscalation rules = new AntiEscalation(engine);
    List<String> out = new ArrayList<>();
    for (BehaviourSpec.Check c : spec.checks()) {
      Decision d =
          engine.check(
              s, SpecIds.id(c.user()), c.permission(), SpecIds.target(c.target()), spec.now());
      if (d.allowed() != c.allowed() || (c.rule() != null && d.rule() != c.rule())) {
        out.add(c + " → " + d);
      }
    }
    for (BehaviourSpec.AccessChange a : spec.accessChanges()) {
      Decision d =
          switch (a) {
            case BehaviourSpec.CanAssign x ->
                rules.canAssign(
                    s,
                    SpecIds.id(x.actor()),
                    SpecIds.principal(x.principal()),
                    SpecIds.id(x.role()),
                    SpecIds.scope(x.scope()),
                    x.effect(),
                    spec.now());
            case BehaviourSpec.CanAddMember x ->
                rules.canAddMember(
                    s,
                    SpecIds.id(x.actor()),
                    SpecIds.id(x.group()),
                    SpecIds.id(x.user()),
                    spec.now());
            case BehaviourSpec.CanRemove x ->
                rules.canRemoveAssignment(
                    s, SpecIds.id(x.actor()), SpecIds.id(x.assignment()), spec.now());
          };
      if (d.rule() != a.rule()) {
        out.add(a + " → " + d);
      }
    }
    return out;
  }
}
