package org.spil.app;

import java.util.function.Supplier;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The payment graphs the server keeps between requests ({@link Kept}), so that a trace or a scan
 * does not read every payment again: the two used last, at a million persons about 2 GB of heap
 * each.
 */
public final class FlowGraphs {
  /** How many graphs are kept. */
  static final int KEPT = 2;

  private final Kept<PaymentGraphs> kept;

  public FlowGraphs(Store store) {
    this.kept = new Kept<>(store, KEPT);
  }

  /** The viewer's graphs, kept or made now by {@code make}. */
  PaymentGraphs get(Viewer viewer, Supplier<PaymentGraphs> make) {
    return kept.get(viewer, make);
  }
}
