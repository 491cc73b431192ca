package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches in which common name tokens only rank what a rarer token finds (see {@code
 * SearchQueries.Clauses}): what is found, that a query of common tokens still finds, and that how
 * common a token is counts within the reader's scope alone.
 */
class SearchTiersTest {
  @TempDir Path tmp;

  /**
   * A warehouse of agency a's persons: {@code jans} named "Jan" with a surname each, one "Jan
   * Zandvoort", one "Zandvoort" alone, and with {@code hidden} another agency's "Jan"s beside them.
   */
  private Store warehouse(Path dir, int jans, int hidden) throws IOException {
    Viewers.allowTestAgencies(dir);
    Store store = Store.open(dir, true, StoreTest.TODAY);
    BatchWriter w = begin(store, "ds", "a");
    for (int i = 0; i < jans; i++) {
      String id = "jan" + i;
      w.accept(id, "Person", "id", id, null, null);
      w.accept(id, "Person", "name", "Jan " + surname(i), null, null);
    }
    w.accept("target", "Person", "id", "target", null, null);
    w.accept("target", "Person", "name", "Jan Zandvoort", null, null);
    w.accept("other", "Person", "id", "other", null, null);
    w.accept("other", "Person", "name", "Pieter Zandvoort", null, null);
    w.commit(jans + 2, 0, List.of());
    if (hidden > 0) {
      BatchWriter h = begin(store, "h", "b");
      for (int i = 0; i < hidden; i++) {
        h.accept("h" + i, "Person", "id", "h" + i, null, null);
        h.accept("h" + i, "Person", "name", "Jan " + surname(100_000 + i), null, null);
      }
      h.commit(hidden, 0, List.of());
    }
    store.updateIndex(n -> {});
    return store;
  }

  /** A batch of an agency's dataset, kept for a year. */
  private static BatchWriter begin(Store store, String dataset, String agency) {
    return store
        .warehouse()
        .begin(
            StoreTest.provenance(dataset, agency, Set.of(), StoreTest.TODAY.plusYears(1)),
            StoreTest.TODAY,
            agency);
  }

  /** A surname of letters only, different for every number and far from "Zandvoort". */
  private static String surname(int i) {
    StringBuilder b = new StringBuilder("Q");
    for (int n = i; n > 0 || b.length() < 4; n /= 10) {
      b.append((char) ('b' + n % 10));
    }
    return b.append("ix").toString();
  }

  private static List<String> found(Store store, String query) {
    List<String> out = new ArrayList<>();
    for (SearchHit h : store.search(Viewers.of("a"), SearchQuery.of(query))) {
      out.add(h.id() + " " + h.score());
    }
    return out;
  }

  @Test
  void aCommonTokenOnlyRanksWhatARarerTokenFinds() throws IOException {
    try (Store store = warehouse(tmp, ScopedSearcher.CAP + 100, 0)) {
      List<SearchHit> hits = store.search(Viewers.of("a"), SearchQuery.of("Jan Zandvoort"));
      // both Zandvoorts, the one also called Jan first; none of the Jans that lack the surname
      assertThat(hits).extracting(SearchHit::id).containsExactly("target", "other");
      // a query of the common token alone finds with it
      assertThat(store.search(Viewers.of("a"), SearchQuery.of("Jan")))
          .hasSize(SearchQuery.of("Jan").limit())
          .allMatch(h -> h.caption().startsWith("Jan "));
    }
  }

  @Test
  void belowTheCapEveryTokenFinds() throws IOException {
    try (Store store = warehouse(tmp, 50, 0)) {
      List<SearchHit> hits = store.search(Viewers.of("a"), SearchQuery.of("Jan Zandvoort"));
      assertThat(hits.get(0).id()).isEqualTo("target");
      assertThat(hits).extracting(SearchHit::id).contains("other", "jan0");
    }
  }

  @Test
  void howCommonATokenIsCountsWithinTheReadersScope() throws IOException {
    List<String> alone;
    try (Store store = warehouse(tmp.resolve("alone"), 50, 0)) {
      alone = new ArrayList<>(found(store, "Jan Zandvoort"));
      alone.addAll(found(store, "Jan"));
    }
    List<String> beside;
    // another agency's Jans would make "jan" common in the whole index, and the reader's Jans
    // only rank
    try (Store store = warehouse(tmp.resolve("beside"), 50, 2 * ScopedSearcher.CAP)) {
      beside = new ArrayList<>(found(store, "Jan Zandvoort"));
      beside.addAll(found(store, "Jan"));
    }
    assertThat(alone).anyMatch(f -> f.startsWith("jan0 "));
    assertThat(beside).isEqualTo(alone);
  }
}
