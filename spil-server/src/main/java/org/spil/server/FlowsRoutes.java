package org.spil.server;

import static org.spil.server.Params.*;

import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.analysis.flows.Typology;
import org.spil.app.MoneyFlows;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of money-flow analysis on the payments the reader may see, as {@code spil flows}
 * prints them with {@code --json}.
 */
final class FlowsRoutes {
  private final Store store;

  FlowsRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/flows/typologies",
            List.of("typology", "since", "until"),
            "Laundering typologies in the payments the reader may see (typology repeated or"
                + " comma-separated, default all; since and until as YYYY-MM-DD), under the"
                + " thresholds of the server's data directory; each alert explained.",
            Access.READER,
            c ->
                page(
                    new MoneyFlows(store)
                        .typologies(
                            c.viewer(),
                            new MoneyFlows.Query(
                                Typology.parse(c.ctx().queryParams("typology")),
                                MoneyFlows.thresholds(store.dir(), null),
                                blankToNull(c.ctx().queryParam("since")),
                                blankToNull(c.ctx().queryParam("until")))))),
        new Route(
            HandlerType.GET,
            "/api/flows/cycles",
            List.of("max_length", "window", "max_fee"),
            "Money that comes back to its origin within a window (days), through at most max_length"
                + " payments each keeping all but max_fee of the one before; largest first, each"
                + " explained.",
            Access.READER,
            c ->
                page(
                    new MoneyFlows(store)
                        .cycles(
                            c.viewer(),
                            intParam(c.ctx(), "max_length", 8, 2, 8),
                            intParam(c.ctx(), "window", 30, 0, 366),
                            doubleParam(c.ctx(), "max_fee", 0.05, 0, 0.5)))));
  }
}
