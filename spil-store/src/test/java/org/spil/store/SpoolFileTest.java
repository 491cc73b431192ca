package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the spool writes, DuckDB reads back unchanged: numbers, quotes, commas, line breaks, any
 * script.
 */
class SpoolFileTest {
  @TempDir Path tmp;

  @Test
  void duckDbReadsBackExactlyWhatWasWritten() throws Exception {
    Random r = new Random(5);
    String alphabet = "ab,\"\n\r xé漢😀'";
    List<long[]> numbers = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Path file = tmp.resolve("s.csv");
    try (SpoolFile out = new SpoolFile(file)) {
      for (int i = 0; i < 5000; i++) {
        long a = i == 0 ? Long.MIN_VALUE : i == 1 ? Long.MAX_VALUE : r.nextLong();
        long b = i == 2 ? 0 : -Math.abs(r.nextLong() % 1000);
        StringBuilder sb = new StringBuilder();
        int len = 1 + r.nextInt(i % 100 == 0 ? 5000 : 12);
        for (int k = 0; k < len; k++) {
          sb.appendCodePoint(
              alphabet.codePointAt(
                  alphabet.offsetByCodePoints(
                      0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        numbers.add(new long[] {a, b});
        texts.add(sb.toString());
        out.writeLong(a);
        out.writeByte(',');
        out.writeLong(b);
        out.writeByte(',');
        out.writeField(sb.toString());
        out.writeByte('\n');
      }
    }
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT * FROM "
                    + SpoolFile.sqlRead(file, "{'a': 'BIGINT', 'b': 'BIGINT', 't': 'VARCHAR'}"))) {
      int i = 0;
      while (rs.next()) {
        assertThat(rs.getLong(1)).as("row " + i).isEqualTo(numbers.get(i)[0]);
        assertThat(rs.getLong(2)).as("row " + i).isEqualTo(numbers.get(i)[1]);
        assertThat(rs.getString(3)).as("row " + i).isEqualTo(texts.get(i));
        i++;
      }
      assertThat(i).isEqualTo(5000);
    }
  }
}
