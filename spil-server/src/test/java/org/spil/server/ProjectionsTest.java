package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.app.Administration;
import org.spil.app.Ingestion;
import org.spil.app.LinkFilter;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The server's kept network projections: made once per reader's scope, the older one given (marked
 * as such) while a newer warehouse is projected, the current one when asked for, and kept within
 * their budget.
 */
class ProjectionsTest {
  @TempDir Path tmp;

  private static void ingest(Store store, Path dir) {
    for (Dataset d : Ingestion.read(List.of(dir))) {
      Ingestion.run(store, d, LocalDate.now(), new Operator("test"), n -> {}, n -> {});
    }
  }

  /** A warehouse of the police example, with police analysts of the names given. */
  private Store policeWarehouse(String... analysts) {
    Store store = Store.open(tmp.resolve("data"), true, LocalDate.now());
    ingest(store, Path.of("../examples/politie-nl"));
    Administration admin = new Administration(store);
    for (String name : analysts) {
      admin.addUser(
          new Operator("test"),
          name,
          "politie-nl",
          List.of("analyst"),
          "a long enough password".toCharArray());
    }
    return store;
  }

  /** The police example under another dataset name: more records the same analyst may read. */
  private Path moreOfThePolice() throws IOException {
    Path dir = tmp.resolve("politie-nl-meer");
    Files.createDirectories(dir);
    Path examples = Path.of("../examples/politie-nl");
    try (var files = Files.list(examples)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path yml = dir.resolve("dataset.yml");
    Files.writeString(
        yml,
        Files.readString(yml)
            .replace("name: politie-nl-personen", "name: politie-nl-meer")
            .replace("key_literal: persoon", "key_literal: persoon-meer"));
    return dir;
  }

  @Test
  void anOlderProjectionStandsInWhileTheCurrentOneIsMade() throws Exception {
    try (Store store = policeWarehouse("ann")) {
      Viewer ann = store.viewer("ann", "wpg-art-9");
      StoreAccess access = new StoreAccess(store);
      try (Projections projections = new Projections(store, access)) {
        Projections.Answer first = projections.get(ann, LinkFilter.ALL, false);
        assertThat(first.current()).isTrue();
        assertThat(projections.get(ann, LinkFilter.ALL, false).network()).isSameAs(first.network());
        assertThat(projections.made()).isEqualTo(1);

        access.write(
            () -> {
              ingest(store, moreOfThePolice());
              return null;
            });
        // the warehouse moved on: the older projection answers at once, marked as such
        Projections.Answer stale = projections.get(ann, LinkFilter.ALL, false);
        assertThat(stale.network()).isSameAs(first.network());
        assertThat(stale.current()).isFalse();
        Projections.Answer current = projections.get(ann, LinkFilter.ALL, true);
        assertThat(current.current()).isTrue();
        assertThat(current.network().size()).isGreaterThan(first.network().size());
        assertThat(projections.made()).isEqualTo(2);
        // the older one is superseded, not kept beside it
        assertThat(projections.keptCount()).isEqualTo(1);
        assertThat(projections.get(ann, LinkFilter.ALL, false).network())
            .isSameAs(current.network());
      }
    }
  }

  @Test
  void aReaderWhoseScopeDoesNotHoldAnOlderProjectionNeverGetsIt() throws Exception {
    try (Store store = policeWarehouse("ann", "piet")) {
      StoreAccess access = new StoreAccess(store);
      try (Projections projections = new Projections(store, access)) {
        Viewer ann = store.viewer("ann", "wpg-art-9");
        projections.get(ann, LinkFilter.ALL, false);
        // a reader of the same agency and task, but for a purpose that shows nothing of it
        Viewer other = store.viewer("piet", "open-source");
        Projections.Answer answer = projections.get(other, LinkFilter.ALL, false);
        assertThat(answer.current()).isTrue();
        assertThat(answer.network().size()).isZero();
      }
    }
  }

  @Test
  void keptProjectionsStayWithinTheirBudget() throws Exception {
    try (Store store = policeWarehouse("ann")) {
      Viewer ann = store.viewer("ann", "wpg-art-9");
      // room for about one projection: each link type asked for is one more
      try (Projections projections = new Projections(store, new StoreAccess(store), 1)) {
        for (Set<String> links :
            List.of(
                Set.of("Associate"),
                Set.of("Associate", "Ownership"),
                Set.of("Associate", "Directorship"))) {
          assertThat(projections.get(ann, LinkFilter.of(links), false).network().size())
              .isPositive();
        }
        assertThat(projections.made()).isEqualTo(3);
        assertThat(projections.keptCount()).as("the newest stays").isEqualTo(1);
      }
    }
  }
}
