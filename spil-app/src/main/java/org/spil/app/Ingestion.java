package org.spil.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.spil.ingest.Cities;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetArchive;
import org.spil.ingest.DatasetException;
import org.spil.ingest.DatasetReader;
import org.spil.ingest.IngestReport;
import org.spil.ingest.MessageIngest;
import org.spil.ingest.Pipeline;
import org.spil.ingest.Places;
import org.spil.ingest.Reject;
import org.spil.model.InvalidField;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.PolicyException;
import org.spil.policy.User;
import org.spil.store.AuditLog;
import org.spil.store.Batch;
import org.spil.store.BatchWriter;
import org.spil.store.Privileged;
import org.spil.store.Store;

/**
 * Datasets into the store, one atomic batch each: a dataset whose files are unchanged since an
 * earlier batch adds nothing; otherwise every statement is staged, the batch commits in one
 * transaction with its audit event, and the derived indexes catch up. A dataset error aborts the
 * batch and leaves the warehouse untouched.
 */
public final class Ingestion {
  private Ingestion() {}

  /** Reads every dataset directory first, so that one bad {@code dataset.yml} stops them all. */
  public static List<Dataset> read(List<Path> dirs) {
    List<Dataset> out = new ArrayList<>();
    for (Path dir : dirs) {
      out.add(DatasetReader.read(dir));
    }
    return out;
  }

  /**
   * What happened to one dataset; {@code seconds} in all, of which {@code indexSeconds} bringing
   * the search, match and message indexes up to date after the warehouse commit.
   */
  public record Outcome(
      Dataset dataset,
      Optional<Batch> unchangedSince,
      Batch batch,
      IngestReport report,
      double seconds,
      double indexSeconds) {

    /** The outcome as {@code spil ingest --json} and the API give it. */
    public Summary summary() {
      if (unchangedSince.isPresent()) {
        return new Summary(
            dataset.name(),
            dataset.agency(),
            unchangedSince.get().id(),
            null,
            null,
            null,
            null,
            0L,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
      }
      List<String> rejects =
          report.rejects().stream().limit(Summary.REJECTS_SHOWN).map(Reject::toString).toList();
      return new Summary(
          dataset.name(),
          dataset.agency(),
          null,
          batch.id(),
          report.rows(),
          batch.entities(),
          batch.statements(),
          batch.newStatements(),
          batch.messages() == 0 ? null : batch.messages(),
          report.rejectedRows(),
          report.rejects().size(),
          Math.round(seconds * 1000) / 1000.0,
          Math.round(indexSeconds * 1000) / 1000.0,
          rejects,
          report.warnings());
    }
  }

  /**
   * One dataset's ingest in brief: the batch and its counts, or the batch whose files it repeats.
   * {@code rejects} lists the first {@value #REJECTS_SHOWN} as {@code file:line: column: reason};
   * {@code warnings} what was read but may be wrong (a file mixing encodings), when any.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      String dataset,
      String agency,
      Long unchangedSinceBatch,
      Long batchId,
      Long rows,
      Long entities,
      Long statements,
      Long statementsAdded,
      Long messages,
      Long rejectedRows,
      Integer rejectedValues,
      Double seconds,
      Double indexSeconds,
      List<String> rejects,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    static final int REJECTS_SHOWN = 20;
  }

  /**
   * How many days before today a delivery may be dated ({@code --as-of}): late deliveries, not a
   * way to move retention.
   */
  public static final int LATE_DAYS = 7;

  /** Ingests one dataset as of a day, as {@code by}, reporting rows read and entities indexed. */
  public static Outcome run(
      Store store,
      Dataset dataset,
      LocalDate asOf,
      Operator by,
      LongConsumer progress,
      LongConsumer indexProgress) {
    admissible(store, dataset, asOf);
    String sha = filesSha256(dataset);
    Optional<Batch> same = store.batchWithFiles(dataset.name(), sha);
    if (same.isPresent()) {
      return new Outcome(dataset, same, null, null, 0, 0);
    }
    long start = System.nanoTime();
    IngestReport[] report = new IngestReport[1];
    Batch batch =
        store.ingest(
            dataset.provenance(asOf),
            asOf,
            sha,
            by.name(),
            writer -> {
              report[0] = write(dataset, writer, progress, Privileged.handles(store.dir()));
              return content(report[0]);
            });
    long indexStart = System.nanoTime();
    store.updateIndex(indexProgress);
    // watches meet the new records under their owners' rights; whoever ingests is not told
    store.watches().afterIngest(List.of(batch.id()));
    long end = System.nanoTime();
    return new Outcome(
        dataset, Optional.empty(), batch, report[0], (end - start) / 1e9, (end - indexStart) / 1e9);
  }

  /**
   * Refuses what would make a batch nobody may see or anybody may claim: a date in the future or
   * more than {@link #LATE_DAYS} days back (retention runs from it), a legal basis the legal-bases
   * table does not name, a case that does not exist, and a case the supplying agency is not a party
   * to (whoever later created a case of that id would choose who reads the data).
   */
  static void admissible(Store store, Dataset dataset, LocalDate asOf) {
    LocalDate today = store.today();
    if (asOf.isAfter(today)) {
      throw new InvalidField(
          "as_of", asOf + " is in the future; a delivery is dated today or before");
    }
    if (asOf.isBefore(today.minusDays(LATE_DAYS))) {
      throw new InvalidField(
          "as_of",
          asOf
              + " is more than "
              + LATE_DAYS
              + " days ago; retention runs from it, so a late delivery may be dated back a week"
              + " at most");
    }
    Path yml = dataset.dir().resolve("dataset.yml");
    Directory directory = store.accounts().directory();
    if (!directory.bases().isBasis(dataset.legalBasis())) {
      throw new DatasetException(
          yml
              + ": legal_basis: '"
              + dataset.legalBasis()
              + "' is not in the legal-bases table, so nobody could ever read the data; one of "
              + String.join(", ", directory.bases().bases()));
    }
    String caseId = dataset.caseId();
    if (caseId != null) {
      Case c = directory.cases().get(caseId);
      if (c == null) {
        throw new DatasetException(
            yml + ": case_id: there is no case '" + caseId + "'; create it first (spil cases add)");
      }
      if (!c.parties().contains(dataset.agency())) {
        throw new DatasetException(
            yml
                + ": case_id: "
                + dataset.agency()
                + " is not a party to case "
                + caseId
                + " (parties: "
                + String.join(", ", c.parties())
                + "); only a party supplies data for a case");
      }
    }
  }

  /** Reads, validates and normalises the dataset into a batch writer. */
  private static Places places;

  /**
   * The places extraction recognises in chat texts: the ports of the World Port Index beside the
   * installation ({@link Scenario#defaultPorts()}, none when it is not there) and the bundled
   * gazetteer's other places.
   */
  static synchronized Places places() {
    if (places == null) {
      Path file = Scenario.defaultPorts();
      places =
          (Files.isReadable(file) ? Places.read(file) : Places.NONE).withCities(Cities.bundled());
    }
    return places;
  }

  public static IngestReport write(Dataset dataset, BatchWriter writer, LongConsumer progress) {
    return write(dataset, writer, progress, Set.of());
  }

  /**
   * As {@link #write(Dataset, BatchWriter, LongConsumer)}, reading no identifiers from messages
   * sent by or to the {@code privileged} handles.
   */
  public static IngestReport write(
      Dataset dataset, BatchWriter writer, LongConsumer progress, Set<String> privileged) {
    IngestReport statements =
        dataset.queries().isEmpty() && dataset.ftmFiles().isEmpty()
            ? new IngestReport(0, 0, 0, List.of(), List.of())
            : Pipeline.run(dataset, writer::accept, progress);
    if (dataset.messages().isEmpty()) {
      return statements;
    }
    long before = statements.rows();
    IngestReport messages =
        new MessageIngest(
                dataset,
                writer::message,
                writer::accept,
                n -> progress.accept(before + n),
                privileged,
                places())
            .run();
    List<Reject> rejects = new ArrayList<>(statements.rejects());
    rejects.addAll(messages.rejects());
    List<String> warnings = new ArrayList<>(statements.warnings());
    warnings.addAll(messages.warnings());
    return new IngestReport(
        statements.rows() + messages.rows(),
        statements.statements() + messages.statements(),
        statements.rejectedRows() + messages.rejectedRows(),
        rejects,
        warnings);
  }

  /** What a batch holds, from what the pipeline reported. */
  public static Store.BatchContent content(IngestReport report) {
    List<BatchWriter.RejectRow> rejects = new ArrayList<>();
    for (Reject r : report.rejects()) {
      rejects.add(new BatchWriter.RejectRow(r.file(), r.line(), r.column(), r.value(), r.reason()));
    }
    return new Store.BatchContent(report.rows(), report.rejectedRows(), rejects);
  }

  /**
   * Ingests a dataset uploaded as a zip by a user: the archive is checked and unpacked into {@code
   * work} ({@link DatasetArchive}), its {@code dataset.yml} must name the uploader's own agency
   * (else refused and audited), and it is ingested as one atomic batch as that user. {@code
   * cancelled} is asked while rows are read: a cancelled upload writes nothing. The unpacked files
   * are removed whatever happens.
   */
  public static Outcome upload(
      Store store,
      String user,
      Path zip,
      Path work,
      LongConsumer progress,
      BooleanSupplier cancelled) {
    try {
      Path dir = DatasetArchive.unpack(zip, work, DatasetArchive.Limits.DEFAULT);
      Dataset dataset = DatasetReader.read(dir);
      User uploader = store.accounts().directory().users().get(user);
      if (uploader == null || !uploader.agency().equals(dataset.agency())) {
        String why =
            "dataset.yml names agency '"
                + dataset.agency()
                + "'; "
                + user
                + " may upload data of "
                + (uploader == null ? "no agency" : "its own agency, " + uploader.agency())
                + " only";
        store.audit().append(new AuditLog.Event(user, null, "refused", Map.of("reason", why)));
        throw new PolicyException("agency", why);
      }
      return run(
          store,
          dataset,
          store.today(),
          new Operator(user),
          n -> {
            if (cancelled.getAsBoolean()) {
              throw new CancellationException("the upload was cancelled; nothing was written");
            }
            progress.accept(n);
          },
          n -> {});
    } finally {
      DatasetArchive.removeQuietly(work);
    }
  }

  /** A hash over dataset.yml and every file the dataset reads, in order. */
  public static String filesSha256(Dataset dataset) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> files = new ArrayList<>();
      files.add("dataset.yml");
      files.addAll(dataset.files());
      byte[] buffer = new byte[1 << 16];
      for (String f : files) {
        sha.update(f.getBytes(StandardCharsets.UTF_8));
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
