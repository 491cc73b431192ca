package org.spil.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurnamesTest {
  @Test
  void everySurnameIsAWellFormedNameWithAnAsciiSpellingAndACyrillicOneWhereNeeded() {
    for (Origin o : Origin.values()) {
      Surnames names = Surnames.of(o);
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String[] v = names.variants(i);
        assertThat(v[0]).as(o + " " + i).isNotBlank().doesNotContain("  ").isEqualTo(v[0].strip());
        if (i >= o.surnames.length) {
          assertThat(World.ascii(v[v.length - 1])).isEqualTo(v[v.length - 1]);
        }
        distinct.add(v[0]);
        if (o == Origin.EAST_SLAVIC) {
          assertThat(names.cyrillic(i)).matches("\\p{IsCyrillic}+");
        }
      }
      assertThat(distinct.size()).as(o.name()).isGreaterThan(100);
    }
  }

  @Test
  void aMillionPersonsBearMostlyRareSurnamesAndAFewCommonOnes() {
    Surnames dutch = Surnames.of(Origin.DUTCH);
    Map<String, Integer> bearers = new HashMap<>();
    int draws = 500_000;
    int head = 0;
    for (int i = 0; i < draws; i++) {
      int s = dutch.draw(Rng.of(1, "surname-test", i));
      head += s < Origin.DUTCH.surnames.length ? 1 : 0;
      bearers.merge(dutch.variants(s)[0], 1, Integer::sum);
    }
    assertThat(head / (double) draws).isBetween(0.09, 0.11);
    int commonest = bearers.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    long rare = bearers.values().stream().filter(n -> n <= 100).count();
    // a head name has about 500,000 x 10% / 28 = 1,800 bearers; a tail name about 45
    double perHeadName = draws * Surnames.HEAD_SHARE / Origin.DUTCH.surnames.length;
    assertThat(commonest).isBetween((int) (perHeadName * 0.9), (int) (perHeadName * 1.2));
    assertThat(rare).isGreaterThan(bearers.size() * 3L / 4);
  }
}
