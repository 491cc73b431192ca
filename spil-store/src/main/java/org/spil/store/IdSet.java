package org.spil.store;

/**
 * A set of 128-bit statement ids (two longs each) in open-addressed primitive arrays, so a batch
 * can drop statements it has already staged without boxing millions of keys. Grows by doubling.
 *
 * <p>NOTE: not thread-safe; about 32 bytes per id at the default load factor.
 */
final class IdSet {
  private long[] his;
  private long[] los;
  private boolean[] used;
  private int size;
  private int mask;

  IdSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    his = new long[capacity];
    los = new long[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** Adds the id; false when it was already present. */
  boolean add(long hi, long lo) {
    if (size * 2 >= used.length) {
      grow();
    }
    int i = slot(hi, lo);
    while (used[i]) {
      if (his[i] == hi && los[i] == lo) {
        return false;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    his[i] = hi;
    los[i] = lo;
    size++;
    return true;
  }

  private int slot(long hi, long lo) {
    long h = hi ^ Long.rotateLeft(lo, 29);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private void grow() {
    long[] oldHi = his;
    long[] oldLo = los;
    boolean[] oldUsed = used;
    allocate(used.length * 2);
    size = 0;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        add(oldHi[i], oldLo[i]);
      }
    }
  }
}
