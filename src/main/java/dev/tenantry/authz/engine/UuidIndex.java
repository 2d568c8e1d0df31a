package dev.tenantry.authz.engine;

import java.util.Arrays;
import java.util.UUID;

/**
 * Immutable UUID → dense int index, append-only: an id keeps its index for the life of a snapshot
 * lineage, even when the entity is removed (the entity table marks it absent), so nothing that
 * refers to it needs re-resolving.
 *
 * <p>Layout: 256 open-addressing segments chosen by hash; an {@link Editor} copies only the
 * segments it writes, so a change shares every other segment with the previous snapshot. Lookups
 * allocate nothing.
 */
final class UuidIndex {
  private static final int SEGMENT_BITS = 8;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;

  /**
   * Slot i is {@code slots[3i..3i+2]} = msb, lsb, index + 1 (0 = empty), interleaved so that a
   * probe touches one cache line. {@code capacity} is a power of two.
   */
  private record Segment(long[] slots, int capacity, int count) {}

  static final UuidIndex EMPTY = new UuidIndex(new Segment[SEGMENTS], 0);

  private final Segment[] segments;
  private final int size;

  private UuidIndex(Segment[] segments, int size) {
    this.segments = segments;
    this.size = size;
  }

  /** Number of indexes handed out; indexes are {@code 0 .. size-1}. */
  int size() {
    return size;
  }

  int get(UUID id) {
    return get(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  /** The index of the id, or -1. */
  int get(long msb, long lsb) {
    int h = hash(msb, lsb);
    Segment s = segments[h >>> (32 - SEGMENT_BITS)];
    if (s == null) {
      return -1;
    }
    long[] slots = s.slots;
    int mask = s.capacity - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long v = slots[3 * i + 2];
      if (v == 0) {
        return -1;
      }
      if (slots[3 * i] == msb && slots[3 * i + 1] == lsb) {
        return (int) v - 1; // the low 32 bits; the payload is above
      }
    }
  }

  /**
   * The whole slot value of the id, or 0: bits 0-31 = index + 1, bits 32-63 = the payload set by
   * {@link Editor#setPayload} (0 if none). Lets a caller read a few hot facts about the entity
   * without another lookup.
   */
  long slot(long msb, long lsb) {
    int h = hash(msb, lsb);
    Segment s = segments[h >>> (32 - SEGMENT_BITS)];
    if (s == null) {
      return 0;
    }
    long[] slots = s.slots;
    int mask = s.capacity - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long v = slots[3 * i + 2];
      if (v == 0 || (slots[3 * i] == msb && slots[3 * i + 1] == lsb)) {
        return v;
      }
    }
  }

  Editor edit() {
    return new Editor(this);
  }

  private static int hash(long msb, long lsb) {
    long x = msb * 0x9E3779B97F4A7C15L ^ lsb;
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return (int) x;
  }

  /** Single-threaded writer producing a new index; the source is never modified. */
  static final class Editor {
    private final Segment[] segments;
    private final boolean[] owned = new boolean[SEGMENTS];
    private int size;

    private Editor(UuidIndex base) {
      this.segments = base.segments.clone();
      this.size = base.size;
    }

    int get(UUID id) {
      return new UuidIndex(segments, size).get(id);
    }

    int size() {
      return size;
    }

    /** The id's index, handing out the next one if it is new. */
    int intern(UUID id) {
      long msb = id.getMostSignificantBits();
      long lsb = id.getLeastSignificantBits();
      int h = hash(msb, lsb);
      int si = h >>> (32 - SEGMENT_BITS);
      Segment s = segments[si];
      if (s != null) {
        int mask = s.capacity - 1;
        for (int i = h & mask; s.slots[3 * i + 2] != 0; i = (i + 1) & mask) {
          if (s.slots[3 * i] == msb && s.slots[3 * i + 1] == lsb) {
            return (int) s.slots[3 * i + 2] - 1;
          }
        }
      }
      s = writable(si, s);
      int index = size++;
      insert(s.slots, s.capacity, msb, lsb, h, index + 1);
      segments[si] = new Segment(s.slots, s.capacity, s.count + 1);
      return index;
    }

    /** Stores a 32-bit payload with the id (interning it if new), copying its segment if shared. */
    void setPayload(UUID id, int payload) {
      int index = intern(id);
      long msb = id.getMostSignificantBits();
      long lsb = id.getLeastSignificantBits();
      int h = hash(msb, lsb);
      int si = h >>> (32 - SEGMENT_BITS);
      Segment s = segments[si];
      int mask = s.capacity - 1;
      int i = h & mask;
      while (s.slots[3 * i] != msb || s.slots[3 * i + 1] != lsb) {
        i = (i + 1) & mask;
      }
      long v = (long) payload << 32 | (index + 1L);
      if (s.slots[3 * i + 2] == v) {
        return;
      }
      if (!owned[si]) {
        s = new Segment(s.slots.clone(), s.capacity, s.count);
        segments[si] = s;
        owned[si] = true;
      }
      s.slots[3 * i + 2] = v;
    }

    UuidIndex build() {
      Arrays.fill(owned, false);
      return new UuidIndex(segments.clone(), size);
    }

    // copy the segment unless this editor already did, growing it to keep the load factor under 1/2
    private Segment writable(int si, Segment s) {
      if (s == null) {
        owned[si] = true;
        return new Segment(new long[3 * 8], 8, 0);
      }
      boolean full = (s.count + 1) * 2 > s.capacity;
      if (owned[si] && !full) {
        return s;
      }
      owned[si] = true;
      if (!full) {
        return new Segment(s.slots.clone(), s.capacity, s.count);
      }
      int cap = s.capacity * 2;
      long[] slots = new long[3 * cap];
      for (int i = 0; i < s.capacity; i++) {
        if (s.slots[3 * i + 2] != 0) {
          long m = s.slots[3 * i];
          long l = s.slots[3 * i + 1];
          insert(slots, cap, m, l, hash(m, l), s.slots[3 * i + 2]);
        }
      }
      return new Segment(slots, cap, s.count);
    }

    private static void insert(long[] slots, int capacity, long msb, long lsb, int h, long val) {
      int mask = capacity - 1;
      int i = h & mask;
      while (slots[3 * i + 2] != 0) {
        i = (i + 1) & mask;
      }
      slots[3 * i] = msb;
      slots[3 * i + 1] = lsb;
      slots[3 * i + 2] = val;
    }
  }
}
