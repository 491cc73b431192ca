package org.spil.server;

import static org.spil.server.Params.*;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spil.app.Facets;
import org.spil.app.Resolving;
import org.spil.app.Searching;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.EntityRecord;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;

/**
 * The routes that read entities for a purpose: search with facets, an entity with the provenance of
 * every value, what it takes part in, the resolved entity it belongs to, counts.
 */
final class ReadRoutes {
  /** Most hits a search finds; {@code limit} and {@code offset} page within them. */
  static final int MAX_HITS = 1000;

  /**
   * Hits a search finds at least, for its facets and total: the best 100 (a search finding more
   * says so with {@code total_capped}); paging further finds as many as the page needs. Assembling
   * a hit costs per hit, so finding all 1,000 for every page would cost the most.
   */
  static final int FACET_HITS = 100;

  private final Store store;

  ReadRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/search",
            List.of(
                "q",
                "limit",
                "offset",
                "schema",
                "country",
                "dataset",
                "agency",
                "handling_code",
                "from",
                "to"),
            "Search names, identifiers and addresses within what the purpose lets the user see;"
                + " facets (schema, country, handling code) count the best 100 hits (more when paging further).",
            Access.READER,
            this::search),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}",
            List.of(),
            "An entity with every visible value and its provenance.",
            Access.READER,
            this::entity),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}/relations",
            List.of(),
            "What an entity takes part in (directorships, ownerships, payments, shipments,"
                + " messages, border crossings...), with the other parties, as the reader may see"
                + " it.",
            Access.READER,
            c -> new Searching(store).relations(c.viewer(), c.ctx().pathParam("id"))),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}/cluster",
            List.of(),
            "The team's resolved entity an entity belongs to, with its members the reader may"
                + " see; {\"canonical_id\": null} when it stands alone.",
            Access.READER,
            c -> new Resolving(store).clusterOf(c.viewer(), c.ctx().pathParam("id"))),
        new Route(
            HandlerType.GET,
            "/api/stats",
            List.of(),
            "Entities and statements visible, per dataset, schema, agency and handling code.",
            Access.READER,
            c -> new Searching(store).stats(c.viewer())));
  }

  private Object search(Call call) {
    Context ctx = call.ctx();
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new ApiError(400, "give q: a name, an identifier or words to look for", "q");
    }
    int limit = intParam(ctx, "limit", 20, 1, 200);
    int offset = intParam(ctx, "offset", 0, 0, MAX_HITS - 1);
    String codes = ctx.queryParam("handling_code");
    Set<String> handling =
        codes == null || codes.isBlank() ? Set.of() : Set.of(codes.strip().split("\\s*,\\s*"));
    String from = blankToNull(ctx.queryParam("from"));
    String to = blankToNull(ctx.queryParam("to"));
    SearchQuery query =
        new SearchQuery(
            q,
            ctx.queryParam("schema"),
            ctx.queryParam("country"),
            ctx.queryParam("dataset"),
            ctx.queryParam("agency"),
            Math.min(MAX_HITS, Math.max(FACET_HITS, offset + limit)),
            "NL");
    List<SearchHit> found = new Searching(store).search(call.viewer(), query);
    Facets.Narrowed narrowed =
        Facets.of(
            found,
            handling,
            from == null ? null : date(from, "from"),
            to == null ? null : date(to, "to"));
    List<SearchHit> hits = narrowed.hits();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "results",
        hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + limit)));
    // the hits within the reader's scope, best first, up to MAX_HITS: a search is for finding, a
    // listing of everything is an export
    out.put("total", hits.size());
    out.put("total_capped", found.size() == query.limit());
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("facets", narrowed.facets());
    return out;
  }

  private Object entity(Call call) {
    Optional<EntityRecord> e = new Searching(store).show(call.viewer(), call.ctx().pathParam("id"));
    // an entity the reader may not see and one that does not exist get the same answer
    return e.orElseThrow(() -> new ApiError(404, "no such entity", null));
  }
}
