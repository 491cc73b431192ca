/**
 * The analysis of intercepted chat messages: signals of threats to life ({@link ThreatSignals}, a
 * list the users maintain in three languages) and the scorer that weighs a message with the
 * messages before it in its conversation ({@link ThreatScorer}), each score explained by the
 * signals it found. Pure computation on texts; the operations layer reads the messages a viewer may
 * see.
 */
package org.spil.analysis.messages;
