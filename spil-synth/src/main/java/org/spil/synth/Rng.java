package org.spil.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness for the generator: every draw comes from a stream named by the scenario
 * seed, a purpose and an index, so that any person, company or month can be regenerated on its own,
 * in any order, with the same result. This is what lets the generator stream a million persons with
 * flat memory and still give byte-identical output for the same seed.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Rng of(long seed, String purpose, long index) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < purpose.length(); i++) {
      h = (h ^ purpose.charAt(i)) * 0x100000001B3L;
    }
    return new Rng(mix(h ^ mix(index + 0x632BE59BD9B4E019L)));
  }

  /** A uniform number in [0, 1) for (seed, purpose, index) without creating a generator. */
  static double unit(long seed, String purpose, long index) {
    return of(seed, purpose, index).random.nextDouble();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  int between(int from, int toInclusive) {
    return from + random.nextInt(toInclusive - from + 1);
  }

  long between(long from, long toInclusive) {
    return from + random.nextLong(toInclusive - from + 1);
  }

  double unit() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** An index into {@code weights}, drawn in proportion to them. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  String letters(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('A' + random.nextInt(26)));
    }
    return b.toString();
  }
}
