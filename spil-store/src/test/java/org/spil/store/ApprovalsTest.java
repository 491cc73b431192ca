package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;
import org.spil.policy.Approval;
import org.spil.policy.Case;
import org.spil.policy.PolicyException;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.Subset;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/**
 * Approved subsets through every read path of the store: the case team, the court and defence
 * counsel each see exactly the records approved for them, nothing else of the batch, and nothing
 * after a revocation; only the owning agency approves; a strategic reader only counts; the
 * defence's reads are in a partition of their own.
 */
class ApprovalsTest {
  @TempDir Path tmp;
  static final LocalDate TODAY = StoreTest.TODAY;

  /** A police batch kept to itself (H3): two persons and two dated payments. */
  private long policeBatch(Store store) {
    Provenance p =
        new Provenance(
            "taps",
            "taps",
            "politie-nl",
            "wpg-art-9",
            HandlingCode.H3,
            "court order needed",
            SourceGrade.B,
            2,
            TODAY.plusYears(1),
            Set.of(),
            null);
    BatchWriter w = store.warehouse().begin(p, TODAY, "sha-taps");
    for (String[] person : new String[][] {{"p1", "Jan de Vries"}, {"p2", "Piet Bakker"}}) {
      w.accept(person[0], "Person", "id", person[0], null, null);
      w.accept(person[0], "Person", "name", person[1], null, null);
    }
    String[][] payments = {{"pay1", "2026-03-05", "first"}, {"pay2", "2026-05-01", "second"}};
    for (String[] pay : payments) {
      w.accept(pay[0], "Payment", "id", pay[0], null, null);
      w.accept(pay[0], "Payment", "date", pay[1], null, null);
      w.accept(pay[0], "Payment", "purpose", pay[2] + " payment", null, null);
    }
    Batch b = w.commit(4, 0, List.of());
    store.updateIndex(n -> {});
    return b.id();
  }

  private static Set<String> seen(Store store, Viewer v) {
    Set<String> ids = new TreeSet<>();
    for (String id : List.of("p1", "p2", "pay1", "pay2")) {
      store.entities().entity(v, id).ifPresent(e -> ids.add(e.id()));
    }
    StringWriter export = new StringWriter();
    store.exports().ftm(v, export, false);
    Set<String> exported = new TreeSet<>();
    for (String line : export.toString().split("\n")) {
      if (!line.isBlank()) {
        exported.add(line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
      }
    }
    assertThat(exported).as("export agrees with show for %s", v).isEqualTo(ids);
    Set<String> found = new TreeSet<>();
    for (String q : List.of("Jan de Vries", "Piet Bakker", "payment")) {
      store.search(v, SearchQuery.of(q)).forEach(h -> found.add(h.id()));
    }
    assertThat(ids).as("search finds nothing show does not for %s", v).containsAll(found);
    assertThat(store.entities().stats(v).entities()).isEqualTo(ids.size());
    return ids;
  }

  @Test
  void eachReaderSeesExactlyWhatIsApprovedForItsRoleUntilRevoked() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      long batch = policeBatch(store);
      User owner = new User("rech", "politie-nl", Set.of(Role.INVESTIGATOR));
      User analyst = new User("fiod1", "fiod", Set.of(Role.ANALYST));
      User counsel = new User("adv", "advocaten-x", Set.of(Role.DEFENCE_COUNSEL));
      User judge = new User("rc", "rechtbank", Set.of(Role.COURT));
      User officer = new User("fg", "politie-nl", Set.of(Role.PRIVACY_OFFICER));
      User customs = new User("dou", "douane-nl", Set.of(Role.INVESTIGATOR));
      for (User u : List.of(owner, analyst, counsel, judge, officer, customs)) {
        store.accounts().addUser(u, "hash", "test");
      }
      Case c =
          store
              .accounts()
              .addCase(new Case("C1", "case", "wpg-art-9", Set.of("fiod1", "adv", "rc")), "test");
      Viewer team = new Viewer(analyst, Purpose.of(c));
      Viewer defence = new Viewer(counsel, Purpose.of(c));
      Viewer court = new Viewer(judge, Purpose.of(c));
      assertThat(seen(store, team)).isEmpty();
      assertThat(seen(store, defence)).isEmpty();

      assertThatThrownBy(
              () ->
                  store
                      .approvals()
                      .record(
                          "fiod1",
                          "C1",
                          batch,
                          new Subset.Entities(Set.of("p1")),
                          null,
                          TODAY,
                          "RB-1"))
          .isInstanceOf(PolicyException.class)
          .hasMessageContaining("batch " + batch + " belongs to politie-nl; only its users may");
      assertThatThrownBy(
              () ->
                  store
                      .approvals()
                      .record(
                          "dou",
                          "C1",
                          batch,
                          new Subset.Entities(Set.of("p1")),
                          null,
                          TODAY,
                          "RB-1"))
          .hasMessageContaining("only its users may");

      Approval persons =
          store
              .approvals()
              .record(
                  "rech",
                  "C1",
                  batch,
                  new Subset.Entities(Set.of("p1")),
                  null,
                  TODAY.plusDays(30),
                  "RB-2026-001");
      Approval march =
          store
              .approvals()
              .record(
                  "rech",
                  "C1",
                  batch,
                  new Subset.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                  Set.of(Role.DEFENCE_COUNSEL, Role.COURT),
                  TODAY.plusDays(30),
                  "RB-2026-002");
      assertThat(seen(store, team)).containsExactly("p1");
      assertThat(seen(store, defence)).containsExactly("pay1");
      assertThat(seen(store, court)).containsExactly("p1", "pay1");
      assertThat(seen(store, new Viewer(analyst, Purpose.task("wpg-art-9"))))
          .as("the same analyst reading for a task, not the case")
          .isEmpty();
      assertThat(store.approvals().list("adv"))
          .extracting(Approval::id)
          .containsExactly(march.id());
      assertThat(store.approvals().list("rech")).hasSize(2);
      assertThat(store.approvals().list("dou")).isEmpty();

      store.approvals().revoke("rech", persons.id());
      assertThat(seen(store, team)).isEmpty();
      assertThat(seen(store, court)).containsExactly("pay1");
      store.approvals().revoke("rech", march.id());
      assertThat(seen(store, defence)).isEmpty();

      // the defence's reads are overseen by the court, not by the police's privacy officer
      String defencePartition = "defence:C1";
      List<JsonNode> defenceEntries =
          store
              .audit()
              .query(n -> "adv".equals(n.path("user").asText()) && n.path("purpose").isTextual());
      assertThat(defenceEntries).isNotEmpty();
      assertThat(defenceEntries)
          .allSatisfy(
              n -> assertThat(store.audit().partitionsOf(n)).containsExactly(defencePartition));
      assertThat(store.oversees("rc"))
          .containsExactlyInAnyOrder(defencePartition, "defence-counsel:adv");
      assertThat(store.oversees("fg")).containsExactly("agency:politie-nl");
    }
  }

  @Test
  void aStrategicReaderCountsRoundedAndSeesNoValue() {
    try (Store store = Store.open(tmp, true, TODAY)) {
      for (int i = 0; i < 26; i++) {
        StoreTest.person(
            store,
            StoreTest.provenance("reg", "politie-nl", Set.of("kmar"), TODAY.plusYears(1)),
            "r" + i,
            "Jan Klaassen " + i,
            null,
            TODAY,
            "sha" + i);
      }
      StoreTest.person(
          store,
          StoreTest.provenance("few", "politie-nl", Set.of("kmar"), TODAY.plusYears(1)),
          "f1",
          "Kees Jansen",
          null,
          TODAY,
          "few");
      Viewer strategic =
          new Viewer(new User("s", "kmar", Set.of(Role.ANALYST)), Purpose.task("strategic"));
      Stats stats = store.entities().stats(strategic);
      assertThat(stats.entities()).isEqualTo(30);
      assertThat(stats.disclosure()).contains("rounded to the nearest 10");
      assertThat(stats.datasets()).isEmpty();
      assertThat(stats.schemata()).containsOnlyKeys("Person");
      assertThat(store.search(strategic, SearchQuery.of("Klaassen"))).isEmpty();
      assertThat(store.entities().entity(strategic, "r1")).isEmpty();
      StringWriter export = new StringWriter();
      store.exports().ftm(strategic, export, false);
      assertThat(export.toString()).isBlank();
    }
  }
}
