package org.spil.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Brokers;
import org.spil.analysis.graph.Centrality;
import org.spil.analysis.graph.Ego;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KeyPlayers;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.graph.PageRank;
import org.spil.analysis.graph.Paths;
import org.spil.analysis.graph.VertexScores;
import org.spil.analysis.graph.WorldLinks;
import org.spil.analysis.network.GraphFormats;
import org.spil.analysis.network.Link;
import org.spil.analysis.network.Network;
import org.spil.analysis.network.NetworkFile;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.Charts;
import org.spil.store.Store;

/**
 * Network analysis on the network a viewer may see (resolved entities merged; see {@link
 * NetworkSource}) or on a network file (an adjacency matrix or edge list, such as the real criminal
 * networks in ../shared/data/networks): the ego network around an entity, centrality, communities,
 * paths, key players, brokers and links into the legal economy, and the whole network for Gephi.
 * Every result names its nodes and edges as the JSON of the commands and the API shows them: edges
 * as {@code source}/{@code target} with the datasets behind each link.
 */
public final class NetworkAnalysis {
  private NetworkAnalysis() {}

  /** The network the viewer may see, drawn from the links the filter keeps (types, period). */
  public static Network load(Store store, Viewer viewer, LinkFilter links) {
    return NetworkSource.read(store, viewer, links);
  }

  /** A network file: an adjacency matrix or an edge list. */
  public static Network read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidField("graph", "no such file: " + file);
    }
    return NetworkFile.read(file);
  }

  /** A node as results show it: id, caption, schema (when known) and flags (when any). */
  public record Node(
      String id,
      String caption,
      @JsonInclude(JsonInclude.Include.NON_NULL) String schema,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> flags) {

    public static Node of(Network net, int v) {
      Set<String> flags = net.flags(v);
      return new Node(
          net.id(v),
          net.caption(v),
          net.kind(v),
          flags.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(flags)));
    }

    /** "caption [id]", or the id alone when it is the caption. */
    public String label() {
      return caption.equals(id) ? caption : caption + " [" + id + "]";
    }
  }

  /**
   * One kind of tie on an edge: type, how many statements make it, the money it carries (when any),
   * its period (when dated) and the datasets it comes from.
   */
  public record LinkView(
      String type,
      int count,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double amount,
      @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
      @JsonInclude(JsonInclude.Include.NON_NULL) String first,
      @JsonInclude(JsonInclude.Include.NON_NULL) String last,
      List<String> datasets) {

    static LinkView of(Link l) {
      boolean money = l.amount() != 0;
      return new LinkView(
          l.type(),
          l.count(),
          money ? l.amount() : null,
          money ? l.currency() : null,
          l.first(),
          l.first() == null ? null : l.last(),
          l.datasets());
    }
  }

  /** An edge with its weight and the links behind it. */
  public record Edge(
      String source,
      String target,
      double weight,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LinkView> links) {

    public static Edge of(Network net, int u, int v, double weight) {
      return new Edge(
          net.id(u),
          net.id(v),
          Math.round(weight * 1000) / 1000.0,
          net.links(u, v).stream().map(LinkView::of).toList());
    }
  }

  /** A node of an ego network with its distance from the centre. */
  public record EgoNode(@JsonUnwrapped Node node, int distance) {}

  /**
   * The network around an entity: the centre, the depth, how many nodes lie within it, the nodes
   * listed (nearest first, cut at a maximum) and every edge among them.
   */
  public record EgoView(
      Node centre, int depth, int nodesWithinDepth, List<EgoNode> nodes, List<Edge> edges) {}

  /** The ego network of an entity (an id, a merged member's id, or a caption naming one node). */
  public static EgoView ego(Network net, String entity, int depth, int maxNodes) {
    if (depth < 0) {
      throw new InvalidField("depth", "must be 0 or more");
    }
    if (maxNodes < 1) {
      throw new InvalidField("max_nodes", "must be at least 1");
    }
    return ego(net, net.node(entity), depth, maxNodes);
  }

  /** The ego network of a node. */
  public static EgoView ego(Network net, int centre, int depth, int maxNodes) {
    Graph g = net.graph();
    Ego.Result ego = Ego.around(g, centre, depth);
    int shown = Math.min(maxNodes, ego.nodes().length);
    Map<Integer, Integer> distance = new HashMap<>();
    List<EgoNode> nodes = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      int v = ego.nodes()[i];
      distance.put(v, ego.distance()[i]);
      nodes.add(new EgoNode(Node.of(net, v), ego.distance()[i]));
    }
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      int v = ego.nodes()[i];
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (v < w && distance.containsKey(w)) {
          edges.add(Edge.of(net, v, w, g.weight(e)));
        }
      }
    }
    return new EgoView(Node.of(net, centre), depth, ego.nodes().length, nodes, edges);
  }

  /** A node of a chart as its reader sees it, where the analyst placed it. */
  public record ChartNode(@JsonUnwrapped Node node, double x, double y) {}

  /**
   * A saved chart opened by a reader: its nodes that are in the reader's own network, with the
   * reader's captions, and the edges of the reader's network among them. Nodes the reader may not
   * see are left out without a trace.
   */
  public record ChartView(
      String id,
      String name,
      String savedBy,
      String savedAt,
      List<ChartNode> nodes,
      List<Edge> edges) {}

  /** A saved chart on the reader's network. */
  public static ChartView chart(Network net, Charts.Chart saved) {
    Map<Integer, Charts.Placed> placed = new LinkedHashMap<>();
    for (Charts.Placed p : saved.nodes()) {
      try {
        placed.putIfAbsent(net.node(p.id()), p);
      } catch (IllegalArgumentException notInTheReadersNetwork) {
        // left out: the reader's network does not hold it
      }
    }
    Graph g = net.graph();
    List<ChartNode> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (Map.Entry<Integer, Charts.Placed> e : placed.entrySet()) {
      int v = e.getKey();
      nodes.add(new ChartNode(Node.of(net, v), e.getValue().x(), e.getValue().y()));
      for (int i = g.start(v); i < g.end(v); i++) {
        int w = g.target(i);
        if (v < w && placed.containsKey(w)) {
          edges.add(Edge.of(net, v, w, g.weight(i)));
        }
      }
    }
    return new ChartView(saved.id(), saved.name(), saved.savedBy(), saved.savedAt(), nodes, edges);
  }

  /** A node ranked by a measure, with its degree. */
  public record Ranked(
      int rank, @JsonUnwrapped Node node, String measure, double score, int degree) {}

  /**
   * The top nodes by a measure, with the size of the network and, when the scores are approximate,
   * a note saying how (not part of the JSON list).
   */
  public record Ranking(
      List<Ranked> rows, @JsonIgnore int nodes, @JsonIgnore long edges, @JsonIgnore String note) {}

  /** The {@code top} nodes by a centrality measure, best first, ties by id. */
  public static Ranking centrality(Network net, Centrality measure, int top, Lengths lengths) {
    if (top < 1) {
      throw new InvalidField("top", "must be at least 1");
    }
    Graph g = net.graph();
    VertexScores scores = measure.compute(g, lengths);
    List<Ranked> rows = new ArrayList<>();
    int rank = 1;
    for (int v : scores.top(top, Comparator.comparing(net::id))) {
      rows.add(new Ranked(rank++, Node.of(net, v), measure.label(), scores.of(v), g.degree(v)));
    }
    return new Ranking(rows, g.nodes(), g.edges(), scores.note());
  }

  /** A community with its members, best-connected first. */
  public record Community(int community, int size, List<Node> members) {}

  /** The communities of a network, largest first, and the modularity of the split. */
  public record Communities(double modularity, List<Community> communities) {}

  /**
   * The groups of the network (Louvain, weighted modularity; a {@code resolution} above 1 gives
   * more, smaller communities) of at least {@code minSize} members.
   */
  public static Communities communities(Network net, double resolution, int minSize) {
    if (!(resolution > 0)) {
      throw new InvalidField("resolution", "must be positive");
    }
    Graph g = net.graph();
    LouvainCommunities.Result r = LouvainCommunities.compute(g, resolution, 1);
    List<List<Integer>> groups = new ArrayList<>();
    for (int c = 0; c < r.count(); c++) {
      groups.add(new ArrayList<>());
    }
    for (int v = 0; v < g.nodes(); v++) {
      groups.get(r.community()[v]).add(v);
    }
    groups.removeIf(x -> x.size() < minSize);
    groups.sort(Comparator.comparingInt((List<Integer> x) -> -x.size()));
    List<Community> out = new ArrayList<>();
    int id = 1;
    for (List<Integer> group : groups) {
      group.sort((a, b) -> Integer.compare(g.degree(b), g.degree(a)));
      out.add(new Community(id++, group.size(), group.stream().map(v -> Node.of(net, v)).toList()));
    }
    return new Communities(r.modularity(), out);
  }

  /** One path: its length, its nodes in order, and the edges between them with their links. */
  public record PathView(double length, List<Node> nodes, List<Edge> edges) {}

  /** The shortest paths between two nodes; {@code connected} false when there is none. */
  public record PathsView(boolean connected, List<PathView> paths) {}

  /** The {@code k} shortest simple paths between two entities. */
  public static PathsView paths(Network net, String from, String to, int k, Lengths lengths) {
    if (k < 1 || k > 100) {
      throw new InvalidField("k", "must be between 1 and 100");
    }
    int a = net.node(from);
    int b = net.node(to);
    if (a == b) {
      throw new InvalidField("to", "A and B are the same node");
    }
    Graph g = net.graph();
    List<PathView> out = new ArrayList<>();
    for (Paths.Path p : Paths.kShortest(g, a, b, k, lengths)) {
      List<Edge> edges = new ArrayList<>();
      for (int i = 0; i + 1 < p.nodes().size(); i++) {
        int u = p.nodes().get(i);
        int v = p.nodes().get(i + 1);
        edges.add(Edge.of(net, u, v, g.weight(g.edge(u, v))));
      }
      out.add(
          new PathView(p.length(), p.nodes().stream().map(v -> Node.of(net, v)).toList(), edges));
    }
    return new PathsView(!out.isEmpty(), out);
  }

  /**
   * A key player: rank, the node, its degree, and the fragmentation once it and those before go.
   */
  public record Player(int rank, @JsonUnwrapped Node node, int degree, double fragmentationAfter) {}

  /** Key players in order of removal, and the fragmentation before any. */
  public record KeyPlayerView(double fragmentationBefore, List<Player> players) {}

  /** The {@code k} nodes whose removal fragments the network most, greedily. */
  public static KeyPlayerView keyPlayers(Network net, int k, Lengths lengths) {
    if (k < 1 || k > 1000) {
      throw new InvalidField("k", "must be between 1 and 1000");
    }
    Graph g = net.graph();
    KeyPlayers.Result r = KeyPlayers.find(g, k, BrandesBetweenness.compute(g, lengths).scores());
    List<Player> players = new ArrayList<>();
    for (int i = 0; i < r.players().length; i++) {
      int v = r.players()[i];
      players.add(new Player(i + 1, Node.of(net, v), g.degree(v), r.fragmentation()[i + 1]));
    }
    return new KeyPlayerView(r.fragmentation()[0], players);
  }

  /** A broker: the node, its normalised betweenness, its participation and its community. */
  public record Broker(
      @JsonUnwrapped Node node, double betweenness, double participation, int community) {}

  /** A shortest path from the underworld to the upperworld. */
  public record WorldLink(int steps, List<Node> path) {}

  /**
   * Brokers between communities and links from suspects to legal businesses and professionals;
   * {@code worldLinksFound} counts all links found, {@code communities} the communities (not part
   * of the JSON).
   */
  public record Bridges(
      List<Broker> brokers,
      List<WorldLink> worldLinks,
      int worldLinksFound,
      @JsonIgnore int communities) {}

  /**
   * The go-betweens and the doors into the legal world. Brokers are ranked by betweenness times
   * participation (how evenly their ties spread over communities); world links are the shortest
   * paths from suspects and criminal phone accounts to registered businesses and professionals they
   * do not belong to, shortest first and, among equals, through the businesses with fewest other
   * ties (a front company before a supermarket).
   */
  public static Bridges bridges(Network net, int top, int maxSteps, Lengths lengths) {
    if (top < 1) {
      throw new InvalidField("top", "must be at least 1");
    }
    if (maxSteps < 1) {
      throw new InvalidField("max_steps", "must be at least 1");
    }
    Graph g = net.graph();
    LouvainCommunities.Result communities = LouvainCommunities.compute(g);
    double[] participation = Brokers.participation(g, communities.community(), communities.count());
    double[] betweenness = BrandesBetweenness.compute(g, lengths).normalised(g.directed());
    double[] score = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      score[v] = betweenness[v] * participation[v];
    }
    List<Broker> brokers =
        IntStream.range(0, g.nodes())
            .boxed()
            .filter(v -> score[v] > 0)
            .sorted((a, b) -> Double.compare(score[b], score[a]))
            .limit(top)
            .map(
                v ->
                    new Broker(
                        Node.of(net, v),
                        betweenness[v],
                        participation[v],
                        communities.community()[v]))
            .toList();
    boolean[] under = new boolean[g.nodes()];
    boolean[] upper = new boolean[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      under[v] = net.flags(v).contains("underworld");
      upper[v] = net.flags(v).contains("upperworld");
    }
    List<WorldLinks.Link> links = new ArrayList<>(WorldLinks.find(g, under, upper, maxSteps));
    // shortest first; among equals, the most specific business first: a front company tied to few
    // others says more than a supermarket that half the population pays
    links.sort(
        Comparator.comparingInt((WorldLinks.Link l) -> l.path().size())
            .thenComparingInt(l -> g.degree(l.to()))
            .thenComparing(l -> net.id(l.to())));
    List<WorldLink> shown =
        links.subList(0, Math.min(links.size(), top)).stream()
            .map(
                l ->
                    new WorldLink(
                        l.path().size() - 1, l.path().stream().map(v -> Node.of(net, v)).toList()))
            .toList();
    return new Bridges(brokers, shown, links.size(), communities.count());
  }

  /** The graph file formats. */
  public enum GraphFormat {
    GEXF,
    GRAPHML;

    public static GraphFormat parse(String name) {
      for (GraphFormat f : values()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new InvalidField("format", "must be gexf or graphml, not '" + name + "'");
    }
  }

  /**
   * Writes the whole network for Gephi and other graph tools, with degree, PageRank and community
   * as node attributes; to a temporary name first and moved into place, so a failure leaves
   * nothing. Never into the data directory, and over an existing file only with {@code force}.
   */
  public static void writeGraph(
      Network net, GraphFormat format, Path out, Path dataDir, boolean force) throws IOException {
    OutputTarget.check(out, dataDir, force);
    Graph g = net.graph();
    Map<String, double[]> scores = new LinkedHashMap<>();
    scores.put("degree", Centrality.DEGREE.compute(g, Lengths.HOPS).values());
    scores.put("pagerank", PageRank.compute(g).scores());
    int[] community = LouvainCommunities.compute(g).community();
    double[] c = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      c[v] = community[v];
    }
    scores.put("community", c);
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".spil-graph", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        if (format == GraphFormat.GEXF) {
          GraphFormats.gexf(net, scores, w);
        } else {
          GraphFormats.graphml(net, scores, w);
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
