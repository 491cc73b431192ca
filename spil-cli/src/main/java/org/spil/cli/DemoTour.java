package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.goods.Targeting;
import org.spil.analysis.graph.Centrality;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.network.Network;
import org.spil.app.Assets;
import org.spil.app.Attribution;
import org.spil.app.Chats;
import org.spil.app.Cooperation;
import org.spil.app.Exchange;
import org.spil.app.FocusCountries;
import org.spil.app.GoodsFlows;
import org.spil.app.Ingestion;
import org.spil.app.LinkFilter;
import org.spil.app.MoneyFlows;
import org.spil.app.NetworkAnalysis;
import org.spil.app.Operator;
import org.spil.app.Oversight;
import org.spil.app.PlantedLaundering;
import org.spil.app.PlantedRoles;
import org.spil.app.PortInsiders;
import org.spil.app.Resolving;
import org.spil.app.Scenario;
import org.spil.app.Searching;
import org.spil.app.SeizureChains;
import org.spil.app.ShipmentTargeting;
import org.spil.app.Trends;
import org.spil.policy.Approval;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.Subset;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.Score;
import org.spil.store.AuditLog;
import org.spil.store.Batch;
import org.spil.store.EntityRecord;
import org.spil.store.HitNoHit;
import org.spil.store.MessageHit;
import org.spil.store.Requests;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Stats;
import org.spil.store.Store;
import org.spil.store.ValueRecord;
import org.spil.store.Watches;
import org.spil.synth.GroundTruth;

/**
 * The demo's tour of a freshly generated scenario, as an analyst would take it: the sources and
 * their provenance, what each user sees for which purpose, the ground truth in brief, one person
 * found across sources, spellings and scripts, hit/no-hit and an access request, entity resolution
 * and network analysis scored against the truth, and the audit log. Every step calls the same
 * operations as the commands; this class only prints.
 */
final class DemoTour {
  private final PrintWriter out;
  private final PrintWriter err;

  DemoTour(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the tour; returns the demo users' passwords (for the demo to print when it serves). */
  Map<String, String> run(Path data, int scale, long seed, Path ports) throws IOException {
    Path scenario = data.resolve("scenario");
    out.printf(
        "Spil demo: synthetic scenario of %,d persons (seed %d) in %s%n%n", scale, seed, scenario);
    out.flush();
    Scenario.Generated generated =
        Scenario.generate(
            scale,
            seed,
            ports,
            scenario,
            line -> {
              err.println("  synth " + line);
              err.flush();
            });
    out.printf(
        "Generated %d sources, %d files, %,d MB in %.1f s%n%n",
        generated.datasets().size(),
        generated.files().size(),
        generated.bytes() >> 20,
        generated.millis() / 1000.0);
    GroundTruth truth = new GroundTruth(scenario);
    Map<String, String> passwords;
    try (Store store = Store.open(data, true, LocalDate.now())) {
      // the users and the joint case first: the case's data is supplied for it
      passwords = Scenario.addDemoPeople(store, scenario, new Operator("demo"));
      Scenario.writeLiaisons(data);
      Scenario.writePrivileged(data);
      out.println("== Ingest");
      // the border crossings come later, to show what watches do with a new delivery
      for (Ingestion.Outcome o :
          Scenario.ingest(store, scenario, new Operator("demo"), s -> !s.equals(LATE_SOURCE))) {
        IngestCommand.print(out, o);
      }
      out.println();
      watchLists(store, truth, scenario);
      out.println();
      sources(store);
      out.println();
      people();
      out.println();
      reads(store);
      out.println();
      scenario(truth);
      out.println();
      searches(store, truth);
      out.println();
      hitAndRequest(store, truth);
      out.println();
      messages(store, scenario.resolve("truth"));
      out.println();
      courtOrder(store);
      out.println();
      resolve(store, truth);
      out.println();
      network(store, truth);
      out.println();
      attribution(store, truth, scenario.resolve("truth/attribution.csv"));
      out.println();
      moneyFlows(store, scenario.resolve("truth"));
      out.println();
      leadersAssets(store, truth);
      out.println();
      goods(store, truth);
      out.println();
      monitoring(store, scenario.resolve("truth/changes.csv"));
      out.println();
    }
    AuditLog.Integrity audit = Oversight.verify(data);
    out.printf(
        "== Audit log: %,d entries (every read above, users, cases, ingests), %s%n",
        audit.entries(),
        audit.intact() ? "intact (checked: " + audit.checks() + ")" : "BROKEN: " + audit.reason());
    out.println();
    out.printf("Ground truth: %s%n", scenario.resolve("truth/README.md"));
    out.printf(
        "Explore further: ./spil search NAME --as analist.politie --purpose %s --data %s%n",
        Scenario.CASE, data);
    out.printf(
        "                 ./spil audit query --as fg.politie --user analist.politie --data %s%n",
        data);
    out.flush();
    return passwords;
  }

  private void sources(Store store) {
    out.println("== Sources");
    out.printf(
        "  %-14s %-11s %-12s %-4s %-5s %-10s %s%n",
        "dataset", "agency", "legal basis", "code", "grade", "retain", "shared with");
    for (Batch b : store.batches()) {
      var p = b.provenance();
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
  }

  /** Users of the demo: one per agency, a prosecutor and a privacy officer; one joint case. */
  private void people() {
    out.println("== Users and cases");
    for (Scenario.DemoUser u : Scenario.USERS) {
      out.printf("  %-17s %-11s %s%n", u.name(), u.agency(), u.role());
    }
    out.printf(
        "  case %s (wpg-art-9): %s; the chats and bank data were supplied for it%n",
        Scenario.CASE, String.join(", ", Scenario.CASE_MEMBERS));
  }

  private void reads(Store store) {
    out.println("== What each user sees, for which purpose (policy per batch: agency, sharing,");
    out.println("   handling code, legal basis against purpose, case compartment, retention)");
    record Read(String user, String purpose) {}
    List<Read> reads =
        List.of(
            new Read("analist.politie", "wpg-art-8"),
            new Read("analist.politie", "wpg-art-9"),
            new Read("analist.politie", Scenario.CASE),
            new Read("douanier", "adw"),
            new Read("rechercheur.fiod", "wpg-art-10"),
            new Read("rechercheur.fiod", Scenario.CASE),
            new Read("analist.kmar", "wpg-art-8"),
            new Read("officier.om", "wjsg"),
            new Read("enqueteur.pjf", "wpg-art-9"),
            new Read("analist.politie", "strategic"),
            new Read("advocaat", Scenario.CASE));
    Searching searching = new Searching(store);
    for (Read read : reads) {
      Stats s = searching.stats(store.viewer(read.user(), read.purpose()));
      out.printf(
          "  %-17s %-12s %,8d entities %,9d statements  from %s%n",
          read.user(),
          read.purpose(),
          s.entities(),
          s.statements(),
          s.disclosure() != null
              ? "agencies " + String.join(", ", s.agencies().keySet())
              : s.datasets().isEmpty() ? "nothing" : String.join(", ", s.datasets().keySet()));
      if (s.disclosure() != null) {
        out.printf("  %17s %s%n", "", s.disclosure());
      }
    }
    try {
      store.viewer("douanier", Scenario.CASE);
    } catch (PolicyException e) {
      out.printf("  douanier for %s: refused (%s)%n", Scenario.CASE, e.getMessage());
    }
  }

  private void scenario(GroundTruth truth) {
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
    for (GroundTruth.RouteShipment s : truth.routeShipments()) {
      byYear.merge((2023 + s.month() / 12) + "", 1, Integer::sum);
    }
    out.printf(
        "  emerging route via Lomé (TGLFW) from September 2024, shipments per year: %s%n", byYear);
  }

  private void searches(Store store, GroundTruth truth) {
    out.println("== One person across sources, spellings and scripts");
    GroundTruth.Member leader = leader(truth);
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
    search(store, "analist.politie", Scenario.CASE, query);
    search(store, "analist.kmar", "wpg-art-8", query);
    truth.members().stream()
        .map(m -> truth.recordsOf(m.truthId()))
        .flatMap(List::stream)
        .filter(r -> r.distortions().contains("cyrillic"))
        .findFirst()
        .ifPresent(
            cyrillic ->
                truth.recordsOf(cyrillic.truthId()).stream()
                    .filter(r -> r.dataset().equals("politie-nl") || r.dataset().equals("om"))
                    .filter(r -> !r.distortions().contains("cyrillic"))
                    .map(GroundTruth.Record::writtenAs)
                    .findFirst()
                    .ifPresent(
                        latin -> {
                          out.printf(
                              "  the prosecutor's request to Ukraine names %s as \"%s\":%n",
                              latin, cyrillic.writtenAs());
                          search(store, "officier.om", Scenario.CASE, latin);
                        }));
    truth.seizureChains().stream()
        .filter(c -> !c.network().isEmpty())
        .findFirst()
        .ifPresent(
            c -> {
              out.printf(
                  "  seizure %s in container %s (network %s):%n",
                  c.seizureId(), c.container(), c.network());
              search(store, "douanier", "adw", c.container());
            });
  }

  private static GroundTruth.Member leader(GroundTruth truth) {
    return truth.members().stream()
        .filter(m -> m.role().equals("leader"))
        .findFirst()
        .orElseThrow();
  }

  /** The source delivered after the others, in the tour's watch-list step. */
  static final String LATE_SOURCE = "kmar";

  /**
   * Watch lists: the police analyst watches a network leader as the police know him (name and date
   * of birth), customs the same name; the border crossings are delivered; each sees the alert its
   * rights allow: the police the crossing itself, customs a hit to ask about.
   */
  private void watchLists(Store store, GroundTruth truth, Path scenario) throws IOException {
    out.println("== Watch lists: a new delivery raises alerts, under each owner's rights");
    GroundTruth.Member leader = leader(truth);
    GroundTruth.Record police =
        truth.recordsOf(leader.truthId()).stream()
            .filter(r -> r.dataset().equals("politie-nl") && r.schema().equals("Person"))
            .findFirst()
            .orElse(null);
    Viewer analyst = store.viewer("analist.politie", "wpg-art-9");
    Viewer customs = store.viewer("douanier", "adw");
    EntityRecord known =
        police == null ? null : new Searching(store).show(analyst, police.entityId()).orElse(null);
    if (known == null) {
      out.println("  (the leader has no police record in this scenario)");
      Scenario.ingest(store, scenario, new Operator("demo"), s -> s.equals(LATE_SOURCE));
      return;
    }
    String name = first(known, "name");
    String dob = first(known, "birthDate");
    store
        .watches()
        .add(
            analyst,
            new Watches.Spec(name, dob, null, null, null, "leader of " + leader.network()));
    store.watches().add(customs, new Watches.Spec(name, null, null, null, null, null));
    out.printf(
        "  analist.politie (wpg-art-9) watches \"%s\"%s; douanier (adw) watches \"%s\"%n",
        name, dob == null ? "" : ", born " + dob, name);
    out.println("  then KMar delivers its border crossings:");
    for (Ingestion.Outcome o :
        Scenario.ingest(store, scenario, new Operator("demo"), s -> s.equals(LATE_SOURCE))) {
      out.print("  ");
      IngestCommand.print(out, o);
    }
    for (Viewer v : List.of(analyst, customs)) {
      List<Watches.Alert> alerts = store.watches().alerts(v, true);
      out.printf(
          "  %s (%s): %d new alert%s%n",
          v.user().name(), v.purpose().token(), alerts.size(), alerts.size() == 1 ? "" : "s");
      for (Watches.Alert a : alerts.subList(0, Math.min(3, alerts.size()))) {
        out.printf(
            "    %s  %s%s%n",
            a.id(), a.entity() == null ? "" : a.entity().substring(0, 10) + "…  ", a.explanation());
      }
    }
    out.println("  KMar, who delivered, is told nothing of either watch.");
  }

  private static String first(EntityRecord e, String prop) {
    List<ValueRecord> v = e.properties().getOrDefault(prop, List.of());
    return v.isEmpty() ? null : v.get(0).value();
  }

  /** Hit/no-hit from customs on a network leader, an access request, the police's grant. */
  private void hitAndRequest(Store store, GroundTruth truth) {
    out.println("== Hit/no-hit and an access request");
    GroundTruth.Record police =
        truth.recordsOf(leader(truth).truthId()).stream()
            .filter(r -> r.dataset().equals("politie-nl"))
            .findFirst()
            .orElse(null);
    if (police == null) {
      out.println("  (the leader has no police record in this scenario)");
      return;
    }
    Exchange exchange = new Exchange(store);
    Viewer customs = store.viewer("douanier", "adw");
    out.printf("  douanier (adw) asks who holds \"%s\":%n", police.writtenAs());
    List<HitNoHit.Hit> hits =
        exchange.hit(customs, new HitNoHit.Query(police.writtenAs(), null, null, null, null));
    for (HitNoHit.Hit h : hits.subList(0, Math.min(6, hits.size()))) {
      out.printf(
          "    hit  %-11s %-7s %.2f  %s  ask: %s%n",
          h.agency(), h.strength().label(), h.score(), h.reference(), h.contact());
    }
    HitNoHit.Hit first =
        hits.stream().filter(h -> h.agency().equals("politie-nl")).findFirst().orElse(null);
    if (first == null) {
      return;
    }
    Requests.View request =
        exchange.request(
            customs, first.reference(), "consignee of a seized container; identify the person");
    out.printf(
        "  douanier requests %s: %s %s%n", first.reference(), request.id(), request.status());
    Requests.View granted =
        exchange.grant("analist.politie", request.id(), LocalDate.now().plusDays(30));
    out.printf(
        "  analist.politie grants %s until %s; douanier (adw) now sees:%n",
        granted.id(), granted.until());
    for (SearchHit h :
        new Searching(store)
            .search(
                customs,
                new SearchQuery(police.writtenAs(), "Person", null, null, null, 3, "NL"))) {
      out.printf(
          "      %5.1f  %-12s %s %s%n",
          h.score(), h.schema(), h.caption(), h.properties().getOrDefault("birthDate", List.of()));
    }
  }

  /**
   * A court order carried out: the police approve one week of the intercepted chats for the defence
   * and the examining judge, who see that week and nothing else; the judge, not the police's
   * privacy officer, oversees what the defence read.
   */
  private void courtOrder(Store store) {
    out.println("== A court order: one week of the chats for the defence");
    Batch intercepted =
        store.batches().stream()
            .filter(b -> b.provenance().dataset().equals("encrochat"))
            .findFirst()
            .orElse(null);
    if (intercepted == null) {
      return;
    }
    Viewer counsel = store.viewer("advocaat", Scenario.CASE);
    out.printf(
        "  before the order, advocaat (%s) sees %,d messages%n",
        Scenario.CASE, new Chats(store).search(counsel, everything(1, "time")).total());
    Approval a =
        new Exchange(store)
            .approve(
                "fg.politie",
                Scenario.CASE,
                intercepted.id(),
                new Subset.Period(LocalDate.parse("2023-01-02"), LocalDate.parse("2023-01-08")),
                EnumSet.of(Role.DEFENCE_COUNSEL, Role.COURT),
                LocalDate.now().plusDays(90),
                "RK 26/1234 (order of the examining judge)");
    out.printf("  approval ");
    ApprovalCommand.print(out, a);
    Chats chats = new Chats(store);
    for (String user : List.of("advocaat", "rechter-commissaris")) {
      Viewer v = store.viewer(user, Scenario.CASE);
      MessageHit.Page oldest = chats.search(v, everything(1, "time"));
      out.printf(
          "  %-19s now sees %,d messages%s%n",
          user,
          oldest.total(),
          oldest.results().isEmpty() ? "" : ", the first sent " + oldest.results().get(0).time());
    }
    chats.search(
        counsel,
        new Chats.SearchRequest(
            "hoeveel", null, null, null, null, null, null, null, null, 1, 0, 0, null));
    long byCounsel = Oversight.query(store, "rechter-commissaris", "advocaat", null, null).size();
    long seenByPolice = Oversight.query(store, "fg.politie", "advocaat", null, null).size();
    out.printf(
        "  audit: the examining judge sees %d entries of the defence's reads, fg.politie %d%n",
        byCounsel, seenByPolice);
  }

  /** A search of every message a viewer may read, {@code limit} of them by {@code sort}. */
  private static Chats.SearchRequest everything(int limit, String sort) {
    return new Chats.SearchRequest(
        "", null, null, null, null, null, null, null, null, limit, 0, 0, sort);
  }

  /**
   * The message store: a search in the intercepted chats, each hit in its conversation, matches in
   * double brackets; the top of the triage queue of threats to life, and how many of the planted
   * threats the first 1% of the messages holds.
   */
  private void messages(Store store, Path truthDir) {
    String query = "politie OR flics OR police";
    out.printf(
        "== Intercepted messages (analist.politie, %s): ./spil messages search '%s' --context 1%n",
        Scenario.CASE, query);
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    Chats chats = new Chats(store);
    MessageHit.Page all = chats.search(v, everything(1, "time"));
    out.printf(
        "  %,d messages in the store for this viewer; %,d with the suspects' lawyers withheld"
            + " (privileged.txt): counted, never shown%n",
        all.total(), all.privileged());
    MessageHit.Page page =
        chats.search(
            v,
            new Chats.SearchRequest(
                query, null, null, null, null, null, null, null, null, 3, 0, 1, null));
    out.printf("  %,d match; the best three:%n", page.total());
    for (MessageHit h : page.results()) {
      for (MessageHit.Line l : h.before()) {
        out.printf(
            "      %s  %s -> %s: %s%n",
            l.time(), l.from(), String.join(",", l.to()), TerminalText.safe(l.body()));
      }
      out.printf(
          "    > %s  %s -> %s: %s%n",
          h.time(),
          h.from(),
          String.join(",", h.to()),
          TerminalText.safe(MessagesCommand.Search.marked(h)));
      for (MessageHit.Line l : h.after()) {
        out.printf(
            "      %s  %s -> %s: %s%n",
            l.time(), l.from(), String.join(",", l.to()), TerminalText.safe(l.body()));
      }
    }
    out.println();
    Chats.Queue queue = chats.triage(v, 3, false);
    out.printf(
        "  triage of threats to life (./spil messages triage --top 3): %,d messages with a threat"
            + " or weapon signal, the first three:%n",
        queue.candidates());
    for (Chats.Triaged t : queue.results()) {
      out.printf(
          "    %.2f  %s  %s -> %s: %s%n",
          t.score(), t.time(), t.from(), String.join(",", t.to()), TerminalText.safe(t.body()));
      out.printf("          %s%n", String.join("; ", t.reasons()));
    }
    Path threats = truthDir == null ? null : truthDir.resolve("threats.csv");
    if (threats != null && java.nio.file.Files.exists(threats)) {
      try {
        List<String> lines = java.nio.file.Files.readAllLines(threats);
        Set<String> planted = new java.util.HashSet<>();
        lines.subList(1, lines.size()).forEach(l -> planted.add(l.substring(0, l.indexOf(','))));
        long messages = chats.search(v, everything(1, "time")).total();
        int top = (int) Math.max(1, messages / 100);
        long found =
            chats.triage(v, top, true).results().stream()
                .filter(t -> planted.contains(t.id()))
                .count();
        out.printf(
            "  against the truth: %d of the %d planted threats in the top %d (1%% of %,d"
                + " messages)%n",
            found, planted.size(), top, messages);
      } catch (java.io.IOException e) {
        out.println("  (the truth's threats cannot be read: " + e.getMessage() + ")");
      }
    }
  }

  /**
   * A leader's handle attributed: the candidates with their evidence (nicknames the police know,
   * the own phone number a handle gave, a device shared with another handle), against the truth.
   */
  private void attribution(Store store, GroundTruth truth, Path clues) {
    out.printf(
        "== Who is behind a handle (analist.politie, %s): ./spil handles attribute HANDLE%n",
        Scenario.CASE);
    Map<String, String> clueOf = new HashMap<>();
    try {
      List<String> lines = java.nio.file.Files.readAllLines(clues);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        clueOf.put(f[0], f[3]);
      }
    } catch (java.io.IOException e) {
      out.println("  (the truth's clues cannot be read: " + e.getMessage() + ")");
      return;
    }
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    Attribution attribution = new Attribution(store);
    for (GroundTruth.Member m : truth.members()) {
      if (!m.role().equals("leader")) {
        continue;
      }
      for (String handle : m.handles()) {
        if (clueOf.getOrDefault(handle, "").isEmpty()) {
          continue;
        }
        Attribution.Handle h = attribution.attribute(v, handle);
        if (h.candidates().isEmpty()) {
          continue;
        }
        Attribution.Candidate top = h.candidates().get(0);
        out.printf(
            "  %s (%,d messages), the handle of network %s's leader (\"%s\" in chats):%n",
            handle, h.messages(), m.network(), m.nickname());
        out.printf("    %.2f  %s  [%s]%n", top.score(), top.caption(), top.person());
        top.evidence().forEach(e -> out.printf("          %s%n", TerminalText.safe(e)));
        Set<String> truthIds = new java.util.HashSet<>();
        new Searching(store)
            .show(v, top.person())
            .ifPresent(
                e -> {
                  List<String> ids = e.members().isEmpty() ? List.of(e.id()) : e.members();
                  truth.eachRecord(
                      r -> {
                        if (ids.contains(r.entityId())) {
                          truthIds.add(r.truthId());
                        }
                      });
                });
        out.printf(
            "    the truth: %s%n",
            truthIds.contains(m.truthId()) ? "right, " + m.truthId() : "wrong, " + m.truthId());
        return;
      }
    }
    out.println("  no leader's handle has a clue in this scenario");
  }

  /** Entity resolution over what the case team may see, scored against the truth. */
  private void resolve(Store store, GroundTruth truth) {
    out.printf("== Entity resolution (analist.politie, %s)%n", Scenario.CASE);
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    Resolving.Run run =
        new Resolving(store).resolve(v, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
    Map<String, String> truthOf = new HashMap<>();
    truth.eachRecord(
        rec -> {
          if (run.records().containsKey(rec.entityId())) {
            truthOf.put(rec.entityId(), rec.truthId());
          }
        });
    Score s = Score.pairwise(run.clusters(), truthOf);
    out.printf(
        "  %,d persons, companies and account holders, %,d candidate pairs, %,d clusters%n",
        run.records().size(), run.pairs(), run.clusters().size());
    out.printf(
        "  against the truth: pairwise precision %.2f, recall %.2f (docs/resolve.md)%n",
        s.precision(), s.recall());
  }

  /**
   * Network analysis of the EncroChat messages the case analyst may see: communities, the planted
   * leaders and brokers found by betweenness (recall against the truth), and the key players whose
   * removal fragments the network most.
   */
  private void network(Store store, GroundTruth truth) {
    out.printf(
        "== Network analysis (analist.politie, %s): who matters in the chats%n", Scenario.CASE);
    Network net =
        NetworkAnalysis.load(
            store,
            store.viewer("analist.politie", Scenario.CASE),
            LinkFilter.of(Set.of("Message")));
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
    double[] betweenness = Centrality.BETWEENNESS.compute(g, Lengths.HOPS).values();
    PlantedRoles.Recall recall = PlantedRoles.recall(net, betweenness, PlantedRoles.handles(truth));
    out.printf(
        "  planted leaders' and brokers' handles among the top %d by betweenness: %d of %d"
            + " (recall %.2f)%n",
        recall.k(), recall.found(), recall.k(), recall.value());
    out.println("  key players (./spil keyplayers --links Message --k 5):");
    NetworkAnalysis.KeyPlayerView players = NetworkAnalysis.keyPlayers(net, 5, Lengths.HOPS);
    Map<String, String> roles = new HashMap<>();
    for (GroundTruth.Member m : truth.members()) {
      m.handles().forEach(h -> roles.put(h.toLowerCase(Locale.ROOT), m.network() + " " + m.role()));
    }
    double before = players.fragmentationBefore();
    for (NetworkAnalysis.Player p : players.players()) {
      out.printf(
          "    %d. %-16s fragmentation %.3f -> %.3f   (truth: %s)%n",
          p.rank(),
          p.node().caption(),
          before,
          p.fragmentationAfter(),
          roles.getOrDefault(p.node().caption().toLowerCase(Locale.ROOT), "not planted"));
      before = p.fragmentationAfter();
    }
  }

  private void moneyFlows(Store store, Path truth) throws IOException {
    out.printf(
        "== Money flows (analist.politie, %s): laundering in FIOD's bank statements%n",
        Scenario.CASE);
    List<MoneyFlows.Alert> alerts =
        new MoneyFlows(store)
            .typologies(store.viewer("analist.politie", Scenario.CASE), MoneyFlows.Query.all());
    out.printf(
        "  %d alerts (./spil flows typologies); scored against the planted patterns:%n",
        alerts.size());
    PlantedLaundering.read(truth)
        .score(alerts)
        .forEach(
            (typology, s) ->
                out.printf(
                    "    %-16s %3d alerts, %3d right; planted %2d, found %2d%n",
                    typology, s.alerts(), s.right(), s.planted(), s.found()));
    for (String typology : List.of("structuring", "trade-based")) {
      alerts.stream()
          .filter(a -> a.typology().equals(typology))
          .findFirst()
          .ifPresent(a -> out.printf("  for example: %s%n", a.explanation()));
    }
  }

  /**
   * Goods flows as customs and the case team see them: the top targets with their indicators,
   * scored against the truth, and the first seizure walked back to the people behind it.
   */
  private void goods(Store store, GroundTruth truth) {
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    List<Targeting.Target> ranked =
        new ShipmentTargeting(store)
            .targets(v, null, 0, ShipmentTargeting.weights(store.dir(), null));
    Map<String, String> network = new HashMap<>();
    truth.shipments().forEach(s -> network.put(s.entityId(), s.network()));
    int top = Math.max(1, ranked.size() / 100);
    long hits =
        ranked.subList(0, top).stream()
            .filter(t -> !network.getOrDefault(t.shipment(), "").isEmpty())
            .count();
    out.printf(
        "== Shipment targeting (analist.politie, %s): ./spil targeting%n"
            + "  %,d shipments ranked; of the top 1%% (%d), %d carry a network's drugs (truth)%n",
        Scenario.CASE, ranked.size(), top, hits);
    for (Targeting.Target t : ranked.subList(0, Math.min(3, ranked.size()))) {
      out.printf(
          "    score %.1f  %s%s%n",
          t.score(),
          t.indicators().stream().map(Targeting.Hit::name).toList(),
          network.getOrDefault(t.shipment(), "").isEmpty()
              ? ""
              : "  (truth: " + network.get(t.shipment()) + ")");
    }
    List<GroundTruth.SeizureChain> chains = truth.seizureChains();
    if (chains.isEmpty()) {
      return;
    }
    GroundTruth.SeizureChain first = chains.get(0);
    String seizureId = first.seizureEntityId();
    Network net = NetworkAnalysis.load(store, v, LinkFilter.ALL);
    SeizureChains walk = new SeizureChains(store);
    SeizureChains.Chain chain = walk.of(v, net, seizureId);
    out.printf("== Seizure %s walked back: ./spil chain %s%n", first.seizureId(), seizureId);
    Map<String, String> caption = new HashMap<>();
    chain.entities().forEach(n -> caption.put(n.id(), n.caption()));
    for (SeizureChains.Link l : chain.links().subList(0, Math.min(6, chain.links().size()))) {
      out.printf(
          "    %s  %s%s  %s  (%s)%n",
          caption.get(l.source()),
          l.type(),
          l.detail() == null ? "" : " (" + l.detail() + ")",
          caption.get(l.target()),
          String.join(", ", l.datasets()));
    }
    Map<String, String> canonical = store.resolutions().canonicalIds(v);
    boolean director =
        truth.recordsOf(first.directorTruthId()).stream()
            .anyMatch(r -> caption.containsKey(canonical.getOrDefault(r.entityId(), r.entityId())));
    out.printf(
        "  %d entities, %d links; the consignee's director the truth names is among them: %s%n",
        chain.entities().size(), chain.links().size(), director ? "yes" : "no");
    List<GroundTruth.SeizureChain> ripOns =
        chains.stream().filter(GroundTruth.SeizureChain::ripOn).toList();
    int shown = 0;
    int wrongly = 0;
    for (GroundTruth.SeizureChain c : chains) {
      boolean called = walk.of(v, net, c.seizureEntityId()).ripOn();
      shown += called && c.ripOn() ? 1 : 0;
      wrongly += called && !c.ripOn() ? 1 : 0;
    }
    out.printf(
        "  rip-ons in legal cargo: %d of the %d the truth plants shown as such, %d other seizures"
            + " called one%n",
        shown, ripOns.size(), wrongly);
    if (!ripOns.isEmpty()) {
      GroundTruth.SeizureChain r = ripOns.get(0);
      out.printf("  %s: %s%n", r.seizureId(), walk.of(v, net, r.seizureEntityId()).verdict());
    }
    insiders(store, truth, v, net);
  }

  /**
   * The changes monitoring finds in the monthly series, the new route through Lomé first, against
   * the changes the truth plants.
   */
  private void monitoring(Store store, Path changes) throws IOException {
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    Trends trends = new Trends(store);
    List<Trends.Change> signals = trends.signals(v, null, Trends.thresholds(store.dir(), null));
    List<String> planted = java.nio.file.Files.readAllLines(changes);
    out.printf(
        "== Monitoring (analist.politie, %s): ./spil signals; ./spil trends --by port --key"
            + " TGLFW%n  %d changes in the monthly series; the truth plants %d (the route through"
            + " Lomé from %s)%n",
        Scenario.CASE,
        signals.size(),
        planted.size() - 1,
        planted.size() > 1 ? planted.get(1).split(",")[4] : "-");
    signals.stream()
        .sorted(java.util.Comparator.comparing(c -> !c.series().key().equals("TGLFW")))
        .limit(4)
        .forEach(c -> out.printf("    %s  %-9s  %s%n", c.start(), c.kind(), c.explanation()));
    List<FocusCountries.Ranked> focus =
        new FocusCountries(store)
            .rank(
                v,
                null,
                5,
                FocusCountries.weights(store.dir(), null),
                Trends.thresholds(store.dir(), null));
    if (!focus.isEmpty()) {
      out.printf(
          "  focus countries of %s (./spil focus), what moved each most:%n",
          focus.get(0).quarter());
      for (FocusCountries.Ranked r : focus) {
        out.printf(
            java.util.Locale.ROOT,
            "    %d  %s  %5.1f  %s%n",
            r.rank(),
            r.country(),
            r.score(),
            // the reasons come largest contribution first
            r.reasons().stream().limit(2).map(x -> x.explanation()).toList());
      }
    }
    Cooperation.Register register =
        new Cooperation(store).register(store.viewer("officier.om", "wjsg"), null, false);
    register.requests().stream()
        .filter(Cooperation.Request::overdue)
        .findFirst()
        .ifPresent(
            r ->
                out.printf(
                    "  cooperation register (officier.om, wjsg: ./spil cooperation): %d requests"
                        + " for legal assistance, %d past their deadline; the longest waiting:"
                        + " %s %s %s, sent %s, %d days%n",
                    register.requests().size(),
                    register.requests().stream().filter(Cooperation.Request::overdue).count(),
                    r.reference(),
                    r.incoming() ? "from" : "to",
                    r.authority(),
                    r.sent(),
                    r.days()));
  }

  /** The ranked insiders of Rotterdam against the port insiders the truth plants there. */
  private void insiders(Store store, GroundTruth truth, Viewer v, Network net) {
    PortInsiders.Report report =
        new PortInsiders(store, GoodsFlows.defaultPorts()).rank(v, net, "NLRTM", 0);
    out.printf(
        "== Insiders of the port of Rotterdam (analist.politie, 26Kruiskade): ./spil insiders --port"
            + " NLRTM%n  %d firms, %d staff in the payroll data; %d tied to suspects%n",
        report.firms(), report.staff(), report.insiders().size());
    Map<String, String> roleOf = new HashMap<>();
    for (GroundTruth.Member m : truth.members()) {
      for (GroundTruth.Record r : truth.recordsOf(m.truthId())) {
        roleOf.put(r.entityId(), m.network() + " " + m.role());
      }
    }
    Map<String, List<String>> members = new HashMap<>();
    store.resolutions().clusters(v).forEach((id, m) -> members.put(id, List.copyOf(m)));
    for (Insiders.Insider i : report.insiders().subList(0, Math.min(5, report.insiders().size()))) {
      String role = "not planted";
      for (String m : members.getOrDefault(i.person(), List.of(i.person()))) {
        role = roleOf.getOrDefault(m, role);
      }
      out.printf(
          "    score %4.1f  %-26s %-34s %s  (truth: %s)%n",
          i.score(),
          i.caption(),
          i.employerCaption(),
          i.evidence().stream().map(Insiders.Evidence::name).distinct().toList(),
          role);
    }
  }

  /**
   * The assets of the first network's leader, as the case analyst's resolution sees him: what the
   * registers and bank statements tie to him and how, against what the truth says he owns.
   */
  private void leadersAssets(Store store, GroundTruth truth) {
    List<GroundTruth.Asset> owned = truth.assets();
    if (owned.isEmpty()) {
      return;
    }
    String leader = owned.get(0).leader();
    Viewer v = store.viewer("analist.politie", Scenario.CASE);
    String record =
        truth.recordsOf(leader).stream()
            .filter(r -> r.dataset().equals("politie-nl"))
            .map(GroundTruth.Record::entityId)
            .findFirst()
            .orElse(null);
    if (record == null) {
      return;
    }
    String subject = record;
    for (Map.Entry<String, List<String>> c : store.resolutions().clusters(v).entrySet()) {
      if (c.getValue().contains(record)) {
        subject = c.getKey();
      }
    }
    Assets.Overview o = new Assets(store).of(v, subject, 3);
    out.printf(
        "== Assets of a leader (analist.politie, %s): ./spil assets %s%n", Scenario.CASE, subject);
    Set<String> listed = new HashSet<>();
    for (Assets.Asset a : o.assets()) {
      listed.add(a.id());
      List<String> via = new ArrayList<>();
      for (Assets.Link l : a.chain().subList(0, a.chain().size() - 1)) {
        via.add(l.relation() + " " + l.toCaption());
      }
      out.printf(
          "    %-15s %-36s %28s  %s%n",
          a.kind(),
          a.caption().length() > 36 ? a.caption().substring(0, 35) + "…" : a.caption(),
          a.value() == null ? "" : a.value(),
          via.isEmpty() ? "his own" : "via: " + String.join(", ", via));
    }
    long his = owned.stream().filter(a -> a.leader().equals(leader)).count();
    long found =
        owned.stream()
            .filter(a -> a.leader().equals(leader) && listed.contains(a.entityId()))
            .count();
    out.printf(
        "  %d of the %d register assets the truth gives him are listed (truth/assets.csv)%n",
        found, his);
  }

  private void search(Store store, String user, String purpose, String text) {
    Viewer viewer = store.viewer(user, purpose);
    Searching searching = new Searching(store);
    List<SearchHit> hits =
        searching.search(viewer, new SearchQuery(text, null, null, null, null, 8, "NL"));
    out.printf(
        "    %s (%s) searches \"%s\": %s%n",
        user, purpose, text, hits.isEmpty() ? "no matches" : hits.size() + " best:");
    for (SearchHit h : hits) {
      String dataset = searching.show(viewer, h.id()).map(DemoTour::datasets).orElse("");
      out.printf("      %5.1f  %-14s %-12s %s%n", h.score(), dataset, h.schema(), h.caption());
    }
    out.flush();
  }

  private static String datasets(EntityRecord e) {
    TreeSet<String> names = new TreeSet<>();
    e.properties().values().forEach(vs -> vs.forEach(v -> names.add(v.dataset())));
    return String.join(",", names);
  }
}
