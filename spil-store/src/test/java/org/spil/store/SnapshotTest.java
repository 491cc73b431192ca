package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;

/**
 * Snapshots for long reads outside a server's lock: what they read does not move with later
 * commits, reading in one leaves the store's shared caches alone, and a store tells whether a
 * viewer may still read everything a snapshot was made from.
 */
class SnapshotTest {
  @TempDir Path tmp;

  private static long persons(Store store, Viewer v) {
    return store.entities().forEachEntity(v, Set.of("Person"), (id, s, source, props) -> {});
  }

  @Test
  void aSnapshotReadsTheWarehouseAsItWasMade() throws Exception {
    Viewers.allowTestAgencies(tmp);
    Viewer a = Viewers.of("a");
    Snapshot snapshot;
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      StoreTest.person(
          store,
          StoreTest.provenance("first", "a", Set.of(), StoreTest.TODAY.plusDays(2)),
          "p1",
          "Jan Smit",
          null,
          StoreTest.TODAY,
          "s1");
      snapshot = store.snapshot(a);
      StoreTest.person(
          store,
          StoreTest.provenance("second", "a", Set.of(), StoreTest.TODAY.plusYears(1)),
          "p2",
          "Piet Smit",
          null,
          StoreTest.TODAY,
          "s2");
      assertThat(snapshot.read(() -> persons(store, a))).as("as it was made").isEqualTo(1);
      // nothing the snapshot read reached the store's own caches
      assertThat(persons(store, a)).isEqualTo(2);
      assertThat(snapshot.read(() -> persons(store, a))).isEqualTo(1);
      assertThatThrownBy(() -> snapshot.read(() -> persons(store, Viewers.of("b"))))
          .isInstanceOf(PolicyException.class);
      assertThat(snapshot.generation()).isLessThan(store.generation());
      // a grows, b never saw it
      assertThat(store.stillSees(a, snapshot)).isTrue();
      assertThat(store.stillSees(Viewers.of("b"), snapshot)).isFalse();
      snapshot.close();
    }
    // days later the first batch is past its retention: a no longer sees all the snapshot held
    try (Store later = Store.open(tmp, true, StoreTest.TODAY.plusDays(5))) {
      assertThat(persons(later, a)).isEqualTo(1);
      assertThat(later.stillSees(a, snapshot)).isFalse();
    }
  }
}
