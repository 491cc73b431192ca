package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy officer's commands: verify, export, query, and what happens to a tampered log. */
class AuditCommandTest {
  @TempDir Path tmp;

  @Test
  void readsAreAuditedAndTheLogVerifiesExportsAndAnswersQueries() throws Exception {
    String data = tmp.resolve("d").toString();
    assertThat(
            Cli.run("ingest", CommandsTest.EXAMPLES.resolve("douane-nl").toString(), "--data", data)
                .code())
        .isZero();
    CommandsTest.addUsers(data, tmp);
    Path pw = tmp.resolve("password.txt");
    assertThat(
            Cli.run(
                    "users",
                    "add",
                    "fg",
                    "--agency",
                    "douane-nl",
                    "--role",
                    "privacy-officer",
                    "--password-file",
                    pw.toString(),
                    "--data",
                    data)
                .code())
        .isZero();
    Cli.Result search =
        Cli.run(
            "search",
            "HLCU1112223",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data,
            "--json");
    assertThat(search.code()).as(search.err()).isZero();
    assertThat(
            Cli.run("search", "x", "--as", "douane-nl", "--purpose", "not-a-task", "--data", data)
                .code())
        .isEqualTo(2);

    Cli.Result verify = Cli.run("audit", "verify", "--data", data);
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("audit log intact");

    Cli.Result denied = Cli.run("audit", "query", "--as", "douane-nl", "--data", data);
    assertThat(denied.code()).isEqualTo(2);
    assertThat(denied.err()).contains("not a privacy officer, administrator or court");

    Cli.Result mine =
        Cli.run("audit", "query", "--as", "fg", "--user", "douane-nl", "--json", "--data", data);
    assertThat(mine.code()).as(mine.err()).isZero();
    assertThat(mine.out())
        .contains("\"action\":\"search\"")
        .contains("HLCU1112223")
        .contains("\"action\":\"refused\"")
        .contains("unknown purpose 'not-a-task'");
    Cli.Result all = Cli.run("audit", "query", "--as", "fg", "--json", "--data", data);
    assertThat(all.out())
        .contains("\"action\":\"ingest\"")
        .contains("\"action\":\"user-add\"")
        .contains("\"action\":\"audit-query\"");

    Path export = tmp.resolve("audit.jsonl");
    assertThat(
            Cli.run("audit", "export", "--as", "fg", "--out", export.toString(), "--data", data)
                .code())
        .isZero();
    assertThat(Cli.run("audit", "verify", "--file", export.toString()).code()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(2, lines.get(2).replace("douane-nl", "douane-xx"));
    Files.write(export, lines);
    Cli.Result tampered = Cli.run("audit", "verify", "--file", export.toString());
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.err()).contains("broken at entry 3").contains("was changed");

    Path log = Path.of(data).resolve("audit.jsonl");
    List<String> live = new ArrayList<>(Files.readAllLines(log));
    live.remove(live.size() - 1);
    Files.write(log, live);
    Cli.Result cut = Cli.run("audit", "verify", "--data", data);
    assertThat(cut.code()).isEqualTo(1);
    assertThat(cut.err()).contains("removed from the end");
  }

  @Test
  void aPolicyTableThatDoesNotParseStopsReadsAndTheRefusalIsAudited() throws Exception {
    String data = tmp.resolve("p").toString();
    assertThat(
            Cli.run("ingest", CommandsTest.EXAMPLES.resolve("douane-nl").toString(), "--data", data)
                .code())
        .isZero();
    CommandsTest.addUsers(data, tmp);
    Files.writeString(
        Path.of(data).resolve("legal-bases.txt"),
        "agency douane-nl: customs\nadw: adw | readers: customs\nthis is not a rule\n");
    Cli.Result r = Cli.run("stats", "--as", "douane-nl", "--purpose", "adw", "--data", data);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("legal-bases.txt:3: expected 'purpose: basis, basis | readers: kind, agency'");
    String log = Files.readString(Path.of(data).resolve("audit.jsonl"));
    assertThat(log).contains("\"action\":\"refused\"").contains("legal-bases.txt:3");
    Files.writeString(
        Path.of(data).resolve("legal-bases.txt"),
        "agency douane-nl: customs\nadw: adw | readers: customs\n");
    assertThat(Cli.run("stats", "--as", "douane-nl", "--purpose", "adw", "--data", data).code())
        .isZero();
    assertThat(
            Cli.run("stats", "--as", "douane-nl", "--purpose", "wpg-art-9", "--data", data).err())
        .contains("unknown purpose 'wpg-art-9'");
  }
}
