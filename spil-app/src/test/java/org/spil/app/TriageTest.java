package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.MessageHit;
import org.spil.store.Store;

/**
 * The triage of threats to life on the scenario's intercepted chats: the planted threats come first
 * (recall in the top 1% of the messages at least 0.9), each with the signals that scored it; a
 * decision takes a message off the team's queue and is audited; a message the viewer may not read
 * cannot be decided on; the data directory's own list of signals replaces the built-in one.
 */
class TriageTest {
  static final Path PORTS = Path.of("../../shared/data/geo/UpdatedPub150.csv");

  @TempDir Path tmp;

  @Test
  void plantedThreatsComeFirstAndDecisionsTakeThemOffTheQueue() throws Exception {
    try (Store store = Scenario.warehouse(3000, tmp, PORTS, "bench")) {
      Viewer v = store.viewer("bench", Scenario.CASE);
      Chats chats = new Chats(store);
      long messages = chats.search(v, request("")).total();
      List<String> lines = Files.readAllLines(tmp.resolve("scenario/truth/threats.csv"));
      Set<String> planted = new HashSet<>();
      for (String line : lines.subList(1, lines.size())) {
        planted.add(line.substring(0, line.indexOf(',')));
      }
      assertThat(planted).hasSizeGreaterThanOrEqualTo(3);
      List<String> decoyLines = Files.readAllLines(tmp.resolve("scenario/truth/decoys.csv"));
      Set<String> decoys = new HashSet<>();
      for (String line : decoyLines.subList(1, decoyLines.size())) {
        decoys.add(line.substring(0, line.indexOf(',')));
      }
      assertThat(decoys).hasSizeGreaterThan(planted.size());
      int top = (int) Math.max(1, messages / 100);
      Chats.Queue queue = chats.triage(v, top, false);
      long found = queue.results().stream().filter(t -> planted.contains(t.id())).count();
      long firstK =
          queue.results().stream()
              .limit(planted.size())
              .filter(t -> planted.contains(t.id()))
              .count();
      System.out.printf(
          "triage at 3,000 persons: %d of %d planted threats in the top %d of %,d messages (%d"
              + " candidates, %d decoys); %d of the first %d are threats%n",
          found,
          planted.size(),
          top,
          messages,
          queue.candidates(),
          decoys.size(),
          firstK,
          planted.size());
      assertThat((double) found / planted.size()).isGreaterThanOrEqualTo(0.9);
      // the decoys' words are a threat's and single signals weigh alike: at least half of the
      // first places go to the threats (4 of 7 at seed 1), which stack more signals
      assertThat((double) firstK / planted.size()).isGreaterThanOrEqualTo(0.5);
      Chats.Triaged first = queue.results().get(0);
      assertThat(first.score()).isGreaterThan(0.8);
      assertThat(first.reasons()).isNotEmpty().allMatch(r -> r.contains(": '"));

      chats.decide(v, first.id(), "confirmed", "passed to the threat-to-life desk");
      assertThat(chats.triage(v, top, false).results()).noneMatch(t -> t.id().equals(first.id()));
      assertThat(chats.triage(v, top, true).results())
          .filteredOn(t -> t.id().equals(first.id()))
          .extracting(Chats.Triaged::decision)
          .containsExactly("confirmed");
      assertThatThrownBy(() -> chats.decide(v, first.id(), "dismissed", " "))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("reason");
      // customs may not read the chats: no queue, and no decision on what it cannot read
      Viewer customs = ScenarioViewers.customs(store);
      assertThat(chats.triage(customs, 10, true).results()).isEmpty();
      assertThatThrownBy(() -> chats.decide(customs, first.id(), "confirmed", null))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("no message");

      // the messages with the suspects' lawyers: counted, never shown, searched, queued or
      // attributed
      List<String> privileged = Files.readAllLines(tmp.resolve("scenario/truth/privileged.csv"));
      assertThat(privileged).hasSizeGreaterThan(10);
      MessageHit.Page withheld =
          chats.search(v, request("\"zeg niets tot ik er ben\" OR verhoor OR opgepakt"));
      assertThat(withheld.total()).isZero();
      assertThat(withheld.privileged()).isPositive();
      assertThat(chats.search(v, request("")).privileged()).isEqualTo(privileged.size() - 1);
      assertThatThrownBy(() -> new Attribution(store).attribute(v, "mr.vandijk"))
          .isInstanceOf(InvalidField.class);
      Set<String> lawyerMessages = new HashSet<>();
      for (String line : privileged.subList(1, privileged.size())) {
        lawyerMessages.add(line.substring(0, line.indexOf(',')));
      }
      assertThat(chats.triage(v, 10_000, true).results())
          .noneMatch(t -> lawyerMessages.contains(t.id()));

      // the data directory's own list: only what it names is looked for
      Files.writeString(store.dir().resolve(Chats.SIGNALS_FILE), "fra threat 0.9 buter\n");
      Chats.Queue own = chats.triage(v, 100, true);
      assertThat(own.signals()).endsWith(Chats.SIGNALS_FILE);
      assertThat(own.results()).allMatch(t -> t.body().toLowerCase().contains("buter"));
      Files.writeString(store.dir().resolve(Chats.SIGNALS_FILE), "fra threat 2 buter\n");
      assertThatThrownBy(() -> chats.triage(v, 10, false))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining(Chats.SIGNALS_FILE + ":1: weight");
    }
  }

  static Chats.SearchRequest request(String q) {
    return new Chats.SearchRequest(
        q, null, null, null, null, null, null, null, null, 1, 0, 0, null);
  }
}
