/**
 * Money flows: payments as a temporal multigraph on primitive arrays, and the analyses that follow
 * the money on it: laundering typologies under a vocabulary of thresholds, each finding explained,
 * tracing with proportional or first-in-first-out attribution, and windowed graph features.
 *
 * <p>Entry points: {@link org.spil.analysis.flows.PaymentGraph}, {@link
 * org.spil.analysis.flows.Typology} with {@link org.spil.analysis.flows.Scan} and {@link
 * org.spil.analysis.flows.Thresholds}, {@link org.spil.analysis.flows.Trace}, {@link
 * org.spil.analysis.flows.Features}.
 */
package org.spil.analysis.flows;
