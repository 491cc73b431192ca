package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.spil.app.Migration;
import org.spil.app.Operator;
import org.spil.model.InvalidField;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil migrate}: moves the data directory's statements to the lake of partitioned Parquet
 * (and keeps it current from then on), or loads a lake into the data directory.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Move the data directory's statements to another engine, or load them from one.",
      "--to parquet DIR writes every batch to the lake in DIR (an empty directory, or a lake this"
          + " data directory wrote before) as partitioned Parquet with provenance and policy"
          + " columns, and names it in backends.txt so that later ingests and purges keep it"
          + " current (--once: write it now only). --from parquet DIR loads a lake into this data"
          + " directory, whole or not at all. Every batch moved is audited."
    })
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--to", paramLabel = "ENGINE", description = "Write to: parquet.")
  String to;

  @Option(names = "--from", paramLabel = "ENGINE", description = "Load from: parquet.")
  String from;

  @Option(names = "--once", description = "With --to: do not keep the lake current afterwards.")
  boolean once;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Parameters(index = "0", paramLabel = "DIR", description = "The lake's directory.")
  Path lake;

  @Override
  public Integer call() {
    if ((to == null) == (from == null)) {
      throw new InvalidField("to", "give --to ENGINE or --from ENGINE, one of them");
    }
    if (once && from != null) {
      throw new InvalidField("once", "only with --to");
    }
    Migration.Engine.parse(to != null ? "to" : "from", to != null ? to : from);
    Progress progress =
        new Progress(spec.commandLine().getErr(), to != null ? "lake statements" : "load");
    Migration.Moved moved;
    try (Store store = spil.open(true, LocalDate.now())) {
      Migration m = new Migration(store);
      moved =
          to != null
              ? m.toLake(Operator.local(), lake, !once, progress)
              : m.fromLake(Operator.local(), lake, progress);
    } finally {
      progress.done();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, moved);
    } else {
      out.printf(
          "%s %s: %d batches added, %d written again, %d purged, %d unchanged; %,d statements in"
              + " %.1f s%n",
          moved.direction().equals("to") ? "wrote the lake" : "loaded the lake",
          moved.location(),
          moved.added(),
          moved.rewritten(),
          moved.purged(),
          moved.unchanged(),
          moved.statements(),
          moved.seconds());
      if (moved.keptCurrent()) {
        out.println("backends.txt names it: ingests and purges keep it current");
      }
    }
    out.flush();
    return 0;
  }
}
