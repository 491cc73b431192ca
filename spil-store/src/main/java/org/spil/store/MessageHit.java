package org.spil.store;

import java.time.Instant;
import java.util.List;

/**
 * A message found by a search: the message as stored, where its text matched ({@code highlights},
 * offsets into {@code body}), and the messages of its conversation just before and after it that
 * the viewer may see.
 */
public record MessageHit(
    String id,
    Instant time,
    String from,
    List<String> to,
    String conversation,
    String body,
    String language,
    String dataset,
    float score,
    List<Highlight> highlights,
    List<Line> before,
    List<Line> after) {

  /** A matched span of a body: {@code start} inclusive, {@code end} exclusive, in UTF-16 units. */
  public record Highlight(int start, int end) {}

  /** A message of a conversation shown around a hit. */
  public record Line(String id, Instant time, String from, List<String> to, String body) {}

  /**
   * A page of hits, how many messages matched in all, and how many more matched that were sent by
   * or to a privileged handle (a lawyer's): counted, never shown.
   */
  public record Page(long total, long privileged, List<MessageHit> results) {}
}
