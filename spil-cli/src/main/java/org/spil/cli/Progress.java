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
  private final long start = System.nanoTime();
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
    double seconds = (System.nanoTime() - start) / 1e9;
    if (lines) {
      err.printf("%s: %d (%.0f/s)%n", label, done, done / Math.max(seconds, 1e-3));
    } else {
      err.printf("\r%s: %,d (%.0f/s)   ", label, done, done / Math.max(seconds, 1e-3));
    }
    err.flush();
    shown = true;
  }

  void done() {
    if (shown && !lines) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
