package org.spil.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil reindex}: rebuilds the derived indexes (search, and the hit/no-hit match codes) from
 * the warehouse, in one read of each batch.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the derived indexes (search, hit/no-hit match codes) from the warehouse.")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Progress progress = new Progress(spec.commandLine().getErr(), "reindex documents");
    int batches;
    try (Store store = Store.openForReindex(spil.dataDir(), LocalDate.now())) {
      batches = new Administration(store).reindex(progress);
    } finally {
      progress.done();
    }
    spec.commandLine()
        .getOut()
        .printf(
            "reindexed %d batches (search, match and message indexes) in %.1f s%n",
            batches, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
