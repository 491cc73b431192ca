package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.store.Retention;
import org.spil.store.Store;
import org.spil.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil retention apply}: purges statements past their retention date. Reads stop showing
 * them on that date by themselves; this removes them from the warehouse and the index, after
 * writing their ids (never values) to the audit log, and rewrites the warehouse file and the index
 * segments so that no byte of a purged value stays on disk.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Purge statements past their retention date.",
    subcommands = {RetentionCommand.Apply.class})
final class RetentionCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Purge every batch past retain_until (audited: statement ids, not values).")
  static final class Apply implements Callable<Integer> {
    @ParentCommand RetentionCommand parent;

    @Option(names = "--dry-run", description = "Only list what would be purged.")
    boolean dryRun;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "The day to apply retention for (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      try (Store store = parent.spil.open(!dryRun, day)) {
        Administration admin = new Administration(store);
        Retention.Purged purged = dryRun ? null : admin.purge(Operator.local());
        List<Retention.Expired> expired = dryRun ? admin.expired() : purged.batches();
        for (Retention.Expired e : expired) {
          out.printf(
              "%s batch %d (%s, retain until %s): %,d statements%n",
              dryRun ? "would purge" : "purged",
              e.batch().id(),
              e.batch().provenance().dataset(),
              e.batch().provenance().retainUntil(),
              e.statements());
        }
        if (expired.isEmpty()) {
          out.println("nothing past its retention date on " + day);
        }
        if (purged != null && purged.compaction() != null) {
          Warehouse.Compaction c = purged.compaction();
          out.printf(
              "warehouse rewritten without the purged values: %,d MB to %,d MB in %.1f s%n",
              c.bytesBefore() >> 20, c.bytesAfter() >> 20, c.millis() / 1000.0);
        }
      }
      out.flush();
      return 0;
    }
  }
}
