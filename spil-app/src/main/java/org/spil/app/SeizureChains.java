package org.spil.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.network.Network;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
import org.spil.store.Relations;
import org.spil.store.Store;
import org.spil.store.ValueRecord;

/**
 * The chain behind a seizure, as customs and the police walk it: the seizure, the shipment it was
 * found in (its container number on the link), the shipment's consignee and consignor, the people
 * who direct and own the consignee, and their associates and relatives: every link with the
 * datasets it comes from. People and companies are the team's resolved entities, so that the
 * director in the company register is the suspect in the police's files; each entity carries the
 * datasets that know it, which shows a consignee known only to the register and customs (cargo a
 * network abused, a rip-on) apart from one the police know too. Read as the viewer may see it: a
 * link the viewer may not see breaks the chain there.
 */
public final class SeizureChains {
  /** The most associates listed per person: a chain, not a network. */
  static final int MAX_ASSOCIATES = 25;

  private final Store store;
  private final Searching searching;

  public SeizureChains(Store store) {
    this.store = store;
    this.searching = new Searching(store);
  }

  /**
   * An entity of the chain: id (canonical where resolved), schema, caption, known to datasets, and
   * whether the network names it a suspect.
   */
  public record Node(
      String id, String schema, String caption, List<String> datasets, boolean suspect) {}

  /** A link of the chain: from, to, what it is, a detail (a container, a share), its datasets. */
  public record Link(
      String source, String target, String type, String detail, List<String> datasets) {}

  /**
   * A seizure's chain: the seizure, the entities in the order walked, the links, and what it shows:
   * {@code ripOn} when no one behind the consignee is a suspect while staff of the terminal that
   * handled the container are tied to suspects (drugs taken out of legal cargo), and the verdict in
   * words.
   */
  public record Chain(
      String seizure, List<Node> entities, List<Link> links, boolean ripOn, String verdict) {}

  /**
   * The chain of a seizure the viewer may see.
   *
   * @throws IllegalArgumentException when the viewer may see no seizure of that id
   */
  public Chain of(Viewer viewer, Network net, String seizureId) {
    Optional<EntityRecord> seizure = searching.show(viewer, seizureId);
    if (seizure.isEmpty() || !seizure.get().schema().equals("Seizure")) {
      throw new IllegalArgumentException("no seizure '" + seizureId + "' you may see");
    }
    Map<String, String> canonical = new HashMap<>();
    store
        .resolutions()
        .clusters(viewer)
        .forEach((id, members) -> members.forEach(m -> canonical.put(m, id)));
    Walk walk = new Walk(viewer, canonical, net);
    boolean consigneeSide = false;
    List<String> insiders = new ArrayList<>();
    EntityRecord s = seizure.get();
    walk.node(s);
    for (ValueRecord shipmentRef : values(s, "shipment")) {
      Optional<EntityRecord> shipment = searching.show(viewer, shipmentRef.value());
      if (shipment.isEmpty()) {
        continue;
      }
      EntityRecord x = shipment.get();
      walk.node(x);
      walk.link(
          s.id(),
          x.id(),
          "found in",
          first(s, "containerNumber", first(x, "containerNumber", null)),
          List.of(shipmentRef.dataset()));
      for (String role : List.of("consignee", "consignor")) {
        for (ValueRecord party : values(x, role)) {
          String company = walk.entity(party.value());
          if (company == null) {
            continue;
          }
          walk.link(x.id(), company, role, null, List.of(party.dataset()));
          if (role.equals("consignee")) {
            walk.suspects = walk.suspect(company) ? 1 : 0;
            walk.controllers(company);
            consigneeSide |= walk.suspects > 0;
          }
        }
      }
      for (ValueRecord t : values(x, "terminal")) {
        String terminal = walk.entity(t.value());
        if (terminal == null) {
          continue;
        }
        walk.link(x.id(), terminal, "handled by", null, List.of(t.dataset()));
        insiders.addAll(walk.staff(terminal));
      }
    }
    boolean ripOn = !consigneeSide && !insiders.isEmpty();
    String verdict =
        consigneeSide
            ? "people behind the consignee are suspects: the consignee's own cargo"
            : insiders.isEmpty()
                ? "no one behind the consignee or at the terminal is tied to suspects"
                : "rip-on: the consignee is clean, "
                    + insiders.size()
                    + (insiders.size() == 1 ? " member" : " members")
                    + " of the terminal's staff tied to suspects ("
                    + String.join(", ", insiders)
                    + ")";
    return new Chain(
        s.id(), List.copyOf(walk.nodes.values()), List.copyOf(walk.links), ripOn, verdict);
  }

  private static List<ValueRecord> values(EntityRecord e, String prop) {
    return e.properties().getOrDefault(prop, List.of());
  }

  private static String first(EntityRecord e, String prop, String otherwise) {
    List<ValueRecord> v = values(e, prop);
    return v.isEmpty() ? otherwise : v.get(0).value();
  }

  /** One walk: the entities and links found so far, resolved through the team's clusters. */
  private final class Walk {
    final Viewer viewer;
    final Map<String, String> canonical;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Link> links = new ArrayList<>();
    final Set<String> linked = new LinkedHashSet<>();

    final Network net;

    /** Suspects among the people walked to since last reset. */
    int suspects;

    Walk(Viewer viewer, Map<String, String> canonical, Network net) {
      this.viewer = viewer;
      this.canonical = canonical;
      this.net = net;
    }

    boolean suspect(String id) {
      return net.knows(id) && net.flags(net.node(id)).contains("underworld");
    }

    void node(EntityRecord e) {
      Set<String> datasets = new LinkedHashSet<>();
      e.properties().values().forEach(vs -> vs.forEach(v -> datasets.add(v.dataset())));
      if (!nodes.containsKey(e.id()) && suspect(e.id()) && !e.schema().equals("Seizure")) {
        suspects++;
      }
      nodes.putIfAbsent(
          e.id(),
          new Node(
              e.id(),
              e.schema(),
              e.caption(),
              List.copyOf(new TreeSet<>(datasets)),
              suspect(e.id())));
    }

    /**
     * The terminal's staff tied to suspects ({@link Insiders}), each added with the link "works at"
     * and their ties; returns their captions.
     */
    List<String> staff(String terminal) {
      if (!net.knows(terminal)) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Insiders.Insider i : PortInsiders.atFirm(net, net.node(terminal))) {
        String person = entity(i.person());
        if (person == null) {
          continue;
        }
        link(person, terminal, "works at", i.function(), employment(i.person(), terminal));
        associates(person);
        out.add(i.caption());
      }
      return out;
    }

    /** The datasets of the employment that ties a person to a firm. */
    private List<String> employment(String person, String firm) {
      Set<String> out = new TreeSet<>();
      for (org.spil.analysis.network.Link l : net.links(net.node(person), net.node(firm))) {
        if (l.type().equals("Employment")) {
          out.addAll(l.datasets());
        }
      }
      return List.copyOf(out);
    }

    /** The entity (its resolved one where there is) added as a node; null when not visible. */
    String entity(String id) {
      String key = canonical.getOrDefault(id, id);
      if (nodes.containsKey(key)) {
        return key;
      }
      Optional<EntityRecord> e = searching.show(viewer, key);
      if (e.isEmpty()) {
        return null;
      }
      node(e.get());
      return e.get().id();
    }

    void link(String source, String target, String type, String detail, List<String> datasets) {
      if (source.equals(target) || !linked.add(source + "\u0000" + target + "\u0000" + type)) {
        return;
      }
      links.add(new Link(source, target, type, detail, datasets));
    }

    /** Who directs and owns a company, and each of them's associates and relatives. */
    void controllers(String company) {
      for (Relations.Relation r : searching.relations(viewer, company).results()) {
        String type =
            switch (r.schema()) {
              case "Directorship" -> r.role().equals("organization") ? "directs" : null;
              case "Ownership" -> r.role().equals("asset") ? "owns" : null;
              default -> null;
            };
        if (type == null) {
          continue;
        }
        for (Relations.Party p : r.parties()) {
          if (!p.role().equals(type.equals("directs") ? "director" : "owner")) {
            continue;
          }
          String person = entity(p.id());
          if (person == null) {
            continue;
          }
          link(person, company, type, detail(r), datasets(r));
          associates(person);
        }
      }
    }

    void associates(String person) {
      int n = 0;
      for (Relations.Relation r : searching.relations(viewer, person).results()) {
        if (!r.schema().equals("Associate") && !r.schema().equals("Family")) {
          continue;
        }
        for (Relations.Party p : r.parties()) {
          if (n >= MAX_ASSOCIATES) {
            return;
          }
          String other = entity(p.id());
          if (other == null) {
            continue;
          }
          link(
              person,
              other,
              r.schema().equals("Family") ? "family" : "associate",
              detail(r),
              datasets(r));
          n++;
        }
      }
    }

    private List<String> datasets(Relations.Relation r) {
      Set<String> out = new TreeSet<>();
      searching
          .show(viewer, r.id())
          .ifPresent(
              e -> e.properties().values().forEach(vs -> vs.forEach(v -> out.add(v.dataset()))));
      return List.copyOf(out);
    }
  }

  /** The detail of a relation: a share, a role, a relationship. */
  private static String detail(Relations.Relation r) {
    for (String p : List.of("percentage", "relationship", "role")) {
      List<String> v = r.properties().get(p);
      if (v != null && !v.isEmpty()) {
        return p.equals("percentage") ? v.get(0) + "%" : v.get(0);
      }
    }
    return null;
  }
}
