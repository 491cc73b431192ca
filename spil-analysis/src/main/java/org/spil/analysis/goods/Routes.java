package org.spil.analysis.goods;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shipments counted by route: the ports a shipment passes (loading, transhipment, discharge, as
 * UN/LOCODEs), with the countries it touches as source, transit and destination, and per month the
 * shipments, tonnes and declared value. A route is its sequence of ports; most shipments first.
 */
public final class Routes {
  private Routes() {}

  /**
   * A shipment as routes count it: ports (transhipment may be null), day, kilograms, value; or,
   * with {@code count} above one, that many shipments of one route and day summed ({@link #daily}).
   */
  public record Shipment(
      String loading,
      String transhipment,
      String discharge,
      LocalDate day,
      double kilograms,
      double value,
      int count) {
    public Shipment(
        String loading,
        String transhipment,
        String discharge,
        LocalDate day,
        double kilograms,
        double value) {
      this(loading, transhipment, discharge, day, kilograms, value, 1);
    }
  }

  /**
   * The shipments summed per route and day: what a server keeps to answer route questions on a
   * million shipments in milliseconds (a few hundred routes over three years are some hundred
   * thousand rows at most).
   */
  public static List<Shipment> daily(Iterable<Shipment> shipments) {
    Map<List<Object>, double[]> sums = new LinkedHashMap<>();
    Map<List<Object>, Shipment> first = new HashMap<>();
    for (Shipment s : shipments) {
      List<Object> key = Arrays.asList(s.loading(), s.transhipment(), s.discharge(), s.day());
      double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
      sum[0] += s.count();
      sum[1] += s.kilograms();
      sum[2] += s.value();
      first.putIfAbsent(key, s);
    }
    List<Shipment> out = new ArrayList<>(sums.size());
    sums.forEach(
        (key, sum) -> {
          Shipment s = first.get(key);
          out.add(
              new Shipment(
                  s.loading(),
                  s.transhipment(),
                  s.discharge(),
                  s.day(),
                  sum[1],
                  sum[2],
                  (int) sum[0]));
        });
    return out;
  }

  /** One month of a route: "YYYY-MM", shipments, tonnes, declared value. */
  public record Month(String month, int shipments, double tonnes, double value) {}

  /**
   * A route: its ports in order, the countries (source, transit, destination: lower-case ISO codes
   * from the UN/LOCODEs), totals and months.
   */
  public record Route(
      List<String> ports,
      String source,
      List<String> transit,
      String destination,
      int shipments,
      double tonnes,
      double value,
      List<Month> months) {}

  /** The routes of the shipments, most shipments first (then by their ports). */
  public static List<Route> of(Iterable<Shipment> shipments) {
    Map<List<String>, Map<String, double[]>> byRoute = new LinkedHashMap<>();
    for (Shipment s : shipments) {
      List<String> ports = ports(s);
      if (ports.size() < 2) {
        continue;
      }
      String month = s.day() == null ? "unknown" : s.day().toString().substring(0, 7);
      double[] m =
          byRoute
              .computeIfAbsent(ports, k -> new TreeMap<>())
              .computeIfAbsent(month, k -> new double[3]);
      m[0] += s.count();
      m[1] += s.kilograms() / 1000;
      m[2] += s.value();
    }
    List<Route> out = new ArrayList<>();
    byRoute.forEach(
        (ports, months) -> {
          List<Month> list = new ArrayList<>();
          int n = 0;
          double tonnes = 0;
          double value = 0;
          for (Map.Entry<String, double[]> e : months.entrySet()) {
            double[] m = e.getValue();
            list.add(new Month(e.getKey(), (int) m[0], round(m[1]), round(m[2])));
            n += (int) m[0];
            tonnes += m[1];
            value += m[2];
          }
          List<String> transit = new ArrayList<>();
          String source = country(ports.get(0));
          String destination = country(ports.get(ports.size() - 1));
          for (String p : ports.subList(1, ports.size() - 1)) {
            String c = country(p);
            if (!c.equals(source) && !c.equals(destination) && !transit.contains(c)) {
              transit.add(c);
            }
          }
          out.add(
              new Route(
                  List.copyOf(ports),
                  source,
                  List.copyOf(transit),
                  destination,
                  n,
                  round(tonnes),
                  round(value),
                  List.copyOf(list)));
        });
    out.sort(
        Comparator.comparingInt(Route::shipments)
            .reversed()
            .thenComparing(r -> String.join(">", r.ports())));
    return out;
  }

  /** The ports of a shipment in order, each once, blanks left out, upper case. */
  static List<String> ports(Shipment s) {
    List<String> ports = new ArrayList<>();
    for (String p : new String[] {s.loading(), s.transhipment(), s.discharge()}) {
      if (p == null || p.isBlank()) {
        continue;
      }
      String code = p.replace(" ", "").strip().toUpperCase(Locale.ROOT);
      if (ports.isEmpty() || !ports.get(ports.size() - 1).equals(code)) {
        ports.add(code);
      }
    }
    return ports;
  }

  private static String country(String locode) {
    return locode.substring(0, Math.min(2, locode.length())).toLowerCase(Locale.ROOT);
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
