package org.spil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.spil.ingest.Dataset;
import org.spil.store.Store;
import org.spil.synth.Synthesizer;

/**
 * The synthetic multi-agency scenario: generated with its ground truth, ingested into a warehouse,
 * with the users and the joint case of the demo. What {@code spil synth}, {@code spil demo}, the
 * benchmarks and the scenario tests run on.
 */
public final class Scenario {
  private Scenario() {}

  /** The World Port Index beside the Spil home ({@code ../shared/data/geo/UpdatedPub150.csv}). */
  public static Path defaultPorts() {
    Path home = Path.of(System.getProperty("spil.home", ".")).toAbsolutePath().normalize();
    return home.resolve("../shared/data/geo/UpdatedPub150.csv").normalize();
  }

  /** What was generated: where, at which scale and seed, the datasets and files, how long. */
  public record Generated(
      String out,
      int scale,
      long seed,
      List<String> datasets,
      List<Synthesizer.FileSize> files,
      long bytes,
      long millis) {}

  /** Writes the scenario (a dataset directory per source and {@code truth/}) into {@code out}. */
  public static Generated generate(
      int scale, long seed, Path ports, Path out, Consumer<String> progress) {
    Synthesizer.Summary s = new Synthesizer(scale, seed, ports).write(out, progress);
    long bytes = s.files().stream().mapToLong(Synthesizer.FileSize::bytes).sum();
    return new Generated(
        s.out().toString(), scale, seed, s.datasets(), s.files(), bytes, s.millis());
  }

  /** The dataset directories of a generated scenario, in name order. */
  public static List<Dataset> datasets(Path scenario) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(scenario)) {
      dirs = s.filter(p -> Files.isRegularFile(p.resolve("dataset.yml"))).sorted().toList();
    }
    return Ingestion.read(dirs);
  }

  /** Ingests every dataset of a generated scenario as of today; returns the outcomes. */
  public static List<Ingestion.Outcome> ingest(Store store, Path scenario, Operator by)
      throws IOException {
    List<Ingestion.Outcome> out = new ArrayList<>();
    LocalDate today = store.today();
    for (Dataset d : datasets(scenario)) {
      out.add(Ingestion.run(store, d, today, by, n -> {}, n -> {}));
    }
    return out;
  }

  /** The demo's joint case. */
  public static final String CASE = "26Kruiskade";

  /** A user of the demo: name, agency and role. */
  public record DemoUser(String name, String agency, String role) {}

  /** The demo's users: one per agency, a prosecutor and a privacy officer. */
  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser("analist.politie", "politie-nl", "analyst"),
          new DemoUser("douanier", "douane-nl", "analyst"),
          new DemoUser("rechercheur.fiod", "fiod", "investigator"),
          new DemoUser("analist.kmar", "kmar", "analyst"),
          new DemoUser("officier.om", "om", "investigator"),
          new DemoUser("enqueteur.pjf", "politie-be", "investigator"),
          new DemoUser("fg.politie", "politie-nl", "privacy-officer"));

  /** The members of the demo's joint case. */
  public static final List<String> CASE_MEMBERS =
      List.of("analist.politie", "rechercheur.fiod", "officier.om");

  /**
   * Adds the demo's users (one per agency, a prosecutor and a privacy officer, with random
   * passwords nobody knows) and its joint case of police, FIOD and prosecution.
   */
  public static void addDemoPeople(Store store, Operator by) {
    Administration admin = new Administration(store);
    SecureRandom random = new SecureRandom();
    for (DemoUser u : USERS) {
      char[] password = new char[20];
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      admin.addUser(by, u.name(), u.agency(), List.of(u.role()), password);
    }
    admin.addCase(by, CASE, "JIT havennetwerken Rotterdam-Antwerpen", "wpg-art-9", CASE_MEMBERS);
  }

  /**
   * Generates the scenario at a scale into {@code dir/scenario} (seed 1), ingests it into {@code
   * dir/data} and adds one analyst ({@code user}, police) who is the sole member of the joint case:
   * what the benchmarks and scenario tests measure on. Returns the open store.
   */
  public static Store warehouse(int scale, Path dir, Path ports, String user) throws IOException {
    Path scenario = dir.resolve("scenario");
    generate(scale, 1, ports, scenario, line -> {});
    Store store = Store.open(dir.resolve("data"), true, LocalDate.now());
    Operator by = new Operator(user);
    ingest(store, scenario, by);
    Administration admin = new Administration(store);
    admin.addUser(by, user, "politie-nl", List.of("analyst"), "benchmark-password".toCharArray());
    admin.addCase(by, CASE, user, "wpg-art-9", List.of(user));
    return store;
  }
}
