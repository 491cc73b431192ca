package org.spil.server;

import static org.spil.server.Params.body;
import static org.spil.server.Params.optionalText;
import static org.spil.server.Params.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;
import org.spil.store.Watches;

/**
 * The routes of the reader's watch list and alerts, as {@code spil watch} and {@code spil alerts}
 * give them: each for the session's user under the request's purpose.
 */
final class WatchRoutes {
  private final Store store;

  WatchRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.POST,
            "/api/watches",
            List.of(),
            "Watch a subject ({\"name\", \"dob\"?, \"identifier\"?} or {\"identifier\"}), a"
                + " {\"query\"} as search takes it, or an {\"entity\"}, with a \"note\"?: after"
                + " each ingest and resolution, new records that match raise alerts. Answers"
                + " {id}.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              String id =
                  store
                      .watches()
                      .add(
                          c.viewer(),
                          new Watches.Spec(
                              optionalText(b, "name"),
                              optionalText(b, "dob"),
                              optionalText(b, "identifier"),
                              optionalText(b, "query"),
                              optionalText(b, "entity"),
                              optionalText(b, "note")));
              return Map.of("id", id);
            }),
        new Route(
            HandlerType.GET,
            "/api/watches",
            List.of(),
            "The reader's watches under the purpose: {results: [{id, kind, name, dob, identifier,"
                + " query, entity, note, created, label}], total}.",
            Access.READER,
            c -> page(store.watches().list(c.viewer()))),
        new Route(
            HandlerType.DELETE,
            "/api/watches/{id}",
            List.of(),
            "Stop a watch of the reader's; its alerts stay.",
            Access.READER,
            c -> {
              store.watches().remove(c.viewer(), c.ctx().pathParam("id"));
              return null;
            }),
        new Route(
            HandlerType.GET,
            "/api/alerts",
            List.of("unread"),
            "The reader's alerts under the purpose, newest first, as spil alerts --json prints"
                + " them: {results: [{id, watch, watch_label, entity, schema, caption, agency, contact, reference,"
                + " strength, matched_on, explanation, created, status, reason, decided}], total,"
                + " unread}; unread=true for the new ones only.",
            Access.READER,
            c -> {
              boolean unread = "true".equals(c.ctx().queryParam("unread"));
              List<Watches.Alert> alerts = store.watches().alerts(c.viewer(), unread);
              Map<String, Object> out = new java.util.LinkedHashMap<>(page(alerts));
              out.put("unread", store.watches().unread(c.viewer()));
              return out;
            }),
        new Route(
            HandlerType.GET,
            "/api/alerts/unread",
            List.of(),
            "How many new alerts the reader has under the purpose: {unread} (the header's count;"
                + " not audited, it names nothing).",
            Access.READER,
            c -> Map.of("unread", store.watches().unread(c.viewer()))),
        new Route(
            HandlerType.POST,
            "/api/alerts/{id}",
            List.of(),
            "Triage an alert of the reader's: {\"status\": \"confirmed\" | \"dismissed\" |"
                + " \"new\", \"reason\"} (a dismissal needs the reason).",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              store
                  .watches()
                  .triage(
                      c.viewer(),
                      c.ctx().pathParam("id"),
                      optionalText(b, "status"),
                      optionalText(b, "reason"));
              return Map.of("id", c.ctx().pathParam("id"), "status", optionalText(b, "status"));
            }));
  }
}
