package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * A network leader's assets on the scenario: the property company the register says he owns, and
 * once the team has resolved the records, that company's bank account from FIOD's statements and
 * the leader's own, each with the chain that ties it to him and the sources of every link; and a
 * subject the reader may not see is answered as one that does not exist.
 */
class AssetsTest {
  @TempDir Path tmp;

  @Test
  void aLeaderControlsHisCompanyAndItsAccounts() throws IOException {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Path truth = tmp.resolve("scenario").resolve("truth");
      List<String> leaders = new ArrayList<>();
      for (String line : Files.readAllLines(truth.resolve("actors.csv"))) {
        String[] f = line.split(",");
        if (f.length > 2 && f[2].equals("leader")) {
          leaders.add(f[0]);
        }
      }
      String leader = leaders.get(0);
      String register = null;
      for (String line : Files.readAllLines(truth.resolve("records.csv"))) {
        String[] f = line.split(",");
        if (f[0].equals("kvk-register") && f[3].equals(leader)) {
          register = f[1];
        }
      }
      assertThat(register).as("the leader is in the company register").isNotNull();
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      Assets assets = new Assets(store);
      Assets.Overview direct = assets.of(analyst, register, 3);
      Assets.Asset shares =
          direct.assets().stream()
              .filter(a -> a.kind().equals("company shares"))
              .findFirst()
              .orElseThrow();
      assertThat(shares.chain()).hasSize(1);
      assertThat(shares.chain().get(0).datasets()).containsExactly("kvk-register");
      assertThat(shares.chain().get(0).detail()).endsWith("%");

      new Resolving(store).resolve(analyst, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
      String canonical = null;
      for (Map.Entry<String, List<String>> c : store.resolutions().clusters(analyst).entrySet()) {
        if (c.getValue().contains(register)) {
          canonical = c.getKey();
        }
      }
      assertThat(canonical).as("the leader's records resolved together").isNotNull();
      Assets.Overview resolved = assets.of(analyst, canonical, 3);
      List<Assets.Asset> accounts =
          resolved.assets().stream().filter(a -> a.kind().equals("bank account")).toList();
      assertThat(accounts).as("his own account and his company's").hasSizeGreaterThanOrEqualTo(2);
      assertThat(accounts)
          .anySatisfy(
              a -> {
                assertThat(a.chain()).hasSize(2);
                assertThat(a.chain().get(0).relation()).isEqualTo("owns");
                assertThat(a.chain().get(1).datasets()).contains("fiod-bank");
              });
      assertThat(accounts)
          .as("the balance of the latest bank statement")
          .anySatisfy(a -> assertThat(a.value()).matches("EUR -?[0-9,]+\\.[0-9]{2} on 2025-12-31"));
      assertThatThrownBy(() -> assets.of(analyst, "no-such-entity", 3))
          .hasMessage("no entity 'no-such-entity' you may see");
      everyAssetOfTheTruthIsInItsLeadersOverview(store, analyst, truth);
    }
  }

  /**
   * Every asset {@code truth/assets.csv} ties to a leader (his home, his property company's houses,
   * warehouse and yacht, the house a relative holds for him) is in the overview of the leader's
   * resolved entity, with the value the register gives.
   */
  private static void everyAssetOfTheTruthIsInItsLeadersOverview(
      Store store, Viewer analyst, Path truth) throws IOException {
    Map<String, String> canonical = new HashMap<>();
    store
        .resolutions()
        .clusters(analyst)
        .forEach((id, members) -> members.forEach(m -> canonical.put(m, id)));
    Map<String, String> policeRecord = new HashMap<>();
    for (String line : Files.readAllLines(truth.resolve("records.csv"))) {
      String[] f = line.split(",");
      if (f[0].equals("politie-nl")) {
        policeRecord.putIfAbsent(f[3], f[1]);
      }
    }
    List<String> rows = Files.readAllLines(truth.resolve("assets.csv"));
    assertThat(rows).hasSizeGreaterThan(10);
    Assets assets = new Assets(store);
    Map<String, Set<String>> overviews = new HashMap<>();
    int checked = 0;
    for (String line : rows.subList(1, rows.size())) {
      String[] f = line.split(",");
      String leader = f[7];
      String record = policeRecord.get(leader);
      if (record == null) {
        continue; // a leader the police do not know is no subject to start from
      }
      String subject = canonical.getOrDefault(record, record);
      Set<String> ids =
          overviews.computeIfAbsent(
              subject,
              x ->
                  assets.of(analyst, x, 3).assets().stream()
                      .map(Assets.Asset::id)
                      .collect(Collectors.toSet()));
      assertThat(ids).as(f[0] + " of " + leader + " (" + f[6] + ")").contains(f[1]);
      checked++;
    }
    assertThat(checked).as("assets checked").isGreaterThanOrEqualTo((rows.size() - 1) * 3 / 4);
    assertThat(overviews).as("leaders checked").isNotEmpty();
  }
}
