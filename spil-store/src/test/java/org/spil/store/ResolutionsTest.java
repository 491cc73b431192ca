package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Case;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.resolve.EntityPair;
import org.spil.resolve.Resolution;
import org.spil.resolve.Verdict;

/**
 * Resolutions belong to teams: the clusters and judgements one member saves are the team's, a
 * reader sees a cluster whole only when it may see every member, and data directories that kept
 * resolutions per user are moved into the team tables when opened for writing.
 */
class ResolutionsTest {
  @TempDir Path tmp;

  @Test
  void aTeamSharesClustersAndJudgementsAndAReaderSeesOnlyWholeClustersMerged() {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      StoreTest.person(
          store,
          StoreTest.provenance("a", "politie-nl", Set.of("kmar"), StoreTest.TODAY.plusYears(1)),
          "p1",
          "Jan de Vries",
          null,
          StoreTest.TODAY,
          "a");
      StoreTest.person(
          store,
          StoreTest.provenance("b", "politie-nl", Set.of(), StoreTest.TODAY.plusYears(1)),
          "p2",
          "Jan de Vries",
          null,
          StoreTest.TODAY,
          "b");
      StoreTest.person(
          store,
          StoreTest.provenance("c", "politie-nl", Set.of("kmar"), StoreTest.TODAY.plusYears(1)),
          "p3",
          "Piet Jansen",
          null,
          StoreTest.TODAY,
          "c");
      User ann = new User("ann", "politie-nl", Set.of(Role.ANALYST));
      User bob = new User("bob", "politie-nl", Set.of(Role.ANALYST));
      User kim = new User("kim", "kmar", Set.of(Role.ANALYST));
      for (User u : List.of(ann, bob, kim)) {
        store.accounts().addUser(u, "hash", "test");
      }
      Case joint = new Case("c1", "joint", "wpg-art-9", Set.of("ann", "kim"));
      store.accounts().addCase(joint, "test");
      Viewer annTask = new Viewer(ann, Purpose.task("wpg-art-9"));
      Viewer bobTask = new Viewer(bob, Purpose.task("wpg-art-9"));
      Viewer annCase = new Viewer(ann, Purpose.of(joint));
      Viewer kimCase = new Viewer(kim, Purpose.of(joint));

      String nk = Resolution.canonicalIdOf("p1");
      store
          .resolutions()
          .save(annTask, Map.of(nk, List.of("p1", "p2"), "NK-p3", List.of("p3")), "{}");
      assertThat(store.resolutions().clusters(bobTask))
          .as("a colleague reading for the same task sees the agency's resolution")
          .containsEntry(nk, List.of("p1", "p2"));
      assertThat(store.resolutions().model(bobTask)).contains("{}");
      assertThat(store.resolutions().clusters(annCase)).as("another team sees none").isEmpty();

      store
          .resolutions()
          .save(annCase, Map.of(nk, List.of("p1", "p2"), "NK-p3", List.of("p3")), "{}");
      Map<String, List<String>> kims = store.resolutions().clusters(kimCase);
      assertThat(kims)
          .as("kmar may not see p2, so the cluster that rests on it is shown apart")
          .containsEntry(nk, List.of("p1"))
          .containsEntry("NK-p3", List.of("p3"))
          .doesNotContainValue(List.of("p1", "p2"));
      assertThat(kims.values().stream().flatMap(List::stream)).doesNotContain("p2");

      store.resolutions().judge(kimCase, EntityPair.of("p3", "p1"), Verdict.DIFFERENT, false);
      assertThat(store.resolutions().judgements(annCase))
          .singleElement()
          .satisfies(
              j -> {
                assertThat(j.pair()).isEqualTo(new EntityPair("p1", "p3"));
                assertThat(j.user()).isEqualTo("kim");
                assertThat(j.verdict()).isEqualTo(Verdict.DIFFERENT);
              });
      assertThat(store.resolutions().judgements(annTask)).isEmpty();
    }
  }

  @Test
  void resolutionsKeptPerUserMoveIntoTheirTeams() throws Exception {
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      store.accounts().addUser(new User("ann", "politie-nl", Set.of(Role.ANALYST)), "h", "t");
      store.accounts().addUser(new User("bob", "politie-nl", Set.of(Role.ANALYST)), "h", "t");
      store.accounts().addCase(new Case("c1", "joint", "wpg-art-9", Set.of("ann")), "t");
      try (Statement st = store.warehouse().connection().createStatement()) {
        st.execute(
            "CREATE TABLE judgement (a VARCHAR NOT NULL, b VARCHAR NOT NULL, verdict VARCHAR"
                + " NOT NULL, user_name VARCHAR NOT NULL, purpose VARCHAR NOT NULL, created"
                + " TIMESTAMP NOT NULL, PRIMARY KEY (a, b))");
        st.execute("INSERT INTO judgement VALUES ('x', 'y', 'same', 'ann', 'c1', now())");
        st.execute(
            "CREATE TABLE resolution (user_name VARCHAR NOT NULL, purpose VARCHAR NOT NULL,"
                + " canonical_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, created TIMESTAMP"
                + " NOT NULL)");
        st.execute(
            "INSERT INTO resolution VALUES ('ann', 'wpg-art-9', 'NK-old', 'p1', TIMESTAMP"
                + " '2026-01-01'), ('bob', 'wpg-art-9', 'NK-new', 'p1', TIMESTAMP '2026-02-01'),"
                + " ('ann', 'c1', 'NK-case', 'p1', TIMESTAMP '2026-01-01')");
        st.execute(
            "CREATE TABLE resolution_model (user_name VARCHAR NOT NULL, purpose VARCHAR NOT NULL,"
                + " model VARCHAR NOT NULL, created TIMESTAMP NOT NULL)");
        st.execute("INSERT INTO resolution_model VALUES ('bob', 'wpg-art-9', '{}', now())");
      }
    }
    try (Store store = Store.open(tmp, true, StoreTest.TODAY);
        Statement st = store.warehouse().connection().createStatement()) {
      assertThat(store.warehouse().hasTable("resolution")).isFalse();
      assertThat(store.warehouse().hasTable("judgement")).isFalse();
      var rs =
          st.executeQuery(
              "SELECT team, canonical_id, resolved_by FROM team_resolution ORDER BY team");
      rs.next();
      assertThat(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
          .isEqualTo("agency:politie-nl:wpg-art-9 NK-new bob");
      rs.next();
      assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("case:c1 NK-case");
      assertThat(rs.next()).isFalse();
      rs = st.executeQuery("SELECT team, a, b, user_name FROM team_judgement");
      rs.next();
      assertThat(rs.getString(1) + " " + rs.getString(2) + rs.getString(3) + " " + rs.getString(4))
          .isEqualTo("case:c1 xy ann");
      rs = st.executeQuery("SELECT team FROM team_resolution_model");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("agency:politie-nl:wpg-art-9");
    }
  }
}
