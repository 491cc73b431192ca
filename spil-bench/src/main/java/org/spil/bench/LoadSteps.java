package org.spil.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * {@code spil bench ingest --load-steps}: where DuckDB's share of an ingest goes. The statement
 * rows a batch stored ({@code statement_row}, the narrow rows besides the entity rows) are exported
 * once as a spool-like CSV and as Parquet, then loaded into fresh tables of the warehouse's own
 * definition step by step (scan only, into memory, into a database file, from Parquet, and row by
 * row through DuckDB's Appender), so that the cost of storing the rows can be told apart from
 * Spil's reading, validation and staging.
 */
final class LoadSteps {
  private LoadSteps() {}

  private static final String COLUMNS = "entity_no, prop, value, original_value, lang";

  static void measure(Path warehouse, Path work, int appenderRows, PrintWriter out)
      throws Exception {
    Path csv = work.resolve("load-steps.csv").toAbsolutePath();
    Path parquet = work.resolve("load-steps.parquet").toAbsolutePath();
    Path db = work.resolve("load-steps.duckdb").toAbsolutePath();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    long rows;
    String create;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
        Statement s = c.createStatement()) {
      String select = "(SELECT " + COLUMNS + " FROM statement_row)";
      s.execute("COPY " + select + " TO '" + csv + "' (HEADER false)");
      s.execute("COPY " + select + " TO '" + parquet + "' (FORMAT parquet)");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM statement_row")) {
        rs.next();
        rows = rs.getLong(1);
      }
      // the warehouse's own definition of the table, constraints included
      try (ResultSet rs =
          s.executeQuery("SELECT sql FROM duckdb_tables() WHERE table_name = 'statement_row'")) {
        rs.next();
        create = rs.getString(1);
      }
    }
    String readCsv =
        "read_csv('"
            + csv
            + "', header = false, delim = ',', quote = '\"', escape = '\"', auto_detect = false,"
            + " columns = {'entity_no': 'BIGINT', 'prop': 'VARCHAR', 'value': 'VARCHAR',"
            + " 'original_value': 'VARCHAR', 'lang': 'VARCHAR'})";
    String insert =
        "INSERT INTO statement_row SELECT 1, entity_no, prop, value, original_value, lang,"
            + " current_date, current_date FROM ";
    out.printf("load steps over %,d statements (%s):%n", rows, warehouse.getFileName());
    try (Connection memory = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = memory.createStatement()) {
      s.execute("SET preserve_insertion_order = false");
      step(out, "scan the CSV (count only)", () -> s.execute("SELECT count(*) FROM " + readCsv));
      step(
          out, "CSV into an in-memory table", () -> s.execute("CREATE TABLE t AS FROM " + readCsv));
    }
    Files.deleteIfExists(db);
    try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      s.execute("SET preserve_insertion_order = false");
      s.execute(create);
      step(out, "CSV into a database file", () -> s.execute(insert + readCsv));
      step(out, "Parquet into a database file", () -> s.execute(insert + "'" + parquet + "'"));
      List<String[]> sample = new ArrayList<>();
      List<Long> entityNos = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("SELECT " + COLUMNS + " FROM '" + parquet + "' LIMIT " + appenderRows)) {
        while (rs.next()) {
          entityNos.add(rs.getLong(1));
          sample.add(
              new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
        }
      }
      int days = (int) LocalDate.now().toEpochDay();
      long t = System.nanoTime();
      try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "statement_row")) {
        for (int i = 0; i < sample.size(); i++) {
          String[] r = sample.get(i);
          a.beginRow();
          a.append(3L).append(entityNos.get(i).longValue());
          a.append(r[0]).append(r[1]);
          for (int k = 2; k < 4; k++) {
            if (r[k] == null) {
              a.appendNull();
            } else {
              a.append(r[k]);
            }
          }
          a.appendEpochDays(days).appendEpochDays(days);
          a.endRow();
        }
      }
      double seconds = (System.nanoTime() - t) / 1e9;
      out.printf(
          "  Appender, row by row, %,d rows: %.2f s (%.2f us per row)%n",
          sample.size(), seconds, seconds * 1e6 / Math.max(1, sample.size()));
    } finally {
      Files.deleteIfExists(csv);
      Files.deleteIfExists(parquet);
      Files.deleteIfExists(db);
      Files.deleteIfExists(Path.of(db + ".wal"));
    }
    out.flush();
  }

  private interface Sql {
    void run() throws Exception;
  }

  private static void step(PrintWriter out, String what, Sql sql) throws Exception {
    long t = System.nanoTime();
    sql.run();
    out.printf("  %s: %.2f s%n", what, (System.nanoTime() - t) / 1e9);
    out.flush();
  }
}
