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
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      long n;
      if (format.equals("parquet")) {
        n = store.exportParquet(viewer.viewer(store), out);
        spec.commandLine().getErr().printf("exported %,d statements to %s%n", n, out);
      } else if (out == null) {
        Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        n = store.exportFtm(viewer.viewer(store), w);
        w.flush();
      } else {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          n = store.exportFtm(viewer.viewer(store), w);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getErr().printf("exported %,d entities to %s%n", n, out);
      }
    }
    return 0;
  }
}
