package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;
import org.spil.policy.Viewer;

class StoreTest {
  @TempDir Path tmp;

  @BeforeEach
  void tableOfTheTestAgencies() throws IOException {
    Viewers.allowTestAgencies(tmp);
  }

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static Provenance provenance(String dataset, String agency, Set<String> share, LocalDate until) {
    return new Provenance(
        dataset,
        dataset,
        agency,
        "wpg-art-9",
        HandlingCode.H1,
        null,
        SourceGrade.B,
        2,
        until,
        share,
        null);
  }

  static Batch person(
      Store store, Provenance p, String id, String name, String iban, LocalDate asOf, String sha) {
    BatchWriter w = store.warehouse().begin(p, asOf, sha);
    w.accept(id, "Person", "id", id, null, null);
    w.accept(id, "Person", "name", name, null, null);
    if (iban != null) {
      w.accept(id, "Person", "idNumber", iban, iban.toLowerCase(), null);
    }
    Batch b = w.commit(1, 0, List.of());
    store.updateIndex(n -> {});
    return b;
  }

  @Test
  void reingestingTheSameStatementsAddsNothingAndMovesLastSeen() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      Provenance p = provenance("ds", "politie-nl", Set.of(), TODAY.plusYears(5));
      Batch first =
          person(store, p, "e1", "Jan de Vries", "NL91ABNA0417164300", TODAY.minusDays(10), "sha1");
      Batch second = person(store, p, "e1", "Jan de Vries", "NL91ABNA0417164300", TODAY, "sha2");
      assertThat(first.newStatements()).isEqualTo(3);
      assertThat(second.statements()).isEqualTo(3);
      assertThat(second.newStatements()).isZero();
      EntityRecord e = store.entities().entity(Viewers.of("politie-nl"), "e1").orElseThrow();
      ValueRecord name = e.properties().get("name").get(0);
      assertThat(name.firstSeen()).isEqualTo(TODAY.minusDays(10));
      assertThat(name.lastSeen()).isEqualTo(TODAY);
      assertThat(e.properties().get("idNumber").get(0).originalValue())
          .isEqualTo("nl91abna0417164300");
      assertThat(store.entities().stats(Viewers.of("politie-nl")).statements()).isEqualTo(3);
      assertThat(store.warehouse().batchWithFiles("ds", "sha2"))
          .map(Batch::id)
          .contains(second.id());
    }
  }

  @Test
  void anAbortedBatchLeavesNothingAndAStaleStageIsDroppedOnOpen() throws Exception {
    try (Store store = Store.open(tmp, true, TODAY)) {
      BatchWriter w =
          store.warehouse().begin(provenance("ds", "a", Set.of(), TODAY.plusYears(1)), TODAY, "x");
      w.accept("e1", "Person", "name", "A", null, null);
      w.abort();
      BatchWriter left =
          store.warehouse().begin(provenance("ds", "a", Set.of(), TODAY.plusYears(1)), TODAY, "y");
      left.accept("e2", "Person", "name", "B", null, null);
      assertThat(store.warehouse().batches()).isEmpty();
      assertThat(store.entities().stats(Viewers.of("a")).statements()).isZero();
    }
    try (Store store = Store.open(tmp, true, TODAY);
        var st = store.warehouse().connection().createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'stage_%'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void theIndexHealsAfterACrashBetweenWarehouseCommitAndIndexUpdate() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      BatchWriter w =
          store.warehouse().begin(provenance("ds", "a", Set.of(), TODAY.plusYears(1)), TODAY, "x");
      w.accept("e1", "Person", "id", "e1", null, null);
      w.accept("e1", "Person", "name", "Mohamed El Amrani", null, null);
      w.commit(1, 0, List.of());
      // no updateIndex: the process "dies" here
    }
    try (Store store = Store.open(tmp, false, TODAY)) {
      assertThat(store.search(Viewers.of("a"), SearchQuery.of("Mohammed Elamrani")))
          .extracting(SearchHit::id)
          .containsExactly("e1");
      assertThat(store.index().indexedThrough()).isEqualTo(1);
    }
  }

  @Test
  void retentionHidesExpiredStatementsFromEveryRead() throws Exception {
    try (Store store = Store.open(tmp, true, TODAY)) {
      person(
          store,
          provenance("old", "a", Set.of("all"), TODAY.minusDays(1)),
          "e1",
          "Expired Person",
          null,
          TODAY.minusYears(6),
          "s");
      person(
          store,
          provenance("new", "a", Set.of("all"), TODAY.plusDays(1)),
          "e2",
          "Current Person",
          null,
          TODAY,
          "t");
      Viewer v = Viewers.of("a");
      assertThat(store.search(v, SearchQuery.of("Person")))
          .extracting(SearchHit::id)
          .containsExactly("e2");
      assertThat(store.entities().entity(v, "e1")).isEmpty();
      assertThat(store.entities().stats(v).entities()).isEqualTo(1);
      StringWriter out = new StringWriter();
      assertThat(store.exports().ftm(v, out, false)).isEqualTo(1);
      assertThat(out.toString()).contains("Current Person").doesNotContain("Expired");
      Path parquet = tmp.resolve("x.parquet");
      assertThat(store.exports().statements(v, parquet, Exports.TableFormat.PARQUET)).isEqualTo(2);
      assertThat(Files.size(parquet)).isPositive();
    }
  }

  @Test
  void searchFindsIdentifiersInAnySpellingAndFiltersBySchemaAndCountry() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      Provenance p = provenance("ds", "a", Set.of(), TODAY.plusYears(1));
      BatchWriter w = store.warehouse().begin(p, TODAY, "x");
      w.accept("acc", "BankAccount", "id", "acc", null, null);
      w.accept("acc", "BankAccount", "iban", "NL91ABNA0417164300", null, null);
      w.accept("p1", "Person", "id", "p1", null, null);
      w.accept("p1", "Person", "name", "Ömer Yılmaz", null, null);
      w.accept("p1", "Person", "phone", "+31612345678", null, null);
      w.accept("p1", "Person", "country", "tr", null, null);
      w.accept("c1", "Company", "id", "c1", null, null);
      w.accept("c1", "Company", "name", "Yilmaz Transport B.V.", null, null);
      w.accept("c1", "Company", "country", "nl", null, null);
      w.accept("s1", "Shipment", "id", "s1", null, null);
      w.accept("s1", "Shipment", "containerNumber", "CSQU3054383", null, null);
      w.commit(4, 0, List.of());
      store.updateIndex(n -> {});
      Viewer v = Viewers.of("a");
      assertThat(top(store, v, SearchQuery.of("nl91 abna 0417 1643 00"))).isEqualTo("acc");
      assertThat(top(store, v, SearchQuery.of("06-12345678"))).isEqualTo("p1");
      assertThat(top(store, v, SearchQuery.of("csqu 305438-3"))).isEqualTo("s1");
      assertThat(top(store, v, SearchQuery.of("YILMAZ, Omer"))).isEqualTo("p1");
      assertThat(top(store, v, SearchQuery.of("Ömer Yilmas"))).isEqualTo("p1");
      // a pasted page: the name is still found, and the query stays within Lucene's clause limit
      StringBuilder page = new StringBuilder("Ömer Yilmaz");
      Random random = new Random(7);
      for (int i = 0; i < 3000; i++) {
        page.append(' ');
        for (int c = 0; c < 8; c++) {
          page.append((char) ('a' + random.nextInt(26)));
        }
      }
      assertThat(top(store, v, SearchQuery.of(page.toString()))).isEqualTo("p1");
      assertThat(store.similar(v, page.toString(), null, 5))
          .extracting(SearchHit::id)
          .contains("p1");
      var companies =
          store.search(v, new SearchQuery("Yilmaz", "LegalEntity", "nl", null, null, 10, "NL"));
      assertThat(companies).extracting(SearchHit::id).containsExactly("c1");
      assertThat(store.search(v, new SearchQuery("Yilmaz", "Person", null, null, null, 10, "NL")))
          .extracting(SearchHit::id)
          .containsExactly("p1");
      assertThat(
              store.search(
                  v, new SearchQuery("Yilmaz", null, null, null, "other-agency", 10, "NL")))
          .isEmpty();
      assertThat(store.search(v, new SearchQuery("Yilmaz", null, null, "ds", "a", 10, "NL")))
          .extracting(SearchHit::id)
          .containsExactlyInAnyOrder("p1", "c1");
      assertThat(store.search(v, new SearchQuery("Yilmaz", null, null, "other", null, 10, "NL")))
          .isEmpty();
      // a filter narrows what is found; the scores of what remains stay as without it
      Map<String, Float> unfiltered = new HashMap<>();
      store.search(v, SearchQuery.of("Yilmaz")).forEach(h -> unfiltered.put(h.id(), h.score()));
      for (SearchHit h :
          store.search(v, new SearchQuery("Yilmaz", null, null, "ds", null, 10, "NL"))) {
        assertThat(h.score()).as(h.id()).isEqualTo(unfiltered.get(h.id()));
      }
      assertThat(store.search(v, new SearchQuery("Yilmaz", "Thing", null, "ds", null, 10, "NL")))
          .extracting(SearchHit::id)
          .containsExactlyInAnyOrder("p1", "c1");
      assertThat(store.search(Viewers.of("b"), SearchQuery.of("Yilmaz"))).isEmpty();
    }
  }

  @Test
  void similarFindsTheOneBornOnTheDateAmongManyNamesakesWithinTheScope() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      BatchWriter w =
          store.warehouse().begin(provenance("ds", "a", Set.of(), TODAY.plusYears(1)), TODAY, "x");
      for (int i = 0; i < 300; i++) {
        String id = "n" + i;
        w.accept(id, "Person", "id", id, null, null);
        w.accept(id, "Person", "name", "Jan de Vries", null, null);
        w.accept(
            id,
            "Person",
            "birthDate",
            LocalDate.of(1950, 1, 1).plusDays(i * 37L).toString(),
            null,
            null);
      }
      String[][] people = {
        {"target", "Jan de Vries", "1985-03-12"},
        {"swapped", "J. de Vries", "1985-12-03"},
        {"typo", "Jan de Vries", "1985-03-13"},
        {"year", "Jan de Vries", "1985"},
        {"stranger", "Piet Bakker", "1985-03-12"}
      };
      for (String[] p : people) {
        w.accept(p[0], "Person", "id", p[0], null, null);
        w.accept(p[0], "Person", "name", p[1], null, null);
        w.accept(p[0], "Person", "birthDate", p[2], null, null);
      }
      w.commit(305, 0, List.of());
      BatchWriter hidden =
          store.warehouse().begin(provenance("h", "b", Set.of(), TODAY.plusYears(1)), TODAY, "y");
      hidden.accept("secret", "Person", "id", "secret", null, null);
      hidden.accept("secret", "Person", "name", "Jan de Vries", null, null);
      hidden.accept("secret", "Person", "birthDate", "1985-03-12", null, null);
      hidden.commit(1, 0, List.of());
      store.updateIndex(n -> {});
      List<String> found =
          store.similar(Viewers.of("a"), "Jan de Vries", "1985-03-12", 5).stream()
              .map(SearchHit::id)
              .toList();
      assertThat(found.subList(0, 4))
          .containsExactlyInAnyOrder("target", "swapped", "typo", "year");
      assertThat(found).doesNotContain("stranger", "secret").hasSize(9);
      assertThat(store.similar(Viewers.of("b"), "Jan de Vries", "1985-03-12", 5))
          .extracting(SearchHit::id)
          .containsExactly("secret");
    }
  }

  /** The records a name-only match finds, with or without an unshared batch beside them. */
  private List<String> namesakesFound(Path dir, boolean withHidden) throws IOException {
    Viewers.allowTestAgencies(dir);
    try (Store store = Store.open(dir, true, TODAY)) {
      BatchWriter w =
          store.warehouse().begin(provenance("ds", "a", Set.of(), TODAY.plusYears(1)), TODAY, "x");
      String[][] people = {
        {"zandvoort", "Pieter Zandvoort"},
        {"anna", "Anna Molenaar"},
        {"kees", "Kees Molenaar"},
        {"lotte", "Lotte Molenaar"}
      };
      for (String[] p : people) {
        w.accept(p[0], "Person", "id", p[0], null, null);
        w.accept(p[0], "Person", "name", p[1], null, null);
      }
      w.commit(people.length, 0, List.of());
      if (withHidden) {
        // another agency's records make "zandvoort" the commoner token of the whole index
        BatchWriter hidden =
            store.warehouse().begin(provenance("h", "b", Set.of(), TODAY.plusYears(1)), TODAY, "y");
        for (int i = 0; i < 10; i++) {
          hidden.accept("h" + i, "Person", "id", "h" + i, null, null);
          hidden.accept("h" + i, "Person", "name", "Henk Zandvoort", null, null);
        }
        hidden.commit(10, 0, List.of());
      }
      store.updateIndex(n -> {});
      List<String> found =
          new ArrayList<>(
              store.similar(Viewers.of("a"), "Zandvoort Molenaar", null, 10).stream()
                  .map(SearchHit::id)
                  .sorted()
                  .toList());
      // and what every search returns, scores included
      for (String q : List.of("Zandvoort", "Pieter Zandvort", "Henk Zandvoort", "Molenaar")) {
        for (SearchHit h : store.search(Viewers.of("a"), SearchQuery.of(q))) {
          found.add(q + ": " + h.id() + " " + h.score());
        }
      }
      return found;
    }
  }

  @Test
  void whatAViewerMayNotSeeChangesNeitherWhatASearchFindsNorItsScores() throws IOException {
    List<String> alone = namesakesFound(tmp.resolve("alone"), false);
    List<String> beside = namesakesFound(tmp.resolve("beside"), true);
    assertThat(alone).contains("zandvoort").doesNotContainAnyElementsOf(List.of("h0", "h1"));
    assertThat(alone).anyMatch(f -> f.startsWith("Pieter Zandvort: zandvoort "));
    assertThat(beside).as("records found, and their scores").isEqualTo(alone);
  }

  @Test
  void anIndexOfAnOlderFormatIsRebuiltWhenTheStoreOpens() throws Exception {
    try (Store store = Store.open(tmp, true, TODAY)) {
      person(
          store,
          provenance("ds", "a", Set.of(), TODAY.plusYears(1)),
          "e1",
          "Jan de Vries",
          null,
          TODAY,
          "s");
    }
    Path index = tmp.resolve("index");
    try (var d = FSDirectory.open(index);
        var writer = new IndexWriter(d, new IndexWriterConfig())) {
      writer.deleteAll();
      writer.setLiveCommitData(Map.of("indexed_through", "1").entrySet());
      writer.commit();
    }
    try (Store store = Store.open(tmp, false, TODAY)) {
      assertThat(top(store, Viewers.of("a"), SearchQuery.of("Jan de Vries"))).isEqualTo("e1");
    }
  }

  static String top(Store store, Viewer v, SearchQuery q) {
    List<SearchHit> hits = store.search(v, q);
    assertThat(hits).as(q.text()).isNotEmpty();
    return hits.get(0).id();
  }
}
