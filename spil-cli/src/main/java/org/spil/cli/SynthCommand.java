package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spil.app.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil synth}: writes the synthetic multi-agency scenario (one dataset directory per source,
 * each in its system's own format, and the ground truth in {@code truth/}) for a scale and a seed.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the synthetic multi-agency scenario with ground truth.",
      "Writes one dataset directory per source (police NL, customs, company registers NL and BE,"
          + " payroll of the port firms NL and BE, land and ship register, bank statements, KMar,"
          + " OM, Belgian police, intercepted chats) and truth/ into --out."
          + " Same scale and seed give byte-identical output."
    })
final class SynthCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Number of persons in the population (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory; must not exist or be empty.")
  Path out;

  @Option(
      names = "--ports",
      paramLabel = "FILE",
      description =
          "World Port Index CSV (default: ../shared/data/geo/UpdatedPub150.csv beside the Spil home).")
  Path ports;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario.Generated s =
        Scenario.generate(
            scale,
            seed,
            ports != null ? ports : Scenario.defaultPorts(),
            out,
            json
                ? line -> {}
                : line -> {
                  err.println("  " + line);
                  err.flush();
                });
    if (json) {
      Output.json(o, s);
      return 0;
    }
    o.printf(
        "wrote %d datasets, %d files, %,d MB to %s in %.1f s%n",
        s.datasets().size(), s.files().size(), s.bytes() >> 20, s.out(), s.millis() / 1000.0);
    o.printf("ground truth: %s%n", Path.of(s.out()).resolve("truth/README.md"));
    o.printf("ingest with: ./spil ingest %s/<dataset>%n", s.out());
    o.flush();
    return 0;
  }
}
