package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.DirectoryTree;
import org.spil.app.Ingestion;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.ingest.Reject;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil ingest DIR...}: reads dataset directories into the warehouse, one batch each. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest dataset directories (each with a dataset.yml) into the warehouse.",
      "Each dataset becomes one atomic batch; unchanged files add nothing; invalid values are"
          + " reported as file:line: column: reason and kept with the batch (see 'spil"
          + " rejects')."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Dataset directories.")
  List<Path> dirs;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Date the data was supplied (default: today).")
  LocalDate asOf;

  @Option(names = "--json", description = "Print a JSON summary.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Dataset> datasets = Ingestion.read(dirs);
    LocalDate day = asOf != null ? asOf : LocalDate.now();
    List<Ingestion.Summary> summaries = new ArrayList<>();
    boolean fresh = !Files.exists(spil.dataDir());
    try (Store store = spil.open(true)) {
      for (Dataset d : datasets) {
        Progress progress = new Progress(err, "ingest " + d.name() + " rows");
        Progress indexing = new Progress(err, "index " + d.name() + " entities");
        Ingestion.Outcome o;
        try {
          o = Ingestion.run(store, d, day, Operator.local(), progress, indexing);
        } finally {
          progress.done();
          indexing.done();
        }
        summaries.add(o.summary());
        if (!json) {
          print(out, o);
        }
      }
    } catch (RuntimeException e) {
      if (fresh && summaries.isEmpty()) {
        // nothing was committed into a directory this command made: leave nothing behind
        deleteQuietly(spil.dataDir());
      }
      throw e;
    }
    if (json) {
      Output.json(out, summaries);
    }
    return 0;
  }

  private static void deleteQuietly(Path dir) {
    try {
      DirectoryTree.delete(dir);
    } catch (IOException e) {
      // the failure that brought us here is what the user must see
    }
  }

  static void print(PrintWriter out, Ingestion.Outcome o) {
    if (o.unchangedSince().isPresent()) {
      out.printf(
          "%s: unchanged since batch %d; nothing added%n",
          o.dataset().name(), o.unchangedSince().get().id());
      out.flush();
      return;
    }
    var b = o.batch();
    out.printf(
        "%s (%s): batch %d, %,d rows, %s%,d entities, %,d statements (%,d new), %,d rejected rows,"
            + " %.1f s (warehouse %.1f s, search, match and message indexes %.1f s)%n",
        o.dataset().name(),
        o.dataset().agency(),
        b.id(),
        o.report().rows(),
        b.messages() == 0 ? "" : String.format("%,d messages, ", b.messages()),
        b.entities(),
        b.statements(),
        b.newStatements(),
        o.report().rejectedRows(),
        o.seconds(),
        o.seconds() - o.indexSeconds(),
        o.indexSeconds());
    for (String w : o.report().warnings()) {
      out.println("  warning: " + w);
    }
    int shown = 0;
    for (Reject r : o.report().rejects()) {
      if (shown++ == 10) {
        out.printf(
            "  ... %,d more: spil rejects --batch %d --as %s%n",
            o.report().rejects().size() - 10, b.id(), o.dataset().agency());
        break;
      }
      out.println("  rejected " + TerminalText.safe(r.toString()));
    }
    out.flush();
  }
}
