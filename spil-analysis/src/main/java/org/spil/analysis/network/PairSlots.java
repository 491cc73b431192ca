package org.spil.analysis.network;

import java.util.Arrays;

/**
 * Dense slot numbers for pairs of nodes, in the order pairs were first seen: an open-addressing
 * table of {@link Network#key} values. A {@code HashMap<Long, ...>} keyed by them puts every pair
 * with the same {@code u ^ v} in one bucket (that is {@link Long#hashCode}), so the projection of a
 * million persons spent a fifth of its time walking the trees of crowded buckets; the keys here are
 * spread by MurmurHash3's finaliser.
 *
 * <p>NOTE: not thread safe.
 */
final class PairSlots {
  private static final long EMPTY = -1L;
  private long[] keys;
  private int[] slots;
  private long[] byslot;
  private int size;

  PairSlots(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    slots = new int[capacity];
    byslot = new long[Math.max(16, expected)];
  }

  /** How many pairs have a slot. */
  int size() {
    return size;
  }

  /** The pair's key ({@link Network#key}) of a slot. */
  long key(int slot) {
    return byslot[slot];
  }

  /** The slot of a pair's key, given the next free one when the pair is new. */
  int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    slots[i] = size;
    if (size == byslot.length) {
      byslot = Arrays.copyOf(byslot, size * 2);
    }
    byslot[size] = key;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    slots = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = (int) mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
