package org.spil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.analysis.messages.ThreatScorer;
import org.spil.analysis.messages.ThreatSignals;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.AlertVerdicts;
import org.spil.store.MessageHit;
import org.spil.store.MessageQuery;
import org.spil.store.Store;

/**
 * The analysis of intercepted chat messages kept in the message store: full-text search with
 * filters, each hit with its highlights and its conversation around it; the triage queue of threats
 * to life, scored by the signals of a list the users maintain, and the team's decisions on it.
 * Requests arrive as the front ends read them (times as text) and are checked here, a bad field
 * named.
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

  /** The file of a data directory that replaces the built-in threat signals. */
  public static final String SIGNALS_FILE = "threat-signals.txt";

  /** The threat signals of the store's data directory: its own file, else the built-in list. */
  public ThreatSignals signals() {
    Path file = store.dir().resolve(SIGNALS_FILE);
    if (!Files.exists(file)) {
      return ThreatSignals.defaults();
    }
    try {
      if (Files.size(file) > 1 << 20) {
        throw new InvalidField("signals", file + ": larger than 1 MB");
      }
      return ThreatSignals.parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InvalidField("signals", file + ": cannot read: " + e.getMessage());
    }
  }

  /** The most candidates a triage weighs; more are reported as left out. */
  public static final int MAX_CANDIDATES = 50_000;

  /** Messages of the conversation before a candidate that its score takes into account. */
  static final int CONTEXT = 2;

  /** The alerts' typology under which triage decisions are kept. */
  public static final String TRIAGE = "threat-to-life";

  /**
   * A message in the triage queue: its score from 0 to 1 and the signals behind it, the message and
   * the two before it in its conversation, and the team's decision if any.
   */
  public record Triaged(
      String id,
      double score,
      String body,
      List<String> reasons,
      Instant time,
      String from,
      List<String> to,
      String conversation,
      String dataset,
      List<MessageHit.Line> before,
      String decision,
      String decisionReason) {}

  /** The queue and what it was made from. */
  public record Queue(
      long candidates, boolean truncated, String signals, long decided, List<Triaged> results) {}

  /**
   * The triage queue of threats to life over the messages the viewer may read: every message with a
   * threat or weapon signal of the list scored with its conversation, best first (then newest); the
   * {@code top} first that the viewer's team has not decided on ({@code all}: decided ones too,
   * with their decision). Audited with the ids shown.
   */
  public Queue triage(Viewer viewer, int top, boolean all) {
    if (top < 1 || top > 10_000) {
      throw new InvalidField("top", "must be 1 to 10000, not " + top);
    }
    ThreatSignals list = signals();
    ThreatScorer scorer = new ThreatScorer(list);
    List<MessageHit> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean truncated = false;
    List<String> clauses = candidateClauses(list);
    for (int from = 0; from < clauses.size(); from += 500) {
      String query =
          String.join(" OR ", clauses.subList(from, Math.min(clauses.size(), from + 500)));
      List<MessageHit> found = store.messages().scan(viewer, query, MAX_CANDIDATES, CONTEXT);
      truncated |= found.size() == MAX_CANDIDATES;
      for (MessageHit h : found) {
        if (seen.add(h.dataset() + '\u0000' + h.id())) {
          candidates.add(h);
        }
      }
    }
    List<Triaged> scored = new ArrayList<>();
    for (MessageHit h : candidates) {
      ThreatScorer.Score s =
          scorer.score(
              h.body(), h.language(), h.before().stream().map(MessageHit.Line::body).toList());
      if (s.value() <= ThreatScorer.WITHOUT_THREAT) {
        continue;
      }
      scored.add(
          new Triaged(
              h.id(),
              Math.round(s.value() * 1000) / 1000.0,
              h.body(),
              s.reasons().stream().map(ThreatScorer.Reason::toString).toList(),
              h.time(),
              h.from(),
              h.to(),
              h.conversation(),
              h.dataset(),
              h.before(),
              null,
              null));
    }
    scored.sort(
        Comparator.comparingDouble(Triaged::score)
            .reversed()
            .thenComparing(Triaged::time, Comparator.reverseOrder())
            .thenComparing(Triaged::id));
    Map<String, AlertVerdicts.Verdict> verdicts =
        store
            .alertVerdicts()
            .latest(viewer, scored.stream().map(t -> decisionId(t.dataset(), t.id())).toList());
    List<Triaged> out = new ArrayList<>();
    long decided = 0;
    for (Triaged t : scored) {
      AlertVerdicts.Verdict v = verdicts.get(decisionId(t.dataset(), t.id()));
      boolean closed = v != null && !v.verdict().equals("open");
      decided += closed ? 1 : 0;
      if ((closed && !all) || out.size() == top) {
        continue;
      }
      out.add(
          v == null
              ? t
              : new Triaged(
                  t.id(),
                  t.score(),
                  t.body(),
                  t.reasons(),
                  t.time(),
                  t.from(),
                  t.to(),
                  t.conversation(),
                  t.dataset(),
                  t.before(),
                  v.verdict(),
                  v.reason()));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("signals", list.source());
    detail.put("candidates", candidates.size());
    List<String> shown = new ArrayList<>();
    out.forEach(
        t -> {
          shown.add(t.id());
          t.before().forEach(l -> shown.add(l.id()));
        });
    detail.put("returned", shown);
    store.audited(viewer, "messages.triage", detail);
    return new Queue(candidates.size(), truncated, list.source(), decided, out);
  }

  /**
   * The team's decision on a message of the queue: {@code confirmed} (a threat to act on), {@code
   * dismissed} (with the reason) or {@code open} again; only on a message the viewer may read.
   * Audited.
   */
  public void decide(Viewer viewer, String messageId, String verdict, String reason) {
    List<MessageHit> found = store.messages().byId(viewer, messageId);
    if (found.isEmpty()) {
      throw new InvalidField("message", "no message '" + messageId + "' you may read");
    }
    for (MessageHit h : found) {
      store.alertVerdicts().give(viewer, decisionId(h.dataset(), h.id()), TRIAGE, verdict, reason);
    }
  }

  /** The id a decision on a message is kept under: its dataset and id, hashed. */
  static String decisionId(String dataset, String messageId) {
    return AlertVerdicts.idOf(TRIAGE, dataset, messageId);
  }

  /**
   * The Lucene clauses that find the messages with a threat or weapon signal: a word, a prefix, or
   * a phrase (words a lone * stands for allowed between); a prefix inside a phrase is matched as
   * its stem's phrase, the scorer decides.
   */
  static List<String> candidateClauses(ThreatSignals list) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (ThreatSignals.Signal s : list.signals()) {
      if (!s.category().brings()) {
        continue;
      }
      List<String> words = new ArrayList<>();
      int gaps = 0;
      for (String t : s.tokens()) {
        if (t.equals("*")) {
          gaps++;
        } else {
          words.add(t);
        }
      }
      if (words.size() == 1) {
        out.add(words.get(0));
      } else {
        List<String> plain =
            words.stream().map(w -> w.endsWith("*") ? w.substring(0, w.length() - 1) : w).toList();
        out.add("\"" + String.join(" ", plain) + "\"" + (gaps > 0 ? "~" + gaps : ""));
      }
    }
    return new ArrayList<>(out);
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
