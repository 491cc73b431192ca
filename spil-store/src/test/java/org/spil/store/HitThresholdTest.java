package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spil.policy.MatchCodes;

/**
 * The hit threshold against the noise of the keyed, folded name filters: over 300 random keys (one
 * per data directory in practice), a spelling variant of a name stays at or above {@link
 * Store#HIT_NAME_THRESHOLD}, and a different surname with the same given name stays below it on
 * average. The figures in docs/safeguards.md come from this test.
 */
class HitThresholdTest {
  @Test
  void aSpellingVariantIsAHitWhateverTheKey() {
    Random random = new Random(1);
    double minVariant = 1;
    double sumOther = 0;
    int keys = 300;
    for (int i = 0; i < keys; i++) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      MatchCodes codes = new MatchCodes(key);
      long[] target = codes.name("Mohamed El Amrani");
      minVariant = Math.min(minVariant, MatchCodes.dice(codes.name("Muhammad ELAMRANI"), target));
      sumOther += MatchCodes.dice(codes.name("Mohamed El Idrissi"), target);
    }
    System.out.printf(
        "over %d keys: variant at least %.3f, other surname %.3f on average%n",
        keys, minVariant, sumOther / keys);
    assertThat(minVariant).isGreaterThanOrEqualTo(HitNoHit.HIT_NAME_THRESHOLD);
    assertThat(sumOther / keys).isLessThan(HitNoHit.HIT_NAME_THRESHOLD);
  }
}
