/**
 * The warehouse (DuckDB, the truth, with its message table), its derived indexes (Lucene search,
 * the message index, hit/no-hit match codes) and the audit log, behind one {@link
 * org.spil.store.Store} per data directory.
 *
 * <p>Entry points: {@link org.spil.store.Store#open}, {@link org.spil.store.Store#viewer}, {@link
 * org.spil.store.Store#search}, {@link org.spil.store.Store#ingest}, and the facets {@code
 * entities()}, {@code messages()}, {@code exports()}, {@code hits()}, {@code requests()}, {@code
 * resolutions()}, {@code retention()}, {@code accounts()}.
 *
 * <p>Invariants: every read computes the viewer's {@code Scope} (visible batches and granted
 * entities) first and filters by it in SQL or in the index, so hit-only and invisible statements
 * never leave this package; every read, refusal and change is appended to the hash-chained audit
 * log; a batch commits in one transaction or not at all, and the indexes catch up after a crash.
 */
package org.spil.store;
