package org.spil.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.spil.cli.Spil;

/** Runs the spil command in-process, as {@code ./spil bench} does, and captures what it printed. */
final class Cli {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    picocli.CommandLine cl = Spil.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
