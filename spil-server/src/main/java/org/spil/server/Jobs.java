package org.spil.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spil.ingest.DatasetException;
import org.spil.policy.PolicyException;

/**
 * Long work the API runs in the background (an uploaded dataset's ingest, a resolution), one at a
 * time in the order asked: each a job with an id, its owner, its state (queued, running, done,
 * failed, cancelled), progress and, when done, its result. A job is visible to its owner only (to
 * anyone else as if it did not exist); its owner may cancel it, which the work sees the next time
 * it reports progress. Finished jobs are kept for an hour.
 */
final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a finished job is kept for its owner to read. */
  static final long KEEP_SECONDS = 3600;

  /** What a job does, reporting progress and asking whether it was cancelled through its job. */
  interface Work {
    Object run(Job job) throws Exception;
  }

  /** One job: what it is, whose, how far and how it ended. */
  static final class Job {
    final String id;
    final String kind;
    final String user;
    final Instant asked = Instant.now();
    final AtomicBoolean cancel = new AtomicBoolean();
    volatile String state = "queued";
    volatile long done;
    volatile String unit = "";
    volatile Object result;
    volatile String error;
    volatile Instant finished;

    Job(String id, String kind, String user) {
      this.id = id;
      this.kind = kind;
      this.user = user;
    }

    /** Reports progress; throws when the owner cancelled the job. */
    void progress(long n, String of) {
      done = n;
      unit = of;
      if (cancel.get()) {
        throw new CancellationException("cancelled");
      }
    }

    boolean cancelled() {
      return cancel.get();
    }

    /** The job as the API shows it. */
    Map<String, Object> view() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("kind", kind);
      out.put("state", state);
      out.put("done", done);
      out.put("unit", unit);
      out.put("asked", asked.toString());
      if (finished != null) {
        out.put("finished", finished.toString());
      }
      if (error != null) {
        out.put("error", error);
      }
      if (result != null) {
        out.put("result", result);
      }
      return out;
    }
  }

  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "spil-jobs");
            t.setDaemon(true);
            return t;
          });

  /** Queues work for a user; the job as it stands now. */
  synchronized Job submit(String user, String kind, Work work) {
    forgetOld();
    Job job = new Job("JOB-" + HexFormat.of().formatHex(randomBytes()), kind, user);
    jobs.put(job.id, job);
    worker.submit(() -> execute(job, work));
    return job;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void execute(Job job, Work work) {
    if (job.cancel.get()) {
      job.state = "cancelled";
      job.finished = Instant.now();
      return;
    }
    job.state = "running";
    try {
      job.result = work.run(job);
      job.state = "done";
    } catch (CancellationException e) {
      job.state = "cancelled";
      job.error = e.getMessage();
    } catch (PolicyException | IllegalArgumentException | DatasetException e) {
      job.state = "failed";
      job.error = e.getMessage();
    } catch (Exception e) {
      LOG.error("job {} ({}) failed", job.id, job.kind, e);
      job.state = "failed";
      job.error =
          e.getMessage() != null && e.getClass().getPackageName().startsWith("org.spil")
              ? e.getMessage()
              : "the job failed; see the server's log";
    } finally {
      job.finished = Instant.now();
    }
  }

  /** The user's job with this id, or null (another user's job is not shown). */
  synchronized Job of(String user, String id) {
    Job j = jobs.get(id);
    return j != null && j.user.equals(user) ? j : null;
  }

  private void forgetOld() {
    Instant before = Instant.now().minusSeconds(KEEP_SECONDS);
    jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(before));
  }

  @Override
  public void close() {
    jobs.values().forEach(j -> j.cancel.set(true));
    worker.shutdown();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
