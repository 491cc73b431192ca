package org.spil.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.codec.digest.MurmurHash3;

class StatementTest {

  /** The allocation-free hash equals the plain definition: MurmurHash3 of the joined UTF-8. */
  @Property(tries = 2000)
  void hashEqualsTheReferenceDefinition(
      @ForAll String dataset, @ForAll String entity, @ForAll String prop, @ForAll String value) {
    byte[] bytes =
        (dataset + '\u0000' + entity + '\u0000' + prop + '\u0000' + value)
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Statement.hash(dataset, entity, prop, value))
        .containsExactly(MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x5b1));
  }

  @Property(tries = 500)
  void entityIdsDependOnEveryKeyAndAreStable(@ForAll String a, @ForAll String b) {
    String id = EntityIds.make("ds", "p", List.of("k" + a, b));
    assertThat(id).hasSize(40).isEqualTo(EntityIds.make("ds", "p", List.of("k" + a, b)));
    assertThat(id).isNotEqualTo(EntityIds.make("other", "p", List.of("k" + a, b)));
  }
}
