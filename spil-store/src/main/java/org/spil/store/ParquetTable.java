package org.spil.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A table an analysis made, written as a Parquet file for the tools analysts and data scientists
 * use (pandas, DuckDB, Spark): named columns of text or numbers, written by an in-memory DuckDB
 * from a temporary CSV, so that column types are DuckDB's own. The file appears whole or not at
 * all: it is written beside its place and moved there.
 */
public final class ParquetTable {
  private ParquetTable() {}

  /** A row: one value a column, a String, a Number or null. */
  @FunctionalInterface
  public interface Rows {
    /** Calls {@code row} for every row. */
    void each(java.util.function.Consumer<Object[]> row) throws IOException;
  }

  /**
   * Writes the rows under their column names to {@code out}.
   *
   * @throws IOException when the file cannot be written
   */
  public static void write(Path out, List<String> columns, Rows rows) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path csv = Files.createTempFile(dir, ".spil-table-", ".csv");
    Path part = dir.resolve(".spil-" + out.getFileName() + ".part");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        w.write(String.join(",", columns));
        w.write('\n');
        IOException[] failed = new IOException[1];
        rows.each(
            row -> {
              try {
                for (int i = 0; i < row.length; i++) {
                  if (i > 0) {
                    w.write(',');
                  }
                  w.write(field(row[i]));
                }
                w.write('\n');
              } catch (IOException e) {
                failed[0] = e;
              }
            });
        if (failed[0] != null) {
          throw failed[0];
        }
      }
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement s = c.createStatement()) {
        s.execute(
            "COPY (SELECT * FROM read_csv('"
                + quoted(csv)
                + "', header = true, auto_detect = true, sample_size = -1)) TO '"
                + quoted(part)
                + "' (FORMAT parquet)");
      } catch (SQLException e) {
        throw new IOException(
            "cannot write " + out + ": " + Warehouse.firstLine(e.getMessage()), e);
      }
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(csv);
      Files.deleteIfExists(part);
    }
  }

  private static String field(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    String s = v.toString();
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String quoted(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }
}
