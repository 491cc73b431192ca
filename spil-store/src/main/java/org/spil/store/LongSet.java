package org.spil.store;

/**
 * A set of 64-bit hashes in one open-addressed primitive array: the writer's record of which
 * entities a batch has already had a run of. Half the memory of an {@link IdSet}, so that at ten
 * million entities a probe misses the cache and the TLB less often and a doubling moves half as
 * many bytes. The keys are hash output, so their low bits pick the slot without further mixing;
 * zero marks an empty slot and is tracked apart. Grows by doubling at half full.
 *
 * <p>NOTE: not thread-safe; 16 to 32 bytes per key.
 */
final class LongSet {
  private long[] slots;
  private int size;
  private boolean hasZero;

  LongSet(int expected) {
    slots = new long[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
  }

  int size() {
    return size;
  }

  /** Adds the key; false when it was already present. */
  boolean add(long key) {
    if (key == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      size++;
      return true;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    if (insert(slots, key)) {
      size++;
      return true;
    }
    return false;
  }

  private static boolean insert(long[] slots, long key) {
    int mask = slots.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
      long k = slots[i];
      if (k == 0) {
        slots[i] = key;
        return true;
      }
      if (k == key) {
        return false;
      }
    }
  }

  private void grow() {
    long[] bigger = new long[2 * slots.length];
    for (long k : slots) {
      if (k != 0) {
        insert(bigger, k);
      }
    }
    slots = bigger;
  }
}
