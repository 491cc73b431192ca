package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.spil.analysis.graph.Centrality;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.network.Network;
import org.spil.app.GoodsFlows;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.app.PortInsiders;
import org.spil.app.SeizureChains;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Answer;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.Charts;
import org.spil.store.Store;

/**
 * The routes of network analysis on the reader's network: ego networks, centrality, communities,
 * paths, key players and bridges, on projections kept per reader while the warehouse and the day
 * stay the same.
 */
final class NetworkRoutes implements AutoCloseable {
  private final Store store;
  private final StoreAccess access;
  private final Projections projections;

  NetworkRoutes(Store store, StoreAccess access) {
    this.store = store;
    this.access = access;
    this.projections = new Projections(store, access);
  }

  @Override
  public void close() {
    projections.close();
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        onProjection(
            HandlerType.GET,
            "/api/network/{id}",
            List.of("depth", "max_nodes", "links", "since", "until"),
            "The network around an entity: nodes within depth steps, edges with their sources.",
            this::egoNetwork),
        onProjection(
            HandlerType.GET,
            "/api/graph",
            List.of("format", "links", "since", "until"),
            "The reader's whole network for Gephi and other tools (format gexf or graphml), with"
                + " degree, PageRank and community per node.",
            this::graph),
        new Route(
            HandlerType.POST,
            "/api/charts",
            List.of(),
            "Save a chart for the reader's team (the case's members, or the agency's users for a"
                + " legal task): {\"name\", \"nodes\": [{\"id\", \"x\", \"y\"}]}.",
            Access.READER,
            this::saveChart),
        new Route(
            HandlerType.GET,
            "/api/charts",
            List.of(),
            "The charts of the reader's team, newest first.",
            Access.READER,
            c -> page(store.charts().list(c.viewer()))),
        onProjection(
            HandlerType.GET,
            "/api/charts/{id}",
            List.of(),
            "A chart of the reader's team on the reader's own network: only its nodes the reader"
                + " may see, with the edges among them.",
            c ->
                NetworkAnalysis.chart(
                    network(c),
                    access
                        .<Optional<Charts.Chart>>read(
                            () -> store.charts().open(c.viewer(), c.ctx().pathParam("id")))
                        .orElseThrow(() -> new ApiError(404, "no such chart", null)))),
        onProjection(
            HandlerType.GET,
            "/api/centrality",
            List.of("measure", "top", "weighted", "links", "since", "until"),
            "Who matters in the reader's network: a centrality measure, top nodes.",
            c ->
                remembered(
                    c,
                    net ->
                        NetworkAnalysis.centrality(
                            net,
                            Centrality.parse(
                                Optional.ofNullable(c.ctx().queryParam("measure"))
                                    .orElse("betweenness")),
                            intParam(c.ctx(), "top", 10, 1, 10_000),
                            lengths(c.ctx())))),
        onProjection(
            HandlerType.GET,
            "/api/communities",
            List.of("resolution", "min_size", "links", "since", "until"),
            "Communities (Louvain) of the reader's network.",
            c ->
                remembered(
                    c,
                    net ->
                        NetworkAnalysis.communities(
                            net,
                            doubleParam(c.ctx(), "resolution", 1.0, 0.01, 100),
                            intParam(c.ctx(), "min_size", 2, 1, 1_000_000)))),
        onProjection(
            HandlerType.GET,
            "/api/path",
            List.of("from", "to", "k", "weighted", "links", "since", "until"),
            "The shortest paths between two entities in the reader's network.",
            c ->
                NetworkAnalysis.paths(
                    networkNaming(c, c.ctx().queryParam("from"), c.ctx().queryParam("to")),
                    required(c.ctx(), "from"),
                    required(c.ctx(), "to"),
                    intParam(c.ctx(), "k", 1, 1, 20),
                    lengths(c.ctx()))),
        onProjection(
            HandlerType.GET,
            "/api/keyplayers",
            List.of("k", "weighted", "links", "since", "until"),
            "The k nodes whose removal breaks the reader's network most.",
            c ->
                remembered(
                    c,
                    net ->
                        NetworkAnalysis.keyPlayers(
                            net, intParam(c.ctx(), "k", 5, 1, 100), lengths(c.ctx())))),
        onProjection(
            HandlerType.GET,
            "/api/chain/{id}",
            List.of(),
            "The chain behind a seizure as spil chain --json prints it: {seizure, entities: [{id,"
                + " schema, caption, datasets, suspect}], links: [{source, target, type, detail,"
                + " datasets}], rip_on, verdict}, from the shipment it was found in to the people"
                + " behind the consignee and the terminal's staff tied to suspects.",
            c -> {
              String id = c.ctx().pathParam("id");
              Network net = networkNaming(c);
              return access.read(() -> new SeizureChains(store).of(c.viewer(), net, id));
            }),
        onProjection(
            HandlerType.GET,
            "/api/insiders",
            List.of("port", "top"),
            "Who inside a port helps: {port, port_name, firms, staff, insiders: [{person, caption,"
                + " employer, employer_caption, function, score, evidence: [{name, weight,"
                + " explanation, datasets}]}]}, the list as spil insiders --json prints it; top 20"
                + " by default, 0 for all with any evidence.",
            c -> {
              Network net = network(c);
              String port = required(c.ctx(), "port");
              int top = intParam(c.ctx(), "top", 20, 0, 100_000);
              return access.read(
                  () ->
                      new PortInsiders(store, GoodsFlows.defaultPorts())
                          .rank(c.viewer(), net, port, top));
            }),
        onProjection(
            HandlerType.GET,
            "/api/bridges",
            List.of("top", "max_steps", "weighted", "links", "since", "until"),
            "Links between the underworld and the legal economy in the reader's network.",
            c ->
                remembered(
                    c,
                    net ->
                        NetworkAnalysis.bridges(
                            net,
                            intParam(c.ctx(), "top", 10, 1, 10_000),
                            intParam(c.ctx(), "max_steps", 3, 1, 10),
                            lengths(c.ctx())))));
  }

  /** Most answers remembered per projection. */
  static final int ANSWERS_KEPT = 64;

  /**
   * The answers of analyses of the whole network (centrality, communities, key players, bridges),
   * per projection and query: on a million persons each takes seconds, and the network they were
   * computed on does not change. Forgotten with the projection.
   */
  private final Map<Network, Map<String, Object>> answers =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** An analysis of the whole network. */
  private interface Analysis {
    Object of(Network net) throws Exception;
  }

  /**
   * The answer of an analysis of the reader's network, computed once per projection and query (a
   * read, audited, every time).
   */
  private Object remembered(Call call, Analysis analysis) throws Exception {
    Network net = network(call);
    String query = call.ctx().path() + "?" + call.ctx().queryString();
    Map<String, Object> of = answers.computeIfAbsent(net, n -> new ConcurrentHashMap<>());
    Object answer = of.get(query);
    if (answer == null) {
      answer = analysis.of(net);
      if (of.size() >= ANSWERS_KEPT) {
        of.clear();
      }
      of.put(query, answer);
    }
    return answer;
  }

  /**
   * A route answered from the reader's projection: its viewer read under the store's read lock, the
   * rest outside it (see {@link StoreAccess.Lock#SELF}).
   */
  private static Route onProjection(
      HandlerType method, String path, List<String> query, String summary, Answer answer) {
    return new Route(method, path, query, summary, Access.READER, answer, StoreAccess.Lock.SELF);
  }

  /** Projections made since the server started (the tests count sharing by it). */
  int projectionsMade() {
    return projections.made();
  }

  /** The reader's network with the link types the request names ({@code links}, all if none). */
  private Network network(Call call) throws Exception {
    return read(call, projected(call, false));
  }

  /**
   * The reader's network for an answer about entities the request names: a network made before the
   * warehouse last changed may lack them (a record just ingested or granted), and the current one
   * is awaited then.
   */
  private Network networkNaming(Call call, String... ids) throws Exception {
    Projections.Answer a = projected(call, false);
    if (!a.current()) {
      for (String id : ids) {
        if (id != null && !a.network().knows(id)) {
          a = projected(call, true);
          break;
        }
      }
    }
    return read(call, a);
  }

  private Projections.Answer projected(Call call, boolean current) throws Exception {
    Context ctx = call.ctx();
    LinkFilter links =
        LinkFilter.parse(ctx.queryParam("links"), ctx.queryParam("since"), ctx.queryParam("until"));
    return projections.get(call.viewer(), links, current);
  }

  /** The network of an answer, which says when it was made and is audited as a read. */
  private Network read(Call call, Projections.Answer projected) {
    // a network made before the warehouse last changed says so: the current one is being made
    call.ctx().header("Spil-Network-Made", projected.made().toString());
    call.ctx().header("Spil-Network-Current", Boolean.toString(projected.current()));
    Network net = projected.network();
    // every answer drawn from a kept projection is a read of its own, audited as such
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("route", call.ctx().path());
    detail.put("nodes", net.size());
    store.audited(call.viewer(), "network-read", detail);
    return net;
  }

  /** Path lengths: by hops, or with {@code weighted=true} by the inverse of the links' weight. */
  private static Lengths lengths(Context ctx) {
    String w = ctx.queryParam("weighted");
    if (w == null || w.isBlank() || w.equals("false")) {
      return Lengths.HOPS;
    }
    if (w.equals("true")) {
      return Lengths.INVERSE_WEIGHT;
    }
    throw new ApiError(400, "weighted must be true or false", "weighted");
  }

  private Object graph(Call call) throws Exception {
    NetworkAnalysis.GraphFormat format =
        NetworkAnalysis.GraphFormat.parse(required(call.ctx(), "format"));
    Path dir = Files.createTempDirectory("spil-graph-");
    Path file = dir.resolve("network." + format.name().toLowerCase(Locale.ROOT));
    try {
      NetworkAnalysis.writeGraph(network(call), format, file, store.dir(), false);
      byte[] bytes = Files.readAllBytes(file);
      call.ctx()
          .contentType("application/xml")
          .header(
              "Content-Disposition",
              "attachment; filename=\"spil-network."
                  + format.name().toLowerCase(Locale.ROOT)
                  + "\"")
          .result(bytes);
      return ApiServer.Streamed.INSTANCE;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private Object saveChart(Call call) {
    JsonNode b = body(call.ctx());
    JsonNode nodes = b.get("nodes");
    if (nodes == null || !nodes.isArray()) {
      throw new ApiError(400, "give \"nodes\" as a list of {\"id\", \"x\", \"y\"}", "nodes");
    }
    List<Charts.Placed> placed = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (!n.path("id").isTextual() || !n.path("x").isNumber() || !n.path("y").isNumber()) {
        throw new ApiError(400, "each node needs \"id\", \"x\" and \"y\"", "nodes");
      }
      placed.add(
          new Charts.Placed(n.get("id").asText(), n.get("x").asDouble(), n.get("y").asDouble()));
    }
    String id = store.charts().save(call.viewer(), text(b, "name"), placed);
    return Map.of("id", id);
  }

  private Object egoNetwork(Call call) throws Exception {
    Context ctx = call.ctx();
    int depth = intParam(ctx, "depth", 2, 1, 6);
    int maxNodes = intParam(ctx, "max_nodes", 500, 1, 5000);
    Network net = networkNaming(call, ctx.pathParam("id"));
    try {
      return NetworkAnalysis.ego(net, ctx.pathParam("id"), depth, maxNodes);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("unknown entity")) {
        // an entity outside the reader's network and one that does not exist: the same answer
        throw new ApiError(404, "no such entity", null);
      }
      throw e;
    }
  }
}
