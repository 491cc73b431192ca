package org.spil.store;

/**
 * A set of 128-bit hashes (of entities or statements) in one open-addressed primitive array, so a
 * batch can tell what it has already staged without boxing millions of keys. The two halves of an
 * id sit side by side, so a probe touches one cache line; the ids are Murmur3 output, so their low
 * bits pick the slot without further mixing. The all-zero id marks an empty slot and is tracked
 * apart. Grows by doubling.
 *
 * <p>NOTE: not thread-safe; 32 to 64 bytes per id.
 */
final class IdSet {
  private long[] slots;
  private int size;
  private int mask;
  private boolean hasZero;

  IdSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[2 * capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** Adds the id; false when it was already present. */
  boolean add(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    if (size * 2 >= mask + 1) {
      grow();
    }
    if (insert(slots, mask, hi, lo)) {
      size++;
      return true;
    }
    return false;
  }

  private static boolean insert(long[] slots, int mask, long hi, long lo) {
    int i = (int) (lo ^ (hi >>> 32)) & mask;
    while (true) {
      int at = 2 * i;
      long h = slots[at];
      long l = slots[at + 1];
      if (h == 0 && l == 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        return true;
      }
      if (h == hi && l == lo) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    int capacity = 2 * (mask + 1);
    long[] bigger = new long[2 * capacity];
    int biggerMask = capacity - 1;
    for (int at = 0; at < slots.length; at += 2) {
      if (slots[at] != 0 || slots[at + 1] != 0) {
        insert(bigger, biggerMask, slots[at], slots[at + 1]);
      }
    }
    slots = bigger;
    mask = biggerMask;
  }
}
