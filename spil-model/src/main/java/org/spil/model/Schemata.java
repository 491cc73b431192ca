package org.spil.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of all {@link Schema}s, read once from {@code schemata.txt}. Use {@link
 * #get(String)} to look a schema up by its FtM name; it throws {@link UnknownSchemaException} with
 * a helpful message for names that do not exist.
 */
public final class Schemata {
  private static final Schemata INSTANCE = load();
  private final Map<String, Schema> byName;

  private Schemata(Map<String, Schema> byName) {
    this.byName = byName;
  }

  /** The model shipped with Spil. */
  public static Schemata model() {
    return INSTANCE;
  }

  public Schema get(String name) {
    Schema schema = byName.get(name);
    if (schema == null) {
      throw new UnknownSchemaException(
          "unknown schema '" + name + "'" + suggestion(name, byName.keySet()));
    }
    return schema;
  }

  public Optional<Schema> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<Schema> all() {
    return byName.values();
  }

  /** The property of a schema, or an exception naming both and the closest valid property. */
  public Property property(String schema, String prop) {
    Schema s = get(schema);
    Property p = s.property(prop);
    if (p == null) {
      throw new UnknownSchemaException(
          "schema "
              + schema
              + " has no property '"
              + prop
              + "'"
              + suggestion(prop, s.properties().keySet()));
    }
    return p;
  }

  /**
   * The more specific of two schemata when one extends the other (an entity seen as LegalEntity in
   * one source and Company in another is a Company), otherwise empty.
   */
  public Optional<Schema> common(Schema a, Schema b) {
    if (a.isA(b.name())) {
      return Optional.of(a);
    }
    if (b.isA(a.name())) {
      return Optional.of(b);
    }
    return Optional.empty();
  }

  static String suggestion(String name, Collection<String> known) {
    return Nearest.to(name, known, Math.max(2, name.length() / 3))
        .map(best -> " (did you mean '" + best + "'?)")
        .orElse("");
  }

  private static Schemata load() {
    Map<String, Schema> schemata = new LinkedHashMap<>();
    Map<String, List<String[]>> own = new LinkedHashMap<>();
    try (InputStream in = Schemata.class.getResourceAsStream("schemata.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      Schema current = null;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("schema ")) {
          current = parseHeader(line.substring(7).trim(), lineNo);
          schemata.put(current.name(), current);
          own.put(current.name(), new ArrayList<>());
        } else if (current != null && line.startsWith("  ")) {
          own.get(current.name()).add(line.trim().split("\\s+"));
        } else {
          throw new IllegalStateException("schemata.txt:" + lineNo + ": cannot parse: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Schema s : schemata.values()) {
      resolve(s, schemata, own);
    }
    return new Schemata(schemata);
  }

  private static Schema parseHeader(String header, int lineNo) {
    String[] words = header.replace(",", " , ").split("\\s+");
    String name = words[0];
    boolean isAbstract = false;
    boolean extension = false;
    List<String> parents = new ArrayList<>();
    List<String> caption = new ArrayList<>();
    String source = null;
    String target = null;
    String mode = "";
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      switch (w) {
        case "abstract" -> isAbstract = true;
        case "extension" -> extension = true;
        case "extends", "caption" -> mode = w;
        case "edge" -> {
          source = words[++i];
          target = words[++i];
          mode = "";
        }
        case "," -> {}
        default -> {
          if (mode.equals("extends")) {
            parents.add(w);
          } else if (mode.equals("caption")) {
            caption.add(w);
          } else {
            throw new IllegalStateException("schemata.txt:" + lineNo + ": unexpected " + w);
          }
        }
      }
    }
    return new Schema(name, isAbstract, extension, parents, source, target, caption);
  }

  private static void resolve(Schema s, Map<String, Schema> all, Map<String, List<String[]>> own) {
    if (!s.properties.isEmpty() || !s.ancestors.isEmpty()) {
      return;
    }
    for (String parentName : s.parents()) {
      Schema parent = all.get(parentName);
      if (parent == null) {
        throw new IllegalStateException("schema " + s.name() + " extends unknown " + parentName);
      }
      resolve(parent, all, own);
      s.ancestors.add(parentName);
      s.ancestors.addAll(parent.ancestors);
      parent.properties.forEach(s.properties::putIfAbsent);
    }
    for (String[] def : own.get(s.name())) {
      String range = def.length > 3 && def[2].equals("range") ? def[3] : null;
      boolean extension = def[def.length - 1].equals("extension") || s.isExtension();
      PropertyType type = PropertyTypes.get(def[1]);
      s.properties.put(def[0], new Property(s.name(), def[0], type, range, extension));
    }
    if (s.properties.isEmpty() && s.parents().isEmpty()) {
      throw new IllegalStateException("schema " + s.name() + " has no properties");
    }
  }
}
