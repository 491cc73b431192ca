package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What DuckDB exports, {@link ExportFile} reads back unchanged, whatever the values hold (commas,
 * quotes, line breaks, any script, nothing) and wherever they cross the end of its buffer.
 */
class ExportFileTest {
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> tricky =
        Arbitraries.strings().withChars("ab,\"\n\r xé漢'").ofMinLength(0).ofMaxLength(40);
    Arbitrary<String> emoji = Arbitraries.of("😀", "a😀b", "\"😀\"", "");
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(30);
    Arbitrary<String> long_ = Arbitraries.strings().withChars("xyz,é").ofLength(300);
    return Arbitraries.oneOf(tricky, emoji, any, long_);
  }

  @Property(tries = 60)
  void readsBackWhatDuckDbExported(
      @ForAll @Size(max = 40) List<@net.jqwik.api.From("values") String> texts,
      @ForAll @IntRange(min = 1, max = 64) int bufferSize)
      throws Exception {
    Path dir = Files.createTempDirectory("export-test");
    Path file = dir.resolve("e.csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      c.createStatement().execute("CREATE TABLE t (no BIGINT, a VARCHAR, b VARCHAR)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
        for (int i = 0; i < texts.size(); i++) {
          ps.setLong(1, i - 3L);
          ps.setString(2, texts.get(i));
          ps.setString(3, texts.get(texts.size() - 1 - i));
          ps.executeUpdate();
        }
      }
      ExportFile.copy(c.createStatement(), "SELECT * FROM t", file);
    }
    List<String> as = new ArrayList<>();
    List<String> bs = new ArrayList<>();
    try (ExportFile in = new ExportFile(file, bufferSize)) {
      long expected = -3;
      while (!in.atEnd()) {
        assertThat(in.readLong()).isEqualTo(expected++);
        as.add(in.readString());
        bs.add(in.readString());
      }
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
    assertThat(as).isEqualTo(texts);
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    assertThat(bs).isEqualTo(reversed);
  }

  /** Cut anywhere but between two rows (which no reader can tell from a shorter file). */
  @Property(tries = 30)
  void aCutFileIsAnErrorNamingFileAndLine(@ForAll @IntRange(min = 1, max = 20) int cut)
      throws Exception {
    net.jqwik.api.Assume.that(cut != "2,b,y\n".length());
    Path file = Files.createTempFile("export-cut", ".csv");
    try {
      String whole = "1,\"a \"\"quoted\"\"\nvalue\",x\n2,b,y\n";
      Files.write(file, whole.substring(0, whole.length() - cut).getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(
              () -> {
                try (ExportFile in = new ExportFile(file, 8)) {
                  while (!in.atEnd()) {
                    in.readLong();
                    in.readString();
                    in.readString();
                  }
                }
              })
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toString() + ":")
          .hasMessageContaining("expected");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
