package org.spil.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spil.app.Searching;
import org.spil.app.Searching.ExportFormat;
import org.spil.model.InvalidField;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil export}: what the viewer may see, as FollowTheMoney JSON lines (re-ingestible without
 * loss) or as statements in FtM's statement-table layout with their provenance (Parquet or CSV).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export visible entities as FtM JSON lines, or statements as Parquet or CSV.",
      "FtM output holds only what FollowTheMoney defines, plus Spil's own schemata (Shipment,"
          + " Seizure, BorderCrossing, LegalAssistanceRequest, AccountStatement; see spil schema"
          + " export) unless"
          + " --strict; a bank account's holder is written as an Ownership. Statements come in"
          + " FtM's statement-table layout (id, entity_id, canonical_id, prop, prop_type, schema,"
          + " value, original_value, dataset, lang, origin, first_seen, last_seen) with Spil's"
          + " provenance columns after them."
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--format", required = true, description = "ftm, parquet or csv.")
  String format;

  @Option(
      names = "--strict",
      description = "FtM only: leave out entities of Spil's own schemata, which FtM lacks.")
  boolean strict;

  @Option(names = "--force", description = "Replace the --out file if it exists.")
  boolean force;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file (FtM default: standard output).")
  Path out;

  @Override
  public Integer call() throws IOException {
    ExportFormat f = ExportFormat.parse(format);
    if (f != ExportFormat.FTM && out == null) {
      throw new InvalidField("out", "a statements export needs a file");
    }
    try (Store store = spil.open(false)) {
      Searching searching = new Searching(store);
      if (out == null) {
        Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        searching.exportFtm(viewer.viewer(store), w, strict);
        w.flush();
        return 0;
      }
      long n = searching.export(viewer.viewer(store), f, strict, out, force);
      spec.commandLine().getErr().printf("exported %,d %s to %s%n", n, f.unit(), out);
    }
    return 0;
  }
}
