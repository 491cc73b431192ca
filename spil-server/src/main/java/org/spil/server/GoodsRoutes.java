package org.spil.server;

import static org.spil.server.Params.blankToNull;
import static org.spil.server.Params.body;
import static org.spil.server.Params.intParam;
import static org.spil.server.Params.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.spil.analysis.goods.Routes;
import org.spil.app.FlowGraphs;
import org.spil.app.GoodsFlows;
import org.spil.app.Kept;
import org.spil.app.ShipmentTargeting;
import org.spil.app.TradePartners;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of goods-flow analysis on the shipments and seizures the reader may see, as the
 * commands print them with {@code --json}.
 */
final class GoodsRoutes {
  private final Store store;
  private final Kept<List<Routes.Shipment>> kept;

  private final FlowGraphs graphs;

  GoodsRoutes(Store store, FlowGraphs graphs) {
    this.store = store;
    this.graphs = graphs;
    this.kept = GoodsFlows.keep(store);
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/targeting",
            List.of("since", "top"),
            "Shipments ranked by risk as spil targeting --json prints them: [{shipment, score,"
                + " indicators: [{name, weight, explanation}]}], under the weights of the server's"
                + " data directory (targeting.weights); top 20 by default, 0 for all.",
            Access.READER,
            c ->
                new ShipmentTargeting(store, graphs)
                    .targets(
                        c.viewer(),
                        blankToNull(c.ctx().queryParam("since")),
                        intParam(c.ctx(), "top", 20, 0, 1_000_000),
                        ShipmentTargeting.weights(store.dir(), null))),
        new Route(
            HandlerType.POST,
            "/api/inspections",
            List.of(),
            "The reader's team's outcome of inspecting a shipment: {\"shipment\", \"outcome\":"
                + " found|nothing|open, \"note\"}; targeting shows it and learns from it; audited.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              new ShipmentTargeting(store)
                  .inspect(
                      c.viewer(),
                      text(b, "shipment"),
                      text(b, "outcome"),
                      b.path("note").asText(null));
              return Map.of("shipment", text(b, "shipment"), "outcome", text(b, "outcome"));
            }),
        new Route(
            HandlerType.GET,
            "/api/upstream",
            List.of("country"),
            "The firms of a country shipping to Dutch and Belgian ports as spil upstream --json"
                + " prints them: [{party, name, shipments, tonnes, value, ports, consignees,"
                + " seized, first, last}].",
            Access.READER,
            c -> new TradePartners(store).upstream(c.viewer(), c.ctx().queryParam("country"))),
        new Route(
            HandlerType.GET,
            "/api/downstream",
            List.of("days"),
            "The exports after an import by the exporter within days (365 by default) as spil"
                + " downstream --json prints them: [{export, export_label, day, destination,"
                + " exporter, exporter_name, last_import, import_label, import_day, import_from,"
                + " import_goods, days_after, imports, chemicals}].",
            Access.READER,
            c ->
                new TradePartners(store)
                    .downstream(c.viewer(), intParam(c.ctx(), "days", 365, 1, 3650))),
        new Route(
            HandlerType.GET,
            "/api/routes",
            List.of("port", "country", "since", "until"),
            "The routes of the shipments the reader may see, as spil routes --json prints them:"
                + " {shipments, routes: [{ports, source, transit, destination, shipments, tonnes,"
                + " value, months}], ports: [{locode, name, country, lat, lon, shipments}]}.",
            Access.READER,
            c ->
                new GoodsFlows(store, GoodsFlows.defaultPorts(), kept)
                    .routes(
                        c.viewer(),
                        new GoodsFlows.RouteQuery(
                            c.ctx().queryParam("port"),
                            c.ctx().queryParam("country"),
                            blankToNull(c.ctx().queryParam("since")),
                            blankToNull(c.ctx().queryParam("until"))))));
  }
}
