package dev.tenantry.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: the items, where it is, and how many there are in all. A large total is an
 * estimate, and says so ({@code totalEstimated}, present only then): lists never scan everything to
 * count it. {@code next}, when present, is the keyset cursor of the following page (pass it as
 * {@code after}); it stays valid while rows are added or removed, unlike a page number.
 */
public record Page<T>(
    List<T> items,
    int page,
    int size,
    long total,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean totalEstimated,
    @Nullable String next) {
  public static final int MAX_SIZE = 500;

  public Page(List<T> items, int page, int size, long total) {
    this(items, page, size, total, false, null);
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), page, size, total, totalEstimated, next);
  }

  /** Clamps paging input from a request. */
  public static int size(int requested) {
    return Math.max(1, Math.min(MAX_SIZE, requested));
  }

  public static int page(int requested) {
    return Math.max(0, requested);
  }

  /**
   * One page of a list already filtered by what the caller may see (for short lists built in
   * memory, such as roles, groups and assignments), with the same clamping as the SQL lists.
   */
  public static <T> Page<T> slice(List<T> all, int requestedPage, int requestedSize) {
    int page = page(requestedPage);
    int size = size(requestedSize);
    long from = Math.min((long) page * size, all.size());
    int to = (int) Math.min(from + size, all.size());
    return new Page<>(List.copyOf(all.subList((int) from, to)), page, size, all.size());
  }
}
