package org.spil.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;
import org.spil.model.Property;
import org.spil.model.PropertyType;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.model.Statement;
import org.spil.model.types.NameKeys;

/**
 * The documents of the search index: one per entity per batch, with the fields searches match on
 * (names in every spelling, identifiers, words, schema, country, dates of birth), the batch and
 * entity a scope filters on, and the visible values stored for assembling hits; and the feed that
 * builds and adds them on worker threads while the caller reads the warehouse.
 */
final class SearchDocuments {
  private SearchDocuments() {}

  /**
   * Free text (addresses, notes) as words with their frequencies and the field's length for
   * ranking, but no positions: searches look up single words, never phrases, so positions would be
   * written for nothing.
   */
  static final FieldType TEXT = textType();

  private static FieldType textType() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }

  /** The doc-values field holding a document's batch id, for scope filters. */
  static final String BATCH_NUMBER = "batch_no";

  /**
   * The doc-values field holding a 64-bit hash of a document's entity id: the tie-break of equal
   * scores. Comparing numbers costs nothing beside comparing the ids themselves, which reads and
   * decompresses blocks of the terms dictionary for each candidate (a quarter of a search's time at
   * a million persons).
   */
  static final String ENTITY_KEY = "entity_key";

  /**
   * The tie-break key of an entity id: FNV-1a over its characters, mixed by MurmurHash3's
   * finaliser. The same on every run and machine; two ids with the same key only share a place in
   * the order of equal scores.
   */
  static long entityKey(String entityId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < entityId.length(); i++) {
      h ^= entityId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The term field of dates of birth (ISO, as precise as the source gave them). */
  static final String BIRTH_DATE = "dob";

  static Document document(
      String entityId, String schemaName, Map<String, List<String>> props, Batch batch)
      throws IOException {
    Document doc = new Document();
    doc.add(new StringField("entity", entityId, Field.Store.YES));
    doc.add(new SortedDocValuesField("entity", new BytesRef(entityId)));
    doc.add(new NumericDocValuesField(ENTITY_KEY, entityKey(entityId)));
    doc.add(new StringField("batch", Long.toString(batch.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(BATCH_NUMBER, batch.id()));
    doc.add(new StoredField("handling", batch.provenance().handlingCode().name()));
    doc.add(new StoredField("schema_name", schemaName));
    Schema schema = Schemata.model().get(schemaName);
    doc.add(new StringField("schema", schemaName, Field.Store.NO));
    StringBuilder text = new StringBuilder();
    Set<String> nameKeys = new LinkedHashSet<>();
    Map<String, List<String>> stored = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : props.entrySet()) {
      if (e.getKey().equals(Statement.ID_PROP)) {
        continue;
      }
      stored.put(e.getKey(), e.getValue());
      Property prop = schema.property(e.getKey());
      if (prop == null) {
        continue;
      }
      PropertyType type = prop.type();
      for (String v : e.getValue()) {
        switch (type.name()) {
          case "name" -> {
            nameKeys.addAll(type.searchKeys(v));
            if (prop.name().equals("name") || prop.name().equals("alias")) {
              doc.add(new StringField("fp", NameKeys.fingerprint(v), Field.Store.NO));
            }
          }
          case "country" -> doc.add(new StringField("country", v, Field.Store.NO));
          case "date" -> {
            if (prop.name().equals("birthDate")) {
              doc.add(new StringField(BIRTH_DATE, v, Field.Store.NO));
            }
          }
          case "entity", "number", "amount", "url", "json", "html", "checksum" -> {}
          default -> {
            boolean identifier = type.isPivot() && !type.name().equals("address");
            if (identifier) {
              for (String k : type.searchKeys(v)) {
                doc.add(new StringField("key", k, Field.Store.NO));
              }
            } else if (text.length() < 32_000) {
              text.append(v).append(' ');
            }
          }
        }
      }
    }
    for (String k : nameKeys) {
      doc.add(new StringField("name", k, Field.Store.NO));
    }
    if (text.length() > 0) {
      doc.add(new Field("text", text.toString(), TEXT));
    }
    doc.add(new StoredField("props", SearchIndex.JSON.writeValueAsString(stored)));
    return doc;
  }

  /**
   * Builds and adds documents on worker threads while the caller reads the warehouse: the caller's
   * reads and the workers' analysis and indexing run on separate cores. With match codes to fill,
   * each worker also codes the entities it indexes.
   */
  static final class DocumentFeed {
    private record Entity(String id, String schema, Map<String, List<String>> props) {}

    /**
     * Entities handed to the workers at a time: each handover takes the queue's lock and often
     * wakes a thread. With this and one thread adding at a time, indexing the 2M entities of the
     * 1M-row bench took 14-17 s of system time instead of 21-27 s.
     */
    static final int CHUNK = 256;

    private static final List<Entity> END = List.of();
    private final BlockingQueue<List<Entity>> queue = new ArrayBlockingQueue<>(16);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<Entity> chunk = new ArrayList<>(CHUNK);

    /**
     * Held while a chunk's documents go into the writer: one thread at a time, so that Lucene fills
     * one in-memory segment while the other thread builds the next chunk. Two threads adding at
     * once fill two segments, flushed half as large and merged more: on two cores that took 40%
     * more CPU for the same documents and no less time (a one-off harness adding 1M prebuilt
     * documents: 22 s of CPU against 16).
     */
    private final Object adding = new Object();

    DocumentFeed(IndexWriter writer, Batch batch, int threads, MatchIndex.BatchCodes codes) {
      for (int i = 0; i < threads; i++) {
        MatchIndex.BatchCodes.Part part = codes == null ? null : codes.part();
        Thread t =
            new Thread(
                () -> {
                  try {
                    List<Document> docs = new ArrayList<>(CHUNK);
                    for (List<Entity> c = queue.take(); c != END; c = queue.take()) {
                      if (failure.get() != null) {
                        continue;
                      }
                      docs.clear();
                      for (Entity e : c) {
                        docs.add(document(e.id(), e.schema(), e.props(), batch));
                        if (part != null) {
                          part.add(e.id(), e.props());
                        }
                      }
                      synchronized (adding) {
                        for (Document d : docs) {
                          writer.addDocument(d);
                        }
                      }
                    }
                  } catch (Throwable x) {
                    failure.compareAndSet(null, x);
                    queue.clear();
                  }
                },
                "spil-index-" + i);
        t.setDaemon(true);
        t.start();
        workers.add(t);
      }
    }

    void add(String id, String schema, Map<String, List<String>> props) {
      chunk.add(new Entity(id, schema, props));
      if (chunk.size() == CHUNK) {
        offer(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
    }

    private void offer(List<Entity> entities) {
      try {
        while (!queue.offer(entities, 100, TimeUnit.MILLISECONDS)) {
          if (failure.get() != null) {
            throw new StoreException("indexing failed: " + failure.get(), failure.get());
          }
        }
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        throw new StoreException("indexing interrupted", x);
      }
    }

    void finish() {
      if (!chunk.isEmpty()) {
        offer(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
      for (int i = 0; i < workers.size(); i++) {
        offer(END);
      }
      for (Thread t : workers) {
        try {
          t.join();
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
          throw new StoreException("indexing interrupted", x);
        }
      }
      if (failure.get() != null) {
        throw new StoreException("indexing failed: " + failure.get().getMessage(), failure.get());
      }
    }
  }
}
