package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.store.Store;

/**
 * The cooperation register on the scenario, against a plain reading of the prosecution's export:
 * every request, its days open and whether it is overdue; and only for those who may read the
 * prosecution's data.
 */
class CooperationTest {
  @TempDir Path tmp;

  @Test
  void theRegisterAgreesWithTheProsecutionsExportAndStaysWithItsReaders() throws Exception {
    Path dir = tmp.resolve("w");
    try (Store store =
        Scenario.warehouse(3_000, 1, dir, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Administration admin = new Administration(store);
      admin.addUser(
          new Operator("test"),
          "om.analist",
          "om",
          List.of("analyst"),
          "om-analist-pw-2026".toCharArray());
      admin.addUser(
          new Operator("test"),
          "kmar.analist",
          "kmar",
          List.of("analyst"),
          "kmar-analist-pw-2026".toCharArray());
      Scenario.writeLiaisons(store.dir());
      Cooperation.Register register =
          new Cooperation(store).register(store.viewer("om.analist", "wjsg"), null, false);
      for (Cooperation.Country c : register.countries()) {
        assertThat(c.liaisons()).allMatch(l -> l.country().equals(c.country()));
      }
      assertThat(register.countries())
          .filteredOn(c -> c.country().equals("tr"))
          .isNotEmpty()
          .allMatch(
              c -> c.liaisons().size() == 1 && c.liaisons().get(0).name().contains("Istanbul"));

      // the oracle: the export read as a clerk would, one request per reference
      LocalDate today = store.today();
      Map<String, String[]> byReference = new HashMap<>();
      List<String> lines = Files.readAllLines(dir.resolve("scenario/om/rechtshulpverzoeken.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        byReference.putIfAbsent(f[0], f);
      }
      assertThat(register.requests()).hasSize(byReference.size());
      int overdue = 0;
      for (Cooperation.Request r : register.requests()) {
        String[] f = byReference.get(r.reference());
        assertThat(f).as(r.reference()).isNotNull();
        String[] dmy = f[4].split("-");
        LocalDate sent =
            LocalDate.of(
                Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
        boolean open = !f[5].equals("uitgevoerd") && !f[5].equals("afgewezen");
        assertThat(r.sent()).isEqualTo(sent.toString());
        assertThat(r.open()).as(r.reference()).isEqualTo(open);
        assertThat(r.overdue()).isEqualTo(open && today.isAfter(sent.plusDays(90)));
        if (open) {
          assertThat(r.days()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(sent, today));
        }
        assertThat(r.subjects()).isNotEmpty().allMatch(s -> !s.caption().matches("[0-9a-f]{40}"));
        overdue += r.overdue() ? 1 : 0;
      }
      assertThat(register.countries().stream().mapToInt(Cooperation.Country::overdue).sum())
          .isEqualTo(overdue);
      assertThat(register.requests().get(0).overdue()).as("overdue first").isEqualTo(overdue > 0);

      String country = register.countries().get(0).country();
      Cooperation.Register one =
          new Cooperation(store).register(store.viewer("om.analist", "wjsg"), country, true);
      assertThat(one.requests()).allMatch(r -> r.open() && r.country().equals(country));
      assertThat(one.countries()).extracting(Cooperation.Country::country).containsExactly(country);

      // the border police may not read the prosecution's data: an empty register
      assertThat(
              new Cooperation(store)
                  .register(store.viewer("kmar.analist", "wpg-art-8"), null, false)
                  .requests())
          .isEmpty();
    }
  }
}
