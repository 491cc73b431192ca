package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KeyPlayers;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.network.Network;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetReader;
import org.spil.policy.Viewer;
import org.spil.store.Batch;
import org.spil.store.EntityRecord;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Stats;
import org.spil.store.Store;
import org.spil.synth.GroundTruth;
import org.spil.synth.Synthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil demo}: the main job. Generates the synthetic multi-agency scenario, ingests every
 * source into a fresh data directory, and shows what an analyst wants to see first: the sources and
 * their provenance, what each agency can see, the scenario's ground truth in brief, and searches
 * that find one person across sources, spellings and scripts, within what the searching agency may
 * see.
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

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = Path.of(System.getProperty("spil.home", "."));
    Path data = spil.data != null ? spil.data : home.resolve("spil-demo");
    wipe(data);
    Path scenario = data.resolve("scenario");
    out.printf(
        "Spil demo: synthetic scenario of %,d persons (seed %d) in %s%n%n", scale, seed, scenario);
    out.flush();
    Synthesizer.Summary generated =
        new Synthesizer(scale, seed, ports != null ? ports : SynthCommand.defaultPorts())
            .write(
                scenario,
                line -> {
                  err.println("  synth " + line);
                  err.flush();
                });
    out.printf(
        "Generated %d sources, %d files, %,d MB in %.1f s%n%n",
        generated.datasets().size(),
        generated.files().size(),
        generated.files().stream().mapToLong(Synthesizer.FileSize::bytes).sum() >> 20,
        generated.millis() / 1000.0);
    List<Dataset> datasets = new ArrayList<>();
    try (Stream<Path> s = Files.list(scenario)) {
      for (Path d :
          s.filter(p -> Files.isRegularFile(p.resolve("dataset.yml"))).sorted().toList()) {
        datasets.add(DatasetReader.read(d));
      }
    }
    GroundTruth truth = new GroundTruth(scenario);
    LocalDate today = LocalDate.now();
    try (Store store = Store.open(data, true, today)) {
      out.println("== Ingest");
      for (Dataset d : datasets) {
        IngestCommand.print(out, Ingestion.run(store, d, today, n -> {}, n -> {}));
      }
      out.println();
      sources(out, store);
      out.println();
      people(out, store);
      out.println();
      out.println("== What each user sees, for which purpose (policy per batch: agency, sharing,");
      out.println("   handling code, legal basis against purpose, case compartment, retention)");
      String[][] reads = {
        {"analist.politie", "wpg-art-8"},
        {"analist.politie", "wpg-art-9"},
        {"analist.politie", "26Kruiskade"},
        {"douanier", "adw"},
        {"rechercheur.fiod", "wpg-art-10"},
        {"rechercheur.fiod", "26Kruiskade"},
        {"analist.kmar", "wpg-art-8"},
        {"officier.om", "wjsg"},
        {"enqueteur.pjf", "wpg-art-13"}
      };
      for (String[] read : reads) {
        Stats s = store.stats(store.viewer(read[0], read[1]));
        out.printf(
            "  %-17s %-12s %,8d entities %,9d statements  from %s%n",
            read[0],
            read[1],
            s.entities(),
            s.statements(),
            s.byDataset().isEmpty()
                ? "nothing"
                : String.join(", ", s.byDataset().stream().map(Stats.Count::key).toList()));
      }
      try {
        store.viewer("douanier", "26Kruiskade");
      } catch (org.spil.policy.PolicyException e) {
        out.printf("  douanier for 26Kruiskade: refused (%s)%n", e.getMessage());
      }
      out.println();
      scenario(out, truth);
      out.println();
      searches(out, store, truth);
      out.println();
      hitAndRequest(out, store, truth);
      out.println();
      resolve(out, store, truth);
      out.println();
      network(out, store, truth);
      out.println();
    }
    org.spil.store.AuditLog.Verdict audit = new org.spil.store.AuditLog(data).verify();
    out.printf(
        "== Audit log: %,d entries (every read above, users, cases, ingests), chain %s%n",
        audit.entries(), audit.intact() ? "intact" : "BROKEN: " + audit.reason());
    out.println();
    out.printf("Ground truth: %s%n", scenario.resolve("truth/README.md"));
    out.printf(
        "Explore further: ./spil search NAME --as analist.politie --purpose 26Kruiskade --data %s%n",
        data);
    out.printf(
        "                 ./spil audit query --as fg.politie --user analist.politie --data %s%n",
        data);
    out.flush();
    return 0;
  }

  /** Users of the demo: one per agency, a prosecutor and a privacy officer; one joint case. */
  private static void people(PrintWriter out, Store store) {
    String[][] users = {
      {"analist.politie", "politie-nl", "analyst"}, {"douanier", "douane-nl", "analyst"},
      {"rechercheur.fiod", "fiod", "investigator"}, {"analist.kmar", "kmar", "analyst"},
      {"officier.om", "om", "investigator"}, {"enqueteur.pjf", "politie-be", "investigator"},
      {"fg.politie", "politie-nl", "privacy-officer"}
    };
    java.security.SecureRandom random = new java.security.SecureRandom();
    for (String[] u : users) {
      char[] password = new char[20];
      for (int i = 0; i < password.length; i++) {
        password[i] = (char) ('a' + random.nextInt(26));
      }
      store.addUser(
          new org.spil.policy.User(u[0], u[1], java.util.Set.of(org.spil.policy.Role.parse(u[2]))),
          org.spil.policy.Passwords.hash(password),
          "demo");
    }
    store.addCase(
        new org.spil.policy.Case(
            "26Kruiskade",
            "JIT havennetwerken Rotterdam-Antwerpen",
            "wpg-art-9",
            java.util.Set.of("analist.politie", "rechercheur.fiod", "officier.om")),
        "demo");
    out.println("== Users and cases");
    for (String[] u : users) {
      out.printf("  %-17s %-11s %s%n", u[0], u[1], u[2]);
    }
    out.println(
        "  case 26Kruiskade (wpg-art-9): analist.politie, rechercheur.fiod, officier.om;"
            + " the chats and bank data were supplied for it");
  }

  private static TreeSet<String> sources(PrintWriter out, Store store) {
    out.println("== Sources");
    out.printf(
        "  %-14s %-11s %-12s %-4s %-5s %-10s %s%n",
        "dataset", "agency", "legal basis", "code", "grade", "retain", "shared with");
    TreeSet<String> agencies = new TreeSet<>();
    for (Batch b : store.warehouse().batches()) {
      var p = b.provenance();
      agencies.add(p.agency());
      agencies.addAll(p.shareWith());
      out.printf(
          "  %-14s %-11s %-12s %-4s %s%d    %-10s %s%n",
          p.dataset(),
          p.agency(),
          p.legalBasis(),
          p.handlingCode(),
          p.sourceGrade(),
          p.infoGrade(),
          p.retainUntil(),
          p.shareWith().isEmpty() ? "-" : String.join(", ", p.shareWith()));
    }
    agencies.remove("all");
    return agencies;
  }

  private static void scenario(PrintWriter out, GroundTruth truth) {
    out.println("== The scenario (ground truth, to score the analyses against)");
    Map<String, String> networks = truth.networks();
    List<GroundTruth.Member> members = truth.members();
    out.printf("  %d criminal networks, %d actors:%n", networks.size(), members.size());
    for (Map.Entry<String, String> n : networks.entrySet()) {
      Map<String, Integer> roles = new TreeMap<>();
      members.stream()
          .filter(m -> m.network().equals(n.getKey()))
          .forEach(m -> roles.merge(m.role(), 1, Integer::sum));
      out.printf("    %s %-18s %s%n", n.getKey(), n.getValue(), roles);
    }
    Map<String, Integer> typologies = new TreeMap<>();
    truth.patterns().forEach(p -> typologies.merge(p.typology(), 1, Integer::sum));
    out.printf("  planted laundering patterns: %s%n", typologies);
    List<GroundTruth.SeizureChain> chains = truth.seizureChains();
    long ofNetworks = chains.stream().filter(c -> !c.network().isEmpty()).count();
    out.printf(
        "  seizures: %d (%d in network shipments, %d rip-ons in legal cargo)%n",
        chains.size(), ofNetworks, chains.size() - ofNetworks);
    Map<String, Integer> byYear = new LinkedHashMap<>();
    for (String[] s : truth.routeShipments()) {
      int month = Integer.parseInt(s[1]);
      byYear.merge((2023 + month / 12) + "", 1, Integer::sum);
    }
    out.printf(
        "  emerging route via Lomé (TGLFW) from September 2024, shipments per year: %s%n", byYear);
  }

  private static void searches(PrintWriter out, Store store, GroundTruth truth) {
    out.println("== One person across sources, spellings and scripts");
    GroundTruth.Member leader =
        truth.members().stream().filter(m -> m.role().equals("leader")).findFirst().orElseThrow();
    List<GroundTruth.Record> records = truth.recordsOf(leader.truthId());
    out.printf(
        "  %s, leader of %s (\"%s\" in chats), is written in the sources as:%n",
        leader.truthId(), leader.network(), leader.nickname());
    TreeSet<String> written = new TreeSet<>();
    for (GroundTruth.Record r : records) {
      if (written.add(r.dataset() + "\t" + r.writtenAs())) {
        out.printf(
            "    %-13s %s%s%n",
            r.dataset(),
            r.writtenAs(),
            r.distortions().isEmpty() ? "" : "  (" + r.distortions() + ")");
      }
    }
    String query =
        records.stream()
            .filter(r -> r.dataset().equals("kmar"))
            .map(GroundTruth.Record::writtenAs)
            .findFirst()
            .orElse(records.get(0).writtenAs());
    search(out, store, "analist.politie", "26Kruiskade", query);
    search(out, store, "analist.kmar", "wpg-art-8", query);
    truth.members().stream()
        .map(m -> truth.recordsOf(m.truthId()))
        .flatMap(List::stream)
        .filter(r -> r.distortions().contains("cyrillic"))
        .findFirst()
        .ifPresent(
            cyrillic -> {
              String latin =
                  truth.recordsOf(cyrillic.truthId()).stream()
                      .filter(r -> r.dataset().equals("politie-nl") || r.dataset().equals("om"))
                      .filter(r -> !r.distortions().contains("cyrillic"))
                      .map(GroundTruth.Record::writtenAs)
                      .findFirst()
                      .orElse(null);
              if (latin != null) {
                out.printf(
                    "  the prosecutor's request to Ukraine names %s as \"%s\":%n",
                    latin, cyrillic.writtenAs());
                search(out, store, "officier.om", "26Kruiskade", latin);
              }
            });
    truth.seizureChains().stream()
        .filter(c -> !c.network().isEmpty())
        .findFirst()
        .ifPresent(
            c -> {
              out.printf(
                  "  seizure %s in container %s (network %s):%n",
                  c.seizureId(), c.container(), c.network());
              search(out, store, "douanier", "adw", c.container());
            });
  }

  /** Entity resolution over what the case analyst may see, scored against the truth. */
  private static void resolve(PrintWriter out, Store store, GroundTruth truth) {
    out.println("== Entity resolution (analist.politie, 26Kruiskade)");
    Viewer v = store.viewer("analist.politie", "26Kruiskade");
    ResolutionRun.Result run =
        ResolutionRun.run(
            store,
            v,
            org.spil.resolve.Resolution.DEFAULT_THRESHOLD,
            false,
            new PrintWriter(java.io.Writer.nullWriter()));
    java.util.Map<String, org.spil.resolve.ResolveRecord> records = run.records();
    List<org.spil.resolve.Resolution.Cluster> clusters = run.clusters();
    int pairs = run.pairs();
    java.util.Map<String, String> truthOf = new java.util.HashMap<>();
    truth.eachRecord(
        rec -> {
          if (records.containsKey(rec.entityId())) {
            truthOf.put(rec.entityId(), rec.truthId());
          }
        });
    org.spil.resolve.Score s = org.spil.resolve.Score.pairwise(clusters, truthOf);
    out.printf(
        "  %,d persons, companies and account holders, %,d candidate pairs, %,d clusters%n",
        records.size(), pairs, clusters.size());
    out.printf(
        "  against the truth: pairwise precision %.2f, recall %.2f (docs/resolve.md)%n",
        s.precision(), s.recall());
  }

  /**
   * Network analysis of the EncroChat messages the case analyst may see: communities, the planted
   * leaders and brokers found by betweenness (recall against the truth), and the key players whose
   * removal fragments the network most.
   */
  private static void network(PrintWriter out, Store store, GroundTruth truth)
      throws java.io.IOException {
    out.println("== Network analysis (analist.politie, 26Kruiskade): who matters in the chats");
    Network net =
        NetworkSource.read(
            store, store.viewer("analist.politie", "26Kruiskade"), null, Set.of("Message"));
    Graph g = net.graph();
    LouvainCommunities.Result communities = LouvainCommunities.compute(g);
    long groups =
        Arrays.stream(communities.community())
            .boxed()
            .collect(Collectors.groupingBy(c -> c, Collectors.counting()))
            .values()
            .stream()
            .filter(size -> size >= 5)
            .count();
    out.printf(
        "  %,d chat accounts, %,d pairs in contact; %d communities of 5 or more (modularity %.2f)%n",
        g.nodes(), g.edges(), groups, communities.modularity());
    double[] betweenness = BrandesBetweenness.compute(g, Lengths.HOPS).scores();
    PlantedRoles.Recall recall = PlantedRoles.recall(net, betweenness, PlantedRoles.handles(truth));
    out.printf(
        "  planted leaders' and brokers' handles among the top %d by betweenness: %d of %d (recall %.2f)%n",
        recall.k(), recall.found(), recall.k(), recall.value());
    out.println("  key players (./spil keyplayers --links Message --k 5):");
    KeyPlayers.Result players = KeyPlayers.find(g, 5, betweenness);
    java.util.Map<String, String> roles = new java.util.HashMap<>();
    for (GroundTruth.Member m : truth.members()) {
      m.handles().forEach(h -> roles.put(h.toLowerCase(Locale.ROOT), m.network() + " " + m.role()));
    }
    for (int i = 0; i < players.players().length; i++) {
      int v = players.players()[i];
      out.printf(
          "    %d. %-16s fragmentation %.3f -> %.3f   (truth: %s)%n",
          i + 1,
          net.caption(v),
          players.fragmentation()[i],
          players.fragmentation()[i + 1],
          roles.getOrDefault(net.caption(v).toLowerCase(Locale.ROOT), "not planted"));
    }
  }

  /** Hit/no-hit from customs on a network leader, an access request, the police's grant. */
  private static void hitAndRequest(PrintWriter out, Store store, GroundTruth truth) {
    out.println("== Hit/no-hit and an access request");
    GroundTruth.Member leader =
        truth.members().stream().filter(m -> m.role().equals("leader")).findFirst().orElseThrow();
    GroundTruth.Record police =
        truth.recordsOf(leader.truthId()).stream()
            .filter(r -> r.dataset().equals("politie-nl"))
            .findFirst()
            .orElse(null);
    if (police == null) {
      out.println("  (the leader has no police record in this scenario)");
      return;
    }
    Viewer customs = store.viewer("douanier", "adw");
    out.printf("  douanier (adw) asks who holds \"%s\":%n", police.writtenAs());
    List<Store.Hit> hits =
        store.hits(customs, new Store.HitQuery(police.writtenAs(), null, null, null, null));
    for (Store.Hit h : hits.subList(0, Math.min(6, hits.size()))) {
      out.printf(
          "    hit  %-11s %-7s %.2f  %s  ask: %s%n",
          h.agency(), h.strength(), h.score(), h.reference(), h.contact());
    }
    Store.Hit first =
        hits.stream().filter(h -> h.agency().equals("politie-nl")).findFirst().orElse(null);
    if (first == null) {
      return;
    }
    Store.RequestView request =
        store.requestAccess(
            customs, first.reference(), "consignee of a seized container; identify the person");
    out.printf(
        "  douanier requests %s: %s %s%n", first.reference(), request.id(), request.status());
    Store.RequestView granted =
        store.decide("analist.politie", request.id(), true, LocalDate.now().plusDays(30), null);
    out.printf(
        "  analist.politie grants %s until %s; douanier (adw) now sees:%n",
        granted.id(), granted.until());
    for (SearchHit h :
        store.search(
            customs, new SearchQuery(police.writtenAs(), "Person", null, null, null, 3, "NL"))) {
      out.printf(
          "      %5.1f  %-12s %s %s%n",
          h.score(), h.schema(), h.caption(), h.properties().getOrDefault("birthDate", List.of()));
    }
  }

  private static void search(
      PrintWriter out, Store store, String user, String purpose, String text) {
    Viewer viewer = store.viewer(user, purpose);
    List<SearchHit> hits =
        store.search(viewer, new SearchQuery(text, null, null, null, null, 8, "NL"));
    out.printf(
        "    %s (%s) searches \"%s\": %s%n",
        user, purpose, text, hits.isEmpty() ? "no matches" : hits.size() + " best:");
    for (SearchHit h : hits) {
      String dataset = store.entity(viewer, h.id()).map(DemoCommand::datasets).orElse("");
      out.printf("      %5.1f  %-14s %-12s %s%n", h.score(), dataset, h.schema(), h.caption());
    }
    out.flush();
  }

  private static String datasets(EntityRecord e) {
    TreeSet<String> names = new TreeSet<>();
    e.properties().values().forEach(vs -> vs.forEach(v -> names.add(v.dataset())));
    return String.join(",", names);
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
