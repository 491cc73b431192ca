package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.Resolving;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil match}: match by example, as OpenSanctions' yente {@code /match} does: a name, date
 * of birth, country and identifier are scored against the persons and companies the viewer may see
 * with the team's resolution model, best first, each with its explanation.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Rank the records you may see against an example.")
final class MatchCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--name", paramLabel = "NAME")
  String name;

  @Option(names = "--dob", paramLabel = "DATE", description = "YYYY-MM-DD or DD-MM-YYYY")
  String dob;

  @Option(names = "--country", paramLabel = "C")
  String country;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "Passport, registration or document number, or email.")
  String id;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    if ((name == null || name.isBlank()) && (id == null || id.isBlank())) {
      spec.commandLine()
          .getErr()
          .println("spil: an empty match query: give --name (with --dob, --country) or --id");
      spec.commandLine().usage(spec.commandLine().getErr());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    Resolving.Matches m;
    try (Store store = spil.open(false)) {
      m =
          new Resolving(store)
              .match(viewer.viewer(store), new Resolving.Example(name, dob, country, id), limit);
    }
    if (m.estimated()) {
      spec.commandLine()
          .getErr()
          .println(
              "spil: no saved resolution for your team; the weights were estimated now"
                  + " (run spil resolve once to make matching fast)");
    }
    if (json) {
      Output.json(out, m.candidates());
      return 0;
    }
    for (Resolving.Candidate c : m.candidates()) {
      out.printf("%.3f  %-40s [%s]%n", c.score(), c.name(), c.id());
    }
    if (m.candidates().isEmpty()) {
      out.println("no candidates");
    }
    out.flush();
    return 0;
  }
}
