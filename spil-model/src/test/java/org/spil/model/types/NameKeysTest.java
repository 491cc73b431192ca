package org.spil.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.spil.model.PropertyTypes;

class NameKeysTest {

  static Set<String> keys(String name) {
    return new HashSet<>(PropertyTypes.get("name").searchKeys(name));
  }

  static boolean share(String a, String b, String prefix) {
    Set<String> ka = keys(a);
    ka.retainAll(keys(b));
    return ka.stream().anyMatch(k -> k.startsWith(prefix));
  }

  @Test
  void transliterationsMeetOnTokensAndSounds() {
    assertThat(share("Мухаммед Юсупов", "Muhammad Yusupov", "t:")).isTrue();
    assertThat(share("Мухаммед Юсупов", "YUSUPOV, Mohammed", "t:")).isTrue();
    assertThat(share("Мухаммед Юсупов", "Muhammad Yusupov", "s:MHMD")).isTrue();
    assertThat(share("Muhammad Yusupov", "YUSUPOV, Mohammed", "p:")).isTrue();
    assertThat(keys("Mohamed El Amrani")).contains("s:MHMD", "s:LMRN", "t:elamrani");
    assertThat(keys("محمد العمراني")).contains("s:MHMD", "s:LMRN");
    assertThat(keys("Yılmaz")).contains("t:yilmaz");
    assertThat(keys("Іванов")).contains("t:ivanov");
    assertThat(keys("Frau Dr. Irene Nierstenhöfer"))
        .contains("t:irene", "t:nierstenhofer")
        .doesNotContain("t:frau", "t:dr");
  }

  @Property
  void fingerprintIgnoresOrderCaseAndPunctuation(
      @ForAll @StringLength(min = 2, max = 12) String first,
      @ForAll @StringLength(min = 2, max = 12) String last) {
    String a = first.replaceAll("[^A-Za-z]", "x") + " " + last.replaceAll("[^A-Za-z]", "x");
    String b =
        last.replaceAll("[^A-Za-z]", "x").toUpperCase() + ", " + first.replaceAll("[^A-Za-z]", "x");
    assertThat(NameKeys.fingerprint(a)).isEqualTo(NameKeys.fingerprint(b));
  }

  /**
   * The thread's memory of recent names and tokens gives what computing afresh gives, for names
   * that recur and names seen once, across the memory being emptied when full.
   */
  @Property(tries = 20)
  void rememberedKeysAreTheComputedKeys(
      @ForAll @Size(min = 1, max = 6000) List<@IntRange(min = 0, max = 9999) Integer> picks,
      @ForAll @StringLength(max = 20) String odd) {
    List<String> pool =
        List.of(
            "Мухаммед Юсупов",
            "Muhammad Yusupov",
            "YUSUPOV, Mohammed",
            "محمد العمراني",
            "Frau Dr. Irene Nierstenhöfer",
            "Jan de Vries",
            "",
            "  ",
            "O'Brien",
            odd);
    for (int pick : picks) {
      String name = pick < 5000 ? pool.get(pick % pool.size()) : "Name" + pick + " " + odd;
      assertThat(NameKeys.tokens(name)).containsExactlyElementsOf(NameKeys.tokensOfEveryForm(name));
      Set<String> tokens = NameKeys.tokensOfEveryForm(name);
      Set<String> codes = new LinkedHashSet<>();
      for (String t : tokens) {
        String code = NameKeys.metaphone(t);
        if (t.length() >= 2 && Character.isLetter(t.charAt(0)) && !code.isEmpty()) {
          codes.add(code);
        }
      }
      assertThat(NameKeys.phonetic(tokens)).containsExactlyElementsOf(codes);
    }
  }

  /**
   * Real data: the same Russian person names written by official transliteration standards (ICAO
   * 9303, MVD passport rules, GOST) must share a search key with the Cyrillic original.
   */
  @Test
  void officialTransliterationsOfRussianNamesMeetTheOriginal() throws IOException {
    Path file = Path.of("../../shared/data/names/cyrillic_translit_samples.csv");
    List<String> lines = Files.readAllLines(file);
    int pairs = 0;
    int anyMatches = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", 3);
      if (!f[0].startsWith("icao") && !f[0].startsWith("mvd") && !f[0].startsWith("gost")) {
        continue;
      }
      if (f[1].startsWith("\"")) {
        continue;
      }
      pairs++;
      anyMatches +=
          share(f[1], f[2], "t:") || share(f[1], f[2], "p:") || share(f[1], f[2], "s:") ? 1 : 0;
    }
    assertThat(pairs).isGreaterThan(20);
    assertThat((double) anyMatches / pairs)
        .as("share of spellings meeting the original")
        .isGreaterThanOrEqualTo(0.9);
  }
}
