package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardening of the safeguards, end to end through the command line, one test per class of
 * attack, so that no later change reopens one: each failed before its fix.
 */
class SecurityProbeTest {
  @TempDir Path tmp;

  /** An FtM dataset of the lines given, in a directory of its own. */
  private Path ftmDataset(String name, String... lines) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("entities.jsonl"), String.join("\n", lines) + "\n");
    Files.writeString(
        dir.resolve("dataset.yml"),
        String.join(
            "\n",
            "name: " + name,
            "agency: politie-nl",
            "legal_basis: wpg-art-9",
            "handling_code: H2",
            "source_grade: B",
            "info_grade: 2",
            "retention: P1Y",
            "ftm_files: [entities.jsonl]",
            ""));
    return dir;
  }

  @Test
  void idsWithControlCharactersAreRejectedAndNothingPrintsRawControls() throws Exception {
    Path dir =
        ftmDataset(
            "ids",
            "{\"id\": \"ok-1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Jan\"]}}",
            "{\"id\": \"esc\\u001b[2J\", \"schema\": \"Person\", \"properties\": {}}",
            "{\"id\": \"nul\\u0000x\", \"schema\": \"Person\", \"properties\": {}}",
            "{\"id\": \"line\\nforged\", \"schema\": \"Person\", \"properties\": {}}",
            "{\"id\": \"bidi\\u202ex\", \"schema\": \"Person\", \"properties\": {}}",
            "{\"id\": \"ok-2\", \"schema\": \"Person\", \"properties\": {\"name\":"
                + " [\"Evil\\u202e Name\"], \"addressEntity\": [\"ref\\u001bx\"]}}");
    String data = tmp.resolve("data").toString();
    Cli.Result r = Cli.run("ingest", dir.toString(), "--data", data, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"rejected_rows\" : 5");
    assertThat(r.out())
        .contains(
            "ids/entities.jsonl:6: properties.addressEntity: addressEntity: not an entity id");
    for (int line = 2; line <= 5; line++) {
      assertThat(r.out()).contains("ids/entities.jsonl:" + line + ": id: not an entity id");
    }
    CommandsTest.addUsers(data, tmp);
    String[] viewer = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    for (String[] command :
        new String[][] {
          {"search", "Evil Name"},
          {"show", "ok-2"},
          {"search", "Evil Name", "--json"},
          {"rejects"},
          {"stats"}
        }) {
      Cli.Result out = Cli.run(LeakTest.concat(command, viewer));
      assertThat(out.code()).as(String.join(" ", command) + out.err()).isZero();
      assertThat(out.out() + out.err())
          .as("spil %s prints no raw control character or override", String.join(" ", command))
          .doesNotContain("\u001b", "\u0000", "\u202e", "\r");
    }
    Cli.Result audit = Cli.run("audit", "query", "--as", "nobody", "--data", data);
    assertThat(audit.out() + audit.err()).doesNotContain("\u001b", "\u202e");
  }

  @Test
  void noOutputOverwritesTheDataDirectoryOrAnExistingFileWithoutForce() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl");
    Path dir = Path.of(data);
    String[] viewer = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    for (String victim : new String[] {"warehouse.duckdb", "audit.jsonl", "match.key"}) {
      byte[] before = Files.readAllBytes(dir.resolve(victim));
      for (String[] command :
          new String[][] {
            {"export", "--format", "ftm", "--force", "--out", dir.resolve(victim).toString()},
            {"export", "--format", "csv", "--force", "--out", dir.resolve(victim).toString()},
            {"graph", "--format", "gexf", "--force", "--out", dir.resolve(victim).toString()}
          }) {
        Cli.Result r = Cli.run(LeakTest.concat(command, viewer));
        assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(r.err()).contains("inside the data directory");
      }
      Cli.Result audit =
          Cli.run(
              "audit",
              "export",
              "--as",
              "nobody",
              "--out",
              dir.resolve(victim).toString(),
              "--data",
              data);
      assertThat(audit.code()).isEqualTo(2);
      byte[] after = Files.readAllBytes(dir.resolve(victim));
      if (victim.equals("audit.jsonl")) {
        // the refusals were audited: the log grew, and what it held is unchanged
        assertThat(after).as(victim).startsWith(before);
      } else {
        assertThat(after).as(victim).isEqualTo(before);
      }
    }
    Path link = tmp.resolve("innocent.ftm");
    Files.createSymbolicLink(link, dir.resolve("match.key"));
    Cli.Result viaLink =
        Cli.run(
            LeakTest.concat(
                new String[] {"export", "--format", "ftm", "--force", "--out", link.toString()},
                viewer));
    assertThat(viaLink.code()).isEqualTo(2);
    assertThat(viaLink.err()).contains("inside the data directory");
    Path existing = tmp.resolve("existing.ftm");
    Files.writeString(existing, "keep me");
    Cli.Result again =
        Cli.run(
            LeakTest.concat(
                new String[] {"export", "--format", "ftm", "--out", existing.toString()}, viewer));
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists; give --force");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
    Cli.Result forced =
        Cli.run(
            LeakTest.concat(
                new String[] {"export", "--format", "ftm", "--force", "--out", existing.toString()},
                viewer));
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(existing)).contains("\"schema\"");
  }

  @Test
  void theDataDirectoryAndExportsAreForTheirOwnerOnly() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl");
    Path dir = Path.of(data);
    String[] viewer = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    assertThat(Cli.run(LeakTest.concat(new String[] {"stats"}, viewer)).code()).isZero();
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.toString())
            .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    }
    Path export = tmp.resolve("export.parquet");
    assertThat(
            Cli.run(
                    LeakTest.concat(
                        new String[] {"export", "--format", "parquet", "--out", export.toString()},
                        viewer))
                .code())
        .isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export)))
        .isEqualTo("rw-------");
    Files.setPosixFilePermissions(
        dir.resolve("audit.jsonl"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Cli.Result warned = Cli.run(LeakTest.concat(new String[] {"stats"}, viewer));
    assertThat(warned.err())
        .contains("warning: " + dir.resolve("audit.jsonl") + " was open to other accounts")
        .contains("warning: " + dir + " was open");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }

  @Test
  void aCarelessDeliveryIsNamedAndAMistakeLeavesNothingBehind() throws Exception {
    Path dir = tmp.resolve("mixed");
    Files.createDirectories(dir);
    byte[] cp1252 = "2,Fran\u00e7ois\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 = "3,Jos\u00e9\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.write("id,name\n".getBytes(StandardCharsets.US_ASCII));
    csv.write(cp1252);
    csv.write(utf8);
    Files.write(dir.resolve("people.csv"), csv.toByteArray());
    Files.writeString(
        dir.resolve("dataset.yml"),
        String.join(
            "\n",
            "name: mixed",
            "agency: politie-nl",
            "legal_basis: wpg-art-9",
            "handling_code: H2",
            "source_grade: B",
            "info_grade: 2",
            "retention: P1Y",
            "queries:",
            "  - csv_url: people.csv",
            "    entities:",
            "      p:",
            "        schema: Person",
            "        keys: [id]",
            "        properties:",
            "          name: {column: name}",
            ""));
    String data = tmp.resolve("data").toString();
    Cli.Result r = Cli.run("ingest", dir.toString(), "--data", data);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("warning: mixed/people.csv: mixes encodings: read as Windows-1252, but lines 3");

    Path typo = tmp.resolve("no-such-data");
    Cli.Result read =
        Cli.run("stats", "--as", "x", "--purpose", "wpg-art-9", "--data", typo.toString());
    assertThat(read.code()).isEqualTo(1);
    assertThat(read.err()).contains("no Spil data directory at " + typo);
    assertThat(typo).doesNotExist();

    Files.writeString(dir.resolve("people.csv"), "id,naam\n1,Jan\n");
    Path fresh = tmp.resolve("fresh-data");
    Cli.Result failed = Cli.run("ingest", dir.toString(), "--data", fresh.toString());
    assertThat(failed.code()).as(failed.out()).isEqualTo(2);
    assertThat(fresh).as("a failed ingest into a new directory leaves none").doesNotExist();
  }

  /** A copy of the customs example with its dataset.yml changed by {@code edit}. */
  private Path customs(String name, UnaryOperator<String> edit) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Path example = CommandsTest.EXAMPLES.resolve("douane-nl");
    Files.copy(example.resolve("zendingen.csv"), dir.resolve("zendingen.csv"));
    Files.writeString(
        dir.resolve("dataset.yml"), edit.apply(Files.readString(example.resolve("dataset.yml"))));
    return dir;
  }

  @Test
  void aDatasetThatWouldBeMisreadIsRefused() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl");
    Path twice = customs("twice", y -> y + "handling_code: H0\nshare_with: all\n");
    Cli.Result dup = Cli.run("ingest", twice.toString(), "--data", data);
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("Duplicate field 'handling_code'");

    Path basis = customs("basis", y -> y.replace("legal_basis: adw", "legal_basis: awd"));
    Cli.Result unknownBasis = Cli.run("ingest", basis.toString(), "--data", data);
    assertThat(unknownBasis.code()).isEqualTo(2);
    assertThat(unknownBasis.err()).contains("legal_basis: 'awd' is not in the legal-bases table");

    Path forCase = customs("case", y -> y + "case_id: later\n");
    Cli.Result noCase = Cli.run("ingest", forCase.toString(), "--data", data);
    assertThat(noCase.code()).isEqualTo(2);
    assertThat(noCase.err()).contains("case_id: there is no case 'later'; create it first");
    assertThat(
            Cli.run(
                    "cases",
                    "add",
                    "later",
                    "--title",
                    "t",
                    "--member",
                    "politie-nl",
                    "--data",
                    data)
                .code())
        .isZero();
    Cli.Result notParty = Cli.run("ingest", forCase.toString(), "--data", data);
    assertThat(notParty.code()).isEqualTo(2);
    assertThat(notParty.err())
        .contains("douane-nl is not a party to case later (parties: politie-nl)");

    Path plain = customs("plain", y -> y);
    for (String day :
        new String[] {LocalDate.now().plusDays(1).toString(), "2199-01-01", "2018-01-01"}) {
      Cli.Result dated = Cli.run("ingest", plain.toString(), "--as-of", day, "--data", data);
      assertThat(dated.code()).as(day).isEqualTo(2);
      assertThat(dated.err()).contains("--as-of: " + day);
    }
    assertThat(
            Cli.run(
                    "ingest",
                    plain.toString(),
                    "--as-of",
                    LocalDate.now().minusDays(3).toString(),
                    "--data",
                    data)
                .code())
        .isZero();
  }

  @Test
  void aHostileFileIsRefusedWithBoundedMemoryAndNothingHalfWritten() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl");
    String[] viewer = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json"};
    String before = Cli.run(LeakTest.concat(new String[] {"stats"}, viewer)).out();

    Path bomb = customs("bomb", y -> y.replace("zendingen.csv", "zendingen.xlsx"));
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(bomb.resolve("zendingen.xlsx")))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    Cli.Result bombed = Cli.run("ingest", bomb.toString(), "--data", data);
    assertThat(bombed.code()).isEqualTo(2);
    assertThat(bombed.err())
        .contains("bomb/zendingen.xlsx: refused as a workbook: part xl/sharedStrings.xml inflates");

    Path endless = customs("endless", y -> y);
    try (var out =
        Files.newOutputStream(endless.resolve("zendingen.csv"), StandardOpenOption.APPEND)) {
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 40; i++) {
        out.write(chunk);
      }
    }
    Cli.Result refused = Cli.run("ingest", endless.toString(), "--data", data);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("endless/zendingen.csv:").contains("a record longer than");

    assertThat(Cli.run(LeakTest.concat(new String[] {"stats"}, viewer)).out())
        .as("nothing of a refused file reaches the warehouse")
        .isEqualTo(before);
  }

  /** Adds a user with the test password. */
  private void addUser(String data, String name, String agency, String role) {
    ok(
        "users",
        "add",
        name,
        "--agency",
        agency,
        "--role",
        role,
        "--password-file",
        tmp.resolve("password.txt").toString(),
        "--data",
        data);
  }

  /** Runs a command that must succeed and returns its output. */
  private static String ok(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r.out();
  }

  @Test
  void aClaimNotTheirsIsRefusedAndDefenceAndCourtSeeOnlyWhatAnOrderApproves() throws Exception {
    String data = tmp.resolve("data").toString();
    ok("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    ok("ingest", CommandsTest.EXAMPLES.resolve("douane-nl").toString(), "--data", data);
    defenceCase(data);
    addUser(data, "strateeg", "politie-nl", "analyst");

    // a purpose the legal-bases table does not give the user's agency: refused, and audited
    Cli.Result claim =
        Cli.run(
            "search", "El Amrani", "--as", "douane-nl", "--purpose", "wpg-art-9", "--data", data);
    assertThat(claim.code()).isEqualTo(2);
    assertThat(claim.err())
        .contains("agency douane-nl (customs) may not read for wpg-art-9")
        .doesNotContain("El Amrani");
    Cli.Result counsel =
        Cli.run("search", "El Amrani", "--as", "adv", "--purpose", "wpg-art-9", "--data", data);
    assertThat(counsel.code()).isEqualTo(2);
    assertThat(Files.readString(Path.of(data).resolve("audit.jsonl")))
        .contains("may not read for wpg-art-9");

    String[] asCounsel = {"--as", "adv", "--purpose", "C1", "--data", data};
    String[] asCourt = {"--as", "rc", "--purpose", "C1", "--data", data};
    assertThat(ok(LeakTest.concat(new String[] {"search", "El Amrani"}, asCounsel)))
        .as("nothing before an order")
        .contains("no matches");
    String id =
        new ObjectMapper()
            .readTree(
                ok(
                    "search",
                    "Mohamed El Amrani",
                    "--schema",
                    "Person",
                    "--json",
                    "--as",
                    "politie-nl",
                    "--purpose",
                    "wpg-art-9",
                    "--data",
                    data))
            .get(0)
            .get("id")
            .asText();
    Cli.Result notOwner =
        Cli.run(
            "approval",
            "add",
            "--as",
            "douane-nl",
            "--case",
            "C1",
            "--batch",
            "1",
            "--entity",
            id,
            "--until",
            LocalDate.now().plusDays(30).toString(),
            "--order",
            "RK 26/1234",
            "--data",
            data);
    assertThat(notOwner.code()).isEqualTo(2);
    assertThat(
            ok(
                "approval",
                "add",
                "--as",
                "rech",
                "--case",
                "C1",
                "--batch",
                "1",
                "--entity",
                id,
                "--audience",
                "defence-counsel,court",
                "--until",
                LocalDate.now().plusDays(30).toString(),
                "--order",
                "RK 26/1234",
                "--data",
                data))
        .contains("case C1, batch 1");
    for (String[] as : new String[][] {asCounsel, asCourt}) {
      assertThat(ok(LeakTest.concat(new String[] {"search", "Mohamed El Amrani"}, as)))
          .contains("Mohamed El Amrani");
      assertThat(ok(LeakTest.concat(new String[] {"search", "Jan de Vries"}, as)))
          .as("only the approved person")
          .contains("no matches");
    }

    // the defence's reads are the court's to oversee, not the police's privacy officer's
    assertThat(ok("audit", "query", "--as", "rc", "--user", "adv", "--json", "--data", data))
        .contains("Mohamed El Amrani");
    String police = ok("audit", "query", "--as", "fg", "--json", "--data", data);
    assertThat(police).contains("\"action\":\"approve\"").doesNotContain("\"user\":\"adv\"");
    Path export = tmp.resolve("police-audit.jsonl");
    ok("audit", "export", "--as", "fg", "--out", export.toString(), "--data", data);
    assertThat(Files.readString(export)).doesNotContain("\"user\":\"adv\"");
    Cli.Result verified = Cli.run("audit", "verify", "--file", export.toString());
    assertThat(verified.code()).as(verified.err()).isZero();

    // strategic analysis counts, rounded, small groups left out; it never sees a value
    JsonNode counts =
        new ObjectMapper()
            .readTree(
                ok(
                    "stats",
                    "--json",
                    "--as",
                    "strateeg",
                    "--purpose",
                    "strategic",
                    "--data",
                    data));
    assertThat(counts.get("entities").asLong() % 10).isZero();
    assertThat(counts.get("disclosure").asText()).contains("rounded");
    counts
        .get("schemata")
        .forEach(n -> assertThat(n.get("entities").asLong()).isGreaterThanOrEqualTo(10));
    Cli.Result values =
        Cli.run(
            "search", "El Amrani", "--as", "strateeg", "--purpose", "strategic", "--data", data);
    assertThat(values.out() + values.err()).doesNotContain("Mohamed");
  }

  /**
   * The users of a case with its defence and court (defence counsel adv, the court rc, the police's
   * investigator rech and privacy officer fg) and the case C1 of the police, with rech, adv and rc.
   */
  private void defenceCase(String data) throws Exception {
    CommandsTest.addUsers(data, tmp);
    addUser(data, "adv", "advocatuur", "defence-counsel");
    addUser(data, "rc", "rechtbank", "court");
    addUser(data, "rech", "politie-nl", "investigator");
    addUser(data, "fg", "politie-nl", "privacy-officer");
    ok(
        "cases",
        "add",
        "C1",
        "--title",
        "Kruiskade",
        "--member",
        "rech",
        "--member",
        "adv",
        "--member",
        "rc",
        "--party",
        "politie-nl",
        "--data",
        data);
  }

  @Test
  void theDefencesSearchesInTheChatsAreTheCourtsToOverseeNotThePolices() throws Exception {
    String data = tmp.resolve("data").toString();
    ok("ingest", CommandsTest.EXAMPLES.resolve("politie-chats").toString(), "--data", data);
    defenceCase(data);
    String[] asCounsel = {"--as", "adv", "--purpose", "C1", "--data", data};
    String[] search = {"messages", "search", "uithaler OR chauffeur", "--json"};
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(ok(LeakTest.concat(search, asCounsel))).get("total").asInt())
        .as("no message before an order")
        .isZero();
    ok(
        "approval",
        "add",
        "--as",
        "rech",
        "--case",
        "C1",
        "--batch",
        "1",
        "--from",
        "2024-02-05",
        "--to",
        "2024-02-06",
        "--audience",
        "defence-counsel,court",
        "--until",
        LocalDate.now().plusDays(30).toString(),
        "--order",
        "RK 26/77",
        "--data",
        data);
    JsonNode found = json.readTree(ok(LeakTest.concat(search, asCounsel)));
    assertThat(found.get("total").asInt())
        .as("the driver's message of the 8th is not opened")
        .isOne();
    assertThat(found.get("results").get(0).get("id").asText()).isEqualTo("SK-0004");
    assertThat(found.toString()).doesNotContain("SK-0013").doesNotContain("chauffeur praat");

    // what the defence looks for is the court's to oversee: its query words reach the court's
    // partition of the audit, not the police's, neither in a query nor in an export
    assertThat(ok("audit", "query", "--as", "rc", "--user", "adv", "--json", "--data", data))
        .contains("uithaler OR chauffeur");
    assertThat(ok("audit", "query", "--as", "fg", "--json", "--data", data))
        .contains("\"action\":\"approve\"")
        .doesNotContain("uithaler OR chauffeur")
        .doesNotContain("\"user\":\"adv\"");
    assertThat(ok("audit", "query", "--as", "fg", "--user", "adv", "--json", "--data", data))
        .doesNotContain("uithaler");
    Path export = tmp.resolve("police-audit.jsonl");
    ok("audit", "export", "--as", "fg", "--out", export.toString(), "--data", data);
    assertThat(Files.readString(export)).doesNotContain("uithaler").doesNotContain("SK-0004");
  }

  @Test
  void anAuditLogRewrittenOrRemovedIsDetectedAgainstTheWarehouseAndAnchors() throws Exception {
    String data = tmp.resolve("data").toString();
    ok("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    CommandsTest.addUsers(data, tmp);
    addUser(data, "fg", "politie-nl", "privacy-officer");
    ok("search", "Jan", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data);
    Path anchor = tmp.resolve("kept-elsewhere/anchor.json");
    Files.createDirectories(anchor.getParent());
    assertThat(
            Cli.run(
                    "audit",
                    "anchor",
                    "--as",
                    "politie-nl",
                    "--out",
                    anchor.toString(),
                    "--data",
                    data)
                .code())
        .as("only a privacy officer or administrator anchors")
        .isEqualTo(2);
    assertThat(ok("audit", "anchor", "--as", "fg", "--out", anchor.toString(), "--data", data))
        .contains("keep it away from this machine");
    assertThat(Files.getPosixFilePermissions(anchor))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ok("audit", "verify", "--anchors", anchor.toString(), "--data", data))
        .contains("audit log intact")
        .contains("MACs")
        .contains("head")
        .contains("recorded by the warehouse")
        .contains("1 anchor");

    Path notAnchor = tmp.resolve("kept-elsewhere/notes.json");
    Files.writeString(notAnchor, "{\"seq\": 3}");
    Cli.Result wrong =
        Cli.run("audit", "verify", "--anchors", notAnchor.toString(), "--data", data);
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("notes.json: not an audit anchor");
    Path changed = tmp.resolve("kept-elsewhere/changed.json");
    Files.writeString(
        changed, Files.readString(anchor).replaceFirst("\"seq\" : (\\d+)", "\"seq\" : 1"));
    Cli.Result forged = Cli.run("audit", "verify", "--anchors", changed.toString(), "--data", data);
    assertThat(forged.code()).isEqualTo(1);
    assertThat(forged.err()).contains("its signature does not verify");

    Files.delete(Path.of(data, "audit.jsonl"));
    Files.delete(Path.of(data, "audit.head"));
    Cli.Result gone = Cli.run("audit", "verify", "--data", data);
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err())
        .contains("the log is missing or empty, but the warehouse")
        .contains("entries were removed");
    Cli.Result anchored =
        Cli.run("audit", "verify", "--anchors", anchor.toString(), "--data", data);
    assertThat(anchored.code()).isEqualTo(1);
    assertThat(anchored.err()).contains("entries were removed");
  }

  @Test
  void aChangeOfCaseMembersIsAuditedAndToldToTheAgenciesWhoseDataTheCaseHolds() throws Exception {
    String data = tmp.resolve("data").toString();
    ok("ingest", CommandsTest.EXAMPLES.resolve("douane-nl").toString(), "--data", data);
    CommandsTest.addUsers(data, tmp);
    addUser(data, "fg", "politie-nl", "privacy-officer");
    addUser(data, "fg.douane", "douane-nl", "privacy-officer");
    ok(
        "cases",
        "add",
        "C2",
        "--title",
        "taps",
        "--member",
        "politie-nl",
        "--party",
        "politie-nl",
        "--data",
        data);
    Path taps =
        ftmDataset(
            "taps",
            "{\"id\": \"t-1\", \"schema\": \"Person\", \"properties\": {\"name\":"
                + " [\"Wessel Tap\"]}}");
    Files.writeString(
        taps.resolve("dataset.yml"),
        Files.readString(taps.resolve("dataset.yml")) + "case_id: C2\n");
    ok("ingest", taps.toString(), "--data", data);
    Cli.Result before =
        Cli.run("search", "Wessel Tap", "--as", "kmar", "--purpose", "C2", "--data", data);
    assertThat(before.code()).isEqualTo(2);
    assertThat(before.err()).contains("not a member of case C2");

    for (String[] bad :
        new String[][] {
          {"cases", "members", "C2", "--add", "nobody-known"},
          {"cases", "members", "C2", "--remove", "kmar"},
          {"cases", "members", "C2", "--add", "politie-nl"},
          {"cases", "members", "C2"},
          {"cases", "members", "C2", "--remove", "politie-nl"},
          {"cases", "members", "C9", "--add", "kmar"}
        }) {
      Cli.Result r = Cli.run(LeakTest.concat(bad, new String[] {"--data", data}));
      assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
    }
    assertThat(ok("cases", "members", "C2", "--add", "kmar", "--data", data))
        .contains("case C2: members kmar, politie-nl");
    assertThat(ok("search", "Wessel Tap", "--as", "kmar", "--purpose", "C2", "--data", data))
        .contains("Wessel Tap");

    String notices = ok("notices", "--as", "fg", "--data", data);
    assertThat(notices)
        .contains("case-members")
        .contains("case C2, which holds data of politie-nl: added kmar (kmar)");
    assertThat(ok("notices", "--as", "fg.douane", "--data", data))
        .as("customs supplied nothing for the case")
        .contains("no notices");
    assertThat(ok("audit", "query", "--as", "fg", "--json", "--data", data))
        .contains("\"action\":\"case-members\"");

    ok("cases", "members", "C2", "--remove", "kmar", "--data", data);
    Cli.Result after =
        Cli.run("search", "Wessel Tap", "--as", "kmar", "--purpose", "C2", "--data", data);
    assertThat(after.code()).isEqualTo(2);
    assertThat(ok("notices", "--as", "fg", "--data", data)).contains("removed kmar (kmar)");
  }
}
