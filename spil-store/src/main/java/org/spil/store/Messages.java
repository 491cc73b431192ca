package org.spil.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.TooManyClauses;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.spil.model.ChatMessage;
import org.spil.model.InvalidField;
import org.spil.policy.Subset;
import org.spil.policy.Viewer;

/**
 * Reads of the message store, per viewer: full-text search with filters, each hit with its
 * highlights and the messages of its conversation around it. A viewer sees the messages of the
 * batches its scope holds in full and those an approval opens to it ({@link #visible}; a grant of
 * single entities after an access request opens no messages); term statistics are counted within
 * the batches read in full ({@link ScopedSearcher}), so neither a score nor a count reveals a
 * message the viewer may not read. Every search is audited with the ids it returned.
 */
public final class Messages {
  private final Store store;

  Messages(Store store) {
    this.store = store;
  }

  /** The fields a query's words are looked for in: as written and stemmed in each language. */
  private static final String[] TEXT_FIELDS = {
    MessageIndex.BODY, "body_nld", "body_eng", "body_fra"
  };

  /** Searches the messages the viewer may read; audited. */
  public MessageHit.Page search(Viewer viewer, MessageQuery q) {
    Visible visible = visible(viewer);
    Query text = parse(q.text());
    Set<Long> within = batchesOf(q.dataset());
    MessageHit.Page page;
    if (visible.isEmpty() || (within != null && within.isEmpty())) {
      page = new MessageHit.Page(0, 0, List.of());
    } else {
      page =
          store
              .messageIndex()
              .withSearcher(
                  shared -> run(shared, visible, text, q, within),
                  new MessageHit.Page(0, 0, List.of()));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("query", q.text() == null ? "" : q.text());
    Map<String, Object> filters = new LinkedHashMap<>();
    put(filters, "from", q.from());
    put(filters, "to", q.to());
    put(filters, "handle", q.handle());
    put(filters, "conversation", q.conversation());
    put(filters, "since", q.since());
    put(filters, "until", q.until());
    put(filters, "dataset", q.dataset());
    put(filters, "language", q.language());
    if (!filters.isEmpty()) {
      detail.put("filters", filters);
    }
    detail.put("total", page.total());
    if (page.privileged() > 0) {
      detail.put("privileged", page.privileged());
    }
    List<String> shown = new ArrayList<>();
    for (MessageHit h : page.results()) {
      shown.add(h.id());
      h.before().forEach(l -> shown.add(l.id()));
      h.after().forEach(l -> shown.add(l.id()));
    }
    detail.put("returned", shown);
    store.audited(viewer, "messages.search", detail);
    return page;
  }

  /**
   * Every visible message that matches {@code text} (Lucene syntax), up to {@code max} in time
   * order, each with up to {@code context} messages of its conversation before it: the candidates
   * of an analysis that weighs each message itself (triage). Audited with the query and how many
   * were read; the analysis audits what it shows.
   */
  public List<MessageHit> scan(Viewer viewer, String text, int max, int context) {
    Visible visible = visible(viewer);
    Query query = parse(text);
    List<MessageHit> out =
        visible.isEmpty()
            ? List.of()
            : store
                .messageIndex()
                .withSearcher(
                    shared -> {
                      IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
                      BooleanQuery.Builder q = new BooleanQuery.Builder();
                      q.add(query, BooleanClause.Occur.MUST);
                      q.add(visible.filter(), BooleanClause.Occur.FILTER);
                      Sort order =
                          new Sort(
                              new SortField(MessageIndex.TIME, SortField.Type.LONG),
                              new SortField(MessageIndex.ID_KEY, SortField.Type.LONG));
                      Map<Long, String> datasets = datasets();
                      List<MessageHit> hits = new ArrayList<>();
                      for (ScoreDoc sd :
                          searcher.search(q.build(), Math.max(1, max), order).scoreDocs) {
                        Stored m = stored(searcher.storedFields().document(sd.doc));
                        List<MessageHit.Line> before =
                            context == 0
                                ? List.of()
                                : around(searcher, visible.filter(), m, context, true);
                        hits.add(m.hit(datasets, 0, List.of(), before, List.of()));
                      }
                      return hits;
                    },
                    List.of());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("query", text);
    detail.put("read", out.size());
    store.audited(viewer, "messages.scan", detail);
    return out;
  }

  /**
   * A message of a handle as attribution reads it: who, to whom, when, in which conversation, what,
   * from which device.
   */
  public record Sent(
      String id,
      String dataset,
      Instant time,
      String from,
      List<String> to,
      String conversation,
      String body,
      String language,
      String device) {}

  /**
   * The visible messages a handle sent or received, up to {@code max}, oldest first; or, with
   * {@code device}, those sent from that device. Audited with the handle (or device) and the count.
   */
  public List<Sent> involving(Viewer viewer, String handle, String device, int max) {
    Visible visible = visible(viewer);
    List<Sent> out =
        visible.isEmpty()
            ? List.of()
            : store
                .messageIndex()
                .withSearcher(
                    searcher -> {
                      BooleanQuery.Builder q = new BooleanQuery.Builder();
                      if (device != null) {
                        q.add(
                            new TermQuery(new Term(MessageIndex.DEVICE, device)),
                            BooleanClause.Occur.FILTER);
                      } else {
                        BooleanQuery.Builder either = new BooleanQuery.Builder();
                        either.add(
                            new TermQuery(new Term(MessageIndex.FROM, handle)),
                            BooleanClause.Occur.SHOULD);
                        either.add(
                            new TermQuery(new Term(MessageIndex.TO, handle)),
                            BooleanClause.Occur.SHOULD);
                        q.add(either.build(), BooleanClause.Occur.FILTER);
                      }
                      q.add(visible.filter(), BooleanClause.Occur.FILTER);
                      Sort order =
                          new Sort(
                              new SortField(MessageIndex.TIME, SortField.Type.LONG),
                              new SortField(MessageIndex.ID_KEY, SortField.Type.LONG));
                      Map<Long, String> datasets = datasets();
                      List<Sent> found = new ArrayList<>();
                      for (ScoreDoc sd :
                          searcher.search(q.build(), Math.max(1, max), order).scoreDocs) {
                        Stored m = stored(searcher.storedFields().document(sd.doc));
                        found.add(
                            new Sent(
                                m.id,
                                datasets.get(m.batch),
                                m.time,
                                m.from,
                                m.to,
                                m.conversation,
                                m.body,
                                m.language,
                                m.device));
                      }
                      return found;
                    },
                    List.of());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put(device != null ? "device" : "handle", device != null ? device : handle);
    detail.put("read", out.size());
    store.audited(viewer, "messages.handle", detail);
    return out;
  }

  /**
   * Every message of the parts of batches an approval opens to the viewer (not those of the batches
   * it reads in full), with its batch, for an export. Not audited here: the export is.
   */
  public void forEachOpened(Viewer viewer, java.util.function.BiConsumer<Long, ChatMessage> each) {
    Visible visible = visible(viewer);
    if (!visible.opened()) {
      return;
    }
    store
        .messageIndex()
        .withSearcher(
            searcher -> {
              BooleanQuery.Builder q = new BooleanQuery.Builder();
              q.add(visible.filter(), BooleanClause.Occur.FILTER);
              if (!visible.scope().isEmpty()) {
                q.add(visible.scope().filter(), BooleanClause.Occur.MUST_NOT);
              }
              int n = Math.max(1, searcher.count(q.build()));
              Sort order =
                  new Sort(
                      new SortField(MessageIndex.TIME, SortField.Type.LONG),
                      new SortField(MessageIndex.ID_KEY, SortField.Type.LONG));
              for (ScoreDoc sd : searcher.search(q.build(), n, order).scoreDocs) {
                Stored m = stored(searcher.storedFields().document(sd.doc));
                each.accept(
                    m.batch,
                    new ChatMessage(
                        m.id,
                        m.time,
                        m.from,
                        m.to,
                        m.device,
                        m.conversation,
                        m.body,
                        m.language,
                        null,
                        null,
                        null,
                        0));
              }
              return null;
            },
            null);
  }

  /** The visible messages of an id (one per dataset that holds it), without context. */
  public List<MessageHit> byId(Viewer viewer, String id) {
    Visible visible = visible(viewer);
    if (visible.isEmpty() || id == null) {
      return List.of();
    }
    return store
        .messageIndex()
        .withSearcher(
            searcher -> {
              BooleanQuery.Builder q = new BooleanQuery.Builder();
              q.add(new TermQuery(new Term(MessageIndex.ID, id)), BooleanClause.Occur.MUST);
              q.add(visible.filter(), BooleanClause.Occur.FILTER);
              Map<Long, String> datasets = datasets();
              List<MessageHit> hits = new ArrayList<>();
              for (ScoreDoc sd : searcher.search(q.build(), 100).scoreDocs) {
                Stored m = stored(searcher.storedFields().document(sd.doc));
                hits.add(m.hit(datasets, 0, List.of(), List.of(), List.of()));
              }
              return hits;
            },
            List.of());
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value.toString());
    }
  }

  /**
   * What of the message store a viewer may read: the batches it reads in full ({@code scope}, by
   * which terms are also counted) and the parts of other batches that an approval opens to it
   * ({@code opened}; {@code readable} holds both): the messages sent within an approved period, or
   * those of approved handles (a subset of entities names handles' {@code UserAccount} ids) or
   * approved message ids; less the messages sent by or to a privileged handle ({@code privileged},
   * null when there is none), which no one reads and searches only count.
   */
  record Visible(Scope scope, boolean opened, Query readable, Query privileged) {
    boolean isEmpty() {
      return scope.isEmpty() && !opened;
    }

    /** The messages the viewer reads: the readable ones that are not privileged. */
    Query filter() {
      if (privileged == null) {
        return readable;
      }
      BooleanQuery.Builder filter = new BooleanQuery.Builder();
      filter.add(readable, BooleanClause.Occur.FILTER);
      filter.add(privileged, BooleanClause.Occur.MUST_NOT);
      return filter.build();
    }
  }

  /** What of the message store a viewer may read ({@link Visible}). */
  Visible visible(Viewer viewer) {
    Scope scope = new Scope(store.scope(viewer).batches(), Map.of());
    Query privileged = null;
    Set<String> handles = Privileged.handles(store.dir());
    if (!handles.isEmpty()) {
      BooleanQuery.Builder p = new BooleanQuery.Builder();
      p.add(SearchQueries.inSet(MessageIndex.FROM, handles), BooleanClause.Occur.SHOULD);
      p.add(SearchQueries.inSet(MessageIndex.TO, handles), BooleanClause.Occur.SHOULD);
      p.setMinimumNumberShouldMatch(1);
      privileged = p.build();
    }
    Map<Long, List<Subset>> subsets = store.openedSubsets(viewer);
    if (subsets.isEmpty()) {
      return new Visible(scope, false, scope.filter(), privileged);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (!scope.isEmpty()) {
      any.add(scope.filter(), BooleanClause.Occur.SHOULD);
    }
    subsets.forEach(
        (batch, list) -> {
          BooleanQuery.Builder parts = new BooleanQuery.Builder();
          for (Subset s : list) {
            parts.add(subset(batch, s), BooleanClause.Occur.SHOULD);
          }
          parts.setMinimumNumberShouldMatch(1);
          BooleanQuery.Builder one = new BooleanQuery.Builder();
          one.add(
              new TermQuery(new Term(MessageIndex.BATCH, Long.toString(batch))),
              BooleanClause.Occur.FILTER);
          one.add(parts.build(), BooleanClause.Occur.FILTER);
          any.add(one.build(), BooleanClause.Occur.SHOULD);
        });
    any.setMinimumNumberShouldMatch(1);
    return new Visible(scope, true, any.build(), privileged);
  }

  /** The messages of a batch in an approved subset. */
  private Query subset(long batch, Subset s) {
    if (s instanceof Subset.Period p) {
      long from = p.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      long to = p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
      return LongPoint.newRangeQuery(MessageIndex.TIME, from, to);
    }
    Set<String> ids = ((Subset.Entities) s).ids();
    Set<String> handles = handlesOf(batch, ids);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(SearchQueries.inSet(MessageIndex.ID, ids), BooleanClause.Occur.SHOULD);
    if (!handles.isEmpty()) {
      any.add(SearchQueries.inSet(MessageIndex.FROM, handles), BooleanClause.Occur.SHOULD);
      any.add(SearchQueries.inSet(MessageIndex.TO, handles), BooleanClause.Occur.SHOULD);
    }
    any.setMinimumNumberShouldMatch(1);
    return any.build();
  }

  /** The handles (usernames) of those of the entities that are accounts of the batch. */
  private Set<String> handlesOf(long batch, Set<String> entityIds) {
    Set<String> out = new TreeSet<>();
    try (PreparedStatement ps =
        store
            .warehouse()
            .connection()
            .prepareStatement(
                "SELECT DISTINCT value FROM statement WHERE batch_id = ? AND schema ="
                    + " 'UserAccount' AND prop = 'username' AND entity_id = ANY(?)")) {
      ps.setLong(1, batch);
      ps.setArray(2, store.warehouse().connection().createArrayOf("VARCHAR", entityIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the handles of an approval: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /** The batches of a dataset (null: no filter). */
  private Set<Long> batchesOf(String dataset) {
    if (dataset == null) {
      return null;
    }
    Set<Long> out = new HashSet<>();
    for (Batch b : store.batches()) {
      if (b.provenance().dataset().equals(dataset)) {
        out.add(b.id());
      }
    }
    return out;
  }

  /** The query of the text, or every message for a blank text; a syntax error names the query. */
  static Query parse(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS, MessageIndex.analyzer());
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    try {
      return parser.parse(text);
    } catch (ParseException | TooManyClauses e) {
      throw new InvalidField(
          "query",
          "'"
              + text
              + "' is not a search: "
              + firstLine(e.getMessage())
              + " (words, \"a phrase\", \"near words\"~5, wild*, fuzzy~, OR, NOT; a wildcard"
              + " may not start a word)");
    } catch (IllegalArgumentException e) {
      throw new InvalidField("query", "'" + text + "' is not a search: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private MessageHit.Page run(
      IndexSearcher shared, Visible visible, Query text, MessageQuery q, Set<Long> within)
      throws IOException {
    ScopedSearcher searcher = new ScopedSearcher(shared.getIndexReader(), visible.scope());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(text, BooleanClause.Occur.MUST);
    filter(query, MessageIndex.FROM, q.from());
    filter(query, MessageIndex.TO, q.to());
    if (q.handle() != null) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(
          new TermQuery(new Term(MessageIndex.FROM, q.handle())), BooleanClause.Occur.SHOULD);
      either.add(new TermQuery(new Term(MessageIndex.TO, q.handle())), BooleanClause.Occur.SHOULD);
      query.add(either.build(), BooleanClause.Occur.FILTER);
    }
    filter(query, MessageIndex.CONVERSATION, q.conversation());
    filter(query, MessageIndex.LANGUAGE, q.language());
    if (q.since() != null || q.until() != null) {
      long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochMilli();
      long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(MessageIndex.TIME, from, to), BooleanClause.Occur.FILTER);
    }
    if (within != null) {
      query.add(
          SearchQueries.inSet(
              MessageIndex.BATCH, within.stream().map(String::valueOf).collect(toSet())),
          BooleanClause.Occur.FILTER);
    }
    Query asked = query.build();
    long withheld = 0;
    if (visible.privileged() != null) {
      BooleanQuery.Builder privileged = new BooleanQuery.Builder();
      privileged.add(asked, BooleanClause.Occur.MUST);
      privileged.add(visible.readable(), BooleanClause.Occur.FILTER);
      privileged.add(visible.privileged(), BooleanClause.Occur.FILTER);
      withheld = searcher.count(privileged.build());
    }
    BooleanQuery.Builder readable = new BooleanQuery.Builder();
    readable.add(asked, BooleanClause.Occur.MUST);
    readable.add(visible.filter(), BooleanClause.Occur.FILTER);
    Query built = readable.build();
    long total = searcher.count(built);
    Sort order =
        "time".equals(q.sort())
            ? new Sort(
                new SortField(MessageIndex.TIME, SortField.Type.LONG),
                new SortField(MessageIndex.ID_KEY, SortField.Type.LONG))
            : new Sort(
                SortField.FIELD_SCORE,
                new SortField(MessageIndex.TIME, SortField.Type.LONG, true),
                new SortField(MessageIndex.ID_KEY, SortField.Type.LONG));
    int wanted = q.offset() + q.limit();
    TopDocs top = searcher.search(built, Math.max(1, wanted), order, true);
    Highlighter marks = new Highlighter(text);
    List<MessageHit> hits = new ArrayList<>();
    Map<Long, String> datasets = datasets();
    ScoreDoc[] docs = top.scoreDocs;
    for (int i = q.offset(); i < docs.length; i++) {
      Document d = searcher.storedFields().document(docs[i].doc);
      Stored m = stored(d);
      List<MessageHit.Line> before = List.of();
      List<MessageHit.Line> after = List.of();
      if (q.context() > 0) {
        before = around(searcher, visible.filter(), m, q.context(), true);
        after = around(searcher, visible.filter(), m, q.context(), false);
      }
      hits.add(
          m.hit(
              datasets,
              Float.isNaN(docs[i].score) ? 0 : docs[i].score,
              marks.marks(m.body, m.language),
              before,
              after));
    }
    return new MessageHit.Page(total, withheld, hits);
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return java.util.stream.Collectors.toSet();
  }

  private static void filter(BooleanQuery.Builder query, String field, String value) {
    if (value != null) {
      query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }
  }

  private Map<Long, String> datasets() {
    Map<Long, String> out = new HashMap<>();
    for (Batch b : store.batches()) {
      out.put(b.id(), b.provenance().dataset());
    }
    return out;
  }

  /** A message as its index document stores it. */
  private record Stored(
      String id,
      long batch,
      Instant time,
      String from,
      List<String> to,
      String conversation,
      String body,
      String language,
      String device) {

    /** The hit of this message, its dataset named from the batches. */
    MessageHit hit(
        Map<Long, String> datasets,
        float score,
        List<MessageHit.Highlight> highlights,
        List<MessageHit.Line> before,
        List<MessageHit.Line> after) {
      return new MessageHit(
          id,
          time,
          from,
          to,
          conversation,
          body,
          language,
          datasets.get(batch),
          score,
          highlights,
          before,
          after);
    }
  }

  private static Stored stored(Document d) {
    List<String> to = new ArrayList<>();
    for (IndexableField f : d.getFields(MessageIndex.TO)) {
      to.add(f.stringValue());
    }
    return new Stored(
        d.get(MessageIndex.ID),
        Long.parseLong(d.get(MessageIndex.BATCH)),
        Instant.ofEpochMilli(d.getField(MessageIndex.TIME).numericValue().longValue()),
        d.get(MessageIndex.FROM),
        to,
        d.get(MessageIndex.CONVERSATION),
        d.get(MessageIndex.BODY),
        d.get(MessageIndex.LANGUAGE),
        d.get(MessageIndex.DEVICE));
  }

  /**
   * Up to {@code n} visible messages of the hit's conversation just before (or after) it, in time
   * order; messages sent in the same millisecond are told apart by a key of their ids.
   */
  private static List<MessageHit.Line> around(
      IndexSearcher searcher, Query visible, Stored hit, int n, boolean before) throws IOException {
    long t = hit.time.toEpochMilli();
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(
        new TermQuery(new Term(MessageIndex.CONVERSATION, hit.conversation)),
        BooleanClause.Occur.FILTER);
    q.add(visible, BooleanClause.Occur.FILTER);
    q.add(
        before
            ? LongPoint.newRangeQuery(MessageIndex.TIME, Long.MIN_VALUE, t)
            : LongPoint.newRangeQuery(MessageIndex.TIME, t, Long.MAX_VALUE),
        BooleanClause.Occur.FILTER);
    Sort order =
        new Sort(
            new SortField(MessageIndex.TIME, SortField.Type.LONG, before),
            new SortField(MessageIndex.ID_KEY, SortField.Type.LONG, before));
    // the hit itself and others of its millisecond are among these; at most n + few are needed
    TopDocs docs = searcher.search(q.build(), n + 16, order);
    List<MessageHit.Line> out = new ArrayList<>();
    for (ScoreDoc sd : docs.scoreDocs) {
      Stored m = stored(searcher.storedFields().document(sd.doc));
      long mt = m.time.toEpochMilli();
      int cmp =
          mt != t
              ? Long.compare(mt, t)
              : Long.compare(SearchDocuments.entityKey(m.id), SearchDocuments.entityKey(hit.id));
      if (cmp == 0 && !m.id.equals(hit.id)) {
        // two ids of one key, sent in the same millisecond: told apart by the ids themselves
        cmp = m.id.compareTo(hit.id);
      }
      if (before ? cmp >= 0 : cmp <= 0) {
        continue;
      }
      out.add(new MessageHit.Line(m.id, m.time, m.from, m.to, m.body));
      if (out.size() == n) {
        break;
      }
    }
    if (before) {
      Collections.reverse(out);
    }
    return out;
  }

  /**
   * Finds where a query matched a body: the body is analysed as each field was indexed (as written,
   * and stemmed in the message's language), and each token whose term the query looks for in that
   * field, or that a wildcard or fuzzy term of it accepts, is marked. Terms under NOT are not
   * marked.
   */
  static final class Highlighter {
    private final Map<String, Set<BytesRef>> terms = new HashMap<>();
    private final Map<String, List<Supplier<ByteRunAutomaton>>> patterns = new HashMap<>();
    private final Analyzer analyzer = MessageIndex.analyzer();

    Highlighter(Query query) {
      query.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... ts) {
              for (Term t : ts) {
                terms.computeIfAbsent(t.field(), k -> new HashSet<>()).add(t.bytes());
              }
            }

            @Override
            public void consumeTermsMatching(
                Query q, String field, Supplier<ByteRunAutomaton> automaton) {
              patterns.computeIfAbsent(field, k -> new ArrayList<>()).add(automaton);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
          });
    }

    List<MessageHit.Highlight> marks(String body, String language) {
      if (body == null || (terms.isEmpty() && patterns.isEmpty())) {
        return List.of();
      }
      boolean[] marked = new boolean[body.length() + 1];
      boolean any = mark(MessageIndex.BODY, body, marked);
      String stemmed = language == null ? null : MessageIndex.STEMMED.get(language);
      if (stemmed != null) {
        any |= mark(stemmed, body, marked);
      }
      if (!any) {
        return List.of();
      }
      List<MessageHit.Highlight> out = new ArrayList<>();
      int i = 0;
      while (i < body.length()) {
        if (!marked[i]) {
          i++;
          continue;
        }
        int start = i;
        while (i < body.length() && marked[i]) {
          i++;
        }
        out.add(new MessageHit.Highlight(start, i));
      }
      return out;
    }

    private boolean mark(String field, String body, boolean[] marked) {
      Set<BytesRef> wanted = terms.getOrDefault(field, Set.of());
      List<Supplier<ByteRunAutomaton>> matching = patterns.getOrDefault(field, List.of());
      if (wanted.isEmpty() && matching.isEmpty()) {
        return false;
      }
      boolean any = false;
      try (TokenStream ts = analyzer.tokenStream(field, new StringReader(body))) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          BytesRef bytes = new BytesRef(term);
          boolean hit = wanted.contains(bytes);
          for (int i = 0; !hit && i < matching.size(); i++) {
            hit = matching.get(i).get().run(bytes.bytes, bytes.offset, bytes.length);
          }
          if (hit) {
            any = true;
            int end = Math.min(offset.endOffset(), body.length());
            for (int c = offset.startOffset(); c < end; c++) {
              marked[c] = true;
            }
          }
        }
        ts.end();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return any;
    }
  }
}
