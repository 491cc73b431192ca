package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judgements override the model, survive reruns, can be revised, and refuse bad input. */
class JudgeCommandTest {
  @TempDir Path tmp;
  final ObjectMapper json = new ObjectMapper();

  String clusterOf(String[] as, String id) throws Exception {
    for (JsonNode c :
        json.readTree(
            Cli.run(LeakTest.concat(new String[] {"clusters", "--all", "--json"}, as)).out())) {
      for (JsonNode m : c.get("members")) {
        if (m.asText().equals(id)) {
          return c.get("canonical_id").asText();
        }
      }
    }
    return null;
  }

  @Test
  void judgementsSplitAndJoinAcrossReruns() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl", "douane-nl", "osint-donations");
    String[] as = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    JsonNode clusters =
        json.readTree(Cli.run(LeakTest.concat(new String[] {"clusters", "--json"}, as)).out());
    JsonNode merged = clusters.get(0).get("members");
    String a = merged.get(0).asText();
    String b = merged.get(1).asText();
    assertThat(clusterOf(as, a)).isEqualTo(clusterOf(as, b));

    assertThat(Cli.run(LeakTest.concat(new String[] {"judge", a, b, "different"}, as)).code())
        .isZero();
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    assertThat(clusterOf(as, a)).as("different: split").isNotEqualTo(clusterOf(as, b));
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    assertThat(clusterOf(as, a)).as("survives a rerun").isNotEqualTo(clusterOf(as, b));

    Cli.Result contradiction = Cli.run(LeakTest.concat(new String[] {"judge", b, a, "same"}, as));
    assertThat(contradiction.code()).isEqualTo(2);
    assertThat(contradiction.err())
        .contains("judged 'different' before; revise the judgement")
        .contains("(--revise)");
    assertThat(
            Cli.run(LeakTest.concat(new String[] {"judge", b, a, "same", "--revise"}, as)).code())
        .isZero();
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    assertThat(clusterOf(as, a)).as("revised to same: joined").isEqualTo(clusterOf(as, b));

    Cli.Result review =
        Cli.run(LeakTest.concat(new String[] {"review", "--json", "--limit", "50"}, as));
    assertThat(review.code()).as(review.err()).isZero();
    JsonNode candidates = json.readTree(review.out());
    assertThat(candidates).isNotEmpty();
    for (JsonNode c : candidates) {
      assertThat(Set.of(c.get("a").asText(), c.get("b").asText()))
          .as("judged pairs are not reviewed again")
          .isNotEqualTo(Set.of(a, b));
    }
    assertThat(Cli.run(LeakTest.concat(new String[] {"judge", a, a, "same"}, as)).err())
        .contains("two different entities");
    assertThat(Cli.run(LeakTest.concat(new String[] {"judge", a, "no-such-id", "same"}, as)).err())
        .contains("no entity 'no-such-id'");
    assertThat(Cli.run(LeakTest.concat(new String[] {"judge", a, b, "maybe"}, as)).err())
        .contains("same, different or unsure");
  }
}
