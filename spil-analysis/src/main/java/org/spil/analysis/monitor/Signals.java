package org.spil.analysis.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Change detection over series, period by period as a monitor would have run it: the online
 * change-point detector and the seasonal count alarm propose changes, each at the period it would
 * have called them; binary segmentation of the counts known then confirms a proposal when it puts a
 * change between the proposed start and the call, or within {@code tolerance} periods of them (a
 * noise spike it does not); the calls of one series that start within that tolerance are one
 * signal, with every detector that made them. Series with fewer events than {@code min-total} are
 * not judged: a handful of events says nothing about change; nor is a change that starts within the
 * first {@code warmup} periods, where the series' baseline forms (data that begins mid-flow,
 * returns of trips before it).
 */
public final class Signals {
  private Signals() {}

  /** The signals of every series, in the order of the periods they start, then by series. */
  public static List<Signal> detect(List<Series> all, Detection d) {
    List<Signal> out = new ArrayList<>();
    for (Series s : all) {
      out.addAll(of(s, d));
    }
    out.sort(
        (a, b) -> {
          int c = a.start().compareTo(b.start());
          return c != 0 ? c : a.series().title().compareTo(b.series().title());
        });
    return out;
  }

  /** The signals of one series. */
  public static List<Signal> of(Series s, Detection d) {
    double[] x = s.values();
    int n = x.length;
    List<Signal> out = new ArrayList<>();
    if (s.total() < d.get("min-total") || n <= d.whole("warmup")) {
      return out;
    }
    int warmup = d.whole("warmup");
    List<OnlineChangePoints.Change> changes =
        OnlineChangePoints.all(x, d.get("hazard"), d.get("probability"), warmup);
    // proposals in the order they were called: {called, start, detector (0 online, 1 alarm)}
    List<int[]> proposals = new ArrayList<>();
    changes.forEach(c -> proposals.add(new int[] {c.calledAt(), c.start(), 0}));
    CountAlarm.Settings alarm = d.alarm();
    boolean alarming = false;
    for (int t = warmup; t < n; t++) {
      int regime = 0;
      for (OnlineChangePoints.Change c : changes) {
        if (c.calledAt() < t) {
          regime = c.start();
        }
      }
      CountAlarm.Alarm a = CountAlarm.at(x, t, regime, alarm);
      if (a != null && !alarming) {
        proposals.add(new int[] {t, t, 1});
      }
      alarming = a != null;
    }
    proposals.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : p[2] - q[2]);
    int tolerance = d.whole("tolerance");
    int minLength = d.whole("min-length");
    // the changes confirmed, each as first called: its split, the period called, the known counts
    List<Segmentation.Split> splits = new ArrayList<>();
    List<Integer> calls = new ArrayList<>();
    List<TreeSet<String>> detectors = new ArrayList<>();
    for (int[] p : proposals) {
      // judged once the new level has held the shortest segment: a change can only be seen to
      // start where it has run that long
      // and judged again each period up to the tolerance, as evidence accumulates
      int earliest = Math.max(p[0], p[1] + minLength - 1);
      Segmentation.Split split = null;
      int judged = earliest;
      for (; judged < n && judged <= earliest + tolerance && split == null; judged++) {
        split = confirmed(x, judged, p[1], p[0], tolerance, minLength, d.get("penalty"));
      }
      judged--;
      if (split == null || split.at() < warmup) {
        // a change within the first periods is how the baseline formed, not news
        continue;
      }
      String detector = p[2] == 0 ? "online change points" : "seasonal count alarm";
      int last = splits.size() - 1;
      // calls of one change: near in time and the same way (a drop and the rise after it are two)
      if (last >= 0
          && Math.abs(split.at() - splits.get(last).at()) <= tolerance
          && up(split) == up(splits.get(last))) {
        detectors.get(last).add(detector);
        continue;
      }
      splits.add(split);
      calls.add(judged);
      detectors.add(new TreeSet<>(List.of(detector, "binary segmentation")));
    }
    boolean[] absorbed = new boolean[splits.size()];
    for (Slopes.Ramp ramp : ramps(x, splits, calls, d)) {
      TreeSet<String> found = new TreeSet<>(List.of("slope change"));
      int called = ramp.last();
      // the steps of the ramp called after it are the ramp going on, not news
      for (int i = 0; i < splits.size(); i++) {
        Segmentation.Split sp = splits.get(i);
        if (calls.get(i) > called && sp.at() >= ramp.at() && up(sp) == ramp.slope() > 0) {
          boolean turned = false;
          for (int j = 0; j < i; j++) {
            turned |= calls.get(j) > called && up(splits.get(j)) != ramp.slope() > 0;
          }
          if (!turned) {
            absorbed[i] = true;
            found.addAll(detectors.get(i));
          }
        }
      }
      out.add(rampSignal(s, ramp, s.periods().get(called), found, x, d));
    }
    for (int i = 0; i < splits.size(); i++) {
      if (absorbed[i]) {
        continue;
      }
      double[] known = java.util.Arrays.copyOf(x, calls.get(i) + 1);
      out.add(signal(s, splits.get(i), s.periods().get(calls.get(i)), detectors.get(i), known, d));
    }
    out.sort((a, b) -> a.start().compareTo(b.start()));
    return out;
  }

  /**
   * The ramps of a series, each called at the first period it is seen, on the counts since the last
   * confirmed change the other way (or the emergence of the flow): a rising ramp spans the steps up
   * that segmentation confirmed within it. One ramp a direction until a change the other way.
   */
  private static List<Slopes.Ramp> ramps(
      double[] x, List<Segmentation.Split> splits, List<Integer> calls, Detection d) {
    List<Slopes.Ramp> out = new ArrayList<>();
    int warmup = d.whole("warmup");
    int minRamp = d.whole("min-ramp");
    double penalty = d.get("penalty");
    int[] calledFrom = {-1, -1}; // per direction (0 up, 1 down): the regime a ramp was called in
    for (int t = warmup; t < x.length; t++) {
      double dispersion = Segmentation.dispersion(java.util.Arrays.copyOf(x, t + 1));
      for (int dir = 0; dir < 2; dir++) {
        boolean rising = dir == 0;
        int from = 0;
        for (int i = 0; i < splits.size(); i++) {
          Segmentation.Split sp = splits.get(i);
          if (calls.get(i) <= t && (up(sp) != rising || sp.before() < d.nothing())) {
            from = Math.max(from, sp.at());
          }
        }
        if (calledFrom[dir] == from) {
          continue;
        }
        Slopes.Ramp r = Slopes.of(x, from, t, minRamp, penalty, dispersion);
        if (r != null && r.slope() > 0 == rising && r.at() >= warmup) {
          out.add(r);
          calledFrom[dir] = from;
        }
      }
    }
    return out;
  }

  private static Signal rampSignal(
      Series s,
      Slopes.Ramp ramp,
      String called,
      TreeSet<String> detectors,
      double[] x,
      Detection d) {
    String kind = ramp.slope() > 0 ? "growth" : "decline";
    double strength = strength(ramp.gain(), java.util.Arrays.copyOf(x, ramp.last() + 1), d);
    String start = s.periods().get(ramp.at());
    String explanation =
        String.format(
            Locale.ROOT,
            "%s: %s %s a %s since %s, from %s to %s by %s; called in %s by %s",
            s.title(),
            ramp.slope() > 0 ? "rising" : "falling",
            amount(Math.abs(ramp.slope())),
            d.period(),
            start,
            amount(ramp.level()),
            amount(Math.max(0, ramp.reached())),
            s.periods().get(ramp.last()),
            called,
            String.join(", ", detectors));
    return signal(
        s,
        kind,
        start,
        called,
        ramp.level(),
        Math.max(0, ramp.reached()),
        strength,
        detectors,
        explanation);
  }

  /** The evidence of a change as a multiple of the price of one, in tenths. */
  private static double strength(double gain, double[] known, Detection d) {
    double price =
        d.get("penalty") * Math.log(Math.max(known.length, 2)) * Segmentation.dispersion(known);
    return Math.round(20 * gain / Math.max(price, 1e-9)) / 10.0;
  }

  private static Signal signal(
      Series s,
      String kind,
      String start,
      String called,
      double before,
      double after,
      double strength,
      TreeSet<String> detectors,
      String explanation) {
    return new Signal(
        s,
        kind,
        start,
        called,
        Math.round(before * 100) / 100.0,
        Math.round(after * 100) / 100.0,
        strength,
        List.copyOf(detectors),
        explanation);
  }

  /**
   * The segmentation's change nearest a proposal (its start, the period it was called at), of the
   * counts known at a period.
   */
  private static Segmentation.Split confirmed(
      double[] x, int judged, int start, int called, int tolerance, int minLength, double penalty) {
    Segmentation.Split split = null;
    for (Segmentation.Split sp :
        Segmentation.of(java.util.Arrays.copyOf(x, judged + 1), penalty, minLength)) {
      int off = away(sp.at(), start, called);
      if (off <= tolerance && (split == null || off < away(split.at(), start, called))) {
        split = sp;
      }
    }
    return split;
  }

  /** Whether a change is upwards. */
  private static boolean up(Segmentation.Split split) {
    return split.after() > split.before();
  }

  /**
   * How far a period lies from a proposal: 0 between its start and the period it was called at,
   * else the periods to the nearer of the two.
   */
  private static int away(int at, int start, int called) {
    return at < start ? start - at : at > called ? at - called : 0;
  }

  private static Signal signal(
      Series s,
      Segmentation.Split split,
      String called,
      TreeSet<String> detectors,
      double[] known,
      Detection d) {
    String kind =
        split.before() < d.nothing()
            ? "emergence"
            : split.after() > split.before() ? "rise" : "drop";
    double strength = strength(split.gain(), known, d);
    String start = s.periods().get(split.at());
    String explanation =
        String.format(
            Locale.ROOT,
            "%s: %s a %s before %s, %s since (%s); called in %s by %s",
            s.title(),
            amount(split.before()),
            d.period(),
            start,
            amount(split.after()),
            kind.equals("emergence")
                ? "new"
                : String.format(
                    Locale.ROOT,
                    "%+.0f%%",
                    100 * (split.after() - split.before()) / split.before()),
            called,
            String.join(", ", detectors));
    return signal(
        s, kind, start, called, split.before(), split.after(), strength, detectors, explanation);
  }

  private static String amount(double v) {
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
