package org.spil.analysis.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The lines of a settings file of {@code key = value} (thresholds, weights): {@code #} starts a
 * comment, blank lines are skipped, and a line without {@code =} or with a key not among those
 * known is refused with the file, the line and the known keys, so that a misspelt key never
 * silently keeps its default. The caller judges the values and names the line in its errors.
 */
public final class SettingLines {
  private SettingLines() {}

  /** One setting: where it stands ("FILE, line N"), its key and its value as written. */
  public record Line(String where, String key, String value) {}

  /**
   * The settings of a file's text, in order.
   *
   * @param source how errors name the file
   * @param noun what a key is ("threshold", "indicator")
   * @throws IllegalArgumentException naming the source, line and reason of the first bad line
   */
  public static List<Line> read(String text, String source, Collection<String> keys, String noun) {
    List<Line> out = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      line = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = source + ", line " + (i + 1);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            where + ": expected '" + noun + " = value', not '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(
            where + ": no " + noun + " '" + key + "' (known: " + String.join(", ", keys) + ")");
      }
      out.add(new Line(where, key, line.substring(eq + 1).strip()));
    }
    return out;
  }
}
