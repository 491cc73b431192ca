package org.spil.analysis.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.spil.analysis.graph.Graph;

/**
 * A graph whose nodes have ids (entity or canonical ids, or the labels of a network file) and
 * captions, and whose edges carry the links that make them. Algorithms run on {@link #graph()};
 * results are reported through the ids.
 */
public final class Network {
  private final String[] ids;
  private final String[] captions;
  private final String[] kinds;
  private final Graph graph;

  /** The links of each edge, by its index in the graph from the lower node; null: none. */
  private final Link[][] links;

  private final Map<String, Integer> index = new HashMap<>();

  /** Each node's datasets once asked for ({@link #datasets}), the same sets shared. */
  private final AtomicReferenceArray<List<String>> datasetsOf;

  private final Map<List<String>, List<String>> datasetSets = new ConcurrentHashMap<>();
  private final Map<Integer, Set<String>> flags;
  private final Map<String, Integer> aliases;

  /** A network without recorded links (a network file). */
  public Network(String[] ids, String[] captions, String[] kinds, Graph graph) {
    this(ids, captions, kinds, graph, new Link[0][], Map.of());
  }

  public Network(
      String[] ids,
      String[] captions,
      String[] kinds,
      Graph graph,
      Link[][] links,
      Map<Integer, Set<String>> flags) {
    this.flags = flags;
    this.aliases = new HashMap<>();
    this.ids = ids;
    this.captions = captions;
    this.kinds = kinds;
    this.graph = graph;
    this.links = links;
    this.datasetsOf = new AtomicReferenceArray<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i], i);
    }
  }

  public Graph graph() {
    return graph;
  }

  public int size() {
    return ids.length;
  }

  public String id(int node) {
    return ids[node];
  }

  public String caption(int node) {
    return captions[node];
  }

  /** The schema or kind of a node (Person, Company, ...), or null when unknown. */
  public String kind(int node) {
    return kinds == null ? null : kinds[node];
  }

  /**
   * The node of an id (a node's own, or an entity id merged into it), or of a caption that names
   * exactly one node (a chat handle, a name as the network shows it); a clear error for an unknown
   * or ambiguous one.
   */
  public int node(String id) {
    Integer n = index.get(id);
    if (n == null) {
      n = aliases.get(id);
    }
    if (n != null) {
      return n;
    }
    List<Integer> named = new ArrayList<>();
    for (int v = 0; v < captions.length; v++) {
      if (captions[v] != null && captions[v].equalsIgnoreCase(id.strip())) {
        named.add(v);
      }
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "'"
              + id
              + "' names "
              + named.size()
              + " nodes; give one of their ids: "
              + String.join(", ", named.stream().limit(10).map(v -> ids[v]).toList()));
    }
    throw new IllegalArgumentException(
        "unknown entity '" + id + "': not a node of the network you may see");
  }

  /**
   * The node of an entity id (a node's own id, or a member's merged into it), or -1: no lookup by
   * caption, so it costs one map lookup whatever the network's size.
   */
  public int nodeOf(String id) {
    Integer n = index.get(id);
    if (n == null) {
      n = aliases.get(id);
    }
    return n == null ? -1 : n;
  }

  /** Whether an id (or a caption naming one node) names a node of the network. */
  public boolean knows(String id) {
    try {
      node(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The links between two nodes (either order), empty when none are recorded. */
  public List<Link> links(int u, int v) {
    if (links.length == 0) {
      return List.of();
    }
    int e = graph.edge(Math.min(u, v), Math.max(u, v));
    return e < 0 || links[e] == null ? List.of() : List.of(links[e]);
  }

  /**
   * The datasets of all of a node's links, sorted: where what the network knows of it comes from.
   * Computed once per node and kept (a terminal with thousands of staff is asked for by every
   * seizure chain through it).
   */
  public List<String> datasets(int node) {
    List<String> known = datasetsOf.get(node);
    if (known != null) {
      return known;
    }
    Set<String> out = new TreeSet<>();
    for (int e = graph.start(node); e < graph.end(node); e++) {
      for (Link l : links(node, graph.target(e))) {
        out.addAll(l.datasets());
      }
    }
    List<String> list = List.copyOf(out);
    List<String> shared = datasetSets.computeIfAbsent(list, k -> list);
    datasetsOf.set(node, shared);
    return shared;
  }

  /** Lets an entity id that was merged into a node (a resolved cluster member) name that node. */
  public void alias(String entityId, int node) {
    if (!index.containsKey(entityId)) {
      aliases.put(entityId, node);
    }
  }

  /** Flags of a node ("underworld", "upperworld"), empty when none. */
  public Set<String> flags(int node) {
    return flags.getOrDefault(node, Set.of());
  }

  /**
   * About how many bytes of heap the network takes: per node its id, caption and index entry (about
   * 200 bytes), per edge both directions in the graph, its links and their array (about 90), per
   * alias an index entry. An estimate for keeping networks within a share of the heap, not a
   * measurement.
   */
  public long estimatedBytes() {
    return 200L * ids.length + 90L * graph.edges() + 64L * aliases.size();
  }

  public static long key(int u, int v) {
    return ((long) u << 32) | (v & 0xffffffffL);
  }
}
