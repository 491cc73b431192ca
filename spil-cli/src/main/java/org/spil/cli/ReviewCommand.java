package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil review}: the candidate pairs whose match probability lies closest to the threshold,
 * not yet judged, with explanations: where an analyst's judgement ({@code spil judge}) helps most.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Pairs closest to the threshold, for judgement.")
final class ReviewCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--threshold", defaultValue = "" + Resolution.DEFAULT_THRESHOLD, paramLabel = "P")
  double threshold;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      Viewer v = viewer.viewer(store);
      Map<String, ResolveRecord> records = ResolveRecords.read(store, v);
      Resolution resolution = new Resolution(ResolveRecords.list(records), threshold);
      resolution.score(Resolution.maxBlockFor(records.size()), 1);
      java.util.Set<String> judged = new java.util.HashSet<>();
      for (Store.Judgement j : store.judgements()) {
        judged.add(j.a() + " " + j.b());
      }
      List<Resolution.Pair> pairs = new ArrayList<>(resolution.pairs());
      pairs.removeIf(
          p -> judged.contains(p.a() + " " + p.b()) || judged.contains(p.b() + " " + p.a()));
      pairs.sort(
          Comparator.comparingDouble(
              p ->
                  Math.abs(
                      Math.log(p.probability() / (1 - p.probability()))
                          - Math.log(threshold / (1 - threshold)))));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Resolution.Pair p : pairs.subList(0, Math.min(limit, pairs.size()))) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", p.a());
        m.put("b", p.b());
        m.put("name_a", records.get(p.a()).name());
        m.put("name_b", records.get(p.b()).name());
        m.put("probability", Math.round(p.probability() * 1000) / 1000.0);
        m.put("explanation", p.explanation());
        rows.add(m);
        if (!json) {
          out.printf(
              "%.3f  %s ~ %s%n       spil judge %s %s same|different%n",
              p.probability(), records.get(p.a()).name(), records.get(p.b()).name(), p.a(), p.b());
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
