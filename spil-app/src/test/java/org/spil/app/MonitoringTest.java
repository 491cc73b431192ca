package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.monitor.Detection;
import org.spil.analysis.monitor.Series;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * Monitoring on the scenario at three seeds (10,000 persons): the route through Lomé flagged as an
 * emergence within two months of the month {@code truth/changes.csv} plants it, and no more than
 * one signal per twenty series-years that matches no planted change; series count only what the
 * viewer may see (the border police's analyst counts no shipment, and no signal names one); Togo
 * among the five focus countries the quarter after the route starts, moved by the growth of its
 * flows; weekly and quarterly periods; bad questions refused with the reason.
 */
class MonitoringTest {
  @TempDir Path tmp;

  @Test
  void theRouteThroughLomeIsFlaggedWithinTwoMonthsAtThreeSeeds() throws IOException {
    for (long seed : List.of(1L, 7L, 11L)) {
      Path dir = tmp.resolve("seed" + seed);
      try (Store store =
          Scenario.warehouse(10_000, seed, dir, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
        Viewer v = store.viewer("bench", Scenario.CASE);
        Detection d = Detection.defaults();
        List<Series> monthly = new Trends(store).monitored(v);
        List<Trends.Change> signals = Trends.changes(monthly, null, d);
        List<String[]> planted =
            Files.readAllLines(dir.resolve("scenario/truth/changes.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", 7))
                .toList();
        String start = planted.get(0)[4];
        Trends.Change lome =
            signals.stream()
                .filter(c -> c.series().by().equals("port") && c.series().key().equals("TGLFW"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no signal on TGLFW at seed " + seed));
        assertThat(lome.kind()).isEqualTo("emergence");
        assertThat(months(start, lome.start())).as("seed %d", seed).isBetween(0L, 1L);
        assertThat(months(start, lome.called())).as("seed %d", seed).isBetween(0L, 2L);
        long falses =
            signals.stream().filter(c -> planted.stream().noneMatch(p -> matches(p, c))).count();
        double seriesYears =
            monthly.stream()
                .filter(s -> s.total() >= d.get("min-total"))
                .mapToDouble(s -> s.values().length / 12.0)
                .sum();
        System.out.printf(
            "monitoring, seed %d: %d signals, %d false in %.0f series-years; Lomé %s called %s%n",
            seed, signals.size(), falses, seriesYears, lome.start(), lome.called());
        assertThat(falses).as("seed %d", seed).isLessThanOrEqualTo((long) (seriesYears / 20));
        // per week, the route's start is placed to its week: September 2024 is 2024-W35 to W40
        Trends.Change weekly =
            new Trends(store)
                .signals(v, null, d, Tallies.Period.WEEK).stream()
                    .filter(c -> c.series().by().equals("port") && c.series().key().equals("TGLFW"))
                    .findFirst()
                    .orElseThrow(
                        () -> new AssertionError("no weekly signal on TGLFW, seed " + seed));
        System.out.printf("weekly, seed %d: %s%n", seed, weekly.explanation());
        assertThat(weekly.kind()).isEqualTo("emergence");
        assertThat(weekly.start()).as("seed %d", seed).isBetween("2024-W33", "2024-W44");
        // the transit country of the new route is a focus country the quarter after it starts
        List<FocusCountries.Ranked> focus =
            new FocusCountries(store)
                .rank(v, "2024Q4", 5, FocusCountries.weights(dir, null), Detection.defaults());
        System.out.printf(
            "focus 2024Q4, seed %d: %s%n",
            seed, focus.stream().map(FocusCountries.Ranked::country).toList());
        assertThat(focus).extracting(FocusCountries.Ranked::country).contains("tg");
        FocusCountries.Ranked togo =
            focus.stream().filter(r -> r.country().equals("tg")).findFirst().orElseThrow();
        assertThat(togo.reasons()).extracting(r -> r.indicator()).contains("growth");
        assertThat(togo.history()).allSatisfy(p -> assertThat(p.quarter()).isLessThan("2024Q4"));
        if (seed == 1) {
          policyAndQuestions(store, v);
        }
      }
    }
  }

  private void policyAndQuestions(Store store, Viewer v) throws IOException {
    Trends trends = new Trends(store);
    // counts are the viewer's own: the sum of a dimension's "all" equals the visible entities
    long crossings =
        store.entities().forEachEntity(v, Set.of("BorderCrossing"), (id, s, src, p) -> {});
    List<Trends.Trend> all =
        trends.trends(
            v,
            new Trends.Query(
                Trends.Measure.CROSSINGS, "all", null, Tallies.Period.QUARTER, null, null, 0));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).total()).isEqualTo(crossings);
    assertThat(all.get(0).points().get(0).period()).isEqualTo("2023Q1");
    List<Trends.Trend> weeks =
        trends.trends(
            v,
            new Trends.Query(
                Trends.Measure.SHIPMENTS,
                "port",
                "TGLFW",
                Tallies.Period.WEEK,
                "2024-09",
                "2024-10",
                0));
    assertThat(weeks).hasSize(1);
    assertThat(weeks.get(0).points().get(0).period()).isEqualTo("2024-W35");
    assertThat(weeks.get(0).total()).isPositive();
    // the border police's analyst, reading for its legal task, sees no customs declaration:
    // no shipment is counted for it, and no signal names a shipment series
    new Administration(store)
        .addUser(
            new Operator("test"),
            "kmar.analist",
            "kmar",
            List.of("analyst"),
            "kmar-analist-password".toCharArray());
    Viewer border = store.viewer("kmar.analist", "wpg-art-8");
    assertThat(
            trends.trends(
                border,
                new Trends.Query(
                    Trends.Measure.SHIPMENTS, "port", null, Tallies.Period.MONTH, null, null, 0)))
        .isEmpty();
    assertThat(trends.signals(border, null, Detection.defaults()))
        .noneMatch(c -> c.series().measure().startsWith("shipment"));
    assertThatThrownBy(
            () ->
                trends.trends(
                    v,
                    new Trends.Query(
                        Trends.Measure.SEIZURES,
                        "port",
                        null,
                        Tallies.Period.MONTH,
                        null,
                        null,
                        0)))
        .hasMessageContaining("seizures cannot be broken down by 'port'");
    assertThatThrownBy(
            () ->
                trends.trends(
                    v,
                    new Trends.Query(
                        Trends.Measure.SHIPMENTS,
                        "port",
                        null,
                        Tallies.Period.MONTH,
                        "2024-13",
                        null,
                        0)))
        .hasMessageContaining("--since '2024-13' is not a day");
    assertThatThrownBy(() -> Trends.Measure.of("tonnes"))
        .hasMessageContaining("no measure 'tonnes'");
    // focus weights from a file: a changed weight moves the score, a misspelt one is refused
    Path weights = tmp.resolve("focus.weights");
    Files.writeString(weights, "# volume counts little\nflows = 0.5\n");
    assertThat(FocusCountries.weights(tmp, weights)).containsEntry("flows", 0.5);
    Files.writeString(weights, "flows = 1\ngrowht = 2\n");
    assertThatThrownBy(() -> FocusCountries.weights(tmp, weights))
        .hasMessageContaining("line 2")
        .hasMessageContaining("no indicator 'growht'");
    Files.writeString(weights, "growth = lots\n");
    assertThatThrownBy(() -> FocusCountries.weights(tmp, weights))
        .hasMessageContaining("not a weight from 0 to 100");
  }

  private static boolean matches(String[] planted, Trends.Change c) {
    String pattern =
        String.join(
            ".*",
            List.of(planted[2].split("\\*", -1)).stream()
                .map(java.util.regex.Pattern::quote)
                .toList());
    return c.series().measure().equals(planted[0])
        && c.series().by().equals(planted[1])
        && c.series().key().matches(pattern)
        && c.down() == planted[3].equals("drop")
        && months(planted[4], c.start()) >= (c.slope() ? -4 : -2)
        && months(planted[5], c.start()) <= 2;
  }

  private static long months(String from, String to) {
    return ChronoUnit.MONTHS.between(YearMonth.parse(from), YearMonth.parse(to));
  }
}
