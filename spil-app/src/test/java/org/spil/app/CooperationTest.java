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
      Map<String, List<String>> byReference = new HashMap<>();
      List<String> lines = Files.readAllLines(dir.resolve("scenario/om/rechtshulpverzoeken.csv"));
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = fields(line);
        byReference.putIfAbsent(f.get(0), f);
      }
      assertThat(register.requests()).hasSize(byReference.size());
      int overdue = 0;
      int incoming = 0;
      int acknowledged = 0;
      for (Cooperation.Request r : register.requests()) {
        List<String> f = byReference.get(r.reference());
        assertThat(f).as(r.reference()).isNotNull();
        LocalDate sent = day(f.get(6));
        LocalDate deadline = f.get(8).isEmpty() ? sent.plusDays(90) : day(f.get(8));
        boolean open =
            f.get(9).isEmpty() && !f.get(10).equals("uitgevoerd") && !f.get(10).equals("afgewezen");
        assertThat(r.sent()).isEqualTo(sent.toString());
        assertThat(r.incoming()).as(r.reference()).isEqualTo(f.get(2).equals("inkomend"));
        assertThat(r.legalBasis()).isEqualTo(f.get(5));
        assertThat(r.acknowledged())
            .isEqualTo(f.get(7).isEmpty() ? null : day(f.get(7)).toString());
        assertThat(r.answered()).isEqualTo(f.get(9).isEmpty() ? null : day(f.get(9)).toString());
        assertThat(r.deadline()).isEqualTo(deadline.toString());
        assertThat(r.deadlineGiven()).isEqualTo(!f.get(8).isEmpty());
        assertThat(r.open()).as(r.reference()).isEqualTo(open);
        assertThat(r.overdue()).isEqualTo(open && today.isAfter(deadline));
        if (open) {
          assertThat(r.days()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(sent, today));
        } else if (!f.get(9).isEmpty()) {
          assertThat(r.days())
              .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(sent, day(f.get(9))));
        }
        assertThat(r.subjects()).isNotEmpty().allMatch(s -> !s.caption().matches("[0-9a-f]{40}"));
        overdue += r.overdue() ? 1 : 0;
        incoming += r.incoming() ? 1 : 0;
        acknowledged += r.acknowledged() != null ? 1 : 0;
      }
      assertThat(incoming).as("requests received from abroad").isPositive();
      assertThat(acknowledged).as("acknowledged requests").isPositive();
      assertThat(register.countries().stream().mapToInt(Cooperation.Country::received).sum())
          .isEqualTo(incoming);
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

  private static LocalDate day(String dmy) {
    String[] p = dmy.split("-");
    return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
  }

  /** The fields of a CSV line, a quoted field's commas and doubled quotes read as text. */
  static List<String> fields(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        f.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
