package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;

/**
 * What Spil exports, a FollowTheMoney user can load: on the scenario, every exported entity is
 * valid under FtM's own schema files (Spil's schemata under the extension {@code spil schema
 * export} writes, which FtM's checks accept), a strict export uses FtM's schemata alone, account
 * holders travel as Ownership, the statement table has nomenklatura's columns, and the export read
 * back in resolves with the same account identifiers as the original.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FtmInteropTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  Store store;
  Viewer viewer;

  @BeforeAll
  void scenario() throws Exception {
    store = Scenario.warehouse(300, tmp.resolve("w"), Path.of(ScenarioNetworkTest.PORTS), "bench");
    viewer = store.viewer("bench", Scenario.CASE);
    new Resolving(store).resolve(viewer, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
  }

  @AfterAll
  void close() {
    store.close();
  }

  private List<JsonNode> export(boolean strict) throws Exception {
    Path out = tmp.resolve(strict ? "strict.ftm.jsonl" : "export.ftm.jsonl");
    new Searching(store).export(viewer, Searching.ExportFormat.FTM, strict, out, true);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSizeGreaterThan(1000);
    return lines;
  }

  @Test
  void everyExportedEntityIsValidUnderTheFtmSchemaFiles() throws Exception {
    Path ext = tmp.resolve("ext");
    List<Path> written = FtmExtension.write(ext, null, false);
    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "Shipment.yaml", "Seizure.yaml", "BorderCrossing.yaml", "LegalAssistanceRequest.yaml");
    FtmModel ftm = new FtmModel(FtmModel.SCHEMA_DIR);
    FtmModel extended = new FtmModel(FtmModel.SCHEMA_DIR, ext);
    for (Path f : written) {
      String schema = f.getFileName().toString().replace(".yaml", "");
      assertThat(ftm.schemata).as("%s is not FtM's own", schema).doesNotContainKey(schema);
      assertThat(extended.problems(schema)).as("followthemoney loads %s", schema).isEmpty();
    }
    Set<String> schemata = new TreeSet<>();
    for (JsonNode e : export(false)) {
      String schema = e.get("schema").asText();
      schemata.add(schema);
      assertThat(extended.schemata).as("schema of %s", e).containsKey(schema);
      assertThat(extended.isAbstract(schema)).as("%s is abstract", schema).isFalse();
      Set<String> allowed = extended.properties(schema).keySet();
      e.get("properties")
          .properties()
          .forEach(
              p -> {
                assertThat(allowed).as("%s.%s", schema, p.getKey()).contains(p.getKey());
                assertThat(p.getValue().isArray()).isTrue();
              });
      if (schema.equals("BankAccount")) {
        assertThat(e.get("properties").has("holder")).isFalse();
      }
    }
    assertThat(schemata).contains("Person", "Company", "Payment", "Ownership", "Shipment");
  }

  @Test
  void aStrictExportUsesFtmsSchemataAloneAndHoldersBecomeOwnerships() throws Exception {
    FtmModel ftm = new FtmModel(FtmModel.SCHEMA_DIR);
    List<JsonNode> strict = export(true);
    Set<String> accounts = new HashSet<>();
    for (JsonNode e : strict) {
      String schema = e.get("schema").asText();
      assertThat(ftm.schemata).as("strict export of %s", schema).containsKey(schema);
      Set<String> allowed = ftm.properties(schema).keySet();
      e.get("properties").properties().forEach(p -> assertThat(allowed).contains(p.getKey()));
      if (schema.equals("BankAccount")) {
        accounts.add(e.get("id").asText());
      }
    }
    long ownedAccounts =
        strict.stream()
            .filter(e -> e.get("schema").asText().equals("Ownership"))
            .filter(e -> accounts.contains(e.get("properties").get("asset").get(0).asText()))
            .count();
    assertThat(ownedAccounts).as("account holders as Ownership").isGreaterThan(50);
  }

  @Test
  void statementsComeInTheStatementTableLayout() throws Exception {
    List<String> expected =
        List.of(
            "id",
            "entity_id",
            "canonical_id",
            "prop",
            "prop_type",
            "schema",
            "value",
            "original_value",
            "dataset",
            "lang",
            "origin",
            "first_seen",
            "last_seen",
            "agency",
            "legal_basis",
            "handling_code",
            "source_grade",
            "info_grade",
            "retain_until",
            "batch_id");
    for (Searching.ExportFormat format :
        List.of(Searching.ExportFormat.PARQUET, Searching.ExportFormat.CSV)) {
      Path out = tmp.resolve("statements." + format.name().toLowerCase());
      long n = new Searching(store).export(viewer, format, false, out, true);
      assertThat(n).isGreaterThan(10_000);
      String read =
          format == Searching.ExportFormat.PARQUET
              ? "read_parquet('" + out + "')"
              : "read_csv('" + out + "', header = true, all_varchar = true)";
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + read)) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
        assertThat(columns).containsExactlyElementsOf(expected);
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FILTER (canonical_id LIKE 'NK-%' AND canonical_id <> entity_id),"
                    + " count(*) FILTER (prop <> 'id' AND origin IS NULL),"
                    + " count(*) FILTER (prop = 'birthDate' AND prop_type <> 'date'),"
                    + " string_agg(DISTINCT prop_type, ',') FROM "
                    + read)) {
          rs.next();
          assertThat(rs.getLong(1)).as("statements of resolved entities").isPositive();
          assertThat(rs.getLong(2)).as("statements without a file and line").isZero();
          assertThat(rs.getLong(3)).isZero();
          assertThat(Set.of(rs.getString(4).split(","))).isSubsetOf(FtmModel.TYPES);
        }
      }
    }
  }

  @Test
  void anExportReadBackResolvesWithTheSameAccountIdentifiers() throws Exception {
    Path dataset = tmp.resolve("reingest");
    Files.createDirectories(dataset);
    new Searching(store)
        .export(viewer, Searching.ExportFormat.FTM, false, dataset.resolve("entities.jsonl"), true);
    Files.writeString(
        dataset.resolve("dataset.yml"),
        String.join(
            "\n",
            "name: reingest",
            "title: Spil's FtM export read back",
            "agency: politie-nl",
            "legal_basis: wpg-art-9",
            "handling_code: H2",
            "source_grade: B",
            "info_grade: 2",
            "retention: P1Y",
            "ftm_files: [entities.jsonl]",
            ""));
    Map<String, Set<String>> before = accountIdentifiers(ResolveRecords.read(store, viewer));
    assertThat(before).hasSizeGreaterThan(50);
    try (Store again = Store.open(tmp.resolve("again"), true, LocalDate.now())) {
      Operator by = new Operator("test");
      Ingestion.run(
          again, Ingestion.read(List.of(dataset)).get(0), LocalDate.now(), by, n -> {}, n -> {});
      new Administration(again)
          .addUser(by, "ann", "politie-nl", List.of("analyst"), "a long password".toCharArray());
      Map<String, Set<String>> after =
          accountIdentifiers(ResolveRecords.read(again, again.viewer("ann", "wpg-art-9")));
      assertThat(after).isEqualTo(before);
    }
  }

  /** Record id to its IBAN identifiers, for the records that hold an account. */
  private static Map<String, Set<String>> accountIdentifiers(Map<String, ResolveRecord> records) {
    Map<String, Set<String>> out = new TreeMap<>();
    records.forEach(
        (id, r) -> {
          Set<String> ibans =
              r.identifiers().stream()
                  .filter(i -> i.startsWith("iban:"))
                  .collect(Collectors.toCollection(TreeSet::new));
          if (!ibans.isEmpty()) {
            out.put(id, ibans);
          }
        });
    return out;
  }
}
