package dev.tenantry.authz.engine;

import java.util.Arrays;

/**
 * {@link IntColumn} for longs (0 where unset): a flat per-tenant column of a snapshot, copied on
 * first write.
 */
final class LongColumn {
  private long[] values;
  private boolean owned;

  LongColumn(long[] base) {
    values = base;
  }

  void set(int i, long v) {
    if (!owned || i >= values.length) {
      int n = Math.max(values.length, i + 1);
      n = owned ? Math.max(n, values.length + (values.length >> 1) + 16) : n;
      values = Arrays.copyOf(values, n);
      owned = true;
    }
    values[i] = v;
  }

  long[] build(int size) {
    if (!owned && values.length == size) {
      return values;
    }
    long[] out = Arrays.copyOf(values, size);
    owned = false;
    values = out;
    return out;
  }
}
