package org.spil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.spil.model.EntityIds;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.Property;
import org.spil.model.PropertyType;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.model.Statement;
import org.spil.model.UnknownSchemaException;
import org.spil.model.types.Amounts;

/**
 * Turns a {@link Dataset} into statements: reads every source file of its mapping (or its FtM
 * entity files), applies filters, computes entity ids from keys, normalises every value with its
 * property type and hands valid statements to a {@link StatementSink}. Invalid values are not
 * stored; they are reported as {@link Reject}s. Problems that make the whole dataset unusable
 * (missing columns, unknown schema in an FtM file, unreadable file) throw {@link DatasetException}
 * before the caller commits anything.
 *
 * <p>Every entity gets one statement of property {@code id} per source record, so that an entity
 * with no other valid value still exists with its schema and provenance.
 */
public final class Ingest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BLOCK = 1024;
  private static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  private final Dataset dataset;
  private final StatementSink sink;
  private final LongConsumer progress;
  private final List<Reject> rejects = new ArrayList<>();
  private long rows;
  private long statements;
  private long rejectedRows;
  private final List<String> warnings = new ArrayList<>();

  public Ingest(Dataset dataset, StatementSink sink, LongConsumer progress) {
    this.dataset = dataset;
    this.sink = sink;
    this.progress = progress;
  }

  private ExecutorService mappers;

  public IngestReport run() {
    mappers =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "spil-map-" + dataset.name());
              t.setDaemon(true);
              return t;
            });
    try {
      return runAll();
    } finally {
      mappers.shutdownNow();
    }
  }

  private IngestReport runAll() {
    for (String f : dataset.ftmFiles()) {
      readFtm(f);
    }
    for (int i = 0; i < dataset.queries().size(); i++) {
      QueryMapping q = dataset.queries().get(i);
      for (String source : q.sources()) {
        readQuery(q, "queries[" + i + "]", source);
      }
    }
    return new IngestReport(rows, statements, rejectedRows, rejects, warnings);
  }

  private void emit(
      String entityId,
      String schema,
      String prop,
      String value,
      String original,
      String file,
      long line) {
    sink.accept(
        entityId,
        schema,
        prop,
        value,
        original != null && original.equals(value) ? null : original,
        dataset.lang(),
        file,
        line);
    statements++;
  }

  private void readQuery(QueryMapping q, String where, String source) {
    Path path = dataset.dir().resolve(source);
    String display = dataset.dir().getFileName() + "/" + source;
    try (RecordSource records = RecordSources.open(path, display, q.options())) {
      checkColumns(q, where, records.columns(), display);
      warnings.addAll(records.warnings());
      NormaliseContext base = dataset.context();
      Compiled compiled = new Compiled(q, base);
      ArrayDeque<Future<RowBuffer>> pending = new ArrayDeque<>();
      List<SourceRecord> block = new ArrayList<>(BLOCK);
      while (records.hasNext()) {
        SourceRecord row = records.next();
        rows++;
        if ((rows & 0xffff) == 0) {
          progress.accept(rows);
        }
        block.add(row);
        if (block.size() == BLOCK) {
          submit(compiled, block, pending);
          block = new ArrayList<>(BLOCK);
        }
      }
      submit(compiled, block, pending);
      while (!pending.isEmpty()) {
        replay(pending.poll());
      }
    }
  }

  /** The mapping with schemata, types and contexts looked up once, not per row. */
  private static final class Compiled {
    final QueryMapping query;
    final Schema[] schemata;
    final Property[][] properties;
    final NormaliseContext[][] contexts;
    final boolean[] addCurrency;

    Compiled(QueryMapping q, NormaliseContext base) {
      this.query = q;
      int n = q.entities().size();
      schemata = new Schema[n];
      properties = new Property[n][];
      contexts = new NormaliseContext[n][];
      addCurrency = new boolean[n];
      for (int e = 0; e < n; e++) {
        EntityMapping em = q.entities().get(e);
        schemata[e] = Schemata.model().get(em.schema());
        properties[e] = new Property[em.properties().size()];
        contexts[e] = new NormaliseContext[em.properties().size()];
        boolean mapsCurrency = false;
        for (int p = 0; p < em.properties().size(); p++) {
          PropertyMapping pm = em.properties().get(p);
          properties[e][p] = schemata[e].property(pm.prop());
          contexts[e][p] = pm.formats().isEmpty() ? base : base.withDateFormats(pm.formats());
          mapsCurrency |= pm.prop().equals("currency");
        }
        addCurrency[e] = !mapsCurrency && schemata[e].property("currency") != null;
      }
    }
  }

  private void checkColumns(QueryMapping q, String where, Set<String> columns, String display) {
    Set<String> needed = new LinkedHashSet<>();
    q.filters().keySet().forEach(needed::add);
    q.filtersNot().keySet().forEach(needed::add);
    for (EntityMapping e : q.entities()) {
      needed.addAll(e.keys());
      for (PropertyMapping p : e.properties()) {
        needed.addAll(p.columns());
      }
    }
    for (String c : needed) {
      if (!columns.contains(c)) {
        throw new DatasetException(
            display
                + ":1: column '"
                + c
                + "' used by "
                + where
                + " of dataset.yml is not in the header; columns are: "
                + listed(columns));
      }
    }
  }

  /** Columns shown in an error about a header. */
  static final int COLUMNS_SHOWN = 30;

  /**
   * A header's columns for an error message: the first {@link #COLUMNS_SHOWN}, each cut to 40
   * characters, so that a binary file or a one-line dump read as CSV gives a readable line.
   */
  static String listed(Collection<String> columns) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (String c : columns) {
      if (shown == COLUMNS_SHOWN) {
        out.append(" and ").append(columns.size() - shown).append(" more");
        break;
      }
      if (shown++ > 0) {
        out.append(", ");
      }
      out.append(c.length() > 40 ? c.substring(0, 40) + "..." : c);
    }
    return out.toString();
  }

  /**
   * Maps a block of rows on a mapper thread; results are replayed in order to stay deterministic.
   */
  private void submit(Compiled c, List<SourceRecord> block, Deque<Future<RowBuffer>> pending) {
    if (block.isEmpty()) {
      return;
    }
    pending.add(
        mappers.submit(
            () -> {
              RowBuffer out = new RowBuffer(dataset.lang());
              for (SourceRecord row : block) {
                if (c.query.accepts(row)) {
                  mapRow(c, row, out);
                }
              }
              return out;
            }));
    while (pending.size() > 2 * THREADS) {
      replay(pending.poll());
    }
  }

  private void replay(Future<RowBuffer> future) {
    RowBuffer out;
    try {
      out = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (!out.statements.isEmpty()) {
      sink.acceptAll(out.statements);
      statements += out.statements.size();
    }
    rejects.addAll(out.rejects);
    rejectedRows += out.rejectedRows;
  }

  /** What a mapper made of a block of rows: statements, rejects, rejected rows. */
  private static final class RowBuffer {
    final StatementBlock statements;
    final List<Reject> rejects = new ArrayList<>();
    long rejectedRows;

    RowBuffer(String lang) {
      statements = new StatementBlock(BLOCK * 16, lang);
    }

    /** The row the next statements come from. */
    private SourceRecord row;

    void from(SourceRecord row) {
      this.row = row;
    }

    void statement(String entityId, String schema, String prop, String value, String original) {
      statements.add(entityId, schema, prop, value, original, row.file(), row.line());
    }
  }

  private void mapRow(Compiled c, SourceRecord row, RowBuffer out) {
    out.from(row);
    List<EntityMapping> entities = c.query.entities();
    Map<String, String> ids = new HashMap<>(entities.size() * 2);
    List<String> keyValues = new ArrayList<>(4);
    for (EntityMapping e : entities) {
      keyValues.clear();
      for (String k : e.keys()) {
        keyValues.add(row.get(k));
      }
      ids.put(
          e.name(),
          EntityIds.make(
              dataset.name(), e.keyLiteral() != null ? e.keyLiteral() : e.name(), keyValues));
    }
    boolean rejected = false;
    for (int ei = 0; ei < entities.size(); ei++) {
      EntityMapping e = entities.get(ei);
      String id = ids.get(e.name());
      if (id == null) {
        continue;
      }
      String schema = e.schema();
      out.statement(id, schema, Statement.ID_PROP, id, null);
      for (int pi = 0; pi < e.properties().size(); pi++) {
        PropertyMapping pm = e.properties().get(pi);
        Property prop = c.properties[ei][pi];
        if (pm.entity() != null) {
          String ref = ids.get(pm.entity());
          if (ref != null) {
            out.statement(id, schema, pm.prop(), ref, null);
          }
          continue;
        }
        if (pm.columns().size() == 1 && pm.literals().isEmpty() && pm.split() == null) {
          // the common case, without building a list of values
          String raw = row.get(pm.columns().get(0));
          if (raw != null && !raw.isBlank()) {
            rejected |=
                !store(id, schema, prop, raw, c.contexts[ei][pi], c.addCurrency[ei], row, pm, out);
          }
          continue;
        }
        for (String raw : rawValues(pm, row)) {
          rejected |=
              !store(id, schema, prop, raw, c.contexts[ei][pi], c.addCurrency[ei], row, pm, out);
        }
      }
    }
    if (rejected) {
      out.rejectedRows++;
    }
  }

  /** Normalises and emits one value; false when it was rejected. */
  private boolean store(
      String id,
      String schema,
      Property prop,
      String raw,
      NormaliseContext context,
      boolean addCurrency,
      SourceRecord row,
      PropertyMapping pm,
      RowBuffer out) {
    PropertyType type = prop.type();
    Normalised n = type.normalise(raw, context);
    if (n instanceof Normalised.Valid v) {
      out.statement(id, schema, prop.name(), v.value(), raw);
      if (addCurrency && type.name().equals("amount")) {
        String currency = Amounts.parse(raw).currency();
        if (currency != null) {
          out.statement(id, schema, "currency", currency, null);
        }
      }
      return true;
    }
    if (n instanceof Normalised.Rejected r) {
      String column =
          pm.columns().isEmpty() ? "literal " + pm.prop() : String.join("+", pm.columns());
      out.rejects.add(
          new Reject(
              row.file(), row.line(), column, truncate(raw), prop.name() + ": " + r.reason()));
      return false;
    }
    return true;
  }

  private static String truncate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static List<String> rawValues(PropertyMapping pm, SourceRecord row) {
    List<String> values = new ArrayList<>(2);
    values.addAll(pm.literals());
    if (pm.join() != null) {
      StringBuilder joined = new StringBuilder();
      for (String col : pm.columns()) {
        String v = row.get(col);
        if (v != null && !v.isBlank()) {
          if (joined.length() > 0) {
            joined.append(pm.join());
          }
          joined.append(v.strip());
        }
      }
      if (joined.length() > 0) {
        values.add(joined.toString());
      }
    } else {
      for (String col : pm.columns()) {
        String v = row.get(col);
        if (v != null && !v.isBlank()) {
          values.add(v);
        }
      }
    }
    if (pm.split() != null) {
      List<String> split = new ArrayList<>();
      String separator = pm.split();
      for (String v : values) {
        int start = 0;
        while (start <= v.length()) {
          int end = v.indexOf(separator, start);
          String part = v.substring(start, end < 0 ? v.length() : end);
          if (!part.isBlank()) {
            split.add(part);
          }
          if (end < 0) {
            break;
          }
          start = end + separator.length();
        }
      }
      return split;
    }
    return values;
  }

  private void readFtm(String file) {
    Path path = dataset.dir().resolve(file);
    String display = dataset.dir().getFileName() + "/" + file;
    NormaliseContext context = dataset.context();
    try (BufferedReader reader =
        new BufferedReader(
            BoundedReader.lines(
                new InputStreamReader(
                    Files.newInputStream(path),
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                BoundedReader.MAX_RECORD_CHARS),
            1 << 16)) {
      String line;
      long lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        rows++;
        if ((rows & 0xffff) == 0) {
          progress.accept(rows);
        }
        readFtmEntity(line, display, lineNo, context);
      }
    } catch (MalformedInputException e) {
      throw new DatasetException(display + ": not valid UTF-8 (FtM entity files must be UTF-8)");
    } catch (BoundedReader.RecordTooLong e) {
      throw new DatasetException(display + ":" + e.line() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new DatasetException(display + ": cannot read: " + e.getMessage(), e);
    }
  }

  private void readFtmEntity(String line, String display, long lineNo, NormaliseContext context) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new DatasetException(
          display + ":" + lineNo + ": not valid JSON: " + e.getMessage().split("\n")[0]);
    }
    if (node == null || !node.isObject()) {
      throw new DatasetException(
          display + ":" + lineNo + ": each line must be an FtM entity object");
    }
    JsonNode idNode = node.get("id");
    JsonNode schemaNode = node.get("schema");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
      throw new DatasetException(
          display + ":" + lineNo + ": id: missing; an FtM entity needs an id");
    }
    if (schemaNode == null || !schemaNode.isTextual()) {
      throw new DatasetException(display + ":" + lineNo + ": schema: missing");
    }
    String id = idNode.asText().strip();
    Schema schema;
    try {
      schema = Schemata.model().get(schemaNode.asText());
    } catch (UnknownSchemaException e) {
      throw new DatasetException(display + ":" + lineNo + ": schema: " + e.getMessage());
    }
    if (!EntityIds.isSafe(id)) {
      // the row is rejected, not the dataset: one bad id should not stop a partner's delivery
      rejects.add(new Reject(display, lineNo, "id", truncate(id), EntityIds.UNSAFE));
      rejectedRows++;
      return;
    }
    emit(id, schema.name(), Statement.ID_PROP, id, null, display, lineNo);
    JsonNode props = node.get("properties");
    if (props == null || props.isNull()) {
      return;
    }
    if (!props.isObject()) {
      throw new DatasetException(
          display + ":" + lineNo + ": properties: must be an object of lists");
    }
    boolean rejected = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Property prop = schema.property(field.getKey());
      if (prop == null) {
        try {
          Schemata.model().property(schema.name(), field.getKey());
        } catch (UnknownSchemaException e) {
          throw new DatasetException(
              display + ":" + lineNo + ": properties." + field.getKey() + ": " + e.getMessage());
        }
      }
      JsonNode values = field.getValue();
      Iterable<JsonNode> list = values.isArray() ? values : List.of(values);
      for (JsonNode v : list) {
        if (v.isNull()) {
          continue;
        }
        String raw = v.isValueNode() ? v.asText() : v.toString();
        Normalised n =
            v.isValueNode() || prop.type().name().equals("json")
                ? prop.type().normalise(raw, context)
                : Normalised.rejected(
                    "a value must be text, not a JSON " + (v.isArray() ? "list" : "object"));
        if (n instanceof Normalised.Valid valid) {
          emit(id, schema.name(), prop.name(), valid.value(), raw, display, lineNo);
        } else if (n instanceof Normalised.Rejected r) {
          rejects.add(
              new Reject(
                  display,
                  lineNo,
                  "properties." + prop.name(),
                  truncate(raw),
                  prop.name() + ": " + r.reason()));
          rejected = true;
        }
      }
    }
    if (rejected) {
      rejectedRows++;
    }
  }
}
