package org.spil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.spil.ingest.Dataset;
import org.spil.store.Liaisons;
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

  /** A case of the scenario's manifest: id, title, legal task, the agencies that supply it. */
  public record CaseSpec(String id, String title, String legalTask, List<String> parties) {}

  /** The cases of a generated scenario ({@code cases.yml} beside its datasets). */
  public static List<CaseSpec> cases(Path scenario) throws IOException {
    Path manifest = scenario.resolve(Synthesizer.CASES);
    List<CaseSpec> out = new ArrayList<>();
    if (!Files.exists(manifest)) {
      return out;
    }
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(manifest.toFile());
    for (JsonNode c : root.path("cases")) {
      List<String> parties = new ArrayList<>();
      c.path("parties").forEach(p -> parties.add(p.asText()));
      out.add(
          new CaseSpec(
              c.path("id").asText(),
              c.path("title").asText(),
              c.path("legal_task").asText(),
              parties));
    }
    return out;
  }

  /** Ingests every dataset of a generated scenario as of today; returns the outcomes. */
  public static List<Ingestion.Outcome> ingest(Store store, Path scenario, Operator by)
      throws IOException {
    return ingest(store, scenario, by, d -> true);
  }

  /**
   * As {@link #ingest(Store, Path, Operator)}, of the sources whose directory name the filter
   * admits (the demo holds one back to deliver it later).
   */
  public static List<Ingestion.Outcome> ingest(
      Store store, Path scenario, Operator by, Predicate<String> sources) throws IOException {
    List<Ingestion.Outcome> out = new ArrayList<>();
    LocalDate today = store.today();
    for (Dataset d : datasets(scenario)) {
      if (sources.test(d.dir().getFileName().toString())) {
        out.add(Ingestion.run(store, d, today, by, n -> {}, n -> {}));
      }
    }
    return out;
  }

  /** The demo's joint case. */
  public static final String CASE = "26Kruiskade";

  /** A user of the demo: name, agency and role. */
  public record DemoUser(String name, String agency, String role) {}

  /**
   * The demo's users: one per agency, a prosecutor, a privacy officer, and the case's defence
   * counsel and examining judge (outside parties: they see only what a court order approves).
   */
  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser("analist.politie", "politie-nl", "analyst"),
          new DemoUser("douanier", "douane-nl", "analyst"),
          new DemoUser("rechercheur.fiod", "fiod", "investigator"),
          new DemoUser("analist.kmar", "kmar", "analyst"),
          new DemoUser("officier.om", "om", "investigator"),
          new DemoUser("enqueteur.pjf", "politie-be", "investigator"),
          new DemoUser("fg.politie", "politie-nl", "privacy-officer"),
          new DemoUser("advocaat", "advocatuur-rotterdam", "defence-counsel"),
          new DemoUser("rechter-commissaris", "rechtbank-rotterdam", "court"));

  /** The members of the demo's joint case. */
  public static final List<String> CASE_MEMBERS =
      List.of(
          "analist.politie", "rechercheur.fiod", "officier.om", "advocaat", "rechter-commissaris");

  /**
   * Adds the demo's users (one per agency, a prosecutor, a privacy officer and the case's outside
   * parties) with fresh random passwords, and the scenario's cases (the joint case of police, FIOD
   * and prosecution, with its members): before the ingest, since data is supplied for the case.
   * Returns each user's password, for the demo to print when it serves (nowhere else).
   */
  public static Map<String, String> addDemoPeople(Store store, Path scenario, Operator by)
      throws IOException {
    Administration admin = new Administration(store);
    SecureRandom random = new SecureRandom();
    Map<String, String> passwords = new LinkedHashMap<>();
    for (DemoUser u : USERS) {
      char[] password = new char[16];
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      passwords.put(u.name(), new String(password));
      admin.addUser(by, u.name(), u.agency(), List.of(u.role()), password);
    }
    for (CaseSpec c : cases(scenario)) {
      admin.addCase(by, c.id(), c.title(), c.legalTask(), CASE_MEMBERS, c.parties());
    }
    return passwords;
  }

  /**
   * The demo's directory of liaison officers and information desks ({@code Liaisons}): fictional
   * people at the countries the scenario's routes and requests touch, and the partners' desks.
   * Names and addresses are made up; the domains are reserved for examples.
   */
  static final String LIAISONS =
      """
      # country | agency | name | contact | competence (made up for the demo)
      nl | politie-nl | Landelijk Informatieknooppunt, politie | +31 88 000 0100, lik@politie.example | desk; hit/no-hit, access requests
      nl | douane-nl | Douane Informatiecentrum | +31 88 000 0200, dic@douane.example | desk; shipments, seizures
      nl | fiod | FIOD Informatiepunt | +31 88 000 0300, info@fiod.example | desk; bank and crypto data
      nl | kmar | KMar Landelijk Informatiecentrum | +31 88 000 0400, lic@kmar.example | desk; border crossings
      nl | om | OM Internationaal Rechtshulpcentrum (IRC) | +31 88 000 0500, irc@om.example | desk; requests for legal assistance
      be | politie-be | Federale gerechtelijke politie, informatiedesk | +32 2 000 0600, desk@fgp.example | desk; Antwerp
      tr | politie-nl | Liaison officer Istanbul, Jeroen Akkaya | +90 212 000 0001, lo.istanbul@politie.example | drugs, MLA follow-up
      ae | politie-nl | Liaison officer Dubai, Sara Vermeulen | +971 4 000 0002, lo.dubai@politie.example | money laundering, fugitives
      ec | politie-nl | Liaison officer Quito, Daan Moreno | +593 2 000 0003, lo.quito@politie.example | cocaine routes, ports
      co | politie-nl | Liaison officer Bogotá, Iris Castillo | +57 1 000 0004, lo.bogota@politie.example | cocaine routes
      pa | douane-nl | Customs attaché Panama, Tom Ruiz | +507 000 0005, attache.panama@douane.example | containers, transhipment
      tg | douane-nl | Customs attaché Accra (accredited for Togo), Eva Mensah | +233 30 000 0006, attache.accra@douane.example | West African ports, Lomé
      ua | om | Liaison magistrate Kyiv, Pieter Kovalenko | +380 44 000 0007, lm.kyiv@om.example | MLA, extradition
      es | politie-nl | Liaison officer Madrid, Lotte García | +34 91 000 0008, lo.madrid@politie.example | cocaine, Algeciras
      de | politie-nl | Liaison officer Wiesbaden (BKA), Jan Becker | +49 611 000 0009, lo.wiesbaden@politie.example | EIOs, Rhine corridor
      """;

  /** Writes the demo's liaison directory into a data directory. */
  public static void writeLiaisons(Path dataDir) throws IOException {
    Files.writeString(dataDir.resolve(Liaisons.FILE), LIAISONS);
  }

  /**
   * Writes the data directory's list of privileged handles: the scenario's lawyers, whose messages
   * with their clients no reader may see.
   */
  public static void writePrivileged(Path dataDir) throws IOException {
    StringBuilder b =
        new StringBuilder("# Lawyers on the intercepted service: their messages are privileged\n");
    for (String h : org.spil.synth.Synthesizer.LAWYER_HANDLES) {
      b.append("handle ").append(h).append('\n');
    }
    Files.writeString(dataDir.resolve(org.spil.store.Privileged.FILE), b.toString());
  }

  /**
   * Generates the scenario at a scale into {@code dir/scenario} (seed 1), adds one analyst ({@code
   * user}, police) as the sole member of the scenario's cases, and ingests it into {@code
   * dir/data}: what the benchmarks and scenario tests measure on. Returns the open store.
   */
  public static Store warehouse(int scale, Path dir, Path ports, String user) throws IOException {
    return warehouse(scale, 1, dir, ports, user);
  }

  /** As {@link #warehouse(int, Path, Path, String)}, for the scenario of another seed. */
  public static Store warehouse(int scale, long seed, Path dir, Path ports, String user)
      throws IOException {
    Path scenario = dir.resolve("scenario");
    generate(scale, seed, ports, scenario, line -> {});
    Store store = Store.open(dir.resolve("data"), true, LocalDate.now());
    writePrivileged(dir.resolve("data"));
    Operator by = new Operator(user);
    Administration admin = new Administration(store);
    admin.addUser(by, user, "politie-nl", List.of("analyst"), "benchmark-password".toCharArray());
    for (CaseSpec c : cases(scenario)) {
      admin.addCase(by, c.id(), c.title(), c.legalTask(), List.of(user), c.parties());
    }
    ingest(store, scenario, by);
    return store;
  }
}
