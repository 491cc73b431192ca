package org.spil.store;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spil.model.types.Text;

/**
 * The directory of liaison officers, magistrates and agencies' information desks: whom to ask in a
 * country or at an agency. Kept by the deployment's administrators in {@code DIR/liaisons.txt}, one
 * entry a line, {@code country | agency | name | contact | competence} (a {@code #} starts a
 * comment): the country an ISO code ({@code tr}) where the person is posted or serves, the agency
 * they belong to, the contact (telephone, e-mail, a desk's hours) and what they handle. An entry
 * whose competence names {@code desk} is its agency's information desk, the contact hit/no-hit
 * answers give where {@code contacts.txt}, which it grows out of, names none. Read on each
 * question; a malformed line is refused naming the file, line, field and reason.
 */
public final class Liaisons {
  /** The file of a data directory. */
  public static final String FILE = "liaisons.txt";

  /** One entry: country, agency, name, contact, competence. */
  public record Liaison(
      String country, String agency, String name, String contact, String competence) {}

  private Liaisons() {}

  /** The entries of a data directory's file; none when there is no file. */
  public static List<Liaison> of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds an entry to a data directory's file (made when missing), keeping every other line and
   * comment as written; refused when a field would not read back (as {@link #parse} refuses it) or
   * when the country already lists someone of that name.
   */
  public static Liaison add(Path dataDir, Liaison entry) {
    String line =
        String.join(
            " | ",
            field("country", entry.country()),
            field("agency", entry.agency()),
            field("name", entry.name()),
            field("contact", entry.contact()),
            field("competence", entry.competence()));
    Liaison parsed = parse(line, "the entry").get(0);
    for (Liaison l : of(dataDir)) {
      if (l.country().equals(parsed.country()) && l.name().equalsIgnoreCase(parsed.name())) {
        throw new IllegalArgumentException(
            "name: " + parsed.country() + " already lists '" + l.name() + "'");
      }
    }
    String text = read(dataDir);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      text += "\n";
    }
    write(dataDir, text + line + "\n");
    return parsed;
  }

  /**
   * Removes the entry of a country with a name (ignoring case) from a data directory's file, every
   * other line and comment kept as written; returns it, or refuses when there is none.
   */
  public static Liaison remove(Path dataDir, String country, String name) {
    String text = read(dataDir);
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    Liaison removed = null;
    for (int i = 0; i < lines.length; i++) {
      List<Liaison> one = parse(lines[i], dataDir.resolve(FILE) + ":" + (i + 1));
      if (removed == null
          && one.size() == 1
          && one.get(0).country().equalsIgnoreCase(country == null ? "" : country.strip())
          && one.get(0).name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        removed = one.get(0);
        continue;
      }
      kept.append(lines[i]);
      if (i < lines.length - 1) {
        kept.append('\n');
      }
    }
    if (removed == null) {
      throw new IllegalArgumentException(
          "name: no entry '" + name + "' in " + country + " in the liaison directory");
    }
    write(dataDir, kept.toString());
    return removed;
  }

  /**
   * A field as a line holds it: refused when it holds the field separator, a comment's start or a
   * line break.
   */
  private static String field(String name, String value) {
    if (value == null) {
      return "";
    }
    if (value.contains("|")
        || value.contains("#")
        || value.contains("\n")
        || value.contains("\r")) {
      throw new IllegalArgumentException(name + ": '" + value + "' holds '|', '#' or a line break");
    }
    return value.strip();
  }

  private static String read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the file whole (written beside it, then moved over it), readable by its owner only.
   */
  private static void write(Path dataDir, String text) {
    Path file = dataDir.resolve(FILE);
    try {
      OwnerOnly.replace(file, text);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether an entry is its agency's information desk. */
  public static boolean desk(Liaison l) {
    return l.competence() != null
        && List.of(l.competence().toLowerCase(Locale.ROOT).split("[,; ]+")).contains("desk");
  }

  /** The entries of a directory's text, {@code where} naming it in errors. */
  public static List<Liaison> parse(String text, String where) {
    List<Liaison> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String[] fields = {"country", "agency", "name", "contact", "competence"};
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      String at = where + ":" + (i + 1) + ": ";
      String[] parts = content.split("\\|", -1);
      if (parts.length != fields.length) {
        throw new IllegalArgumentException(
            at
                + "give 5 fields, country | agency | name | contact | competence, not "
                + parts.length);
      }
      for (int f = 0; f < parts.length; f++) {
        parts[f] = parts[f].strip();
        if (parts[f].isEmpty() && f < 4) {
          throw new IllegalArgumentException(at + fields[f] + ": empty");
        }
        if (parts[f].length() > 300) {
          throw new IllegalArgumentException(at + fields[f] + ": longer than 300 characters");
        }
        if (!Text.printable(parts[f])) {
          throw new IllegalArgumentException(at + fields[f] + ": a control character");
        }
      }
      if (!parts[0].matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException(
            at + "country: '" + parts[0] + "' is not a two-letter ISO code (tr, ae)");
      }
      out.add(
          new Liaison(
              parts[0].toLowerCase(Locale.ROOT),
              parts[1],
              parts[2],
              parts[3],
              parts[4].isEmpty() ? null : parts[4]));
    }
    return List.copyOf(out);
  }
}
