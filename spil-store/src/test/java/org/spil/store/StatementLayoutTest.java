package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.Provenance;

/**
 * The narrow statement layout (entity rows plus statement rows, joined by the {@code statement}
 * view): what a batch stores, what a re-ingest keeps, how an earlier wide warehouse is converted,
 * and that exported statement ids are the model's.
 */
class StatementLayoutTest {
  @TempDir Path tmp;

  @BeforeEach
  void tableOfTheTestAgencies() throws IOException {
    Viewers.allowTestAgencies(tmp);
  }

  private static final Provenance P =
      StoreTest.provenance("ds", "a", Set.of(), StoreTest.TODAY.plusYears(5));

  private static List<String> rows(Store store, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = store.warehouse().connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static final String ALL =
      "SELECT batch_id, entity_id, schema, prop, value, original_value, first_seen, last_seen"
          + " FROM statement ORDER BY ALL";

  @Test
  void anEntityKeepsItsIdOncePerRunAndTheViewGivesEveryStatementBack() throws Exception {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      BatchWriter w = store.warehouse().begin(P, StoreTest.TODAY, "x");
      w.accept("acc", "BankAccount", "id", "acc", null, null);
      w.accept("acc", "BankAccount", "iban", "NL91ABNA0417164300", "nl91 abna", null);
      // the same statement twice within a run
      w.accept("acc", "BankAccount", "iban", "NL91ABNA0417164300", null, null);
      w.accept("p1", "Person", "id", "p1", null, null);
      w.accept("p1", "Person", "name", "Jan", null, "nld");
      // the account again (another row of the source): only its new statement is stored
      w.accept("acc", "BankAccount", "id", "acc", null, null);
      w.accept("acc", "BankAccount", "iban", "NL91ABNA0417164300", null, null);
      w.accept("acc", "BankAccount", "bankName", "ABN", null, null);
      // an entity seen again with nothing new gets no row
      w.accept("p1", "Person", "id", "p1", null, null);
      // a third run repeating the second
      w.accept("acc", "BankAccount", "id", "acc", null, null);
      w.accept("acc", "BankAccount", "bankName", "ABN", null, null);
      Batch b = w.commit(3, 0, List.of());
      assertThat(b.entities()).isEqualTo(2);
      assertThat(b.statements()).isEqualTo(11);
      assertThat(b.newStatements()).isEqualTo(5);
      assertThat(rows(store, "SELECT entity_id, stated FROM batch_entity ORDER BY entity_no"))
          .containsExactly("acc|true", "p1|true", "acc|false");
      assertThat(rows(store, "SELECT entity_id, prop, value, lang FROM statement ORDER BY ALL"))
          .containsExactly(
              "acc|bankName|ABN|null",
              "acc|iban|NL91ABNA0417164300|null",
              "acc|id|acc|null",
              "p1|id|p1|null",
              "p1|name|Jan|nld");
      // the index holds the account once, with the statements of both runs
      store.updateIndex(n -> {});
      List<SearchHit> hits =
          store.search(Viewers.of("a"), SearchQuery.of("NL91 ABNA 0417 1643 00"));
      assertThat(hits).extracting(SearchHit::id).containsExactly("acc");
      assertThat(hits.get(0).properties()).containsKeys("iban", "bankName");
    }
  }

  @Test
  void aChangedFileAddsItsNewStatementsAndMovesLastSeenOfTheOldOnes() throws Exception {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      BatchWriter w = store.warehouse().begin(P, StoreTest.TODAY.minusDays(10), "x");
      w.accept("p1", "Person", "id", "p1", null, null);
      w.accept("p1", "Person", "name", "Jan", null, null);
      w.accept("p2", "Person", "id", "p2", null, null);
      w.accept("p2", "Person", "name", "Piet", null, null);
      w.commit(2, 0, List.of());
      BatchWriter again = store.warehouse().begin(P, StoreTest.TODAY, "y");
      again.accept("p1", "Person", "id", "p1", null, null);
      again.accept("p1", "Person", "name", "Jan", null, null);
      again.accept("p1", "Person", "birthDate", "1985", null, null);
      again.accept("p2", "Person", "id", "p2", null, null);
      again.accept("p2", "Person", "name", "Piet", null, null);
      Batch second = again.commit(2, 0, List.of());
      assertThat(second.newStatements()).isEqualTo(1);
      assertThat(rows(store, ALL))
          .containsExactly(
              "1|p1|Person|id|p1|null|2026-11-19|2026-11-29",
              "1|p1|Person|name|Jan|null|2026-11-19|2026-11-29",
              "1|p2|Person|id|p2|null|2026-11-19|2026-11-29",
              "1|p2|Person|name|Piet|null|2026-11-19|2026-11-29",
              "2|p1|Person|birthDate|1985|null|2026-11-29|2026-11-29");
      // the second batch keeps an entity row only for p1, which it added a statement to
      assertThat(rows(store, "SELECT entity_id, stated FROM batch_entity WHERE batch_id = 2"))
          .containsExactly("p1|false");
    }
  }

  @Test
  void aWarehouseOfTheEarlierWideLayoutIsConvertedInPlace() throws Exception {
    List<String> before;
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      BatchWriter w = store.warehouse().begin(P, StoreTest.TODAY, "x");
      w.accept("p1", "Person", "id", "p1", null, null);
      w.accept("p1", "Person", "name", "Jan", "JAN", "nld");
      w.accept("p1", "LegalEntity", "email", "jan@example.org", null, null);
      w.accept("p2", "Person", "name", "Piet", null, null);
      w.commit(2, 0, List.of());
      before = rows(store, ALL);
    }
    // rebuild the file as the wide table earlier versions kept, with 128-bit ids per statement
    Path file = tmp.resolve("warehouse.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE wide AS SELECT hash(entity_id) AS id_hi, hash(value) AS id_lo, batch_id,"
              + " entity_id, schema, prop, value, original_value, lang, first_seen, last_seen"
              + " FROM statement");
      s.execute("DROP VIEW statement");
      s.execute("DROP TABLE statement_row");
      s.execute("DROP TABLE batch_entity");
      s.execute("ALTER TABLE wide RENAME TO statement");
    }
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      assertThat(rows(store, ALL)).isEqualTo(before).hasSize(4);
      assertThat(
              rows(
                  store,
                  "SELECT table_type FROM information_schema.tables WHERE table_name = 'statement'"))
          .containsExactly("VIEW");
      assertThat(store.entities().entity(Viewers.of("a"), "p1").orElseThrow().properties())
          .containsOnlyKeys("name", "email");
      assertThat(unkeyed(store)).containsExactly("0");
    }
  }

  /** How many entity rows lack the hash of their entity id that point lookups scan. */
  static List<String> unkeyed(Store store) throws Exception {
    return rows(
        store,
        "SELECT count(*) FROM batch_entity WHERE entity_key IS DISTINCT FROM hash(entity_id)");
  }

  @Test
  void entityRowsWithoutSoundKeysAreKeyedWhenOpenedForWriting() throws Exception {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      BatchWriter w = store.warehouse().begin(P, StoreTest.TODAY, "x");
      w.accept("p1", "Person", "id", "p1", null, null);
      w.accept("p1", "Person", "name", "Jan", null, null);
      w.commit(1, 0, List.of());
      assertThat(unkeyed(store)).containsExactly("0");
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("warehouse.duckdb"));
        Statement s = c.createStatement()) {
      // a warehouse from before the keys had no index of them either
      s.execute("DROP INDEX batch_entity_key");
      s.execute("ALTER TABLE batch_entity DROP COLUMN entity_key");
    }
    keyedAfresh();
    // keys of a DuckDB that hashes differently are distrusted and replaced alike
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("warehouse.duckdb"));
        Statement s = c.createStatement()) {
      s.execute("UPDATE batch_entity SET entity_key = entity_key + 1");
    }
    keyedAfresh();
  }

  /** Read-only, p1 is found by its id alone; opened for writing, every row is keyed again. */
  private void keyedAfresh() throws Exception {
    try (Store store = Store.open(tmp, false, StoreTest.TODAY)) {
      assertThat(store.warehouse().hasEntityKeys()).isFalse();
      assertThat(store.entities().entity(Viewers.of("a"), "p1")).isPresent();
    }
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      assertThat(store.warehouse().hasEntityKeys()).isTrue();
      assertThat(unkeyed(store)).containsExactly("0");
      assertThat(store.entities().entity(Viewers.of("a"), "p1").orElseThrow().properties())
          .containsOnlyKeys("name");
      assertThat(store.entities().entity(Viewers.of("b"), "p1")).isEmpty();
    }
  }

  @Test
  void exportedStatementIdsAreTheModelsDigest() throws Exception {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      StoreTest.person(
          store, P, "e1", "Мухаммед Юсупов", "NL91ABNA0417164300", StoreTest.TODAY, "x");
      Path parquet = tmp.resolve("out.parquet");
      assertThat(store.exports().statements(Viewers.of("a"), parquet, Exports.TableFormat.PARQUET))
          .isEqualTo(3);
      List<String> got =
          rows(store, "SELECT id, prop, value FROM read_parquet('" + parquet + "') ORDER BY prop");
      assertThat(got)
          .containsExactly(
              org.spil.model.Statement.makeId("ds", "e1", "id", "e1") + "|id|e1",
              org.spil.model.Statement.makeId("ds", "e1", "idNumber", "NL91ABNA0417164300")
                  + "|idNumber|NL91ABNA0417164300",
              org.spil.model.Statement.makeId("ds", "e1", "name", "Мухаммед Юсупов")
                  + "|name|Мухаммед Юсупов");
    }
  }
}
