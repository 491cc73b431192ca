package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.network.Network;
import org.spil.app.GoodsFlows;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.app.PortInsiders;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil insiders --port NLRTM}: the staff of a port's firms ranked by what ties them to
 * suspects, each tie with its sources.
 */
@Command(
    name = "insiders",
    mixinStandardHelpOptions = true,
    description =
        "Who inside a port helps: the staff of the port's terminals, stevedores, forwarders and"
            + " hauliers (the payroll data you may see) ranked by what ties them to suspects: named"
            + " a suspect themselves, tied to suspects (associates, relatives, shared phones or"
            + " addresses, payments, messages), working at the terminal of containers in which"
            + " drugs were found. Through your team's resolution (run spil resolve first).")
final class InsidersCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--port",
      required = true,
      paramLabel = "LOCODE",
      description = "The port, as a UN/LOCODE (NLRTM Rotterdam, BEANR Antwerp).")
  String port;

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "How many to list (default: 20; 0 for all with any evidence).")
  int top;

  @Option(
      names = "--json",
      description = "Print [{person, caption, employer, function, score, evidence: [...]}].")
  boolean json;

  @Override
  public Integer call() {
    PortInsiders.Report report;
    try (Store store = spil.open(false)) {
      Viewer v = viewer.viewer(store);
      Network net = NetworkAnalysis.load(store, v, LinkFilter.ALL);
      report = new PortInsiders(store, GoodsFlows.defaultPorts()).rank(v, net, port, top);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, report.insiders());
      return 0;
    }
    out.printf(
        "%s%s: %d firms, %d staff you may see; %d with evidence%n",
        report.port(),
        report.portName() == null ? "" : " (" + report.portName() + ")",
        report.firms(),
        report.staff(),
        report.insiders().size());
    int rank = 0;
    for (Insiders.Insider i : report.insiders()) {
      out.printf(
          "%n%3d. %-28s score %.1f  %s at %s  [%s]%n",
          ++rank,
          i.caption(),
          i.score(),
          i.function() == null ? "works" : i.function(),
          i.employerCaption(),
          i.person());
      for (Insiders.Evidence e : i.evidence()) {
        out.printf(
            "       %-17s %+.1f  %s%s%n",
            e.name(),
            e.weight(),
            e.explanation(),
            e.datasets().isEmpty() ? "" : "  (" + String.join(", ", e.datasets()) + ")");
      }
    }
    out.flush();
    return 0;
  }
}
