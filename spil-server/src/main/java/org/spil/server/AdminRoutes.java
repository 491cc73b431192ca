package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.spil.app.Administration;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Liaisons;
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
            "/api/liaisons",
            List.of(),
            "The liaison directory (whom to ask in a country, agencies' information desks), as"
                + " spil liaisons list --json prints it: [{country, agency, name, contact,"
                + " competence}]; any user.",
            Access.USER,
            c -> page(new Administration(store).liaisons())),
        new Route(
            HandlerType.POST,
            "/api/liaisons",
            List.of(),
            "Add an entry to the liaison directory (administrators): {\"country\", \"agency\","
                + " \"name\", \"contact\", \"competence\"?}; a competence naming desk makes it"
                + " its agency's information desk.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .addLiaison(
                      c.operator(),
                      new Liaisons.Liaison(
                          text(b, "country"),
                          text(b, "agency"),
                          text(b, "name"),
                          text(b, "contact"),
                          optionalText(b, "competence")));
            }),
        new Route(
            HandlerType.DELETE,
            "/api/liaisons",
            List.of("country", "name"),
            "Remove the entry of a country with a name from the liaison directory"
                + " (administrators).",
            Access.ADMINISTRATOR,
            c ->
                new Administration(store)
                    .removeLiaison(
                        c.operator(), required(c.ctx(), "country"), required(c.ctx(), "name"))),
        new Route(
            HandlerType.GET,
            "/api/privileged",
            List.of(),
            "The privileged handles (lawyers', and whoever a court names), as spil privileged"
                + " list --json prints them (administrators).",
            Access.ADMINISTRATOR,
            c -> page(new Administration(store).privilegedHandles())),
        new Route(
            HandlerType.POST,
            "/api/privileged",
            List.of(),
            "List a handle, or a phone number in international form (standing for the handles"
                + " that write it), as privileged (administrators): {\"handle\", \"reason\"};"
                + " its messages are withheld from every read at once; audited.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return Map.of(
                  "handle",
                  new Administration(store)
                      .addPrivileged(c.operator(), text(b, "handle"), text(b, "reason")));
            }),
        new Route(
            HandlerType.DELETE,
            "/api/privileged",
            List.of("handle", "reason"),
            "Take a handle off the privileged list, with the reason (administrators); audited.",
            Access.ADMINISTRATOR,
            c ->
                Map.of(
                    "handle",
                    new Administration(store)
                        .removePrivileged(
                            c.operator(),
                            required(c.ctx(), "handle"),
                            required(c.ctx(), "reason")))),
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
