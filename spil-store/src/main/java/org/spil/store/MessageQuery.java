package org.spil.store;

import java.time.Instant;

/**
 * A search in the message store: Lucene query syntax over the text ({@code text}: words, "a
 * phrase", "words near"~5, wild*cards, fuzzy~ terms, OR, NOT; blank for every message the filters
 * admit), and filters by sender, recipient, either ({@code handle}), conversation, time (from
 * {@code since}, before {@code until}), dataset and language. {@code sort} is {@code score} (best
 * first, then newest) or {@code time} (oldest first); {@code context} how many messages of the
 * conversation to show before and after each hit.
 */
public record MessageQuery(
    String text,
    String from,
    String to,
    String handle,
    String conversation,
    Instant since,
    Instant until,
    String dataset,
    String language,
    int limit,
    int offset,
    int context,
    String sort) {

  /** The most hits a page holds, and the most context messages on either side. */
  public static final int MAX_LIMIT = 500;

  public static final int MAX_CONTEXT = 50;

  /** A query for the text alone, with defaults: 20 hits by score, two messages of context. */
  public static MessageQuery of(String text) {
    return new MessageQuery(
        text, null, null, null, null, null, null, null, null, 20, 0, 2, "score");
  }

  public MessageQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more");
    }
    if (context < 0 || context > MAX_CONTEXT) {
      throw new IllegalArgumentException("context must be 0 to " + MAX_CONTEXT);
    }
    if (!"score".equals(sort) && !"time".equals(sort)) {
      throw new IllegalArgumentException("sort must be score or time");
    }
  }
}
