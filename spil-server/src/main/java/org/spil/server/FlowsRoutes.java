package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.analysis.flows.Trace;
import org.spil.analysis.flows.Typology;
import org.spil.app.Assets;
import org.spil.app.FlowGraphs;
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

  /** The payment graphs kept between requests: a trace answers without reading every payment. */
  private final FlowGraphs kept;

  FlowsRoutes(Store store, FlowGraphs kept) {
    this.store = store;
    this.kept = kept;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/assets/{id}",
            List.of("depth"),
            "What a person or company controls, directly or through companies and family, as spil"
                + " assets --json prints it: each asset with its kind, value where known and the"
                + " chain of links to it, every link with its datasets.",
            Access.READER,
            c ->
                new Assets(store)
                    .of(c.viewer(), c.ctx().pathParam("id"), intParam(c.ctx(), "depth", 3, 1, 4))),
        new Route(
            HandlerType.GET,
            "/api/flows/features",
            List.of("level", "window"),
            "Windowed graph features of the payments the reader may see as a Parquet file, one row"
                + " per account (level accounts, the default) or per payment, as spil flows"
                + " features writes it.",
            Access.READER,
            this::features),
        new Route(
            HandlerType.POST,
            "/api/flows/verdicts",
            List.of(),
            "The reader's team's verdict on a money-flow alert: {\"alert\", \"verdict\":"
                + " confirmed|dismissed|open, \"reason\"} (a dismissal needs a reason); audited.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              new MoneyFlows(store, kept)
                  .judge(
                      c.viewer(),
                      text(b, "alert"),
                      text(b, "verdict"),
                      b.path("reason").asText(null));
              return Map.of("alert", text(b, "alert"), "verdict", text(b, "verdict"));
            }),
        new Route(
            HandlerType.GET,
            "/api/flows/trace",
            List.of("subject", "direction", "hops", "window", "since", "until", "attribution"),
            "Where the money of an account or party went (direction out) or came from (in):"
                + " time-respecting payments within window days of each other, at most hops long,"
                + " with the amount each carried (attribution proportional or fifo); nodes with"
                + " what they received, sent on and kept, flows largest first.",
            Access.READER,
            c ->
                new MoneyFlows(store, kept)
                    .trace(c.viewer(), traceQuery(c.ctx(), required(c.ctx(), "subject")))),
        new Route(
            HandlerType.GET,
            "/api/flows/between",
            List.of("a", "b", "hops", "window", "since", "until", "attribution"),
            "The flows that carry money of account or party a to b, as a trace out of a cut to"
                + " the ways that reach b.",
            Access.READER,
            c ->
                new MoneyFlows(store, kept)
                    .between(
                        c.viewer(),
                        traceQuery(c.ctx(), required(c.ctx(), "a")),
                        required(c.ctx(), "b"))),
        new Route(
            HandlerType.GET,
            "/api/flows/kinds",
            List.of(),
            "The laundering typologies the server looks for: id (as /api/flows/typologies takes"
                + " it), label and what each finds, in the order alerts come.",
            Access.READER,
            c ->
                Arrays.stream(Typology.values())
                    .map(t -> Map.of("id", t.id(), "label", t.label(), "finds", t.finds()))
                    .toList()),
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
                    new MoneyFlows(store, kept)
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
                    new MoneyFlows(store, kept)
                        .cycles(
                            c.viewer(),
                            intParam(c.ctx(), "max_length", 8, 2, 8),
                            intParam(c.ctx(), "window", 30, 0, 366),
                            doubleParam(c.ctx(), "max_fee", 0.05, 0, 0.5)))));
  }

  /** A trace's parameters from a request, for {@code subject}. */
  private static MoneyFlows.TraceQuery traceQuery(Context ctx, String subject) {
    String direction = ctx.queryParam("direction") == null ? "out" : ctx.queryParam("direction");
    if (!direction.equals("out") && !direction.equals("in")) {
      throw new IllegalArgumentException("direction: '" + direction + "' is neither out nor in");
    }
    String attribution =
        ctx.queryParam("attribution") == null ? "proportional" : ctx.queryParam("attribution");
    Trace.Attribution a;
    try {
      a = Trace.Attribution.of(attribution);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("attribution: " + e.getMessage(), e);
    }
    return new MoneyFlows.TraceQuery(
        subject,
        direction.equals("out"),
        intParam(ctx, "hops", 4, 1, 12),
        intParam(ctx, "window", 30, 0, 3660),
        blankToNull(ctx.queryParam("since")),
        blankToNull(ctx.queryParam("until")),
        a);
  }

  private Object features(ApiServer.Call call) throws Exception {
    String level =
        call.ctx().queryParam("level") == null ? "accounts" : call.ctx().queryParam("level");
    MoneyFlows.FeatureLevel l;
    try {
      l = MoneyFlows.FeatureLevel.of(level);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("level: " + e.getMessage(), e);
    }
    Path dir = Files.createTempDirectory("spil-features-");
    Path file = dir.resolve("features.parquet");
    try {
      new MoneyFlows(store, kept)
          .features(
              call.viewer(),
              new MoneyFlows.Query(Set.of(), MoneyFlows.thresholds(store.dir(), null), null, null),
              intParam(call.ctx(), "window", 30, 1, 3660),
              l,
              file);
      call.ctx()
          .contentType("application/vnd.apache.parquet")
          .header("Content-Disposition", "attachment; filename=\"spil-" + level + ".parquet\"")
          .result(Files.readAllBytes(file));
      return ApiServer.Streamed.INSTANCE;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
