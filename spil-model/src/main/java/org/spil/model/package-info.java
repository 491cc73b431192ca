/**
 * The data model: FollowTheMoney-compatible schemata and properties, statements with provenance,
 * and the property types that validate and normalise every value.
 *
 * <p>Entry points: {@link org.spil.model.Schemata#model()} (the schemata of {@code schemata.txt},
 * Spil's own marked as extensions), {@link org.spil.model.Statement} (content-hash ids), {@link
 * org.spil.model.Provenance} (what a batch carries), {@link org.spil.model.PropertyTypes}.
 *
 * <p>Invariants: a statement id hashes dataset, entity, property and value, so ingest is
 * idempotent; a value that does not normalise is rejected with a reason, never stored half-clean;
 * {@link org.spil.model.InvalidField} names the field of a request that is wrong, not a flag.
 */
package org.spil.model;
