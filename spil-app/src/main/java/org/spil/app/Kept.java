package org.spil.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * What a long-running front end (the server) keeps between requests, so that a question does not
 * read the warehouse again: the payment graphs of money flows, the shipments of the routes. One
 * value per set of readers who may see the same statements (team and scope), warehouse generation
 * and day, the few used last. A change to the warehouse (a batch, grant, approval or resolution) or
 * a new day makes a new key; the old value is no longer used and soon dropped.
 *
 * @param <T> what is kept
 */
public final class Kept<T> {
  private record Key(String team, String scope, long generation, LocalDate day) {}

  private final Store store;
  private final int most;
  private final Map<Key, T> kept = new LinkedHashMap<>(4, 0.75f, true);

  /** Keeps at most {@code most} values (at a million persons a payment graph is about 2 GB). */
  public Kept(Store store, int most) {
    this.store = store;
    this.most = most;
  }

  /** The viewer's value, kept or made now by {@code make}. */
  synchronized T get(Viewer viewer, Supplier<T> make) {
    Key key = new Key(viewer.team(), store.scopeKey(viewer), store.generation(), store.today());
    T value = kept.get(key);
    if (value == null) {
      value = make.get();
      kept.put(key, value);
      while (kept.size() > most) {
        kept.remove(kept.keySet().iterator().next());
      }
    }
    return value;
  }
}
