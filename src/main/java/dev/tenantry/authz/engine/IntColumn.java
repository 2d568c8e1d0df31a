package dev.tenantry.authz.engine;

import java.util.Arrays;

/**
 * Writer for a flat int column of a snapshot (one int per dense index, -1 where unset). Copies the
 * base array on the first write of an edit, then writes in place; {@link #build} hands out an array
 * trimmed to the index size that no later write touches. For small tables (tenants), where a flat
 * copy per edit is cheap and a check wants one load.
 */
final class IntColumn {
  private int[] values;
  private boolean owned;

  IntColumn(int[] base) {
    values = base;
  }

  void set(int i, int v) {
    if (!owned || i >= values.length) {
      int n = Math.max(values.length, i + 1);
      n = owned ? Math.max(n, values.length + (values.length >> 1) + 16) : n;
      int old = values.length;
      values = Arrays.copyOf(values, n);
      Arrays.fill(values, old, n, -1);
      owned = true;
    }
    values[i] = v;
  }

  int[] build(int size) {
    if (!owned && values.length == size) {
      return values;
    }
    int old = values.length;
    int[] out = Arrays.copyOf(values, size);
    if (size > old) {
      Arrays.fill(out, old, size, -1);
    }
    owned = false;
    values = out;
    return out;
  }
}
