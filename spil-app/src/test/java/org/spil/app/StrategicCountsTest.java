package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.monitor.SmallCells;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * Counts for strategic analysis on the scenario: across the partners' count-only data, on the fixed
 * grid, no published cell below ten entities, no withheld cell to be had by subtracting published
 * ones from a month's total, and no question off the grid.
 */
class StrategicCountsTest {
  @TempDir Path tmp;

  static Trends.Query query(Trends.Measure m, String by, Tallies.Period p) {
    return new Trends.Query(m, by, null, p, null, null, 0);
  }

  @Test
  void strategicCountsArePublishedOnTheGridWithSmallCellsWithheld() throws Exception {
    try (Store store =
        Scenario.warehouse(
            3_000, 1, tmp.resolve("w"), Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      new Administration(store)
          .addUser(
              new Operator("test"),
              "strateeg",
              "politie-nl",
              List.of("analyst"),
              "strateeg-password-2026".toCharArray());
      Viewer v = store.viewer("strateeg", "strategic");
      assertThat(store.countsOnly(v)).isTrue();
      Trends trends = new Trends(store);

      List<Trends.Trend> all =
          trends.trends(v, query(Trends.Measure.SHIPMENTS, "all", Tallies.Period.MONTH));
      assertThat(all).hasSize(1);
      Map<String, Double> totals = new HashMap<>();
      all.get(0).points().forEach(p -> totals.put(p.period(), p.value()));
      assertThat(totals.values()).anyMatch(x -> x != null && x >= SmallCells.K);

      int withheld = 0;
      int published = 0;
      for (String by : List.of("country", "port", "route", "goods", "agency")) {
        List<Trends.Trend> series =
            trends.trends(v, query(Trends.Measure.SHIPMENTS, by, Tallies.Period.MONTH));
        Map<String, Double> sums = new HashMap<>();
        for (Trends.Trend t : series) {
          for (Trends.Point p : t.points()) {
            if (p.value() == null) {
              assertThat(p.suppressed()).isTrue();
              withheld++;
            } else {
              assertThat(p.value()).as("%s %s", t.series(), p.period()).isGreaterThanOrEqualTo(10);
              published++;
              sums.merge(p.period(), p.value(), Double::sum);
            }
          }
        }
        if (by.equals("goods") || by.equals("agency")) {
          // one key per shipment: a published total less the published cells is what is withheld
          for (Map.Entry<String, Double> t : totals.entrySet()) {
            if (t.getValue() == null) {
              continue;
            }
            double residual = t.getValue() - sums.getOrDefault(t.getKey(), 0.0);
            assertThat(residual == 0 || residual >= SmallCells.K)
                .as("%s %s: %s withheld", by, t.getKey(), residual)
                .isTrue();
          }
        }
      }
      assertThat(withheld).as("small cells withheld").isPositive();
      assertThat(published).as("large cells published").isPositive();

      for (Trends.Trend t :
          trends.trends(v, query(Trends.Measure.SHIPMENTS, "country", Tallies.Period.QUARTER))) {
        assertThat(t.points())
            .allMatch(p -> p.value() == null || p.value() >= SmallCells.K)
            .allMatch(p -> p.period().matches("[0-9]{4}Q[1-4]"));
      }

      assertThatThrownBy(
              () ->
                  trends.trends(
                      v,
                      new Trends.Query(
                          Trends.Measure.SHIPMENTS,
                          "country",
                          null,
                          Tallies.Period.MONTH,
                          "2024-03-14",
                          null,
                          0)))
          .hasMessageContaining("fixed grid");
      assertThatThrownBy(
              () -> trends.trends(v, query(Trends.Measure.SHIPMENTS, "port", Tallies.Period.WEEK)))
          .hasMessageContaining("not per week");
      assertThatThrownBy(
              () ->
                  trends.trends(
                      v, query(Trends.Measure.SHIPMENT_VALUE, "country", Tallies.Period.MONTH)))
          .hasMessageContaining("counts only");
      // signals only in series published whole: every month of each shown
      List<Trends.Change> signals =
          trends.signals(v, null, org.spil.analysis.monitor.Detection.defaults());
      for (Trends.Change c : signals) {
        List<Trends.Trend> series =
            trends.trends(
                v,
                new Trends.Query(
                    Trends.Measure.of(c.series().measure()),
                    c.series().by(),
                    c.series().key(),
                    Tallies.Period.MONTH,
                    null,
                    null,
                    0));
        assertThat(series).hasSize(1);
        assertThat(series.get(0).points()).allMatch(p -> p.value() != null);
      }
      // focus countries from the published quarterly cells alone: each reason's count is a cell
      // the grid publishes, and nothing is read from a record (no payments, networks, pending)
      Map<String, Trends.Measure> measures =
          Map.of(
              "flows", Trends.Measure.SHIPMENTS,
              "seizures", Trends.Measure.SEIZURES,
              "crossings", Trends.Measure.CROSSINGS,
              "requests", Trends.Measure.MLA_REQUESTS);
      List<FocusCountries.Ranked> focus =
          new FocusCountries(store)
              .rank(
                  v,
                  null,
                  0,
                  FocusCountries.weights(store.dir(), null),
                  org.spil.analysis.monitor.Detection.defaults());
      assertThat(focus).isNotEmpty();
      int cells = 0;
      for (FocusCountries.Ranked r : focus) {
        for (var reason : r.reasons()) {
          assertThat(reason.indicator()).isNotIn("payments", "networks", "pending");
          Trends.Measure m = measures.get(reason.indicator());
          if (m == null) {
            continue;
          }
          List<Trends.Trend> cell =
              trends.trends(
                  v,
                  new Trends.Query(
                      m, "country", r.country(), Tallies.Period.QUARTER, null, null, 0));
          assertThat(cell).as("%s %s", r.country(), reason.indicator()).hasSize(1);
          assertThat(cell.get(0).points())
              .as("%s %s %s", r.country(), reason.indicator(), r.quarter())
              .anyMatch(
                  p ->
                      p.period().equals(r.quarter())
                          && p.value() != null
                          && p.value() == reason.value()
                          && p.value() >= SmallCells.K);
          cells++;
        }
      }
      assertThat(cells).as("reasons checked against their published cells").isPositive();
      assertThat(Files.readString(store.dir().resolve("audit.jsonl")))
          .contains("\"strategic-counts\"")
          .contains("\"tallies-counted\"")
          .contains("focus countries");
    }
  }
}
