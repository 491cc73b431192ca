package org.spil.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * Progress of long work on stderr: rewritten in place on a terminal, one line per step when {@code
 * SPIL_PROGRESS} is set (for logs and supervising scripts), silent otherwise so that pipes stay
 * clean.
 */
final class Progress implements LongConsumer {
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final boolean lines;
  private long start;
  private long startDone;
  private boolean shown;

  Progress(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
    this.lines = System.getenv("SPIL_PROGRESS") != null;
    this.enabled = lines || (System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public void accept(long done) {
    if (!enabled) {
      return;
    }
    if (!shown) {
      // the rate counts from the first report, so work that began later is not diluted
      start = System.nanoTime();
      startDone = done;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (lines) {
      err.printf("%s: %d (%.0f/s)%n", label, done, rate(done, seconds));
    } else {
      err.printf("\r%s: %,d (%.0f/s)   ", label, done, rate(done, seconds));
    }
    err.flush();
    shown = true;
  }

  private double rate(long done, double seconds) {
    return seconds <= 0 ? 0 : (done - startDone) / seconds;
  }

  void done() {
    if (shown && !lines) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
