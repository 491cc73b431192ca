package org.spil.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spil.app.Resolving;
import org.spil.resolve.Comparison;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil explain A B}: why two records are (not) the same, per feature: the level reached and
 * its weight in bits, from the model estimated on what the viewer may see; {@code spil explain
 * --model}: that model's weights per comparison level. Built only from visible values; an entity
 * the viewer cannot see is reported like a missing one.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain the match score of two entities.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "A", arity = "0..1")
  String a;

  @Parameters(index = "1", paramLabel = "B", arity = "0..1")
  String b;

  @Option(
      names = "--model",
      description =
          "Print the weights the team's last resolution estimated without labels: per comparison"
              + " and level m (share among matches), u (among non-matches) and log2(m/u) in bits,"
              + " and the prior of each class of pair.")
  boolean model;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (model) {
      return printModel(out);
    }
    if (a == null || b == null) {
      throw new ParameterException(spec.commandLine(), "give two entities A and B, or --model");
    }
    Optional<Resolving.Explanation> found;
    try (Store store = spil.open(false)) {
      found = new Resolving(store).explain(viewer.viewer(store), a, b);
    }
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .printf(
              "spil: '%s' and '%s' are not both persons or companies visible to %s for %s%n",
              a, b, viewer.user, viewer.purpose);
      return 1;
    }
    Resolving.Explanation e = found.get();
    if (json) {
      Output.json(out, e);
      return 0;
    }
    out.printf(
        "%s ~ %s: weight %+.2f bits, probability %.3f%n",
        e.nameA(), e.nameB(), e.weight(), e.probability());
    e.features().forEach(x -> out.println("  " + x));
    out.flush();
    return 0;
  }

  private int printModel(PrintWriter out) {
    Optional<Resolution.Model> found;
    try (Store store = spil.open(false)) {
      found = new Resolving(store).model(viewer.viewer(store));
    }
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .printf("spil: %s's team has no resolution yet; run spil resolve%n", viewer.user);
      return 1;
    }
    Resolution.Model m = found.get();
    if (json) {
      Output.json(out, m);
      return 0;
    }
    String[] classes = {"two persons", "two firms", "an account holder and either"};
    for (int c = 0; c < classes.length && m.priors() != null && c < m.priors().length; c++) {
      out.printf("prior, %s: %.3g%n", classes[c], m.priors()[c]);
    }
    for (int f = 0; f < m.m().length && f < Comparison.COUNT; f++) {
      Comparison comparison = Comparison.at(f);
      out.println(comparison.label() + ":");
      for (int l = 0; l < m.m()[f].length && l < comparison.levels().size(); l++) {
        out.printf(
            "  %-90s m %.4f  u %.3g  %+.1f bits%n",
            comparison.levels().get(l),
            m.m()[f][l],
            m.u()[f][l],
            Math.log(m.m()[f][l] / m.u()[f][l]) / Math.log(2));
      }
    }
    out.printf(
        "%,d records, %,d people; %,d dwellings of several people%n",
        m.records(), m.people(), m.households() == null ? 0 : m.households().size());
    out.flush();
    return 0;
  }
}
