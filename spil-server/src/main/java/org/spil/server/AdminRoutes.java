package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.app.Administration;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of administration, for administrators only (anyone else is refused and audited):
 * users, cases and their members.
 */
final class AdminRoutes {
  private final Store store;

  AdminRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/users",
            List.of(),
            "Every user (administrators).",
            Access.ADMINISTRATOR,
            c -> page(new Administration(store).users())),
        new Route(
            HandlerType.POST,
            "/api/users",
            List.of(),
            "Add a user (administrators): {\"name\", \"agency\", \"roles\", \"password\"}.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .addUser(
                      c.operator(),
                      text(b, "name"),
                      text(b, "agency"),
                      texts(b, "roles"),
                      text(b, "password").toCharArray());
            }),
        new Route(
            HandlerType.GET,
            "/api/cases",
            List.of(),
            "Every case with its members and parties (administrators).",
            Access.ADMINISTRATOR,
            c -> page(new Administration(store).cases())),
        new Route(
            HandlerType.POST,
            "/api/cases",
            List.of(),
            "Add a case (administrators): {\"id\", \"title\", \"legal_task\", \"members\","
                + " \"parties\"}.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .addCase(
                      c.operator(),
                      text(b, "id"),
                      text(b, "title"),
                      b.hasNonNull("legal_task") ? text(b, "legal_task") : "wpg-art-9",
                      texts(b, "members"),
                      texts(b, "parties"));
            }),
        new Route(
            HandlerType.POST,
            "/api/cases/{id}/members",
            List.of(),
            "Add and remove members of a case (administrators): {\"add\", \"remove\"}; the"
                + " agencies whose data the case holds are told.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .changeMembers(
                      c.operator(), c.ctx().pathParam("id"), texts(b, "add"), texts(b, "remove"));
            }));
  }
}
