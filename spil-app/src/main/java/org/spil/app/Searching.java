package org.spil.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spil.model.InvalidField;
import org.spil.model.Schemata;
import org.spil.model.types.Countries;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.AuditLog;
import org.spil.store.BatchWriter;
import org.spil.store.EntityRecord;
import org.spil.store.Exports;
import org.spil.store.OwnerOnly;
import org.spil.store.Relations;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Stats;
import org.spil.store.Store;

/**
 * What a viewer reads of the warehouse: search, entity pages, counts, exports and the rejects of
 * the viewer's own agency. Every read goes through the viewer's scope in the store and is audited
 * there.
 */
public final class Searching {
  private final Store store;

  public Searching(Store store) {
    this.store = store;
  }

  /**
   * The hits of a search, best first, within the viewer's scope. The query's country may be a code
   * or a name in any language ("Pays-Bas"); its schema filter also finds schemata that extend it.
   */
  public List<SearchHit> search(Viewer viewer, SearchQuery q) {
    if (q.schema() != null) {
      Schemata.model().get(q.schema());
    }
    String country = null;
    if (q.country() != null) {
      country = Countries.lookup(q.country());
      if (country == null) {
        throw new InvalidField("country", "unknown country '" + q.country() + "'");
      }
    }
    return store.search(
        viewer,
        new SearchQuery(
            q.text(), q.schema(), country, q.dataset(), q.agency(), q.limit(), q.phoneRegion()));
  }

  /**
   * An entity with every value the viewer may see and its provenance; empty when none. A canonical
   * id of the team's resolution ({@code NK-...}) shows the merged entity: the values of every
   * member the viewer may see, and the members.
   */
  public Optional<EntityRecord> show(Viewer viewer, String id) {
    if (Resolution.isCanonicalId(id)) {
      Optional<List<String>> members = store.resolutions().members(viewer, id);
      if (members.isPresent()) {
        return store.entities().merged(viewer, id, members.get());
      }
    }
    return store.entities().entity(viewer, id);
  }

  /**
   * What an entity takes part in (directorships, payments, shipments, messages...) as the viewer
   * may see it, with the other parties; for a canonical id, what its visible members take part in.
   */
  public Relations.Found relations(Viewer viewer, String id) {
    List<String> subjects = List.of(id);
    if (Resolution.isCanonicalId(id)) {
      Optional<List<String>> members = store.resolutions().members(viewer, id);
      if (members.isPresent()) {
        subjects = members.get();
      }
    }
    return store.relations().of(viewer, subjects);
  }

  /**
   * A viewer's change of purpose, for the audit log: the new purpose is checked as every read's is
   * (refused and audited when it is not the user's), then the switch is recorded.
   */
  public Viewer switchPurpose(String user, String from, String to) {
    Viewer v = store.viewer(user, to);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("from", from == null ? "" : from);
    detail.put("to", v.purpose().token());
    store.audit().append(new AuditLog.Event(user, v.purpose().token(), "purpose", detail));
    return v;
  }

  /** Entities and statements the viewer may see, per dataset, schema, agency and handling code. */
  public Stats stats(Viewer viewer) {
    return store.entities().stats(viewer);
  }

  /** The rejected values of the viewer's own agency's batches (all, or one batch). */
  public List<BatchWriter.RejectRow> rejects(Viewer viewer, Long batch) {
    return store.entities().rejects(viewer, batch);
  }

  /** The formats of an export. */
  public enum ExportFormat {
    /** FollowTheMoney entities as JSON lines. */
    FTM,
    /** Statements in FtM's statement-table layout with their provenance, as Parquet. */
    PARQUET,
    /** The same statements as CSV with a header. */
    CSV;

    public static ExportFormat parse(String name) {
      for (ExportFormat f : values()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new InvalidField("format", "must be ftm, parquet or csv, not '" + name + "'");
    }

    /** What one unit of the export is. */
    public String unit() {
      return this == FTM ? "entities" : "statements";
    }
  }

  /**
   * Writes the visible entities as FtM JSON lines to a stream; returns how many lines. {@code
   * strict} leaves out Spil's own schemata, which FtM does not know.
   */
  public long exportFtm(Viewer viewer, Writer out, boolean strict) {
    return store.exports().ftm(viewer, out, strict);
  }

  /**
   * Writes what the viewer may see to a file, whole or not at all: the target's directory must
   * exist, be writable and lie outside the data directory, and an existing file is replaced only
   * with {@code force} (checked before anything is read or audited, see {@link OutputTarget}); the
   * export goes to a file beside it and is moved into place when complete. Returns how many
   * entities or statements.
   */
  public long export(Viewer viewer, ExportFormat format, boolean strict, Path out, boolean force)
      throws IOException {
    if (strict && format != ExportFormat.FTM) {
      throw new InvalidField("strict", "applies to FtM entities, not to a statements export");
    }
    OutputTarget.check(out, store.dir(), force);
    Path part = out.resolveSibling(out.getFileName() + ".part");
    try {
      long n;
      Files.deleteIfExists(part);
      Files.createFile(part, OwnerOnly.file());
      if (format == ExportFormat.FTM) {
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
          n = store.exports().ftm(viewer, w, strict);
        }
      } else {
        n =
            store
                .exports()
                .statements(
                    viewer,
                    part,
                    format == ExportFormat.PARQUET
                        ? Exports.TableFormat.PARQUET
                        : Exports.TableFormat.CSV);
      }
      // DuckDB writes statement tables itself, under the process's umask
      OwnerOnly.restrict(part);
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return n;
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
