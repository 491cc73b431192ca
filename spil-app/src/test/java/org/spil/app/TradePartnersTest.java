package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.EntityIds;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * Upstream and downstream on the scenario at the demo's scale, against customs' own files as a
 * plain oracle: the firms shipping from Ecuador carry exactly the shipments loaded there, and the
 * seizures among them; every export of a network within a year after one of its chemical imports is
 * listed, with the chemicals named.
 */
class TradePartnersTest {
  @TempDir Path tmp;

  @Test
  void upstreamAddsUpAndDownstreamFindsTheNetworksExports() throws IOException {
    try (Store store = Scenario.warehouse(3000, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      new Resolving(store).resolve(analyst, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
      Path scenario = tmp.resolve("scenario");
      Map<String, String> network = new HashMap<>();
      for (String[] f : rows(scenario.resolve("truth/shipments.csv"))) {
        network.put(f[2], f[3]);
      }
      Set<String> seized = new HashSet<>();
      for (String[] f : rows(scenario.resolve("douane-nl/inbeslagnames.csv"))) {
        seized.add(EntityIds.make("douane-nl", "zending", List.of(f[3])));
      }
      int fromEcuador = 0;
      int seizedFromEcuador = 0;
      // a network's exports, and the days of its chemical imports: an export within a year after
      // one is downstream
      Map<String, List<LocalDate>> chemicalImports = new HashMap<>();
      Map<String, LocalDate> exportDay = new HashMap<>();
      Map<String, String> exportNetwork = new HashMap<>();
      DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      for (String[] f : rows(scenario.resolve("douane-nl/zendingen.csv"))) {
        String id = EntityIds.make("douane-nl", "zending", List.of(f[0]));
        if (f[11].startsWith("EC")) {
          fromEcuador++;
          seizedFromEcuador += seized.contains(id) ? 1 : 0;
        }
        String n = network.getOrDefault(id, "");
        if (n.isEmpty()) {
          continue;
        }
        if (f[11].startsWith("NL")) {
          exportDay.put(id, LocalDate.parse(f[18], dmy));
          exportNetwork.put(id, n);
        } else if (f[14].startsWith("chemic")) {
          chemicalImports
              .computeIfAbsent(n, k -> new ArrayList<>())
              .add(LocalDate.parse(f[17], dmy));
        }
      }
      Set<String> networkExports = new HashSet<>();
      exportDay.forEach(
          (id, day) -> {
            for (LocalDate d : chemicalImports.getOrDefault(exportNetwork.get(id), List.of())) {
              if (!d.isAfter(day) && d.plusDays(365).isAfter(day)) {
                networkExports.add(id);
              }
            }
          });
      TradePartners partners = new TradePartners(store);
      List<TradePartners.Upstream> ecuador = partners.upstream(analyst, "EC");
      assertThat(ecuador).isNotEmpty();
      assertThat(ecuador.stream().mapToInt(TradePartners.Upstream::shipments).sum())
          .isEqualTo(fromEcuador);
      assertThat(ecuador.stream().mapToInt(TradePartners.Upstream::seized).sum())
          .isEqualTo(seizedFromEcuador);
      assertThat(ecuador).allSatisfy(u -> assertThat(u.ports()).allMatch(p -> p.startsWith("EC")));
      List<TradePartners.Downstream> down = partners.downstream(analyst, 0);
      assertThat(networkExports).isNotEmpty();
      assertThat(down.stream().map(TradePartners.Downstream::export).collect(Collectors.toSet()))
          .containsAll(networkExports);
      assertThat(down)
          .filteredOn(d -> networkExports.contains(d.export()))
          .allSatisfy(d -> assertThat(d.chemicals()).isTrue());
      assertThat(down).allSatisfy(d -> assertThat(d.daysAfter()).isBetween(0, 364));
      assertThatThrownBy(() -> partners.upstream(analyst, "Ecuador"))
          .hasMessageContaining("ISO code");
      assertThat(partners.upstream(store.viewer("bench", "wpg-art-8"), "ec"))
          .as("customs' shipments are not the border task's")
          .isEmpty();
    }
  }

  private static List<String[]> rows(Path csv) throws IOException {
    String text = Files.readString(csv).replace("\uFEFF", "");
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords()
        .stream()
        .map(CSVRecord::values)
        .toList();
  }
}
