package org.spil.store;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * A searcher whose scores depend only on what one viewer may see. Lucene's BM25 weighs a term by
 * how many documents of the whole index hold it and by the index's average field length, so the
 * score of a visible record would move when another agency adds records the viewer may not see, and
 * a viewer probing the scores could learn that an unshared batch holds a name: the hit/no-hit
 * question, answered outside its procedure. Here a term's document frequency is the number of
 * documents in the viewer's scope that hold it, counted up to {@link #CAP}, and the collection
 * statistics are nominal constants ({@link #DOCUMENTS} documents of {@link #LENGTH} terms per
 * field), the same for every viewer and every warehouse.
 *
 * <p>NOTE: one per search; not thread safe.
 */
final class ScopedSearcher extends IndexSearcher {
  /**
   * Visible documents counted per term: a term held by more weighs as one held by this many, which
   * keeps counting cheap for common tokens.
   */
  static final int CAP = 1_000;

  /** The nominal number of documents: a term at the cap weighs log(1 + 3) in BM25's idf. */
  static final long DOCUMENTS = 4 * CAP;

  /** The nominal number of terms in a field of a document. */
  static final long LENGTH = 8;

  private final Scope scope;
  private final Map<Term, Integer> counted = new HashMap<>();

  ScopedSearcher(IndexReader reader, Scope scope) {
    super(reader);
    this.scope = scope;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    Integer n = counted.get(term);
    if (n == null) {
      // at least one: a term held only by invisible documents matches nothing visible anyway
      n = Math.max(1, Math.min(CAP, SearchIndex.visibleCount(this, term, scope, CAP)));
      counted.put(term, n);
    }
    return new TermStatistics(term.bytes(), n, n);
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) {
    return new CollectionStatistics(
        field, DOCUMENTS, DOCUMENTS, DOCUMENTS * LENGTH, DOCUMENTS * LENGTH);
  }
}
