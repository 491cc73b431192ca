package org.spil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.spil.model.HandlingCode;
import org.spil.model.Nearest;
import org.spil.model.Property;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.model.SourceGrade;
import org.spil.model.UnknownSchemaException;
import org.spil.model.types.PartialDates;

/**
 * Reads and checks a dataset directory's {@code dataset.yml}. Every problem is reported as a {@link
 * DatasetException} naming the file, the line of the offending key where it can be found, the field
 * and the reason: unknown keys (with the nearest valid one), missing provenance, invalid codes,
 * unknown schemata or properties, references to entities the query does not define.
 */
public final class DatasetReader {
  private DatasetReader() {}

  /**
   * The YAML reader of dataset.yml: a key given twice is an error (it silently won before, and a
   * second {@code handling_code} turned an H3 dataset into an H0 one shared with all).
   */
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,63}$");
  static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "title",
          "agency",
          "legal_basis",
          "handling_code",
          "handling_note",
          "source_grade",
          "info_grade",
          "retention",
          "retain_until",
          "share_with",
          "case_id",
          "phone_region",
          "lang",
          "queries",
          "query",
          "ftm_files",
          "messages",
          "description",
          "publisher");
  static final Set<String> QUERY_KEYS =
      Set.of(
          "csv_url",
          "csv_urls",
          "source_url",
          "source_urls",
          "entities",
          "filters",
          "filters_not",
          "encoding",
          "delimiter",
          "sheet");
  static final Set<String> MESSAGE_KEYS =
      Set.of(
          "csv_url",
          "csv_urls",
          "source_url",
          "source_urls",
          "encoding",
          "delimiter",
          "sheet",
          "service",
          "columns",
          "split",
          "timezone",
          "extract");
  static final Set<String> ENTITY_KEYS =
      Set.of("schema", "keys", "key", "key_literal", "id_column", "properties");
  static final Set<String> PROPERTY_KEYS =
      Set.of(
          "column",
          "columns",
          "join",
          "literal",
          "literals",
          "entity",
          "format",
          "formats",
          "split",
          "required");

  /** How large a dataset.yml may be. */
  static final long MAX_DATASET_BYTES = 1 << 20;

  public static Dataset read(Path dir) {
    Path file = dir.resolve("dataset.yml");
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir + ": not a dataset directory");
    }
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(
          file + ": missing; a dataset directory needs a dataset.yml (see README)");
    }
    String text;
    try {
      if (Files.size(file) > MAX_DATASET_BYTES) {
        throw new DatasetException(
            file
                + ": "
                + Files.size(file)
                + " bytes; a dataset.yml holds at most "
                + MAX_DATASET_BYTES
                + " (mappings, not data: the data belongs in the files it names)");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetException(
          file + ": cannot read (" + e.getClass().getSimpleName() + "): " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new DatasetException(
          file
              + (loc != null ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "")
              + ": malformed YAML: "
              + e.getOriginalMessage());
    }
    return new Parser(file, text).dataset(dir, root);
  }

  private static final class Parser {
    private final Path file;
    private final String[] lines;

    Parser(Path file, String text) {
      this.file = file;
      this.lines = text.split("\n", -1);
    }

    /**
     * Refuses a file that is not a regular file inside the dataset directory: an absolute path, a
     * path through {@code ..}, or a link whose real path lies outside. A partner's dataset may name
     * only its own files; anything else would ingest whatever this process can read under that
     * partner's provenance. Nothing of a refused file is read.
     */
    void inside(Path dir, String name, String key) {
      Path given = Path.of(name);
      if (given.isAbsolute() || name.startsWith("~")) {
        throw error(key, "'" + name + "': an absolute path; name a file inside " + dir);
      }
      for (Path part : given) {
        if (part.toString().equals("..")) {
          throw error(key, "'" + name + "' leaves the dataset directory " + dir);
        }
      }
      Path file = dir.resolve(given);
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw error(key, "file '" + name + "' not found in " + dir);
      }
      try {
        Path real = file.toRealPath();
        if (!real.startsWith(dir.toRealPath())) {
          throw error(key, "'" + name + "' is a link that leaves the dataset directory " + dir);
        }
        if (!Files.isRegularFile(real)) {
          throw error(key, "'" + name + "' is not a regular file");
        }
      } catch (IOException e) {
        throw error(key, "'" + name + "' cannot be resolved: " + e.getClass().getSimpleName());
      }
    }

    DatasetException error(String key, String reason) {
      int line = lineOf(key);
      return new DatasetException(file + (line > 0 ? ":" + line : "") + ": " + key + ": " + reason);
    }

    int lineOf(String path) {
      String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]$", "");
      Pattern p = Pattern.compile("^\\s*-?\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
      for (int i = 0; i < lines.length; i++) {
        if (p.matcher(lines[i]).find()) {
          return i + 1;
        }
      }
      return 0;
    }

    void checkKeys(JsonNode node, Set<String> allowed, String where) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!allowed.contains(k)) {
          String prefix = where.isEmpty() ? "" : where + ".";
          throw error(prefix + k, "unknown key" + nearest(k, allowed));
        }
      }
    }

    static String nearest(String k, Set<String> allowed) {
      return Nearest.to(k, allowed, 3)
          .map(best -> " (did you mean '" + best + "'?)")
          .orElse("; allowed: " + String.join(", ", new TreeSet<>(allowed)));
    }

    String required(JsonNode root, String key) {
      JsonNode n = root.get(key);
      if (n == null || n.isNull() || n.asText().isBlank()) {
        throw new DatasetException(
            file + ": " + key + ": missing; every dataset must state its " + key);
      }
      if (!n.isValueNode()) {
        throw error(key, "must be a single value");
      }
      return n.asText().strip();
    }

    /** A value kept exactly as written (join and split strings may be spaces). */
    String verbatim(JsonNode root, String key) {
      JsonNode n = root.get(key);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isValueNode()) {
        throw error(key, "must be a single value");
      }
      return n.asText();
    }

    String optional(JsonNode root, String key) {
      String v = verbatim(root, key);
      return v == null ? null : v.strip();
    }

    List<String> list(JsonNode node, String key) {
      List<String> out = new ArrayList<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (node.isArray()) {
        for (JsonNode v : node) {
          if (!v.isValueNode()) {
            throw error(key, "must be a list of plain values");
          }
          out.add(v.asText());
        }
      } else if (node.isValueNode()) {
        out.add(node.asText());
      } else {
        throw error(key, "must be a value or a list of values");
      }
      return out;
    }

    Dataset dataset(Path dir, JsonNode root) {
      if (root == null || !root.isObject()) {
        throw new DatasetException(
            file
                + ": must be a YAML mapping with name, agency, provenance and queries or ftm_files");
      }
      checkKeys(root, TOP_KEYS, "");
      String name = required(root, "name");
      if (!NAME.matcher(name).matches()) {
        throw error(
            "name",
            "'" + name + "' must be lower case letters, digits, '.', '_' or '-' (at most 64)");
      }
      String agency = required(root, "agency");
      if (!NAME.matcher(agency).matches()) {
        throw error("agency", "'" + agency + "' must be a lower-case agency id such as politie-nl");
      }
      String legalBasis = required(root, "legal_basis");
      HandlingCode handling;
      SourceGrade source;
      try {
        handling = HandlingCode.parse(required(root, "handling_code"));
      } catch (IllegalArgumentException e) {
        throw error("handling_code", e.getMessage());
      }
      String note = optional(root, "handling_note");
      if (handling == HandlingCode.H3 && (note == null || note.isBlank())) {
        throw error("handling_code", "H3 requires a handling_note stating the restriction");
      }
      try {
        source = SourceGrade.parse(required(root, "source_grade"));
      } catch (IllegalArgumentException e) {
        throw error("source_grade", e.getMessage());
      }
      String info = required(root, "info_grade");
      int infoGrade;
      try {
        infoGrade = Integer.parseInt(info);
      } catch (NumberFormatException e) {
        infoGrade = 0;
      }
      if (infoGrade < 1 || infoGrade > 4) {
        throw error("info_grade", "must be 1, 2, 3 or 4, not '" + info + "'");
      }
      String retentionText = optional(root, "retention");
      String untilText = optional(root, "retain_until");
      if ((retentionText == null) == (untilText == null)) {
        throw new DatasetException(
            file
                + ": retention: give exactly one of retention (e.g. P5Y) or retain_until (a date)");
      }
      Period retention = null;
      LocalDate until = null;
      try {
        if (retentionText != null) {
          retention = Period.parse(retentionText);
          if (retention.isNegative() || retention.isZero()) {
            throw error("retention", "must be a positive period such as P5Y");
          }
        } else {
          until = LocalDate.parse(untilText);
        }
      } catch (DateTimeParseException e) {
        throw error(
            retentionText != null ? "retention" : "retain_until",
            retentionText != null
                ? "'" + retentionText + "' is not an ISO 8601 period such as P5Y or P18M"
                : "'" + untilText + "' is not a date YYYY-MM-DD");
      }
      Set<String> shareWith = new TreeSet<>(list(root.get("share_with"), "share_with"));
      for (String s : shareWith) {
        if (!NAME.matcher(s).matches()) {
          throw error("share_with", "'" + s + "' is not an agency id (or 'all')");
        }
      }
      String region = optional(root, "phone_region");
      if (region != null && !Set.of(Locale.getISOCountries()).contains(region.toUpperCase())) {
        throw error("phone_region", "'" + region + "' is not an ISO 3166 country code");
      }
      List<QueryMapping> queries = new ArrayList<>();
      JsonNode qs = root.has("queries") ? root.get("queries") : root.get("query");
      if (qs != null && qs.isObject()) {
        queries.add(query(qs, "query"));
      } else if (qs != null && qs.isArray()) {
        for (int i = 0; i < qs.size(); i++) {
          queries.add(query(qs.get(i), "queries[" + i + "]"));
        }
      } else if (qs != null && !qs.isNull()) {
        throw error("queries", "must be a list of queries");
      }
      List<String> ftm = list(root.get("ftm_files"), "ftm_files");
      List<MessageLayout> messages = new ArrayList<>();
      JsonNode ms = root.get("messages");
      if (ms != null && ms.isArray()) {
        for (int i = 0; i < ms.size(); i++) {
          messages.add(messages(ms.get(i), "messages[" + i + "]"));
        }
      } else if (ms != null && ms.isObject()) {
        messages.add(messages(ms, "messages"));
      } else if (ms != null && !ms.isNull()) {
        throw error("messages", "must be a list of message layouts");
      }
      if (queries.isEmpty() && ftm.isEmpty() && messages.isEmpty()) {
        throw new DatasetException(
            file
                + ": queries: missing; give an FtM mapping (queries), ftm_files or chat messages"
                + " (messages)");
      }
      List<String> files = new ArrayList<>(ftm);
      queries.forEach(q -> files.addAll(q.sources()));
      messages.forEach(m -> files.addAll(m.sources()));
      for (String f : files) {
        inside(dir, f, ftm.contains(f) ? "ftm_files" : "csv_url");
      }
      return new Dataset(
          dir,
          name,
          optional(root, "title") == null ? name : optional(root, "title"),
          agency,
          legalBasis,
          handling,
          note,
          source,
          infoGrade,
          retention,
          until,
          shareWith,
          optional(root, "case_id"),
          region == null ? "NL" : region.toUpperCase(),
          optional(root, "lang"),
          queries,
          ftm,
          messages);
    }

    MessageLayout messages(JsonNode m, String where) {
      if (!m.isObject()) {
        throw error(where, "must be a mapping with csv_url and columns");
      }
      checkKeys(m, MESSAGE_KEYS, where);
      List<String> sources = sources(m, where);
      JsonNode cols = m.get("columns");
      if (cols == null || !cols.isObject()) {
        throw error(
            where + ".columns",
            "missing; map the message fields to columns, e.g. {time: timestamp, from: sender,"
                + " body: text}");
      }
      Map<String, String> columns = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : cols.properties()) {
        if (!MessageLayout.FIELDS.contains(e.getKey())) {
          throw error(
              where + ".columns." + e.getKey(),
              "not a message field; one of "
                  + String.join(", ", new TreeSet<>(MessageLayout.FIELDS)));
        }
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          throw error(where + ".columns." + e.getKey(), "must name a column");
        }
        columns.put(e.getKey(), e.getValue().asText());
      }
      for (String f : MessageLayout.REQUIRED) {
        if (!columns.containsKey(f)) {
          throw error(where + ".columns." + f, "missing; a message needs time, from and body");
        }
      }
      String service = optional(m, "service");
      String split = verbatim(m, "split");
      if (split != null && split.isEmpty()) {
        throw error(where + ".split", "must not be empty");
      }
      java.time.ZoneId zone = java.time.ZoneOffset.UTC;
      String tz = optional(m, "timezone");
      if (tz != null) {
        try {
          zone = java.time.ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
          throw error(
              where + ".timezone", "'" + tz + "' is not a time zone such as Europe/Amsterdam");
        }
      }
      String extract = optional(m, "extract");
      if (extract != null && !extract.equals("true") && !extract.equals("false")) {
        throw error(where + ".extract", "true or false, not '" + extract + "'");
      }
      return new MessageLayout(
          sources, options(m, where), service, columns, split, zone, !"false".equals(extract));
    }

    List<String> sources(JsonNode q, String where) {
      List<String> sources = new ArrayList<>();
      for (String key : List.of("csv_url", "csv_urls", "source_url", "source_urls")) {
        sources.addAll(list(q.get(key), where + "." + key));
      }
      if (sources.isEmpty()) {
        throw error(where, "needs csv_url or csv_urls naming the files to read");
      }
      for (String s : sources) {
        if (s.contains("://")) {
          throw error(
              where + ".csv_url",
              "'" + s + "': only files inside the dataset directory are read, not URLs");
        }
      }
      return sources;
    }

    RecordSources.Options options(JsonNode q, String where) {
      Character delimiter = null;
      String d = optional(q, "delimiter");
      if (d != null) {
        String unescaped = d.equals("\\t") || d.equals("tab") ? "\t" : d;
        if (unescaped.length() != 1) {
          throw error(where + ".delimiter", "must be one character");
        }
        delimiter = unescaped.charAt(0);
      }
      return new RecordSources.Options(optional(q, "encoding"), delimiter, optional(q, "sheet"));
    }

    QueryMapping query(JsonNode q, String where) {
      if (!q.isObject()) {
        throw error(where, "must be a mapping with csv_url and entities");
      }
      checkKeys(q, QUERY_KEYS, where);
      List<String> sources = sources(q, where);
      var options = options(q, where);
      JsonNode entitiesNode = q.get("entities");
      if (entitiesNode == null || !entitiesNode.isObject() || entitiesNode.isEmpty()) {
        throw error(where + ".entities", "missing; a query must define at least one entity");
      }
      Map<String, JsonNode> raw = new LinkedHashMap<>();
      entitiesNode.properties().forEach(e -> raw.put(e.getKey(), e.getValue()));
      List<EntityMapping> entities = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
        entities.add(
            entity(e.getKey(), e.getValue(), raw.keySet(), where + ".entities." + e.getKey()));
      }
      return new QueryMapping(
          sources,
          filters(q.get("filters"), where + ".filters"),
          filters(q.get("filters_not"), where + ".filters_not"),
          options,
          entities);
    }

    Map<String, List<String>> filters(JsonNode node, String where) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isObject()) {
        throw error(where, "must map column names to a value or a list of values");
      }
      node.properties()
          .forEach(e -> out.put(e.getKey(), list(e.getValue(), where + "." + e.getKey())));
      return out;
    }

    EntityMapping entity(String name, JsonNode node, Set<String> siblings, String where) {
      if (!node.isObject()) {
        throw error(where, "must be a mapping with schema, keys and properties");
      }
      checkKeys(node, ENTITY_KEYS, where);
      String schemaName = optional(node, "schema");
      if (schemaName == null) {
        throw error(where, "schema missing");
      }
      Schema schema;
      try {
        schema = Schemata.model().get(schemaName);
      } catch (UnknownSchemaException e) {
        throw error(where + ".schema", e.getMessage());
      }
      if (schema.isAbstract()) {
        throw error(where + ".schema", schemaName + " is abstract; use a concrete schema");
      }
      List<String> keys = new ArrayList<>(list(node.get("keys"), where + ".keys"));
      keys.addAll(list(node.get("key"), where + ".key"));
      keys.addAll(list(node.get("id_column"), where + ".id_column"));
      String keyLiteral = optional(node, "key_literal");
      if (keys.isEmpty()) {
        throw error(
            where, "keys missing: name the columns that identify a " + schemaName + " record");
      }
      List<PropertyMapping> props = new ArrayList<>();
      JsonNode propsNode = node.get("properties");
      if (propsNode != null && !propsNode.isNull()) {
        if (!propsNode.isObject()) {
          throw error(where + ".properties", "must map property names to their sources");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = propsNode.properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          props.add(
              property(
                  schema, e.getKey(), e.getValue(), siblings, where + ".properties." + e.getKey()));
        }
      }
      return new EntityMapping(name, schemaName, keys, keyLiteral, props);
    }

    PropertyMapping property(
        Schema schema, String prop, JsonNode node, Set<String> siblings, String where) {
      Property p = schema.property(prop);
      if (p == null) {
        try {
          Schemata.model().property(schema.name(), prop);
        } catch (UnknownSchemaException e) {
          throw error(where, e.getMessage());
        }
      }
      if (node.isValueNode()) {
        return new PropertyMapping(
            prop, List.of(node.asText()), null, List.of(), null, List.of(), null);
      }
      if (!node.isObject()) {
        throw error(
            where, "must be a column name or a mapping with column, columns, literal or entity");
      }
      checkKeys(node, PROPERTY_KEYS, where);
      List<String> columns = new ArrayList<>(list(node.get("column"), where + ".column"));
      columns.addAll(list(node.get("columns"), where + ".columns"));
      List<String> literals = new ArrayList<>(list(node.get("literal"), where + ".literal"));
      literals.addAll(list(node.get("literals"), where + ".literals"));
      String entity = optional(node, "entity");
      if (entity != null) {
        if (!p.isEntityRef()) {
          throw error(
              where + ".entity",
              prop + " is not an entity reference (its type is " + p.type().name() + ")");
        }
        if (!siblings.contains(entity)) {
          throw error(
              where + ".entity",
              "no entity '" + entity + "' in this query; defined: " + String.join(", ", siblings));
        }
      }
      if (columns.isEmpty() && literals.isEmpty() && entity == null) {
        throw error(where, "needs column, columns, literal or entity");
      }
      List<String> formats = new ArrayList<>(list(node.get("format"), where + ".format"));
      formats.addAll(list(node.get("formats"), where + ".formats"));
      for (String f : formats) {
        try {
          PartialDates.checkFormat(f);
        } catch (IllegalArgumentException e) {
          throw error(where + ".format", e.getMessage());
        }
      }
      String split = verbatim(node, "split");
      if (split != null && split.isEmpty()) {
        throw error(where + ".split", "must not be empty");
      }
      return new PropertyMapping(
          prop, columns, verbatim(node, "join"), literals, entity, formats, split);
    }
  }
}
