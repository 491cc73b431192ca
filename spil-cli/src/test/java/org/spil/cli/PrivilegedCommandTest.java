package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spil privileged}: a handle listed is withheld from every read at once and counted, taken
 * off it is read again; each change is audited with its reason; a handle listed twice, one not
 * listed, a handle with control characters and a change without a reason are refused.
 */
class PrivilegedCommandTest {
  @TempDir Path tmp;

  @Test
  void aListedHandleIsWithheldAtOnceAndEveryChangeIsAudited() throws Exception {
    String data = tmp.resolve("data").toString();
    Cli.Result in =
        Cli.run(
            "ingest", CommandsTest.EXAMPLES.resolve("politie-chats").toString(), "--data", data);
    assertThat(in.code()).as(in.err()).isZero();
    CommandsTest.addUsers(data, tmp);
    String[] search = {
      "messages",
      "search",
      "uithaler",
      "--json",
      "--as",
      "politie-nl",
      "--purpose",
      "wpg-art-9",
      "--data",
      data
    };
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(ok(search)).get("total").asInt()).isOne();

    assertThat(ok("privileged", "add", "havenmeester", "--reason", "RK 26/9", "--data", data))
        .contains("privileged: havenmeester");
    JsonNode withheld = json.readTree(ok(search));
    assertThat(withheld.get("total").asInt()).isZero();
    assertThat(withheld.get("privileged").asInt()).isOne();
    assertThat(withheld.toString()).doesNotContain("uithaler wil");
    assertThat(ok("privileged", "list", "--data", data)).contains("havenmeester");
    assertThat(Files.readString(Path.of(data, "privileged.txt")))
        .contains("handle havenmeester  # RK 26/9");

    assertThat(ok("privileged", "add", "+32 470 12 34 56", "--reason", "RK 26/10", "--data", data))
        .contains("privileged: +32470123456");
    assertThat(ok("privileged", "list", "--data", data)).contains("+32470123456");
    assertThat(Files.readString(Path.of(data, "privileged.txt")))
        .contains("phone +32470123456  # RK 26/10");

    Cli.Result twice =
        Cli.run("privileged", "add", "havenmeester", "--reason", "again", "--data", data);
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("listed already");
    Cli.Result control =
        Cli.run("privileged", "add", "bad\u0007handle", "--reason", "x", "--data", data);
    assertThat(control.code()).isEqualTo(2);
    assertThat(control.err()).contains("printable");
    Cli.Result noReason = Cli.run("privileged", "remove", "havenmeester", "--data", data);
    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
    Cli.Result blank =
        Cli.run("privileged", "remove", "havenmeester", "--reason", " ", "--data", data);
    assertThat(blank.code()).isEqualTo(2);
    assertThat(blank.err()).contains("reason");
    assertThat(json.readTree(ok(search)).get("total").asInt()).as("still withheld").isZero();

    assertThat(
            ok("privileged", "remove", "havenmeester", "--reason", "order lifted", "--data", data))
        .contains("no longer privileged: havenmeester");
    assertThat(json.readTree(ok(search)).get("total").asInt()).isOne();
    Cli.Result unknown =
        Cli.run("privileged", "remove", "havenmeester", "--reason", "again", "--data", data);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("not listed");

    String audit = Files.readString(Path.of(data, "audit.jsonl"));
    assertThat(audit).contains("privileged-added").contains("RK 26/9");
    assertThat(audit).contains("privileged-removed").contains("order lifted");
  }

  private static String ok(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r.out();
  }
}
