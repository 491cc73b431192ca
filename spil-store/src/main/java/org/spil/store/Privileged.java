package org.spil.store;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.InvalidField;
import org.spil.model.Normalised;
import org.spil.model.types.Phones;
import org.spil.model.types.Text;

/**
 * The handles of those whose communication with a subject is privileged (lawyers, and whoever else
 * a court names): kept by the deployment's administrators in {@code DIR/privileged.txt}, one {@code
 * handle NAME} or {@code phone NUMBER} a line ({@code #} starts a comment), by hand or through
 * {@link #add} and {@link #remove} (which the administration audits). A phone number (in
 * international form) stands for the handles that write it as exports do: {@code +31612345678},
 * {@code 0031612345678}, {@code 06-12345678}, {@code 31612345678@s.whatsapp.net} and the like
 * ({@link Phones#writtenForms}), for deliveries whose handles are phone numbers. A message sent by
 * or to such a handle is never shown, searched, scored into a queue, attributed, linked or
 * exported; searches count how many they withheld. Read again when the file's time or size changed;
 * a malformed line is refused naming the file, line and reason.
 */
public final class Privileged {
  /** The file of a data directory. */
  public static final String FILE = "privileged.txt";

  private Privileged() {}

  /** A file's handles as last read, with the time and size it had then. */
  private record Read(java.nio.file.attribute.FileTime modified, long size, Set<String> handles) {}

  /**
   * The lists read, by file: every read of the message store asks, and reads the file again only
   * when its time or size changed.
   */
  private static final java.util.Map<Path, Read> READ =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The privileged handles of a data directory, each listed phone number in the ways it is written
   * as a handle; none when there is no file.
   */
  public static Set<String> handles(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Set.of();
    }
    try {
      long size = Files.size(file);
      java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
      Read last = READ.get(file);
      if (last != null && last.size() == size && last.modified().equals(modified)) {
        return last.handles();
      }
      if (size > 1 << 20) {
        throw new InvalidField("privileged", file + ": larger than 1 MB");
      }
      Set<String> handles = new TreeSet<>();
      for (String entry : parse(Files.readString(file, StandardCharsets.UTF_8), file.toString())) {
        Set<String> forms = entry.startsWith("+") ? Phones.writtenForms(entry) : Set.of();
        handles.addAll(forms.isEmpty() ? Set.of(entry) : forms);
      }
      handles = Set.copyOf(handles);
      READ.put(file, new Read(modified, size, handles));
      return handles;
    } catch (MalformedInputException e) {
      throw new InvalidField("privileged", file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** What a data directory's file lists: handles as written, phone numbers in E.164. */
  public static Set<String> listed(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    return parse(read(file), file.toString());
  }

  /**
   * An entry as the file keeps it: a phone number in international form ({@code +31 6 1234 5678})
   * as E.164, anything else as the handle given.
   */
  static String entry(String given) {
    String g = given == null ? "" : given.strip();
    String phone = phone(g);
    return phone != null ? phone : g;
  }

  /** The number in E.164 when the text is a valid phone number in international form, else null. */
  private static String phone(String text) {
    return text.startsWith("+") && Phones.normalise(text, null) instanceof Normalised.Valid v
        ? v.value()
        : null;
  }

  /**
   * Adds a handle, or a phone number in international form, to a data directory's file (made when
   * missing) with a note after it as a comment (why, on whose order), keeping every other line as
   * written; refused when the handle is not printable or is listed already, or the note spans
   * lines.
   */
  public static String add(Path dataDir, String handle, String note) {
    String given = handle == null ? "" : handle.strip();
    String phone = phone(given);
    String h = phone != null ? phone : given;
    String line = (phone != null ? "phone " : "handle ") + h;
    parse(line, "the handle");
    if (note != null && (!Text.printable(note) || note.length() > 500)) {
      throw new InvalidField("reason", "printable, on one line, at most 500 characters");
    }
    Path file = dataDir.resolve(FILE);
    String text = read(file);
    if (parse(text, file.toString()).contains(h)) {
      throw new InvalidField("handle", "'" + h + "' is listed already");
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      text += "\n";
    }
    write(file, text + line + (note == null || note.isBlank() ? "" : "  # " + note.strip()) + "\n");
    return h;
  }

  /**
   * Removes the lines naming a handle from a data directory's file, every other line kept as
   * written; refused when none names it.
   */
  public static String remove(Path dataDir, String handle) {
    String h = entry(handle);
    Path file = dataDir.resolve(FILE);
    String[] lines = read(file).split("\n", -1);
    StringBuilder kept = new StringBuilder();
    boolean removed = false;
    for (int i = 0; i < lines.length; i++) {
      if (parse(lines[i], file + ":" + (i + 1)).contains(h)) {
        removed = true;
        continue;
      }
      kept.append(lines[i]);
      if (i < lines.length - 1) {
        kept.append('\n');
      }
    }
    if (!removed) {
      throw new InvalidField("handle", "'" + h + "' is not listed");
    }
    write(file, kept.toString());
    return h;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (MalformedInputException e) {
      throw new InvalidField("privileged", file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the file whole (written beside it, then moved over it), readable by its owner only.
   */
  private static void write(Path file, String text) {
    try {
      OwnerOnly.replace(file, text);
      READ.remove(file);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The handles and phone numbers (E.164) a file's text names; a line that is not {@code handle
   * NAME} or {@code phone NUMBER} (a valid number in international form) is refused.
   */
  public static Set<String> parse(String text, String file) {
    Set<String> out = new TreeSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (parts.length == 2 && parts[0].equals("phone")) {
        String phone = phone(parts[1]);
        if (phone == null) {
          throw new InvalidField(
              "privileged",
              file
                  + ":"
                  + (i + 1)
                  + ": give a phone number in international form (+31 6 12345678), not '"
                  + parts[1]
                  + "'");
        }
        out.add(phone);
        continue;
      }
      if (parts.length != 2 || !parts[0].equals("handle") || parts[1].contains(" ")) {
        throw new InvalidField(
            "privileged",
            file + ":" + (i + 1) + ": give 'handle NAME' or 'phone NUMBER', not '" + line + "'");
      }
      if (!Text.printable(parts[1]) || parts[1].length() > 256) {
        throw new InvalidField(
            "privileged", file + ":" + (i + 1) + ": a handle is printable, at most 256 characters");
      }
      out.add(parts[1]);
    }
    return out;
  }
}
