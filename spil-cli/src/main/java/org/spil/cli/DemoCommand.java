package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spil.app.DirectoryTree;
import org.spil.app.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil demo}: the main job. Generates the synthetic multi-agency scenario, ingests every
 * source into a fresh data directory, and shows what an analyst wants to see first ({@link
 * DemoTour}). {@code --no-serve} is accepted already, so that scripts and CI can use it before the
 * demo starts the server.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate the synthetic multi-agency scenario, ingest it into a fresh data directory and"
            + " show what each agency sees.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "3000",
      paramLabel = "N",
      description = "Persons in the scenario (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Scenario seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--ports",
      paramLabel = "FILE",
      description = "World Port Index CSV (default: ../shared/data/geo/UpdatedPub150.csv).")
  Path ports;

  @Option(
      names = "--no-serve",
      description = "Do not start the server after the tour (the demo does not serve yet).")
  boolean noServe;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = Path.of(System.getProperty("spil.home", "."));
    Path data = spil.data != null ? spil.data : home.resolve("spil-demo");
    wipe(data);
    new DemoTour(out, err).run(data, scale, seed, ports != null ? ports : Scenario.defaultPorts());
    return 0;
  }

  /** Removes an earlier demo directory, refusing anything that does not look like one. */
  private static void wipe(Path data) throws IOException {
    if (!Files.exists(data)) {
      return;
    }
    if (!Files.exists(data.resolve("warehouse.duckdb"))) {
      throw new IllegalArgumentException(
          data + " exists and is not a Spil data directory; choose another --data");
    }
    DirectoryTree.delete(data);
  }
}
