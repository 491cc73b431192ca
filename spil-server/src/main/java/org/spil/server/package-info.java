/**
 * The HTTP API of Spil: sessions (and, later, API tokens) as the security boundary, the purpose of
 * every read in a header, and one thin handler per operation of {@code spil-app}, which decides,
 * filters and audits exactly as for the command line.
 */
package org.spil.server;
