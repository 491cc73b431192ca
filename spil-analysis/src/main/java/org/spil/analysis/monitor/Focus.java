package org.spil.analysis.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Focus countries: an explainable ranking of countries per quarter from named indicators, as a
 * SOCTA ranks threats. Each indicator's values in a quarter are normalised by the largest of any
 * country that quarter (so each lies in 0..1 and the leader of an indicator scores its weight),
 * weighted (weights in one file), and summed; the ranking says for each country what moved it (its
 * indicators' shares of the score, with their values) and how stable its rank is: the best and
 * worst rank it takes when any one weight is halved or doubled.
 */
public final class Focus {
  private Focus() {}

  /**
   * An indicator: its name, how a value is said ("%s shipments into Dutch and Belgian ports"), and
   * per country its value in each quarter (in the order of the quarters given).
   */
  public record Indicator(String name, String wording, Map<String, double[]> values) {}

  /** What an indicator gives a country in a quarter: its value, share of the score, and words. */
  public record Reason(String indicator, double value, double contribution, String explanation) {}

  /**
   * A country's place in a quarter: rank (1 first), score, the best and worst rank under any one
   * weight halved or doubled, and the reasons, largest contribution first.
   */
  public record Place(
      String quarter,
      String country,
      int rank,
      double score,
      int bestRank,
      int worstRank,
      List<Reason> reasons) {}

  /**
   * The ranking of every quarter, each country with a score above 0, highest first (ties by country
   * code).
   */
  public static List<Place> rank(
      List<String> quarters, List<Indicator> indicators, Map<String, Double> weights) {
    List<Place> out = new ArrayList<>();
    TreeSet<String> countries = new TreeSet<>();
    indicators.forEach(i -> countries.addAll(i.values().keySet()));
    for (int q = 0; q < quarters.size(); q++) {
      Map<String, double[]> normalised = normalised(indicators, countries, q);
      Map<String, Double> score = scores(indicators, normalised, weights, null, 1);
      List<String> order = order(score);
      // the rank of each country when one weight is halved or doubled
      Map<String, int[]> range = new LinkedHashMap<>();
      order.forEach(c -> range.put(c, new int[] {Integer.MAX_VALUE, 0}));
      for (Indicator i : indicators) {
        for (double factor : new double[] {0.5, 2}) {
          List<String> moved = order(scores(indicators, normalised, weights, i.name(), factor));
          for (int r = 0; r < moved.size(); r++) {
            int[] rr = range.get(moved.get(r));
            if (rr != null) {
              rr[0] = Math.min(rr[0], r + 1);
              rr[1] = Math.max(rr[1], r + 1);
            }
          }
        }
      }
      for (int r = 0; r < order.size(); r++) {
        String c = order.get(r);
        List<Reason> reasons = new ArrayList<>();
        for (int k = 0; k < indicators.size(); k++) {
          Indicator i = indicators.get(k);
          double value = i.values().getOrDefault(c, new double[quarters.size()])[q];
          double part = weight(weights, i.name()) * normalised.get(c)[k];
          if (part > 0) {
            reasons.add(
                new Reason(
                    i.name(),
                    value,
                    Math.round(part * 1000) / 1000.0,
                    String.format(Locale.ROOT, i.wording(), number(value))));
          }
        }
        reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        int[] rr = range.get(c);
        out.add(
            new Place(
                quarters.get(q),
                c,
                r + 1,
                Math.round(score.get(c) * 1000) / 1000.0,
                Math.min(rr[0], r + 1),
                Math.max(rr[1], r + 1),
                reasons));
      }
    }
    return out;
  }

  private static Map<String, double[]> normalised(
      List<Indicator> indicators, TreeSet<String> countries, int q) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String c : countries) {
      out.put(c, new double[indicators.size()]);
    }
    for (int k = 0; k < indicators.size(); k++) {
      double most = 0;
      for (double[] v : indicators.get(k).values().values()) {
        most = Math.max(most, v[q]);
      }
      if (most <= 0) {
        continue;
      }
      for (Map.Entry<String, double[]> e : indicators.get(k).values().entrySet()) {
        out.get(e.getKey())[k] = Math.max(0, e.getValue()[q]) / most;
      }
    }
    return out;
  }

  private static Map<String, Double> scores(
      List<Indicator> indicators,
      Map<String, double[]> normalised,
      Map<String, Double> weights,
      String moved,
      double factor) {
    Map<String, Double> out = new LinkedHashMap<>();
    normalised.forEach(
        (c, n) -> {
          double s = 0;
          for (int k = 0; k < indicators.size(); k++) {
            String name = indicators.get(k).name();
            s += weight(weights, name) * (name.equals(moved) ? factor : 1) * n[k];
          }
          if (s > 0) {
            out.put(c, s);
          }
        });
    return out;
  }

  private static List<String> order(Map<String, Double> score) {
    List<String> order = new ArrayList<>(score.keySet());
    order.sort(
        Comparator.comparingDouble((String c) -> score.get(c))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return order;
  }

  private static double weight(Map<String, Double> weights, String name) {
    return weights.getOrDefault(name, 1.0);
  }

  private static String number(double v) {
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.1f", v);
  }
}
