package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * A nickname two persons share, told apart by whom the handle writes with: a contact whose own
 * messages (to someone else) give away who he is makes the holder he is a known associate of the
 * likelier one. Two handles, each called by the shared nickname, each writing with an associate of
 * a different holder: each is attributed to its own holder, which no order of the holders alone can
 * give.
 */
class AttributionContactsTest {
  @TempDir Path tmp;

  private static final String PROVENANCE =
      """
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H2
      source_grade: B
      info_grade: 2
      retention: P5Y
      phone_region: NL
      """;

  @Test
  void contactsWhoseOwnersAreKnownTellTheHoldersOfASharedNicknameApart() throws Exception {
    Path police =
        dataset(
            "politie",
            "persons and their associates",
            """
            queries:
              - csv_url: persons.csv
                entities:
                  p:
                    schema: Person
                    keys: [id]
                    key_literal: person
                    properties:
                      name: {column: name}
                      alias: {column: alias}
                      phone: {column: phone}
              - csv_url: links.csv
                entities:
                  a: {schema: Person, keys: [a], key_literal: person}
                  b: {schema: Person, keys: [b], key_literal: person}
                  link:
                    schema: Associate
                    keys: [a, b]
                    properties:
                      person: {entity: a}
                      associate: {entity: b}
            """);
    Files.writeString(
        police.resolve("persons.csv"),
        """
        id,name,alias,phone
        1,Jan Jansen,Tank,
        2,Piet Pieters,Tank,
        3,Kees Koster,,+31612345678
        4,Ria Ruiter,,+31687654321
        """);
    Files.writeString(police.resolve("links.csv"), "a,b\n1,3\n2,4\n");

    Path chats =
        dataset(
            "chats",
            "intercepted messages",
            """
            messages:
              - csv_url: chats.jsonl
                columns: {id: id, time: time, from: from, to: to, body: body}
            """);
    StringBuilder lines = new StringBuilder();
    int[] n = {0};
    // redfox is Kees Koster (his own number, to a third handle), bluecat Ria Ruiter
    message(lines, n, "redfox", "greyowl", "mijn eigen nummer is 06-12345678, niet doorgeven");
    message(lines, n, "bluecat", "greyowl", "mijn eigen nummer is 06-87654321");
    for (int i = 0; i < 4; i++) {
      message(lines, n, "redfox", "icybear", "Tank, alles klaar voor morgen?");
      message(lines, n, "icybear", "redfox", "ja komt goed");
      message(lines, n, "bluecat", "darkwolf", "Tank, waar blijf je");
      message(lines, n, "darkwolf", "bluecat", "onderweg");
    }
    Files.writeString(chats.resolve("chats.jsonl"), lines);

    try (Store store = Store.open(tmp.resolve("data"), true, LocalDate.of(2026, 12, 7))) {
      Operator by = new Operator("test");
      for (Path d : List.of(police, chats)) {
        Ingestion.run(
            store, Ingestion.read(List.of(d)).get(0), store.today(), by, x -> {}, x -> {});
      }
      new Administration(store)
          .addUser(by, "ann", "politie-nl", List.of("analyst"), "a long password".toCharArray());
      Viewer ann = store.viewer("ann", "wpg-art-9");
      Attribution attribution = new Attribution(store);

      List<Attribution.Candidate> candidates = attribution.attribute(ann, "icybear").candidates();
      Attribution.Candidate icybear = candidates.get(0);
      assertThat(icybear.caption()).as("%s", candidates).isEqualTo("Jan Jansen");
      assertThat(icybear.evidence())
          .anyMatch(e -> e.contains("contacts likely its known associates: redfox likely Kees"));

      assertThat(attribution.attribute(ann, "icybear").contacts())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.handle()).isEqualTo("redfox");
                assertThat(c.caption()).isEqualTo("Kees Koster");
                assertThat(c.share()).isGreaterThan(0.5);
              });

      Attribution.Handle darkwolf = attribution.attribute(ann, "darkwolf");
      assertThat(darkwolf.candidates().get(0).caption()).isEqualTo("Piet Pieters");
      assertThat(darkwolf.candidates().get(1).caption()).isEqualTo("Jan Jansen");
      assertThat(darkwolf.candidates().get(0).score())
          .isGreaterThan(darkwolf.candidates().get(1).score());
      assertThat(darkwolf.candidates().get(0).evidence())
          .anyMatch(e -> e.contains("bluecat likely Ria Ruiter"));
    }
  }

  /** A dataset directory with its dataset.yml: name, title, the police's provenance, layout. */
  private Path dataset(String name, String title, String layout) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(
        dir.resolve("dataset.yml"),
        "name: " + name + "\ntitle: " + title + "\n" + PROVENANCE + layout);
    return dir;
  }

  private static void message(StringBuilder out, int[] n, String from, String to, String body) {
    n[0]++;
    out.append(
        String.format(
            "{\"id\":\"M%d\",\"time\":\"2024-03-01T10:%02d:00Z\",\"from\":\"%s\",\"to\":\"%s\","
                + "\"body\":\"%s\"}%n",
            n[0], n[0], from, to, body));
  }
}
