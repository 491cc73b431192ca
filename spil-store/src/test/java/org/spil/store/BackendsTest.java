package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The backends file: any text either reads or is refused naming the file and a reason, never
 * another failure; a lake outside the data directory reads back as written, relative ones against
 * the data directory; setting the lake keeps every other line.
 */
class BackendsTest {
  static final Path DATA = Path.of("/srv/spil/data");

  @Property(tries = 500)
  void anyTextReadsOrIsRefusedNamingTheFile(@ForAll("lines") List<String> lines) {
    String text = String.join("\n", lines);
    try {
      Backends b = Backends.parse(text, "backends.txt", DATA);
      if (b.lake() != null) {
        assertThat(b.lake().startsWith(DATA)).isFalse();
        assertThat(b.lake().isAbsolute()).isTrue();
      }
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("backends.txt");
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    Arbitrary<String> key =
        Arbitraries.of("statements", "state", "search", "lake", "colour", "", " lake ", "#lake");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "embedded",
                "postgres",
                "solr",
                "/srv/lake",
                "../lake",
                "lake",
                ".",
                "",
                "a\u0001b"),
            Arbitraries.strings().ofMaxLength(12));
    Arbitrary<String> line =
        Arbitraries.oneOf(
            net.jqwik.api.Combinators.combine(key, Arbitraries.of("=", " = ", ":", "=="), value)
                .as((k, s, v) -> k + s + v),
            Arbitraries.strings().ofMaxLength(20));
    return line.list().ofMaxSize(6);
  }

  @Property(tries = 200)
  void aLakeBesideTheDataDirectoryReadsBackAsWritten(
      @ForAll("names") String name, @ForAll boolean relative) {
    String written = relative ? "../" + name : "/srv/lakes/" + name;
    Backends b = Backends.parse("lake = " + written + "\n", "backends.txt", DATA);
    Path expected = relative ? DATA.resolve("..").resolve(name).normalize() : Path.of(written);
    assertThat(b.lake()).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
  }

  @Property(tries = 50)
  void settingTheLakeKeepsEveryOtherLine(@ForAll("comments") List<String> comments)
      throws IOException {
    Path dir = Files.createTempDirectory("backends");
    try {
      String before = String.join("\n", comments) + "\nsearch = embedded\nlake = /old/lake\n";
      Files.writeString(dir.resolve(Backends.FILE), before);
      Backends.setLake(dir, Path.of("/new/lake"));
      String after = Files.readString(dir.resolve(Backends.FILE));
      assertThat(after).isEqualTo(before.replace("/old/lake", "/new/lake"));
      assertThat(Backends.of(dir).lake()).isEqualTo(Path.of("/new/lake"));
    } finally {
      Files.deleteIfExists(dir.resolve(Backends.FILE));
      Files.deleteIfExists(dir);
    }
  }

  @Provide
  Arbitrary<List<String>> comments() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMaxLength(15)
        .map(s -> "# " + s)
        .list()
        .ofMaxSize(4);
  }

  @org.junit.jupiter.api.Test
  void enginesOfLaterVersionsAreRefusedByName() {
    assertThatThrownBy(() -> Backends.parse("state = postgres", "f", DATA))
        .hasMessage(
            "f:1: state: \"postgres\" is not an engine of this version (embedded is; see"
                + " docs/scale.md)");
    assertThatThrownBy(() -> Backends.parse("lake = /a\nlake = /b", "f", DATA))
        .hasMessage("f:2: lake: given twice");
  }
}
