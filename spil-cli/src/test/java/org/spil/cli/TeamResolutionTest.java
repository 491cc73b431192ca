package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's members share one resolution: what one resolves, another sees under the same canonical
 * ids (where it may see the members); a judgement by one changes the clusters the other sees; a
 * canonical id shows the merged entity. Other teams see none of it.
 */
class TeamResolutionTest {
  @TempDir Path tmp;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void twoMembersOfACaseSeeOneResolution() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl", "douane-nl", "osint-donations");
    Cli.Result added =
        Cli.run(
            "cases",
            "add",
            "c1",
            "--title",
            "joint",
            "--member",
            "politie-nl",
            "kmar",
            "--data",
            data);
    assertThat(added.code()).as(added.err()).isZero();
    String[] police = {"--as", "politie-nl", "--purpose", "c1", "--data", data};
    String[] kmar = {"--as", "kmar", "--purpose", "c1", "--data", data};
    assertThat(run(police, "resolve").code()).isZero();

    Map<String, JsonNode> byPolice = clusters(police);
    Map<String, JsonNode> byKmar = clusters(kmar);
    assertThat(byKmar).as("kmar sees the resolution police made for the case").isNotEmpty();
    for (Map.Entry<String, JsonNode> e : byKmar.entrySet()) {
      assertThat(byPolice).containsKey(e.getKey());
      assertThat(byPolice.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(
            clusters(new String[] {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data}))
        .as("another team of the same user sees none of it")
        .isEmpty();

    String canonical = byKmar.keySet().iterator().next();
    JsonNode members = byKmar.get(canonical);
    Cli.Result shown = run(kmar, "show", canonical, "--json");
    assertThat(shown.code()).as(shown.err()).isZero();
    JsonNode merged = json.readTree(shown.out());
    assertThat(merged.get("id").asText()).isEqualTo(canonical);
    assertThat(merged.get("members")).isEqualTo(members);
    assertThat(merged.get("properties").get("name").size()).isGreaterThanOrEqualTo(2);

    String a = members.get(0).asText();
    String b = members.get(1).asText();
    Cli.Result judged = run(kmar, "judge", a, b, "different");
    assertThat(judged.code()).as(judged.err()).isZero();
    assertThat(judged.out()).contains("case:c1");
    assertThat(run(police, "resolve").code()).isZero();
    for (Map<String, JsonNode> view : java.util.List.of(clusters(police), clusters(kmar))) {
      for (JsonNode m : view.values()) {
        assertThat(m.toString().contains(a) && m.toString().contains(b))
            .as("the judgement by kmar keeps %s and %s apart in the case's clusters", a, b)
            .isFalse();
      }
    }
  }

  private Cli.Result run(String[] viewer, String... args) {
    return Cli.run(LeakTest.concat(args, viewer));
  }

  /** Canonical id to members, clusters of several records. */
  private Map<String, JsonNode> clusters(String[] viewer) throws Exception {
    Cli.Result r = run(viewer, "clusters", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode c : json.readTree(r.out())) {
      out.put(c.get("canonical_id").asText(), c.get("members"));
    }
    return out;
  }
}
