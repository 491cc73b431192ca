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
    for (int i = 0; i < splits.size(); i++) {
      double[] known = java.util.Arrays.copyOf(x, calls.get(i) + 1);
      out.add(signal(s, splits.get(i), s.periods().get(calls.get(i)), detectors.get(i), known, d));
    }
    return out;
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
        split.before() < 0.5 ? "emergence" : split.after() > split.before() ? "rise" : "drop";
    double price =
        d.get("penalty") * Math.log(Math.max(known.length, 2)) * Segmentation.dispersion(known);
    double strength = Math.round(20 * split.gain() / Math.max(price, 1e-9)) / 10.0;
    String start = s.periods().get(split.at());
    String explanation =
        String.format(
            Locale.ROOT,
            "%s: %s a month before %s, %s since (%s); called in %s by %s",
            s.title(),
            amount(split.before()),
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
    return new Signal(
        s,
        kind,
        start,
        called,
        Math.round(split.before() * 100) / 100.0,
        Math.round(split.after() * 100) / 100.0,
        strength,
        List.copyOf(detectors),
        explanation);
  }

  private static String amount(double v) {
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
