package org.spil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * Visible documents that make a term very common for {@link #tier}: about one in thirty of a
   * million persons (counting them costs a millisecond).
   */
  static final int VERY_COMMON = 32 * CAP;

  private final Map<Term, Integer> counted = new HashMap<>();
  private final Map<Term, Integer> countedFurther = new HashMap<>();

  ScopedSearcher(IndexReader reader, Scope scope) {
    super(reader);
    this.scope = scope;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
      throws IOException {
    // at least one: a term held only by invisible documents matches nothing visible anyway
    int n = Math.max(1, visible(term));
    return new TermStatistics(term.bytes(), n, n);
  }

  /** How many visible documents hold a term, up to {@link #CAP}; counted once per search. */
  private int visible(Term term) throws IOException {
    Integer n = counted.get(term);
    if (n == null) {
      n = Math.min(CAP, SearchIndex.visibleCount(this, term, scope, CAP));
      counted.put(term, n);
    }
    return n;
  }

  /**
   * How common a term is in the viewer's scope: 0 when fewer than {@link #CAP} visible documents
   * hold it, 1 when fewer than {@link #VERY_COMMON}, 2 otherwise ("de" among Dutch names). The
   * search lets the terms of the lowest tier of its name tokens find and the others only rank.
   */
  int tier(Term term) {
    try {
      if (visible(term) < CAP) {
        return 0;
      }
      Integer n = countedFurther.get(term);
      if (n == null) {
        n = SearchIndex.visibleCount(this, term, scope, VERY_COMMON);
        countedFurther.put(term, n);
      }
      return n >= VERY_COMMON ? 2 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) {
    return new CollectionStatistics(
        field, DOCUMENTS, DOCUMENTS, DOCUMENTS * LENGTH, DOCUMENTS * LENGTH);
  }
}
