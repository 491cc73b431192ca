package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
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
    if (a.equals(b)) {
      throw new IllegalArgumentException("explain needs two different entities");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      Viewer v = viewer.viewer(store);
      Map<String, ResolveRecord> records = ResolveRecords.read(store, v);
      for (String id : new String[] {a, b}) {
        if (!records.containsKey(id)) {
          spec.commandLine()
              .getErr()
              .println(
                  "spil: no person or company '"
                      + id
                      + "' visible to "
                      + v.user().name()
                      + " for "
                      + v.purpose().token());
          return 1;
        }
      }
      Resolution resolution =
          new Resolution(ResolveRecords.list(records), Resolution.DEFAULT_THRESHOLD);
      resolution.score(Resolution.maxBlockFor(records.size()), 1);
      Resolution.Pair p = resolution.explain(records.get(a), records.get(b));
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        m.put("weight", Math.round(p.weight() * 100) / 100.0);
        m.put("probability", Math.round(p.probability() * 1000) / 1000.0);
        m.put("features", p.explanation());
        Json.print(out, m);
      } else {
        out.printf(
            "%s ~ %s: weight %+.2f bits, probability %.3f%n",
            records.get(a).name(), records.get(b).name(), p.weight(), p.probability());
        p.explanation().forEach(x -> out.println("  " + x));
      }
    }
    out.flush();
    return 0;
  }
}
