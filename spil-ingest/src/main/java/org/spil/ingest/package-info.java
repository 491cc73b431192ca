/**
 * Reading partners' exports into statements: dataset directories ({@code dataset.yml} with
 * provenance and an FtM mapping, FtM entity files, or chat messages), CSV, Excel, JSON lines and
 * camt.053 bank statements, each value validated and normalised by its property type. Chat messages
 * ({@link org.spil.ingest.MessageIngest}) go to a message sink a row each, their handles and the
 * identifiers found in their texts ({@link org.spil.ingest.Mentions}) to the statement sink.
 *
 * <p>Entry points: {@link org.spil.ingest.DatasetReader#read} (refuses a bad {@code dataset.yml}
 * before anything is written), {@link org.spil.ingest.Pipeline#run} (a reading thread, mapping
 * threads, and the caller's {@link org.spil.ingest.StatementSink} on its own thread).
 *
 * <p>Invariants: statements come in blocks in the order of the files; each carries the file and
 * line it was read from; a rejected value is reported as {@code file:line: column: reason} and kept
 * with the batch; memory is bounded by the queue of blocks, not by the file.
 */
package org.spil.ingest;
