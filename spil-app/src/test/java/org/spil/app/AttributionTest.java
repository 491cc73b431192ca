package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * Attribution of the scenario's chat handles to the persons behind them, against the truth's clues
 * (nicknames the police know, own phone numbers given in chats, travel talk on the days of border
 * crossings, talk of sums paid on the days the bank books them, devices shared by a member's
 * handles): the true person ranked first for most handles with a clue, each candidate with its
 * evidence; the team's decisions kept with the candidates; nothing for a reader who may not read
 * the chats.
 */
class AttributionTest {
  static final Path PORTS = Path.of("../../shared/data/geo/UpdatedPub150.csv");

  @TempDir Path tmp;

  @Test
  void handlesWithCluesAreAttributedToTheirOwners() throws Exception {
    try (Store store = Scenario.warehouse(3000, tmp, PORTS, "bench")) {
      Viewer v = store.viewer("bench", Scenario.CASE);
      Map<String, String> truthOf = new HashMap<>();
      for (String line : Files.readAllLines(tmp.resolve("scenario/truth/records.csv"))) {
        String[] f = line.split(",", -1);
        truthOf.put(f[1], f[3]);
      }
      Attribution attribution = new Attribution(store);
      int withClues = 0;
      Map<String, int[]> byClues = new java.util.TreeMap<>();
      int first = 0;
      String sample = null;
      String samplePerson = null;
      String paying = null;
      List<String> lines = Files.readAllLines(tmp.resolve("scenario/truth/attribution.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (f[3].isEmpty() || f[3].equals("device")) {
          continue; // a shared device ties two handles together but names nobody
        }
        withClues++;
        int[] ofClues = byClues.computeIfAbsent(f[3], k -> new int[2]);
        ofClues[1]++;
        Attribution.Handle h = attribution.attribute(v, f[0]);
        if (!h.candidates().isEmpty() && f[1].equals(truthOf.get(h.candidates().get(0).person()))) {
          first++;
          ofClues[0]++;
          if (f[3].equals("payment")) {
            paying = f[0];
          }
          if (f[3].contains("phone") && sample == null) {
            sample = f[0];
            samplePerson = h.candidates().get(0).person();
          }
        }
      }
      System.out.printf(
          "attribution at 3,000 persons: the true person first for %d of %d handles with clues"
              + " (%.2f)%n",
          first, withClues, first / (double) withClues);
      byClues.forEach((c, n) -> System.out.printf("  clues %s: %d of %d%n", c, n[0], n[1]));
      assertThat(withClues).isGreaterThan(20);
      // nicknames are few and shared between networks; associates, phones and travel tell the
      // holders apart
      assertThat(first / (double) withClues).isGreaterThanOrEqualTo(0.9);

      assertThat(paying).as("a handle attributed through payments alone").isNotNull();
      assertThat(attribution.attribute(v, paying).candidates().get(0).evidence())
          .anyMatch(e -> e.contains("sums its messages say it moved, on the day"));

      assertThat(sample).as("a handle attributed through its own phone number").isNotNull();
      String handle = sample;
      Attribution.Candidate top = attribution.attribute(v, handle).candidates().get(0);
      assertThat(top.evidence()).anyMatch(e -> e.contains("given as the sender's own"));
      attribution.decide(v, handle, samplePerson, "confirmed", "seen with the phone on 12 May");
      assertThat(attribution.attribute(v, handle).candidates().get(0).decision())
          .isEqualTo("confirmed");
      assertThat(attribution.strongest(v, 500))
          .noneMatch(o -> o.handle().equals(handle) && o.person().equals(top.person()));
      assertThatThrownBy(() -> attribution.decide(v, handle, top.person(), "dismissed", ""))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("reason");

      // a group's boss sees the group among its conversations, with its members
      List<String> group =
          Files.readAllLines(tmp.resolve("scenario/truth/groups.csv"))
              .get(1)
              .split(",")[2]
              .lines()
              .flatMap(l -> java.util.Arrays.stream(l.split(";")))
              .toList();
      Attribution.Handle boss = attribution.attribute(v, group.get(0));
      Attribution.Conversation crew =
          boss.conversations().stream().filter(Attribution.Conversation::group).findFirst().get();
      assertThat(crew.conversation()).startsWith("crew-");
      assertThat(crew.with()).hasSizeGreaterThan(1).containsAnyElementsOf(group);
      assertThat(crew.sent()).isEqualTo(crew.messages());
      assertThat(crew.threads()).isBetween(1, (int) crew.messages());
      assertThat(boss.conversations())
          .filteredOn(c -> !c.group())
          .allSatisfy(c -> assertThat(c.with()).hasSize(1))
          .isNotEmpty();

      Viewer customs = ScenarioViewers.customs(store);
      assertThatThrownBy(() -> attribution.attribute(customs, handle))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("no messages");
      assertThat(attribution.strongest(customs, 10)).isEmpty();
    }
  }
}
