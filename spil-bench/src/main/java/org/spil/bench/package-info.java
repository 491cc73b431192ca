/**
 * The benchmarks of docs/benchmarks.md, each side by side with the peer its issue names (DuckDB
 * alone, libphonenumber, Duke, igraph and graph-tool through graph_peers.py, JGraphT): {@code spil
 * bench ...}, found at run time when this module is on the class path. Not part of the product jar.
 */
package org.spil.bench;
