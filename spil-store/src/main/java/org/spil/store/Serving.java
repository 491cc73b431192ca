package org.spil.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mark a server leaves in the data directory it holds: {@code DIR/serving} with its address,
 * written when it starts and removed when it stops, so that a command that finds the warehouse
 * locked can name the server instead of quoting DuckDB's lock error. A mark left by a server that
 * died is harmless: the lock tells whether it still runs.
 */
public final class Serving {
  private Serving() {}

  /** Marks the directory as served at a URL. */
  public static void mark(Path dir, String url) {
    try {
      Path file = dir.resolve("serving");
      Files.deleteIfExists(file);
      Files.createFile(file, OwnerOnly.file());
      Files.writeString(file, url + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot mark " + dir + " as served: " + e.getMessage(), e);
    }
  }

  /** Removes the mark. */
  public static void unmark(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve("serving"));
    } catch (IOException e) {
      // the lock, not the mark, decides whether the directory is held
    }
  }

  /** The URL a server marked the directory with; null when none. */
  public static String url(Path dir) {
    try {
      Path file = dir.resolve("serving");
      if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
        return null;
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
