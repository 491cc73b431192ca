package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.ChatMessage;
import org.spil.model.HandlingCode;
import org.spil.model.InvalidField;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;
import org.spil.policy.Case;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.Subset;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/**
 * The message store end to end below the operations: messages written in a batch, indexed, found by
 * words in their several forms, phrases, proximity, wildcards and fuzzy terms, filtered, shown with
 * their conversation and highlights; a seeded random search against a plain reading of the
 * messages; what one agency may not read neither found, counted nor scored; approved periods;
 * purge.
 */
class MessagesTest {
  @TempDir Path tmp;
  static final LocalDate TODAY = StoreTest.TODAY;

  @BeforeEach
  void bases() throws Exception {
    Viewers.allowTestAgencies(tmp);
  }

  static Provenance provenance(String dataset, String agency, Set<String> shareWith) {
    return new Provenance(
        dataset,
        dataset,
        agency,
        "wpg-art-9",
        HandlingCode.H2,
        null,
        SourceGrade.B,
        2,
        TODAY.plusYears(1),
        shareWith,
        null);
  }

  static ChatMessage message(
      String id, String time, String from, String to, String body, String language) {
    return new ChatMessage(
        id,
        Instant.parse(time),
        from,
        List.of(to),
        "dev-" + from,
        ChatMessage.conversationOf(from, List.of(to)),
        body,
        language,
        null,
        "EncroChat",
        "messages.jsonl",
        1);
  }

  static long batch(Store store, Provenance p, List<ChatMessage> messages) {
    BatchWriter w = store.warehouse().begin(p, TODAY, "sha-" + p.dataset() + messages.size());
    messages.forEach(w::message);
    Batch b = w.commit(messages.size(), 0, List.of());
    store.updateIndex(n -> {});
    return b.id();
  }

  static final List<ChatMessage> CHAT =
      List.of(
          message("m1", "2024-03-01T10:00:00Z", "icyfox", "redtiger", "bel me morgen", "nld"),
          message(
              "m2",
              "2024-03-01T10:05:00Z",
              "redtiger",
              "icyfox",
              "de betalingen zijn gisteren binnen",
              "nld"),
          message(
              "m3",
              "2024-03-01T10:06:00Z",
              "icyfox",
              "redtiger",
              "de container MSCU1234565 komt morgen in Rotterdam",
              "nld"),
          message(
              "m4", "2024-03-02T09:00:00Z", "icyfox", "bluebird", "he is paying the money", "eng"),
          message(
              "m5",
              "2024-03-02T09:01:00Z",
              "bluebird",
              "icyfox",
              "on se voit demain à Anvers",
              "fra"),
          message(
              "m6", "2024-03-03T22:00:00Z", "redtiger", "icyfox", "Amsterdam is te heet", "nld"));

  private static Set<String> ids(MessageHit.Page page) {
    return page.results().stream()
        .map(MessageHit::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static MessageQuery query(String text) {
    return new MessageQuery(text, null, null, null, null, null, null, null, null, 50, 0, 2, "time");
  }

  @Test
  void wordsPhrasesProximityWildcardsFuzzyAndStems() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      batch(store, provenance("chats", "a", Set.of()), CHAT);
      Viewer v = Viewers.of("a");
      Messages m = store.messages();
      assertThat(ids(m.search(v, query("morgen")))).containsExactly("m1", "m3");
      // stems: "betaling" finds "betalingen" in Dutch, "pay" finds "paying" in English
      assertThat(ids(m.search(v, query("betaling")))).containsExactly("m2");
      assertThat(ids(m.search(v, query("pay")))).containsExactly("m4");
      assertThat(ids(m.search(v, query("\"bel me morgen\"")))).containsExactly("m1");
      assertThat(ids(m.search(v, query("\"bel morgen\"")))).isEmpty();
      assertThat(ids(m.search(v, query("\"bel morgen\"~2")))).containsExactly("m1");
      assertThat(ids(m.search(v, query("rotter*")))).containsExactly("m3");
      assertThat(ids(m.search(v, query("amsterdm~1")))).containsExactly("m6");
      assertThat(ids(m.search(v, query("morgen NOT container")))).containsExactly("m1");
      assertThat(ids(m.search(v, query("morgen OR demain")))).containsExactly("m1", "m3", "m5");
      // accents folded: "a" finds "à"
      assertThat(ids(m.search(v, query("\"demain a anvers\"")))).containsExactly("m5");
      // identifiers are words of their own
      assertThat(ids(m.search(v, query("mscu1234565")))).containsExactly("m3");
      assertThat(m.search(v, query("")).total()).isEqualTo(6);
      assertThatThrownBy(() -> m.search(v, query("*tterdam")))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("query");
      assertThatThrownBy(() -> m.search(v, query("\"unclosed"))).isInstanceOf(InvalidField.class);
    }
  }

  @Test
  void filtersContextAndHighlights() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      batch(store, provenance("chats", "a", Set.of()), CHAT);
      Viewer v = Viewers.of("a");
      Messages m = store.messages();
      MessageQuery byIcyfox =
          new MessageQuery(
              "", "icyfox", null, null, null, null, null, null, null, 50, 0, 0, "time");
      assertThat(ids(m.search(v, byIcyfox))).containsExactly("m1", "m3", "m4");
      MessageQuery toIcyfox =
          new MessageQuery(
              "", null, "icyfox", null, null, null, null, null, null, 50, 0, 0, "time");
      assertThat(ids(m.search(v, toIcyfox))).containsExactly("m2", "m5", "m6");
      MessageQuery either =
          new MessageQuery(
              "", null, null, "bluebird", null, null, null, null, null, 50, 0, 0, "time");
      assertThat(ids(m.search(v, either))).containsExactly("m4", "m5");
      MessageQuery period =
          new MessageQuery(
              "",
              null,
              null,
              null,
              null,
              Instant.parse("2024-03-01T10:05:00Z"),
              Instant.parse("2024-03-02T09:01:00Z"),
              null,
              null,
              50,
              0,
              0,
              "time");
      assertThat(ids(m.search(v, period))).containsExactly("m2", "m3", "m4");
      MessageQuery french =
          new MessageQuery("", null, null, null, null, null, null, null, "fra", 50, 0, 0, "time");
      assertThat(ids(m.search(v, french))).containsExactly("m5");

      MessageQuery inContext =
          new MessageQuery(
              "betaling", null, null, null, null, null, null, null, null, 10, 0, 5, "score");
      MessageHit hit = m.search(v, inContext).results().get(0);
      assertThat(hit.id()).isEqualTo("m2");
      assertThat(hit.conversation()).isEqualTo("icyfox|redtiger");
      assertThat(hit.before()).extracting(MessageHit.Line::id).containsExactly("m1");
      assertThat(hit.after()).extracting(MessageHit.Line::id).containsExactly("m3", "m6");
      assertThat(hit.dataset()).isEqualTo("chats");
      assertThat(hit.highlights()).hasSize(1);
      MessageHit.Highlight h = hit.highlights().get(0);
      assertThat(hit.body().substring(h.start(), h.end())).isEqualTo("betalingen");

      MessageHit phrase = m.search(v, query("\"komt morgen\"")).results().get(0);
      assertThat(phrase.highlights())
          .extracting(x -> phrase.body().substring(x.start(), x.end()))
          .containsExactly("komt", "morgen");
      // a word under NOT is not marked
      MessageHit not = m.search(v, query("morgen NOT bel")).results().get(0);
      assertThat(not.highlights())
          .extracting(x -> not.body().substring(x.start(), x.end()))
          .containsExactly("morgen");
    }
  }

  @Test
  void aViewerNeitherFindsNorCountsNorIsScoredByMessagesItMayNotRead() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      batch(store, provenance("chats", "a", Set.of()), CHAT);
      Viewer a = Viewers.of("a");
      Viewer b = Viewers.of("b");
      MessageHit.Page before = store.messages().search(a, query("morgen"));
      assertThat(store.messages().search(b, query("morgen")).total()).isZero();
      assertThat(store.messages().search(b, query("")).total()).isZero();
      // b's own chats, many of them saying "morgen": a's scores and counts do not move
      List<ChatMessage> other = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        other.add(
            message(
                "b" + i,
                "2024-04-01T10:00:00Z",
                "x" + (i % 7),
                "y" + (i % 5),
                "morgen morgen icyfox " + i,
                "nld"));
      }
      batch(store, provenance("other", "b", Set.of()), other);
      MessageHit.Page after = store.messages().search(a, query("morgen"));
      assertThat(after.total()).isEqualTo(before.total());
      assertThat(after.results())
          .extracting(MessageHit::id, MessageHit::score)
          .isEqualTo(
              before.results().stream()
                  .map(h -> org.assertj.core.groups.Tuple.tuple(h.id(), h.score()))
                  .toList());
      assertThat(store.messages().search(b, query("morgen")).total()).isEqualTo(300);
      // a context never reaches into b's messages, even in a conversation of the same name
      for (MessageHit h : store.messages().search(a, query("")).results()) {
        assertThat(h.before()).allMatch(l -> l.id().startsWith("m"));
        assertThat(h.after()).allMatch(l -> l.id().startsWith("m"));
      }
    }
  }

  @Test
  void anApprovedPeriodOpensItsMessagesToTheCaseAndNothingElse() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      long batch = batch(store, provenance("chats", "politie-nl", Set.of()), CHAT);
      User owner = new User("rech", "politie-nl", Set.of(Role.INVESTIGATOR));
      User counsel = new User("adv", "advocaten-x", Set.of(Role.DEFENCE_COUNSEL));
      store.accounts().addUser(owner, "hash", "test");
      store.accounts().addUser(counsel, "hash", "test");
      Case c = store.accounts().addCase(new Case("C1", "case", "wpg-art-9", Set.of("adv")), "test");
      Viewer defence = new Viewer(counsel, Purpose.of(c));
      assertThat(store.messages().search(defence, query("")).total()).isZero();
      store
          .approvals()
          .record(
              "rech",
              "C1",
              batch,
              new Subset.Period(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-02")),
              Set.of(Role.DEFENCE_COUNSEL),
              TODAY.plusDays(30),
              "RK 1");
      MessageHit.Page page =
          store
              .messages()
              .search(
                  defence,
                  new MessageQuery(
                      "", null, null, null, null, null, null, null, null, 50, 0, 5, "time"));
      assertThat(ids(page)).containsExactly("m4", "m5");
      // the conversation around them stays within the approved period
      for (MessageHit h : page.results()) {
        assertThat(h.before()).allMatch(l -> Set.of("m4", "m5").contains(l.id()));
        assertThat(h.after()).allMatch(l -> Set.of("m4", "m5").contains(l.id()));
      }
      assertThat(store.messages().search(defence, query("morgen")).total()).isZero();
      // and exported as read: the approved period's messages, nothing else of the batch
      StringWriter export = new StringWriter();
      store.exports().ftm(defence, export, false);
      assertThat(export.toString())
          .contains("he is paying the money", "on se voit demain")
          .doesNotContain("bel me morgen")
          .doesNotContain("Amsterdam is te heet");
    }
  }

  @Test
  void anApprovedHandleOpensItsMessages() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      Provenance p = provenance("chats", "politie-nl", Set.of());
      BatchWriter w = store.warehouse().begin(p, TODAY, "sha-h");
      CHAT.forEach(w::message);
      String blue = org.spil.model.EntityIds.make("chats", "handle", List.of("bluebird"));
      w.accept(blue, "UserAccount", "id", blue, null, null);
      w.accept(blue, "UserAccount", "username", "bluebird", null, null);
      long batch = w.commit(6, 0, List.of()).id();
      store.updateIndex(n -> {});
      User owner = new User("rech", "politie-nl", Set.of(Role.INVESTIGATOR));
      User judge = new User("rc", "rechtbank", Set.of(Role.COURT));
      store.accounts().addUser(owner, "hash", "test");
      store.accounts().addUser(judge, "hash", "test");
      Case c = store.accounts().addCase(new Case("C1", "case", "wpg-art-9", Set.of("rc")), "test");
      store
          .approvals()
          .record(
              "rech",
              "C1",
              batch,
              new Subset.Entities(Set.of(blue)),
              Set.of(Role.COURT),
              TODAY.plusDays(30),
              "RK 2");
      assertThat(ids(store.messages().search(new Viewer(judge, Purpose.of(c)), query(""))))
          .containsExactly("m4", "m5");
    }
  }

  @Test
  void messagesWithAPrivilegedHandleAreCountedNeverShown() throws Exception {
    try (Store store = Store.open(tmp, true, TODAY)) {
      batch(store, provenance("chats", "a", Set.of()), CHAT);
      java.nio.file.Files.writeString(
          tmp.resolve(Privileged.FILE), "# lawyers of the suspects\nhandle bluebird  # mr. X\n");
      Viewer v = Viewers.of("a");
      MessageHit.Page all = store.messages().search(v, query(""));
      assertThat(ids(all)).containsExactly("m1", "m2", "m3", "m6");
      assertThat(all.total()).isEqualTo(4);
      assertThat(all.privileged()).isEqualTo(2);
      MessageHit.Page demain = store.messages().search(v, query("demain"));
      assertThat(demain.total()).isZero();
      assertThat(demain.privileged()).isEqualTo(1);
      assertThat(store.messages().search(v, query("morgen")).privileged()).isZero();
      for (MessageHit h : all.results()) {
        assertThat(h.before()).noneMatch(l -> Set.of("m4", "m5").contains(l.id()));
        assertThat(h.after()).noneMatch(l -> Set.of("m4", "m5").contains(l.id()));
      }
      assertThat(store.messages().involving(v, "bluebird", null, 100)).isEmpty();
      assertThat(store.messages().byId(v, "m4")).isEmpty();
      StringWriter export = new StringWriter();
      store.exports().ftm(v, export, false);
      assertThat(export.toString()).doesNotContain("he is paying").doesNotContain("Anvers");
      java.nio.file.Files.writeString(tmp.resolve(Privileged.FILE), "lawyer bluebird\n");
      assertThatThrownBy(() -> store.messages().search(v, query("")))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining(Privileged.FILE + ":1: give 'handle NAME'");
    }
  }

  @Test
  void aPrivilegedPhoneNumberWithholdsTheHandlesThatWriteIt() throws Exception {
    try (Store store = Store.open(tmp, true, TODAY)) {
      batch(
          store,
          provenance("phones", "a", Set.of()),
          List.of(
              message("p1", "2024-03-01T10:00:00Z", "06-12345678", "icyfox", "bel me", "nld"),
              message(
                  "p2",
                  "2024-03-01T10:01:00Z",
                  "icyfox",
                  "31612345678@s.whatsapp.net",
                  "ok",
                  "nld"),
              message("p3", "2024-03-01T10:02:00Z", "+31612345678", "redtiger", "morgen", "nld"),
              message("p4", "2024-03-01T10:03:00Z", "0612345679", "icyfox", "wie is dit", "nld"),
              message("p5", "2024-03-01T10:04:00Z", "icyfox", "redtiger", "rustig", "nld")));
      Viewer v = Viewers.of("a");
      assertThat(store.messages().search(v, query("")).total()).isEqualTo(5);
      Privileged.add(tmp, "+31 6 1234 5678", "RK 26/11, mr. Y");
      assertThat(java.nio.file.Files.readString(tmp.resolve(Privileged.FILE)))
          .contains("phone +31612345678  # RK 26/11, mr. Y");
      assertThat(Privileged.listed(tmp)).containsExactly("+31612345678");
      MessageHit.Page all = store.messages().search(v, query(""));
      assertThat(ids(all)).containsExactly("p4", "p5");
      assertThat(all.privileged()).isEqualTo(3);
      assertThat(store.messages().involving(v, "06-12345678", null, 10)).isEmpty();
      assertThatThrownBy(() -> Privileged.add(tmp, "+31612345678", "again"))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("listed already");
      Privileged.remove(tmp, "+31 6 12345678");
      assertThat(store.messages().search(v, query("")).total()).isEqualTo(5);
      java.nio.file.Files.writeString(tmp.resolve(Privileged.FILE), "phone 06-12345678\n");
      assertThatThrownBy(() -> store.messages().search(v, query("")))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining(Privileged.FILE + ":1: give a phone number in international form");
    }
  }

  @Test
  void purgedMessagesLeaveTheTableAndTheIndex() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      Provenance p =
          new Provenance(
              "old",
              "old",
              "a",
              "wpg-art-9",
              HandlingCode.H2,
              null,
              SourceGrade.B,
              2,
              TODAY.minusDays(1),
              Set.of(),
              null);
      batch(store, p, CHAT);
      batch(store, provenance("chats", "a", Set.of()), CHAT.subList(0, 1));
      Viewer v = Viewers.of("a");
      store.retention().purge("admin");
      assertThat(ids(store.messages().search(v, query("")))).containsExactly("m1");
      StringWriter export = new StringWriter();
      store.exports().ftm(v, export, false);
      assertThat(export.toString()).contains("bel me morgen").doesNotContain("betalingen");
    }
  }

  @Test
  void aRedeliveryKeepsEachMessageOnce() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      Provenance p = provenance("chats", "a", Set.of());
      List<ChatMessage> twice = new ArrayList<>(CHAT.subList(0, 3));
      twice.add(CHAT.get(0));
      batch(store, p, twice);
      batch(store, p, CHAT);
      Viewer v = Viewers.of("a");
      assertThat(store.messages().search(v, query("")).total()).isEqualTo(6);
      assertThat(store.batches()).extracting(Batch::messages).containsExactly(3L, 3L);
    }
  }

  /**
   * Random messages over a small vocabulary and random searches of one or two words with random
   * sender and time filters, against a plain reading of the messages (all words must occur, the
   * analysis as written: lower case).
   */
  @Test
  void seededSearchesAgreeWithAPlainReading() {
    String[] words = {"kilo", "boot", "haven", "geld", "sleutel", "auto", "vandaag", "loods"};
    String[] handles = {"h1", "h2", "h3", "h4"};
    for (long seed : new long[] {1, 2, 3}) {
      Path dir = tmp.resolve("seed" + seed);
      Random r = new Random(seed);
      List<ChatMessage> all = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = 1 + r.nextInt(5);
        List<String> body = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          body.add(words[r.nextInt(words.length)]);
        }
        String from = handles[r.nextInt(handles.length)];
        String to = handles[r.nextInt(handles.length)];
        all.add(
            message(
                String.format("r%04d", i),
                Instant.parse("2024-01-01T00:00:00Z")
                    .plusSeconds(3600L * r.nextInt(500))
                    .toString(),
                from,
                to,
                String.join(" ", body).toUpperCase(java.util.Locale.ROOT),
                "und"));
      }
      try {
        Viewers.allowTestAgencies(dir);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      try (Store store = Store.open(dir, true, TODAY)) {
        batch(store, provenance("rand", "a", Set.of()), all);
        Viewer v = Viewers.of("a");
        for (int q = 0; q < 60; q++) {
          String w1 = words[r.nextInt(words.length)];
          String w2 = r.nextBoolean() ? words[r.nextInt(words.length)] : null;
          String from = r.nextInt(3) == 0 ? handles[r.nextInt(handles.length)] : null;
          Instant since =
              r.nextInt(3) == 0
                  ? Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * r.nextInt(500))
                  : null;
          Set<String> expected = new TreeSet<>();
          for (ChatMessage m : all) {
            List<String> tokens = List.of(m.body().toLowerCase(java.util.Locale.ROOT).split(" "));
            if (tokens.contains(w1)
                && (w2 == null || tokens.contains(w2))
                && (from == null || m.sender().equals(from))
                && (since == null || !m.time().isBefore(since))) {
              expected.add(m.id());
            }
          }
          MessageQuery mq =
              new MessageQuery(
                  w2 == null ? w1 : w1 + " " + w2,
                  from,
                  null,
                  null,
                  null,
                  since,
                  null,
                  null,
                  null,
                  MessageQuery.MAX_LIMIT,
                  0,
                  0,
                  "time");
          MessageHit.Page page = store.messages().search(v, mq);
          assertThat(page.total()).as("seed %d query %s", seed, mq).isEqualTo(expected.size());
          assertThat(ids(page)).as("seed %d query %s", seed, mq).isEqualTo(expected);
        }
      }
    }
  }
}
