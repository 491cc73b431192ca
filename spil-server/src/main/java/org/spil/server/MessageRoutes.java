package org.spil.server;

import static org.spil.server.Params.blankToNull;
import static org.spil.server.Params.body;
import static org.spil.server.Params.intParam;
import static org.spil.server.Params.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.spil.app.Attribution;
import org.spil.app.Chats;
import org.spil.model.InvalidField;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.MessageQuery;
import org.spil.store.Store;

/**
 * The routes of the message store on what the reader may read: full-text search with each hit in
 * its conversation, as {@code spil messages search} prints it with {@code --json}; the triage queue
 * of threats to life and the team's decisions on it, as {@code spil messages triage}; who is behind
 * a handle, the viewer's clues kept between questions.
 */
final class MessageRoutes {
  private final Store store;
  private final Attribution attribution;

  MessageRoutes(Store store) {
    this.store = store;
    this.attribution = new Attribution(store);
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/messages/search",
            List.of(
                "q",
                "from",
                "to",
                "handle",
                "conversation",
                "since",
                "until",
                "dataset",
                "language",
                "limit",
                "offset",
                "context",
                "sort"),
            "Messages the reader may read that match q (Lucene syntax: words, \"phrases\","
                + " \"near words\"~5, wild*, fuzzy~, OR, NOT; none: every message the filters"
                + " admit), as spil messages search --json prints them: {total, results: [{id,"
                + " time, from, to, conversation, body, language, dataset, score, highlights:"
                + " [{start, end}], before, after}]}; from, to, handle (either), conversation,"
                + " since and until (dates or times; until a date: to its end), dataset, language"
                + " (nld, eng, fra); limit 1-500 (20), offset, context 0-50 (2), sort score or"
                + " time.",
            Access.READER,
            c -> {
              try {
                return new Chats(store)
                    .search(
                        c.viewer(),
                        new Chats.SearchRequest(
                            c.ctx().queryParam("q"),
                            blankToNull(c.ctx().queryParam("from")),
                            blankToNull(c.ctx().queryParam("to")),
                            blankToNull(c.ctx().queryParam("handle")),
                            blankToNull(c.ctx().queryParam("conversation")),
                            blankToNull(c.ctx().queryParam("since")),
                            blankToNull(c.ctx().queryParam("until")),
                            blankToNull(c.ctx().queryParam("dataset")),
                            blankToNull(c.ctx().queryParam("language")),
                            intParam(c.ctx(), "limit", 20, 1, MessageQuery.MAX_LIMIT),
                            intParam(c.ctx(), "offset", 0, 0, 10_000),
                            intParam(c.ctx(), "context", 2, 0, MessageQuery.MAX_CONTEXT),
                            blankToNull(c.ctx().queryParam("sort"))));
              } catch (InvalidField e) {
                // the operation names the query "query"; the API calls it q, as /api/search does
                throw e.field().equals("query") ? new InvalidField("q", e.reason()) : e;
              }
            }),
        new Route(
            HandlerType.GET,
            "/api/messages/triage",
            List.of("top", "all"),
            "The triage queue of threats to life, as spil messages triage --json prints its"
                + " results: {candidates, truncated, signals, decided, results: [{id, score, body,"
                + " reasons, time, from, to, conversation, dataset, before, decision,"
                + " decision_reason}]}; top 1-10000 (20); all=true for decided messages too.",
            Access.READER,
            c ->
                new Chats(store)
                    .triage(
                        c.viewer(),
                        intParam(c.ctx(), "top", 20, 1, 10_000),
                        "true".equals(c.ctx().queryParam("all")))),
        new Route(
            HandlerType.POST,
            "/api/messages/triage/decisions",
            List.of(),
            "The reader's team's decision on a message of the triage queue: {\"message\","
                + " \"verdict\": confirmed|dismissed|open, \"reason\"} (a dismissal needs a"
                + " reason); only on a message the reader may read; audited.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              new Chats(store)
                  .decide(
                      c.viewer(),
                      text(b, "message"),
                      text(b, "verdict"),
                      b.path("reason").asText(null));
              return Map.of("message", text(b, "message"), "verdict", text(b, "verdict"));
            }),
        new Route(
            HandlerType.GET,
            "/api/handles/{id}/attribution",
            List.of(),
            "Who is behind a chat handle (id: the handle), as spil handles attribute prints it: {handle, messages,"
                + " received, devices, shares_devices_with, candidates: [{person, caption, score,"
                + " evidence, decision, decision_reason}]}, strongest first.",
            Access.READER,
            c -> attribution.attribute(c.viewer(), c.ctx().pathParam("id"))),
        new Route(
            HandlerType.GET,
            "/api/handles/attributions",
            List.of("top"),
            "The strongest open attribution of each handle, as spil handles attributions --json"
                + " prints them: {results: [{handle, person, caption, score, evidence}], total};"
                + " top 1-1000 (20).",
            Access.READER,
            c -> {
              List<Attribution.Open> open =
                  attribution.strongest(c.viewer(), intParam(c.ctx(), "top", 20, 1, 1000));
              return Map.of("results", open, "total", open.size());
            }),
        new Route(
            HandlerType.POST,
            "/api/handles/decisions",
            List.of(),
            "The reader's team's decision on a candidate of a handle: {\"handle\", \"person\","
                + " \"verdict\": confirmed|dismissed|open, \"reason\"} (a dismissal needs a"
                + " reason); audited.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              attribution.decide(
                  c.viewer(),
                  text(b, "handle"),
                  text(b, "person"),
                  text(b, "verdict"),
                  b.path("reason").asText(null));
              return Map.of(
                  "handle",
                  text(b, "handle"),
                  "person",
                  text(b, "person"),
                  "verdict",
                  text(b, "verdict"));
            }));
  }
}
