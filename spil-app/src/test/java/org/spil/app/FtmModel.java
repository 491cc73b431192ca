package org.spil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The FollowTheMoney model as its schema YAML files define it (the files followthemoney ships, in
 * ../shared/data/ftm/schema, and extensions written beside them), read independently of Spil's own
 * model: what an FtM entity of each schema may hold, and the checks followthemoney makes when it
 * loads a schema (parents exist, entity properties name a range and a reverse, edges name their
 * ends).
 */
final class FtmModel {
  static final Path SCHEMA_DIR = Path.of("../../shared/data/ftm/schema");
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * The names of FtM's property types (its type registry), and {@code id}, the type nomenklatura's
   * statement tables give the statement that an entity exists.
   */
  static final Set<String> TYPES =
      Set.of(
          "address",
          "checksum",
          "country",
          "date",
          "email",
          "entity",
          "gender",
          "html",
          "iban",
          "identifier",
          "ip",
          "json",
          "language",
          "mimetype",
          "name",
          "number",
          "phone",
          "string",
          "text",
          "topic",
          "url",
          "id");

  /** Schema name to its definition. */
  final Map<String, JsonNode> schemata = new LinkedHashMap<>();

  FtmModel(Path... dirs) throws IOException {
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          YAML.readTree(f.toFile())
              .properties()
              .forEach(e -> schemata.put(e.getKey(), e.getValue()));
        }
      }
    }
  }

  /** The schemata a schema extends, itself first, then every ancestor. */
  List<String> lineage(String schema) {
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(schema));
    while (!todo.isEmpty()) {
      String s = todo.remove(0);
      if (out.add(s) && schemata.containsKey(s)) {
        schemata.get(s).path("extends").forEach(p -> todo.add(p.asText()));
      }
    }
    return new ArrayList<>(out);
  }

  /** Property name to type ("string" when FtM gives none), own and inherited. */
  Map<String, String> properties(String schema) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : lineage(schema)) {
      JsonNode def = schemata.get(s);
      if (def != null) {
        def.path("properties")
            .properties()
            .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue().path("type").asText("string")));
      }
    }
    return out;
  }

  boolean isAbstract(String schema) {
    return schemata.get(schema).path("abstract").asBoolean(false);
  }

  /** What followthemoney would refuse when loading a schema: empty when it loads. */
  List<String> problems(String schema) {
    List<String> out = new ArrayList<>();
    JsonNode def = schemata.get(schema);
    def.path("extends")
        .forEach(
            p -> {
              if (!schemata.containsKey(p.asText())) {
                out.add(schema + " extends unknown " + p.asText());
              }
            });
    def.path("properties")
        .properties()
        .forEach(
            e -> {
              JsonNode p = e.getValue();
              if (p.path("type").asText().equals("entity")) {
                if (!schemata.containsKey(p.path("range").asText())) {
                  out.add(schema + "." + e.getKey() + ": range " + p.path("range").asText());
                }
                if (p.path("reverse").path("name").asText().isEmpty()) {
                  out.add(schema + "." + e.getKey() + ": no reverse");
                }
              }
            });
    Map<String, String> props = properties(schema);
    for (String end : List.of("source", "target")) {
      JsonNode edge = def.path("edge");
      if (!edge.isMissingNode() && !props.containsKey(edge.path(end).asText())) {
        out.add(schema + ": edge " + end + " " + edge.path(end).asText() + " is no property");
      }
    }
    return out;
  }
}
