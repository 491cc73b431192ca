package org.spil.server;

import java.util.List;
import org.spil.store.Store;

/**
 * The command line's operations, run for a logged-in user on the server's open store: the one
 * generic endpoint {@code POST /api/operations} hands the arguments of a command to it and answers
 * with what the command printed and its exit code, so that {@code spil} run against a server prints
 * what it prints on a local directory. The front end that knows the commands (spil-cli) supplies it
 * when it starts the server; it decides which commands a client may run and makes every one of them
 * read as the user the request authenticated, never as one the arguments name.
 */
public interface Operations {

  /** What a command printed on its standard output and error, and its exit code. */
  record Result(int exit, String out, String err) {}

  /**
   * Runs a command for a user; a command a client may not run is refused with {@link
   * IllegalArgumentException} (answered 400) naming why.
   */
  Result run(Store store, String user, List<String> args);
}
