package org.spil.resolve;

/**
 * The distinct combinations of pair class and feature levels among the candidate pairs, with how
 * many pairs have each: a few thousand patterns stand for hundreds of millions of pairs, so that
 * estimation loops over patterns, not pairs. Counted in one pass with an open-addressing table of
 * packed keys (four bits per level, the class above them).
 */
final class LevelPatterns {
  private final long[] keys;
  private final long[] counts;
  private final int size;

  private LevelPatterns(long[] keys, long[] counts, int size) {
    this.keys = keys;
    this.counts = counts;
    this.size = size;
  }

  /** The patterns of the first {@code pairs} pairs of {@code levels} and {@code classes}. */
  static LevelPatterns count(byte[] levels, byte[] classes, int pairs) {
    int f = Comparison.COUNT;
    long[] table = new long[1 << 12];
    long[] tally = new long[table.length];
    int used = 0;
    for (int p = 0; p < pairs; p++) {
      long key = classes[p] + 1L;
      for (int i = 0; i < f; i++) {
        key = (key << 4) | (levels[p * f + i] + 1);
      }
      if (2 * (used + 1) > table.length) {
        long[][] grown = grow(table, tally);
        table = grown[0];
        tally = grown[1];
      }
      int slot = slot(table, key);
      if (table[slot] == 0) {
        table[slot] = key;
        used++;
      }
      tally[slot]++;
    }
    long[] k = new long[used];
    long[] c = new long[used];
    int n = 0;
    for (int s = 0; s < table.length; s++) {
      if (table[s] != 0) {
        k[n] = table[s];
        c[n++] = tally[s];
      }
    }
    return new LevelPatterns(k, c, used);
  }

  private static int slot(long[] table, long key) {
    int mask = table.length - 1;
    int s = (int) (Blocking.mix(key) & mask);
    while (table[s] != 0 && table[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private static long[][] grow(long[] table, long[] tally) {
    long[] t = new long[table.length * 2];
    long[] c = new long[t.length];
    for (int s = 0; s < table.length; s++) {
      if (table[s] != 0) {
        int at = slot(t, table[s]);
        t[at] = table[s];
        c[at] = tally[s];
      }
    }
    return new long[][] {t, c};
  }

  int size() {
    return size;
  }

  long count(int k) {
    return counts[k];
  }

  int pairClass(int k) {
    return (int) (keys[k] >>> (4 * Comparison.COUNT)) - 1;
  }

  /** Writes pattern {@code k}'s levels into {@code out}. */
  void levels(int k, byte[] out) {
    long key = keys[k];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = (byte) ((key & 15) - 1);
      key >>>= 4;
    }
  }
}
