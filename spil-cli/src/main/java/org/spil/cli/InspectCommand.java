package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.ShipmentTargeting;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil inspect SHIPMENT --outcome found}: records what inspecting a shipment found, for the
 * reader's team; targeting learns its weights from the outcomes.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Record the outcome of inspecting a shipment you may see, for your team: found (it held"
            + " something that should not be there), nothing, or open (withdraw an outcome"
            + " recorded in error). Your team's targeting shows the outcome and learns from it:"
            + " an indicator whose inspected shipments held something more often than the rest"
            + " weighs more. Audited.")
final class InspectCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "SHIPMENT", description = "The shipment's id.")
  String shipment;

  @Option(
      names = "--outcome",
      required = true,
      paramLabel = "O",
      description = "found, nothing or open.")
  String outcome;

  @Option(names = "--note", paramLabel = "TEXT", description = "What was found, or why not.")
  String note;

  @Override
  public Integer call() {
    try (Store store = spil.open(true)) {
      new ShipmentTargeting(store).inspect(viewer.viewer(store), shipment, outcome, note);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %s%n", shipment, outcome);
    out.flush();
    return 0;
  }
}
