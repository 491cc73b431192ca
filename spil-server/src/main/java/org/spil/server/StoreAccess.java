package org.spil.server;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.spil.store.Store;

/**
 * How requests share the one open store: reads run in parallel, each on a database connection of
 * its own; anything that writes to the warehouse (an ingest, a grant, a judgement, a login that may
 * rehash a password, a hit query with its ledger) runs alone. A route says which it is ({@link
 * ApiServer.Route#lock()}).
 */
final class StoreAccess {
  /** What a route needs of the store. */
  enum Lock {
    /** Nothing: it answers from the server's own state (a job's progress). */
    NONE,
    /** Reads, in parallel with other reads. */
    READ,
    /** Writes, alone. */
    WRITE,
    /**
     * Reads the caller's viewer under the read lock, then answers outside the lock, taking it for
     * what it reads of the store: a network route that may wait minutes for a projection made from
     * a snapshot must not keep writers waiting meanwhile.
     */
    SELF
  }

  /** Work under the store's lock. */
  interface Work<T> {
    T run() throws Exception;
  }

  private final Store store;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  StoreAccess(Store store) {
    this.store = store;
  }

  /** Runs reads alongside other reads, on a connection of their own. */
  <T> T read(Work<T> work) throws Exception {
    lock.readLock().lock();
    try {
      return store.reading(work::run);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs work alone: no read or other write meanwhile. */
  <T> T write(Work<T> work) throws Exception {
    lock.writeLock().lock();
    try {
      return work.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs work as a route's lock says. */
  <T> T under(Lock kind, Work<T> work) throws Exception {
    return switch (kind) {
      case NONE, SELF -> work.run();
      case READ -> read(work);
      case WRITE -> write(work);
    };
  }
}
