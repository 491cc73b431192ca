/**
 * Networks of entities: nodes with captions, schemata and flags, and edges that keep the links
 * behind them (type, count, amount, period, datasets), built from statements or read from a file,
 * and written as GEXF or GraphML.
 *
 * <p>Entry points: {@link org.spil.analysis.network.NetworkBuilder}, {@link
 * org.spil.analysis.network.NetworkFile}, {@link org.spil.analysis.network.GraphFormats}.
 */
package org.spil.analysis.network;
