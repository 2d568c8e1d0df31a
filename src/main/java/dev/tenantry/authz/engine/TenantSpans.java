package dev.tenantry.authz.engine;

import java.util.Arrays;

/**
 * Interval (pre-order) numbering of the tenant forest given by a flat parent column: {@code
 * span[2t]} = t's number in a depth-first walk from the roots (indexes whose parent is -1, absent
 * and never-seen tenants included), {@code span[2t + 1]} = the largest number in t's subtree. Then
 * a is a proper ancestor of t iff {@code span[2a] < span[2t] <= span[2a + 1]}. Indexes on or below
 * a parent cycle (a corrupt tree) are not reached from any root; they get -1 and {@link
 * Matcher#isAncestor} walks the parent column for them, exactly as before.
 */
final class TenantSpans {
  private TenantSpans() {}

  static int[] of(int[] parent) {
    int n = parent.length;
    int[] start = new int[n + 2];
    for (int t = 0; t < n; t++) {
      int p = parent[t];
      if (p >= 0 && p < n) {
        start[p + 2]++;
      }
    }
    for (int i = 2; i < n + 2; i++) {
      start[i] += start[i - 1];
    }
    int[] kids = new int[start[n + 1]];
    for (int t = 0; t < n; t++) {
      int p = parent[t];
      if (p >= 0 && p < n) {
        kids[start[p + 1]++] = t;
      }
    }
    // now the children of p are kids[start[p] .. start[p + 1])
    int[] span = new int[2 * n];
    Arrays.fill(span, -1);
    int[] stack = new int[n];
    int[] next = new int[n];
    int counter = 0;
    for (int r = 0; r < n; r++) {
      int p = parent[r];
      if (p >= 0 && p < n) {
        continue;
      }
      int top = 0;
      stack[0] = r;
      next[r] = start[r];
      span[2 * r] = counter++;
      while (top >= 0) {
        int v = stack[top];
        if (next[v] < start[v + 1]) {
          int c = kids[next[v]++];
          span[2 * c] = counter++;
          next[c] = start[c];
          stack[++top] = c;
        } else {
          span[2 * v + 1] = counter - 1;
          top--;
        }
      }
    }
    return span;
  }
}
