package org.spil.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The payment graphs a long-running front end (the server) keeps between requests, so that a trace
 * or a scan does not read every payment again: one per set of readers who may see the same
 * statements (team and scope), warehouse generation and day, the two used last. A change to the
 * warehouse (a batch, grant, approval or resolution) or a new day makes a new key; the old graph is
 * no longer used and soon dropped.
 */
public final class FlowGraphs {
  /** How many graphs are kept: at a million persons one is about 2 GB of heap. */
  static final int KEPT = 2;

  private record Key(String team, String scope, long generation, LocalDate day) {}

  private final Store store;
  private final Map<Key, PaymentGraphs> kept = new LinkedHashMap<>(4, 0.75f, true);

  public FlowGraphs(Store store) {
    this.store = store;
  }

  /** The viewer's graphs, kept or made now by {@code make}. */
  synchronized PaymentGraphs get(Viewer viewer, Supplier<PaymentGraphs> make) {
    Key key = new Key(viewer.team(), store.scopeKey(viewer), store.generation(), store.today());
    PaymentGraphs g = kept.get(key);
    if (g == null) {
      g = make.get();
      kept.put(key, g);
      while (kept.size() > KEPT) {
        kept.remove(kept.keySet().iterator().next());
      }
    }
    return g;
  }
}
