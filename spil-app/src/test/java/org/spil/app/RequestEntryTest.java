package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.spil.model.InvalidField;
import org.spil.store.Store;

/**
 * A request for legal assistance entered by hand: a batch of the entering user's agency that the
 * register shows with every field to those who may read it and to nobody else; every field checked
 * before anything is written (a refused entry leaves no batch), and the same entry twice is one
 * batch.
 */
class RequestEntryTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static Path dir;
  private static Store store;

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("spil-entry-test");
    store = Store.open(dir, true, TODAY);
    Administration admin = new Administration(store);
    Operator by = new Operator("test");
    admin.addUser(by, "officier", "om", List.of("investigator"), "officier-pw-2026".toCharArray());
    admin.addUser(by, "politie", "politie-nl", List.of("analyst"), "politie-pw-2026".toCharArray());
    admin.addUser(by, "kmar", "kmar", List.of("analyst"), "kmar-pw-2026".toCharArray());
  }

  @AfterContainer
  static void close() throws Exception {
    store.close();
    DirectoryTree.delete(dir);
  }

  private static RequestEntry entry(String reference, List<String> shareWith) {
    return new RequestEntry(
        reference,
        "out",
        "Togo",
        "Procureur de la République, Lomé",
        "VN-Verdrag van Wenen 1988, art. 7",
        "10/960000-23",
        "2026-09-01",
        "2026-09-10",
        "2026-11-30",
        null,
        "verzonden",
        List.of(
            new RequestEntry.Subject("Mark de Lindestra", "1973-02-27"),
            new RequestEntry.Subject("Erik \"Eef\" Lindeman, jr.", null)),
        "wjsg",
        "H2",
        shareWith,
        null,
        null);
  }

  @Property(tries = 1)
  void anEnteredRequestIsInTheRegisterOfItsReadersOnly() {
    Ingestion.Outcome made =
        RequestEntry.enter(store, "officier", entry("RHV-2026-0100", List.of("politie-nl")));
    assertThat(made.dataset().name()).isEqualTo("om-mla");
    assertThat(made.dataset().agency()).isEqualTo("om");
    assertThat(made.batch().provenance().legalBasis()).isEqualTo("wjsg");

    Cooperation.Request r = only(store.viewer("officier", "wjsg"), "RHV-2026-0100");
    assertThat(r.country()).isEqualTo("tg");
    assertThat(r.incoming()).isFalse();
    assertThat(r.authority()).isEqualTo("Procureur de la République, Lomé");
    assertThat(r.legalBasis()).isEqualTo("VN-Verdrag van Wenen 1988, art. 7");
    assertThat(r.sent()).isEqualTo("2026-09-01");
    assertThat(r.acknowledged()).isEqualTo("2026-09-10");
    assertThat(r.deadline()).isEqualTo("2026-11-30");
    assertThat(r.deadlineGiven()).isTrue();
    assertThat(r.open()).isTrue();
    assertThat(r.overdue()).as("past 2026-11-30 on 2026-12-07").isTrue();
    assertThat(r.subjects())
        .extracting(Cooperation.Subject::caption)
        .containsExactlyInAnyOrder("Mark de Lindestra", "Erik \"Eef\" Lindeman, jr.");

    // shared with the police, who may read the prosecution's data for a police task
    assertThat(only(store.viewer("politie", "wpg-art-9"), "RHV-2026-0100").country())
        .isEqualTo("tg");
    // not with the border police
    assertThat(
            new Cooperation(store)
                .register(store.viewer("kmar", "wpg-art-9"), null, false)
                .requests())
        .extracting(Cooperation.Request::reference)
        .doesNotContain("RHV-2026-0100");

    // the same entry again: nothing new
    Ingestion.Outcome again =
        RequestEntry.enter(store, "officier", entry("RHV-2026-0100", List.of("politie-nl")));
    assertThat(again.unchangedSince()).contains(made.batch());
  }

  @Property(tries = 1)
  void aRequestFromAbroadIsReceivedAndNotPending() {
    RequestEntry e = entry("IRH-2026-0007", List.of());
    RequestEntry in =
        new RequestEntry(
            e.reference(),
            "inkomend",
            "Duitsland",
            "Staatsanwaltschaft Köln",
            "Europees Onderzoeksbevel",
            null,
            "2026-10-01",
            null,
            null,
            "2026-11-15",
            "uitgevoerd",
            List.of(new RequestEntry.Subject("Dennis Hamer", null)),
            "wjsg",
            null,
            List.of(),
            null,
            null);
    RequestEntry.enter(store, "officier", in);
    Cooperation.Request r = only(store.viewer("officier", "wjsg"), "IRH-2026-0007");
    assertThat(r.incoming()).isTrue();
    assertThat(r.country()).isEqualTo("de");
    assertThat(r.open()).isFalse();
    assertThat(r.days()).isEqualTo(45);
    Cooperation.Register de =
        new Cooperation(store).register(store.viewer("officier", "wjsg"), "de", false);
    assertThat(de.countries()).singleElement().matches(c -> c.received() == 1);
    // not shared: the police see nothing of it
    assertThat(
            new Cooperation(store)
                .register(store.viewer("politie", "wpg-art-9"), "de", false)
                .requests())
        .isEmpty();
  }

  /** A field and a bad value for it, with the reason the refusal must give. */
  record Bad(String field, String value, String reason) {}

  @Provide
  Arbitrary<Bad> badFields() {
    Arbitrary<String> control =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(5)
            .flatMap(
                s ->
                    Arbitraries.of(
                            '\u0000', '\n', '\r', '\u001b', '\u0085', '\u2028', '\u202e', '\u2066')
                        .map(c -> s + c + s));
    return Arbitraries.oneOf(
        control.map(v -> new Bad("reference", v, "control characters")),
        control.map(v -> new Bad("authority", v, "control characters")),
        control.map(v -> new Bad("subject", v, "control characters")),
        Arbitraries.of("Atlantis", "zz", "Nederlandse Antillen en Aruba en")
            .map(v -> new Bad("country", v, "country")),
        Arbitraries.of("2027-01-01", "01-09-2026", "2026-13-01", "yesterday", "1850-01-01")
            .map(v -> new Bad("sent", v, "")),
        Arbitraries.of("2026-08-01").map(v -> new Bad("answered", v, "before")),
        Arbitraries.of("nope", "WJSG ", "../wjsg").map(v -> new Bad("legal_basis", v, "")),
        Arbitraries.of("H4", "", "h9").map(v -> new Bad("handling_code", v, "")),
        Arbitraries.of("../etc", "Politie NL", "a,b").map(v -> new Bad("share_with", v, "name")),
        Arbitraries.of("P20", "forever", "P20Y\nx").map(v -> new Bad("retention", v, "")));
  }

  @Property(tries = 60)
  void aBadFieldIsRefusedByNameAndWritesNothing(@ForAll("badFields") Bad bad) {
    int before = store.batches().size();
    RequestEntry e = with(entry("RHV-BAD-1", List.of()), bad);
    assertThatThrownBy(() -> RequestEntry.enter(store, "officier", e))
        .isInstanceOf(InvalidField.class)
        .satisfies(
            t -> {
              InvalidField f = (InvalidField) t;
              assertThat(f.field())
                  .startsWith(bad.field().equals("subject") ? "subjects" : bad.field());
              assertThat(f.reason()).contains(bad.reason());
            });
    assertThat(store.batches()).hasSize(before);
  }

  private static RequestEntry with(RequestEntry e, Bad bad) {
    String v = bad.value();
    List<RequestEntry.Subject> subjects = new ArrayList<>(e.subjects());
    if (bad.field().equals("subject")) {
      subjects.set(0, new RequestEntry.Subject(v, null));
    }
    return new RequestEntry(
        bad.field().equals("reference") ? v : e.reference(),
        e.direction(),
        bad.field().equals("country") ? v : e.country(),
        bad.field().equals("authority") ? v : e.authority(),
        e.treaty(),
        e.courtCase(),
        bad.field().equals("sent") ? v : e.sent(),
        e.acknowledged(),
        e.deadline(),
        bad.field().equals("answered") ? v : e.answered(),
        e.status(),
        subjects,
        bad.field().equals("legal_basis") ? v : e.legalBasis(),
        bad.field().equals("handling_code") ? v : e.handlingCode(),
        bad.field().equals("share_with") ? List.of(v) : e.shareWith(),
        e.caseId(),
        bad.field().equals("retention") ? v : e.retention());
  }

  private static Cooperation.Request only(org.spil.policy.Viewer viewer, String reference) {
    List<Cooperation.Request> found =
        new Cooperation(store)
            .register(viewer, null, false).requests().stream()
                .filter(r -> reference.equals(r.reference()))
                .toList();
    assertThat(found).as(reference).hasSize(1);
    return found.get(0);
  }
}
