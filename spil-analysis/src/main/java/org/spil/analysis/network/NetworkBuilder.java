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
import org.spil.analysis.graph.Graph;
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

  /** The pairs of nodes with links, and per pair its links by type. */
  private final PairSlots pairs = new PairSlots(1 << 16);

  private final List<Map<String, Acc>> links = new ArrayList<>();

  /**
   * Per pivot value, how many nodes hold it (first element) and which (the rest); only counted once
   * more than {@link #PIVOT_LIMIT_DEFAULT} hold it, since it then links nobody.
   */
  private final Map<String, int[]> pivots = new HashMap<>();

  private final Map<Integer, Set<String>> flags = new HashMap<>();

  /** One copy of each date, currency and list of datasets the links carry. */
  private final Map<Object, Object> shared = new HashMap<>();

  /**
   * @param canonical entity id to canonical id (resolved clusters); others stand for themselves
   */
  public NetworkBuilder(Map<String, String> canonical) {
    this.canonical = canonical;
  }

  /** The links of one type between two nodes, aggregated. */
  private static final class Acc {
    int count;
    double amount;
    String currency;
    String first;
    String last;

    /** The one dataset, or the sorted set of several. */
    Object datasets;

    @SuppressWarnings("unchecked")
    void dataset(String d) {
      if (datasets == null) {
        datasets = d;
      } else if (datasets instanceof String one) {
        if (!one.equals(d)) {
          datasets = new TreeSet<>(List.of(one, d));
        }
      } else {
        ((Set<String>) datasets).add(d);
      }
    }

    @SuppressWarnings("unchecked")
    List<String> datasets() {
      return datasets == null
          ? List.of()
          : datasets instanceof String one ? List.of(one) : List.copyOf((Set<String>) datasets);
    }
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

  private Acc acc(int u, int v, String type) {
    int slot = pairs.slot(Network.key(Math.min(u, v), Math.max(u, v)));
    if (slot == links.size()) {
      links.add(new HashMap<>(2));
    }
    return links.get(slot).computeIfAbsent(type, k -> new Acc());
  }

  @SuppressWarnings("unchecked")
  private <T> T shared(T value) {
    return value == null ? null : (T) shared.computeIfAbsent(value, k -> k);
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
    boolean dated = date != null && !date.isBlank();
    link(
        type,
        from,
        to,
        1,
        amount,
        currency,
        dated ? date : null,
        dated ? date : null,
        dataset == null ? List.of() : List.of(dataset));
  }

  /**
   * Relationship statements of one type between two entities, aggregated: how many, their summed
   * amount (null: none gave one) and its currency, their first and last date (null: none) and their
   * datasets.
   */
  public void link(
      String type,
      String from,
      String to,
      long count,
      Double amount,
      String currency,
      String first,
      String last,
      List<String> datasets) {
    int u = node(from);
    int v = node(to);
    if (u == v) {
      return;
    }
    Acc a = acc(u, v, type);
    a.count += (int) Math.min(Integer.MAX_VALUE - a.count, count);
    if (amount != null) {
      a.amount += amount;
      a.currency = a.currency == null ? shared(currency) : a.currency;
    }
    if (first != null && (a.first == null || first.compareTo(a.first) < 0)) {
      a.first = shared(first);
    }
    if (last != null && (a.last == null || last.compareTo(a.last) > 0)) {
      a.last = shared(last);
    }
    for (String d : datasets) {
      a.dataset(shared(d));
    }
  }

  /** A pivot value an entity holds, such as "phone:+31612345678". */
  public void pivot(String kindAndValue, String entityId) {
    int n = node(entityId);
    int[] held = pivots.get(kindAndValue);
    if (held == null) {
      pivots.put(kindAndValue, new int[] {1, n});
      return;
    }
    if (held[0] > PIVOT_LIMIT_DEFAULT) {
      return;
    }
    for (int i = 1; i <= held[0]; i++) {
      if (held[i] == n) {
        return;
      }
    }
    if (held[0] == PIVOT_LIMIT_DEFAULT) {
      // one more than the limit: a pivot that links nobody, its holders no longer needed
      pivots.put(kindAndValue, new int[] {PIVOT_LIMIT_DEFAULT + 1});
      return;
    }
    if (held[0] + 1 == held.length) {
      held = Arrays.copyOf(held, Math.min(PIVOT_LIMIT_DEFAULT + 1, held.length * 2));
      pivots.put(kindAndValue, held);
    }
    held[++held[0]] = n;
  }

  public Network build() {
    return build(null);
  }

  /**
   * What links of one type between two nodes weigh: a shared pivot {@link #PIVOT_WEIGHT}, repeated
   * contact and money (payments, calls, messages, shipments) 1 + log2 of how many, any other type
   * 1. An edge weighs the sum over its types. The cluster's projection weighs with this too.
   */
  public static double weight(String type, long count) {
    return type.startsWith("shared ")
        ? PIVOT_WEIGHT
        : REPEATED.contains(type) ? 1 + Math.log(count) / Math.log(2) : 1;
  }

  /**
   * The network; with {@code types}, only links of those types (such as Message and Call, or
   * "shared phone") are kept, and only the nodes they touch.
   */
  public Network build(Set<String> types) {
    for (Map.Entry<String, int[]> p : pivots.entrySet()) {
      int[] held = p.getValue();
      if (held[0] < 2 || held[0] > PIVOT_LIMIT_DEFAULT) {
        continue;
      }
      String type = "shared " + p.getKey().substring(0, p.getKey().indexOf(':'));
      int[] h = Arrays.copyOfRange(held, 1, held[0] + 1);
      Arrays.sort(h);
      for (int i = 0; i < h.length; i++) {
        for (int j = i + 1; j < h.length; j++) {
          acc(h[i], h[j], type).count++;
        }
      }
    }
    if (types != null) {
      links.forEach(m -> m.keySet().retainAll(types));
    }
    int[] keep = new int[nodes.size()];
    Arrays.fill(keep, types == null ? 0 : -1);
    int edges = 0;
    for (int slot = 0; slot < pairs.size(); slot++) {
      if (!links.get(slot).isEmpty()) {
        edges++;
        long k = pairs.key(slot);
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
    GraphBuilder b = new GraphBuilder(n, edges);
    int[] from = new int[edges];
    int[] to = new int[edges];
    Link[][] made = new Link[edges][];
    int e = 0;
    for (int slot = 0; slot < pairs.size(); slot++) {
      Map<String, Acc> byType = links.get(slot);
      if (byType.isEmpty()) {
        continue;
      }
      long k = pairs.key(slot);
      int u = keep[(int) (k >>> 32)];
      int v = keep[(int) k];
      double weight = 0;
      List<Link> list = new ArrayList<>(byType.size());
      for (Map.Entry<String, Acc> t : new TreeMap<>(byType).entrySet()) {
        Acc a = t.getValue();
        String type = t.getKey();
        weight += weight(type, a.count);
        list.add(
            new Link(
                type,
                a.count,
                Math.round(a.amount * 100) / 100.0,
                a.currency,
                a.first,
                a.last,
                shared(a.datasets())));
      }
      b.add(u, v, weight);
      from[e] = Math.min(u, v);
      to[e] = Math.max(u, v);
      made[e++] = list.toArray(new Link[0]);
    }
    Graph graph = b.build(false);
    Link[][] byEdge = new Link[(int) (2 * graph.edges())][];
    for (int i = 0; i < edges; i++) {
      byEdge[graph.edge(from[i], to[i])] = made[i];
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
    Network net = new Network(ids, caps, schemata, graph, byEdge, frozen);
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
