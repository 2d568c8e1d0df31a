package dev.tenantry.authz.engine;

import java.util.Arrays;

/**
 * Immutable array of objects in chunks of 1024; an {@link Editor} copies the spine and only the
 * chunks it writes, so one change to a million-entry table copies about 1,000 + 1,024 references.
 * {@link #get} allocates nothing.
 */
final class PVec<T> {
  private static final int SHIFT = 10;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private static final PVec<?> EMPTY = new PVec<>(new Object[0][], 0);

  private final Object[][] chunks;
  private final int size;

  private PVec(Object[][] chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <T> PVec<T> empty() {
    return (PVec<T>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The element at {@code i}, or null when out of range or never set. */
  @SuppressWarnings("unchecked")
  T get(int i) {
    if (i < 0 || i >= size) {
      return null;
    }
    return (T) chunks[i >>> SHIFT][i & MASK];
  }

  Editor<T> edit() {
    return new Editor<>(this);
  }

  static final class Editor<T> {
    private Object[][] chunks;
    private boolean[] owned;
    private int size;

    private Editor(PVec<T> base) {
      this.chunks = base.chunks.clone();
      this.owned = new boolean[chunks.length];
      this.size = base.size;
    }

    @SuppressWarnings("unchecked")
    T get(int i) {
      if (i < 0 || i >= size) {
        return null;
      }
      return (T) chunks[i >>> SHIFT][i & MASK];
    }

    void set(int i, T value) {
      int c = i >>> SHIFT;
      if (c >= chunks.length) {
        int n = Math.max(c + 1, chunks.length + (chunks.length >> 1) + 1);
        chunks = Arrays.copyOf(chunks, n);
        owned = Arrays.copyOf(owned, n);
      }
      if (!owned[c]) {
        chunks[c] = chunks[c] == null ? new Object[CHUNK] : chunks[c].clone();
        owned[c] = true;
      }
      chunks[c][i & MASK] = value;
      if (i >= size) {
        size = i + 1;
      }
    }

    int size() {
      return size;
    }

    PVec<T> build() {
      Arrays.fill(owned, false);
      return new PVec<>(chunks.clone(), size);
    }
  }
}
