package org.spil.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.spil.analysis.flows.Typology;
import org.spil.analysis.goods.Feedback;
import org.spil.analysis.goods.Indicator;
import org.spil.analysis.goods.Targeting;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
import org.spil.store.Inspections;
import org.spil.store.Shipments;
import org.spil.store.Store;

/**
 * Shipment risk targeting on what a viewer may see: the visible shipments scored by {@link
 * Targeting}, the consignees as the team's resolution knows them: when they were founded (the
 * register), who directs and owns them and whether those people are {@link Suspects}, and the
 * trade-based laundering alerts on their payments. Weights from {@code targeting.weights} in the
 * data directory, or a file given, moved by what the team's recorded inspections found ({@link
 * Feedback}).
 */
public final class ShipmentTargeting {
  /** The weights file of a data directory, read by every targeting run on it when present. */
  public static final String WEIGHTS_FILE = "targeting.weights";

  private final Store store;
  private final Searching searching;
  private final FlowGraphs kept;

  public ShipmentTargeting(Store store) {
    this(store, null);
  }

  /**
   * Targeting that takes the consignees' trade-based alerts from the payment graphs {@code kept}
   * between questions (the server's), not from payments read again each time; null: read them.
   */
  public ShipmentTargeting(Store store, FlowGraphs kept) {
    this.store = store;
    this.searching = new Searching(store);
    this.kept = kept;
  }

  /** The weights of a data directory's file (or {@code file}), else the defaults. */
  public static Map<Indicator, Double> weights(Path dataDir, Path file) {
    Path f = file != null ? file : dataDir.resolve(WEIGHTS_FILE);
    if (file == null && !Files.isRegularFile(f)) {
      return Targeting.weights("", "defaults");
    }
    return Targeting.weights(MoneyFlows.readSettings(f, "weights"), f.toString());
  }

  /** The targets: the {@code top} highest (0: all) of the shipments since a day (null: all). */
  public List<Targeting.Target> targets(
      Viewer viewer, String since, int top, Map<Indicator, Double> weights) {
    PaymentGraphs.checkDate("since", since);
    Integer from = since == null ? null : PaymentGraphs.day(since);
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    List<Targeting.Shipment> all = new ArrayList<>();
    Map<String, String> consigneeOf = new HashMap<>();
    store
        .shipments()
        .each(
            viewer,
            s -> {
              Integer day = s.day();
              String consignee =
                  s.consignee() == null
                      ? null
                      : canonical.getOrDefault(s.consignee(), s.consignee());
              Targeting.Shipment t =
                  new Targeting.Shipment(
                      s.id(),
                      label(s),
                      day == null ? null : LocalDate.ofEpochDay(day),
                      s.portOfLoading(),
                      s.portOfTranshipment(),
                      s.portOfDischarge(),
                      consignee,
                      s.goods(),
                      s.weight() == null ? 0 : s.weight(),
                      s.declaredValue() == null ? 0 : s.declaredValue(),
                      s.consignor() == null
                          ? null
                          : canonical.getOrDefault(s.consignor(), s.consignor()),
                      s.containerNumber());
              all.add(t);
              String party = Targeting.localParty(t);
              if (party != null) {
                consigneeOf.put(s.id(), party);
              }
            });
    Map<String, Integer> alerts = tradeAlerts(viewer, canonical, consigneeOf);
    Map<String, Targeting.Consignee> known =
        consignees(viewer, new HashSet<>(consigneeOf.values()), alerts, canonical);
    List<Targeting.Target> scored = Targeting.score(all, known, weights);
    Map<String, LocalDate> dayOf = new HashMap<>();
    all.forEach(s -> dayOf.put(s.id(), s.day()));
    Map<String, Boolean> found = new HashMap<>();
    Map<String, Inspections.Outcome> outcomes = store.inspections().latest(viewer);
    outcomes.forEach(
        (id, o) -> {
          if (dayOf.containsKey(id)) {
            found.put(id, o.outcome().equals("found"));
          }
        });
    Map<Indicator, Feedback.Lesson> lessons = Feedback.learn(scored, found);
    if (!lessons.isEmpty()) {
      scored =
          Feedback.explained(
              Targeting.score(all, known, Feedback.weights(weights, lessons)), lessons);
    }
    List<Targeting.Target> out = new ArrayList<>();
    for (Targeting.Target t : scored) {
      LocalDate d = dayOf.get(t.shipment());
      if (from != null && (d == null || d.toEpochDay() < from)) {
        continue;
      }
      Inspections.Outcome o = found.containsKey(t.shipment()) ? outcomes.get(t.shipment()) : null;
      out.add(o == null ? t : t.withInspection(o.outcome()));
      if (top > 0 && out.size() == top) {
        break;
      }
    }
    return out;
  }

  /**
   * Records the outcome of inspecting a shipment the viewer may see, for the viewer's team: {@code
   * found}, {@code nothing}, or {@code open} to withdraw one; the team's next targeting learns from
   * it. Audited.
   *
   * @throws IllegalArgumentException when the viewer may see no shipment of that id
   */
  public void inspect(Viewer viewer, String shipmentId, String outcome, String note) {
    Optional<EntityRecord> s =
        shipmentId == null ? Optional.empty() : searching.show(viewer, shipmentId);
    if (s.isEmpty() || !s.get().schema().equals("Shipment")) {
      throw new IllegalArgumentException("no shipment '" + shipmentId + "' you may see");
    }
    store.inspections().record(viewer, s.get().id(), outcome, note);
  }

  /** How an inspector knows a shipment: its container, route and goods. */
  static String label(Shipments.Shipment s) {
    StringBuilder b = new StringBuilder();
    if (s.containerNumber() != null) {
      b.append(s.containerNumber()).append(' ');
    }
    String route =
        String.join(
            " > ",
            Stream.of(s.portOfLoading(), s.portOfTranshipment(), s.portOfDischarge())
                .filter(p -> p != null && !p.isBlank())
                .toList());
    b.append(route);
    if (s.goods() != null) {
      b.append(b.length() > 0 ? ", " : "").append(s.goods());
    }
    return b.length() == 0 ? s.id() : b.toString().strip();
  }

  /** Per consignee, the trade-based alerts on the shipments it received or on its payments. */
  private Map<String, Integer> tradeAlerts(
      Viewer viewer, Map<String, String> canonical, Map<String, String> consigneeOf) {
    Map<String, Integer> out = new HashMap<>();
    Set<String> consignees = new HashSet<>(consigneeOf.values());
    MoneyFlows.Query q =
        new MoneyFlows.Query(
            Set.of(Typology.TRADE_BASED), MoneyFlows.thresholds(store.dir(), null), null, null);
    for (MoneyFlows.Alert a : new MoneyFlows(store, kept).typologies(viewer, q)) {
      Set<String> to = new LinkedHashSet<>();
      for (String shipment : a.entities()) {
        if (consigneeOf.containsKey(shipment)) {
          to.add(consigneeOf.get(shipment));
        }
      }
      for (String party : a.subjects()) {
        String c = canonical.getOrDefault(party, party);
        if (consignees.contains(c)) {
          to.add(c);
        }
      }
      to.forEach(c -> out.merge(c, 1, Integer::sum));
    }
    return out;
  }

  /**
   * What the viewer may see of the trading parties (resolved ids): names, founding dates, and the
   * people directing or owning them who are {@link Suspects}, read in a few passes over the
   * warehouse (entities of the parties' schemata, directorships and ownerships, persons with their
   * positions, court-case parties), not party by party: at a million shipments the parties run to
   * tens of thousands.
   */
  private Map<String, Targeting.Consignee> consignees(
      Viewer viewer,
      Set<String> parties,
      Map<String, Integer> alerts,
      Map<String, String> canonical) {
    Map<String, PartyNames.Party> named = PartyNames.of(store, viewer, parties, canonical);
    Map<String, Set<String>> controllers = new HashMap<>();
    for (String schema : List.of("Directorship", "Ownership")) {
      store
          .links()
          .of(
              viewer,
              schema,
              null,
              null,
              link -> {
                String party = canonical.getOrDefault(link.target(), link.target());
                if (parties.contains(party)) {
                  controllers
                      .computeIfAbsent(party, k -> new TreeSet<>())
                      .add(canonical.getOrDefault(link.source(), link.source()));
                }
              });
    }
    Set<String> people = new HashSet<>();
    controllers.values().forEach(people::addAll);
    // the people's names, and which of them are suspects
    Map<String, String> names = new HashMap<>();
    Set<String> suspects = new HashSet<>();
    Set<String> properties = new HashSet<>(Suspects.PROPERTIES);
    properties.add("name");
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Person"),
            properties,
            PartyNames.members(people, canonical),
            (id, schema, source, props) -> {
              String key = canonical.getOrDefault(id, id);
              if (people.contains(key)) {
                List<String> n = props.getOrDefault("name", List.of());
                if (!n.isEmpty()) {
                  names.putIfAbsent(key, n.get(0));
                }
                if (Suspects.named(props)) {
                  suspects.add(key);
                }
              }
            });
    store
        .links()
        .of(
            viewer,
            "CourtCaseParty",
            null,
            null,
            link -> {
              String key = canonical.getOrDefault(link.source(), link.source());
              if (people.contains(key)) {
                suspects.add(key);
              }
            });
    Map<String, Targeting.Consignee> out = new HashMap<>();
    for (String party : parties) {
      List<String> known = new ArrayList<>();
      for (String person : controllers.getOrDefault(party, Set.of())) {
        if (suspects.contains(person)) {
          String name = names.getOrDefault(person, person);
          if (!known.contains(name)) {
            known.add(name);
          }
        }
      }
      out.put(
          party,
          new Targeting.Consignee(
              named.containsKey(party) && named.get(party).name() != null
                  ? named.get(party).name()
                  : party,
              named.containsKey(party) ? named.get(party).founded() : null,
              List.copyOf(known),
              alerts.getOrDefault(party, 0)));
    }
    return out;
  }
}
