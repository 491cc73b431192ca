package org.spil.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.spil.analysis.network.Network;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.policy.Viewer;
import org.spil.store.Snapshot;
import org.spil.store.Store;

/**
 * The network projections the server keeps, one per team, scope, link types, warehouse generation
 * and day. A projection is made on a thread of its own from a {@link Snapshot} of the warehouse, so
 * that its minutes at a million persons hold no lock a judgement, a login or an ingest would wait
 * for. After the warehouse changes (a batch, a judgement, a grant), a reader whose scope still
 * holds everything an older projection was made from gets that one, marked as not current, while
 * the new one is made; a reader who may no longer see all of it (a purge, a revoked grant, the
 * day's retention) waits for the new one. Kept projections take at most {@link #HEAP_SHARE} of the
 * heap together; the least recently used go first, the newest always stays.
 */
final class Projections implements AutoCloseable {
  /** The share of the heap that kept projections may take together. */
  static final double HEAP_SHARE = 0.5;

  private final Store store;
  private final StoreAccess access;
  private final long budget;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "spil-projection");
            t.setDaemon(true);
            return t;
          });

  /** What a projection is of: readers with equal keys read the same network. */
  private record Key(String team, String scope, String links, long generation, LocalDate day) {
    /** Whether a projection of this key may stand in for one of {@code other} until it is made. */
    boolean sameReaders(Key other) {
      return team.equals(other.team) && links.equals(other.links) && day.equals(other.day);
    }
  }

  /** A kept projection: the network, the snapshot it was made from, when, and its size. */
  private record Kept(Key key, Network network, Snapshot basis, Instant made, long bytes) {}

  /**
   * A projection for a reader, whether it is of the warehouse as it is now, and when it was made.
   */
  record Answer(Network network, boolean current, Instant made) {}

  private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<Key, Future<Kept>> making = new HashMap<>();
  private int made;

  Projections(Store store, StoreAccess access) {
    this(store, access, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
  }

  Projections(Store store, StoreAccess access, long budget) {
    this.store = store;
    this.access = access;
    this.budget = budget;
  }

  /** Projections made since the server started. */
  synchronized int made() {
    return made;
  }

  /**
   * The reader's network of the links the filter keeps: the current projection, or, unless {@code
   * current} is asked for, an older one the reader may still read all of while the current one is
   * made, or the current one once made. Waits outside the store's lock.
   */
  Answer get(Viewer viewer, LinkFilter links, boolean current) throws Exception {
    Object found = access.read(() -> find(viewer, links, current));
    if (found instanceof Answer a) {
      return a;
    }
    @SuppressWarnings("unchecked")
    Future<Kept> pending = (Future<Kept>) found;
    try {
      Kept k = pending.get();
      return new Answer(k.network(), true, k.made());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Under the store's read lock: the answer when one may be given now, else the projection being
   * made (started here, from a snapshot taken under the lock).
   */
  private synchronized Object find(Viewer viewer, LinkFilter links, boolean current) {
    Key key =
        new Key(
            viewer.team(), store.scopeKey(viewer), links.key(), store.generation(), store.today());
    Kept now = kept.get(key);
    if (now != null) {
      return new Answer(now.network(), true, now.made());
    }
    Future<Kept> pending = making.get(key);
    if (pending == null) {
      pending = start(key, viewer, links);
    }
    Kept stale = null;
    for (Kept k : current ? List.<Kept>of() : kept.values()) {
      if (k.key().sameReaders(key)
          && (stale == null || k.made().isAfter(stale.made()))
          && store.stillSees(viewer, k.basis())) {
        stale = k;
      }
    }
    if (stale != null) {
      // used: the last to go when projections must make room
      kept.get(stale.key());
      return new Answer(stale.network(), false, stale.made());
    }
    return pending;
  }

  private Future<Kept> start(Key key, Viewer viewer, LinkFilter links) {
    Snapshot snapshot = store.snapshot(viewer);
    Future<Kept> f;
    try {
      f = worker.submit(() -> project(key, viewer, links, snapshot));
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
    making.put(key, f);
    return f;
  }

  private Kept project(Key key, Viewer viewer, LinkFilter links, Snapshot snapshot)
      throws Exception {
    try (snapshot) {
      Network net = snapshot.read(() -> NetworkAnalysis.load(store, viewer, links));
      Kept k = new Kept(key, net, snapshot, Instant.now(), net.estimatedBytes());
      synchronized (this) {
        // the new projection supersedes older ones of the same readers that it holds all of
        kept.values()
            .removeIf(
                old ->
                    old.key().sameReaders(key)
                        && old.key().generation() <= key.generation()
                        && snapshot.holds(old.basis()));
        kept.put(key, k);
        made++;
        evict(key);
      }
      return k;
    } finally {
      synchronized (this) {
        making.remove(key);
      }
    }
  }

  /** Drops the least recently used projections but the newest until the kept fit the budget. */
  private void evict(Key newest) {
    long total = 0;
    for (Kept k : kept.values()) {
      total += k.bytes();
    }
    List<Key> drop = new ArrayList<>();
    for (Iterator<Kept> it = kept.values().iterator(); it.hasNext() && total > budget; ) {
      Kept k = it.next();
      if (!k.key().equals(newest)) {
        drop.add(k.key());
        total -= k.bytes();
      }
    }
    drop.forEach(kept::remove);
  }

  /** Stops making projections: the one being made is abandoned. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many projections are kept, for tests. */
  synchronized int keptCount() {
    return kept.size();
  }
}
