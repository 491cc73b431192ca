package org.spil.server;

import static org.spil.server.Params.blankToNull;
import static org.spil.server.Params.intParam;

import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.app.Chats;
import org.spil.model.InvalidField;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.MessageQuery;
import org.spil.store.Store;

/**
 * The routes of the message store on what the reader may read: full-text search with each hit in
 * its conversation, as {@code spil messages search} prints it with {@code --json}.
 */
final class MessageRoutes {
  private final Store store;

  MessageRoutes(Store store) {
    this.store = store;
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
            }));
  }
}
