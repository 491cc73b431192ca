package org.spil.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.spil.model.ChatMessage;
import org.spil.model.EntityIds;
import org.spil.model.Normalised;
import org.spil.model.Statement;
import org.spil.model.types.PartialDates;
import org.spil.model.types.Text;

/**
 * Reads a dataset's chat messages ({@link MessageLayout}) into a {@link MessageSink}, one row per
 * message, and the handles that send and receive them into a {@link StatementSink} as {@code
 * UserAccount} entities (username, service, and the devices a handle sent from as notes), and the
 * identifiers found in a message's text ({@link Mentions}) as a {@code ChatMention} entity of the
 * message, so that the entity world meets the messages through their handles and what they name. A
 * handle's entity id is the one the FtM mapping of earlier versions gave it (key literal {@code
 * handle}), so resolution, judgements and charts that name it stay valid.
 *
 * <p>A message whose time does not parse, that has no sender, or whose id or handles hold control
 * or direction-changing characters is rejected (file, line, column, reason) and not stored; a
 * missing column stops the dataset before anything is written.
 */
public final class MessageIngest {
  /** The longest body kept: longer texts are refused as not being chat messages. */
  static final int MAX_BODY = 100_000;

  /** The longest id and handle. */
  static final int MAX_NAME = 256;

  private final Dataset dataset;
  private final MessageSink messages;
  private final StatementSink statements;
  private final LongConsumer progress;
  private final List<Reject> rejects = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> handles = new HashSet<>();
  private final Set<String> devices = new HashSet<>();
  private long rows;
  private long made;
  private long rejectedRows;

  public MessageIngest(
      Dataset dataset, MessageSink messages, StatementSink statements, LongConsumer progress) {
    this(dataset, messages, statements, progress, Set.of());
  }

  /**
   * As {@link #MessageIngest(Dataset, MessageSink, StatementSink, LongConsumer)}, reading no
   * identifiers from the messages sent by or to a {@code privileged} handle (a lawyer's): they are
   * stored, and never shown, but what they say must not reach the entity world either.
   */
  public MessageIngest(
      Dataset dataset,
      MessageSink messages,
      StatementSink statements,
      LongConsumer progress,
      Set<String> privileged) {
    this(dataset, messages, statements, progress, privileged, Places.NONE);
  }

  /**
   * As {@link #MessageIngest(Dataset, MessageSink, StatementSink, LongConsumer, Set)}, recognising
   * the ports of {@code places} in the texts by name or UN/LOCODE.
   */
  public MessageIngest(
      Dataset dataset,
      MessageSink messages,
      StatementSink statements,
      LongConsumer progress,
      Set<String> privileged,
      Places places) {
    this.dataset = dataset;
    this.messages = messages;
    this.statements = statements;
    this.progress = progress;
    this.privileged = Set.copyOf(privileged);
    this.places = places;
  }

  private final Set<String> privileged;
  private final Places places;

  /** Reads every message file of the dataset; returns rows read, statements made and rejects. */
  public IngestReport run() {
    for (int i = 0; i < dataset.messages().size(); i++) {
      MessageLayout layout = dataset.messages().get(i);
      for (String source : layout.sources()) {
        read(layout, "messages[" + i + "]", source);
      }
    }
    return new IngestReport(rows, made, rejectedRows, rejects, warnings);
  }

  private void read(MessageLayout layout, String where, String source) {
    String display = source;
    try (RecordSource in =
        RecordSources.open(dataset.dir().resolve(source), display, layout.options())) {
      for (String field : layout.columns().keySet()) {
        String column = layout.column(field);
        if (!in.columns().contains(column) && in.hasNext()) {
          throw new DatasetException(
              display
                  + ": "
                  + where
                  + ".columns."
                  + field
                  + ": no column '"
                  + column
                  + "' in the file; it has "
                  + String.join(", ", in.columns()));
        }
      }
      warnings.addAll(in.warnings());
      while (in.hasNext()) {
        SourceRecord row = in.next();
        rows++;
        ChatMessage m = message(layout, row);
        if (m == null) {
          rejectedRows++;
        } else {
          messages.accept(m);
          handle(m.sender(), m.service(), m.device(), row);
          for (String r : m.recipients()) {
            handle(r, m.service(), null, row);
          }
          if (layout.extract()
              && !privileged.contains(m.sender())
              && m.recipients().stream().noneMatch(privileged::contains)) {
            mentions(m, layout, row);
          }
        }
        if ((rows & 0xfff) == 0) {
          progress.accept(rows);
        }
      }
      progress.accept(rows);
    }
  }

  /** The message of a row, or null (with a reject recorded) when it cannot be kept. */
  private ChatMessage message(MessageLayout layout, SourceRecord row) {
    String sender = trimmed(row, layout, "from");
    if (sender == null) {
      return reject(row, layout, "from", "missing: a message needs its sender's handle");
    }
    if (!name(sender)) {
      return reject(row, layout, "from", "not a handle: " + NAME_RULE);
    }
    List<String> recipients = new ArrayList<>();
    String to = trimmed(row, layout, "to");
    if (to != null) {
      for (String r : layout.split() == null ? new String[] {to} : split(to, layout.split())) {
        String h = r.strip();
        if (h.isEmpty()) {
          continue;
        }
        if (!name(h)) {
          return reject(row, layout, "to", "not a handle: " + NAME_RULE);
        }
        if (!recipients.contains(h)) {
          recipients.add(h);
        }
      }
    }
    String timeText = trimmed(row, layout, "time");
    if (timeText == null) {
      return reject(row, layout, "time", "missing: a message needs the time it was sent");
    }
    Instant time;
    try {
      time = time(timeText, layout.zone());
    } catch (DateTimeException e) {
      return reject(
          row,
          layout,
          "time",
          "'"
              + Text.clean(timeText)
              + "' is not a time: ISO 8601 (2023-04-01T14:05:00Z, or without zone in the"
              + " layout's timezone) or seconds or milliseconds since 1970");
    }
    String body = row.get(layout.column("body"));
    if (body == null) {
      body = "";
    }
    if (body.length() > MAX_BODY) {
      return reject(
          row, layout, "body", body.length() + " characters; a message holds at most " + MAX_BODY);
    }
    String device = trimmed(row, layout, "device");
    if (device != null && !name(device)) {
      return reject(row, layout, "device", "not a device id: " + NAME_RULE);
    }
    String conversation = trimmed(row, layout, "conversation");
    if (conversation != null && !name(conversation)) {
      return reject(row, layout, "conversation", "not a conversation id: " + NAME_RULE);
    }
    if (conversation == null) {
      conversation = ChatMessage.conversationOf(sender, recipients);
    }
    String id = trimmed(row, layout, "id");
    if (id == null) {
      id =
          EntityIds.make(
              dataset.name(),
              "message",
              List.of(sender, String.join(",", recipients), time.toString(), body));
    } else if (!EntityIds.isSafe(id)) {
      return reject(row, layout, "id", EntityIds.UNSAFE);
    }
    String language = trimmed(row, layout, "language");
    if (language != null) {
      language = language.toLowerCase(java.util.Locale.ROOT);
      language =
          switch (language) {
            case "nl", "nld", "dut" -> "nld";
            case "en", "eng" -> "eng";
            case "fr", "fra", "fre" -> "fra";
            default -> language.matches("[a-z]{2,3}") ? language : null;
          };
    }
    if (language == null) {
      language = LanguageGuess.guess(body, dataset.lang());
    }
    String attachments = trimmed(row, layout, "attachments");
    String service = layout.service() == null ? dataset.name() : layout.service();
    return new ChatMessage(
        id,
        time,
        sender,
        recipients,
        device,
        conversation,
        body,
        language,
        attachments,
        service,
        row.file(),
        row.line());
  }

  private static final String NAME_RULE =
      "printable, without control or direction-changing characters, at most "
          + MAX_NAME
          + " characters";

  private static boolean name(String s) {
    return s.length() <= MAX_NAME && Text.printable(s);
  }

  private static String[] split(String text, String separator) {
    return text.split(java.util.regex.Pattern.quote(separator), -1);
  }

  private static String trimmed(SourceRecord row, MessageLayout layout, String field) {
    String column = layout.column(field);
    if (column == null) {
      return null;
    }
    String v = row.get(column);
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.strip();
  }

  private ChatMessage reject(SourceRecord row, MessageLayout layout, String field, String reason) {
    String column = layout.column(field) == null ? field : layout.column(field);
    String value = row.get(column);
    rejects.add(new Reject(row.file(), row.line(), column, value == null ? "" : value, reason));
    return null;
  }

  /**
   * The instant of a time as exports write it: ISO 8601 with an offset or zone, a local date-time
   * in {@code zone}, or a count of seconds (up to 11 digits, 10 from September 2001) or
   * milliseconds (12 or 13 digits) since 1970.
   */
  static Instant time(String text, ZoneId zone) {
    if (text.chars().allMatch(Character::isDigit) && text.length() <= 13) {
      long n = Long.parseLong(text);
      return text.length() <= 11 ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(iso);
      } catch (DateTimeParseException e2) {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      }
    }
  }

  /**
   * The statements of a handle the first time it is seen (and of a device the first time a handle
   * sends from it): a {@code UserAccount} with its username and service.
   */
  private void handle(String handle, String service, String device, SourceRecord row) {
    boolean added = handles.add(handle);
    boolean newDevice = device != null && devices.add(handle + '\u0000' + device);
    if (!added && !newDevice) {
      return;
    }
    String id = EntityIds.make(dataset.name(), "handle", List.of(handle));
    if (added) {
      emit(id, Statement.ID_PROP, id, row);
      emit(id, "username", handle, row);
      emit(id, "service", service, row);
    }
    if (newDevice) {
      emit(id, "notes", device, row);
    }
  }

  private void emit(String id, String prop, String value, SourceRecord row) {
    emit(id, "UserAccount", prop, value, null, row);
  }

  private void emit(
      String id, String schema, String prop, String value, String original, SourceRecord row) {
    statements.accept(
        id,
        schema,
        prop,
        value,
        original == null || original.equals(value) ? null : original,
        dataset.lang(),
        row.file(),
        row.line());
    made++;
  }

  /**
   * The identifiers in the message's text, as a {@code ChatMention} entity of the message (its id,
   * the time it was sent, its sender's account) when it holds any.
   */
  private void mentions(ChatMessage m, MessageLayout layout, SourceRecord row) {
    List<Mentions.Mention> found = Mentions.find(m, dataset.phoneRegion(), layout.zone(), places);
    if (found.isEmpty()) {
      return;
    }
    String id = EntityIds.make(dataset.name(), "mention", List.of(m.id()));
    emit(id, MENTION, Statement.ID_PROP, id, null, row);
    emit(id, MENTION, "recordId", m.id(), null, row);
    if (PartialDates.normalise(m.time().toString(), List.of()) instanceof Normalised.Valid d) {
      emit(id, MENTION, "date", d.value(), null, row);
    }
    emit(
        id,
        MENTION,
        "senderAccount",
        EntityIds.make(dataset.name(), "handle", List.of(m.sender())),
        null,
        row);
    for (Mentions.Mention x : found) {
      String value = x.value();
      if (x.prop().equals("dateMentioned")) {
        if (!(PartialDates.normalise(value, List.of()) instanceof Normalised.Valid d)) {
          continue;
        }
        value = d.value();
      }
      emit(id, MENTION, x.prop(), value, x.original(), row);
    }
  }

  /** The schema of the identifiers found in a message's text. */
  static final String MENTION = "ChatMention";
}
