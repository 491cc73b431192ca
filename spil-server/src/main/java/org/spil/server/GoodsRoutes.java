package org.spil.server;

import static org.spil.server.Params.blankToNull;
import static org.spil.server.Params.intParam;

import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.app.GoodsFlows;
import org.spil.app.ShipmentTargeting;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of goods-flow analysis on the shipments and seizures the reader may see, as the
 * commands print them with {@code --json}.
 */
final class GoodsRoutes {
  private final Store store;

  GoodsRoutes(Store store) {
    this.store = store;
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
                new ShipmentTargeting(store)
                    .targets(
                        c.viewer(),
                        blankToNull(c.ctx().queryParam("since")),
                        intParam(c.ctx(), "top", 20, 0, 1_000_000),
                        ShipmentTargeting.weights(store.dir(), null))),
        new Route(
            HandlerType.GET,
            "/api/routes",
            List.of("port", "country", "since", "until"),
            "The routes of the shipments the reader may see, as spil routes --json prints them:"
                + " {shipments, routes: [{ports, source, transit, destination, shipments, tonnes,"
                + " value, months}], ports: [{locode, name, country, lat, lon, shipments}]}.",
            Access.READER,
            c ->
                new GoodsFlows(store, GoodsFlows.defaultPorts())
                    .routes(
                        c.viewer(),
                        new GoodsFlows.RouteQuery(
                            c.ctx().queryParam("port"),
                            c.ctx().queryParam("country"),
                            blankToNull(c.ctx().queryParam("since")),
                            blankToNull(c.ctx().queryParam("until"))))));
  }
}
