package org.spil.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories only their owner may read: a data directory holds every agency's data,
 * password hashes, the audit log's query texts and the match key, and an export holds what a viewer
 * may see. Spil creates its own directories 0700 and files 0600 from the start; DuckDB and Lucene
 * create theirs under the process's umask, which the launcher sets to 077 (Java cannot), and {@link
 * #secure} tightens whatever is looser when a store opens.
 *
 * <p>NOTE: on a file system without POSIX permissions every method does nothing; the directory's
 * own access rules apply there.
 */
public final class OwnerOnly {
  private OwnerOnly() {}

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** Creates a directory and its missing parents, each only its owner may enter. */
  public static void createDirectories(Path dir) throws IOException {
    if (!POSIX) {
      Files.createDirectories(dir);
      return;
    }
    Path absolute = dir.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by another process in between
      }
    }
  }

  /** The attribute that creates a file only its owner may read, or none off POSIX. */
  public static FileAttribute<?>[] file() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Replaces a file whole with a text: written beside it, readable by its owner only, then moved
   * over it at once, so that a reader finds the old file or the new one, never half of either.
   */
  public static void replace(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, file());
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Restricts an existing file to its owner (a file another program created, such as DuckDB). */
  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(file, Files.isDirectory(file) ? DIRECTORY : FILE);
    }
  }

  /**
   * Tightens a data directory and everything in it (links are not followed) to its owner; returns
   * the paths that others could read or enter before, so that the caller can warn.
   */
  public static List<Path> secure(Path dir) {
    List<Path> loose = new ArrayList<>();
    if (!POSIX || !Files.isDirectory(dir)) {
      return loose;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        Set<PosixFilePermission> has = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> want = Files.isDirectory(p) ? DIRECTORY : FILE;
        if (!want.containsAll(has)) {
          loose.add(p);
          Files.setPosixFilePermissions(p, want);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot restrict " + dir + " to its owner: " + e.getMessage(), e);
    }
    return loose;
  }
}
