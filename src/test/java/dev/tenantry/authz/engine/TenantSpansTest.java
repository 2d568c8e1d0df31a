package dev.tenantry.authz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interval numbering answers "is a a proper ancestor of t" exactly as the parent walk does,
 * cycles included.
 */
class TenantSpansTest {

  @Test
  void spansAgreeWithTheParentWalkOnRandomForestsWithCycles() {
    Random r = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = 1 + r.nextInt(40);
      int[] parent = new int[n];
      for (int t = 0; t < n; t++) {
        int k = r.nextInt(10);
        parent[t] =
            k < 3
                ? -1
                : k < 9 && t > 0
                    ? r.nextInt(t)
                    : r.nextInt(n); // mostly a forest, sometimes a cycle
      }
      int[] span = TenantSpans.of(parent);
      for (int a = 0; a < n; a++) {
        for (int t = 0; t < n; t++) {
          assertEquals(
              walk(parent, a, t),
              viaSpans(span, parent, a, t),
              "round " + round + " a=" + a + " t=" + t);
        }
      }
    }
  }

  // Matcher.isAncestor's logic, on bare arrays
  private static boolean viaSpans(int[] span, int[] parent, int a, int t) {
    int et = span[2 * t];
    if (et >= 0) {
      int ea = span[2 * a];
      return ea >= 0 && ea < et && et <= span[2 * a + 1];
    }
    return walk(parent, a, t);
  }

  private static boolean walk(int[] parent, int ancestor, int t) {
    int limit = parent.length;
    int cur = parent[t];
    for (int i = 0; cur >= 0 && i < limit; i++) {
      if (cur == ancestor) {
        return true;
      }
      cur = parent[cur];
    }
    return false;
  }
}
