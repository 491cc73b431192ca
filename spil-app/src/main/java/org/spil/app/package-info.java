/**
 * The operations every front end calls: the command line today, the HTTP API next. Each takes a
 * viewer (or, for a change, an {@link org.spil.app.Operator}), works through the store, which
 * applies the policy and audits, and returns result records whose JSON ({@link org.spil.app.Json})
 * is the documented shape of the command's {@code --json} and of the API.
 *
 * <p>Entry points, one class per capability: {@link org.spil.app.Ingestion}, {@link
 * org.spil.app.Searching}, {@link org.spil.app.Resolving}, {@link org.spil.app.NetworkAnalysis},
 * {@link org.spil.app.Exchange}, {@link org.spil.app.Administration}, {@link
 * org.spil.app.Oversight}, {@link org.spil.app.Scenario}, {@link org.spil.app.FtmExtension}.
 *
 * <p>Invariants: an operation never prints and never parses flags; errors name the request's fields
 * ({@link org.spil.model.InvalidField}); nothing here reads the warehouse around the store.
 */
package org.spil.app;
