package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Searching;
import org.spil.store.BatchWriter;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil rejects}: the values an agency's own batches rejected, to fix at the source. */
@Command(
    name = "rejects",
    mixinStandardHelpOptions = true,
    description = "List rejected values (file:line: column: reason) of your agency's batches.")
final class RejectsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--batch", description = "Only this batch.")
  Long batch;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<BatchWriter.RejectRow> rows;
    try (Store store = spil.open(false)) {
      rows = new Searching(store).rejects(viewer.viewer(store), batch);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, rows);
      return 0;
    }
    for (BatchWriter.RejectRow r : rows) {
      // the value is as the file gave it, control characters and all
      out.println(
          TerminalText.safe(
              String.format(
                  "%s:%d: %s: %s  (value: %s)",
                  r.file(), r.line(), r.column(), r.reason(), r.value())));
    }
    out.flush();
    return 0;
  }
}
