package org.spil.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.spil.model.Schema;
import org.spil.model.Schemata;

/**
 * The derived search index (Lucene): one document per entity per batch, holding the match keys of
 * its names (tokens of several romanisations, phonetic codes, consonant skeletons), the compact
 * forms of its identifiers, its countries, schema (with ancestors), dataset, agency and batch, and
 * its values as stored JSON. Searches are filtered to the batches a viewer may see, so nothing of
 * an invisible statement can surface in a hit, a score or a count. The index records the last batch
 * it holds; {@link #catchUp} indexes whatever the warehouse committed since (healing a crash
 * between warehouse commit and index update), and {@link #rebuild} recreates it from scratch.
 *
 * <p>NOTE: one writer at a time; searches share a reader that is refreshed when a commit lands. An
 * index written in an older {@link #FORMAT} is rebuilt when the store opens.
 */
public final class SearchIndex implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEXED_THROUGH = "indexed_through";

  /**
   * The layout of the documents; an index of another format is rebuilt. 2: batch number as doc
   * values (scope filters check candidates instead of listing every visible document), dates of
   * birth as terms. 4 (3 was a step on the way there): free text without positions (only single
   * words are ever looked up); a document's own schema only, not its ancestors, and neither dataset
   * nor agency, which are the batch's (filters on them are sets of schemata and batches): five
   * fewer terms per document. 5: a numeric hash of the entity id as doc values, the tie-break of
   * equal scores.
   */
  static final String FORMAT = "5";

  private static final String FORMAT_KEY = "format";

  /**
   * Segments the index is merged down to after a bulk write (one that adds at least a quarter of
   * its documents).
   */
  static final int MAX_SEGMENTS = 4;

  private final Path dir;
  private final IndexFiles files;

  public SearchIndex(Path dir) {
    this.dir = dir;
    this.files = new IndexFiles(dir, "search index");
  }

  @Override
  public void close() {
    files.close();
  }

  static Analyzer textAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** The last batch id the index holds, 0 when empty or missing. */
  public long indexedThrough() {
    String v = commitData().get(INDEXED_THROUGH);
    return v == null ? 0 : Long.parseLong(v);
  }

  private Map<String, String> commitData() {
    return files.commitData();
  }

  /**
   * Indexes every batch the warehouse committed after the index's last one; returns how many. An
   * index of an older format is rebuilt whole.
   */
  public int catchUp(Warehouse warehouse, LongConsumer progress) {
    return catchUp(warehouse, progress, b -> null);
  }

  /**
   * As {@link #catchUp(Warehouse, LongConsumer)}, and codes along the way the batches for which
   * {@code alsoCode} gives match codes to fill (null for a batch it need not code), so that both
   * derived indexes are built from one read of the batch.
   */
  int catchUp(
      Warehouse warehouse, LongConsumer progress, LongFunction<MatchIndex.BatchCodes> alsoCode) {
    Map<String, String> data = commitData();
    if (!data.isEmpty() && !FORMAT.equals(data.get(FORMAT_KEY))) {
      return write(warehouse, 0, warehouse.maxBatchId(), true, progress, alsoCode);
    }
    String v = data.get(INDEXED_THROUGH);
    long through = v == null ? 0 : Long.parseLong(v);
    long max = warehouse.maxBatchId();
    if (through >= max) {
      return 0;
    }
    return write(warehouse, through, max, false, progress, alsoCode);
  }

  private static Iterable<Map.Entry<String, String>> commitData(long through) {
    return Map.of(INDEXED_THROUGH, Long.toString(through), FORMAT_KEY, FORMAT).entrySet();
  }

  /** Drops the index and rebuilds it from every batch in the warehouse. */
  public int rebuild(Warehouse warehouse, LongConsumer progress) {
    return rebuild(warehouse, progress, b -> null);
  }

  /** As {@link #rebuild(Warehouse, LongConsumer)}, coding batches along the way as in catchUp. */
  int rebuild(
      Warehouse warehouse, LongConsumer progress, LongFunction<MatchIndex.BatchCodes> alsoCode) {
    return write(warehouse, 0, warehouse.maxBatchId(), true, progress, alsoCode);
  }

  /** Removes the documents of purged batches; the index stays current otherwise. */
  public void dropBatches(Set<Long> batches) {
    if (batches.isEmpty() || !Files.exists(dir)) {
      return;
    }
    IndexWriterConfig config = new IndexWriterConfig(textAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, config)) {
      for (long b : batches) {
        writer.deleteDocuments(new Term("batch", Long.toString(b)));
      }
      // rewrite the segments that hold deleted documents: their stored values go with the old
      // segment files, which the commit then removes
      writer.forceMergeDeletes(true);
      writer.setLiveCommitData(commitData(indexedThrough()));
      writer.commit();
    } catch (IOException e) {
      throw new StoreException("cannot update search index " + dir + ": " + e.getMessage(), e);
    }
  }

  private int write(
      Warehouse warehouse,
      long after,
      long through,
      boolean fresh,
      LongConsumer progress,
      LongFunction<MatchIndex.BatchCodes> alsoCode) {
    try {
      OwnerOnly.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create index directory " + dir, e);
    }
    IndexWriterConfig config = new IndexWriterConfig(textAnalyzer());
    config.setOpenMode(
        fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(128);
    // no compound files: packing each flushed or merged segment into one file copies all of it
    // once more (system time of a reindex of the 1M-person bench 4.5-6.1 s against 4.6-7.3 s,
    // five runs each), and the few segments left after a bulk write need few file handles anyway
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0.0);
    config.setMergePolicy(merges);
    int batches = 0;
    long[] docs = {0};
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, config)) {
      for (Batch b : warehouse.batches()) {
        if (b.id() <= after || b.id() > through) {
          continue;
        }
        String batchId = Long.toString(b.id());
        writer.deleteDocuments(new Term("batch", batchId));
        try (MatchIndex.BatchCodes codes = alsoCode.apply(b.id())) {
          SearchDocuments.DocumentFeed feed = new SearchDocuments.DocumentFeed(writer, b, 2, codes);
          warehouse.forEachEntityOfBatch(
              b.id(),
              (entityId, schema, props) -> {
                feed.add(entityId, schema, props);
                if ((++docs[0] & 0x3fff) == 0) {
                  progress.accept(docs[0]);
                }
              });
          feed.finish();
          if (codes != null) {
            codes.store();
          }
        }
        batches++;
      }
      // every search looks each term up in every segment: a few large segments answer a match
      // at a million persons in half the time that the two dozen left by ingest take. Only after
      // a bulk write: a small batch into a large index would rewrite a large segment each time
      // (a 1,000-row ingest into the 1M-person index rewrote 72 MB), and the merge policy keeps
      // small additions in check
      if (docs[0] * 4 >= writer.getDocStats().numDocs) {
        writer.forceMerge(MAX_SEGMENTS);
      }
      writer.setLiveCommitData(commitData(through));
      writer.commit();
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot write search index " + dir + ": " + e.getMessage(), e);
    }
    return batches;
  }

  /**
   * The name token of at least four letters that the fewest visible documents hold (at least one;
   * ties to the first in alphabetical order), or null when none is visible: a surname rather than
   * "jan", "mohamed" or a particle. Counted within the viewer's scope, so that what the viewer may
   * not see cannot change which visible records are found. Tokens are counted commonest-last and
   * each count stops once it passes the fewest so far. (Measured against leading with every token
   * within four times the rarest's count: no better, and slower.)
   */
  private static String rarestToken(IndexSearcher searcher, Set<String> tokens, Scope scope)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<String> candidates = new ArrayList<>();
    for (String t : tokens) {
      if (t.length() >= 4) {
        candidates.add(t);
      }
    }
    Map<String, Integer> indexed = new HashMap<>();
    for (String t : candidates) {
      indexed.put(t, reader.docFreq(new Term("name", "t:" + t)));
    }
    candidates.sort(Comparator.comparing(indexed::get));
    String rarest = null;
    int fewest = Integer.MAX_VALUE;
    for (String t : candidates) {
      if (indexed.get(t) == 0) {
        continue;
      }
      int n = visibleCount(searcher, new Term("name", "t:" + t), scope, fewest);
      if (n > 0 && (n < fewest || n == fewest && t.compareTo(rarest) < 0)) {
        fewest = n;
        rarest = t;
      }
    }
    return rarest;
  }

  /**
   * How many visible live documents hold the term, counting no further than one past {@code
   * atMost}. Each document of the term's postings is checked against the scope by its batch number
   * (and entity, for granted entities) in doc values: building the scope's filter for a count costs
   * as much as the index is large.
   */
  static int visibleCount(IndexSearcher searcher, Term term, Scope scope, int atMost)
      throws IOException {
    int n = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafReader reader = leaf.reader();
      PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = reader.getLiveDocs();
      NumericDocValues batches = DocValues.getNumeric(reader, SearchDocuments.BATCH_NUMBER);
      SortedDocValues entities = DocValues.getSorted(reader, "entity");
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if ((live == null || live.get(doc))
            && batches.advanceExact(doc)
            && visible(scope, batches.longValue(), entities, doc)
            && ++n > atMost) {
          return n;
        }
      }
    }
    return n;
  }

  /** Whether the scope holds a document of the batch (the entity read only for grants). */
  private static boolean visible(Scope scope, long batch, SortedDocValues entities, int doc)
      throws IOException {
    if (scope.batches().contains(batch)) {
      return true;
    }
    Set<String> granted = scope.entities().get(batch);
    return granted != null
        && entities.advanceExact(doc)
        && granted.contains(entities.lookupOrd(entities.ordValue()).utf8ToString());
  }

  /**
   * Searches within the scope and assembles each hit from all its visible documents. {@code
   * within}: the batches the query's dataset and agency filters admit (null without such filters);
   * it narrows what is found, not the scope, so that ranking does not change with a filter.
   */
  List<SearchHit> search(SearchQuery q, Scope scope, Set<Long> within) {
    if (scope.isEmpty() || (within != null && within.isEmpty())) {
      return List.of();
    }
    return withSearcher(
        shared -> {
          ScopedSearcher searcher = new ScopedSearcher(shared.getIndexReader(), scope);
          BooleanQuery.Builder query = new BooleanQuery.Builder();
          query.add(SearchQueries.match(q, searcher::tier), BooleanClause.Occur.MUST);
          query.add(scope.filter(), BooleanClause.Occur.FILTER);
          if (q.schema() != null) {
            query.add(SearchQueries.schemaIsA(q.schema()), BooleanClause.Occur.FILTER);
          }
          if (q.country() != null) {
            query.add(new TermQuery(new Term("country", q.country())), BooleanClause.Occur.FILTER);
          }
          if (within != null) {
            query.add(
                NumericDocValuesField.newSlowSetQuery(
                    SearchDocuments.BATCH_NUMBER,
                    within.stream().mapToLong(Long::longValue).toArray()),
                BooleanClause.Occur.FILTER);
          }
          return ranked(searcher, query.build(), q.limit(), scope);
        });
  }

  /**
   * Persons and companies like an example, for match by example. With a date of birth, first those
   * born on it or on a date one typo away (day and month swapped, one digit different; a record
   * that gives only the year or month counts as born on it) whose names share a key with the
   * example's name: few documents, so this stays fast on millions of persons and finds the one
   * record among hundreds of namesakes. When those are fewer than {@code limit}, up to {@code
   * limit} more of the best matches on the name alone (fuzzy), for records without a date or with a
   * worse one; that search costs several times the first on a large index, and namesakes it would
   * add rank below a full page of records born on the date. Each within the scope.
   */
  List<SearchHit> similar(String name, String birthDate, int limit, Scope scope) {
    if (scope.isEmpty() || name == null || name.isBlank()) {
      return List.of();
    }
    Query legalEntity = SearchQueries.schemaIsA("LegalEntity");
    Query visible = scope.filter();
    return withSearcher(
        searcher -> {
          List<SearchHit> hits = new ArrayList<>();
          if (birthDate != null && !birthDate.isBlank()) {
            SearchQueries.Clauses names = new SearchQueries.Clauses(t -> 0);
            SearchQueries.names(name, false, names);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(SearchQueries.birthDates(birthDate), BooleanClause.Occur.MUST);
            query.add(
                new TermQuery(new Term(SearchDocuments.BIRTH_DATE, birthDate)),
                BooleanClause.Occur.SHOULD);
            query.add(names.build(), BooleanClause.Occur.MUST);
            query.add(legalEntity, BooleanClause.Occur.FILTER);
            query.add(visible, BooleanClause.Occur.FILTER);
            hits.addAll(
                ranked(
                    new ScopedSearcher(searcher.getIndexReader(), scope),
                    query.build(),
                    limit,
                    scope));
            if (hits.size() >= limit) {
              // enough born on the date: namesakes without it would rank below them
              return hits;
            }
          }
          SearchQueries.Clauses names = new SearchQueries.Clauses(t -> 0);
          SearchQueries.names(name, true, names);
          BooleanQuery.Builder query = new BooleanQuery.Builder();
          String rarest = rarestToken(searcher, SearchQueries.firstTokens(name), scope);
          if (rarest == null) {
            query.add(names.build(), BooleanClause.Occur.MUST);
          } else {
            // walking the postings of "jan" or "mohamed" is the cost of a name search on millions
            // of persons: the rarest token (or a typo of it) leads, the others only score
            SearchQueries.Clauses lead = new SearchQueries.Clauses(t -> 0);
            SearchQueries.token(rarest, true, lead);
            query.add(lead.build(), BooleanClause.Occur.MUST);
            query.add(names.build(), BooleanClause.Occur.SHOULD);
          }
          query.add(legalEntity, BooleanClause.Occur.FILTER);
          query.add(visible, BooleanClause.Occur.FILTER);
          Set<String> seen = new HashSet<>();
          hits.forEach(h -> seen.add(h.id()));
          for (SearchHit h :
              ranked(
                  new ScopedSearcher(searcher.getIndexReader(), scope),
                  query.build(),
                  limit,
                  scope)) {
            if (seen.add(h.id())) {
              hits.add(h);
            }
          }
          return hits;
        });
  }

  /** A search on one point-in-time view of the index. */
  private interface Search {
    List<SearchHit> on(IndexSearcher searcher) throws IOException;
  }

  /** Runs a search on the latest committed view of the index; nothing when there is no index. */
  private List<SearchHit> withSearcher(Search search) {
    try {
      SearcherManager manager = files.searchers();
      if (manager == null) {
        return List.of();
      }
      IndexSearcher searcher = manager.acquire();
      try {
        return search.on(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The best {@code limit} entities for a query that already carries its scope filter, each
   * assembled from all its documents within the scope.
   */
  private static List<SearchHit> ranked(
      ScopedSearcher searcher, Query query, int limit, Scope scope) throws IOException {
    // scored with statistics of the viewer's scope alone (see ScopedSearcher)
    // ties are broken by a hash of the entity id, so results do not depend on the order documents
    // were added
    Sort order =
        new Sort(
            SortField.FIELD_SCORE, new SortField(SearchDocuments.ENTITY_KEY, SortField.Type.LONG));
    ScoreDoc[] top = searcher.search(query, limit * 4, order, true).scoreDocs;
    Map<String, Float> best = new LinkedHashMap<>();
    // an entity may have a document in each of several batches: ids are read a page at a time,
    // best first, until there are enough entities
    for (int from = 0; from < top.length && best.size() < limit; from += limit) {
      ScoreDoc[] page = Arrays.copyOfRange(top, from, Math.min(top.length, from + limit));
      String[] ids = entityIds(searcher.getIndexReader(), page);
      for (int i = 0; i < page.length && best.size() < limit; i++) {
        best.merge(ids[i], page[i].score, Math::max);
      }
    }
    return assemble(searcher, best, scope);
  }

  /** The entity ids of some documents, in their order, read from doc values in document order. */
  private static String[] entityIds(IndexReader reader, ScoreDoc[] docs) throws IOException {
    Integer[] byDoc = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
    List<LeafReaderContext> leaves = reader.leaves();
    String[] ids = new String[docs.length];
    int leaf = -1;
    SortedDocValues values = null;
    for (int i : byDoc) {
      int doc = docs[i].doc;
      int at = ReaderUtil.subIndex(doc, leaves);
      if (at != leaf) {
        leaf = at;
        values = DocValues.getSorted(leaves.get(at).reader(), "entity");
      }
      if (!values.advanceExact(doc - leaves.get(at).docBase)) {
        throw new IllegalStateException("search index document " + doc + " has no entity id");
      }
      ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
    }
    return ids;
  }

  private static List<SearchHit> assemble(
      IndexSearcher searcher, Map<String, Float> best, Scope scope) throws IOException {
    if (best.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(SearchQueries.inSet("entity", best.keySet()), BooleanClause.Occur.FILTER);
    all.add(scope.filter(), BooleanClause.Occur.FILTER);
    all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    TopDocs docs = searcher.search(all.build(), Math.max(1, best.size() * 50));
    Map<String, Schema> schemata = new HashMap<>();
    Map<String, Map<String, List<String>>> props = new HashMap<>();
    Map<String, String> strictest = new HashMap<>();
    for (ScoreDoc sd : docs.scoreDocs) {
      Document doc = searcher.storedFields().document(sd.doc);
      String id = doc.get("entity");
      String code = doc.get("handling") == null ? "H3" : doc.get("handling");
      strictest.merge(id, code, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      Schema s = Schemata.model().get(doc.get("schema_name"));
      schemata.merge(id, s, (a, b) -> Schemata.model().common(a, b).orElse(a));
      Map<String, List<String>> values =
          JSON.readValue(doc.get("props"), new TypeReference<Map<String, List<String>>>() {});
      Map<String, List<String>> target = props.computeIfAbsent(id, k -> new LinkedHashMap<>());
      values.forEach(
          (p, vs) -> {
            List<String> list = target.computeIfAbsent(p, k -> new ArrayList<>());
            for (String v : vs) {
              if (!list.contains(v)) {
                list.add(v);
              }
            }
          });
    }
    List<SearchHit> hits = new ArrayList<>();
    best.entrySet().stream()
        .sorted(
            Map.Entry.<String, Float>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> {
              Schema s = schemata.get(e.getKey());
              Map<String, List<String>> p = props.getOrDefault(e.getKey(), Map.of());
              hits.add(
                  new SearchHit(
                      e.getKey(),
                      s.name(),
                      Captions.caption(s, p, e.getKey()),
                      e.getValue(),
                      strictest.get(e.getKey()),
                      p));
            });
    return hits;
  }
}
