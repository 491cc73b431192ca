package org.spil.app;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.model.InvalidField;
import org.spil.model.Property;
import org.spil.model.Schema;
import org.spil.model.Schemata;

/**
 * Spil's own schemata (Shipment, Seizure, BorderCrossing, LegalAssistanceRequest, AccountStatement)
 * as schema YAML in FollowTheMoney's own format, one file per schema, so that followthemoney loads
 * them beside its model and reads Spil's FtM exports whole: labels, parents, caption, edge, and
 * each own property with its FtM type, and for references the range and the reverse property FtM
 * requires.
 */
public final class FtmExtension {
  private static final YAMLMapper YAML =
      new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private FtmExtension() {}

  /** The extension schemata of the model, by name. */
  public static List<Schema> schemata() {
    return Schemata.model().all().stream().filter(Schema::isExtension).toList();
  }

  /**
   * Writes one {@code NAME.yaml} per extension schema into {@code dir} (created if missing; never
   * the data directory, and over existing files only with {@code force}); returns the files
   * written.
   */
  public static List<Path> write(Path dir, Path dataDir, boolean force) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidField("out", dir + " is not a directory");
    }
    Files.createDirectories(dir);
    for (Schema s : schemata()) {
      OutputTarget.check(dir.resolve(s.name() + ".yaml"), dataDir, force);
    }
    List<Path> out = new ArrayList<>();
    for (Schema s : schemata()) {
      Path file = dir.resolve(s.name() + ".yaml");
      Files.writeString(file, yaml(s));
      out.add(file);
    }
    return out;
  }

  /** The FtM schema YAML of one schema. */
  public static String yaml(Schema s) throws IOException {
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("label", words(s.name()));
    def.put("plural", words(s.name()) + "s");
    def.put("extends", s.parents());
    def.put("matchable", false);
    if (!s.caption().isEmpty()) {
      def.put("caption", s.caption());
    }
    if (s.isEdge()) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("source", s.edgeSource());
      edge.put("target", s.edgeTarget());
      edge.put("directed", true);
      def.put("edge", edge);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Property p : s.properties().values()) {
      if (!p.schema().equals(s.name())) {
        continue;
      }
      Map<String, Object> prop = new LinkedHashMap<>();
      prop.put("label", words(p.name()));
      prop.put("type", p.type().ftmName());
      if (p.isEntityRef()) {
        prop.put("range", p.range());
        Map<String, Object> reverse = new LinkedHashMap<>();
        reverse.put("name", lowerFirst(s.name()) + upperFirst(p.name()));
        reverse.put("label", words(s.name()) + "s (" + words(p.name()).toLowerCase() + ")");
        prop.put("reverse", reverse);
      }
      properties.put(p.name(), prop);
    }
    def.put("properties", properties);
    return YAML.writeValueAsString(Map.of(s.name(), def));
  }

  /** "containerNumber" as "Container number", "BorderCrossing" as "Border crossing". */
  static String words(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        b.append(' ').append(Character.toLowerCase(c));
      } else {
        b.append(i == 0 ? Character.toUpperCase(c) : c);
      }
    }
    return b.toString();
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String upperFirst(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
