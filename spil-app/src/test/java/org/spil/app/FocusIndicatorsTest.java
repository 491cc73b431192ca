package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.monitor.Detection;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * The focus indicators read from the bank's and the prosecution's data, on the scenario: the euros
 * paid into a country against a plain reading of the bank statements (camt.053) the bank delivered,
 * the criminal networks' presence abroad, and neither counted for a reader who may not see those
 * sources.
 */
class FocusIndicatorsTest {
  @TempDir Path tmp;

  private static final Pattern DAY = Pattern.compile("<BookgDt><Dt>([0-9-]{10})</Dt>");
  private static final Pattern ID = Pattern.compile("<EndToEndId>([^<]+)</EndToEndId>");
  private static final Pattern EUROS =
      Pattern.compile("<AmtDtls>.*?<Amt Ccy=\"EUR\">([0-9.]+)</Amt>.*?</AmtDtls>", Pattern.DOTALL);
  private static final Pattern FROM = Pattern.compile("<DbtrAcct><Id><IBAN>([A-Z]{2})");
  private static final Pattern TO = Pattern.compile("<CdtrAcct><Id><IBAN>([A-Z]{2})");

  /** The first group of a pattern in a text, or null. */
  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void paymentsIntoACountryAndNetworksThereAreCountedForTheirReadersOnly() throws Exception {
    Path dir = tmp.resolve("w");
    try (Store store =
        Scenario.warehouse(3_000, 1, dir, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      new Administration(store)
          .addUser(
              new Operator("test"),
              "kmar.analist",
              "kmar",
              List.of("analyst"),
              "kmar-analist-pw-2026".toCharArray());
      String quarter = "2024Q4";
      // the oracle: every payment of the bank's statements once, into a country from elsewhere
      Map<String, String[]> payments = new HashMap<>();
      try (Stream<Path> files = Files.list(dir.resolve("scenario/fiod-bank/afschriften"))) {
        for (Path f : files.toList()) {
          for (String entry : Files.readString(f).split("<Ntry>")) {
            // a payment between two banks' customers is in both statements: its euros, instructed
            // or transferred, are the same in each
            String id = first(ID, entry);
            String euros = first(EUROS, entry);
            if (id != null && euros != null) {
              payments.put(
                  id,
                  new String[] {
                    first(DAY, entry), euros, String.valueOf(first(FROM, entry)), first(TO, entry)
                  });
            }
          }
        }
      }
      Map<String, Double> into = new HashMap<>();
      for (String[] p : payments.values()) {
        String to = p[3] == null ? "" : p[3].toLowerCase(java.util.Locale.ROOT);
        if (!p[2].equalsIgnoreCase(to)
            && !to.isEmpty()
            && !to.equals("nl")
            && !to.equals("be")
            && Trends.period(java.time.LocalDate.parse(p[0]), org.spil.store.Tallies.Period.QUARTER)
                .equals(quarter)) {
          into.merge(to, Double.parseDouble(p[1]), Double::sum);
        }
      }
      assertThat(into)
          .as("the scenario pays into the Emirates and Turkey")
          .containsKeys("ae", "tr");

      Viewer police = store.viewer("bench", Scenario.CASE);
      Map<String, Map<String, Double>> shown = indicators(store, police, quarter);
      for (Map.Entry<String, Double> e : into.entrySet()) {
        assertThat(shown.getOrDefault(e.getKey(), Map.of()).getOrDefault("payments", 0.0))
            .as("euros into %s", e.getKey())
            .isCloseTo(e.getValue(), within(0.01));
      }
      assertThat(shown.values().stream().filter(m -> m.containsKey("payments")).count())
          .isEqualTo(into.size());
      // the suspects in the prosecution's cases meet their firms abroad through resolution: the
      // police's and the bank's records of the same people merged
      new Resolving(store).resolve(police, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
      shown = indicators(store, police, quarter);
      assertThat(shown.getOrDefault("ae", Map.of()).getOrDefault("networks", 0.0))
          .as("the networks' firms in the Emirates")
          .isPositive();

      // the border police read neither the bank's statements nor the prosecution's cases
      Map<String, Map<String, Double>> border =
          indicators(store, store.viewer("kmar.analist", "wpg-art-8"), quarter);
      assertThat(border).as("the border police rank countries on their crossings").isNotEmpty();
      assertThat(border.values())
          .allSatisfy(
              m ->
                  assertThat(m.keySet())
                      .doesNotContain("payments", "networks", "requests", "pending"));
    }
  }

  /** Per country, the indicators' values of a quarter as the ranking gives them to a viewer. */
  private static Map<String, Map<String, Double>> indicators(
      Store store, Viewer viewer, String quarter) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (FocusCountries.Ranked r :
        new FocusCountries(store)
            .rank(
                viewer,
                quarter,
                0,
                FocusCountries.weights(store.dir(), null),
                Detection.defaults())) {
      for (var reason : r.reasons()) {
        out.computeIfAbsent(r.country(), k -> new HashMap<>())
            .put(reason.indicator(), reason.value());
      }
    }
    return out;
  }
}
