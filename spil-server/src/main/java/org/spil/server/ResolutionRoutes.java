package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.app.Resolving;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of entity resolution for the reader's team: clusters, explanations, the review queue,
 * judgements, and a resolution run as a job.
 */
final class ResolutionRoutes {
  private final Store store;
  private final StoreAccess access;
  private final Jobs jobs;

  ResolutionRoutes(Store store, StoreAccess access, Jobs jobs) {
    this.store = store;
    this.access = access;
    this.jobs = jobs;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/clusters",
            List.of("all"),
            "The team's resolved clusters as the reader may see them (with all=true, single records"
                + " too).",
            Access.READER,
            c ->
                page(
                    new Resolving(store)
                        .clusters(c.viewer(), "true".equals(c.ctx().queryParam("all"))))),
        new Route(
            HandlerType.GET,
            "/api/explain",
            List.of("a", "b"),
            "Why two records are, or are not, the same: weight, probability, each feature's part.",
            Access.READER,
            c ->
                new Resolving(store)
                    .explain(c.viewer(), required(c.ctx(), "a"), required(c.ctx(), "b"))
                    .orElseThrow(() -> new ApiError(404, "no such pair of records", null))),
        new Route(
            HandlerType.GET,
            "/api/review",
            List.of("threshold", "limit"),
            "The pairs closest to the threshold, not yet judged by the team: where a judgement"
                + " helps most.",
            Access.READER,
            c ->
                page(
                    new Resolving(store)
                        .review(
                            c.viewer(),
                            doubleParam(
                                c.ctx(), "threshold", Resolution.DEFAULT_THRESHOLD, 0.001, 0.999),
                            intParam(c.ctx(), "limit", 20, 1, 200)))),
        new Route(
            HandlerType.POST,
            "/api/judgements",
            List.of(),
            "The reader's judgement on two records for its team: {\"a\", \"b\", \"verdict\":"
                + " same|different|unsure, \"revise\"}.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              return new Resolving(store)
                  .judge(
                      c.viewer(),
                      text(b, "a"),
                      text(b, "b"),
                      text(b, "verdict"),
                      b.path("revise").asBoolean(false));
            }),
        new Route(
            HandlerType.POST,
            "/api/resolve",
            List.of(),
            "Resolve what the reader may see for its team, in a job: {\"threshold\","
                + " \"incremental\"}. 202 with the job.",
            Access.READER,
            this::resolve));
  }

  private Object resolve(Call call) {
    JsonNode b = body(call.ctx());
    double threshold = b.path("threshold").asDouble(Resolution.DEFAULT_THRESHOLD);
    boolean incremental = b.path("incremental").asBoolean(false);
    Viewer viewer = call.viewer();
    Jobs.Job job =
        jobs.submit(
            viewer.user().name(),
            "resolve",
            j -> {
              return access.write(
                  () ->
                      new Resolving(store)
                          .resolve(
                              viewer,
                              threshold,
                              incremental,
                              0,
                              step -> {
                                j.progress(j.done + 1, step);
                              })
                          .summary());
            });
    call.ctx().status(202);
    return job.view();
  }
}
