package org.spil.cli;

import org.spil.store.Viewer;
import picocli.CommandLine.Option;

/** The {@code --as AGENCY} option every read command requires: whose eyes the read uses. */
final class ViewerOption {
  @Option(
      names = "--as",
      required = true,
      paramLabel = "AGENCY",
      description = "The agency reading: it sees its own statements and those shared with it.")
  String agency;

  Viewer viewer() {
    return new Viewer(agency);
  }
}
