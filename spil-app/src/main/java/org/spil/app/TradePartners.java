package org.spil.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.goods.Targeting;
import org.spil.policy.Viewer;
import org.spil.store.Shipments;
import org.spil.store.Store;

/**
 * The other ends of the routes, as tables the monitoring can count: upstream, the firms of a source
 * or transit country that ship to the Netherlands and Belgium (their ports, consignees, tonnage,
 * value, seizures); downstream, the exports from Dutch and Belgian ports by a firm that imported in
 * the days before (what it imported, from where, whether chemicals). Read from the shipments and
 * seizures the viewer may see, parties as the team's resolution merges them.
 */
public final class TradePartners {
  /** Days before an export within which an import by the exporter counts (default). */
  public static final int DEFAULT_DAYS = 365;

  private final Store store;

  public TradePartners(Store store) {
    this.store = store;
  }

  /**
   * A firm of the country shipping to the Netherlands or Belgium: its id (resolved), name, the
   * shipments, tonnes and declared value, the ports it loads at, how many consignees it ships to,
   * the shipments of it in which drugs were seized, and its first and last day.
   */
  public record Upstream(
      String party,
      String name,
      int shipments,
      double tonnes,
      double value,
      List<String> ports,
      int consignees,
      int seized,
      String first,
      String last) {}

  /**
   * An export after an import by the same firm: the export (id, label, day, destination port), the
   * exporter (id, name), the latest import before it (id, label, day, loading port, goods), the
   * days between, how many imports in the window, and whether any of them was chemicals.
   */
  public record Downstream(
      String export,
      String exportLabel,
      String day,
      String destination,
      String exporter,
      String exporterName,
      String lastImport,
      String importLabel,
      String importDay,
      String importFrom,
      String importGoods,
      int daysAfter,
      int imports,
      boolean chemicals) {}

  /**
   * The firms shipping from a country (ISO code) to Dutch and Belgian ports, most shipments first.
   */
  public List<Upstream> upstream(Viewer viewer, String country) {
    String cc = country == null ? "" : country.strip().toLowerCase(Locale.ROOT);
    if (!cc.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("country: '" + country + "' is no ISO code (like ec)");
    }
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    Set<String> seizedShipments = store.shipments().seized(viewer).keySet();
    Map<String, Acc> acc = new HashMap<>();
    store
        .shipments()
        .each(
            viewer,
            s -> {
              String from = code(s.portOfLoading());
              if (s.consignor() == null
                  || from == null
                  || !from.toLowerCase(Locale.ROOT).startsWith(cc)
                  || !Targeting.local(s.portOfDischarge())) {
                return;
              }
              String party = canonical.getOrDefault(s.consignor(), s.consignor());
              Acc a = acc.computeIfAbsent(party, k -> new Acc());
              a.shipments++;
              a.kilograms += s.weight() == null ? 0 : s.weight();
              a.value += s.declaredValue() == null ? 0 : s.declaredValue();
              a.ports.add(from);
              if (s.consignee() != null) {
                a.consignees.add(canonical.getOrDefault(s.consignee(), s.consignee()));
              }
              a.seized += seizedShipments.contains(s.id()) ? 1 : 0;
              a.day(s.date());
            });
    Map<String, String> names = PartyNames.names(store, viewer, acc.keySet(), canonical);
    List<Upstream> out = new ArrayList<>();
    acc.forEach(
        (party, a) ->
            out.add(
                new Upstream(
                    party,
                    names.getOrDefault(party, party),
                    a.shipments,
                    Math.round(a.kilograms / 100.0) / 10.0,
                    a.value,
                    List.copyOf(a.ports),
                    a.consignees.size(),
                    a.seized,
                    a.first,
                    a.last)));
    out.sort(
        Comparator.comparingInt(Upstream::shipments)
            .reversed()
            .thenComparing(Upstream::name)
            .thenComparing(Upstream::party));
    return out;
  }

  /** The exports after imports by the same firm within {@code days} (0: the default), by day. */
  public List<Downstream> downstream(Viewer viewer, int days) {
    if (days < 0 || days > 3650) {
      throw new IllegalArgumentException("days: 1 to 3,650, or 0 for " + DEFAULT_DAYS);
    }
    int window = days == 0 ? DEFAULT_DAYS : days;
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    Map<String, List<Shipments.Shipment>> importsBy = new HashMap<>();
    List<Shipments.Shipment> exports = new ArrayList<>();
    store
        .shipments()
        .each(
            viewer,
            s -> {
              if (s.day() == null) {
                return;
              }
              if (Targeting.local(s.portOfLoading()) && s.consignor() != null) {
                exports.add(s);
              } else if (Targeting.local(s.portOfDischarge()) && s.consignee() != null) {
                importsBy
                    .computeIfAbsent(
                        canonical.getOrDefault(s.consignee(), s.consignee()),
                        k -> new ArrayList<>())
                    .add(s);
              }
            });
    Set<String> exporters = new HashSet<>();
    exports.forEach(x -> exporters.add(canonical.getOrDefault(x.consignor(), x.consignor())));
    Map<String, String> names = PartyNames.names(store, viewer, exporters, canonical);
    List<Downstream> out = new ArrayList<>();
    for (Shipments.Shipment x : exports) {
      String exporter = canonical.getOrDefault(x.consignor(), x.consignor());
      int day = x.day();
      Shipments.Shipment last = null;
      int count = 0;
      boolean chemicals = false;
      for (Shipments.Shipment i : importsBy.getOrDefault(exporter, List.of())) {
        int d = i.day();
        if (d <= day && d > day - window) {
          count++;
          chemicals |= Targeting.chemical(i.goods());
          if (last == null || d > last.day()) {
            last = i;
          }
        }
      }
      if (last == null) {
        continue;
      }
      out.add(
          new Downstream(
              x.id(),
              ShipmentTargeting.label(x),
              LocalDate.ofEpochDay(day).toString(),
              code(x.portOfDischarge()),
              exporter,
              names.getOrDefault(exporter, exporter),
              last.id(),
              ShipmentTargeting.label(last),
              LocalDate.ofEpochDay(last.day()).toString(),
              code(last.portOfLoading()),
              last.goods(),
              day - last.day(),
              count,
              chemicals));
    }
    out.sort(Comparator.comparing(Downstream::day).thenComparing(Downstream::export));
    return out;
  }

  private static String code(String locode) {
    return locode == null || locode.isBlank()
        ? null
        : locode.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** One upstream firm's running totals. */
  private static final class Acc {
    int shipments;
    double kilograms;
    double value;
    final Set<String> ports = new TreeSet<>();
    final Set<String> consignees = new HashSet<>();
    int seized;
    String first;
    String last;

    void day(String date) {
      Integer d = PaymentGraphs.day(date);
      if (d == null) {
        return;
      }
      String iso = LocalDate.ofEpochDay(d).toString();
      first = first == null || iso.compareTo(first) < 0 ? iso : first;
      last = last == null || iso.compareTo(last) > 0 ? iso : last;
    }
  }
}
