package org.spil.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.spil.app.Attribution;
import org.spil.app.Resolving;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench attribution}: who is behind the scenario's chat handles, at a scale, as the
 * case analyst: for the handles whose truth lists a clue that names someone (a shared device alone
 * does not), whether the true person is the first candidate or among the first five, per kind of
 * clue; and how long the reader's clues take to read and a handle to attribute.
 */
@Command(
    name = "attribution",
    mixinStandardHelpOptions = true,
    description =
        "Score the attribution of the scenario's chat handles against its truth, per kind of clue,"
            + " and time it.")
final class AttributionBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "3000",
      paramLabel = "N",
      description = "Persons of the scenario (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--handles",
      defaultValue = "300",
      paramLabel = "N",
      description = "Handles with a clue scored, in the truth's order (default: ${DEFAULT-VALUE}).")
  int handles;

  @Option(
      names = "--misses",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Print the first N handles whose true person is not first: the clues, the true person's"
              + " place and the first candidates with their evidence (default: none).")
  int misses;

  @Option(
      names = "--no-resolve",
      description =
          "Attribute without the team's resolution (a warehouse resolved before stays resolved);"
              + " by default the analyst's records are resolved first, as an analyst would.")
  boolean noResolve;

  @Mixin ScenarioBenchOptions scenario;

  @Override
  public Integer call() throws Exception {
    if (scale < 200 || handles < 1) {
      throw new InvalidField("scale", "--scale at least 200 and --handles at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = scenario.dir("attribution-bench", scale);
    try (Store store = scenario.open("attribution-bench", scale, out)) {
      Path truth = dir.resolve("scenario/truth");
      Map<String, String> truthOf = new HashMap<>();
      for (String line : Files.readAllLines(truth.resolve("records.csv"))) {
        String[] f = line.split(",", -1);
        truthOf.put(f[1], f[3]);
      }
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      Map<String, List<String>> clusters = store.resolutions().clusters(v);
      if (clusters.isEmpty() && !noResolve) {
        // the police's, KMar's and the chats' records of one person are one candidate once the
        // team has resolved them, as an analyst would have before attributing handles
        long r0 = System.nanoTime();
        new Resolving(store).resolve(v, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
        out.printf("resolved the analyst's records in %.1f s%n", (System.nanoTime() - r0) / 1e9);
        clusters = store.resolutions().clusters(v);
      }
      clusters.forEach(
          (canonical, members) ->
              members.stream()
                  .map(truthOf::get)
                  .filter(t -> t != null)
                  .findFirst()
                  .ifPresent(t -> truthOf.put(canonical, t)));
      out.printf(
          "%s%n",
          clusters.isEmpty()
              ? "records not resolved: each record its own candidate"
              : "records resolved by the team: " + clusters.size() + " clusters");
      Attribution attribution = new Attribution(store);
      Map<String, int[]> byClues = new TreeMap<>();
      int scored = 0;
      int first = 0;
      int topFive = 0;
      double clues = 0;
      int shown = 0;
      long start = System.nanoTime();
      List<String> lines = Files.readAllLines(truth.resolve("attribution.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (f[3].isEmpty() || f[3].equals("device")) {
          continue;
        }
        if (scored == handles) {
          break;
        }
        long t = System.nanoTime();
        List<Attribution.Candidate> candidates = attribution.attribute(v, f[0]).candidates();
        if (scored++ == 0) {
          clues = (System.nanoTime() - t) / 1e9;
        }
        int[] row = byClues.computeIfAbsent(f[3], k -> new int[3]);
        row[2]++;
        int place = -1;
        for (int i = 0; i < candidates.size() && place < 0; i++) {
          if (f[1].equals(truthOf.get(candidates.get(i).person()))) {
            place = i;
          }
        }
        if (place >= 0 && place < 5) {
          row[place == 0 ? 0 : 1]++;
          first += place == 0 ? 1 : 0;
          topFive++;
        }
        if (place != 0 && shown++ < misses) {
          out.printf(
              "miss %s (%s; truth %s '%s'): the true person %s%n",
              f[0], f[3], f[1], f[2], place < 0 ? "not a candidate" : "candidate " + (place + 1));
          for (Attribution.Candidate c :
              candidates.subList(0, Math.min(Math.max(3, place + 1), candidates.size()))) {
            out.printf(
                "    %s %s (%s) %.3f%n",
                f[1].equals(truthOf.get(c.person())) ? "*" : " ",
                c.caption(),
                truthOf.get(c.person()),
                c.score());
            c.evidence().forEach(e -> out.printf("        %s%n", e));
          }
        }
      }
      double total = (System.nanoTime() - start) / 1e9;
      out.printf(
          "scale %,d: %d handles with a clue: the true person first for %d (%.3f), in the first"
              + " five for %d (%.3f)%n",
          scale, scored, first, first / (double) scored, topFive, topFive / (double) scored);
      out.printf(
          "  the reader's clues read with the first handle: %.1f s; the others %.0f ms a handle%n",
          clues, scored > 1 ? (total - clues) * 1000 / (scored - 1) : 0);
      out.printf("  %-50s %7s %7s %7s%n", "clues", "first", "top 5", "handles");
      byClues.forEach((c, n) -> out.printf("  %-50s %7d %7d %7d%n", c, n[0], n[0] + n[1], n[2]));
      out.flush();
    }
    return 0;
  }
}
