package org.spil.ingest;

import java.util.Arrays;

/**
 * Statements of one dataset in parallel arrays, in the order ingest made them: the unit in which a
 * mapper thread hands its rows' statements on, through {@link Ingest} and {@link Pipeline}, to the
 * thread that writes them, so that no thread in between copies a statement field by field. All
 * statements of a block share the dataset's language.
 *
 * <p>NOTE: not thread-safe; filled by one thread, then handed over whole.
 */
public final class StatementBlock {
  private String[] entityIds;
  private String[] schemata;
  private String[] props;
  private String[] values;
  private String[] originals;
  private String[] files;
  private long[] lines;
  private final String lang;
  private int size;

  public StatementBlock(int capacity, String lang) {
    int c = Math.max(1, capacity);
    entityIds = new String[c];
    schemata = new String[c];
    props = new String[c];
    values = new String[c];
    originals = new String[c];
    files = new String[c];
    lines = new long[c];
    this.lang = lang;
  }

  /**
   * Adds a statement read at a line of a file; an original value equal to the value is kept as
   * null.
   */
  public void add(
      String entityId,
      String schema,
      String prop,
      String value,
      String original,
      String file,
      long line) {
    if (size == entityIds.length) {
      int c = 2 * size;
      entityIds = Arrays.copyOf(entityIds, c);
      schemata = Arrays.copyOf(schemata, c);
      props = Arrays.copyOf(props, c);
      values = Arrays.copyOf(values, c);
      originals = Arrays.copyOf(originals, c);
      files = Arrays.copyOf(files, c);
      lines = Arrays.copyOf(lines, c);
    }
    entityIds[size] = entityId;
    schemata[size] = schema;
    props[size] = prop;
    values[size] = value;
    originals[size] = original != null && original.equals(value) ? null : original;
    files[size] = file;
    lines[size] = line;
    size++;
  }

  public int size() {
    return size;
  }

  /** The language of every statement in the block (null when the dataset gives none). */
  public String lang() {
    return lang;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Hands every statement, in order, to {@code sink}. */
  public void forEach(StatementSink sink) {
    for (int i = 0; i < size; i++) {
      sink.accept(
          entityIds[i], schemata[i], props[i], values[i], originals[i], lang, files[i], lines[i]);
    }
  }
}
