package org.spil.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spil.model.HandlingCode;
import org.spil.model.NormaliseContext;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;

/**
 * A dataset directory as described by its {@code dataset.yml}: the provenance every statement of it
 * carries, the settings its values are read with, and either an FtM mapping (queries over tabular
 * files) or FtM entity files. Read with {@link DatasetReader#read(Path)}.
 */
public record Dataset(
    Path dir,
    String name,
    String title,
    String agency,
    String legalBasis,
    HandlingCode handlingCode,
    String handlingNote,
    SourceGrade sourceGrade,
    int infoGrade,
    Period retention,
    LocalDate retainUntil,
    Set<String> shareWith,
    String caseId,
    String phoneRegion,
    String lang,
    List<QueryMapping> queries,
    List<String> ftmFiles,
    List<MessageLayout> messages) {

  public Dataset {
    shareWith = Set.copyOf(shareWith);
    queries = List.copyOf(queries);
    ftmFiles = List.copyOf(ftmFiles);
    messages = List.copyOf(messages);
  }

  /** The provenance of a batch ingested on {@code asOf}: retention counts from that day. */
  public Provenance provenance(LocalDate asOf) {
    LocalDate until = retainUntil != null ? retainUntil : asOf.plus(retention);
    return new Provenance(
        name,
        title,
        agency,
        legalBasis,
        handlingCode,
        handlingNote,
        sourceGrade,
        infoGrade,
        until,
        shareWith,
        caseId);
  }

  public NormaliseContext context() {
    return new NormaliseContext(phoneRegion, List.of(), lang);
  }

  /** Every file the dataset reads, relative to its directory. */
  public List<String> files() {
    List<String> files = new ArrayList<>(ftmFiles);
    for (QueryMapping q : queries) {
      files.addAll(q.sources());
    }
    for (MessageLayout m : messages) {
      files.addAll(m.sources());
    }
    return files;
  }
}
