package dev.tenantry.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where it is, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public static final int MAX_SIZE = 500;

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), page, size, total);
  }

  /** Clamps paging input from a request. */
  public static int size(int requested) {
    return Math.max(1, Math.min(MAX_SIZE, requested));
  }

  public static int page(int requested) {
    return Math.max(0, requested);
  }
}
