package org.spil.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.app.Searching;
import org.spil.store.Stats;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil stats}: what the viewer may see, counted per dataset, schema and agency; for a
 * counts-only purpose, the rounded counts with a note of how they were disclosed.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Count visible entities and statements.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Stats s;
    try (Store store = spil.open(false)) {
      s = new Searching(store).stats(viewer.viewer(store));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, s);
      return 0;
    }
    out.printf(
        "visible to %s: %,d entities, %,d statements%n",
        viewer.user + " for " + viewer.purpose, s.entities(), s.statements());
    if (s.disclosure() != null) {
      out.printf("(%s)%n", s.disclosure());
    }
    table(out, "dataset", s.datasets());
    table(out, "schema", s.schemata());
    table(out, "agency", s.agencies());
    table(out, "handling code", s.handlingCodes());
    out.flush();
    return 0;
  }

  static void table(PrintWriter out, String title, Map<String, Stats.Count> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.printf("%n  %-28s %12s %12s%n", title, "entities", "statements");
    counts.forEach(
        (key, c) -> out.printf("  %-28s %,12d %,12d%n", key, c.entities(), c.statements()));
  }
}
