package org.spil.cli;

import java.io.StringWriter;

/**
 * Runs the spil command in-process, as {@code main} does, and captures its exit code and output.
 */
final class Cli {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    return run(Spil.commandLine(args), args);
  }

  /** Runs the arguments on a given command tree. */
  static Result run(picocli.CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Spil.run(cl, args, out, err);
    return new Result(code, out.toString(), err.toString());
  }
}
