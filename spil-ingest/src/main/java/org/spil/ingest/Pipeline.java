package org.spil.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@link Ingest} on its own thread and feeds its statements, in chunks through a bounded
 * queue, to a sink on the calling thread: reading and validating on one core, writing on the other.
 * Errors on either side stop both and are rethrown to the caller.
 */
public final class Pipeline {
  private Pipeline() {}

  private static final int CHUNK = 4096;

  /** A chunk of statements in parallel arrays. */
  private static final class Chunk {
    final String[][] columns = new String[6][CHUNK];
    int size;
  }

  private static final Chunk END = new Chunk();

  /** Ingests {@code dataset} into {@code sink}; the sink is only ever called on this thread. */
  public static IngestReport run(
      Dataset dataset, StatementSink sink, java.util.function.LongConsumer progress) {
    BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(32);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<IngestReport> report = new AtomicReference<>();
    Thread producer =
        new Thread(
            () -> {
              Chunk[] current = {new Chunk()};
              try {
                StatementSink buffer =
                    (e, s, p, v, o, l) -> {
                      Chunk c = current[0];
                      c.columns[0][c.size] = e;
                      c.columns[1][c.size] = s;
                      c.columns[2][c.size] = p;
                      c.columns[3][c.size] = v;
                      c.columns[4][c.size] = o;
                      c.columns[5][c.size] = l;
                      if (++c.size == CHUNK) {
                        put(queue, c, failure);
                        current[0] = new Chunk();
                      }
                    };
                report.set(new Ingest(dataset, buffer, progress).run());
                put(queue, current[0], failure);
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
              } finally {
                try {
                  put(queue, END, failure);
                } catch (RuntimeException e) {
                  // the consumer has stopped; nothing is waiting for the end marker
                }
              }
            },
            "spil-ingest-" + dataset.name());
    producer.setDaemon(true);
    producer.start();
    try {
      while (true) {
        Chunk c = queue.poll(100, TimeUnit.MILLISECONDS);
        if (c == null) {
          if (!producer.isAlive() && queue.isEmpty()) {
            break;
          }
          continue;
        }
        if (c == END) {
          break;
        }
        for (int i = 0; i < c.size; i++) {
          sink.accept(
              c.columns[0][i],
              c.columns[1][i],
              c.columns[2][i],
              c.columns[3][i],
              c.columns[4][i],
              c.columns[5][i]);
        }
      }
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      producer.interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException("ingest of " + dataset.name() + " interrupted", t);
    }
    return report.get();
  }

  private static void put(BlockingQueue<Chunk> queue, Chunk c, AtomicReference<Throwable> failure) {
    try {
      while (!queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          throw new IllegalStateException("consumer failed");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
