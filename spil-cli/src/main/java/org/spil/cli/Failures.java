package org.spil.cli;

import org.spil.ingest.DatasetException;
import org.spil.model.InvalidField;
import org.spil.model.UnknownSchemaException;
import org.spil.policy.PolicyException;
import org.spil.store.StoreException;
import picocli.CommandLine;

/**
 * Turns exceptions from commands into one clear line on stderr and an exit code: 2 for bad input (a
 * dataset, an argument) or a refusal, 1 for anything else. An error about a named field of the
 * request names the command's flag for it ({@code dob} as {@code --dob}, {@code user} as {@code
 * --as}). Stack traces only with {@code SPIL_DEBUG=1}. Messages quote data (headers, paths), so
 * they are printed as {@link TerminalText}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (System.getenv("SPIL_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
    String message = TerminalText.safe(e.getMessage());
    if (e instanceof InvalidField f) {
      cl.getErr().println("spil: " + flag(f.field()) + ": " + TerminalText.safe(f.reason()));
      return 2;
    }
    if (e instanceof PolicyException p && p.field() != null) {
      cl.getErr().println("spil: " + message + " (" + flag(p.field()) + ")");
      return 2;
    }
    if (e instanceof DatasetException
        || e instanceof UnknownSchemaException
        || e instanceof IllegalArgumentException
        || e instanceof PolicyException) {
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

  /**
   * The flag of a request field: {@code --as} for the user, the file for a list a data directory
   * keeps (its reason names file and line), the positional {@code ID} for a message, else the field
   * in kebab case.
   */
  static String flag(String field) {
    return switch (field) {
      case "user" -> "--as";
      case "signals" -> "threat-signals";
      case "privileged" -> "privileged handles";
      case "message" -> "ID";
      default -> "--" + field.replace('_', '-');
    };
  }
}
