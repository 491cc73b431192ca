package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.List;
import org.spil.app.Exchange;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.HitNoHit;
import org.spil.store.Store;

/**
 * The routes of exchange between agencies: hit/no-hit, access requests and their decisions, and the
 * approvals by which an owning agency carries out a court order.
 */
final class ExchangeRoutes {
  private final Store store;

  ExchangeRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/hits",
            List.of("name", "dob", "iban", "phone", "id"),
            "Hit/no-hit: which other agencies hold matching records the user may not see.",
            Access.READER,
            c ->
                page(
                    new Exchange(store)
                        .hit(
                            c.viewer(),
                            new HitNoHit.Query(
                                c.ctx().queryParam("name"),
                                c.ctx().queryParam("dob"),
                                c.ctx().queryParam("iban"),
                                c.ctx().queryParam("phone"),
                                c.ctx().queryParam("id")))),
            StoreAccess.Lock.WRITE),
        new Route(
            HandlerType.POST,
            "/api/requests",
            List.of(),
            "Ask the agency behind a hit's reference for access: {\"reference\", \"reason\"}.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              return new Exchange(store)
                  .request(c.viewer(), text(b, "reference"), text(b, "reason"));
            }),
        new Route(
            HandlerType.GET,
            "/api/requests",
            List.of(),
            "The user's requests and those to its agency.",
            Access.USER,
            c -> page(new Exchange(store).requests(c.session().user))),
        new Route(
            HandlerType.POST,
            "/api/requests/{id}/grant",
            List.of(),
            "The owning agency grants a request until a day: {\"until\": \"2027-01-31\"}.",
            Access.USER,
            c ->
                new Exchange(store)
                    .grant(
                        c.session().user,
                        c.ctx().pathParam("id"),
                        date(text(body(c.ctx()), "until"), "until"))),
        new Route(
            HandlerType.POST,
            "/api/requests/{id}/refuse",
            List.of(),
            "The owning agency refuses a request: {\"reason\"}.",
            Access.USER,
            c ->
                new Exchange(store)
                    .refuse(
                        c.session().user, c.ctx().pathParam("id"), text(body(c.ctx()), "reason"))),
        new Route(
            HandlerType.GET,
            "/api/approvals",
            List.of(),
            "Approvals in force that the user's agency made or that the user reads by.",
            Access.USER,
            c -> page(new Exchange(store).approvals(c.session().user))),
        new Route(
            HandlerType.POST,
            "/api/approvals",
            List.of(),
            "The owning agency records what a court order opens to a case: {\"case\","
                + " \"batch\", \"entities\" or \"from\" and \"to\", \"audience\","
                + " \"until\", \"order\"}.",
            Access.USER,
            this::approve),
        new Route(
            HandlerType.DELETE,
            "/api/approvals/{id}",
            List.of(),
            "The owning agency revokes an approval.",
            Access.USER,
            c -> {
              new Exchange(store).revoke(c.session().user, c.ctx().pathParam("id"));
              return null;
            }));
  }

  private Object approve(Call call) {
    JsonNode b = body(call.ctx());
    JsonNode batch = b.get("batch");
    if (batch == null || !batch.canConvertToLong()) {
      throw new ApiError(400, "give \"batch\" as a number", "batch");
    }
    return new Exchange(store)
        .approve(
            call.session().user,
            text(b, "case"),
            batch.asLong(),
            texts(b, "entities"),
            b.hasNonNull("from") ? date(text(b, "from"), "from") : null,
            b.hasNonNull("to") ? date(text(b, "to"), "to") : null,
            texts(b, "audience"),
            date(text(b, "until"), "until"),
            text(b, "order"));
  }
}
