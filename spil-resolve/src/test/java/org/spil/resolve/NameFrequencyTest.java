package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * An exact name weighs by the people bearing it: one firm on several customs declarations under its
 * one customs number is one bearer, and its name counts as rare; the same records under four
 * different numbers are four firms, and the name counts as common. A person registered twice by the
 * police under two record numbers, or once with a mistyped date of birth, is one bearer; two dates
 * of birth decades apart are two.
 */
class NameFrequencyTest {
  private static final String FIRM = "Schouten International Fresh Import B.V.";

  private static Resolution.ScoredPair bankAgainstCustoms(boolean sameNumber) {
    List<ResolveRecord> records = population();
    for (int i = 0; i < 4; i++) {
      records.add(
          new ResolveRecord(
              "customs" + i,
              ResolveRecord.Kind.COMPANY,
              FIRM,
              null,
              Set.of("doc:NL65810191" + (sameNumber ? 0 : i)),
              Set.of("nl"),
              null,
              "customs"));
    }
    ResolveRecord bank = bankRecord("bank", FIRM, Set.of());
    records.add(bank);
    Resolution r = new Resolution(records, Resolution.DEFAULT_THRESHOLD);
    r.score(200, 1);
    return r.explain(bank, records.get(400));
  }

  @Test
  void aRecordWithoutANameIsWeighedWithoutANameAdjustment() {
    List<ResolveRecord> records = population();
    ResolveRecord account = bankRecord("account", null, Set.of("iban:NL91ABNA0417164300"));
    records.add(account);
    Resolution r = new Resolution(records, Resolution.DEFAULT_THRESHOLD);
    r.score(200, 1);
    Resolution.ScoredPair p = r.explain(account, records.get(0));
    assertThat(p.explanation()).contains("name: missing (+0.0)");
    assertThat(p.explanation()).noneMatch(e -> e.contains("rare name") || e.contains("common"));
  }

  /** A bank's record: a name (or none) and identifiers, no date of birth or country. */
  private static ResolveRecord bankRecord(String id, String name, Set<String> ids) {
    return new ResolveRecord(
        id, ResolveRecord.Kind.EITHER, name, null, ids, Set.of(), null, "bank");
  }

  private static List<ResolveRecord> population() {
    List<ResolveRecord> records = new ArrayList<>();
    String[] first = {"Jan", "Piet", "Kees", "Anna", "Fatima", "Mohamed", "Ahmet", "Sanne"};
    String[] last = {"Jansen", "Bakker", "Visser", "Smit", "Yilmaz", "El Amrani", "Mulder", "Bos"};
    for (int i = 0; i < 400; i++) {
      records.add(
          new ResolveRecord(
              "p" + i,
              ResolveRecord.Kind.PERSON,
              first[i % 8] + " " + last[(i / 8) % 8] + " " + (char) ('a' + i % 26),
              String.format("19%02d-%02d-%02d", 50 + i % 40, 1 + i % 12, 1 + i % 28),
              Set.of(),
              Set.of(),
              null,
              "police"));
    }
    return records;
  }

  private static Resolution.ScoredPair bankAgainstPolice(String firstDob, String secondDob) {
    List<ResolveRecord> records = population();
    records.add(
        new ResolveRecord(
            "police-a",
            ResolveRecord.Kind.PERSON,
            "Anouk Mulder",
            firstDob,
            Set.of("doc:PL0000346", "phone:31627061140"),
            Set.of("nl"),
            null,
            "police"));
    records.add(
        new ResolveRecord(
            "police-b",
            ResolveRecord.Kind.PERSON,
            "Anouk Mulder",
            secondDob,
            Set.of("doc:PL0000912", "phone:31659146995"),
            Set.of("nl"),
            null,
            "police"));
    ResolveRecord bank = bankRecord("bank", "Anouk Mulder", Set.of("iban:NL47TRIO0257276172"));
    records.add(bank);
    Resolution r = new Resolution(records, Resolution.DEFAULT_THRESHOLD);
    r.score(200, 1);
    return r.explain(bank, records.get(400));
  }

  @Test
  void recordNumbersAndMistypedDatesDoNotMakeNamesakes() {
    Resolution.ScoredPair twice = bankAgainstPolice("1979-07-12", "1979-07-12");
    Resolution.ScoredPair typo = bankAgainstPolice("1979-07-12", "1979-07-13");
    Resolution.ScoredPair two = bankAgainstPolice("1979-07-12", "1961-02-28");
    assertThat(twice.weight()).isCloseTo(typo.weight(), Offset.offset(0.01));
    assertThat(twice.weight()).isGreaterThan(two.weight() + 1);
    assertThat(Resolution.distinctDates(List.of("1979-07-12", "1979-12-07", "1979-07-13")))
        .isEqualTo(1);
    assertThat(Resolution.distinctDates(List.of("1979-07-12", "1961-02-28"))).isEqualTo(2);
  }

  @Test
  void oneFirmOnManyDeclarationsIsOneBearer() {
    Resolution.ScoredPair one = bankAgainstCustoms(true);
    Resolution.ScoredPair four = bankAgainstCustoms(false);
    assertThat(four.explanation()).anyMatch(t -> t.startsWith("common name"));
    assertThat(one.weight()).isGreaterThan(four.weight() + 1);
  }
}
