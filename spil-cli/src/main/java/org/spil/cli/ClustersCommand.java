package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil clusters}: the viewer's last resolution, restricted to what it may see now. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = "List the clusters of your last spil resolve (canonical id and members).")
final class ClustersCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--all", description = "Include clusters of a single record.")
  boolean all;

  @Option(names = "--json", description = "Print [{canonical_id, members}].")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      Map<String, List<String>> clusters = store.clusters(viewer.viewer(store));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
        if (!all && e.getValue().size() < 2) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("canonical_id", e.getKey());
        m.put("members", e.getValue());
        rows.add(m);
        if (!json) {
          out.printf(
              "%s  %d  %s%n", e.getKey(), e.getValue().size(), String.join(" ", e.getValue()));
        }
      }
      if (json) {
        Json.print(out, rows);
      }
    }
    out.flush();
    return 0;
  }
}
