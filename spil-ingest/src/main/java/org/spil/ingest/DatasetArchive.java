package org.spil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A dataset uploaded as a zip file, unpacked into an empty directory only after every entry has
 * passed the checks a hostile archive must not get past: no path outside the dataset (absolute,
 * {@code ..}, a drive letter, a backslash), no control character in a name, no duplicate name, at
 * most so many entries, so many bytes per file and in all, and at most so many bytes unpacked per
 * byte packed. Sizes are counted while unpacking, never taken from the archive's headers; links are
 * never made (every entry becomes a plain file or directory). A failure names the archive, the
 * entry and the reason, and leaves nothing unpacked.
 */
public final class DatasetArchive {
  private DatasetArchive() {}

  /** The limits an archive must stay within. */
  public record Limits(int maxEntries, long maxFileBytes, long maxTotalBytes, long maxRatio) {
    /** 2,000 entries, 512 MB per file, 2 GB in all, 200 bytes unpacked per byte packed. */
    public static final Limits DEFAULT = new Limits(2000, 512L << 20, 2L << 30, 200);
  }

  /**
   * Unpacks the archive into {@code into} (created, must not exist) and returns the dataset's
   * directory: {@code into} itself, or the one folder the archive holds when the dataset is in it.
   */
  public static Path unpack(Path zip, Path into, Limits limits) {
    String name = zip.getFileName().toString();
    long packed;
    try {
      packed = Math.max(1, Files.size(zip));
      Files.createDirectory(into);
    } catch (IOException e) {
      throw new DatasetException(name + ": cannot unpack: " + e.getMessage(), e);
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      Set<String> seen = new HashSet<>();
      long total = 0;
      int entries = 0;
      byte[] buffer = new byte[1 << 16];
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (++entries > limits.maxEntries()) {
          throw new DatasetException(name + ": more than " + limits.maxEntries() + " entries");
        }
        String entry = e.getName();
        Path target = target(name, into, entry);
        if (!seen.add(into.relativize(target).toString())) {
          throw new DatasetException(
              name + ": entry '" + printable(entry) + "': twice in the archive");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        long file = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            file += n;
            total += n;
            if (file > limits.maxFileBytes()) {
              throw new DatasetException(
                  name
                      + ": entry '"
                      + printable(entry)
                      + "': larger than "
                      + mb(limits.maxFileBytes()));
            }
            if (total > limits.maxTotalBytes()) {
              throw new DatasetException(
                  name + ": more than " + mb(limits.maxTotalBytes()) + " unpacked");
            }
            if (total > (1 << 20) && total / packed > limits.maxRatio()) {
              throw new DatasetException(
                  name
                      + ": entry '"
                      + printable(entry)
                      + "': unpacks to more than "
                      + limits.maxRatio()
                      + " times the archive's size (a zip bomb?)");
            }
            out.write(buffer, 0, n);
          }
        }
      }
      if (entries == 0) {
        throw new DatasetException(name + ": not a zip archive, or an empty one");
      }
    } catch (ZipException e) {
      removeQuietly(into);
      throw new DatasetException(name + ": not a readable zip archive: " + e.getMessage(), e);
    } catch (IOException e) {
      removeQuietly(into);
      throw new DatasetException(name + ": cannot unpack: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      removeQuietly(into);
      throw e;
    }
    return datasetDirectory(name, into);
  }

  /** Where an entry goes: inside {@code into}, or a refusal naming the entry. */
  static Path target(String archive, Path into, String entry) {
    String why = null;
    if (entry.isEmpty() || entry.length() > 1024) {
      why = "an empty or overlong name";
    } else if (entry.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
      why = "a control character in the name";
    } else if (entry.startsWith("/") || entry.contains("\\") || entry.matches("^[A-Za-z]:.*")) {
      why = "a path outside the dataset";
    } else {
      for (String part : entry.split("/")) {
        if (part.equals("..") || part.equals(".")) {
          why = "a path outside the dataset";
        }
      }
    }
    Path target = null;
    if (why == null) {
      try {
        target = into.resolve(entry).normalize();
        if (!target.startsWith(into) || target.equals(into)) {
          why = "a path outside the dataset";
        }
      } catch (InvalidPathException e) {
        why = "not a path";
      }
    }
    if (why != null) {
      throw new DatasetException(archive + ": entry '" + printable(entry) + "': " + why);
    }
    return target;
  }

  private static Path datasetDirectory(String archive, Path into) {
    if (Files.isRegularFile(into.resolve("dataset.yml"))) {
      return into;
    }
    try (var list = Files.list(into)) {
      var dirs = list.filter(Files::isDirectory).toList();
      if (dirs.size() == 1 && Files.isRegularFile(dirs.get(0).resolve("dataset.yml"))) {
        return dirs.get(0);
      }
    } catch (IOException e) {
      throw new DatasetException(archive + ": cannot read what was unpacked: " + e.getMessage(), e);
    }
    removeQuietly(into);
    throw new DatasetException(
        archive + ": no dataset.yml at the top of the archive or of its one folder");
  }

  private static String mb(long bytes) {
    return (bytes >> 20) + " MB";
  }

  /** A name as it may be printed: control characters as \\uXXXX. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (c < 0x20
                  || c == 0x7f
                  || (c >= 0x80 && c < 0xa0)
                  || (c >= 0x202a && c <= 0x202e)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** Removes a directory tree it unpacked (a failed upload leaves nothing behind). */
  public static void removeQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: the temporary directory goes with the server's
                }
              });
    } catch (IOException e) {
      // as above
    }
  }

  /** Reads at most {@code max} bytes of a stream into a file; more is refused. */
  public static long copyBounded(InputStream in, Path to, long max) throws IOException {
    long n = 0;
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
      int r;
      while ((r = in.read(buffer)) > 0) {
        n += r;
        if (n > max) {
          throw new DatasetException("the upload is larger than " + mb(max));
        }
        out.write(buffer, 0, r);
      }
    }
    return n;
  }
}
