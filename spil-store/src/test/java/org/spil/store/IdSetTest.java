package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The id set against a plain {@link HashSet} of pairs: the same answers to every add, through
 * growth, with ids drawn from a small range so that duplicates, shared slots and the all-zero id
 * occur often.
 */
class IdSetTest {
  @Property(tries = 200)
  void answersLikeAHashSet(
      @ForAll @Size(max = 3000) List<@LongRange(min = -40, max = 40) Long> his,
      @ForAll @Size(max = 3000) List<@LongRange(min = -40, max = 40) Long> los) {
    IdSet set = new IdSet(1);
    Set<List<Long>> oracle = new HashSet<>();
    int n = Math.min(his.size(), los.size());
    for (int i = 0; i < n; i++) {
      long hi = his.get(i);
      long lo = los.get(i) << (i % 3 == 0 ? 20 : 0);
      assertThat(set.add(hi, lo)).isEqualTo(oracle.add(List.of(hi, lo)));
      assertThat(set.size()).isEqualTo(oracle.size());
    }
  }
}
