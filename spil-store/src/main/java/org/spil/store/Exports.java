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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spil.model.ChatMessage;
import org.spil.model.EntityIds;
import org.spil.model.Property;
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

  /**
   * Writes visible entities as FollowTheMoney JSON lines; returns how many lines. Only what the FtM
   * model defines is written: a bank account's holder (a Spil property) becomes an FtM {@code
   * Ownership} (owner -> asset) of its own; entities of Spil's own schemata (Shipment, Seizure,
   * BorderCrossing, LegalAssistanceRequest, AccountStatement) are written as {@code spil schema
   * export} describes them for FtM, or left out when {@code strict}.
   */
  public long ftm(Viewer viewer, Writer out, boolean strict) {
    Scope scope = store.scope(viewer);
    store.audited(
        viewer,
        "export",
        Map.of(
            "format",
            strict ? "ftm-strict" : "ftm",
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
            count += entity(out, current, schema, props, code, strict);
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
          count += entity(out, current, schema, props, code, strict);
        }
      }
      count += messages(out, scope, viewer);
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
   * The messages of the message store in the batches the viewer reads in full (none sent by or to a
   * privileged handle), as FtM {@code Message} entities: id made from the dataset and the message
   * id, the handles as the {@code UserAccount} entities ingest made of them. Returns the lines
   * written.
   */
  private long messages(Writer out, Scope scope, Viewer viewer) throws IOException {
    Set<String> privileged = Privileged.handles(store.dir());
    Map<Long, Batch> batches = warehouse.batchesById();
    long[] count = {0};
    try {
      for (Batch b : warehouse.batches()) {
        if (b.messages() == 0 || !scope.batches().contains(b.id())) {
          continue;
        }
        warehouse.forEachMessageOfBatch(
            b.id(),
            m -> {
              if (!privileged.contains(m.sender())
                  && m.recipients().stream().noneMatch(privileged::contains)) {
                message(out, b, m);
                count[0]++;
              }
            });
      }
      // the parts of other batches an approval opens to the viewer, as the message index finds
      // them (privileged ones left out there)
      store
          .messages()
          .forEachOpened(
              viewer,
              (batch, m) -> {
                message(out, batches.get(batch), m);
                count[0]++;
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return count[0];
  }

  /** One message as an FtM {@code Message} line. */
  private static void message(Writer out, Batch b, ChatMessage m) {
    String dataset = b.provenance().dataset();
    Map<String, SortedSet<String>> props = new TreeMap<>();
    props.put("recordId", new TreeSet<>(List.of(m.id())));
    props.put("date", new TreeSet<>(List.of(m.time().toString())));
    props.put("bodyText", new TreeSet<>(List.of(m.body())));
    props.put(
        "senderAccount",
        new TreeSet<>(List.of(EntityIds.make(dataset, "handle", List.of(m.sender())))));
    if (!m.recipients().isEmpty()) {
      SortedSet<String> to = new TreeSet<>();
      m.recipients().forEach(r -> to.add(EntityIds.make(dataset, "handle", List.of(r))));
      props.put("recipientAccount", to);
    }
    if (m.conversation() != null) {
      props.put("threadTopic", new TreeSet<>(List.of(m.conversation())));
    }
    if (m.language() != null) {
      props.put("language", new TreeSet<>(List.of(m.language())));
    }
    try {
      writeFtm(
          out,
          EntityIds.make(dataset, "message", List.of(m.id())),
          Schemata.model().get("Message"),
          props,
          b.provenance().handlingCode().name());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The FtM lines of one entity: none for an entity of a Spil schema in a strict export; otherwise
   * the entity with the properties FtM (or Spil's extension) defines, and an Ownership per holder
   * of a bank account. Returns the lines written.
   */
  private static int entity(
      Writer out,
      String id,
      Schema schema,
      Map<String, SortedSet<String>> props,
      String handlingCode,
      boolean strict)
      throws IOException {
    if (schema.isExtension()) {
      if (strict) {
        return 0;
      }
      writeFtm(out, id, schema, props, handlingCode);
      return 1;
    }
    Map<String, SortedSet<String>> ftm = new TreeMap<>();
    props.forEach(
        (p, values) -> {
          Property property = schema.property(p);
          if (property != null && schema.inFtm(property)) {
            ftm.put(p, values);
          }
        });
    writeFtm(out, id, schema, ftm, handlingCode);
    int lines = 1;
    Property holders = schema.property(HOLDER);
    if (holders != null && holders.extension()) {
      for (String holder : props.getOrDefault(HOLDER, new TreeSet<>())) {
        Map<String, SortedSet<String>> ownership = new TreeMap<>();
        ownership.put("owner", new TreeSet<>(Set.of(holder)));
        ownership.put("asset", new TreeSet<>(Set.of(id)));
        writeFtm(out, ownershipId(id, holder), OWNERSHIP, ownership, handlingCode);
        lines++;
      }
    }
    return lines;
  }

  /** The Spil property FtM expresses as an Ownership of the asset. */
  static final String HOLDER = "holder";

  private static final Schema OWNERSHIP = Schemata.model().get("Ownership");

  /**
   * The id of the Ownership that stands for a holder of an asset: the same in every export, so that
   * an export ingested twice adds it once.
   */
  static String ownershipId(String asset, String holder) {
    return EntityIds.make("spil", "ownership", List.of(asset, holder));
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

  /** The file formats of a statements export. */
  public enum TableFormat {
    PARQUET,
    CSV
  }

  /**
   * Writes visible statements in FollowTheMoney's statement-table layout (the columns nomenklatura
   * and yente load: {@code id, entity_id, canonical_id, prop, prop_type, schema, value,
   * original_value, dataset, lang, origin, first_seen, last_seen}) with Spil's provenance after
   * them ({@code agency, legal_basis, handling_code, source_grade, info_grade, retain_until,
   * batch_id}); returns how many. {@code canonical_id} is the entity's id in the viewer's team
   * resolution (its own id when unresolved), {@code origin} the file and line it was read from.
   */
  public long statements(Viewer viewer, Path file, TableFormat format) {
    Scope scope = store.scope(viewer);
    Map<String, String> canonical = new HashMap<>();
    store
        .resolutions()
        .visibleClusters(viewer, scope)
        .forEach((id, members) -> members.forEach(m -> canonical.put(m, id)));
    store.audited(
        viewer,
        "export",
        Map.of(
            "format",
            "statements-" + format.name().toLowerCase(Locale.ROOT),
            "batches",
            List.copyOf(new TreeSet<>(scope.batches())),
            "granted_entities",
            scope.entities().toString()));
    Path canonicals = null;
    Path types = null;
    try (Statement st = warehouse.connection().createStatement()) {
      types = propTypes();
      canonicals = canonical.isEmpty() ? null : canonicals(canonical);
      String select =
          "SELECT "
              + STATEMENT_ID
              + " AS id, s.entity_id, "
              + (canonicals == null ? "s.entity_id" : "coalesce(c.canonical_id, s.entity_id)")
              + " AS canonical_id, s.prop, coalesce(t.prop_type, 'string') AS prop_type, s.schema,"
              + " s.value, s.original_value, b.dataset, s.lang,"
              + (warehouse.hasSourcePositions()
                  ? " b.source_files[s.source_file] || ':' || s.source_line AS origin,"
                  : " NULL::VARCHAR AS origin,")
              + " s.first_seen, s.last_seen, b.agency, b.legal_basis, b.handling_code,"
              + " b.source_grade, b.info_grade, b.retain_until, s.batch_id"
              + " FROM statement s JOIN batch b USING (batch_id)"
              + " LEFT JOIN read_parquet("
              + Warehouse.sqlPath(types)
              + ") t ON t.schema = s.schema AND t.prop = s.prop"
              + (canonicals == null
                  ? ""
                  : " LEFT JOIN read_parquet("
                      + Warehouse.sqlPath(canonicals)
                      + ") c ON c.entity_id = s.entity_id")
              + " WHERE "
              + scope.sql("s.batch_id", "s.entity_id")
              + " ORDER BY canonical_id, s.entity_id, s.prop, s.value";
      String target = Warehouse.sqlPath(file);
      st.execute(
          "COPY ("
              + select
              + ") TO "
              + target
              + (format == TableFormat.PARQUET ? " (FORMAT parquet)" : " (FORMAT csv, HEADER)"));
      String read =
          format == TableFormat.PARQUET
              ? "read_parquet(" + target + ")"
              : "read_csv(" + target + ", header = true, all_varchar = true)";
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + read)) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot export statements to " + file + ": " + Warehouse.firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new StoreException("cannot write export: " + e.getMessage(), e);
    } finally {
      deleteQuietly(canonicals);
      deleteQuietly(types);
    }
  }

  /** The FtM type of every property of every schema, spooled for the export's join. */
  private Path propTypes() throws IOException {
    Path f = warehouse.newSpoolFile("export-types-", ".parquet");
    try (ParquetSpool out =
        new ParquetSpool(
            f,
            List.of(
                ParquetSpool.Column.text("schema"),
                ParquetSpool.Column.text("prop"),
                ParquetSpool.Column.text("prop_type")))) {
      for (Schema s : Schemata.model().all()) {
        out.writeText(s.name());
        out.writeText(org.spil.model.Statement.ID_PROP);
        out.writeText("id");
        for (Property p : s.properties().values()) {
          out.writeText(s.name());
          out.writeText(p.name());
          out.writeText(p.type().ftmName());
        }
      }
    }
    return f;
  }

  /** Member entity to canonical id, spooled for the export's join. */
  private Path canonicals(Map<String, String> canonical) throws IOException {
    Path f = warehouse.newSpoolFile("export-canonical-", ".parquet");
    try (ParquetSpool out =
        new ParquetSpool(
            f,
            List.of(
                ParquetSpool.Column.text("entity_id"), ParquetSpool.Column.text("canonical_id")))) {
      for (Map.Entry<String, String> e : canonical.entrySet()) {
        out.writeText(e.getKey());
        out.writeText(e.getValue());
      }
    }
    return f;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover spool file is removed with the others when the store next opens
      }
    }
  }
}
