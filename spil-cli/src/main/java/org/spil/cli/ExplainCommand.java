package org.spil.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spil.app.Resolving;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil explain A B}: why two records are (not) the same, per feature: the level reached and
 * its weight in bits, from the model estimated on what the viewer may see. Built only from visible
 * values; an entity the viewer cannot see is reported like a missing one.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain the match score of two entities.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "A")
  String a;

  @Parameters(index = "1", paramLabel = "B")
  String b;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Resolving.Explanation> found;
    try (Store store = spil.open(false)) {
      found = new Resolving(store).explain(viewer.viewer(store), a, b);
    }
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .printf(
              "spil: '%s' and '%s' are not both persons or companies visible to %s for %s%n",
              a, b, viewer.user, viewer.purpose);
      return 1;
    }
    Resolving.Explanation e = found.get();
    if (json) {
      Output.json(out, e);
      return 0;
    }
    out.printf(
        "%s ~ %s: weight %+.2f bits, probability %.3f%n",
        e.nameA(), e.nameB(), e.weight(), e.probability());
    e.features().forEach(x -> out.println("  " + x));
    out.flush();
    return 0;
  }
}
