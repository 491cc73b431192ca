package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The liaison directory's file: what is written is read back; a bad line is named. */
class LiaisonsTest {
  @Provide
  Arbitrary<List<Liaisons.Liaison>> directories() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(' ', ',', ';', '@', '.', '+', 'é', 'İ', 'Ж')
            .ofMinLength(1)
            .ofMaxLength(40)
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    Arbitrary<String> country = Arbitraries.strings().withCharRange('a', 'z').ofLength(2);
    Arbitrary<Liaisons.Liaison> one =
        Combinators.combine(country, text, text, text, text.injectNull(0.3))
            .as(Liaisons.Liaison::new);
    return one.list().ofMaxSize(20);
  }

  @Property(tries = 200)
  void aWrittenDirectoryReadsBack(@ForAll("directories") List<Liaisons.Liaison> entries) {
    StringBuilder text = new StringBuilder("# country | agency | name | contact | competence\r\n");
    for (Liaisons.Liaison l : entries) {
      text.append(
              String.join(
                  " | ",
                  l.country().toUpperCase(),
                  l.agency(),
                  l.name(),
                  l.contact(),
                  l.competence() == null ? "" : l.competence()))
          .append("   # a comment\n\n");
    }
    assertThat(Liaisons.parse(text.toString(), "liaisons.txt")).isEqualTo(entries);
  }

  @Property(tries = 100)
  void entriesAddedAndRemovedReadBackWithTheCommentsKept(
      @ForAll("directories") List<Liaisons.Liaison> entries) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("liaisons");
    try {
      String header = "# kept by the administrators\n";
      java.nio.file.Files.writeString(dir.resolve(Liaisons.FILE), header);
      List<Liaisons.Liaison> expected = new ArrayList<>();
      for (Liaisons.Liaison l : entries) {
        boolean taken =
            expected.stream()
                .anyMatch(
                    e -> e.country().equals(l.country()) && e.name().equalsIgnoreCase(l.name()));
        if (taken) {
          assertThatThrownBy(() -> Liaisons.add(dir, l)).hasMessageStartingWith("name: ");
        } else {
          assertThat(Liaisons.add(dir, l)).isEqualTo(l);
          expected.add(l);
        }
      }
      assertThat(Liaisons.of(dir)).isEqualTo(expected);
      if (!expected.isEmpty()) {
        Liaisons.Liaison gone = expected.remove(expected.size() / 2);
        assertThat(Liaisons.remove(dir, gone.country().toUpperCase(), gone.name().toUpperCase()))
            .isEqualTo(gone);
        assertThat(Liaisons.of(dir)).isEqualTo(expected);
      }
      assertThat(java.nio.file.Files.readString(dir.resolve(Liaisons.FILE))).startsWith(header);
      assertThatThrownBy(
              () -> Liaisons.add(dir, new Liaisons.Liaison("tr", "a", "n # m", "c", null)))
          .hasMessageStartingWith("name: ");
      assertThatThrownBy(() -> Liaisons.remove(dir, "tr", "nobody at all"))
          .hasMessageStartingWith("name: no entry");
    } finally {
      try (var files = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path f : files.toList()) {
          java.nio.file.Files.delete(f);
        }
      }
      java.nio.file.Files.delete(dir);
    }
  }

  @Test
  void aBadLineIsNamedByFileLineAndField() {
    List<String[]> bad = new ArrayList<>();
    bad.add(new String[] {"tr | politie-nl | name | contact", "liaisons.txt:2: give 5 fields"});
    bad.add(new String[] {"tur | politie-nl | n | c | x", "liaisons.txt:2: country: 'tur'"});
    bad.add(new String[] {"tr | | n | c | x", "liaisons.txt:2: agency: empty"});
    bad.add(new String[] {"tr | a | n\u202e | c | x", "liaisons.txt:2: name: a control character"});
    for (String[] b : bad) {
      assertThatThrownBy(() -> Liaisons.parse("# header\n" + b[0] + "\n", "liaisons.txt"))
          .hasMessageStartingWith(b[1]);
    }
  }

  @Test
  void aDeskIsNamedSoInItsCompetence() {
    assertThat(Liaisons.desk(new Liaisons.Liaison("nl", "kmar", "n", "c", "desk; crossings")))
        .isTrue();
    assertThat(Liaisons.desk(new Liaisons.Liaison("tr", "politie-nl", "n", "c", "desks abroad")))
        .isFalse();
    assertThat(Liaisons.desk(new Liaisons.Liaison("tr", "politie-nl", "n", "c", null))).isFalse();
  }
}
