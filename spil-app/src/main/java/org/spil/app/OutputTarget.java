package org.spil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.spil.model.InvalidField;

/**
 * Where a command may write a file it was asked for ({@code --out}): never into the data directory
 * (an export written over the warehouse, the audit log or the match key would destroy them), into a
 * directory that exists and may be written, and over an existing file only when the user says so
 * ({@code force}). Links are followed before the check, so a link into the data directory is
 * refused too.
 */
public final class OutputTarget {
  private OutputTarget() {}

  /** Checks {@code out} against {@code dataDir} (null when the command has none). */
  public static void check(Path out, Path dataDir, boolean force) {
    Path file = out.toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidField("out", out + ": there is no directory " + dir);
    }
    if (!Files.isWritable(dir)) {
      throw new InvalidField("out", out + ": cannot write in " + dir);
    }
    try {
      Path target =
          Files.isSymbolicLink(file)
              ? file.toRealPath()
              : dir.toRealPath().resolve(file.getFileName());
      if (dataDir != null && Files.isDirectory(dataDir)) {
        Path data = dataDir.toRealPath();
        if (target.startsWith(data)) {
          throw new InvalidField(
              "out", out + ": inside the data directory " + dataDir + "; write elsewhere");
        }
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
        throw new InvalidField("out", out + ": exists; give --force to replace it");
      }
    } catch (IOException e) {
      throw new InvalidField("out", out + ": cannot be resolved: " + e.getMessage());
    }
  }
}
