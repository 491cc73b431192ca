package org.spil.ingest;

import org.spil.model.ChatMessage;

/**
 * Where ingest puts the chat messages it reads: the open batch's message table, or a test's list.
 */
@FunctionalInterface
public interface MessageSink {
  void accept(ChatMessage message);
}
