package org.spil.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.network.Network;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
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
    Walk walk = new Walk(viewer, net);
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
            // the consignee, and whom its controllers bring into the chain
            int before = walk.nodes.size();
            walk.controllers(company);
            consigneeSide |=
                walk.suspect(company)
                    || walk.nodes.values().stream().skip(before).anyMatch(Node::suspect);
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
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Link> links = new ArrayList<>();
    final Set<String> linked = new LinkedHashSet<>();

    final Network net;

    Walk(Viewer viewer, Network net) {
      this.viewer = viewer;
      this.net = net;
    }

    /** The resolved id of an entity: its node's in the viewer's network, else its own. */
    String canonical(String id) {
      int n = net.nodeOf(id);
      return n < 0 ? id : net.id(n);
    }

    boolean suspect(String id) {
      return Insiders.suspect(net, net.nodeOf(id));
    }

    void node(EntityRecord e) {
      Set<String> datasets = new LinkedHashSet<>();
      e.properties().values().forEach(vs -> vs.forEach(v -> datasets.add(v.dataset())));
      nodes.putIfAbsent(
          e.id(),
          new Node(
              e.id(),
              e.schema(),
              e.schema().equals("Seizure") ? seizureCaption(e) : e.caption(),
              List.copyOf(new TreeSet<>(datasets)),
              suspect(e.id())));
    }

    /** A seizure as customs names it: what, how much, when, in which container. */
    private String seizureCaption(EntityRecord e) {
      StringBuilder b = new StringBuilder(first(e, "drug", e.caption()));
      String quantity = first(e, "quantity", null);
      if (quantity != null) {
        b.append(' ').append(quantity);
        String unit = first(e, "unit", null);
        b.append(unit == null ? "" : " " + unit);
      }
      String date = first(e, "date", null);
      b.append(date == null ? "" : ", " + date);
      String container = first(e, "containerNumber", null);
      b.append(container == null ? "" : ", container " + container);
      return b.toString();
    }

    /**
     * The terminal's staff tied to suspects ({@link Insiders}), each added with the link "works at"
     * and their ties; returns their captions.
     */
    List<String> staff(String terminal) {
      int firm = net.nodeOf(terminal);
      if (firm < 0) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Insiders.Insider i : PortInsiders.atFirm(net, firm)) {
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
      for (org.spil.analysis.network.Link l : net.links(net.nodeOf(person), net.nodeOf(firm))) {
        if (l.type().equals("Employment")) {
          out.addAll(l.datasets());
        }
      }
      return List.copyOf(out);
    }

    /**
     * The entity (its resolved one where there is) added as a node; null when not visible. A node
     * of the viewer's network is taken from it, its datasets those of its links there; any other
     * entity is read.
     */
    String entity(String id) {
      String key = canonical(id);
      if (nodes.containsKey(key)) {
        return key;
      }
      int n = net.nodeOf(key);
      if (n >= 0) {
        nodes.put(
            key,
            new Node(key, net.kind(n), net.caption(n), net.datasets(n), Insiders.suspect(net, n)));
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

    /**
     * The people who direct and own a company (its neighbours in the network through directorships
     * and ownerships), and each of them's associates and relatives.
     */
    void controllers(String company) {
      int c = net.nodeOf(company);
      if (c < 0) {
        return;
      }
      for (int[] tie : ties(c, "Directorship", "Ownership")) {
        int v = tie[0];
        if (!"Person".equals(net.kind(v))) {
          continue;
        }
        String person = entity(net.id(v));
        String type = tie[1] == 0 ? "directs" : "owns";
        link(
            person,
            company,
            type,
            null,
            datasets(c, v, type.equals("directs") ? "Directorship" : "Ownership"));
        associates(person);
      }
    }

    void associates(String person) {
      int p = net.nodeOf(person);
      if (p < 0) {
        return;
      }
      int n = 0;
      for (int[] tie : ties(p, "Associate", "Family")) {
        if (n++ >= MAX_ASSOCIATES) {
          return;
        }
        String other = entity(net.id(tie[0]));
        String type = tie[1] == 0 ? "associate" : "family";
        link(
            person,
            other,
            type,
            null,
            datasets(p, tie[0], type.equals("family") ? "Family" : "Associate"));
      }
    }

    /** The neighbours of a node tied by a link of the first type (0) or the second (1). */
    private List<int[]> ties(int u, String first, String second) {
      List<int[]> out = new ArrayList<>();
      Graph g = net.graph();
      for (int e = g.start(u); e < g.end(u); e++) {
        int v = g.target(e);
        for (org.spil.analysis.network.Link l : net.links(u, v)) {
          if (l.type().equals(first) || l.type().equals(second)) {
            out.add(new int[] {v, l.type().equals(first) ? 0 : 1});
          }
        }
      }
      return out;
    }

    private List<String> datasets(int u, int v, String type) {
      Set<String> out = new TreeSet<>();
      for (org.spil.analysis.network.Link l : net.links(u, v)) {
        if (l.type().equals(type)) {
          out.addAll(l.datasets());
        }
      }
      return List.copyOf(out);
    }
  }
}
