package dev.tenantry.deployments.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §8 precedence among the deployments that reach one computer for the same software or task
 * (docs/deployments.md): an enforced deployment first; then the most specific target — computer >
 * person > tenant (the computer's own tenant over an inherited one, a nearer ancestor over a
 * farther one) > tenant tag > cross-tenant; then the higher priority; then the newest.
 */
final class Precedence {
  private Precedence() {}

  /** One deployment reaching a computer, with how specific its target is for that computer. */
  record Candidate(Deployment deployment, int rank, int distance) {
    String subjectKey() {
      return deployment.subjectKind() + ":" + deployment.subjectId();
    }
  }

  /** A candidate and its outcome: applies, or overridden by the winner of its subject. */
  record Outcome(Candidate candidate, @Nullable UUID overriddenBy) {
    boolean applies() {
      return overriddenBy == null;
    }
  }

  static final Comparator<Candidate> ORDER =
      Comparator.comparing((Candidate c) -> !c.deployment().enforced())
          .thenComparingInt(Candidate::rank)
          .thenComparingInt(Candidate::distance)
          .thenComparing(c -> -c.deployment().priority())
          .thenComparing((Candidate c) -> c.deployment().createdAt(), Comparator.reverseOrder())
          // the id as PostgreSQL orders uuids (bytes, unsigned), not UUID.compareTo (signed longs),
          // so that the batch resolution in SQL breaks ties exactly as this order does
          .thenComparing(c -> c.deployment().id().toString());

  /** Every candidate with its outcome, winners first per subject, in precedence order. */
  static List<Outcome> decide(List<Candidate> candidates) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(ORDER);
    Map<String, UUID> winners = new LinkedHashMap<>();
    List<Outcome> out = new ArrayList<>();
    for (Candidate c : sorted) {
      UUID winner = winners.putIfAbsent(c.subjectKey(), c.deployment().id());
      out.add(new Outcome(c, winner));
    }
    return out;
  }

  /** Only the winners, in precedence order. */
  static List<Candidate> winners(List<Candidate> candidates) {
    return decide(candidates).stream().filter(Outcome::applies).map(Outcome::candidate).toList();
  }
}
