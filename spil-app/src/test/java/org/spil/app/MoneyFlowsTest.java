package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * On the synthetic scenario, the planted laundering patterns come back as alerts of their
 * typologies, scored by {@link PlantedLaundering}: recall at least 0.9 and precision at least 0.8
 * for every kind the scenario plants, at two seeds and scales; and the windowed features of the
 * same payments read back from Parquet.
 */
class MoneyFlowsTest {
  @TempDir Path tmp;

  /** Every kind the scenario plants found with recall 0.9 at precision 0.8; the alerts. */
  private static List<MoneyFlows.Alert> scored(Store store, Path dir, String name)
      throws IOException {
    Path truth = dir.resolve("scenario").resolve("truth");
    Viewer analyst = store.viewer("bench", Scenario.CASE);
    // the team's resolution, which ties the bank's payers to customs' consignees
    new Resolving(store).resolve(analyst, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
    List<MoneyFlows.Alert> alerts =
        new MoneyFlows(store).typologies(analyst, MoneyFlows.Query.all());
    Map<String, PlantedLaundering.Score> scores = PlantedLaundering.read(truth).score(alerts);
    scores.forEach(
        (t, s) ->
            System.out.printf(
                "scenario %s: %-16s planted %2d found %2d (recall %.2f), alerts %3d"
                    + " (precision %.2f)%n",
                name, t, s.planted(), s.found(), s.recall(), s.alerts(), s.precision()));
    assertThat(scores.keySet())
        .containsAll(PlantedLaundering.DETECTED_AS.values())
        .contains("fan-out", "scatter-gather", "gather-scatter", "trade-based");
    for (Map.Entry<String, PlantedLaundering.Score> e : scores.entrySet()) {
      String typology = e.getKey();
      PlantedLaundering.Score s = e.getValue();
      if (s.planted() == 0) {
        continue;
      }
      assertThat(s.recall()).as(name + " " + typology + " recall").isGreaterThanOrEqualTo(0.9);
      assertThat(s.precision())
          .as(name + " " + typology + " precision")
          .isGreaterThanOrEqualTo(0.8);
    }
    return alerts;
  }

  @Test
  void anotherSeedAndScaleToo() throws IOException {
    Path dir = tmp.resolve("seed-7");
    try (Store store =
        Scenario.warehouse(800, 7, dir, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      scored(store, dir, "scale 800, seed 7");
    }
  }

  @Test
  void plantedLaunderingIsFound() throws IOException {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      scored(store, tmp, "scale 1,500, seed 1");
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      // the windowed features of the same payments, as Parquet a notebook can read
      Path accounts = tmp.resolve("accounts.parquet");
      long rows =
          new MoneyFlows(store)
              .features(
                  analyst, MoneyFlows.Query.all(), 30, MoneyFlows.FeatureLevel.ACCOUNTS, accounts);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*), sum(alerts_structuring), max(window_fan_in),"
                      + " typeof(first(first_day)) FROM read_parquet('"
                      + accounts
                      + "')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(rows).isPositive();
        assertThat(rs.getLong(2)).as("accounts in structuring alerts").isPositive();
        assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(8);
        assertThat(rs.getString(4)).isEqualTo("DATE");
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    }
  }
}
