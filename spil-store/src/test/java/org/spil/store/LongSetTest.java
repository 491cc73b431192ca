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
 * The key set against a plain {@link HashSet}: the same answers to every add, through growth, with
 * keys from a small range (shifted now and then into the high bits) so that duplicates, shared
 * slots and zero occur often.
 */
class LongSetTest {
  @Property(tries = 200)
  void answersLikeAHashSet(
      @ForAll @Size(max = 4000) List<@LongRange(min = -60, max = 60) Long> keys) {
    LongSet set = new LongSet(1);
    Set<Long> oracle = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      long key = keys.get(i) << (i % 3 == 0 ? 40 : i % 3 == 1 ? 12 : 0);
      assertThat(set.add(key)).isEqualTo(oracle.add(key));
      assertThat(set.size()).isEqualTo(oracle.size());
    }
  }
}
