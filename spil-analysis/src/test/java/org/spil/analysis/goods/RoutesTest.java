package org.spil.analysis.goods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Routes counted from hand-made shipments and from random ones against a plain count, and the World
 * Port Index read from the real file.
 */
class RoutesTest {
  private static final LocalDate DAY = LocalDate.of(2024, 9, 14);

  @Test
  void aRouteIsItsPortsWithCountriesAndMonths() {
    List<Routes.Shipment> s =
        List.of(
            new Routes.Shipment("ECGYE", "TGLFW", "NLRTM", DAY, 21_000, 40_000),
            new Routes.Shipment("ecgye", "TG LFW", "NLRTM", DAY.plusMonths(1), 19_000, 30_000),
            new Routes.Shipment("ECGYE", null, "NLRTM", DAY, 20_000, 35_000),
            new Routes.Shipment("NLRTM", "", "NLRTM", DAY, 1_000, 1_000));
    List<Routes.Route> routes = Routes.of(s);
    assertThat(routes).as("a shipment that goes nowhere is no route").hasSize(2);
    Routes.Route lome = routes.get(0);
    assertThat(lome.ports()).containsExactly("ECGYE", "TGLFW", "NLRTM");
    assertThat(lome.source()).isEqualTo("ec");
    assertThat(lome.transit()).containsExactly("tg");
    assertThat(lome.destination()).isEqualTo("nl");
    assertThat(lome.shipments()).isEqualTo(2);
    assertThat(lome.tonnes()).isEqualTo(40.0);
    assertThat(lome.value()).isEqualTo(70_000.0);
    assertThat(lome.months()).extracting(Routes.Month::month).containsExactly("2024-09", "2024-10");
    assertThat(routes.get(1).transit()).isEmpty();
  }

  @Test
  void randomShipmentsAddUpAsAPlainCountDoes() {
    SplittableRandom r = new SplittableRandom(11);
    String[] ports = {"ECGYE", "COCTG", "TGLFW", "PABLB", "NLRTM", "BEANR"};
    List<Routes.Shipment> shipments = new ArrayList<>();
    Map<String, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      String a = ports[r.nextInt(2)];
      String t = r.nextBoolean() ? null : ports[2 + r.nextInt(2)];
      String b = ports[4 + r.nextInt(2)];
      shipments.add(new Routes.Shipment(a, t, b, DAY.plusDays(r.nextInt(400)), 1000, 1));
      oracle.merge(a + ">" + (t == null ? "" : t + ">") + b, 1, Integer::sum);
    }
    Map<String, Integer> counted = new HashMap<>();
    for (Routes.Route route : Routes.of(shipments)) {
      counted.put(String.join(">", route.ports()), route.shipments());
      assertThat(route.months().stream().mapToInt(Routes.Month::shipments).sum())
          .isEqualTo(route.shipments());
    }
    assertThat(counted).isEqualTo(oracle);
  }

  @Test
  void theWorldPortIndexGivesRotterdamAndLome() {
    PortIndex index = PortIndex.read(Path.of("../../shared/data/geo/UpdatedPub150.csv"));
    assertThat(index.size()).isGreaterThan(1_000);
    PortIndex.Port rotterdam = index.get("NL RTM");
    assertThat(rotterdam.name()).containsIgnoringCase("Rotterdam");
    assertThat(rotterdam.country()).isEqualTo("nl");
    assertThat(rotterdam.lat()).isBetween(51.0, 52.5);
    assertThat(rotterdam.lon()).isBetween(3.5, 5.0);
    assertThat(index.get("TGLFW").lat()).isBetween(5.0, 7.0);
    assertThat(index.get("XXXXX")).isNull();
  }

  @Test
  void aFileThatIsNoPortIndexIsRefused() {
    assertThatThrownBy(() -> PortIndex.read(new StringReader("a,b\n1,2\n"), "ports.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ports.csv:1: no 'UN/LOCODE' column; is it the World Port Index (Pub. 150)?");
    assertThatThrownBy(() -> PortIndex.read(Path.of("no/such/file.csv")))
        .hasMessageStartingWith("no/such/file.csv: cannot read");
  }

  static PortIndex small() throws IOException {
    return PortIndex.read(
        new StringReader(
            "UN/LOCODE,Main Port Name,Latitude,Longitude\n"
                + "NL RTM,Rotterdam,51.9,4.1\nTG LFW,Lome,6.1,1.3\nXX,Bad,1,1\nBE ANR,Antwerp,x,4\n"),
        "small.csv");
  }

  @Test
  void rowsWithoutACodeOrCoordinatesAreLeftOut() throws IOException {
    PortIndex p = small();
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.get("nlrtm").name()).isEqualTo("Rotterdam");
  }

  @Test
  void summedPerRouteAndDayTheRoutesAreTheSame() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    String[] from = {"ECGYE", "COTRB", "HKHKG"};
    String[] via = {null, "TGLFW", "PABLB"};
    String[] to = {"NLRTM", "BEANR"};
    List<Routes.Shipment> each = new java.util.ArrayList<>();
    for (int k = 0; k < 5_000; k++) {
      each.add(
          new Routes.Shipment(
              from[r.nextInt(3)],
              via[r.nextInt(3)],
              to[r.nextInt(2)],
              r.nextInt(20) == 0
                  ? null
                  : java.time.LocalDate.of(2024, 1, 1).plusDays(r.nextInt(90)),
              1000 * r.nextInt(1, 30),
              1000 * r.nextInt(1, 200)));
    }
    List<Routes.Shipment> daily = Routes.daily(each);
    assertThat(daily.size()).isLessThan(each.size());
    assertThat(daily.stream().mapToInt(Routes.Shipment::count).sum()).isEqualTo(each.size());
    assertThat(Routes.of(daily)).isEqualTo(Routes.of(each));
  }
}
