package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.app.DirectoryTree;
import org.spil.app.Scenario;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil demo}: the main job. Generates the synthetic multi-agency scenario, ingests every
 * source into a fresh data directory, and shows what an analyst wants to see first ({@link
 * DemoTour}), then serves the scenario on the loopback address and prints the demo accounts with
 * passwords made for this run. {@code --no-serve} exits after the tour (scripts and CI).
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
      description = "Exit after the tour instead of serving the scenario (scripts, CI).")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "PORT",
      description = "Port to serve the demo on (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = Path.of(System.getProperty("spil.home", "."));
    Path data = spil.data != null ? spil.data : home.resolve("spil-demo");
    wipe(data);
    Map<String, String> passwords =
        new DemoTour(out, err)
            .run(data, scale, seed, ports != null ? ports : Scenario.defaultPorts());
    if (noServe) {
      return 0;
    }
    out.println();
    ServeCommand.serve(
        Store.open(data, true, LocalDate.now()),
        data,
        "127.0.0.1",
        port,
        null,
        null,
        out,
        url -> {
          out.println("Demo accounts (passwords made for this demo only):");
          for (Scenario.DemoUser u : Scenario.USERS) {
            out.printf(
                "  %-19s %-16s %-21s %s%n",
                u.name(), passwords.get(u.name()), u.agency(), u.role());
          }
          out.printf(
              "Open %s/ in a browser and log in as analist.politie (password %s), reading for"
                  + " the joint case 26Kruiskade; docs/web.md walks through it.%n",
              url, passwords.get("analist.politie"));
          out.println(
              "Scripts: the API is described in docs/api.md and at " + url + "/api/openapi.json");
        });
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
