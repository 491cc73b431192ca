package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.store.Stats;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil stats}: what the viewer may see, counted per dataset, schema and agency. */
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
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      s = store.stats(viewer.viewer(store));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("entities", s.entities());
      m.put("statements", s.statements());
      m.put("datasets", counts(s.byDataset()));
      m.put("schemata", counts(s.bySchema()));
      m.put("agencies", counts(s.byAgency()));
      m.put("handling_codes", counts(s.byHandlingCode()));
      Json.print(out, m);
      return 0;
    }
    out.printf(
        "visible to %s: %,d entities, %,d statements%n",
        viewer.user + " for " + viewer.purpose, s.entities(), s.statements());
    table(out, "dataset", s.byDataset());
    table(out, "schema", s.bySchema());
    table(out, "agency", s.byAgency());
    table(out, "handling code", s.byHandlingCode());
    out.flush();
    return 0;
  }

  static Map<String, Object> counts(List<Stats.Count> counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Stats.Count c : counts) {
      // in this order every time (Map.of's order changes from one run to the next)
      Map<String, Long> count = new LinkedHashMap<>();
      count.put("entities", c.entities());
      count.put("statements", c.statements());
      m.put(c.key(), count);
    }
    return m;
  }

  static void table(PrintWriter out, String title, List<Stats.Count> counts) {
    out.printf("%n  %-28s %12s %12s%n", title, "entities", "statements");
    for (Stats.Count c : counts) {
      out.printf("  %-28s %,12d %,12d%n", c.key(), c.entities(), c.statements());
    }
  }
}
