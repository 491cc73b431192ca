package org.spil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores money-flow alerts against the laundering a scenario planted ({@code truth/patterns.csv}
 * and {@code truth/pattern_transactions.csv}) as the issue of money flows scores them: a pattern is
 * found when one alert of the typology that should find it covers at least half its payments; an
 * alert is right when at least half its payments belong to one planted pattern, of whatever kind (a
 * fan-in on the account smurfs feed is right too).
 */
public final class PlantedLaundering {
  /** The typology of the alerts that should find each kind of pattern the scenario plants. */
  public static final Map<String, String> DETECTED_AS =
      Map.of(
          "fan-in-smurfing", "structuring",
          "company-cycle", "temporal-cycle",
          "pass-through-mule", "pass-through",
          "mirror-transfer", "mirror-transfer",
          "crypto-off-ramp", "crypto-off-ramp");

  /** Per typology: patterns planted and found, alerts and right ones. */
  public record Score(int planted, int found, int alerts, int right) {
    public double recall() {
      return planted == 0 ? 1 : (double) found / planted;
    }

    public double precision() {
      return alerts == 0 ? 1 : (double) right / alerts;
    }
  }

  private final Map<String, String> typologyOf = new HashMap<>();
  private final Map<String, String> patternOf = new HashMap<>();
  private final Map<String, Integer> sizeOf = new HashMap<>();

  private PlantedLaundering() {}

  /** The planted patterns of a scenario's truth directory. */
  public static PlantedLaundering read(Path truth) throws IOException {
    PlantedLaundering p = new PlantedLaundering();
    List<String> patterns = Files.readAllLines(truth.resolve("patterns.csv"));
    for (String line : patterns.subList(1, patterns.size())) {
      String[] f = line.split(",", 3);
      p.typologyOf.put(f[0], DETECTED_AS.getOrDefault(f[1], f[1]));
    }
    List<String> rows = Files.readAllLines(truth.resolve("pattern_transactions.csv"));
    for (String line : rows.subList(1, rows.size())) {
      String[] f = line.split(",");
      p.patternOf.put(f[3], f[0]);
      p.sizeOf.merge(f[0], 1, Integer::sum);
    }
    return p;
  }

  /** The score of each typology planted or alerted on, by typology id. */
  public Map<String, Score> score(List<MoneyFlows.Alert> alerts) {
    Map<String, Set<String>> found = new TreeMap<>();
    Map<String, int[]> alertsRight = new TreeMap<>();
    for (MoneyFlows.Alert a : alerts) {
      Map<String, Integer> covered = new HashMap<>();
      a.payments().forEach(p -> covered.merge(patternOf.getOrDefault(p, "-"), 1, Integer::sum));
      int[] ar = alertsRight.computeIfAbsent(a.typology(), k -> new int[2]);
      ar[0]++;
      boolean right = false;
      for (Map.Entry<String, Integer> e : covered.entrySet()) {
        String pattern = e.getKey();
        if (pattern.equals("-")) {
          continue;
        }
        if (typologyOf.get(pattern).equals(a.typology())
            && 2 * e.getValue() >= sizeOf.get(pattern)) {
          found.computeIfAbsent(a.typology(), k -> new HashSet<>()).add(pattern);
        }
        right |= 2 * e.getValue() >= a.payments().size();
      }
      ar[1] += right ? 1 : 0;
    }
    Map<String, Integer> planted = new TreeMap<>();
    typologyOf.values().forEach(t -> planted.merge(t, 1, Integer::sum));
    Set<String> typologies = new TreeSet<>(planted.keySet());
    typologies.addAll(alertsRight.keySet());
    Map<String, Score> out = new TreeMap<>();
    for (String t : typologies) {
      int[] ar = alertsRight.getOrDefault(t, new int[2]);
      out.put(
          t,
          new Score(
              planted.getOrDefault(t, 0), found.getOrDefault(t, Set.of()).size(), ar[0], ar[1]));
    }
    return out;
  }
}
