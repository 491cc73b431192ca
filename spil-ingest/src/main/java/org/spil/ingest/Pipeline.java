package org.spil.ingest;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Runs an {@link Ingest} on its own thread and feeds its statements, in blocks through a bounded
 * queue, to a sink on the calling thread: reading and validating on one core, writing on the other.
 * Errors on either side stop both and are rethrown to the caller.
 */
public final class Pipeline {
  private Pipeline() {}

  /** Statements per block when ingest hands them on one at a time (FtM entity files). */
  private static final int CHUNK = 4096;

  /**
   * Blocks waiting for the writer: a mapper's block holds the statements of 1,024 rows, so eight
   * keep the writer fed while little is held in memory.
   */
  private static final int QUEUE = 8;

  private static final StatementBlock END = new StatementBlock(1, null);

  /** Ingests {@code dataset} into {@code sink}; the sink is only ever called on this thread. */
  public static IngestReport run(Dataset dataset, StatementSink sink, LongConsumer progress) {
    BlockingQueue<StatementBlock> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<IngestReport> report = new AtomicReference<>();
    Thread producer =
        new Thread(
            () -> {
              try {
                Handover handover = new Handover(queue, failure, dataset.lang());
                report.set(new Ingest(dataset, handover, progress).run());
                handover.flush();
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
        StatementBlock c = queue.poll(100, TimeUnit.MILLISECONDS);
        if (c == null) {
          if (!producer.isAlive() && queue.isEmpty()) {
            break;
          }
          continue;
        }
        if (c == END) {
          break;
        }
        sink.acceptAll(c);
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

  /**
   * The producer side: blocks made by ingest's mappers go on the queue as they are; statements that
   * come one at a time are gathered into blocks first, and handed on before the next block so that
   * the order stays the ingest's.
   */
  private static final class Handover implements StatementSink {
    private final BlockingQueue<StatementBlock> queue;
    private final AtomicReference<Throwable> failure;
    private StatementBlock current;

    Handover(BlockingQueue<StatementBlock> queue, AtomicReference<Throwable> failure, String lang) {
      this.queue = queue;
      this.failure = failure;
      this.current = new StatementBlock(CHUNK, lang);
    }

    @Override
    public void accept(
        String e, String s, String p, String v, String o, String l, String file, long line) {
      if (!Objects.equals(l, current.lang())) {
        flush(l);
      }
      current.add(e, s, p, v, o, file, line);
      if (current.size() == CHUNK) {
        flush();
      }
    }

    @Override
    public void acceptAll(StatementBlock block) {
      flush();
      put(queue, block, failure);
    }

    void flush() {
      flush(current.lang());
    }

    /**
     * Hands on the current block if it holds any; the next one takes statements of {@code lang}.
     */
    private void flush(String lang) {
      if (!current.isEmpty()) {
        put(queue, current, failure);
        current = new StatementBlock(CHUNK, lang);
      } else if (!Objects.equals(lang, current.lang())) {
        current = new StatementBlock(CHUNK, lang);
      }
    }
  }

  private static void put(
      BlockingQueue<StatementBlock> queue, StatementBlock c, AtomicReference<Throwable> failure) {
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
