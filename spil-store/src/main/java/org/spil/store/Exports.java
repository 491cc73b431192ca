package org.spil.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.Viewer;

/**
 * What a viewer may see, written out: FollowTheMoney entities as JSON lines and statements with
 * their provenance as Parquet. Audited with the batches and granted entities exported. Obtained
 * from {@link Store#exports()}.
 */
public final class Exports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Store store;
  private final Warehouse warehouse;

  Exports(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  private Scope visible(Viewer viewer) {
    return store.scope(viewer);
  }

  private void audited(Viewer viewer, String action, Map<String, Object> detail) {
    store.audited(viewer, action, detail);
  }

  /** Writes visible entities as FollowTheMoney JSON lines; returns how many. */
  public long ftm(Viewer viewer, Writer out) {
    Scope scope = visible(viewer);
    audited(
        viewer,
        "export",
        Map.of(
            "format",
            "ftm",
            "batches",
            List.copyOf(new TreeSet<>(scope.batches())),
            "granted_entities",
            scope.entities().toString()));
    String select =
        "SELECT s.entity_id, s.schema, s.prop, s.value, b.handling_code FROM statement s JOIN batch b USING (batch_id) WHERE "
            + scope.sql("s.batch_id", "s.entity_id");
    long count = 0;
    Path rows = null;
    try (Statement st = warehouse.connection().createStatement()) {
      // through a file DuckDB writes in entity order: a third of the time that reading the
      // statements through JDBC takes (see ExportFile)
      rows = warehouse.newSpoolFile("export-ftm-", ".csv");
      ExportFile.copy(st, select, rows);
      try (ExportFile in = new ExportFile(rows)) {
        String current = null;
        Schema schema = null;
        String code = null;
        Map<String, SortedSet<String>> props = new TreeMap<>();
        while (!in.atEnd()) {
          String id = in.readString();
          String schemaName = in.readString();
          String prop = in.readString();
          String value = in.readString();
          String c = in.readString();
          if (current != null && !current.equals(id)) {
            writeFtm(out, current, schema, props, code);
            count++;
            props = new TreeMap<>();
            schema = null;
            code = null;
          }
          current = id;
          code = code == null || c.compareTo(code) > 0 ? c : code;
          Schema sc = Schemata.model().get(schemaName);
          schema = schema == null ? sc : Schemata.model().common(schema, sc).orElse(schema);
          if (!prop.equals(org.spil.model.Statement.ID_PROP)) {
            props.computeIfAbsent(prop, k -> new TreeSet<>()).add(value);
          }
        }
        if (current != null) {
          writeFtm(out, current, schema, props, code);
          count++;
        }
      }
      out.flush();
    } catch (SQLException e) {
      throw new StoreException("cannot export: " + Warehouse.firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new StoreException("cannot write export: " + e.getMessage(), e);
    } finally {
      if (rows != null) {
        try {
          Files.deleteIfExists(rows);
        } catch (IOException e) {
          // a leftover spool file is removed with the others when the store next opens
        }
      }
    }
    return count;
  }

  /**
   * One FtM entity line; {@code handling_code} (the strictest code of the statements it is built
   * from) is an extra key FtM readers ignore and receivers must honour.
   */
  private static void writeFtm(
      Writer out,
      String id,
      Schema schema,
      Map<String, ? extends Collection<String>> props,
      String handlingCode)
      throws IOException {
    StringBuilderWriter line = new StringBuilderWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("schema", schema.name());
      g.writeStringField("handling_code", handlingCode);
      g.writeObjectFieldStart("properties");
      for (Map.Entry<String, ? extends Collection<String>> e : props.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (String v : e.getValue()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write(line.toString());
    out.write('\n');
  }

  /** A small Writer over a StringBuilder, so one JSON line is built before it is written. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(256);

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /**
   * The SQL for a statement's id over {@code s} (statement) and {@code b} (batch): the same digest
   * as {@link org.spil.model.Statement#makeId}.
   */
  static final String STATEMENT_ID =
      "md5(b.dataset || chr(0) || s.entity_id || chr(0) || s.prop || chr(0) || s.value)";

  /** Writes visible statements with their provenance as a Parquet file; returns how many. */
  public long parquet(Viewer viewer, Path file) {
    Scope scope = visible(viewer);
    audited(
        viewer,
        "export",
        Map.of(
            "format",
            "parquet",
            "batches",
            List.copyOf(new TreeSet<>(scope.batches())),
            "granted_entities",
            scope.entities().toString()));
    String select =
        "SELECT "
            + STATEMENT_ID
            + " AS id, s.entity_id, s.schema, s.prop,"
            + " s.value, coalesce(s.original_value, s.value) AS original_value, s.lang, b.dataset, b.agency,"
            + " b.legal_basis, b.handling_code, b.source_grade, b.info_grade, s.first_seen, s.last_seen, b.retain_until,"
            + " s.batch_id FROM statement s JOIN batch b USING (batch_id) WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " ORDER BY s.entity_id, s.prop";
    String target = Warehouse.sqlPath(file);
    try (Statement st = warehouse.connection().createStatement()) {
      st.execute("COPY (" + select + ") TO " + target + " (FORMAT parquet)");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + target + ")")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot export Parquet to " + file + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }
}
