/**
 * Entity resolution: who is who among persons and companies of many sources, with explanations and
 * analysts' judgements that override the model.
 *
 * <p>Entry points: {@link org.spil.resolve.Resolution} (blocking, comparison, Fellegi-Sunter
 * weights estimated without labels, coherent clustering, stable canonical ids), {@link
 * org.spil.resolve.Comparison} (the comparisons and their ordered levels), {@link
 * org.spil.resolve.EntityPair} and {@link org.spil.resolve.Verdict} (what a judgement says).
 *
 * <p>Invariants: resolution never changes a source record; a rerun on the same records gives the
 * same canonical ids, and a cluster that gains or loses a record keeps its id. Comparison levels
 * live in primitive byte arrays indexed by {@link org.spil.resolve.Comparison#index()}.
 */
package org.spil.resolve;
