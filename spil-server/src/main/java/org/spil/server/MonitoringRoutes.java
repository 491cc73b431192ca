package org.spil.server;

import static org.spil.server.Params.blankToNull;
import static org.spil.server.Params.body;
import static org.spil.server.Params.intParam;
import static org.spil.server.Params.optionalText;
import static org.spil.server.Params.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.spil.app.Cooperation;
import org.spil.app.FocusCountries;
import org.spil.app.RequestEntry;
import org.spil.app.Trends;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * The routes of monitoring on what the reader may see: series per period and the changes in them,
 * as {@code spil trends} and {@code spil signals} print them with {@code --json}.
 */
final class MonitoringRoutes {
  private final Store store;

  MonitoringRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/trends",
            List.of("measure", "by", "key", "period", "since", "until", "top"),
            "Series per period as spil trends --json prints them: [{series: {by, key, measure},"
                + " total, points: [{period, value}]}]; measure shipments (default),"
                + " shipment-value, shipment-tonnes, seizures, seizure-quantity, crossings,"
                + " mla-requests; by country (default), port, route, goods, drug, agency, all;"
                + " period month (default), week, quarter; the 10 largest by default, 0 for all.",
            Access.READER,
            c -> {
              String period = c.ctx().queryParam("period");
              Tallies.Period p = Tallies.Period.of(period == null ? "month" : period);
              if (p == null) {
                throw new IllegalArgumentException(
                    "period: month, week or quarter, not '" + period + "'");
              }
              String measure = blankToNull(c.ctx().queryParam("measure"));
              String by = blankToNull(c.ctx().queryParam("by"));
              return new Trends(store)
                  .trends(
                      c.viewer(),
                      new Trends.Query(
                          Trends.Measure.of(measure == null ? "shipments" : measure),
                          by == null ? "country" : by,
                          blankToNull(c.ctx().queryParam("key")),
                          p,
                          blankToNull(c.ctx().queryParam("since")),
                          blankToNull(c.ctx().queryParam("until")),
                          intParam(c.ctx(), "top", 10, 0, 100_000)));
            }),
        new Route(
            HandlerType.GET,
            "/api/signals",
            List.of("since", "period"),
            "Changes in the monthly series as spil signals --json prints them: [{series: {by, key,"
                + " measure}, kind, start, called, before, after, strength, detectors,"
                + " explanation}], under the thresholds of the server's data directory"
                + " (monitoring.settings); period month (default) or week.",
            Access.READER,
            c -> {
              String period = c.ctx().queryParam("period");
              Tallies.Period p = Tallies.Period.of(period == null ? "month" : period);
              if (p == null) {
                throw new IllegalArgumentException("period: month or week, not '" + period + "'");
              }
              return new Trends(store)
                  .signals(
                      c.viewer(),
                      blankToNull(c.ctx().queryParam("since")),
                      Trends.thresholds(store.dir(), null),
                      p);
            }),
        new Route(
            HandlerType.GET,
            "/api/cooperation",
            List.of("country", "open"),
            "The register of requests for mutual legal assistance the reader may see, as spil"
                + " cooperation --json prints it: {today, requests: [{id, reference, direction,"
                + " country, authority, legal_basis, case_id, subjects: [{id, caption}], sent,"
                + " acknowledged, answered, deadline, deadline_given, status, open, days,"
                + " overdue}], countries: [{country, requests, received, open, overdue,"
                + " median_days_to_answer, oldest_open, liaisons: [{country, agency, name, contact,"
                + " competence}]}]}; open=true for open ones only.",
            Access.READER,
            c ->
                new Cooperation(store)
                    .register(
                        c.viewer(),
                        blankToNull(c.ctx().queryParam("country")),
                        "true".equals(c.ctx().queryParam("open")))),
        new Route(
            HandlerType.POST,
            "/api/cooperation/requests",
            List.of(),
            "Enter a request for mutual legal assistance by hand, as spil cooperation add does:"
                + " {reference, direction (out|in), country, authority?, treaty?, court_case?,"
                + " sent, acknowledged?, deadline?, answered?, status?, subjects: [{name,"
                + " birth_date?}], legal_basis, handling_code?, share_with: [agency], case_id?,"
                + " retention?}, days as YYYY-MM-DD. Stored as a batch of the caller's agency"
                + " (dataset AGENCY-mla); answers the ingest's summary as spil ingest --json"
                + " prints it. 400 naming the field and the reason when one is refused.",
            Access.USER,
            c -> RequestEntry.enter(store, c.session().user, entry(body(c.ctx()))).summary()),
        new Route(
            HandlerType.GET,
            "/api/focus",
            List.of("quarter", "top"),
            "Focus countries of a quarter (the last with data by default) as spil focus --json"
                + " prints them: [{quarter, country, rank, score, best_rank, worst_rank, reasons:"
                + " [{indicator, value, contribution, explanation}], history: [{quarter, rank,"
                + " score}], liaisons: [{country, agency, name, contact, competence}]}], under"
                + " focus.weights of the server's data directory; the 10 first"
                + " by default, 0 for all.",
            Access.READER,
            c ->
                new FocusCountries(store)
                    .rank(
                        c.viewer(),
                        blankToNull(c.ctx().queryParam("quarter")),
                        intParam(c.ctx(), "top", 10, 0, 1000),
                        FocusCountries.weights(store.dir(), null),
                        Trends.thresholds(store.dir(), null))));
  }

  /** A hand-entered request from the body of a POST. */
  private static RequestEntry entry(JsonNode b) {
    List<RequestEntry.Subject> subjects = new ArrayList<>();
    JsonNode list = b.get("subjects");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new ApiError(400, "give \"subjects\" as a list of {name, birth_date}", "subjects");
      }
      for (JsonNode s : list) {
        if (!s.isObject()) {
          throw new ApiError(400, "give \"subjects\" as a list of {name, birth_date}", "subjects");
        }
        subjects.add(
            new RequestEntry.Subject(optionalText(s, "name"), optionalText(s, "birth_date")));
      }
    }
    return new RequestEntry(
        optionalText(b, "reference"),
        optionalText(b, "direction"),
        optionalText(b, "country"),
        optionalText(b, "authority"),
        optionalText(b, "treaty"),
        optionalText(b, "court_case"),
        optionalText(b, "sent"),
        optionalText(b, "acknowledged"),
        optionalText(b, "deadline"),
        optionalText(b, "answered"),
        optionalText(b, "status"),
        subjects,
        optionalText(b, "legal_basis"),
        optionalText(b, "handling_code"),
        texts(b, "share_with"),
        optionalText(b, "case_id"),
        optionalText(b, "retention"));
  }
}
