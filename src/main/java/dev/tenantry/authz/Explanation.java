package dev.tenantry.authz;

import java.util.List;

/**
 * A decision with every matching assignment, allow and deny (DESIGN §3.9), in a stable order (the
 * same on every node): direct assignments first, then by group id; within each, by assignment id.
 */
public record Explanation(Decision decision, List<MatchedAssignment> matches) {

  public Explanation {
    matches = List.copyOf(matches);
  }

  public List<MatchedAssignment> denies() {
    return matches.stream().filter(m -> m.effect() == Effect.DENY).toList();
  }

  public List<MatchedAssignment> allows() {
    return matches.stream().filter(m -> m.effect() == Effect.ALLOW).toList();
  }
}
