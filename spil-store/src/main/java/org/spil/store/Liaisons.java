package org.spil.store;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        if (parts[f]
            .codePoints()
            .anyMatch(
                c ->
                    Character.isISOControl(c)
                        || (c >= 0x202a && c <= 0x202e)
                        || (c >= 0x2066 && c <= 0x2069))) {
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
