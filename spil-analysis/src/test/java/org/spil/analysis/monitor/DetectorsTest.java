package org.spil.analysis.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The detectors on series with known change points: a step planted in Poisson noise is found within
 * the tolerance of its month, by each detector and by {@link Signals}; flat noise raises no signal
 * but at the rate the defaults promise (fewer than one per 20 series-years, measured on a thousand
 * series); a new flow from nothing is an emergence; thresholds from a file, and its errors.
 */
class DetectorsTest {
  private static final Detection DEFAULTS = Detection.defaults();

  /** Poisson counts: {@code before} a period up to {@code at}, {@code after} from it. */
  static double[] step(Random r, int n, int at, double before, double after) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = poisson(r, i < at ? before : after);
    }
    return x;
  }

  static double poisson(Random r, double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
    }
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static Series series(double[] x) {
    List<String> months = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      months.add(String.format("%d-%02d", 2023 + i / 12, i % 12 + 1));
    }
    return new Series("shipments", "port", "TGLFW", months, x);
  }

  @Property(tries = 200, seed = "20261207")
  void aStepInNoiseIsFoundNearItsMonth(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 10, max = 30) int at,
      @ForAll @DoubleRange(min = 5, max = 400) double level,
      @ForAll @DoubleRange(min = 2.2, max = 4) double factor,
      @ForAll boolean up) {
    Random r = new Random(seed);
    double after = up ? level * factor : level / factor;
    // a clear step: six Poisson spreads of the lower level a month
    Assume.that(Math.abs(after - level) >= 6 * Math.sqrt(Math.min(level, after)));
    double[] x = step(r, 36, at, level, after);
    List<Signal> signals = Signals.of(series(x), DEFAULTS);
    assertThat(signals)
        .as("a step from %.0f to %.0f at %d", level, after, at)
        .anySatisfy(
            s -> {
              int start = series(x).periods().indexOf(s.start());
              assertThat(Math.abs(start - at)).isLessThanOrEqualTo(2);
              assertThat(s.kind()).isEqualTo(up ? "rise" : "drop");
              assertThat(series(x).periods().indexOf(s.called())).isBetween(at, at + 3);
            });
    List<Segmentation.Split> splits = Segmentation.of(x, 3, 2);
    assertThat(splits).anySatisfy(sp -> assertThat(Math.abs(sp.at() - at)).isLessThanOrEqualTo(2));
  }

  @Property(tries = 100, seed = "20261207")
  void aNewFlowIsAnEmergenceCalledWithinTwoMonths(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 8, max = 32) int at,
      @ForAll @DoubleRange(min = 8, max = 200) double level) {
    // a flow of eight a month or more: at four, two empty months after the first happen (one run
    // in three thousand), and no monitor could call it within two
    // enough events after the start to be judged at all (the min-total)
    Assume.that(level * (36 - at) >= 2 * DEFAULTS.get("min-total"));
    double[] x = step(new Random(seed), 36, at, 0, level);
    x[at] = Math.max(x[at], 3);
    List<Signal> signals = Signals.of(series(x), DEFAULTS);
    assertThat(signals).isNotEmpty();
    Signal s = signals.get(0);
    assertThat(s.kind()).isEqualTo("emergence");
    assertThat(series(x).periods().indexOf(s.start())).isEqualTo(at);
    assertThat(series(x).periods().indexOf(s.called())).isBetween(at, at + 2);
    assertThat(s.detectors()).contains("binary segmentation");
  }

  @Property(tries = 150, seed = "20261207")
  void aRampInNoiseIsOneTrendCalledWithinAFewMonthsOfItsRun(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 8, max = 22) int at,
      @ForAll @DoubleRange(min = 20, max = 2000) double level,
      @ForAll @DoubleRange(min = 0.8, max = 3) double spreads,
      @ForAll boolean up) {
    // a level, then a change of a little under to a few Poisson spreads every month, for as long
    // as the series runs (falling no lower than a tenth of the level)
    double slope = (up ? 1 : -1) * spreads * Math.sqrt(level);
    Assume.that(level + slope * (36 - at) >= level / 10);
    Random r = new Random(seed);
    double[] x = new double[36];
    for (int i = 0; i < x.length; i++) {
      x[i] = poisson(r, level + slope * Math.max(0, i - at + 1));
    }
    Series s = series(x);
    List<Signal> signals = Signals.of(s, DEFAULTS);
    String kind = up ? "growth" : "decline";
    List<Signal> trends = signals.stream().filter(g -> g.kind().equals(kind)).toList();
    assertThat(trends).as("%s", signals).hasSize(1);
    Signal trend = trends.get(0);
    int start = s.periods().indexOf(trend.start());
    int called = s.periods().indexOf(trend.called());
    assertThat(start).as(trend.explanation()).isBetween(at - 4, at + 4);
    assertThat(called).as(trend.explanation()).isBetween(at + 1, at + 12);
    assertThat(trend.detectors()).contains("slope change");
    // the steps it takes after it is called are the trend going on, not news of their own
    assertThat(signals)
        .filteredOn(g -> s.periods().indexOf(g.called()) > called)
        .noneMatch(g -> g.kind().equals(up ? "rise" : "drop"));
    // and no signal the other way
    assertThat(signals)
        .noneMatch(
            g ->
                g.kind().equals(up ? "drop" : "rise")
                    || g.kind().equals(up ? "decline" : "growth"));
  }

  static Series weeks(double[] x) {
    List<String> weeks = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      weeks.add(String.format("%d-W%02d", 2023 + i / 52, i % 52 + 1));
    }
    return new Series("shipments", "port", "TGLFW", weeks, x);
  }

  @Test
  void weeklyFlatNoiseRaisesFewerThanOneSignalPerTwentySeriesYears() {
    Random r = new Random(20261207);
    Detection weekly = DEFAULTS.weekly();
    int signals = 0;
    int series = 300;
    for (int i = 0; i < series; i++) {
      double level = 1 + r.nextDouble() * 120;
      signals += Signals.of(weeks(step(r, 156, 156, level, level)), weekly).size();
    }
    assertThat(signals / (series * 3.0)).as("%d signals", signals).isLessThan(1 / 20.0);
  }

  @Property(tries = 60, seed = "20261207")
  void aStepInWeeklyNoiseIsFoundWithinTwoMonths(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 40, max = 130) int at,
      @ForAll @DoubleRange(min = 3, max = 100) double level,
      @ForAll boolean up) {
    double after = up ? level * 3 : level / 3;
    Assume.that(Math.abs(after - level) >= 6 * Math.sqrt(Math.min(level, after)));
    double[] x = step(new Random(seed), 156, at, level, after);
    Series s = weeks(x);
    List<Signal> signals = Signals.of(s, DEFAULTS.weekly());
    assertThat(signals)
        .as("a step from %.0f to %.0f at week %d", level, after, at)
        .anySatisfy(
            g -> {
              assertThat(Math.abs(s.periods().indexOf(g.start()) - at)).isLessThanOrEqualTo(4);
              assertThat(g.kind()).isEqualTo(up ? "rise" : "drop");
              assertThat(s.periods().indexOf(g.called())).isBetween(at, at + 9);
              assertThat(g.explanation()).contains(" a week before ");
            });
  }

  @Test
  void aStepIsNoTrend() {
    Random r = new Random(20261207);
    int trends = 0;
    for (int i = 0; i < 300; i++) {
      double level = 20 + r.nextDouble() * 500;
      double[] x = step(r, 36, 10 + r.nextInt(16), level, level * (r.nextBoolean() ? 2.5 : 0.4));
      trends +=
          (int)
              Signals.of(series(x), DEFAULTS).stream()
                  .filter(g -> g.kind().equals("growth") || g.kind().equals("decline"))
                  .count();
    }
    assertThat(trends).as("trends called on 300 steps").isLessThanOrEqualTo(6);
  }

  @Test
  void flatNoiseRaisesFewerThanOneSignalPerTwentySeriesYears() {
    Random r = new Random(20261206);
    int signals = 0;
    int series = 1000;
    for (int i = 0; i < series; i++) {
      double level = 3 + r.nextDouble() * 500;
      signals += Signals.of(series(step(r, 36, 36, level, level)), DEFAULTS).size();
    }
    double seriesYears = series * 3.0;
    assertThat(signals / seriesYears).as("%d signals", signals).isLessThan(1 / 20.0);
  }

  @Test
  void theOnlineDetectorCallsAChangeOnlyAfterItHappens() {
    double[] x = step(new Random(3), 36, 18, 20, 60);
    OnlineChangePoints.Change c = OnlineChangePoints.first(x, 1 / 60.0, 0.9, 6);
    assertThat(c).isNotNull();
    assertThat(c.start()).isBetween(17, 19);
    assertThat(c.calledAt()).isBetween(18, 20);
    assertThat(c.after()).isGreaterThan(2 * c.before());
    // what it says at the call depends on nothing after it
    double[] cut = java.util.Arrays.copyOf(x, c.calledAt() + 1);
    assertThat(OnlineChangePoints.first(cut, 1 / 60.0, 0.9, 6)).isEqualTo(c);
  }

  @Test
  void theCountAlarmComparesASeasonWithTheSameSeasonAYearBefore() {
    // a summer peak every year: the alarm knows it from the year before
    double[] x = new double[36];
    for (int i = 0; i < 36; i++) {
      x[i] = i % 12 == 6 || i % 12 == 7 ? 100 : 20;
    }
    CountAlarm.Settings s = DEFAULTS.alarm();
    assertThat(CountAlarm.at(x, 18, 0, s)).as("the second summer").isNull();
    assertThat(CountAlarm.at(x, 30, 0, s)).as("the third summer").isNull();
    x[25] = 100;
    assertThat(CountAlarm.at(x, 25, 0, s)).as("a peak out of season").isNotNull();
  }

  @Test
  void thresholdsComeFromAFileAndABadLineIsRefused() {
    Detection d = DEFAULTS.parse("# stricter\nz = 5\n\npenalty = 4 # per change\n", "t.settings");
    assertThat(d.get("z")).isEqualTo(5);
    assertThat(d.get("penalty")).isEqualTo(4);
    assertThat(d.get("hazard")).isEqualTo(DEFAULTS.get("hazard"));
    assertThat(d.describe()).contains("z", "= 5", "spreads above the expected count");
    assertThatThrownBy(() -> DEFAULTS.parse("zz = 5", "t.settings"))
        .hasMessageContaining("t.settings, line 1")
        .hasMessageContaining("no threshold 'zz'");
    assertThatThrownBy(() -> DEFAULTS.parse("\nhazard = 1.5", "t.settings"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("probability");
    assertThatThrownBy(() -> DEFAULTS.parse("window = 1.5", "t.settings"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> DEFAULTS.parse("z 5", "t.settings"))
        .hasMessageContaining("expected 'threshold = value'");
  }
}
