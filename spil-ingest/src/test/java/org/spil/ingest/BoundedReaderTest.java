package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The bounded reader's idea of where a CSV record ends agrees with Commons CSV: records printed by
 * Commons CSV (quoted fields with line breaks, doubled quotes, delimiters) pass a limit equal to
 * the longest record and fail one character below it, at the line where that record starts.
 */
class BoundedReaderTest {

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> field =
        Arbitraries.strings().withChars("ab;,\"\n\r x").ofMinLength(0).ofMaxLength(12);
    return field.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 500)
  void recordBoundariesMatchCommonsCsv(
      @ForAll("tables") List<List<String>> table, @ForAll boolean semicolon) throws IOException {
    char delimiter = semicolon ? ';' : ',';
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    StringBuilder text = new StringBuilder();
    int longest = 0;
    long longestLine = 0;
    long line = 1;
    for (List<String> row : table) {
      String record = print(row, delimiter);
      int length = record.length() - 1;
      if (length > longest) {
        longest = length;
        longestLine = line;
      }
      line += record.chars().filter(c -> c == '\n').count();
      text.append(record);
    }
    assertThat(parse(text.toString(), longest, delimiter, format)).isEqualTo(table);
    if (longest > 0) {
      long expectedLine = longestLine;
      int below = longest - 1;
      assertThatThrownBy(() -> parse(text.toString(), below, delimiter, format))
          .isInstanceOf(BoundedReader.RecordTooLong.class)
          .satisfies(
              e -> assertThat(((BoundedReader.RecordTooLong) e).line()).isEqualTo(expectedLine));
    }
  }

  /** RFC 4180, plainly: a field is quoted when it holds a quote, delimiter or line break. */
  private static String print(List<String> row, char delimiter) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String f = row.get(i);
      if (i > 0) {
        out.append(delimiter);
      }
      boolean quote =
          f.chars().anyMatch(c -> c == '"' || c == delimiter || c == '\n' || c == '\r')
              || (row.size() == 1 && f.isEmpty())
              || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '));
      out.append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
    }
    return out.append('\n').toString();
  }

  private static List<List<String>> parse(String text, int limit, char delimiter, CSVFormat format)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader in = BoundedReader.csv(new StringReader(text), limit, delimiter)) {
      for (CSVRecord r : format.parse(in)) {
        rows.add(r.toList());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return rows;
  }

  @Test
  void linesAreCountedFromOneAndResetAtEachBreak() throws IOException {
    String text = "short\n" + "x".repeat(10) + "\nok\n" + "y".repeat(11) + "\n";
    Reader lines = BoundedReader.lines(new StringReader(text), 10);
    StringBuilder read = new StringBuilder();
    assertThatThrownBy(
            () -> {
              for (int c = lines.read(); c >= 0; c = lines.read()) {
                read.append((char) c);
              }
            })
        .isInstanceOf(BoundedReader.RecordTooLong.class)
        .satisfies(e -> assertThat(((BoundedReader.RecordTooLong) e).line()).isEqualTo(4));
    assertThat(read.toString()).isEqualTo("short\n" + "x".repeat(10) + "\nok\n" + "y".repeat(10));
  }
}
