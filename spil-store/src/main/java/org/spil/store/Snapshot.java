package org.spil.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;

/**
 * A consistent read of what one viewer may see, for long work outside the lock under which a server
 * keeps writers away from readers: the viewer's scope and the batches are fixed when the snapshot
 * is made, and its reads run on a database connection of its own in one transaction, whose snapshot
 * later commits do not change. A projection of minutes made from it holds no lock that a judgement,
 * a login or an ingest would wait for. Made by {@link Store#snapshot}, under the caller's read
 * lock; read and closed on any one thread at a time.
 */
public final class Snapshot implements AutoCloseable {
  private static final ThreadLocal<Snapshot> READING = new ThreadLocal<>();

  private final Store store;
  private final Viewer viewer;
  private final Scope scope;
  private final List<Batch> batches;
  private final long generation;
  private final Connection connection;

  Snapshot(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
    this.scope = store.scope(viewer);
    Warehouse w = store.warehouse();
    this.batches = w.batches();
    this.generation = w.generation();
    try {
      this.connection = w.snapshotConnection();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot start a snapshot of the warehouse: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** The snapshot the current thread reads in, or null. */
  static Snapshot current() {
    return READING.get();
  }

  /** The viewer's scope when the snapshot was made; it reads for that viewer only. */
  Scope scopeOf(Viewer v) {
    if (!viewer.equals(v)) {
      throw new PolicyException("a snapshot reads for the viewer it was made for");
    }
    return scope;
  }

  Scope scope() {
    return scope;
  }

  /** Whether this snapshot's viewer could read everything the other snapshot's could. */
  public boolean holds(Snapshot other) {
    return scope.holds(other.scope);
  }

  /** The warehouse's generation when the snapshot was made. */
  public long generation() {
    return generation;
  }

  /** Runs reads of the store for the snapshot's viewer on the snapshot. */
  public <T> T read(Store.Work<T> work) throws Exception {
    READING.set(this);
    try {
      return store.warehouse().pinned(connection, batches, work::run);
    } finally {
      READING.remove();
    }
  }

  /** Ends the snapshot's transaction and closes its connection. */
  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot end a snapshot of the warehouse: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }
}
