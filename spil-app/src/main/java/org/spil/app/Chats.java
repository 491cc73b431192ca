package org.spil.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.MessageHit;
import org.spil.store.MessageQuery;
import org.spil.store.Store;

/**
 * The analysis of intercepted chat messages kept in the message store: full-text search with
 * filters, each hit with its highlights and its conversation around it. Requests arrive as the
 * front ends read them (times as text) and are checked here, a bad field named.
 */
public final class Chats {
  private final Store store;

  public Chats(Store store) {
    this.store = store;
  }

  /**
   * A search request as a front end reads it: the query text and filters, times as ISO dates or
   * instants ({@code until} a date means up to the end of that day).
   */
  public record SearchRequest(
      String query,
      String from,
      String to,
      String handle,
      String conversation,
      String since,
      String until,
      String dataset,
      String language,
      Integer limit,
      Integer offset,
      Integer context,
      String sort) {}

  /** The messages the viewer may read that match, best first (or in time order). */
  public MessageHit.Page search(Viewer viewer, SearchRequest r) {
    int limit = r.limit() == null ? 20 : r.limit();
    if (limit < 1 || limit > MessageQuery.MAX_LIMIT) {
      throw new InvalidField("limit", "must be 1 to " + MessageQuery.MAX_LIMIT + ", not " + limit);
    }
    int offset = r.offset() == null ? 0 : r.offset();
    if (offset < 0 || offset > 10_000) {
      throw new InvalidField("offset", "must be 0 to 10000, not " + offset);
    }
    int context = r.context() == null ? 2 : r.context();
    if (context < 0 || context > MessageQuery.MAX_CONTEXT) {
      throw new InvalidField(
          "context", "must be 0 to " + MessageQuery.MAX_CONTEXT + ", not " + context);
    }
    String sort = r.sort() == null ? "score" : r.sort();
    if (!sort.equals("score") && !sort.equals("time")) {
      throw new InvalidField("sort", "must be score or time, not '" + sort + "'");
    }
    Instant since = instant("since", r.since(), false);
    Instant until = instant("until", r.until(), true);
    if (since != null && until != null && !since.isBefore(until)) {
      throw new InvalidField("until", "must be after since");
    }
    String language = blank(r.language());
    if (language != null && !language.matches("[a-z]{3}")) {
      throw new InvalidField(
          "language", "'" + language + "' is not an ISO 639-3 code such as nld, eng or fra");
    }
    return store
        .messages()
        .search(
            viewer,
            new MessageQuery(
                r.query(),
                blank(r.from()),
                blank(r.to()),
                blank(r.handle()),
                blank(r.conversation()),
                since,
                until,
                blank(r.dataset()),
                language,
                limit,
                offset,
                context,
                sort));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * An ISO date (the start of the day, in UTC; for an end, the start of the next day) or instant;
   * null for none.
   */
  static Instant instant(String field, String text, boolean end) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.length() == 10) {
        LocalDate day = LocalDate.parse(t);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return java.time.OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidField(
          field, "'" + t + "' is not a date (2023-04-01) or a time (2023-04-01T14:05:00Z)");
    }
  }
}
