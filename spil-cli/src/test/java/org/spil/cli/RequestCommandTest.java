package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.store.SearchQuery;
import org.spil.store.Store;

/**
 * From a hit to a grant: request, owner's decision, exactly the record, for the purpose, until
 * expiry.
 */
class RequestCommandTest {
  @TempDir Path tmp;

  @Test
  void aGrantOpensExactlyTheReferencedRecordForThePurposeUntilItExpires() throws Exception {
    String data = tmp.resolve("d").toString();
    assertThat(
            Cli.run(
                    "ingest",
                    CommandsTest.EXAMPLES.resolve("politie-nl").toString(),
                    CommandsTest.EXAMPLES.resolve("douane-nl").toString(),
                    "--data",
                    data)
                .code())
        .isZero();
    CommandsTest.addUsers(data, tmp);
    String[] customs = {"--as", "douane-nl", "--purpose", "adw", "--data", data};
    Cli.Result hit =
        Cli.run(
            LeakTest.concat(
                new String[] {
                  "hit", "--name", "Mohamed El Amrani", "--dob", "1985-03-12", "--json"
                },
                customs));
    String ref = new ObjectMapper().readTree(hit.out()).get(0).get("reference").asText();
    assertThat(
            Cli.run(
                    LeakTest.concat(
                        new String[] {"search", "Mohamed El Amrani", "--schema", "Person"},
                        customs))
                .out())
        .contains("no matches");

    Cli.Result forged =
        Cli.run(
            LeakTest.concat(
                new String[] {"request", "create", "REF-0000000000000000DEAD", "--reason", "x"},
                customs));
    assertThat(forged.code()).isEqualTo(2);
    assertThat(forged.err()).contains("unknown reference");
    Cli.Result created =
        Cli.run(
            LeakTest.concat(
                new String[] {
                  "request", "create", ref, "--reason", "consignee of a seized container"
                },
                customs));
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("REQ-00001  pending");
    assertThat(Cli.run("request", "list", "--as", "politie-nl", "--data", data).out())
        .contains("REQ-00001  pending");

    Cli.Result self =
        Cli.run(
            "request",
            "grant",
            "REQ-00001",
            "--as",
            "douane-nl",
            "--until",
            "2099-01-01",
            "--data",
            data);
    assertThat(self.code()).isEqualTo(2);
    assertThat(self.err()).contains("only its users decide it");
    assertThat(
            Cli.run(
                    "request",
                    "grant",
                    "REQ-77777",
                    "--as",
                    "politie-nl",
                    "--until",
                    "2099-01-01",
                    "--data",
                    data)
                .err())
        .contains("unknown request 'REQ-77777'");
    assertThat(
            Cli.run(
                    "request",
                    "grant",
                    "REQ-00001",
                    "--as",
                    "politie-nl",
                    "--until",
                    "2001-01-01",
                    "--data",
                    data)
                .err())
        .contains("from today on");
    LocalDate until = LocalDate.now().plusDays(30);
    Cli.Result granted =
        Cli.run(
            "request",
            "grant",
            "REQ-00001",
            "--as",
            "politie-nl",
            "--until",
            until.toString(),
            "--data",
            data);
    assertThat(granted.code()).as(granted.err()).isZero();
    assertThat(granted.out()).contains("granted");
    assertThat(
            Cli.run(
                    "request",
                    "grant",
                    "REQ-00001",
                    "--as",
                    "politie-nl",
                    "--until",
                    until.toString(),
                    "--data",
                    data)
                .err())
        .contains("not pending");

    String found =
        Cli.run(
                LeakTest.concat(
                    new String[] {"search", "Mohamed El Amrani", "--schema", "Person"}, customs))
            .out();
    assertThat(found).contains("Mohamed El Amrani").contains("1985-03-12");
    assertThat(
            Cli.run(
                    LeakTest.concat(
                        new String[] {"search", "Jan de Vries", "--schema", "Person"}, customs))
                .out())
        .as("only the referenced record")
        .contains("no matches");
    assertThat(
            Cli.run(
                    "search",
                    "Mohamed El Amrani",
                    "--schema",
                    "Person",
                    "--as",
                    "douane-nl",
                    "--purpose",
                    "open-source",
                    "--data",
                    data)
                .out())
        .as("only for the purpose")
        .contains("no matches");

    Viewer v =
        new Viewer(new User("douane-nl", "douane-nl", Set.of(Role.ANALYST)), Purpose.task("adw"));
    try (Store later = Store.open(Path.of(data), false, until.plusDays(1))) {
      assertThat(later.search(v, SearchQuery.of("Mohamed El Amrani")))
          .as("expired grant")
          .noneMatch(h -> h.schema().equals("Person"));
    }
    try (Store onTheDay = Store.open(Path.of(data), false, until)) {
      assertThat(onTheDay.search(v, SearchQuery.of("Mohamed El Amrani")))
          .anyMatch(h -> h.schema().equals("Person"));
    }
    assertThat(
            Cli.run(
                    "users",
                    "add",
                    "fg",
                    "--agency",
                    "politie-nl",
                    "--role",
                    "privacy-officer",
                    "--password-file",
                    tmp.resolve("password.txt").toString(),
                    "--data",
                    data)
                .code())
        .isZero();
    String audit = Cli.run("audit", "query", "--as", "fg", "--json", "--data", data).out();
    assertThat(audit)
        .contains("\"action\":\"hit\"")
        .contains("\"action\":\"request-create\"")
        .contains("\"action\":\"grant\"");
    assertThat(Cli.run("audit", "verify", "--data", data).code()).isZero();
  }
}
