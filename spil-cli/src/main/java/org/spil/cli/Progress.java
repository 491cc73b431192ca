package org.spil.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * Progress of long work on stderr, rewritten in place on a terminal and silent otherwise (so that
 * logs and pipes stay clean).
 */
final class Progress implements LongConsumer {
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private boolean shown;

  Progress(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
    this.enabled = System.console() != null && System.getenv("CI") == null;
  }

  @Override
  public void accept(long done) {
    if (!enabled) {
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    err.printf("\r%s: %,d (%.0f/s)   ", label, done, done / Math.max(seconds, 1e-3));
    err.flush();
    shown = true;
  }

  void done() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
