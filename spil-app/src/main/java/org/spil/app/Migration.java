package org.spil.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.spil.model.InvalidField;
import org.spil.store.Backends;
import org.spil.store.Lake;
import org.spil.store.Store;

/**
 * Moving a data directory's content to another engine and back. In this version the engine is the
 * lake (statements as partitioned Parquet, {@link Lake}): a data directory writes every batch to it
 * and, once moved, keeps it current as batches commit and purge; another data directory loads from
 * it. Writes and loads are audited per batch with the operator.
 */
public final class Migration {
  private final Store store;

  public Migration(Store store) {
    this.store = store;
  }

  /** The engines a data directory's content may move to or from. */
  public enum Engine {
    PARQUET;

    /** The engine a request names; {@code field} names the flag or key in the refusal. */
    public static Engine parse(String field, String text) {
      String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "parquet" -> PARQUET;
        case "postgres", "postgresql", "solr", "solrcloud" ->
            throw new InvalidField(
                field, t + " is not an engine of this version; parquet is (docs/scale.md)");
        default -> throw new InvalidField(field, "\"" + text + "\": parquet");
      };
    }
  }

  /**
   * What a move did: the engine and direction, where, the batches added, written again, purged and
   * left alone, the statements moved, whether the data directory now keeps the lake current, and
   * how long it took.
   */
  public record Moved(
      String engine,
      String direction,
      String location,
      int added,
      int rewritten,
      int purged,
      int unchanged,
      long statements,
      boolean keptCurrent,
      double seconds) {}

  /**
   * Writes every batch of the data directory to the lake in {@code lake} (an empty directory, or a
   * lake this data directory wrote before); with {@code keepCurrent}, names it in {@code
   * backends.txt} so that every later commit and purge writes it too.
   */
  public Moved toLake(Operator by, Path lake, boolean keepCurrent, LongConsumer progress) {
    long start = System.nanoTime();
    Path root = inside("to", lake);
    Lake.Written w = store.lake(root).write(by.name(), progress);
    if (keepCurrent) {
      Backends.setLake(store.dir(), root);
    }
    return new Moved(
        "parquet",
        "to",
        root.toString(),
        w.added(),
        w.rewritten(),
        w.purged(),
        w.unchanged(),
        w.statements(),
        keepCurrent || root.equals(store.backends().lake()),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * Loads the lake in {@code lake} into this data directory: batches it lacks, batches whose
   * last-seen dates moved, purges; then the indexes catch up. Refused for the lake this data
   * directory writes.
   */
  public Moved fromLake(Operator by, Path lake, LongConsumer progress) {
    long start = System.nanoTime();
    Path root = inside("from", lake);
    if (root.equals(store.backends().lake())) {
      throw new InvalidField(
          "from",
          root + " is the lake this data directory writes (backends.txt); load it elsewhere");
    }
    Lake.Loaded l = store.lake(root).load(by.name(), progress);
    return new Moved(
        "parquet",
        "from",
        root.toString(),
        l.added(),
        l.refreshed(),
        l.purged(),
        l.unchanged(),
        l.statements(),
        false,
        (System.nanoTime() - start) / 1e9);
  }

  /** The lake's directory, refused inside the data directory. */
  private Path inside(String field, Path lake) {
    Path root = lake.toAbsolutePath().normalize();
    if (root.startsWith(store.dir().toAbsolutePath().normalize())) {
      throw new InvalidField(field, root + " lies inside the data directory; give one beside it");
    }
    return root;
  }
}
