package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An exact name weighs by the people bearing it: one firm on several customs declarations under its
 * one customs number is one bearer, and its name counts as rare; the same records under four
 * different numbers are four firms, and the name counts as common.
 */
class NameFrequencyTest {
  private static final String FIRM = "Schouten International Fresh Import B.V.";

  private static Resolution.Pair bankAgainstCustoms(boolean sameNumber) {
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
    ResolveRecord bank =
        new ResolveRecord(
            "bank", ResolveRecord.Kind.EITHER, FIRM, null, Set.of(), Set.of(), null, "bank");
    records.add(bank);
    Resolution r = new Resolution(records, Resolution.DEFAULT_THRESHOLD);
    r.score(200, 1);
    return r.explain(bank, records.get(400));
  }

  @Test
  void oneFirmOnManyDeclarationsIsOneBearer() {
    Resolution.Pair one = bankAgainstCustoms(true);
    Resolution.Pair four = bankAgainstCustoms(false);
    assertThat(one.explanation()).anyMatch(t -> t.startsWith("rare name"));
    assertThat(four.explanation()).anyMatch(t -> t.startsWith("common name"));
    assertThat(one.weight()).isGreaterThan(four.weight() + 1);
  }
}
