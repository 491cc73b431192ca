package org.spil.analysis.goods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each targeting indicator on a small hand-made case and its nearest innocent neighbour, weights
 * from a file (and its errors), and the same ranking whatever order the shipments come in.
 */
class TargetingTest {
  private static final LocalDate DAY = LocalDate.of(2024, 10, 1);
  private static final Map<Indicator, Double> DEFAULT = Targeting.weights("", "none");

  private static Targeting.Shipment ship(
      String id, int days, String via, String consignee, double kg, double value) {
    return new Targeting.Shipment(
        id,
        id,
        DAY.plusDays(days),
        "ECGYE",
        via,
        "NLRTM",
        consignee,
        "bananen",
        kg,
        value,
        null,
        null);
  }

  /** Thirty ordinary banana shipments of two importers, at EUR 2 a kilogram. */
  private static List<Targeting.Shipment> trade() {
    List<Targeting.Shipment> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(
          ship(
              "s" + i,
              i,
              i % 3 == 0 ? "PABLB" : null,
              i % 2 == 0 ? "A" : "B",
              20_000,
              40_000 + (i % 7) * 1_000));
    }
    return out;
  }

  private static Targeting.Target of(List<Targeting.Target> targets, String id) {
    return targets.stream().filter(t -> t.shipment().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> names(Targeting.Target t) {
    return t.indicators().stream().map(Targeting.Hit::name).toList();
  }

  @Test
  void aNewTranshipmentPortInATransitCountryIsFlagged() {
    List<Targeting.Shipment> s = trade();
    s.add(ship("lome", 40, "TGLFW", "A", 20_000, 40_000));
    s.add(ship("lome-again", 50, "TGLFW", "A", 20_000, 40_000));
    s.add(ship("first-ever", 0, "TGLFW", "C", 20_000, 40_000));
    List<Targeting.Target> t = Targeting.score(s, Map.of(), DEFAULT);
    assertThat(names(of(t, "lome"))).containsExactly("transit-country", "new-transhipment");
    assertThat(of(t, "lome").score()).isEqualTo(3.0);
    assertThat(names(of(t, "lome-again"))).as("no longer new").containsExactly("transit-country");
    assertThat(names(of(t, "first-ever")))
        .as("no history to be new to")
        .containsExactly("transit-country");
    assertThat(names(of(t, "s3")))
        .as("Panama is on the list, but A used it before")
        .contains("transit-country");
    assertThat(t.get(0).shipment()).isEqualTo("lome");
  }

  @Test
  void whatIsKnownOfTheConsigneeCounts() {
    List<Targeting.Shipment> s = trade();
    Map<String, Targeting.Consignee> known =
        Map.of(
            "A",
                new Targeting.Consignee(
                    "Tulp Fresh Import B.V.", DAY.minusYears(1), List.of("E. Lindeman"), 2),
            "B", new Targeting.Consignee("Old Fruit B.V.", DAY.minusYears(30), List.of(), 0));
    List<Targeting.Target> t = Targeting.score(s, known, DEFAULT);
    assertThat(names(of(t, "s2")))
        .containsExactly("linked-consignee", "young-consignee", "trade-alerts");
    assertThat(of(t, "s2").indicators().get(0).explanation()).contains("E. Lindeman");
    assertThat(names(of(t, "s1"))).isEmpty();
    assertThat(of(t, "s1").score()).isZero();
  }

  @Test
  void aValuePerKilogramFarFromTheSameGoodsIsFlagged() {
    List<Targeting.Shipment> s = trade();
    s.add(ship("cheap", 31, null, "B", 20_000, 1_000));
    s.add(ship("a-bit-cheaper", 32, null, "B", 20_000, 36_000));
    List<Targeting.Target> t = Targeting.score(s, Map.of(), DEFAULT);
    assertThat(names(of(t, "cheap"))).containsExactly("value-per-kg");
    assertThat(of(t, "cheap").indicators().get(0).explanation()).contains("EUR 0.05 a kilogram");
    assertThat(names(of(t, "a-bit-cheaper"))).isEmpty();
  }

  @Test
  void theRankingDoesNotDependOnTheOrderShipmentsComeIn() {
    List<Targeting.Shipment> s = trade();
    s.add(ship("lome", 40, "TGLFW", "A", 20_000, 1_000));
    List<Targeting.Target> first = Targeting.score(s, Map.of(), DEFAULT);
    Collections.reverse(s);
    assertThat(Targeting.score(s, Map.of(), DEFAULT)).isEqualTo(first);
  }

  @Test
  void weightsComeFromAFileAndABadLineIsRefused() {
    Map<Indicator, Double> w =
        Targeting.weights("# mine\ntransit-country = 0\nvalue-per-kg=2.5\n", "my.weights");
    assertThat(w.get(Indicator.TRANSIT_COUNTRY)).isZero();
    assertThat(w.get(Indicator.LINKED_CONSIGNEE)).isEqualTo(3.0);
    List<Targeting.Shipment> s = trade();
    s.add(ship("lome", 40, "TGLFW", "A", 20_000, 40_000));
    assertThat(names(of(Targeting.score(s, Map.of(), w), "lome")))
        .containsExactly("new-transhipment");
    assertThatThrownBy(() -> Targeting.weights("\nbananas = 1\n", "my.weights"))
        .hasMessage("my.weights, line 2: no indicator 'bananas'");
    assertThatThrownBy(() -> Targeting.weights("value-per-kg = lots\n", "my.weights"))
        .hasMessage("my.weights, line 1: value-per-kg: 'lots' is not a weight from 0 to 100");
    assertThatThrownBy(() -> Targeting.weights("value-per-kg\n", "my.weights"))
        .hasMessage("my.weights, line 1: expected 'key = weight', not 'value-per-kg'");
  }

  private static Targeting.Shipment shipment(
      String id,
      int days,
      String from,
      String to,
      String consignor,
      String consignee,
      String goods,
      String container) {
    return new Targeting.Shipment(
        id,
        id,
        DAY.plusDays(days),
        from,
        null,
        to,
        consignee,
        goods,
        20_000,
        40_000,
        consignor,
        container);
  }

  @Test
  void goodsRareForTheirPortAreUnusualButNotWherePortsAreSmall() {
    List<Targeting.Shipment> s = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      s.add(shipment("b" + i, i, "ECGYE", "NLRTM", "E", "A", "bananen", null));
    }
    s.add(shipment("pineapples", 61, "ECGYE", "NLRTM", "E", "A", "ananas", null));
    for (int i = 0; i < 10; i++) {
      s.add(shipment("c" + i, i, "COTRB", "NLRTM", "E", "A", "koffiebonen", null));
    }
    s.add(shipment("flowers", 12, "COTRB", "NLRTM", "E", "A", "snijbloemen", null));
    List<Targeting.Target> t = Targeting.score(s, Map.of(), DEFAULT);
    assertThat(names(of(t, "pineapples"))).containsExactly("unusual-goods");
    assertThat(of(t, "pineapples").indicators().get(0).explanation())
        .isEqualTo("ananas: 1 of the 61 shipments loaded at ECGYE (1.6%)");
    assertThat(names(of(t, "b0"))).isEmpty();
    assertThat(names(of(t, "flowers"))).as("too few loadings at COTRB to say").isEmpty();
  }

  @Test
  void oneContainerNumberOnTwoShipmentsWithinThreeWeeksIsAClone() {
    List<Targeting.Shipment> s = new ArrayList<>();
    s.add(shipment("first", 0, "ECGYE", "NLRTM", "E", "A", "bananen", "MSKU1234565"));
    s.add(shipment("clone", 10, "COTRB", "BEANR", "F", "B", "bananen", "MSKU1234565"));
    s.add(shipment("next-voyage", 60, "ECGYE", "NLRTM", "E", "A", "bananen", "MSKU1234565"));
    List<Targeting.Target> t = Targeting.score(s, Map.of(), DEFAULT);
    assertThat(names(of(t, "clone"))).containsExactly("container-reused");
    assertThat(names(of(t, "first"))).containsExactly("container-reused");
    assertThat(of(t, "clone").indicators().get(0).explanation())
        .isEqualTo("container MSKU1234565 is also on first, arrived on 2024-10-01");
    assertThat(names(of(t, "next-voyage"))).as("a new voyage, weeks later").isEmpty();
  }

  @Test
  void anExportByAFirmThatImportedChemicalsInTheYearBeforeIsDownstream() {
    List<Targeting.Shipment> s = new ArrayList<>();
    s.add(shipment("bmk", 0, "HKHKG", "NLRTM", "H", "X", "chemicaliën (industrieel)", null));
    s.add(shipment("export", 100, "NLRTM", "TRMER", "X", "T", "machineonderdelen", null));
    s.add(shipment("other-exporter", 100, "NLRTM", "TRMER", "Y", "T", "machineonderdelen", null));
    s.add(shipment("years-later", 400, "NLRTM", "TRMER", "X", "T", "machineonderdelen", null));
    s.add(shipment("before", -10, "NLRTM", "TRMER", "X", "T", "machineonderdelen", null));
    List<Targeting.Target> t = Targeting.score(s, Map.of(), DEFAULT);
    assertThat(names(of(t, "export"))).containsExactly("export-after-precursors");
    assertThat(of(t, "export").indicators().get(0).explanation())
        .isEqualTo("the exporter imported chemicals 1 time in the year before, last on 2024-10-01");
    assertThat(names(of(t, "other-exporter"))).isEmpty();
    assertThat(names(of(t, "years-later"))).isEmpty();
    assertThat(names(of(t, "before"))).as("the export came first").isEmpty();
  }
}
