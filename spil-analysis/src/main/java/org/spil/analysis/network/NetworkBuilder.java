package org.spil.analysis.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spil.analysis.graph.GraphBuilder;

/**
 * Projects what a viewer may see onto a network: the caller feeds entities, relationship statements
 * (an Ownership, a Payment, a Message ...) and pivot values (a phone number, an email, an IBAN, an
 * address held by an entity), and the builder merges resolved entities into one node (their
 * canonical id), aggregates the relationships between two nodes per type (count, sum, period,
 * datasets) and links entities that share a pivot value. Edge weight: each structural tie counts 1,
 * repeated contact and money count 1 + log2(count), a shared pivot counts {@link #PIVOT_WEIGHT}; a
 * pivot shared by more than {@link #PIVOT_LIMIT_DEFAULT} nodes (a call-centre number, a company's
 * registered address) links nobody.
 */
public final class NetworkBuilder {
  public static final double PIVOT_WEIGHT = 0.5;
  public static final int PIVOT_LIMIT_DEFAULT = 25;
  private static final Set<String> REPEATED = Set.of("Payment", "Call", "Message", "Shipment");

  private final Map<String, String> canonical;
  private final Map<String, Integer> nodes = new LinkedHashMap<>();
  private final List<String> captions = new ArrayList<>();
  private final List<String> kinds = new ArrayList<>();
  private final Map<Long, Map<String, Acc>> edges = new HashMap<>();
  private final Map<String, Set<Integer>> pivots = new HashMap<>();
  private final Map<Integer, Set<String>> flags = new HashMap<>();

  /**
   * @param canonical entity id to canonical id (resolved clusters); others stand for themselves
   */
  public NetworkBuilder(Map<String, String> canonical) {
    this.canonical = canonical;
  }

  private static final class Acc {
    int count;
    double amount;
    String currency;
    String first;
    String last;
    final Set<String> datasets = new TreeSet<>();
  }

  private int node(String entityId) {
    String id = canonical.getOrDefault(entityId, entityId);
    Integer n = nodes.get(id);
    if (n == null) {
      n = nodes.size();
      nodes.put(id, n);
      captions.add(null);
      kinds.add(null);
    }
    return n;
  }

  /** An entity's caption and schema; the longest caption of a resolved cluster names its node. */
  public void entity(String entityId, String schema, String caption) {
    int n = node(entityId);
    if (caption != null
        && (captions.get(n) == null || caption.length() > captions.get(n).length())) {
      captions.set(n, caption);
    }
    if (kinds.get(n) == null || "LegalEntity".equals(kinds.get(n))) {
      kinds.set(n, schema);
    }
  }

  /** Marks an entity (its node) with a flag such as "underworld" or "upperworld". */
  public void flag(String entityId, String flag) {
    flags.computeIfAbsent(node(entityId), k -> new TreeSet<>()).add(flag);
  }

  /** One relationship statement between two entities. */
  public void link(
      String type,
      String from,
      String to,
      String date,
      Double amount,
      String currency,
      String dataset) {
    int u = node(from);
    int v = node(to);
    if (u == v) {
      return;
    }
    Acc a =
        edges
            .computeIfAbsent(Network.key(Math.min(u, v), Math.max(u, v)), k -> new HashMap<>())
            .computeIfAbsent(type, k -> new Acc());
    a.count++;
    if (amount != null) {
      a.amount += amount;
      a.currency = a.currency == null ? currency : a.currency;
    }
    if (date != null && !date.isBlank()) {
      a.first = a.first == null || date.compareTo(a.first) < 0 ? date : a.first;
      a.last = a.last == null || date.compareTo(a.last) > 0 ? date : a.last;
    }
    if (dataset != null) {
      a.datasets.add(dataset);
    }
  }

  /** A pivot value an entity holds, such as "phone:+31612345678". */
  public void pivot(String kindAndValue, String entityId) {
    pivots.computeIfAbsent(kindAndValue, k -> new TreeSet<>()).add(node(entityId));
  }

  public Network build() {
    return build(null);
  }

  /**
   * The network; with {@code types}, only links of those types (such as Message and Call, or
   * "shared phone") are kept, and only the nodes they touch.
   */
  public Network build(Set<String> types) {
    for (Map.Entry<String, Set<Integer>> p : pivots.entrySet()) {
      Set<Integer> holders = p.getValue();
      if (holders.size() < 2 || holders.size() > PIVOT_LIMIT_DEFAULT) {
        continue;
      }
      String type = "shared " + p.getKey().substring(0, p.getKey().indexOf(':'));
      Integer[] h = holders.toArray(new Integer[0]);
      for (int i = 0; i < h.length; i++) {
        for (int j = i + 1; j < h.length; j++) {
          Acc a =
              edges
                  .computeIfAbsent(Network.key(h[i], h[j]), k -> new HashMap<>())
                  .computeIfAbsent(type, k -> new Acc());
          a.count++;
        }
      }
    }
    if (types != null) {
      edges.values().forEach(m -> m.keySet().retainAll(types));
      edges.values().removeIf(Map::isEmpty);
    }
    int[] keep = new int[nodes.size()];
    Arrays.fill(keep, types == null ? 0 : -1);
    if (types != null) {
      for (long k : edges.keySet()) {
        keep[(int) (k >>> 32)] = 0;
        keep[(int) k] = 0;
      }
    }
    int n = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i] == 0) {
        keep[i] = n++;
      }
    }
    GraphBuilder b = new GraphBuilder(n, edges.size());
    Map<Long, List<Link>> links = new HashMap<>();
    for (Map.Entry<Long, Map<String, Acc>> e : edges.entrySet()) {
      int u = keep[(int) (e.getKey() >>> 32)];
      int v = keep[(int) (long) e.getKey()];
      double weight = 0;
      List<Link> list = new ArrayList<>();
      for (Map.Entry<String, Acc> t : new TreeMap<>(e.getValue()).entrySet()) {
        Acc a = t.getValue();
        String type = t.getKey();
        weight +=
            type.startsWith("shared ")
                ? PIVOT_WEIGHT
                : REPEATED.contains(type) ? 1 + Math.log(a.count) / Math.log(2) : 1;
        list.add(
            new Link(
                type,
                a.count,
                Math.round(a.amount * 100) / 100.0,
                a.currency,
                a.first,
                a.last,
                List.copyOf(a.datasets)));
      }
      b.add(u, v, weight);
      links.put(Network.key(Math.min(u, v), Math.max(u, v)), list);
    }
    String[] all = nodes.keySet().toArray(new String[0]);
    String[] ids = new String[n];
    String[] caps = new String[n];
    String[] schemata = new String[n];
    for (int i = 0; i < all.length; i++) {
      if (keep[i] >= 0) {
        ids[keep[i]] = all[i];
        caps[keep[i]] = captions.get(i) == null ? all[i] : captions.get(i);
        schemata[keep[i]] = kinds.get(i);
      }
    }
    Map<Integer, Set<String>> frozen = new HashMap<>();
    flags.forEach(
        (k, v) -> {
          if (keep[k] >= 0) {
            frozen.put(keep[k], Set.copyOf(v));
          }
        });
    Network net = new Network(ids, caps, schemata, b.build(false), links, frozen);
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byId.put(ids[i], i);
    }
    canonical.forEach(
        (entity, id) -> {
          Integer node = byId.get(id);
          if (node != null) {
            net.alias(entity, node);
          }
        });
    return net;
  }
}
