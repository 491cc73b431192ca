package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.ChatMessage;
import org.spil.model.EntityIds;

/**
 * Chat messages read from dataset directories: the layout in dataset.yml checked field by field,
 * messages read from JSON lines and CSV with their handles as accounts, bad rows rejected with
 * file, line, column and reason, and times in every form an export writes them.
 */
class MessageIngestTest {
  @TempDir Path tmp;

  static final String LAYOUT =
      """
      messages:
        - csv_url: chats.jsonl
          service: EncroChat
          columns: {id: id, time: ts, from: from, to: to, device: imei, body: text}
      """;

  private record Read(
      List<ChatMessage> messages, CollectedStatements statements, IngestReport report) {}

  private static Read read(Path dir) {
    List<ChatMessage> messages = new ArrayList<>();
    CollectedStatements statements = new CollectedStatements();
    IngestReport report =
        new MessageIngest(DatasetReader.read(dir), messages::add, statements, n -> {}).run();
    return new Read(messages, statements, report);
  }

  @Test
  void messagesAndTheirHandlesFromJsonLines() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("ds"), Datasets.PROVENANCE + LAYOUT);
    Datasets.file(
        dir,
        "chats.jsonl",
        """
        {"id":"M1","ts":"2024-03-01T10:00:00Z","from":"icyfox","to":"redtiger","imei":"354007260316766","text":"bel me morgen"}
        {"id":"M2","ts":"2024-03-01T10:05:00Z","from":"redtiger","to":"icyfox","imei":"355658134418852","text":"he paid the money"}
        {"id":"M3","ts":"yesterday","from":"redtiger","to":"icyfox","text":"x"}
        {"id":"M4","ts":"2024-03-01T10:06:00Z","from":"red\\u202etiger","to":"icyfox","text":"x"}
        {"id":"M5","ts":"2024-03-01T10:07:00Z","to":"icyfox","text":"x"}
        """,
        StandardCharsets.UTF_8);
    Read r = read(dir);
    assertThat(r.messages()).extracting(ChatMessage::id).containsExactly("M1", "M2");
    ChatMessage m1 = r.messages().get(0);
    assertThat(m1.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    assertThat(m1.recipients()).containsExactly("redtiger");
    assertThat(m1.device()).isEqualTo("354007260316766");
    assertThat(m1.conversation()).isEqualTo(r.messages().get(1).conversation());
    assertThat(m1.language()).isEqualTo("nld");
    assertThat(r.messages().get(1).language()).isEqualTo("eng");
    assertThat(m1.service()).isEqualTo("EncroChat");
    assertThat(m1.file()).isEqualTo("chats.jsonl");
    assertThat(m1.line()).isEqualTo(1);
    assertThat(r.report().rows()).isEqualTo(5);
    assertThat(r.report().rejectedRows()).isEqualTo(3);
    assertThat(r.report().rejects())
        .extracting(Reject::toString)
        .containsExactly(
            "chats.jsonl:3: ts: 'yesterday' is not a time: ISO 8601 (2023-04-01T14:05:00Z, or"
                + " without zone in the layout's timezone) or seconds or milliseconds since 1970",
            "chats.jsonl:4: from: not a handle: printable, without control or direction-changing"
                + " characters, at most 256 characters",
            "chats.jsonl:5: from: missing: a message needs its sender's handle");
    // each handle once as an account, with the id the FtM mapping of earlier versions gave it
    String icyfox = EntityIds.make("test-ds", "handle", List.of("icyfox"));
    assertThat(r.statements().of("UserAccount"))
        .filteredOn(s -> s.entityId().equals(icyfox))
        .extracting(CollectedStatements.Row::prop, CollectedStatements.Row::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("id", icyfox),
            org.assertj.core.groups.Tuple.tuple("username", "icyfox"),
            org.assertj.core.groups.Tuple.tuple("service", "EncroChat"),
            org.assertj.core.groups.Tuple.tuple("notes", "354007260316766"));
    assertThat(r.statements().values("username")).containsExactly("icyfox", "redtiger");
  }

  @Test
  void csvWithGroupsZonesAndNoIds() throws Exception {
    Path dir =
        Datasets.dir(
            tmp.resolve("csv"),
            Datasets.PROVENANCE
                + """
                messages:
                  - csv_url: export.csv
                    split: ";"
                    timezone: Europe/Amsterdam
                    columns: {time: Tijd, from: Van, to: Aan, body: Bericht, conversation: Groep}
                """);
    Datasets.file(
        dir,
        "export.csv",
        "Tijd,Van,Aan,Bericht,Groep\n"
            + "2024-07-01 14:00:00,icyfox,redtiger;bluebird,\"ik ben er, kom\",ploeg\n"
            + "1719835200,bluebird,icyfox,ok,ploeg\n",
        StandardCharsets.UTF_8);
    Read first = read(dir);
    assertThat(first.messages()).hasSize(2);
    ChatMessage group = first.messages().get(0);
    assertThat(group.recipients()).containsExactly("redtiger", "bluebird");
    assertThat(group.conversation()).isEqualTo("ploeg");
    // summer time in Amsterdam: two hours ahead of UTC
    assertThat(group.time()).isEqualTo(Instant.parse("2024-07-01T12:00:00Z"));
    assertThat(first.messages().get(1).time()).isEqualTo(Instant.ofEpochSecond(1719835200));
    // ids made from the message itself are the same when the export is read again
    assertThat(read(dir).messages())
        .extracting(ChatMessage::id)
        .isEqualTo(first.messages().stream().map(ChatMessage::id).toList());
    assertThat(group.id()).isNotEqualTo(first.messages().get(1).id());
  }

  @Test
  void aLayoutIsCheckedFieldByField() throws Exception {
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    Datasets.dir(
                        tmp.resolve("a"),
                        Datasets.PROVENANCE
                            + "messages:\n  - csv_url: c.csv\n    columns: {time: t, from: f}\n")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("messages[0].columns.body")
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    Datasets.dir(
                        tmp.resolve("b"),
                        Datasets.PROVENANCE
                            + "messages:\n  - csv_url: c.csv\n    columns: {time: t, from: f, body:"
                            + " b, sender: s}\n")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("messages[0].columns.sender")
        .hasMessageContaining("not a message field");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    Datasets.dir(
                        tmp.resolve("c"),
                        Datasets.PROVENANCE
                            + "messages:\n  - csv_url: c.csv\n    timezone: Mars/Olympus\n"
                            + "    columns: {time: t, from: f, body: b}\n")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("messages[0].timezone");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    Datasets.dir(
                        tmp.resolve("d"),
                        Datasets.PROVENANCE
                            + "messages:\n  - csv_url: ../../etc/passwd\n"
                            + "    columns: {time: t, from: f, body: b}\n")))
        .isInstanceOf(DatasetException.class);
    Path missing =
        Datasets.dir(
            tmp.resolve("e"),
            Datasets.PROVENANCE
                + "messages:\n  - csv_url: c.csv\n    columns: {time: t, from: f, body: b}\n");
    Datasets.file(missing, "c.csv", "t,f,text\n2024-01-01T00:00:00Z,x,y\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(missing))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("c.csv")
        .hasMessageContaining("columns.body")
        .hasMessageContaining("no column 'b'");
  }

  @Property
  void everyFormOfATimeGivesTheSameInstant(
      @ForAll @LongRange(min = 1_000_000_000L, max = 9_999_999_999L) long seconds) {
    Instant t = Instant.ofEpochSecond(seconds);
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    assertThat(MessageIngest.time(t.toString(), ZoneOffset.UTC)).isEqualTo(t);
    assertThat(MessageIngest.time(Long.toString(seconds), ZoneOffset.UTC)).isEqualTo(t);
    assertThat(MessageIngest.time(Long.toString(seconds * 1000 + 1), ZoneOffset.UTC))
        .isEqualTo(t.plusMillis(1));
    assertThat(MessageIngest.time(t.atOffset(ZoneOffset.ofHours(5)).toString(), amsterdam))
        .isEqualTo(t);
    LocalDateTime local = LocalDateTime.ofInstant(t, amsterdam);
    Instant back = MessageIngest.time(local.toString().replace('T', ' '), amsterdam);
    // a local time in the hour the clocks go back is read as its earlier instant
    assertThat(back).isIn(t, t.minusSeconds(3600));
  }

  @Property
  void aConversationOfTheSameHandlesIsOneWhoeverWrites(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String a,
      @ForAll @Size(min = 1, max = 4)
          List<@AlphaChars @StringLength(min = 1, max = 8) String> others) {
    List<String> reversed = new ArrayList<>(others);
    java.util.Collections.reverse(reversed);
    String first = ChatMessage.conversationOf(a, others);
    assertThat(ChatMessage.conversationOf(a, reversed)).isEqualTo(first);
    List<String> swapped = new ArrayList<>(others.subList(1, others.size()));
    swapped.add(a);
    assertThat(ChatMessage.conversationOf(others.get(0), swapped)).isEqualTo(first);
  }

  @Test
  void languagesOfShortMessages() {
    assertThat(LanguageGuess.guess("waar ben je", "und")).isEqualTo("nld");
    assertThat(LanguageGuess.guess("where are you", "und")).isEqualTo("eng");
    assertThat(LanguageGuess.guess("on se voit demain", "und")).isEqualTo("fra");
    assertThat(LanguageGuess.guess("11k", "nld")).isEqualTo("nld");
    assertThat(LanguageGuess.guess("", null)).isNull();
  }
}
