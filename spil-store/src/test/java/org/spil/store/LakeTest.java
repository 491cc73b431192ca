package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.Provenance;
import org.spil.policy.Viewer;

/**
 * The lake end to end below the operations: a warehouse that names a lake writes every batch to it
 * as it commits; another loads it and then holds the same batches, statements, messages and
 * rejects, answers the same searches and hides the same from the same viewers; a later batch that
 * moves last-seen dates writes its earlier batches again and a load follows; a purge empties the
 * lake's partition and a load purges; a damaged, hostile or foreign lake is refused with nothing
 * written.
 */
class LakeTest {
  @TempDir Path tmp;

  static final LocalDate TODAY = StoreTest.TODAY;

  Path writer;
  Path lake;

  @BeforeEach
  void directories() throws IOException {
    writer = tmp.resolve("writer");
    lake = tmp.resolve("lake");
    Viewers.allowTestAgencies(writer);
    Viewers.allowTestAgencies(tmp.resolve("replica"));
    Files.writeString(
        writer.resolve(Backends.FILE), "# test\nstatements = embedded\nlake = ../lake\n");
  }

  static final Provenance POLICE =
      StoreTest.provenance("ds", "politie-nl", Set.of(), TODAY.plusYears(5));
  static final Provenance CUSTOMS =
      StoreTest.provenance("douane", "douane-nl", Set.of("politie-nl"), TODAY.plusDays(30));

  private void ingestThree(Store store) {
    StoreTest.person(
        store, POLICE, "e1", "Mohamed El Amrani", "NL91ABNA0417164300", TODAY.minusDays(9), "s1");
    StoreTest.person(store, CUSTOMS, "c1", "Kees Bakker", null, TODAY.minusDays(5), "s2");
    BatchWriter w = store.warehouse().begin(POLICE, TODAY.minusDays(8), "chat");
    MessagesTest.CHAT.forEach(w::message);
    w.commit(
        3,
        1,
        List.of(new BatchWriter.RejectRow("messages.jsonl", 4, "sent_at", "gisteren", "no date")));
    store.updateIndex(n -> {});
  }

  @Test
  void aReplicaLoadedFromTheLakeHoldsAndShowsWhatTheWriterDoes() throws Exception {
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
      assertThat(a.lake(lake).manifests()).hasSize(3);
    }
    assertThat(Files.exists(lake.resolve("statement/dataset=ds/batch=1/part-g1.parquet"))).isTrue();
    assertThat(Files.exists(lake.resolve("message/dataset=ds/batch=3/part-g1.parquet"))).isTrue();
    assertThat(Files.exists(lake.resolve("reject/dataset=ds/batch=3/part-g1.parquet"))).isTrue();
    Path replica = tmp.resolve("replica");
    try (Store b = Store.open(replica, true, TODAY)) {
      Lake.Loaded loaded = b.lake(lake).load("test", n -> {});
      assertThat(loaded.added()).isEqualTo(3);
      assertThat(loaded.statements()).isEqualTo(5);
      assertThat(b.lake(lake).load("test", n -> {}).unchanged()).isEqualTo(3);
    }
    assertSameContent(writer, replica);
    try (Store a = Store.open(writer, false, TODAY);
        Store b = Store.open(replica, false, TODAY)) {
      for (Viewer v : List.of(Viewers.of("politie-nl"), Viewers.of("douane-nl"), Viewers.of("b"))) {
        assertThat(hits(b, v, "Bakker")).isEqualTo(hits(a, v, "Bakker"));
        assertThat(hits(b, v, "Amrani")).isEqualTo(hits(a, v, "Amrani"));
        assertThat(b.visibleBatches(v)).isEqualTo(a.visibleBatches(v));
        assertThat(b.messages().search(v, MessageQuery.of("betalingen")).total())
            .isEqualTo(a.messages().search(v, MessageQuery.of("betalingen")).total());
      }
      // customs shares with the police, the police with nobody
      assertThat(hits(b, Viewers.of("politie-nl"), "Bakker")).hasSize(1);
      assertThat(hits(b, Viewers.of("douane-nl"), "Amrani")).isEmpty();
      assertThat(
              b.messages().search(Viewers.of("politie-nl"), MessageQuery.of("betalingen")).total())
          .isEqualTo(1);
      assertThat(
              b.messages().search(Viewers.of("douane-nl"), MessageQuery.of("betalingen")).total())
          .isZero();
      assertThat(b.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void lastSeenMovedByALaterBatchIsWrittenAgainAndLoadedAgain() throws Exception {
    Path replica = tmp.resolve("replica");
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
    }
    try (Store b = Store.open(replica, true, TODAY)) {
      b.lake(lake).load("test", n -> {});
    }
    try (Store a = Store.open(writer, true, TODAY)) {
      StoreTest.person(
          a, POLICE, "e1", "Mohamed El Amrani", "NL91ABNA0417164300", TODAY.minusDays(1), "s4");
      Lake.Manifest first = a.lake(lake).manifests().get(1L);
      assertThat(first.generation()).isEqualTo(2);
      assertThat(first.seenThrough()).isEqualTo(4);
      // the customs batch is of another dataset and is left alone
      assertThat(a.lake(lake).manifests().get(2L).generation()).isEqualTo(1);
    }
    try (Stream<Path> files = Files.list(lake.resolve("statement/dataset=ds/batch=1"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("part-g2.parquet");
    }
    try (Store b = Store.open(replica, true, TODAY)) {
      Lake.Loaded loaded = b.lake(lake).load("test", n -> {});
      assertThat(loaded.added()).isEqualTo(1);
      assertThat(loaded.refreshed()).isEqualTo(1);
      ValueRecord name =
          b.entities()
              .entity(Viewers.of("politie-nl"), "e1")
              .orElseThrow()
              .properties()
              .get("name")
              .get(0);
      assertThat(name.lastSeen()).isEqualTo(TODAY.minusDays(1));
      assertThat(name.firstSeen()).isEqualTo(TODAY.minusDays(9));
    }
    assertSameContent(writer, replica);
  }

  @Test
  void aPurgeEmptiesTheLakesPartitionAndALoadPurgesTheReplica() throws Exception {
    Path replica = tmp.resolve("replica");
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
    }
    try (Store b = Store.open(replica, true, TODAY)) {
      b.lake(lake).load("test", n -> {});
    }
    LocalDate later = TODAY.plusDays(31);
    try (Store a = Store.open(writer, true, later)) {
      assertThat(a.retention().purge("test").batches()).hasSize(1);
      Lake.Manifest customs = a.lake(lake).manifests().get(2L);
      assertThat(customs.purged()).isTrue();
      assertThat(customs.parts()).isEmpty();
    }
    assertThat(Files.exists(lake.resolve("statement/dataset=douane/batch=2"))).isFalse();
    assertThat(Files.exists(lake.resolve("entity/dataset=douane/batch=2"))).isFalse();
    try (Store b = Store.open(replica, true, TODAY)) {
      Lake.Loaded loaded = b.lake(lake).load("test", n -> {});
      assertThat(loaded.purged()).isEqualTo(1);
      assertThat(b.warehouse().count("SELECT count(*) FROM statement WHERE batch_id = 2")).isZero();
      assertThat(hits(b, Viewers.of("politie-nl"), "Bakker")).isEmpty();
    }
    // a new replica takes the purged batch as a row without statements
    Path fresh = tmp.resolve("fresh");
    Viewers.allowTestAgencies(fresh);
    try (Store c = Store.open(fresh, true, TODAY)) {
      assertThat(c.lake(lake).load("test", n -> {}).added()).isEqualTo(3);
      assertThat(c.warehouse().count("SELECT count(*) FROM batch WHERE purged_at IS NOT NULL"))
          .isEqualTo(1);
      assertThat(c.warehouse().count("SELECT count(*) FROM statement WHERE batch_id = 2")).isZero();
    }
  }

  @Test
  void aDamagedPartIsRefusedNamingItsFileAndNothingIsLoaded() throws Exception {
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
    }
    Path part = lake.resolve("statement/dataset=douane/batch=2/part-g1.parquet");
    byte[] bytes = Files.readAllBytes(part);
    bytes[bytes.length / 2] ^= 1;
    Files.write(part, bytes);
    Path replica = tmp.resolve("replica");
    try (Store b = Store.open(replica, true, TODAY)) {
      assertThatThrownBy(() -> b.lake(lake).load("test", n -> {}))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(part.toString())
          .hasMessageContaining("does not hash");
      assertThat(b.batches()).isEmpty();
    }
  }

  @Test
  void aPartWhoseRowsAreNotItsManifestsIsRefusedAndTheLoadRolledBack() throws Exception {
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
      // a writer that lies: the customs entity part replaced by the police one, hashes updated
      Path police = lake.resolve("entity/dataset=ds/batch=1/part-g1.parquet");
      Path customs = lake.resolve("entity/dataset=douane/batch=2/part-g1.parquet");
      try (Statement s = a.warehouse().connection().createStatement()) {
        s.execute(
            "COPY (SELECT * FROM read_parquet("
                + Warehouse.sqlPath(police)
                + ") UNION ALL SELECT * FROM read_parquet("
                + Warehouse.sqlPath(police)
                + ")) TO "
                + Warehouse.sqlPath(customs)
                + " (FORMAT parquet)");
      }
      Path manifest = lake.resolve("batches/batch-2.json");
      String json = Files.readString(manifest);
      Lake.Manifest m = a.lake(lake).manifests().get(2L);
      String old = m.parts().get(0).sha256();
      Files.writeString(manifest, json.replace(old, Lake.sha256(customs)));
    }
    try (Store b = Store.open(tmp.resolve("replica"), true, TODAY)) {
      assertThatThrownBy(() -> b.lake(lake).load("test", n -> {}))
          .hasMessageContaining("entity/dataset=douane/batch=2/part-g1.parquet")
          .hasMessageContaining("rows, its manifest says");
      assertThat(b.batches()).isEmpty();
      assertThat(b.warehouse().count("SELECT count(*) FROM statement")).isZero();
    }
  }

  @Test
  void hostileOrForeignLakesAreRefused() throws Exception {
    try (Store a = Store.open(writer, true, TODAY)) {
      ingestThree(a);
    }
    // a manifest naming a dataset that would lead out of the lake
    Path manifest = lake.resolve("batches/batch-1.json");
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replace("\"dataset\":\"ds\"", "\"dataset\":\"../../etc\""));
    try (Store b = Store.open(tmp.resolve("replica"), true, TODAY)) {
      assertThatThrownBy(() -> b.lake(lake).load("test", n -> {}))
          .hasMessageContaining("batch-1.json: dataset: not a dataset name");
      assertThat(b.batches()).isEmpty();
    }
    Files.writeString(manifest, json);
    // a warehouse with a batch of its own under a number the lake uses
    Path other = tmp.resolve("other");
    Viewers.allowTestAgencies(other);
    try (Store c = Store.open(other, true, TODAY)) {
      StoreTest.person(c, POLICE, "x1", "Jan Jansen", null, TODAY, "own");
      assertThatThrownBy(() -> c.lake(lake).load("test", n -> {}))
          .hasMessageContaining("cannot load a lake another writes");
      assertThat(c.batches()).hasSize(1);
      // nor may it write to that lake
      assertThatThrownBy(() -> c.lake(lake).write("test", n -> {}))
          .hasMessageContaining("one warehouse writes a lake");
    }
    // a directory that is not a lake is neither written nor read
    Path notALake = Files.createDirectories(tmp.resolve("photos"));
    Files.writeString(notALake.resolve("holiday.jpg"), "x");
    try (Store a = Store.open(writer, true, TODAY)) {
      assertThatThrownBy(() -> a.lake(notALake).write("test", n -> {}))
          .hasMessageContaining("neither empty nor a lake");
      assertThatThrownBy(() -> a.lake(notALake).load("test", n -> {}))
          .hasMessageContaining("is not a lake");
    }
    assertThat(Files.readString(notALake.resolve("holiday.jpg"))).isEqualTo("x");
  }

  @Test
  void aBackendsFileThatDoesNotParseRefusesToOpenNamingItsLine() throws IOException {
    Files.writeString(writer.resolve(Backends.FILE), "statements = embedded\nsearch = solr\n");
    assertThatThrownBy(() -> Store.open(writer, true, TODAY))
        .hasMessageContaining("backends.txt:2: search: \"solr\" is not an engine of this version");
    Files.writeString(writer.resolve(Backends.FILE), "lake = index\n");
    assertThatThrownBy(() -> Store.open(writer, true, TODAY))
        .hasMessageContaining("lies inside the data directory");
    Files.writeString(writer.resolve(Backends.FILE), "colour = blue\n");
    assertThatThrownBy(() -> Store.open(writer, true, TODAY))
        .hasMessageContaining("backends.txt:1: unknown key \"colour\"");
    Files.writeString(writer.resolve(Backends.FILE), "# ours\nsearch = embedded\nlake = /old\n");
    Backends.setLake(writer, lake);
    assertThat(Backends.of(writer).lake()).isEqualTo(lake.toAbsolutePath().normalize());
    assertThat(Files.readString(writer.resolve(Backends.FILE)))
        .isEqualTo("# ours\nsearch = embedded\nlake = " + lake.toAbsolutePath() + "\n");
  }

  private static List<String> hits(Store store, Viewer viewer, String text) {
    return store.search(viewer, SearchQuery.of(text)).stream()
        .map(h -> h.id() + " " + h.caption() + " " + h.properties())
        .toList();
  }

  /** The rows of every table a lake carries, as text, in a fixed order. */
  private static void assertSameContent(Path a, Path b) throws SQLException {
    try (Store x = Store.open(a, false, TODAY);
        Store y = Store.open(b, false, TODAY)) {
      for (String sql :
          List.of(
              "SELECT * EXCLUDE (entity_key) FROM batch_entity ORDER BY ALL",
              "SELECT * FROM statement_row ORDER BY ALL",
              "SELECT * FROM statement ORDER BY ALL",
              "SELECT * FROM message ORDER BY ALL",
              "SELECT * FROM reject ORDER BY ALL",
              "SELECT * FROM batch ORDER BY batch_id")) {
        assertThat(rows(y, sql)).as(sql).isEqualTo(rows(x, sql)).isNotEmpty();
      }
    }
  }

  private static List<String> rows(Store store, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = store.warehouse().connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          sb.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
