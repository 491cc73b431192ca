package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.spil.model.types.NameKeys;

class MatchCodesTest {
  static final MatchCodes KEYED =
      new MatchCodes("deployment-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));

  @Test
  void spellingsOfOneNameMeetAndOtherNamesDoNot() {
    long[] a = KEYED.name("Mohamed El Amrani");
    assertThat(MatchCodes.dice(a, KEYED.name("EL AMRANI, Mohamed"))).isEqualTo(1.0);
    assertThat(MatchCodes.dice(KEYED.name("Олександр Кузнецов"), KEYED.name("Oleksandr Kuznetsov")))
        .isGreaterThan(0.8);
    assertThat(MatchCodes.dice(a, KEYED.name("Mohamed El Amrami"))).isGreaterThan(0.8);
    assertThat(MatchCodes.dice(a, KEYED.name("Jan de Vries"))).isLessThan(0.5);
    assertThat(KEYED.exact("iban", "NL91ABNA0417164300")).hasSize(64).doesNotContain("NL91");
    assertThat(KEYED.name("1234")).isNull();
  }

  @Property(tries = 300)
  void encodingsRoundTripAndAreOrderFreeForPlainNames(
      @ForAll @AlphaChars @StringLength(min = 2, max = 12) String first,
      @ForAll @AlphaChars @StringLength(min = 2, max = 12) String last) {
    long[] f = KEYED.name(first + " " + last);
    // particles and titles are read by their place in a name: the order-free claim is for others
    Set<String> particles =
        Set.of(
            "van", "de", "der", "den", "el", "al", "la", "le", "da", "di", "du", "von", "ben",
            "bin", "ter", "ten", "het", "del", "dos", "das", "mc", "mac", "st", "abu", "ibn",
            "bint", "op", "mr", "mrs", "ms", "miss", "dr", "drs", "prof", "ir", "ing", "herr",
            "frau", "dhr", "mevr", "mw", "mme", "mlle", "sir", "sr", "sra", "jr", "sheikh", "hr");
    if (f == null
        || particles.contains(first.toLowerCase())
        || particles.contains(last.toLowerCase())) {
      return;
    }
    assertThat(MatchCodes.decode(MatchCodes.encode(f))).isEqualTo(f);
    assertThat(MatchCodes.dice(f, KEYED.name((first + " " + last).toUpperCase()))).isEqualTo(1.0);
    assertThat(MatchCodes.dice(f, KEYED.name(last + ", " + first))).isGreaterThanOrEqualTo(0.9);
    assertThat(MatchCodes.encode(f))
        .doesNotContainIgnoringCase(first.length() >= 4 ? first : "\u0000");
  }

  /**
   * The filter as the construction defines it, one HMAC per bigram and name: the remembered bigram
   * masks must give exactly this, whichever names came before (also past the cache's bound).
   */
  static long[] oracleFilter(byte[] secret, String name) throws Exception {
    Set<String> tokens = new TreeSet<>();
    for (String t : NameKeys.tokens(name)) {
      if (t.chars().anyMatch(Character::isLetter)) {
        tokens.add(t);
      }
    }
    if (tokens.isEmpty()) {
      return null;
    }
    for (String p : NameKeys.phonetic(tokens)) {
      tokens.add("#" + p);
    }
    long[] full = new long[16];
    for (String token : tokens) {
      String padded = "_" + token + "_";
      for (int i = 0; i + 2 <= padded.length(); i++) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update("name-bigram".getBytes(StandardCharsets.UTF_8));
        byte[] h = mac.doFinal(padded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < MatchCodes.HASHES; k++) {
          int pos = ((h[2 * k] & 0xff) << 8 | (h[2 * k + 1] & 0xff)) & 1023;
          full[pos >>> 6] |= 1L << (pos & 63);
        }
      }
    }
    long[] folded = new long[8];
    for (int i = 0; i < 8; i++) {
      folded[i] = full[i] ^ full[i + 8];
    }
    return folded;
  }

  static final byte[] ORACLE_SECRET =
      "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  static final MatchCodes REMEMBERING = new MatchCodes(ORACLE_SECRET);

  @Property(tries = 500)
  void rememberedBigramsGiveTheFilterOfTheConstruction(@ForAll String name) throws Exception {
    assertThat(REMEMBERING.name(name)).isEqualTo(oracleFilter(ORACLE_SECRET, name));
  }

  @Test
  void theFilterStaysTheSameOnceTheBigramCacheIsFull() throws Exception {
    MatchCodes codes = new MatchCodes(ORACLE_SECRET, 12);
    codes.name("Jan de Vries");
    codes.name("Pieter Bakker");
    assertThat(codes.rememberedBigrams()).isEqualTo(12);
    for (String name :
        List.of("Mohamed El Amrani", "Олександр Кузнецов", "Zbigniew Brzęczyszczykiewicz")) {
      assertThat(codes.name(name)).isEqualTo(oracleFilter(ORACLE_SECRET, name));
    }
    assertThat(codes.rememberedBigrams()).isEqualTo(12);
  }

  /**
   * An attacker with a dictionary of 100,000 names (which contains every true name) but not the
   * secret encodes each with a key of their own, with no key, and with the right construction, and
   * compares with the index: no filter is re-identified.
   */
  @Test
  void aDictionaryAttackWithoutTheKeyReidentifiesNothing() {
    Random r = new Random(1);
    String[] firsts = {
      "Mohamed", "Jan", "Pieter", "Ahmet", "Ivan", "Fatima", "Anna", "Youssef", "Mehmet", "Sanne",
      "Johan", "Kees", "Bilal", "Emre", "Olga", "José", "Arben", "Koen", "Els", "Rachid"
    };
    List<String> dictionary = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder last = new StringBuilder();
      for (int k = 0; k < 3 + r.nextInt(3); k++) {
        last.append("bdfgklmnprstvz".charAt(r.nextInt(14))).append("aeiou".charAt(r.nextInt(5)));
      }
      dictionary.add(firsts[r.nextInt(firsts.length)] + " " + last);
    }
    List<long[]> index = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      index.add(KEYED.name(dictionary.get(i * 50)));
    }
    MatchCodes[] attackers = {
      new MatchCodes("an-attacker-guess-of-the-secret-000".getBytes(StandardCharsets.UTF_8)),
      new MatchCodes(new byte[32]),
    };
    int reidentified = 0;
    for (MatchCodes attacker : attackers) {
      for (String guess : dictionary) {
        long[] g = attacker.name(guess);
        for (long[] stored : index) {
          if (MatchCodes.dice(g, stored) >= 0.8) {
            reidentified++;
          }
        }
        if (reidentified > 0) {
          break;
        }
      }
    }
    assertThat(reidentified).isZero();
    assertThat(MatchCodes.dice(KEYED.name(dictionary.get(50)), index.get(1)))
        .as("with the key it matches")
        .isEqualTo(1.0);
  }
}
