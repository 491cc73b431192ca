package org.spil.model;

import java.time.Instant;
import java.util.List;

/**
 * One intercepted or seized chat message as the message store keeps it: a row of its own with the
 * batch's provenance, not a statement per field, so that a warehouse holds 10^8 of them. {@code
 * sender} and {@code recipients} are handles of the service ({@code service}); {@code conversation}
 * groups the messages of a thread (the export's own, or the pair of handles); {@code language} an
 * ISO 639-3 code (given by the export, else guessed from the text); {@code attachments} what the
 * export says of attached files, as text; {@code file} and {@code line} where it was read.
 */
public record ChatMessage(
    String id,
    Instant time,
    String sender,
    List<String> recipients,
    String device,
    String conversation,
    String body,
    String language,
    String attachments,
    String service,
    String file,
    long line) {

  public ChatMessage {
    recipients = List.copyOf(recipients);
  }

  /**
   * The conversation of two or more handles when the export names none: the handles in order,
   * joined, so that both directions of a pair share one thread.
   */
  public static String conversationOf(String sender, List<String> recipients) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(recipients);
    all.add(sender);
    return String.join("|", all);
  }
}
