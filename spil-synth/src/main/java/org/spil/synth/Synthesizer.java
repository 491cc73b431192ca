package org.spil.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.spil.model.InvalidField;

/**
 * Generates the synthetic multi-agency scenario: one dataset directory per source and the ground
 * truth, for a scale (number of persons) and a seed. The same scale, seed and port index give
 * byte-identical output. Output is written to a temporary directory next to the target and moved
 * into place at the end; a failed or interrupted (Ctrl-C, kill) run removes it, so nothing
 * half-written is left behind.
 */
public final class Synthesizer {
  /** What one run produced: the dataset directories and the size of every file. */
  public record Summary(Path out, List<String> datasets, List<FileSize> files, long millis) {}

  /** A generated file, relative to the output directory, with its size in bytes. */
  public record FileSize(String path, long bytes) {}

  private final int scale;
  private final long seed;
  private final Path ports;

  public Synthesizer(int scale, long seed, Path worldPortIndex) {
    if (scale < 200) {
      throw new InvalidField("scale", "must be at least 200 persons (got " + scale + ")");
    }
    if (scale > 50_000_000) {
      throw new InvalidField("scale", "must be at most 50,000,000 persons");
    }
    this.scale = scale;
    this.seed = seed;
    this.ports = worldPortIndex;
  }

  /** The manifest of the cases the scenario's datasets are supplied for, beside the datasets. */
  public static final String CASES = "cases.yml";

  /** The lawyers' handles on the intercepted service: their messages are privileged. */
  public static final java.util.List<String> LAWYER_HANDLES = java.util.List.of(ChatSource.LAWYERS);

  private static final String CASES_MANIFEST =
      """
      # The cases the datasets of this scenario are supplied for (their case_id): create them, with
      # their members, before ingesting those datasets; only a party may supply data for a case.
      cases:
        - id: 26Kruiskade
          title: JIT havennetwerken Rotterdam-Antwerpen
          legal_task: wpg-art-9
          parties: [politie-nl, fiod, om]
      """;

  /** Writes the scenario to {@code out}, which must not exist or be empty. */
  public Summary write(Path out, Consumer<String> progress) {
    long start = System.nanoTime();
    try {
      if (Files.exists(out)) {
        try (Stream<Path> entries = Files.list(out)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(
                out + " exists and is not empty; remove it or name another directory");
          }
        }
        Files.delete(out);
      }
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
      Thread cleanup = new Thread(() -> delete(tmp), "synth-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        Ports index = new Ports(ports);
        progress.accept("world: " + scale + " persons, seed " + seed);
        World world = new World(seed, scale);
        Trade trade = new Trade(world, index);
        List<String> datasets = new ArrayList<>();
        try (Truth truth = new Truth(tmp.resolve("truth"))) {
          actors(world, truth);
          Truth.writeChanges(tmp.resolve("truth"));
          BorderSource border = new BorderSource(world, truth, tmp);
          BankSource bank = new BankSource(world, truth, tmp, trade);
          List<Source> sources =
              List.of(
                  new PoliceSource(world, truth, tmp),
                  new CustomsSource(world, truth, tmp, trade),
                  new RegisterSource(world, truth, tmp, RegisterSource.Register.KVK),
                  new RegisterSource(world, truth, tmp, RegisterSource.Register.KBO),
                  new PayrollSource(world, truth, tmp, PayrollSource.Register.UWV),
                  new PayrollSource(world, truth, tmp, PayrollSource.Register.RSZ),
                  new KadasterSource(world, truth, tmp),
                  bank,
                  border,
                  new ProsecutionSource(world, truth, tmp),
                  new BelgianPoliceSource(world, truth, tmp),
                  new ChatSource(world, truth, tmp, trade, border, bank));
          for (Source s : sources) {
            long t0 = System.nanoTime();
            s.run();
            datasets.add(s.name());
            progress.accept(
                String.format("%-12s %6.1f s", s.name(), (System.nanoTime() - t0) / 1e9));
          }
        }
        Files.writeString(tmp.resolve(CASES), CASES_MANIFEST);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        Runtime.getRuntime().removeShutdownHook(cleanup);
        return new Summary(out, datasets, sizes(out), (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException | IOException e) {
        Runtime.getRuntime().removeShutdownHook(cleanup);
        delete(tmp);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void actors(World world, Truth truth) {
    for (Network n : world.networks) {
      List<String> leaders = new ArrayList<>();
      for (Actor a : n.actors()) {
        truth.actors.row(
            Person.truthId(a.person()),
            n.id(),
            a.role().label(),
            a.nickname(),
            String.join(";", a.handles()),
            a.role() == Role.PORT_INSIDER
                ? Company.truthId(world.person(a.person()).employer())
                : null);
        if (a.role() == Role.LEADER) {
          leaders.add(Person.truthId(a.person()));
        }
      }
      List<String> companies = n.fronts().stream().map(Company::truthId).toList();
      truth.networks.row(
          n.id(),
          n.kind().name().toLowerCase().replace('_', '-'),
          n.kind().port,
          n.actors().size(),
          String.join(";", leaders),
          String.join(";", companies));
    }
  }

  private static List<FileSize> sizes(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      List<FileSize> list = new ArrayList<>();
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        list.add(new FileSize(out.relativize(p).toString().replace('\\', '/'), Files.size(p)));
      }
      return list;
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover hidden .partial directory is harmless and named as such
    }
  }
}
