package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.synth.Synthesizer;
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
      "Writes one dataset directory per source (police NL, customs, company register, bank"
          + " statements, KMar, OM, Belgian police, intercepted chats) and truth/ into --out."
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

  static Path defaultPorts() {
    Path home = Path.of(System.getProperty("spil.home", ".")).toAbsolutePath().normalize();
    return home.resolve("../shared/data/geo/UpdatedPub150.csv").normalize();
  }

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    Synthesizer synth = new Synthesizer(scale, seed, ports != null ? ports : defaultPorts());
    PrintWriter err = spec.commandLine().getErr();
    Synthesizer.Summary s =
        synth.write(
            out,
            json
                ? line -> {}
                : line -> {
                  err.println("  " + line);
                  err.flush();
                });
    long bytes = s.files().stream().mapToLong(Synthesizer.FileSize::bytes).sum();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("out", s.out().toString());
      m.put("scale", scale);
      m.put("seed", seed);
      m.put("datasets", s.datasets());
      m.put("files", s.files());
      m.put("bytes", bytes);
      m.put("millis", s.millis());
      Json.print(o, m);
    } else {
      o.printf(
          "wrote %d datasets, %d files, %,d MB to %s in %.1f s%n",
          s.datasets().size(), s.files().size(), bytes >> 20, s.out(), s.millis() / 1000.0);
      o.printf("ground truth: %s%n", s.out().resolve("truth/README.md"));
      o.printf("ingest with: ./spil ingest %s/<dataset>%n", s.out());
    }
    o.flush();
    return 0;
  }
}
