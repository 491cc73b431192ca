package org.spil.analysis.goods;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What inspections teach targeting: for each indicator, of the inspected shipments that showed it,
 * how many held something, against the same rate over all inspected shipments. An indicator whose
 * shipments held something more often than the rest weighs more, one whose shipments held nothing
 * weighs less: its weight times the ratio of the two rates, each smoothed by one found and one
 * empty inspection (Laplace), kept between {@link #MIN_FACTOR} and {@link #MAX_FACTOR}, and only
 * once {@link #MIN_INSPECTED} inspected shipments showed it. Explained per indicator, so an analyst
 * sees why a weight moved.
 */
public final class Feedback {
  public static final int MIN_INSPECTED = 3;
  public static final double MIN_FACTOR = 0.25;
  public static final double MAX_FACTOR = 4;

  private Feedback() {}

  /** What the inspections say of one indicator: inspected, found, and the factor on its weight. */
  public record Lesson(Indicator indicator, int inspected, int found, double factor) {
    public String explanation() {
      return String.format(
          "weight x%.2f: found in %d of %d inspected showing it", factor, found, inspected);
    }
  }

  /**
   * The lessons of the inspected shipments among the scored ones ({@code found}: shipment id to
   * whether it held something), for the indicators at least {@link #MIN_INSPECTED} of them showed.
   */
  public static Map<Indicator, Lesson> learn(
      List<Targeting.Target> scored, Map<String, Boolean> found) {
    int inspected = 0;
    int held = 0;
    Map<Indicator, int[]> counts = new EnumMap<>(Indicator.class);
    for (Targeting.Target t : scored) {
      Boolean f = found.get(t.shipment());
      if (f == null) {
        continue;
      }
      inspected++;
      held += f ? 1 : 0;
      for (Targeting.Hit h : t.indicators()) {
        int[] c = counts.computeIfAbsent(Indicator.of(h.name()), k -> new int[2]);
        c[0]++;
        c[1] += f ? 1 : 0;
      }
    }
    double base = (held + 1.0) / (inspected + 2.0);
    Map<Indicator, Lesson> out = new EnumMap<>(Indicator.class);
    for (Map.Entry<Indicator, int[]> e : counts.entrySet()) {
      int n = e.getValue()[0];
      int f = e.getValue()[1];
      if (n < MIN_INSPECTED) {
        continue;
      }
      double rate = (f + 1.0) / (n + 2.0);
      double factor = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, rate / base));
      out.put(e.getKey(), new Lesson(e.getKey(), n, f, factor));
    }
    return out;
  }

  /** The weights with each lesson's factor applied. */
  public static Map<Indicator, Double> weights(
      Map<Indicator, Double> weights, Map<Indicator, Lesson> lessons) {
    Map<Indicator, Double> out = new EnumMap<>(weights);
    lessons.forEach((i, l) -> out.computeIfPresent(i, (k, w) -> w * l.factor()));
    return out;
  }

  /**
   * The targets with each hit's explanation saying how inspections moved its weight, where they
   * moved it (an indicator whose shipments held something as often as all inspected ones keeps its
   * weight, and its explanation stays as it was).
   */
  public static List<Targeting.Target> explained(
      List<Targeting.Target> targets, Map<Indicator, Lesson> lessons) {
    if (lessons.isEmpty()) {
      return targets;
    }
    List<Targeting.Target> out = new ArrayList<>(targets.size());
    for (Targeting.Target t : targets) {
      List<Targeting.Hit> hits = new ArrayList<>(t.indicators().size());
      for (Targeting.Hit h : t.indicators()) {
        Lesson l = lessons.get(Indicator.of(h.name()));
        hits.add(
            l == null || Math.abs(l.factor() - 1) < 0.005
                ? h
                : new Targeting.Hit(
                    h.name(), h.weight(), h.explanation() + " (" + l.explanation() + ")"));
      }
      out.add(
          new Targeting.Target(
              t.shipment(), t.label(), t.score(), List.copyOf(hits), t.inspection()));
    }
    return out;
  }
}
