package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The primitive-array blocking against a naive oracle (a map from key to records, every pair of
 * every block within its size limit) on seeded random records with few names, so that blocks fill
 * up and some exceed the limit; with and without fresh records.
 */
class BlockingTest {
  private static final int ROUNDS = Integer.getInteger("spil.test.rounds", 40);
  private static final String[] GIVEN = {"Jan", "Anna", "Mohamed", "Fatima", "Erik", "E."};
  private static final String[] FAMILY = {"de Vries", "Jansen", "El Amrani", "Peters", "Yilmaz"};

  @Test
  void proposesWhatTheNaiveBlockingProposes() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      int n = 2 + random.nextInt(300);
      List<Features.Prepared> records = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ResolveRecord.Kind kind = ResolveRecord.Kind.values()[random.nextInt(3)];
        String name =
            random.nextInt(20) == 0
                ? null
                : GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
        String dob =
            random.nextBoolean()
                ? String.format("19%02d-01-%02d", 60 + random.nextInt(3), 1 + random.nextInt(2))
                : null;
        Set<String> ids = new TreeSet<>();
        if (random.nextInt(3) == 0) {
          ids.add("iban:NL0" + random.nextInt(20));
        }
        records.add(
            Features.prepare(new ResolveRecord("r" + i, kind, name, dob, ids, Set.of(), null)));
      }
      boolean[] fresh = null;
      if (random.nextBoolean()) {
        fresh = new boolean[n];
        for (int i = 0; i < n; i++) {
          fresh[i] = random.nextInt(3) == 0;
        }
      }
      int maxBlock = 2 + random.nextInt(40);
      assertThat(Blocking.pairs(records, maxBlock, fresh))
          .as("seed %d, round %d", seed, round)
          .containsExactly(oracle(records, maxBlock, fresh));
    }
  }

  @Test
  void aFirmWhoseEveryWordIsCommonIsStillFoundByItsWholeName() {
    // firms built from the same few words, each written three times: every token and token pair
    // is in more records than the block limit, but each whole name is in three
    String[] fruit = {"Mariscos del Sur", "Tropical Fruits", "Bananera El Oro"};
    String[] founder = {"Ospina", "Gómez", "Restrepo", "García", "Rodríguez"};
    String[] place = {"Los Ríos", "Machala"};
    List<Features.Prepared> records = new ArrayList<>();
    for (String f : fruit) {
      for (String o : founder) {
        for (String p : place) {
          for (int copy = 0; copy < 3; copy++) {
            records.add(firm(records.size(), f + " " + o + " " + p + " S.A.S."));
          }
        }
      }
    }
    int same = records.size();
    records.add(firm(same, "MARISCOS DEL SUR OSPINA LOS RÍOS SAS"));
    int typo = records.size();
    records.add(firm(typo, "Marsicos del Sur Ospina Los Ríos S.A.S."));
    long[] pairs = Blocking.pairs(records, 5, null);
    assertThat(pairs)
        .as("the whole name, and the whole name but the mistyped word")
        .contains(((long) 0 << 32) | same, ((long) 0 << 32) | typo);
    assertThat(pairs)
        .as("the same words with another founder")
        .doesNotContain(((long) 0 << 32) | 6);
  }

  @Test
  void aNameOfThousandsOfWordsMakesBoundedKeys() {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      name.append("word").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append(' ');
    }
    List<String> keys = Blocking.keys(firm(0, name.toString()));
    int keyed = Blocking.MAX_KEYED_TOKENS;
    assertThat(keys.stream().filter(k -> k.startsWith("t:")).count()).isGreaterThan(keyed);
    assertThat(keys.stream().filter(k -> k.startsWith("tt:")).count())
        .isEqualTo(keyed * (keyed - 1) / 2);
    assertThat(keys.stream().filter(k -> k.startsWith("n:")).count()).isEqualTo(keyed + 1);
    assertThat(keys.stream().filter(k -> k.startsWith("pp:")).count())
        .isLessThanOrEqualTo(keyed * (keyed - 1) / 2);
  }

  private static Features.Prepared firm(int i, String name) {
    return Features.prepare(
        new ResolveRecord(
            "f" + i, ResolveRecord.Kind.COMPANY, name, null, Set.of(), Set.of(), null));
  }

  private static long[] oracle(List<Features.Prepared> records, int maxBlock, boolean[] fresh) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String k : new TreeSet<>(Blocking.keys(records.get(i)))) {
        blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
      }
    }
    TreeSet<Long> pairs = new TreeSet<>();
    blocks.forEach(
        (key, members) -> {
          int limit = key.startsWith("i:") ? maxBlock * 10 : maxBlock;
          if (members.size() < 2 || members.size() > limit) {
            return;
          }
          for (int i : members) {
            for (int j : members) {
              if (i < j
                  && (fresh == null || fresh[i] || fresh[j])
                  && records.get(i).record().kind().comparable(records.get(j).record().kind())) {
                pairs.add(((long) i << 32) | j);
              }
            }
          }
        });
    return pairs.stream().mapToLong(Long::longValue).toArray();
  }
}
