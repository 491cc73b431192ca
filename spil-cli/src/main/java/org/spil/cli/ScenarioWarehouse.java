package org.spil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.spil.ingest.DatasetReader;
import org.spil.policy.Case;
import org.spil.policy.Passwords;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.store.Store;
import org.spil.synth.Synthesizer;

/**
 * The synthetic scenario at a scale, generated, ingested into a fresh warehouse, with one analyst
 * ("bench", police) who is a member of the joint case 26Kruiskade: what the benchmarks and the
 * scenario tests measure on.
 */
final class ScenarioWarehouse {
  static final String USER = "bench";
  static final String CASE = "26Kruiskade";

  private ScenarioWarehouse() {}

  /**
   * The warehouse of an earlier {@code keep} build at {@code dir} when there is one (it leaves a
   * marker naming its scale), else a fresh build, marked for reuse when {@code keep} is set.
   */
  static Store reuseOrBuild(int scale, Path dir, boolean keep, java.io.PrintWriter out)
      throws IOException {
    Path marker = dir.resolve("built");
    String mark = "scale " + scale + "\n";
    if (keep && Files.exists(marker) && Files.readString(marker).equals(mark)) {
      out.printf("scale %,d: reusing the scenario warehouse in %s%n", scale, dir);
      out.flush();
      return Store.open(dir.resolve("data"), true, LocalDate.now());
    }
    out.printf("scale %,d: generating and ingesting the scenario...%n", scale);
    out.flush();
    long t0 = System.nanoTime();
    Store store = build(scale, dir);
    if (keep) {
      Files.writeString(marker, mark);
    }
    out.printf("  built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return store;
  }

  /** Generates into {@code dir/scenario}, ingests into {@code dir/data}; returns the open store. */
  static Store build(int scale, Path dir) throws IOException {
    return build(scale, dir, SynthCommand.defaultPorts());
  }

  static Store build(int scale, Path dir, Path ports) throws IOException {
    DirectoryTree.delete(dir);
    Path scenario = dir.resolve("scenario");
    new Synthesizer(scale, 1, ports).write(scenario, line -> {});
    LocalDate today = LocalDate.now();
    Store store = Store.open(dir.resolve("data"), true, today);
    try (Stream<Path> s = Files.list(scenario)) {
      for (Path d : s.filter(p -> Files.exists(p.resolve("dataset.yml"))).sorted().toList()) {
        Ingestion.run(store, DatasetReader.read(d), today, n -> {}, n -> {});
      }
    }
    store.addUser(
        new User(USER, "politie-nl", Set.of(Role.ANALYST)),
        Passwords.hash("benchmark-password".toCharArray()),
        USER);
    store.addCase(new Case(CASE, USER, "wpg-art-9", Set.of(USER)), USER);
    return store;
  }
}
