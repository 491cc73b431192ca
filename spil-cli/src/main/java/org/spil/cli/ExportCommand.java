package org.spil.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil export}: what the viewer may see, as FollowTheMoney JSON lines (re-ingestible without
 * loss) or as a Parquet file of statements with their provenance.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export visible entities as FtM JSON lines or statements as Parquet.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--format", required = true, description = "ftm or parquet.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file (FtM default: standard output).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("ftm") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format must be ftm or parquet, not '" + format + "'");
    }
    if (format.equals("parquet") && out == null) {
      throw new IllegalArgumentException("--format parquet needs --out FILE");
    }
    if (out != null) {
      Path dir = out.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--out " + out + ": there is no directory " + dir);
      }
      if (!Files.isWritable(dir)) {
        throw new IllegalArgumentException("--out " + out + ": cannot write in " + dir);
      }
    }
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      if (out == null) {
        Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        store.exportFtm(viewer.viewer(store), w);
        w.flush();
        return 0;
      }
      // written beside the target and moved into place whole: a failure leaves no partial file
      Path tmp = out.resolveSibling(out.getFileName() + ".part");
      try {
        long n;
        if (format.equals("parquet")) {
          n = store.exportParquet(viewer.viewer(store), tmp);
        } else {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            n = store.exportFtm(viewer.viewer(store), w);
          }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine()
            .getErr()
            .printf(
                "exported %,d %s to %s%n",
                n, format.equals("parquet") ? "statements" : "entities", out);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return 0;
  }
}
