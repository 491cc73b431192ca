package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.goods.PortIndex;
import org.spil.analysis.goods.Routes;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The scenario's routes: the emerging route through Lomé counted as the truth has it (every
 * shipment over TGLFW, none before month 20), ports placed with the World Port Index, filters by
 * port, country and days, and bad filters refused.
 */
class GoodsFlowsTest {
  @TempDir Path tmp;

  @Test
  void theRouteThroughLomeIsCountedAsTheTruthHasIt() throws IOException {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      GoodsFlows goods = new GoodsFlows(store, PortIndex.read(Path.of(ScenarioNetworkTest.PORTS)));
      GoodsFlows.RouteReport all =
          goods.routes(analyst, new GoodsFlows.RouteQuery(null, null, null, null));
      assertThat(all.shipments()).isGreaterThan(700);
      GoodsFlows.RouteReport lome =
          goods.routes(analyst, new GoodsFlows.RouteQuery("TG LFW", null, null, null));
      List<String> truth = Files.readAllLines(tmp.resolve("scenario/truth/route.csv"));
      assertThat(lome.shipments()).isEqualTo(truth.size() - 1);
      for (Routes.Route r : lome.routes()) {
        assertThat(r.ports()).contains("TGLFW");
        assertThat(r.transit()).contains("tg");
        assertThat(r.months().get(0).month())
            .as("no shipment before September 2024")
            .isGreaterThanOrEqualTo("2024-09");
      }
      assertThat(
              goods.routes(analyst, new GoodsFlows.RouteQuery(null, "tg", null, null)).shipments())
          .isEqualTo(lome.shipments());
      assertThat(
              goods
                  .routes(analyst, new GoodsFlows.RouteQuery("TGLFW", null, null, "2024-08-31"))
                  .shipments())
          .isZero();
      GoodsFlows.Port rotterdam =
          all.ports().stream().filter(p -> p.locode().equals("NLRTM")).findFirst().orElseThrow();
      assertThat(rotterdam.lat()).isBetween(51.0, 52.5);
      assertThat(rotterdam.shipments()).isPositive();
      assertThatThrownBy(() -> new GoodsFlows.RouteQuery("Rotterdam", null, null, null))
          .hasMessage("port: 'ROTTERDAM' is no UN/LOCODE (like NLRTM)");
      assertThatThrownBy(() -> new GoodsFlows.RouteQuery(null, null, "last week", null))
          .hasMessage("since: 'last week' is not a date (YYYY-MM-DD)");
    }
  }
}
