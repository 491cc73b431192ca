package org.spil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.spil.model.ChatMessage;

/**
 * The full-text index of the message store (Lucene, {@code DIR/messages}): one document per message
 * with its batch (as a term and as doc values, so that a viewer's scope filters it like the entity
 * index), time, sender, recipients, conversation and language as exact fields, and its text
 * analysed twice: as written (lower case, accents folded, positions for phrases and proximity) in
 * {@code body}, and stemmed in the message's language ({@code body_nld}, {@code body_eng}, {@code
 * body_fra}) so that "betaling" finds "betalingen" and "pay" finds "paying". Like the entity index
 * it records the last batch it holds and catches up after a crash; a purge deletes a batch's
 * documents.
 *
 * <p>NOTE: one writer at a time; searches share a reader refreshed when a commit lands.
 */
final class MessageIndex implements AutoCloseable {
  private static final String INDEXED_THROUGH = "indexed_through";
  private static final String FORMAT_KEY = "format";

  /** The layout of the documents; an index of another format is rebuilt. */
  static final String FORMAT = "3";

  static final String ID = "id";

  /** A 64-bit key of the id as doc values: the tie-break of equal times and scores. */
  static final String ID_KEY = "id_key";

  static final String BATCH = "batch";
  static final String TIME = "time";
  static final String FROM = "from";
  static final String DEVICE = "device";
  static final String TO = "to";
  static final String CONVERSATION = "conversation";
  static final String LANGUAGE = "language";
  static final String BODY = "body";

  /** The languages with a stemmed field of their own: ISO 639-3 code to field. */
  static final Map<String, String> STEMMED =
      Map.of("nld", "body_nld", "eng", "body_eng", "fra", "body_fra");

  private final Path dir;
  private final IndexFiles files;

  MessageIndex(Path dir) {
    this.dir = dir;
    this.files = new IndexFiles(dir, "message index");
  }

  /** The analysis of each field: as written for {@code body}, stemmed per language. */
  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        SearchIndex.textAnalyzer(),
        Map.of(
            "body_nld", new DutchAnalyzer(),
            "body_eng", new EnglishAnalyzer(),
            "body_fra", new FrenchAnalyzer()));
  }

  /** A search on one point-in-time view of the index. */
  interface Search<T> {
    T on(IndexSearcher searcher) throws IOException;
  }

  /** Runs a search on the latest view of the index; {@code empty} when there is none. */
  <T> T withSearcher(Search<T> search, T empty) {
    try {
      SearcherManager manager = files.searchers();
      if (manager == null) {
        return empty;
      }
      IndexSearcher searcher = manager.acquire();
      try {
        return search.on(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot search message index " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    files.close();
  }

  private Map<String, String> commitData() {
    return files.commitData();
  }

  /**
   * Indexes the messages of every batch the warehouse committed after the index's last one (all of
   * them when the index is of another format); returns how many messages. Writes nothing when none
   * of those batches holds a message.
   */
  long catchUp(Warehouse warehouse, LongConsumer progress) {
    Map<String, String> data = commitData();
    boolean fresh = !data.isEmpty() && !FORMAT.equals(data.get(FORMAT_KEY));
    String v = data.get(INDEXED_THROUGH);
    long through = fresh || v == null ? 0 : Long.parseLong(v);
    long max = warehouse.maxBatchId();
    if (through >= max && !fresh) {
      return 0;
    }
    // a delivery without messages (most of them) leaves the index as it is: its mark of how far
    // it caught up stays behind, and the next catch-up passes over the same few batches again
    boolean any = false;
    for (Batch b : warehouse.batches()) {
      any |= b.id() > through && b.id() <= max && b.messages() > 0;
    }
    if (!any && !fresh) {
      return 0;
    }
    return write(warehouse, through, max, fresh, progress);
  }

  /** Drops the index and indexes the messages of every batch. */
  long rebuild(Warehouse warehouse, LongConsumer progress) {
    return write(warehouse, 0, warehouse.maxBatchId(), true, progress);
  }

  /** Removes the messages of purged batches, their stored text with the old segment files. */
  void dropBatches(Set<Long> batches) {
    if (batches.isEmpty() || commitData().isEmpty()) {
      return;
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, config)) {
      String through = commitData().get(INDEXED_THROUGH);
      for (long b : batches) {
        writer.deleteDocuments(new Term(BATCH, Long.toString(b)));
      }
      writer.forceMergeDeletes(true);
      writer.setLiveCommitData(commitData(through == null ? 0 : Long.parseLong(through)));
      writer.commit();
    } catch (IOException e) {
      throw new StoreException("cannot update message index " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Iterable<Map.Entry<String, String>> commitData(long through) {
    return Map.of(INDEXED_THROUGH, Long.toString(through), FORMAT_KEY, FORMAT).entrySet();
  }

  private long write(
      Warehouse warehouse, long after, long through, boolean fresh, LongConsumer progress) {
    try {
      OwnerOnly.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create message index directory " + dir, e);
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer());
    config.setOpenMode(
        fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(256);
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0.0);
    config.setMergePolicy(merges);
    long[] docs = {0};
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, config);
        Feeders feeders = new Feeders(writer)) {
      for (Batch b : warehouse.batches()) {
        if (b.id() <= after || b.id() > through || b.messages() == 0) {
          continue;
        }
        writer.deleteDocuments(new Term(BATCH, Long.toString(b.id())));
        List<ChatMessage> block = new ArrayList<>(Feeders.BLOCK);
        warehouse.forEachMessageOfBatch(
            b.id(),
            m -> {
              block.add(m);
              if (block.size() == Feeders.BLOCK) {
                feeders.add(b.id(), List.copyOf(block));
                block.clear();
              }
              if ((++docs[0] & 0x3fff) == 0) {
                progress.accept(docs[0]);
              }
            });
        feeders.add(b.id(), List.copyOf(block));
      }
      feeders.finish();
      if (docs[0] * 4 >= writer.getDocStats().numDocs && docs[0] > 0) {
        writer.forceMerge(SearchIndex.MAX_SEGMENTS);
      }
      writer.setLiveCommitData(commitData(through));
      writer.commit();
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot write message index " + dir + ": " + e.getMessage(), e);
    }
    progress.accept(docs[0]);
    return docs[0];
  }

  /**
   * Threads that add blocks of messages to the index while the warehouse is read on the caller's
   * thread: a few blocks in flight at most, so that memory stays flat however large the batch. The
   * first failure of any thread is rethrown by {@link #finish}.
   */
  static final class Feeders implements AutoCloseable {
    static final int BLOCK = 1024;
    private final IndexWriter writer;
    private final int threads =
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "spil-message-index");
              t.setDaemon(true);
              return t;
            });
    private final java.util.concurrent.Semaphore inFlight =
        new java.util.concurrent.Semaphore(threads * 2);
    private final ThreadLocal<DocumentFeed> feeds = ThreadLocal.withInitial(DocumentFeed::new);
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();

    Feeders(IndexWriter writer) {
      this.writer = writer;
    }

    void add(long batchId, List<ChatMessage> block) {
      if (block.isEmpty()) {
        return;
      }
      rethrow();
      inFlight.acquireUninterruptibly();
      pool.execute(
          () -> {
            try {
              DocumentFeed feed = feeds.get();
              for (ChatMessage m : block) {
                writer.addDocument(feed.document(batchId, m));
              }
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              inFlight.release();
            }
          });
    }

    /** Waits for every block; rethrows the first failure. */
    void finish() {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(7, java.util.concurrent.TimeUnit.DAYS)) {
          throw new StoreException("indexing messages did not finish");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while indexing messages", e);
      }
      rethrow();
    }

    private void rethrow() {
      Throwable t = failure.get();
      if (t instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t != null) {
        throw new StoreException("cannot index messages: " + t, t);
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /**
   * Makes the document of a message, reusing its fields from one message to the next (an index of
   * 10^7 messages would otherwise make 10^8 field objects).
   */
  static final class DocumentFeed {
    private final Document doc = new Document();
    private final StringField id = new StringField(ID, "", Field.Store.YES);
    private final NumericDocValuesField idKey = new NumericDocValuesField(ID_KEY, 0);
    private final StringField batch = new StringField(BATCH, "", Field.Store.YES);
    private final NumericDocValuesField batchNo =
        new NumericDocValuesField(SearchDocuments.BATCH_NUMBER, 0);
    private final LongPoint time = new LongPoint(TIME, 0);
    private final NumericDocValuesField timeValue = new NumericDocValuesField(TIME, 0);
    private final StoredField timeStored = new StoredField(TIME, 0L);
    private final StringField from = new StringField(FROM, "", Field.Store.YES);
    private final StringField device = new StringField(DEVICE, "", Field.Store.YES);
    private final StringField conversation = new StringField(CONVERSATION, "", Field.Store.YES);
    private final StringField language = new StringField(LANGUAGE, "", Field.Store.YES);
    private final Field body = new Field(BODY, "", TextField.TYPE_STORED);
    private final Map<String, Field> stemmed = new java.util.HashMap<>();

    DocumentFeed() {
      STEMMED.forEach((lang, field) -> stemmed.put(lang, new TextField(field, "", Field.Store.NO)));
    }

    Document document(long batchId, ChatMessage m) {
      doc.clear();
      id.setStringValue(m.id());
      idKey.setLongValue(SearchDocuments.entityKey(m.id()));
      batch.setStringValue(Long.toString(batchId));
      batchNo.setLongValue(batchId);
      long ms = m.time().toEpochMilli();
      time.setLongValue(ms);
      timeValue.setLongValue(ms);
      timeStored.setLongValue(ms);
      from.setStringValue(m.sender());
      conversation.setStringValue(m.conversation());
      String lang = m.language() == null ? "und" : m.language();
      language.setStringValue(lang);
      body.setStringValue(m.body());
      doc.add(id);
      doc.add(idKey);
      doc.add(batch);
      doc.add(batchNo);
      doc.add(time);
      doc.add(timeValue);
      doc.add(timeStored);
      doc.add(from);
      if (m.device() != null) {
        device.setStringValue(m.device());
        doc.add(device);
      }
      List<Field> recipients = new ArrayList<>(m.recipients().size());
      for (String r : m.recipients()) {
        recipients.add(new StringField(TO, r, Field.Store.YES));
      }
      recipients.forEach(doc::add);
      doc.add(conversation);
      doc.add(language);
      doc.add(body);
      Field stem = stemmed.get(lang);
      if (stem != null) {
        stem.setStringValue(m.body());
        doc.add(stem);
      }
      return doc;
    }
  }
}
