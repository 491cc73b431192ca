package org.spil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetException;
import org.spil.ingest.IngestReport;
import org.spil.ingest.Reject;
import org.spil.store.Batch;
import org.spil.store.BatchWriter;
import org.spil.store.Store;

/**
 * One dataset into the store: skip it when its files are unchanged since an earlier batch,
 * otherwise stage every statement, commit the batch in one transaction, then bring the search index
 * up to date. A dataset error aborts the batch and leaves the warehouse untouched.
 */
final class Ingestion {
  private Ingestion() {}

  /**
   * What happened to one dataset; {@code seconds} in all, of which {@code indexSeconds} bringing
   * the search and match indexes up to date after the warehouse commit.
   */
  record Outcome(
      Dataset dataset,
      Optional<Batch> unchangedSince,
      Batch batch,
      IngestReport report,
      double seconds,
      double indexSeconds) {}

  static Outcome run(
      Store store,
      Dataset dataset,
      LocalDate asOf,
      LongConsumer progress,
      LongConsumer indexProgress) {
    String sha = filesSha256(dataset);
    Optional<Batch> same = store.warehouse().batchWithFiles(dataset.name(), sha);
    if (same.isPresent()) {
      return new Outcome(dataset, same, null, null, 0, 0);
    }
    long start = System.nanoTime();
    BatchWriter writer = store.warehouse().begin(dataset.provenance(asOf), asOf, sha);
    IngestReport report;
    Batch batch;
    try {
      report = org.spil.ingest.Pipeline.run(dataset, writer::accept, progress);
      List<BatchWriter.RejectRow> rejects = new ArrayList<>();
      for (Reject r : report.rejects()) {
        rejects.add(
            new BatchWriter.RejectRow(r.file(), r.line(), r.column(), r.value(), r.reason()));
      }
      batch = writer.commit(report.rows(), report.rejectedRows(), rejects);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    store
        .audit()
        .append(
            new org.spil.store.AuditLog.Event(
                UsersCommand.operator(),
                null,
                "ingest",
                java.util.Map.of(
                    "dataset", dataset.name(),
                    "agency", dataset.agency(),
                    "batch", batch.id(),
                    "statements", batch.statements(),
                    "rejected_rows", report.rejectedRows())));
    long indexStart = System.nanoTime();
    store.updateIndex(indexProgress);
    long end = System.nanoTime();
    return new Outcome(
        dataset, Optional.empty(), batch, report, (end - start) / 1e9, (end - indexStart) / 1e9);
  }

  /** A hash over dataset.yml and every file the dataset reads, in order. */
  static String filesSha256(Dataset dataset) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> files = new ArrayList<>();
      files.add("dataset.yml");
      files.addAll(dataset.files());
      byte[] buffer = new byte[1 << 16];
      for (String f : files) {
        sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        try (InputStream in = Files.newInputStream(dataset.dir().resolve(f))) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new DatasetException(dataset.dir() + ": cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
