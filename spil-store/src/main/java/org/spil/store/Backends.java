package org.spil.store;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which engine serves what for a data directory, as its operators wrote it in {@code
 * DIR/backends.txt}, one {@code key = value} a line ({@code #} starts a comment): {@code
 * statements}, {@code state} and {@code search} name the engine of each (only {@code embedded},
 * DuckDB and Lucene in the data directory, in this version), and {@code lake} a directory to which
 * every committed batch is also written as partitioned Parquet (see {@link Lake}), absolute or
 * relative to the data directory. No file means every engine embedded and no lake. The command line
 * and the server read the same file when they open the store; a line that does not parse refuses to
 * open, naming the file, line, key and reason.
 */
public record Backends(Path lake) {
  /** The file of a data directory. */
  public static final String FILE = "backends.txt";

  /** The engines a key may name in this version. */
  static final Set<String> ENGINE_KEYS = Set.of("statements", "state", "search");

  /** Every engine embedded, no lake. */
  public static final Backends EMBEDDED = new Backends(null);

  /** Whether batches are also written to a lake. */
  public boolean writesLake() {
    return lake != null;
  }

  /** The backends of a data directory: its file, or every engine embedded when it has none. */
  public static Backends of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return EMBEDDED;
    }
    return parse(read(file), file.toString(), dataDir);
  }

  /**
   * Parses a backends file's text; {@code dataDir} anchors a relative lake. A line that does not
   * parse fails with {@code file:line: reason}.
   */
  public static Backends parse(String text, String file, Path dataDir) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(where + "expected key = value, not \"" + line + "\"");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(where + key + ": no value");
      }
      if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException(where + key + ": control characters in the value");
      }
      if (values.containsKey(key)) {
        throw new IllegalArgumentException(where + key + ": given twice");
      }
      if (ENGINE_KEYS.contains(key)) {
        if (!value.equals("embedded")) {
          throw new IllegalArgumentException(
              where
                  + key
                  + ": \""
                  + value
                  + "\" is not an engine of this version (embedded is; see docs/scale.md)");
        }
      } else if (!key.equals("lake")) {
        throw new IllegalArgumentException(
            where + "unknown key \"" + key + "\" (statements, state, search, lake)");
      }
      values.put(key, value);
    }
    String lake = values.get("lake");
    if (lake == null) {
      return EMBEDDED;
    }
    Path path;
    try {
      path = dataDir.resolve(lake).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(file + ": lake: not a path: " + e.getMessage());
    }
    if (path.startsWith(dataDir.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          file + ": lake: " + path + " lies inside the data directory; give a directory beside it");
    }
    return new Backends(path);
  }

  /**
   * Sets the lake of a data directory's file (made when missing), keeping every other line and
   * comment as written.
   */
  public static void setLake(Path dataDir, Path lake) {
    Path file = dataDir.resolve(FILE);
    List<String> out = new ArrayList<>();
    boolean set = false;
    String line = "lake = " + lake.toAbsolutePath().normalize();
    if (Files.isRegularFile(file)) {
      for (String l : read(file).split("\r?\n", -1)) {
        String s = l.strip();
        if (!s.startsWith("#") && s.startsWith("lake") && s.substring(4).strip().startsWith("=")) {
          if (!set) {
            out.add(line);
          }
          set = true;
        } else {
          out.add(l);
        }
      }
      while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
    } else {
      out.add("# which engine serves what for this data directory (docs/scale.md)");
    }
    if (!set) {
      out.add(line);
    }
    String text = String.join("\n", out) + "\n";
    parse(text, file.toString(), dataDir);
    try {
      OwnerOnly.replace(file, text);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new IllegalArgumentException(file + ": larger than 64 KB, not a backends file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
