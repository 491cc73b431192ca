package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What the Parquet spool writes, DuckDB reads back unchanged, in order, whatever the row groups
 * (ended by a row count or by a column's bytes).
 */
class ParquetSpoolTest {
  record Row(long number, String text, String optional) {}

  private static final List<ParquetSpool.Column> COLUMNS =
      List.of(
          ParquetSpool.Column.number("no"),
          ParquetSpool.Column.number("n"),
          ParquetSpool.Column.text("t"),
          ParquetSpool.Column.optionalText("o"));

  @Property(tries = 60)
  void duckDbReadsBackExactlyWhatWasWritten(
      @ForAll("rows") List<Row> rows,
      @ForAll @IntRange(min = 1, max = 200) int rowGroup,
      @ForAll @IntRange(min = 1, max = 20_000) int groupBytes)
      throws Exception {
    Path file = Files.createTempFile("spool", ".parquet");
    try {
      try (ParquetSpool out = new ParquetSpool(file, COLUMNS, rowGroup, groupBytes)) {
        for (int i = 0; i < rows.size(); i++) {
          Row r = rows.get(i);
          out.writeLong(i);
          out.writeLong(r.number());
          out.writeText(r.text());
          out.writeText(r.optional());
        }
      }
      assertThat(read(file)).isEqualTo(rows);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(30),
            Arbitraries.strings().withChars("ab,\"\n\r xé漢'\\\u0000").ofMaxLength(8),
            Arbitraries.just(""),
            Arbitraries.strings().ascii().ofMinLength(200).ofMaxLength(3000));
    Arbitrary<String> valid = text.filter(ParquetSpoolTest::wellFormed);
    Arbitrary<Long> numbers =
        Arbitraries.oneOf(
            Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
    return Combinators.combine(numbers, valid, valid.injectNull(0.4))
        .as(Row::new)
        .list()
        .ofMaxSize(700);
  }

  /** Unpaired surrogates have no UTF-8 form; no normalised value holds one. */
  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
  }

  private static List<Row> read(Path file) throws Exception {
    List<Row> out = new ArrayList<>();
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT n, t, o FROM read_parquet(" + Warehouse.sqlPath(file) + ") ORDER BY no")) {
      while (rs.next()) {
        out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }

  @Test
  void aRowMustSupplyEveryColumnInOrder() throws Exception {
    Path file = Files.createTempFile("spool", ".parquet");
    try {
      ParquetSpool out = new ParquetSpool(file, COLUMNS, 10, 1000);
      out.writeLong(1);
      assertThatThrownBy(() -> out.writeText("x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("column 1");
      out.writeLong(2);
      assertThatThrownBy(() -> out.writeText(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("column t is required");
      assertThatThrownBy(out::close).hasMessageContaining("last row has 2 of its columns");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void anEmptySpoolIsAnEmptyTable() throws Exception {
    Path file = Files.createTempFile("spool", ".parquet");
    try {
      new ParquetSpool(file, COLUMNS).close();
      assertThat(read(file)).isEmpty();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
