package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.goods.Indicator;
import org.spil.analysis.goods.Targeting;
import org.spil.app.ShipmentTargeting;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil targeting}: the shipments to inspect first, each with the indicators it shows. */
@Command(
    name = "targeting",
    mixinStandardHelpOptions = true,
    description =
        "Shipment risk targeting: the shipments you may see ranked by the weighted indicators they"
            + " show (transit country, new transhipment port, consignee (or, for an export, the"
            + " exporter) linked to suspects or young, value per kilogram far from the same goods,"
            + " goods rare for the loading port, a container number on two shipments at once, an"
            + " export after chemical imports, trade-based alerts), each explained. Weights:"
            + " targeting.weights in the data directory or --weights FILE (key = weight, 0 turns one"
            + " off; keys: transit-country, new-transhipment, linked-consignee, young-consignee,"
            + " value-per-kg, trade-alerts, unusual-goods, container-reused,"
            + " export-after-precursors), moved by the outcomes your team recorded with spil"
            + " inspect.")
final class TargetingCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Shipments from this day.")
  String since;

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "How many to list, 0 for all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--weights", paramLabel = "FILE", description = "A weights file to try.")
  Path weights;

  @Option(
      names = "--json",
      description = "Print [{shipment, label, score, indicators, inspection}].")
  boolean json;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new IllegalArgumentException("--top: 0 or more, not " + top);
    }
    List<Targeting.Target> targets;
    try (Store store = spil.open(false)) {
      Map<Indicator, Double> w = ShipmentTargeting.weights(store.dir(), weights);
      targets = new ShipmentTargeting(store).targets(viewer.viewer(store), since, top, w);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, targets);
      return 0;
    }
    for (Targeting.Target t : targets) {
      out.printf(
          "%n[score %s] %s  [%s]%s%n",
          t.score(),
          t.label(),
          t.shipment(),
          t.inspection() == null ? "" : "  inspected: " + t.inspection());
      for (Targeting.Hit h : t.indicators()) {
        out.printf("  %-18s %4s  %s%n", h.name(), h.weight(), h.explanation());
      }
    }
    out.flush();
    return 0;
  }
}
