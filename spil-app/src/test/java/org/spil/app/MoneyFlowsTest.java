package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * On the synthetic scenario, the planted laundering patterns come back as alerts of their
 * typologies, scored as the issue of money flows scores them: a pattern is found when one alert
 * covers at least half its payments, an alert is right when at least half its payments belong to
 * one planted pattern (a fan-in alert on the accounts smurfs feed is right too).
 */
class MoneyFlowsTest {
  @TempDir Path tmp;

  /** The typology of the alerts that should find a planted kind of pattern. */
  static final Map<String, String> DETECTED_AS =
      Map.of(
          "fan-in-smurfing", "structuring",
          "company-cycle", "temporal-cycle",
          "pass-through-mule", "pass-through",
          "mirror-transfer", "mirror-transfer",
          "crypto-off-ramp", "crypto-off-ramp");

  /** Recall and precision per typology of alerts against a scenario's truth. */
  record Score(int planted, int found, int alerts, int right) {
    double recall() {
      return planted == 0 ? 1 : (double) found / planted;
    }

    double precision() {
      return alerts == 0 ? 1 : (double) right / alerts;
    }
  }

  static Map<String, Score> score(Path truth, List<MoneyFlows.Alert> alerts) throws IOException {
    Map<String, String> typologyOf = new HashMap<>();
    List<String> patterns = Files.readAllLines(truth.resolve("patterns.csv"));
    for (String line : patterns.subList(1, patterns.size())) {
      String[] f = line.split(",", 3);
      typologyOf.put(f[0], DETECTED_AS.getOrDefault(f[1], f[1]));
    }
    Map<String, String> patternOf = new HashMap<>();
    Map<String, Integer> sizeOf = new HashMap<>();
    List<String> rows = Files.readAllLines(truth.resolve("pattern_transactions.csv"));
    for (String line : rows.subList(1, rows.size())) {
      String[] f = line.split(",");
      patternOf.put(f[3], f[0]);
      sizeOf.merge(f[0], 1, Integer::sum);
    }
    Map<String, Set<String>> found = new TreeMap<>();
    Map<String, int[]> alertsRight = new TreeMap<>();
    for (MoneyFlows.Alert a : alerts) {
      Map<String, Integer> covered = new HashMap<>();
      a.payments().forEach(p -> covered.merge(patternOf.getOrDefault(p, "-"), 1, Integer::sum));
      int[] ar = alertsRight.computeIfAbsent(a.typology(), k -> new int[2]);
      ar[0]++;
      boolean right = false;
      for (Map.Entry<String, Integer> e : covered.entrySet()) {
        String pattern = e.getKey();
        if (pattern.equals("-")) {
          continue;
        }
        // found by its own typology; any alert on a planted pattern is right
        if (typologyOf.get(pattern).equals(a.typology())
            && 2 * e.getValue() >= sizeOf.get(pattern)) {
          found.computeIfAbsent(a.typology(), k -> new TreeSet<>()).add(pattern);
        }
        right |= 2 * e.getValue() >= a.payments().size();
      }
      ar[1] += right ? 1 : 0;
    }
    Map<String, Integer> planted = new TreeMap<>();
    typologyOf.values().forEach(t -> planted.merge(t, 1, Integer::sum));
    Map<String, Score> out = new TreeMap<>();
    Set<String> typologies = new TreeSet<>(planted.keySet());
    typologies.addAll(alertsRight.keySet());
    for (String t : typologies) {
      int[] ar = alertsRight.getOrDefault(t, new int[2]);
      out.put(
          t,
          new Score(
              planted.getOrDefault(t, 0), found.getOrDefault(t, Set.of()).size(), ar[0], ar[1]));
    }
    return out;
  }

  @Test
  void plantedLaunderingIsFound() throws IOException {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Path truth = tmp.resolve("scenario").resolve("truth");
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      List<MoneyFlows.Alert> alerts =
          new MoneyFlows(store).typologies(analyst, MoneyFlows.Query.all());
      Map<String, Score> scores = score(truth, alerts);
      scores.forEach(
          (t, s) ->
              System.out.printf(
                  "scenario 1,500: %-16s planted %2d found %2d (recall %.2f), alerts %3d"
                      + " (precision %.2f)%n",
                  t, s.planted(), s.found(), s.recall(), s.alerts(), s.precision()));
      for (MoneyFlows.Alert a : alerts) {
        if (a.typology().equals("pass-through")) {
          System.out.println(a.typology() + " " + a.score() + ": " + a.explanation());
        }
      }
      for (String typology : DETECTED_AS.values()) {
        Score s = scores.get(typology);
        assertThat(s.planted()).as(typology).isPositive();
        assertThat(s.recall()).as(typology + " recall").isGreaterThanOrEqualTo(0.9);
        assertThat(s.precision()).as(typology + " precision").isGreaterThanOrEqualTo(0.8);
      }
    }
  }
}
