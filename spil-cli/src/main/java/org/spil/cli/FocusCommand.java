package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spil.analysis.monitor.Focus;
import org.spil.app.FocusCountries;
import org.spil.app.Trends;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil focus}: the focus countries of a quarter, each with what moved it. */
@Command(
    name = "focus",
    mixinStandardHelpOptions = true,
    description =
        "Focus countries: every country ranked for a quarter by named indicators of what you may"
            + " see (flows: shipments into Dutch and Belgian ports loaded or transhipped there;"
            + " growth on the four quarters before; seizures of such shipments; border crossings"
            + " to it; requests for legal assistance sent there; signals: new flows and rises in"
            + " its series), each normalised by the largest that quarter and weighted (weights:"
            + " focus.weights in the data directory or --weights FILE). Each country with what"
            + " moved it, the ranks it takes when any one weight is halved or doubled, and its"
            + " ranks in the quarters before.")
final class FocusCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--quarter",
      paramLabel = "YYYYQn",
      description = "The quarter to rank (default: the last with data).")
  String quarter;

  @Option(
      names = "--top",
      defaultValue = "10",
      paramLabel = "N",
      description = "How many countries, 0 for all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--weights", paramLabel = "FILE", description = "A weights file to try.")
  Path weights;

  @Option(
      names = "--json",
      description =
          "Print [{quarter, country, rank, score, best_rank, worst_rank, reasons: [{indicator,"
              + " value, contribution, explanation}], history: [{quarter, rank, score}], liaisons:"
              + " [{country, agency, name, contact, competence}]}].")
  boolean json;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new IllegalArgumentException("--top: 0 or more, not " + top);
    }
    List<FocusCountries.Ranked> ranked;
    try (Store store = spil.open(false)) {
      ranked =
          new FocusCountries(store)
              .rank(
                  viewer.viewer(store),
                  quarter,
                  top,
                  FocusCountries.weights(store.dir(), weights),
                  Trends.thresholds(store.dir(), null));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, ranked);
      return 0;
    }
    if (ranked.isEmpty()) {
      out.println("nothing you may see to rank countries by");
    }
    for (FocusCountries.Ranked r : ranked) {
      out.printf(
          Locale.ROOT,
          "%n%s  %2d. %s  score %.2f  (rank %d to %d with any weight halved or doubled)%n",
          r.quarter(),
          r.rank(),
          r.country().toUpperCase(Locale.ROOT),
          r.score(),
          r.bestRank(),
          r.worstRank());
      for (Focus.Reason reason : r.reasons()) {
        out.printf(Locale.ROOT, "      +%.2f  %s%n", reason.contribution(), reason.explanation());
      }
      if (!r.history().isEmpty()) {
        StringBuilder b = new StringBuilder();
        for (FocusCountries.Past p :
            r.history().subList(Math.max(0, r.history().size() - 6), r.history().size())) {
          b.append(b.length() == 0 ? "" : ", ").append(p.quarter()).append(' ').append(p.rank());
        }
        out.printf("      ranked before: %s%n", b);
      }
      for (var l : r.liaisons()) {
        out.printf("      ask there: %s (%s), %s%n", l.name(), l.agency(), l.contact());
      }
    }
    out.flush();
    return 0;
  }
}
