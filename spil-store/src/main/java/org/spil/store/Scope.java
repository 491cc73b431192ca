package org.spil.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * What a viewer may read: whole batches the policy makes visible, plus single entities of other
 * batches that an owner granted after an access request. Every read path filters by a scope, in SQL
 * ({@link #sql}) or in the search index ({@link #filter}).
 */
record Scope(Set<Long> batches, Map<Long, Set<String>> entities) {
  Scope {
    batches = Set.copyOf(batches);
    Map<Long, Set<String>> copy = new java.util.LinkedHashMap<>();
    entities.forEach(
        (b, ids) ->
            copy.put(b, java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(ids))));
    entities = java.util.Collections.unmodifiableMap(copy);
  }

  boolean isEmpty() {
    return batches.isEmpty() && entities.isEmpty();
  }

  /** Whether everything the other scope lets a viewer read, this one does too. */
  boolean holds(Scope other) {
    if (!batches.containsAll(other.batches())) {
      return false;
    }
    for (Map.Entry<Long, Set<String>> e : other.entities().entrySet()) {
      if (!batches.contains(e.getKey())
          && !entities.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The SQL condition on a statement's batch and entity columns. */
  String sql(String batchColumn, String entityColumn) {
    StringBuilder b =
        new StringBuilder("(").append(batchColumn).append(" IN ").append(Warehouse.inList(batches));
    for (Map.Entry<Long, Set<String>> e : entities.entrySet()) {
      b.append(" OR (")
          .append(batchColumn)
          .append(" = ")
          .append(e.getKey().longValue())
          .append(" AND ")
          .append(entityColumn)
          .append(" IN (");
      List<String> quoted = new ArrayList<>();
      for (String id : e.getValue()) {
        quoted.add("'" + id.replace("'", "''") + "'");
      }
      b.append(String.join(",", quoted)).append("))");
    }
    return b.append(")").toString();
  }

  /** The same condition as a Lucene filter on the documents' batch and entity fields. */
  Query filter() {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    List<BytesRef> ids = batches.stream().map(id -> new BytesRef(Long.toString(id))).toList();
    if (!ids.isEmpty()) {
      // listing every visible document costs as much as the index is large; when a query's own
      // terms are selective, checking each candidate's batch number is far cheaper
      long[] numbers = batches.stream().mapToLong(Long::longValue).toArray();
      any.add(
          new IndexOrDocValuesQuery(
              new TermInSetQuery("batch", ids),
              NumericDocValuesField.newSlowSetQuery(SearchDocuments.BATCH_NUMBER, numbers)),
          BooleanClause.Occur.SHOULD);
    }
    for (Map.Entry<Long, Set<String>> e : entities.entrySet()) {
      BooleanQuery.Builder one = new BooleanQuery.Builder();
      one.add(
          new TermQuery(new Term("batch", Long.toString(e.getKey()))), BooleanClause.Occur.FILTER);
      one.add(
          new TermInSetQuery("entity", e.getValue().stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
      any.add(one.build(), BooleanClause.Occur.SHOULD);
    }
    any.setMinimumNumberShouldMatch(1);
    return any.build();
  }
}
