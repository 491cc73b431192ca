package org.spil.cli;

import org.spil.ingest.DatasetException;
import org.spil.model.UnknownSchemaException;
import org.spil.store.StoreException;
import picocli.CommandLine;

/**
 * Turns exceptions from commands into one clear line on stderr and an exit code: 2 for bad input (a
 * dataset, an argument), 1 for anything else. Stack traces only with {@code SPIL_DEBUG=1}. Messages
 * quote data (headers, paths), so they are printed as {@link TerminalText}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (System.getenv("SPIL_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
    String message = TerminalText.safe(e.getMessage());
    if (e instanceof DatasetException
        || e instanceof UnknownSchemaException
        || e instanceof IllegalArgumentException
        || e instanceof org.spil.policy.PolicyException) {
      cl.getErr().println("spil: " + message);
      return 2;
    }
    if (e instanceof StoreException) {
      cl.getErr().println("spil: " + message);
      return 1;
    }
    cl.getErr().println("spil: " + e.getClass().getSimpleName() + ": " + message);
    return 1;
  }
}
