/**
 * Money flows: payments as a temporal multigraph on primitive arrays, and the analyses that follow
 * the money on it (temporal cycles so far; tracing and laundering typologies to come).
 *
 * <p>Entry points: {@link org.spil.analysis.flows.PaymentGraph}, {@link
 * org.spil.analysis.flows.TemporalCycles}.
 */
package org.spil.analysis.flows;
