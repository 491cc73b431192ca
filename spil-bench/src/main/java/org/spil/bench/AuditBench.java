package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.app.DirectoryTree;
import org.spil.store.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench audit}: appends read events (user, purpose, query, ten returned entity ids) to
 * a fresh audit log in batches, each batch durable (fsync) before the next, then verifies the
 * chain; prints entries per second for both.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Measure durable audit appends (entries/s) and verification.")
final class AuditBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--entries",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Entries to append (default: ${DEFAULT-VALUE}).")
  int entries;

  @Option(
      names = "--batch",
      defaultValue = "100",
      paramLabel = "B",
      description = "Entries per durable append (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--work",
      defaultValue = "bench-work",
      paramLabel = "DIR",
      description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = work.resolve("audit-bench");
    DirectoryTree.delete(dir);
    AuditLog log = new AuditLog(dir);
    long start = System.nanoTime();
    for (int done = 0; done < entries; done += batch) {
      List<AuditLog.Event> events = new ArrayList<>(batch);
      for (int i = done; i < Math.min(entries, done + batch); i++) {
        List<String> returned = new ArrayList<>(10);
        for (int k = 0; k < 10; k++) {
          returned.add(String.format("%040x", (long) i * 10 + k));
        }
        events.add(
            new AuditLog.Event(
                "analist.politie",
                "26Kruiskade",
                "search",
                Map.of("query", "Mohamed El Amrani " + i, "returned", returned)));
      }
      log.append(events);
    }
    double appendSeconds = (System.nanoTime() - start) / 1e9;
    long verifyStart = System.nanoTime();
    AuditLog.Integrity v = log.verify();
    double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
    out.printf(
        "audit: %,d entries in batches of %d (fsync per batch): %.2f s, %,.0f entries/s; verify %.2f s, %,.0f entries/s, %s%n",
        entries,
        batch,
        appendSeconds,
        entries / appendSeconds,
        verifySeconds,
        v.entries() / verifySeconds,
        v.intact() ? "intact" : "BROKEN " + v.reason());
    DirectoryTree.delete(dir);
    out.flush();
    return v.intact() ? 0 : 1;
  }
}
