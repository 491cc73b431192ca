/**
 * Graph algorithms on one compact representation ({@link org.spil.analysis.graph.Graph}, compressed
 * sparse rows on primitive arrays): centralities, components, communities, paths, key players,
 * brokers and links between the underworld and the upperworld.
 *
 * <p>Entry points: {@link org.spil.analysis.graph.Centrality} (the named measures, each giving
 * {@link org.spil.analysis.graph.VertexScores}), {@link
 * org.spil.analysis.graph.LouvainCommunities}, {@link org.spil.analysis.graph.Paths}, {@link
 * org.spil.analysis.graph.KeyPlayers}. One class per algorithm with its defaults as {@code
 * *_DEFAULT}; results are immutable; randomness comes from a seed.
 */
package org.spil.analysis.graph;
