package org.spil.ingest;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a dataset's chat messages are laid out in its files ({@code messages:} in dataset.yml): the
 * files (CSV, JSON lines or Excel, one message per row), the service they were intercepted on, and
 * which column holds each field of a message. {@code time}, {@code from} and {@code body} are
 * required; without an {@code id} column a message's id is made from its sender, recipients, time
 * and text, so that the same export read twice gives the same ids. {@code split} separates several
 * recipients in one cell (a group message); {@code zone} is the time zone of times written without
 * one (and of the days the texts name); {@code extract} whether identifiers are read from the texts
 * ({@link Mentions}; {@code extract: false} in dataset.yml turns it off).
 */
public record MessageLayout(
    List<String> sources,
    RecordSources.Options options,
    String service,
    Map<String, String> columns,
    String split,
    ZoneId zone,
    boolean extract) {

  /** The fields of a message a column may supply. */
  public static final Set<String> FIELDS =
      Set.of(
          "id", "time", "from", "to", "device", "conversation", "body", "language", "attachments");

  /** The fields every layout must map. */
  public static final List<String> REQUIRED = List.of("time", "from", "body");

  public MessageLayout {
    sources = List.copyOf(sources);
    columns = Map.copyOf(columns);
  }

  /** The column of a field, or null when the layout does not map it. */
  public String column(String field) {
    return columns.get(field);
  }
}
