package org.spil.cli;

import java.io.PrintWriter;
import org.spil.app.Json;

/** What the commands print in their {@code --json} mode: a result record as indented JSON. */
final class Output {
  private Output() {}

  static void json(PrintWriter out, Object value) {
    out.println(Json.indented(value));
    out.flush();
  }
}
