package org.spil.analysis.goods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The array-based {@link Targeting#score} against a plain oracle written from the indicators'
 * definitions, each asked of every shipment by a scan of all the others: on seeded random trade
 * (ports written with and without a space, goods in different cases, missing days, containers and
 * consignees from small pools so that clones, routes and cells occur), the same shipments get the
 * same indicators, the same scores and the same ranking.
 */
class TargetingOracleTest {
  private static final String[] PORTS = {
    "ECGYE", "CO TRB", "COTRB", "BRSSZ", "TGLFW", "PABLB", "GHTEM", "CNSHA", "NLRTM", "BEANR"
  };
  private static final String[] GOODS = {"bananen", "Bananen ", "ananas", "koffie", "chemicals"};

  @Test
  void theScoreIsTheOraclesOnRandomTrade() {
    java.util.Set<String> shown = new java.util.TreeSet<>();
    for (long seed = 1; seed <= 12; seed++) {
      Random r = new Random(seed);
      List<Targeting.Shipment> trade = trade(r, 300 + r.nextInt(400));
      Map<String, Targeting.Consignee> known = new HashMap<>();
      for (int c = 0; c < 12; c++) {
        known.put(
            "c" + c,
            new Targeting.Consignee(
                "firm " + c,
                r.nextBoolean() ? LocalDate.of(2023, 1 + r.nextInt(12), 1) : null,
                r.nextInt(4) == 0 ? List.of("X") : List.of(),
                r.nextInt(4) == 0 ? 2 : 0));
      }
      Map<Indicator, Double> weights = Targeting.weights("", "defaults");
      List<Targeting.Target> got = Targeting.score(trade, known, weights);
      List<Expected> expected = oracle(trade, known, weights);
      assertThat(got).as("seed %d", seed).hasSameSizeAs(expected);
      for (int i = 0; i < got.size(); i++) {
        Targeting.Target t = got.get(i);
        Expected e = expected.get(i);
        assertThat(t.shipment()).as("seed %d, place %d", seed, i).isEqualTo(e.id);
        assertThat(t.score()).as("seed %d, %s", seed, e.id).isEqualTo(e.score);
        assertThat(t.indicators().stream().map(Targeting.Hit::name).sorted().toList())
            .as("seed %d, %s", seed, e.id)
            .isEqualTo(e.indicators.stream().sorted().toList());
        shown.addAll(e.indicators);
      }
    }
    assertThat(shown)
        .as("every indicator shown somewhere, so that each was compared")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Indicator.values()).map(Indicator::key).toList());
  }

  private static List<Targeting.Shipment> trade(Random r, int n) {
    List<Targeting.Shipment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean export = r.nextInt(6) == 0;
      String loading = export ? PORTS[8 + r.nextInt(2)] : PORTS[r.nextInt(8)];
      String discharge = export ? PORTS[r.nextInt(8)] : PORTS[8 + r.nextInt(2)];
      double kg = r.nextInt(20) == 0 ? 0 : 1_000 + r.nextInt(1_000);
      double perKg = r.nextInt(30) == 0 ? 40 : 2 + r.nextDouble();
      out.add(
          new Targeting.Shipment(
              String.format(Locale.ROOT, "s%04d", r.nextInt(100_000)) + "-" + i,
              "label " + i,
              r.nextInt(25) == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(r.nextInt(400)),
              loading,
              r.nextInt(3) == 0 ? PORTS[r.nextInt(8)] : null,
              discharge,
              r.nextInt(20) == 0 ? null : "c" + r.nextInt(12),
              r.nextInt(15) == 0 ? "vanille" : GOODS[r.nextInt(GOODS.length)],
              kg,
              kg * perKg,
              "c" + r.nextInt(12),
              r.nextInt(4) == 0 ? null : "MSCU" + r.nextInt(60)));
    }
    return out;
  }

  private record Expected(String id, double score, List<String> indicators) {}

  /** Every indicator by its definition, each shipment against all the others. */
  private static List<Expected> oracle(
      List<Targeting.Shipment> trade,
      Map<String, Targeting.Consignee> known,
      Map<Indicator, Double> weights) {
    List<Targeting.Shipment> byDay = new ArrayList<>(trade);
    byDay.sort(
        Comparator.comparing(
                Targeting.Shipment::day, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Targeting.Shipment::id));
    List<Expected> out = new ArrayList<>();
    for (int k = 0; k < byDay.size(); k++) {
      Targeting.Shipment s = byDay.get(k);
      List<String> hits = new ArrayList<>();
      String via = code(s.transhipment());
      if (via != null && Targeting.TRANSIT_COUNTRIES.contains(via.substring(0, 2).toLowerCase())) {
        hits.add("transit-country");
      }
      int before = 0;
      boolean seen = false;
      for (Targeting.Shipment o : byDay.subList(0, k)) {
        if (java.util.Objects.equals(o.consignee(), s.consignee())) {
          before++;
          seen |= via != null && via.equals(code(o.transhipment()));
        }
      }
      if (via != null && before >= 3 && !seen) {
        hits.add("new-transhipment");
      }
      Targeting.Consignee c = known.get(Targeting.localParty(s));
      if (c != null) {
        if (!c.knownPeople().isEmpty()) {
          hits.add("linked-consignee");
        }
        if (c.founded() != null && s.day() != null && s.day().isBefore(c.founded().plusYears(2))) {
          hits.add("young-consignee");
        }
        if (c.tradeAlerts() > 0) {
          hits.add("trade-alerts");
        }
      }
      if (far(s, trade)) {
        hits.add("value-per-kg");
      }
      if (unusual(s, trade)) {
        hits.add("unusual-goods");
      }
      for (Targeting.Shipment o : trade) {
        if (o != s
            && s.container() != null
            && s.container().equals(o.container())
            && s.day() != null
            && o.day() != null
            && Math.abs(s.day().toEpochDay() - o.day().toEpochDay()) <= 21) {
          hits.add("container-reused");
          break;
        }
      }
      if (local(s.loading()) && s.consignor() != null && s.day() != null) {
        for (Targeting.Shipment o : trade) {
          if (s.consignor().equals(o.consignee())
              && o.day() != null
              && local(o.discharge())
              && Targeting.chemical(o.goods())
              && !o.day().isAfter(s.day())
              && o.day().plusDays(365).isAfter(s.day())) {
            hits.add("export-after-precursors");
            break;
          }
        }
      }
      double score = 0;
      for (String h : hits) {
        score += weights.get(Indicator.of(h));
      }
      out.add(new Expected(s.id(), Math.round(score * 100) / 100.0, hits));
    }
    out.sort(Comparator.comparingDouble(Expected::score).reversed().thenComparing(Expected::id));
    return out;
  }

  private static boolean far(Targeting.Shipment s, List<Targeting.Shipment> trade) {
    if (!valued(s)) {
      return false;
    }
    String country = code(s.loading()).substring(0, 2);
    double[] cell = cell(trade, s.goods(), country);
    if (cell.length < Targeting.MIN_CELL) {
      cell = cell(trade, s.goods(), null);
    }
    if (cell.length < Targeting.MIN_CELL) {
      return false;
    }
    double median = median(cell);
    double[] dev = Arrays.stream(cell).map(x -> Math.abs(x - median)).toArray();
    double z =
        (Math.log(s.value() / s.kilograms()) - median) / (1.4826 * Math.max(median(dev), 0.05));
    return Math.abs(z) >= Targeting.FAR;
  }

  private static double[] cell(List<Targeting.Shipment> trade, String goods, String country) {
    return trade.stream()
        .filter(o -> valued(o) && o.goods().equals(goods))
        .filter(o -> country == null || code(o.loading()).startsWith(country))
        .mapToDouble(o -> Math.log(o.value() / o.kilograms()))
        .toArray();
  }

  private static boolean valued(Targeting.Shipment s) {
    return s.goods() != null && s.kilograms() > 0 && s.value() > 0 && code(s.loading()) != null;
  }

  private static boolean unusual(Targeting.Shipment s, List<Targeting.Shipment> trade) {
    String port = code(s.loading());
    if (port == null || s.goods() == null) {
      return false;
    }
    String goods = s.goods().strip().toLowerCase(Locale.ROOT);
    long total =
        trade.stream().filter(o -> port.equals(code(o.loading())) && o.goods() != null).count();
    long these =
        trade.stream()
            .filter(o -> port.equals(code(o.loading())) && o.goods() != null)
            .filter(o -> o.goods().strip().toLowerCase(Locale.ROOT).equals(goods))
            .count();
    return total >= Targeting.MIN_PORT && these < Targeting.RARE_SHARE * total;
  }

  private static boolean local(String port) {
    String c = code(port);
    return c != null && (c.startsWith("NL") || c.startsWith("BE"));
  }

  private static String code(String port) {
    return port == null ? null : port.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  private static double median(double[] a) {
    double[] b = a.clone();
    Arrays.sort(b);
    int n = b.length;
    return n % 2 == 1 ? b[n / 2] : (b[n / 2 - 1] + b[n / 2]) / 2;
  }
}
