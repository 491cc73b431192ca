/**
 * The synthetic multi-agency scenario with ground truth: a population, criminal networks with
 * roles, laundering patterns, shipments and seizures, border crossings, chats, and each agency's
 * export of it in that agency's own format with realistic errors; and a plain person register for
 * benchmarks.
 *
 * <p>Entry points: {@link org.spil.synth.Synthesizer} (same scale and seed, byte-identical output),
 * {@link org.spil.synth.GroundTruth} (what analyses are scored against), {@link
 * org.spil.synth.PersonRegister}.
 */
package org.spil.synth;
