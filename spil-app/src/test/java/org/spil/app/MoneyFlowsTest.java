package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * On the synthetic scenario, money round-tripped through companies (the planted company cycles)
 * comes back as temporal-cycle alerts, scored as the issue of money flows scores typologies: a
 * pattern is found when one alert covers at least half its payments, an alert is right when at
 * least half its payments belong to one pattern.
 */
class MoneyFlowsTest {
  @TempDir Path tmp;

  @Test
  void plantedCompanyCyclesAreFound() throws IOException {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Path truth = tmp.resolve("scenario").resolve("truth");
      Set<String> cyclePatterns = new TreeSet<>();
      for (String line : Files.readAllLines(truth.resolve("patterns.csv"))) {
        String[] f = line.split(",", 3);
        if (f[1].equals("company-cycle")) {
          cyclePatterns.add(f[0]);
        }
      }
      Map<String, String> patternOf = new HashMap<>();
      Map<String, Integer> sizeOf = new HashMap<>();
      for (String line : Files.readAllLines(truth.resolve("pattern_transactions.csv"))) {
        String[] f = line.split(",");
        if (cyclePatterns.contains(f[0])) {
          patternOf.put(f[3], f[0]);
          sizeOf.merge(f[0], 1, Integer::sum);
        }
      }
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      List<MoneyFlows.Alert> alerts = new MoneyFlows(store).cycles(analyst, 8, 30, 0.05);
      Set<String> found = new TreeSet<>();
      int right = 0;
      for (MoneyFlows.Alert a : alerts) {
        Map<String, Integer> covered = new HashMap<>();
        a.payments().forEach(p -> covered.merge(patternOf.getOrDefault(p, "-"), 1, Integer::sum));
        for (Map.Entry<String, Integer> e : covered.entrySet()) {
          if (!e.getKey().equals("-") && 2 * e.getValue() >= sizeOf.get(e.getKey())) {
            found.add(e.getKey());
          }
          if (!e.getKey().equals("-") && 2 * e.getValue() >= a.payments().size()) {
            right++;
          }
        }
        assertThat(a.explanation()).contains("came back to it").contains("days later");
      }
      double recall = (double) found.size() / cyclePatterns.size();
      double precision = alerts.isEmpty() ? 0 : (double) right / alerts.size();
      System.out.printf(
          "scenario 1,500: company cycles %d planted, %d found (recall %.2f), %d alerts"
              + " (precision %.2f)%n",
          cyclePatterns.size(), found.size(), recall, alerts.size(), precision);
      assertThat(cyclePatterns).isNotEmpty();
      assertThat(recall).isGreaterThanOrEqualTo(0.9);
      assertThat(precision).isGreaterThanOrEqualTo(0.8);
    }
  }
}
