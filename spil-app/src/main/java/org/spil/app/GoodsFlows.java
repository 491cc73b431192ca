package org.spil.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.spil.analysis.goods.PortIndex;
import org.spil.analysis.goods.Routes;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * What a viewer may learn of the goods flows in the warehouse from the shipments the viewer may
 * see: the routes they take (loading, transhipment, discharge) with the countries as source,
 * transit and destination, counted per month, and the ports on them with their coordinates from the
 * World Port Index where it lists them.
 */
public final class GoodsFlows {
  private static PortIndex defaultIndex;

  private final Store store;
  private final PortIndex ports;
  private final Kept<List<Routes.Shipment>> kept;

  public GoodsFlows(Store store, PortIndex ports) {
    this(store, ports, null);
  }

  /**
   * Goods flows that keep the viewer's shipments between questions in {@code kept} (the server); a
   * question answered from kept shipments is audited as a read of its own.
   */
  public GoodsFlows(Store store, PortIndex ports, Kept<List<Routes.Shipment>> kept) {
    this.store = store;
    this.ports = ports;
    this.kept = kept;
  }

  /** What the server keeps for routes: the shipments of the two readers' scopes used last. */
  public static Kept<List<Routes.Shipment>> keep(Store store) {
    return new Kept<>(store, 2);
  }

  /**
   * The World Port Index beside the Spil home, read once; no ports (routes without coordinates)
   * when it is not there.
   */
  public static synchronized PortIndex defaultPorts() {
    if (defaultIndex == null) {
      Path file = Scenario.defaultPorts();
      defaultIndex = Files.isReadable(file) ? PortIndex.read(file) : PortIndex.empty();
    }
    return defaultIndex;
  }

  /**
   * Which routes to count: through a port (a UN/LOCODE), touching a country (ISO code), on days
   * from {@code since} to {@code until} (YYYY-MM-DD); each null for any.
   */
  public record RouteQuery(String port, String country, String since, String until) {
    public RouteQuery {
      port = port == null || port.isBlank() ? null : port.replace(" ", "").toUpperCase(Locale.ROOT);
      country =
          country == null || country.isBlank() ? null : country.strip().toLowerCase(Locale.ROOT);
      if (port != null && port.length() != 5) {
        throw new IllegalArgumentException("port: '" + port + "' is no UN/LOCODE (like NLRTM)");
      }
      if (country != null && country.length() != 2) {
        throw new IllegalArgumentException("country: '" + country + "' is no ISO code (like tg)");
      }
      PaymentGraphs.checkDate("since", since);
      PaymentGraphs.checkDate("until", until);
    }
  }

  /** A port on the routes: UN/LOCODE, name and coordinates (null where unknown), shipments. */
  public record Port(
      String locode, String name, String country, Double lat, Double lon, int shipments) {}

  /** The routes counted: shipments in all, the routes, and the ports they pass. */
  public record RouteReport(int shipments, List<Routes.Route> routes, List<Port> ports) {}

  /** The routes of the shipments the viewer may see that the query takes (audited as a read). */
  public RouteReport routes(Viewer viewer, RouteQuery q) {
    LocalDate since = q.since() == null ? null : LocalDate.ofEpochDay(PaymentGraphs.day(q.since()));
    LocalDate until = q.until() == null ? null : LocalDate.ofEpochDay(PaymentGraphs.day(q.until()));
    List<Routes.Shipment> all;
    if (kept == null) {
      all = read(viewer);
    } else {
      all = kept.get(viewer, () -> Routes.daily(read(viewer)));
      store.audited(
          viewer,
          "shipments-read",
          Map.of(
              "operation",
              "routes",
              "shipments",
              all.stream().mapToLong(Routes.Shipment::count).sum()));
    }
    List<Routes.Shipment> taken = new ArrayList<>();
    for (Routes.Shipment r : all) {
      LocalDate d = r.day();
      if ((since != null && (d == null || d.isBefore(since)))
          || (until != null && (d == null || d.isAfter(until)))) {
        continue;
      }
      if (takes(q, r)) {
        taken.add(r);
      }
    }
    List<Routes.Route> routes = Routes.of(taken);
    Map<String, Integer> perPort = new TreeMap<>();
    int shipments = 0;
    for (Routes.Route r : routes) {
      shipments += r.shipments();
      for (String p : r.ports()) {
        perPort.merge(p, r.shipments(), Integer::sum);
      }
    }
    List<Port> onMap = new ArrayList<>();
    perPort.forEach(
        (code, n) -> {
          PortIndex.Port p = ports.get(code);
          onMap.add(
              p == null
                  ? new Port(
                      code, null, code.substring(0, 2).toLowerCase(Locale.ROOT), null, null, n)
                  : new Port(code, p.name(), p.country(), p.lat(), p.lon(), n));
        });
    return new RouteReport(shipments, routes, onMap);
  }

  /** Every shipment the viewer may see, as a route (audited by the read). */
  private List<Routes.Shipment> read(Viewer viewer) {
    List<Routes.Shipment> out = new ArrayList<>();
    store
        .shipments()
        .each(
            viewer,
            s -> {
              Integer day = s.day();
              out.add(
                  new Routes.Shipment(
                      s.portOfLoading(),
                      s.portOfTranshipment(),
                      s.portOfDischarge(),
                      day == null ? null : LocalDate.ofEpochDay(day),
                      s.weight() == null ? 0 : s.weight(),
                      s.declaredValue() == null ? 0 : s.declaredValue()));
            });
    return out;
  }

  private static boolean takes(RouteQuery q, Routes.Shipment s) {
    if (q.port() == null && q.country() == null) {
      return true;
    }
    for (String p : new String[] {s.loading(), s.transhipment(), s.discharge()}) {
      if (p == null) {
        continue;
      }
      String code = p.replace(" ", "").toUpperCase(Locale.ROOT);
      if ((q.port() == null || code.equals(q.port()))
          && (q.country() == null || code.toLowerCase(Locale.ROOT).startsWith(q.country()))) {
        return true;
      }
    }
    return false;
  }
}
