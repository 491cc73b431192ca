package org.spil.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.model.EntityIds;
import org.spil.model.types.CryptoAddress;

/**
 * Bank statements the fiscal investigators (FIOD) obtained by production orders: ISO 20022 camt.053
 * XML, one file per bank per quarter, a statement per account per month. Covers the networks'
 * members and companies (foreign accounts through legal assistance) and a sample of the population.
 * The money is a normal background of salaries, rent, shopping and energy, with the laundering
 * patterns planted in it ({@link #planPatterns}), each recorded in the ground truth with its
 * transactions. Also the customer extract of a crypto exchange (wallets and holders).
 */
final class BankSource extends Source {
  private static final Map<String, String> BIC =
      Map.ofEntries(
          Map.entry("ABNA", "ABNANL2A"),
          Map.entry("INGB", "INGBNL2A"),
          Map.entry("RABO", "RABONL2U"),
          Map.entry("TRIO", "TRIONL2U"),
          Map.entry("BUNQ", "BUNQNL2A"),
          Map.entry("KNAB", "KNABNL2H"),
          Map.entry("SNSB", "SNSBNL2A"),
          Map.entry("BE", "GEBABEBB"),
          Map.entry("AE", "EBILAEAD"),
          Map.entry("TR", "TGBATRIS"));

  /**
   * An account holder as the scenario knows it: its account, its true identity and names, and the
   * person or company it is (the other null).
   */
  private record Holder(
      String iban,
      String truthId,
      String ownerName,
      String[] aliases,
      Person person,
      Company company) {}

  /** One payment: both sides' names as they appear on statements. */
  private record Tx(
      String e2e,
      LocalDate date,
      long cents,
      Holder debtor,
      String debtorName,
      Holder creditor,
      String creditorName,
      String remittance,
      String code) {}

  private final Map<String, Holder> covered = new LinkedHashMap<>();
  private final Map<String, Long> balances = new HashMap<>();
  private final Map<Integer, List<Tx>> planned = new HashMap<>();
  private final Map<Integer, List<Moved>> membersPayments = new HashMap<>();
  private final Set<String> seenParties = new HashSet<>();
  private final Map<String, BufferedWriter> files = new TreeMap<>();
  private final List<String> fileNames = new ArrayList<>();
  private long e2e;

  /** Share of the importers of legal trade whose statements the FIOD obtained. */
  static final double IMPORTERS_COVERED = 0.08;

  private final Trade trade;

  /** Shipments whose payments a planted pattern makes, by id: no ordinary payment for them. */
  private final Set<String> paidOtherwise = new HashSet<>();

  BankSource(World world, Truth truth, Path root, Trade trade) {
    super(world, truth, root);
    this.trade = trade;
  }

  @Override
  String name() {
    return "fiod-bank";
  }

  // ------------------------------------------------------------------ holders

  private Holder person(int i) {
    Person p = world.person(i);
    Rng r = Rng.of(world.seed, "account-holder", i);
    Spelling s = new Spelling(r);
    String initial = p.givenName().charAt(0) + "";
    String owner =
        switch (r.below(4)) {
          case 0 -> initial + ". " + p.lastName();
          case 1 -> (initial + " " + World.ascii(p.lastName())).toUpperCase();
          case 2 -> p.name();
          default -> (World.ascii(p.lastName()) + " " + initial).toUpperCase();
        };
    String[] aliases = {
      s.given(p, 0.6) + " " + s.surname(p, 0.6), s.typo(p.givenName() + " " + p.lastName(), 0.5)
    };
    return new Holder(p.iban(), p.id(), owner, aliases, p, null);
  }

  private Holder company(int j) {
    Company c = world.company(j);
    Spelling s = new Spelling(Rng.of(world.seed, "account-company", j));
    return new Holder(
        c.iban(), c.id(), c.name(), new String[] {s.company(c, 0.7), s.company(c, 0.7)}, null, c);
  }

  // ------------------------------------------------------------------ write

  @Override
  void write() throws IOException {
    Files.createDirectories(dir.resolve("afschriften"));
    for (Network n : world.networks) {
      for (Actor a : n.actors()) {
        cover(person(a.person()));
      }
      for (int f : n.fronts()) {
        cover(company(f));
      }
    }
    for (int i = 0; i < world.scale; i++) {
      if (world.actor(i) == null && Rng.unit(world.seed, "bank", i) < 0.015) {
        cover(person(i));
      }
    }
    for (int k = 0; k < trade.legalCount; k++) {
      int j = trade.legal(k).consignee();
      if (Rng.unit(world.seed, "bank-importer", j) < IMPORTERS_COVERED) {
        cover(company(j));
      }
    }
    planPatterns();
    planTradePayments();
    for (int month = 0; month < World.MONTHS; month++) {
      List<Tx> txs = new ArrayList<>(background(month));
      txs.addAll(planned.getOrDefault(month, List.of()));
      statements(month, txs);
      if (month % 3 == 2) {
        closeFiles();
      }
    }
    closeFiles();
    holders();
    crypto();
    dataset(yaml());
  }

  private void cover(Holder h) {
    if (covered.putIfAbsent(h.iban(), h) == null) {
      Rng r = Rng.of(world.seed, "balance", covered.size());
      balances.put(h.iban(), r.between(500, 40000) * 100L);
    }
  }

  private String nextE2e(int month) {
    return String.format("E2E%02d%010d", month, ++e2e);
  }

  private Tx tx(
      int month,
      LocalDate date,
      long cents,
      Holder from,
      Holder to,
      String text,
      String code,
      Rng r) {
    String toName = r.chance(0.75) ? to.ownerName() : to.aliases()[r.below(to.aliases().length)];
    return new Tx(
        nextE2e(month),
        date,
        cents,
        from,
        from == null ? null : from.ownerName(),
        to,
        toName,
        text,
        code);
  }

  private List<Tx> background(int month) {
    List<Tx> out = new ArrayList<>();
    LocalDate first = World.START.plusMonths(month);
    Holder retailA = company(World.RETAIL_A);
    Holder retailB = company(World.RETAIL_B);
    Holder energy = company(World.ENERGY);
    Holder exchange = company(World.EXCHANGE);
    for (Holder h : covered.values()) {
      if (h.truthId().startsWith("TC")) {
        trade(out, month, first, h);
        continue;
      }
      int i = Integer.parseInt(h.truthId().substring(2));
      Person p = world.person(i);
      Rng r = Rng.of(world.seed, "background-" + month, i);
      if (p.employer() >= 0) {
        Rng salary = Rng.of(world.seed, "salary", i);
        long base = salary.between(2100, 4800) * 100L;
        out.add(
            tx(
                month,
                first.plusDays(23),
                base,
                company(p.employer()),
                h,
                "SALARIS " + first.getYear() + "-" + String.format("%02d", first.getMonthValue()),
                "PMNT/RCDT/SALA",
                r));
      }
      Holder landlord = company(i % 2 == 0 ? World.HOUSING_A : World.HOUSING_B);
      long rent = Rng.of(world.seed, "rent", i).between(650, 1450) * 100L;
      out.add(
          tx(
              month,
              first,
              rent,
              h,
              landlord,
              "HUUR " + p.addressIn(month).line(),
              "PMNT/ICDT/ESCT",
              r));
      out.add(
          tx(
              month,
              first.plusDays(r.between(2, 8)),
              r.between(6000, 22000),
              h,
              energy,
              "Termijnbedrag energie klantnr " + (100000 + i),
              "PMNT/ICDT/DMCT",
              r));
      for (int k = r.between(1, 3); k > 0; k--) {
        out.add(
            tx(
                month,
                first.plusDays(r.below(28)),
                r.between(1200, 16000),
                h,
                r.chance(0.5) ? retailA : retailB,
                "BEA, Betaalpas",
                "PMNT/CCRD/POSD",
                r));
      }
      if (Rng.unit(world.seed, "crypto-hobby", i) < 0.1 && r.chance(0.2)) {
        out.add(
            tx(
                month,
                first.plusDays(r.below(28)),
                r.between(5000, 150000),
                exchange,
                h,
                "Coinvault uitbetaling " + r.digits(8),
                "PMNT/RCDT/ESCT",
                r));
      }
    }
    return out;
  }

  /** A company's ordinary business: invoices paid by customers and paid to suppliers. */
  private void trade(List<Tx> out, int month, LocalDate first, Holder company) {
    int j = Integer.parseInt(company.truthId().substring(2));
    Rng r = Rng.of(world.seed, "trade-" + month, j);
    for (int k = r.between(2, 4); k > 0; k--) {
      out.add(
          tx(
              month,
              first.plusDays(r.below(28)),
              r.between(2000, 40000) * 100L,
              company(partner(r)),
              company,
              "factuur " + first.getYear() + "-" + r.digits(5),
              "PMNT/RCDT/ESCT",
              r));
    }
    for (int k = r.between(1, 3); k > 0; k--) {
      out.add(
          tx(
              month,
              first.plusDays(r.below(28)),
              r.between(500, 25000) * 100L,
              company,
              company(partner(r)),
              "inkoopfactuur " + r.digits(7),
              "PMNT/ICDT/ESCT",
              r));
    }
  }

  /** A Dutch business partner that is not one of the networks' companies. */
  private int partner(Rng r) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int j = r.below(world.companyCount);
      if (!world.isFront(j) && world.company(j).country().equals("nl")) {
        return j;
      }
    }
    return World.RETAIL_A;
  }

  // ------------------------------------------------------------------ trade

  /**
   * The payments for goods: every shipment whose paying side the FIOD covers is paid by it (the
   * consignee, or the buyer abroad of an export) to the consignor, at its declared value less a
   * discount of up to 3%, once after arrival or in two instalments around it; most payments name
   * the bill of lading. A shipment a planted pattern pays is left to the pattern, and one whose
   * payments fall outside the statements' three years is not paid in them.
   */
  private void planTradePayments() {
    for (int k = 0; k < trade.legalCount; k++) {
      payFor(trade.legal(k));
    }
    for (Shipment s : trade.networkShipments()) {
      if (!paidOtherwise.contains(s.id())) {
        payFor(s);
      }
    }
  }

  private void payFor(Shipment s) {
    Holder payer = company(s.consignee());
    if (!covered.containsKey(payer.iban())) {
      return;
    }
    Holder supplier = company(s.consignor());
    Rng r = Rng.of(world.seed, "trade-payment-" + s.id(), 0);
    long cents = s.valueEur() * 100;
    String text = "INV " + r.digits(6) + (r.chance(0.85) ? " B/L " + trade.billOfLading(s) : "");
    List<Object[]> parts = new ArrayList<>();
    if (r.chance(0.25)) {
      long first = cents * 3 / 10;
      parts.add(new Object[] {s.arrival().minusDays(r.between(10, 30)), first});
      parts.add(
          new Object[] {
            s.arrival().plusDays(r.between(5, 30)), (cents - first) * r.between(985, 1000) / 1000
          });
    } else {
      parts.add(
          new Object[] {
            s.arrival().plusDays(r.between(3, 40)), cents * r.between(970, 1000) / 1000
          });
    }
    for (Object[] part : parts) {
      if (monthOf((LocalDate) part[0]) < 0 || monthOf((LocalDate) part[0]) >= World.MONTHS) {
        return;
      }
    }
    for (Object[] part : parts) {
      LocalDate day = (LocalDate) part[0];
      plan(monthOf(day), tx(0, day, (long) part[1], payer, supplier, text, "PMNT/ICDT/XBCT", r));
    }
  }

  private static int monthOf(LocalDate day) {
    return (int) ChronoUnit.MONTHS.between(World.START, day.withDayOfMonth(1));
  }

  // ------------------------------------------------------------------ patterns

  private void plan(int month, Tx t) {
    planned.computeIfAbsent(month, k -> new ArrayList<>()).add(t);
    if (t.debtor() != null && t.debtor().person() != null) {
      membersPayments
          .computeIfAbsent(t.debtor().person().index(), k -> new ArrayList<>())
          .add(new Moved(t.date(), t.cents(), true));
    }
    if (t.creditor() != null && t.creditor().person() != null) {
      membersPayments
          .computeIfAbsent(t.creditor().person().index(), k -> new ArrayList<>())
          .add(new Moved(t.date(), t.cents(), false));
    }
  }

  /**
   * Money a person moved in a planted pattern or trade payment: the day booked, the euro cents, and
   * whether the person paid ({@code out}) or received it (a cash deposit onto the own account too).
   */
  record Moved(LocalDate day, long cents, boolean out) {}

  /**
   * The planted payments of a person (by index), known once the statements are planned: what the
   * chats' payment talk speaks of. Everyday payments (rent, salary, shops) are not among them.
   */
  List<Moved> paymentsOf(int person) {
    return membersPayments.getOrDefault(person, List.of());
  }

  private final class Pattern {
    final String id;
    final String typology;
    final Network network;
    final String description;
    final List<Tx> txs = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    Pattern(String id, String typology, Network network, String description) {
      this.id = id;
      this.typology = typology;
      this.network = network;
      this.description = description;
    }

    void add(Tx t, String step) {
      txs.add(t);
      steps.add(step);
      plan((int) ChronoUnit.MONTHS.between(World.START, t.date().withDayOfMonth(1)), t);
    }

    void record() {
      long total = 0;
      LocalDate firstDate = txs.get(0).date();
      LocalDate lastDate = firstDate;
      for (int k = 0; k < txs.size(); k++) {
        Tx t = txs.get(k);
        total += t.cents();
        firstDate = t.date().isBefore(firstDate) ? t.date() : firstDate;
        lastDate = t.date().isAfter(lastDate) ? t.date() : lastDate;
        truth.patternTransactions.row(
            id,
            name(),
            t.e2e(),
            EntityIds.make(name(), "betaling", List.of(t.e2e())),
            steps.get(k));
      }
      truth.patterns.row(
          id,
          typology,
          network.id(),
          firstDate,
          lastDate,
          txs.size(),
          BigDecimal.valueOf(total, 2).toPlainString(),
          description);
    }
  }

  private void planPatterns() {
    int seq = 0;
    Holder exchange = company(World.EXCHANGE);
    for (Network n : world.networks) {
      Rng r = Rng.of(world.seed, "patterns-" + n.id(), 0);
      Holder realEstate = company(n.realEstate());
      Holder importer = company(n.importer());
      Holder ae = company(n.tradingAe());
      Holder tr = company(n.tradingTr());
      Holder hawalaNl = company(n.hawalaNl());
      Holder hawalaAe = company(n.hawalaAe());
      List<Actor> mules = n.all(Role.MULE);
      List<Actor> launderers = n.all(Role.LAUNDERER);
      List<Actor> smurfs = new ArrayList<>(mules);
      smurfs.addAll(n.all(Role.MEMBER));
      smurfs.addAll(n.all(Role.COURIER));
      for (int episode = 0; episode < 2; episode++) {
        Pattern p =
            new Pattern(
                String.format("PAT%04d", ++seq),
                "fan-in-smurfing",
                n,
                "cash deposits under EUR 10,000 on many accounts, passed on to "
                    + realEstate.ownerName());
        LocalDate d0 = World.START.plusMonths(r.between(3, 33)).plusDays(r.below(20));
        int deposits = r.between(8, 14);
        for (int k = 0; k < deposits; k++) {
          Holder from = person(smurfs.get(k % smurfs.size()).person());
          long cents = r.between(9000, 9950) * 100L;
          LocalDate day = d0.plusDays(r.below(5));
          p.add(
              new Tx(
                  "CASH" + nextE2e(0).substring(3),
                  day,
                  cents,
                  null,
                  null,
                  from,
                  from.ownerName(),
                  "STORTING CONTANT",
                  "PMNT/CNTR/CDPT"),
              "deposit-" + (k + 1));
          p.add(
              tx(
                  0,
                  day.plusDays(1),
                  cents - r.between(0, 50) * 100L,
                  from,
                  realEstate,
                  r.chance(0.5) ? "lening" : "inleg project",
                  "PMNT/ICDT/ESCT",
                  r),
              "transfer-" + (k + 1));
        }
        p.record();
      }
      for (int episode = 0; episode < r.between(1, 2); episode++) {
        Pattern p =
            new Pattern(
                String.format("PAT%04d", ++seq),
                "company-cycle",
                n,
                "money round-tripped through companies in NL, UAE and Turkey back to the importer");
        LocalDate day = World.START.plusMonths(r.between(6, 32)).plusDays(r.below(15));
        long cents = r.between(120, 480) * 100_000L;
        Holder[] hops = {importer, ae, tr, realEstate, importer};
        String[] texts = {
          "INV consultancy services", "advance payment goods", "investment loan", "huur loods"
        };
        for (int h = 0; h < 4; h++) {
          p.add(
              tx(
                  0,
                  day,
                  cents,
                  hops[h],
                  hops[h + 1],
                  texts[h] + " " + r.digits(5),
                  "PMNT/ICDT/XBCT",
                  r),
              "hop-" + (h + 1));
          cents = cents * r.between(970, 995) / 1000;
          day = day.plusDays(r.between(2, 9));
        }
        p.record();
      }
      for (int episode = 0; episode < 3; episode++) {
        Actor mule = mules.get(episode % mules.size());
        Holder m = person(mule.person());
        Pattern p =
            new Pattern(
                String.format("PAT%04d", ++seq),
                "pass-through-mule",
                n,
                "money in from abroad and out again within two days through " + m.ownerName());
        LocalDate day = World.START.plusMonths(r.between(2, 34)).plusDays(r.below(20));
        long in = r.between(15, 60) * 100_000L;
        p.add(tx(0, day, in, ae, m, "payment invoice " + r.digits(6), "PMNT/RCDT/XBCT", r), "in");
        long out = in * r.between(960, 990) / 1000;
        Holder[] targets = {person(launderers.get(0).person()), realEstate, tr};
        int parts = r.between(2, 3);
        for (int k = 0; k < parts; k++) {
          long part = k == parts - 1 ? out - (out / parts) * (parts - 1) : out / parts;
          p.add(
              tx(
                  0,
                  day.plusDays(r.between(0, 2)),
                  part,
                  m,
                  targets[k],
                  "doorboeking " + r.digits(4),
                  "PMNT/ICDT/ESCT",
                  r),
              "out-" + (k + 1));
        }
        p.record();
      }
      Holder launderer = person(launderers.get(0).person());
      for (int episode = 0; episode < 4; episode++) {
        Pattern p =
            new Pattern(
                String.format("PAT%04d", ++seq),
                "mirror-transfer",
                n,
                "underground banking: paid in at "
                    + hawalaNl.ownerName()
                    + ", paid out in Dubai by "
                    + hawalaAe.ownerName());
        LocalDate day = World.START.plusMonths(r.between(2, 34)).plusDays(r.below(25));
        long cents = r.between(50, 190) * 50_000L;
        p.add(
            tx(
                0,
                day,
                cents,
                launderer,
                hawalaNl,
                "reisbureau " + r.digits(6),
                "PMNT/ICDT/ESCT",
                r),
            "a");
        p.add(
            tx(
                0,
                day.plusDays(r.below(2)),
                cents,
                hawalaAe,
                ae,
                "settlement " + r.digits(6),
                "PMNT/ICDT/XBCT",
                r),
            "b");
        p.record();
      }
      Holder cashOut = person(launderers.get(launderers.size() - 1).person());
      Pattern p =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "crypto-off-ramp",
              n,
              "crypto sold at Coinvault and paid out to " + cashOut.ownerName());
      LocalDate day = World.START.plusMonths(r.between(4, 30));
      for (int k = r.between(6, 12); k > 0; k--) {
        day = day.plusDays(r.between(1, 6));
        p.add(
            tx(
                0,
                day,
                r.between(4000, 25000) * 100L,
                exchange,
                cashOut,
                "Coinvault uitbetaling " + r.digits(8),
                "PMNT/RCDT/ESCT",
                r),
            "payout");
      }
      p.record();
      // the network's own people, other than the leaders, as payees and payers of the fans
      List<Holder> people = new ArrayList<>();
      for (Actor a : n.actors()) {
        if (a.role() != Role.LEADER) {
          people.add(person(a.person()));
        }
      }
      Pattern fan =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "fan-out",
              n,
              "proceeds spread from " + realEstate.ownerName() + " over the network's people");
      LocalDate fanDay = World.START.plusMonths(r.between(3, 33)).plusDays(r.below(20));
      int payees = Math.min(people.size(), r.between(9, 12));
      for (int k = 0; k < payees; k++) {
        fan.add(
            tx(
                0,
                fanDay.plusDays(r.below(5)),
                r.between(50, 150) * 100_00L,
                realEstate,
                people.get(k % people.size()),
                r.chance(0.5) ? "uitbetaling lening" : "vergoeding project",
                "PMNT/ICDT/ESCT",
                r),
            "payee-" + (k + 1));
      }
      fan.record();
      Pattern sg =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "scatter-gather",
              n,
              "money split by "
                  + launderer.ownerName()
                  + " over network members and gathered at "
                  + importer.ownerName());
      LocalDate sgDay = World.START.plusMonths(r.between(3, 33)).plusDays(r.below(20));
      int vias = r.between(4, 6);
      for (int k = 0; k < vias; k++) {
        Holder via = people.get((k * 5 + 3) % people.size());
        if (via == launderer) {
          continue;
        }
        long cents = r.between(80, 200) * 100_00L;
        sg.add(
            tx(0, sgDay, cents, launderer, via, "lening " + r.digits(4), "PMNT/ICDT/ESCT", r),
            "scatter-" + (k + 1));
        sg.add(
            tx(
                0,
                sgDay.plusDays(r.between(1, 5)),
                cents * r.between(960, 995) / 1000,
                via,
                importer,
                "inleg " + r.digits(5),
                "PMNT/ICDT/ESCT",
                r),
            "gather-" + (k + 1));
      }
      sg.record();
      Pattern gs =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "gather-scatter",
              n,
              "money collected from many at "
                  + hawalaNl.ownerName()
                  + " and paid on to many others");
      LocalDate gsDay = World.START.plusMonths(r.between(3, 33)).plusDays(r.below(20));
      long gathered = 0;
      int payers = Math.min(people.size() / 2, r.between(6, 9));
      for (int k = 0; k < payers; k++) {
        long cents = r.between(100, 300) * 100_00L;
        gathered += cents;
        gs.add(
            tx(
                0,
                gsDay.plusDays(r.below(5)),
                cents,
                people.get(k * 2 % people.size()),
                hawalaNl,
                "reisbureau " + r.digits(6),
                "PMNT/ICDT/ESCT",
                r),
            "in-" + (k + 1));
      }
      int outs = Math.min(people.size() / 2, r.between(6, 9));
      long each = gathered * r.between(900, 950) / 1000 / outs;
      for (int k = 0; k < outs; k++) {
        gs.add(
            tx(
                0,
                gsDay.plusDays(r.between(5, 10)),
                each,
                hawalaNl,
                people.get((k * 2 + 1) % people.size()),
                "uitbetaling " + r.digits(6),
                "PMNT/ICDT/ESCT",
                r),
            "out-" + (k + 1));
      }
      gs.record();
      seq = planTradeBased(n, r, seq);
    }
  }

  /**
   * Trade-based laundering of a network, around the shipments its importer receives: one shipment
   * paid at several times its declared value (over-invoicing), one paid wholly or partly by the
   * network's trading company in Dubai (a third-party payer), and advance payments to an exporter
   * that never ships anything to the importer (payments without goods). Returns the last pattern
   * number used.
   */
  private int planTradeBased(Network n, Rng r, int seq) {
    List<Shipment> own = new ArrayList<>();
    for (Shipment s : trade.networkShipments()) {
      if (s.network().equals(n.id())
          && s.consignee() == n.importer()
          && s.month() >= 2
          && s.month() <= World.MONTHS - 4) {
        own.add(s);
      }
    }
    Holder importer = company(n.importer());
    Holder ae = company(n.tradingAe());
    if (own.size() >= 2) {
      Shipment over = own.get(r.below(own.size()));
      Shipment third = own.get(r.below(own.size()));
      while (third == over) {
        third = own.get(r.below(own.size()));
      }
      Holder supplier = company(over.consignor());
      String bl = trade.billOfLading(over);
      Pattern p =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "trade-based",
              n,
              "over-invoicing: "
                  + importer.ownerName()
                  + " paid "
                  + supplier.ownerName()
                  + " several times the declared value of shipment "
                  + bl);
      long total = over.valueEur() * r.between(250, 500);
      long first = total * r.between(40, 60) / 100;
      p.add(
          tx(
              0,
              over.arrival().plusDays(r.between(2, 10)),
              first,
              importer,
              supplier,
              "INV " + r.digits(6) + " B/L " + bl,
              "PMNT/ICDT/XBCT",
              r),
          "over-1");
      p.add(
          tx(
              0,
              over.arrival().plusDays(r.between(12, 25)),
              total - first,
              importer,
              supplier,
              "INV " + r.digits(6) + " B/L " + bl + " balance",
              "PMNT/ICDT/XBCT",
              r),
          "over-2");
      p.record();
      paidOtherwise.add(over.id());
      supplier = company(third.consignor());
      bl = trade.billOfLading(third);
      p =
          new Pattern(
              String.format("PAT%04d", ++seq),
              "trade-based",
              n,
              "third-party payment: "
                  + ae.ownerName()
                  + " paid "
                  + supplier.ownerName()
                  + " for shipment "
                  + bl
                  + " to "
                  + importer.ownerName());
      long cents = third.valueEur() * 100;
      long byImporter = r.chance(0.5) ? cents * r.between(30, 50) / 100 : 0;
      if (byImporter > 0) {
        p.add(
            tx(
                0,
                third.arrival().plusDays(r.between(2, 10)),
                byImporter,
                importer,
                supplier,
                "INV " + r.digits(6) + " B/L " + bl,
                "PMNT/ICDT/XBCT",
                r),
            "consignee");
      }
      p.add(
          tx(
              0,
              third.arrival().plusDays(r.between(3, 20)),
              cents - byImporter,
              ae,
              supplier,
              "payment on behalf of client B/L " + bl,
              "PMNT/ICDT/XBCT",
              r),
          "third-party");
      p.record();
      paidOtherwise.add(third.id());
    }
    Set<Integer> suppliers = new HashSet<>();
    for (Shipment s : trade.networkShipments()) {
      if (s.consignee() == n.importer()) {
        suppliers.add(s.consignor());
      }
    }
    int exporter = -1;
    for (int attempt = 0; attempt < 1000 && exporter < 0; attempt++) {
      Shipment s = trade.legal(r.below(trade.legalCount));
      Company c = world.company(s.consignor());
      if (!suppliers.contains(s.consignor())
          && !c.country().equals("hk")
          && !c.country().equals("tr")) {
        exporter = s.consignor();
      }
    }
    if (exporter < 0) {
      return seq;
    }
    Holder supplier = company(exporter);
    Pattern p =
        new Pattern(
            String.format("PAT%04d", ++seq),
            "trade-based",
            n,
            "payments without goods: "
                + importer.ownerName()
                + " paid "
                + supplier.ownerName()
                + " in advance for goods that never came");
    LocalDate day = World.START.plusMonths(r.between(3, 32)).plusDays(r.below(20));
    for (int k = r.between(2, 3); k > 0; k--) {
      p.add(
          tx(
              0,
              day,
              r.between(300, 900) * 100_00L,
              importer,
              supplier,
              "advance payment order " + r.digits(5),
              "PMNT/ICDT/XBCT",
              r),
          "advance");
      day = day.plusDays(r.between(3, 9));
    }
    p.record();
    return seq;
  }

  // ------------------------------------------------------------------ statements

  private record Entry(Tx tx, boolean credit) {}

  private void statements(int month, List<Tx> txs) throws IOException {
    Map<String, List<Entry>> byAccount = new HashMap<>();
    for (Tx t : txs) {
      party(t.debtor(), t.debtorName());
      party(t.creditor(), t.creditorName());
      if (t.debtor() != null && covered.containsKey(t.debtor().iban())) {
        byAccount
            .computeIfAbsent(t.debtor().iban(), k -> new ArrayList<>())
            .add(new Entry(t, false));
      }
      if (t.creditor() != null && covered.containsKey(t.creditor().iban())) {
        byAccount
            .computeIfAbsent(t.creditor().iban(), k -> new ArrayList<>())
            .add(new Entry(t, true));
      }
    }
    LocalDate from = World.START.plusMonths(month);
    LocalDate to = from.plusMonths(1).minusDays(1);
    for (Holder h : covered.values()) {
      List<Entry> entries = byAccount.get(h.iban());
      if (entries == null) {
        continue;
      }
      entries.sort(
          Comparator.comparing((Entry e) -> e.tx().date()).thenComparing(e -> e.tx().e2e()));
      Writer w = file(h.iban(), from);
      String ccy = currency(h);
      long opening = balances.get(h.iban());
      long closing = opening;
      for (Entry e : entries) {
        long booked = convert(e.tx().cents(), ccy, e.tx().date());
        closing += e.credit() ? booked : -booked;
      }
      balances.put(h.iban(), closing);
      String bic = BIC.getOrDefault(bank(h.iban()), "ABNANL2A");
      w.write("    <Stmt>\n");
      w.write(
          "      <Id>"
              + h.iban()
              + "-"
              + from.getYear()
              + String.format("%02d", from.getMonthValue())
              + "</Id>\n");
      w.write("      <ElctrncSeqNb>" + (month + 1) + "</ElctrncSeqNb>\n");
      w.write("      <CreDtTm>" + to.plusDays(1) + "T06:00:00</CreDtTm>\n");
      w.write(
          "      <FrToDt><FrDtTm>"
              + from
              + "T00:00:00</FrDtTm><ToDtTm>"
              + to
              + "T23:59:59</ToDtTm></FrToDt>\n");
      w.write(
          "      <Acct>\n        <Id><IBAN>"
              + h.iban()
              + "</IBAN></Id>\n        <Ccy>"
              + ccy
              + "</Ccy>\n");
      w.write("        <Ownr><Nm>" + xml(h.ownerName()) + "</Nm></Ownr>\n");
      w.write(
          "        <Svcr><FinInstnId><BIC>" + bic + "</BIC></FinInstnId></Svcr>\n      </Acct>\n");
      balance(w, "OPBD", opening, ccy, from);
      balance(w, "CLBD", closing, ccy, to);
      int n = 0;
      for (Entry e : entries) {
        entry(w, e, h, ccy, ++n);
      }
      w.write("    </Stmt>\n");
    }
  }

  private void party(Holder h, String written) {
    if (h == null) {
      return;
    }
    String id = EntityIds.make(name(), "partij", List.of(h.iban(), written));
    if (seenParties.add(id)) {
      truth.records.row(
          name(),
          id,
          "LegalEntity",
          h.truthId(),
          written,
          written.equals(h.ownerName()) ? "" : "variant");
    }
  }

  private static void balance(Writer w, String code, long cents, String ccy, LocalDate date)
      throws IOException {
    w.write(
        "      <Bal><Tp><CdOrPrtry><Cd>"
            + code
            + "</Cd></CdOrPrtry></Tp><Amt Ccy=\""
            + ccy
            + "\">"
            + amount(Math.abs(cents))
            + "</Amt><CdtDbtInd>"
            + (cents < 0 ? "DBIT" : "CRDT")
            + "</CdtDbtInd><Dt><Dt>"
            + date
            + "</Dt></Dt></Bal>\n");
  }

  private void entry(Writer w, Entry e, Holder account, String ccy, int n) throws IOException {
    Tx t = e.tx();
    String[] code = t.code().split("/");
    long booked = convert(t.cents(), ccy, t.date());
    // the payer instructs in its account's currency; cash comes in the account's own
    String instructedCcy = t.debtor() == null ? ccy : currency(t.debtor());
    long instructed = convert(t.cents(), instructedCcy, t.date());
    w.write("      <Ntry>\n");
    w.write("        <NtryRef>" + n + "</NtryRef>\n");
    w.write("        <Amt Ccy=\"" + ccy + "\">" + amount(booked) + "</Amt>\n");
    w.write("        <CdtDbtInd>" + (e.credit() ? "CRDT" : "DBIT") + "</CdtDbtInd>\n");
    w.write("        <Sts>BOOK</Sts>\n");
    w.write("        <BookgDt><Dt>" + t.date() + "</Dt></BookgDt>\n");
    w.write("        <ValDt><Dt>" + t.date() + "</Dt></ValDt>\n");
    w.write(
        "        <AcctSvcrRef>"
            + account.iban().substring(4, 8)
            + t.e2e().substring(3)
            + (e.credit() ? "C" : "D")
            + "</AcctSvcrRef>\n");
    w.write(
        "        <BkTxCd><Domn><Cd>"
            + code[0]
            + "</Cd><Fmly><Cd>"
            + code[1]
            + "</Cd><SubFmlyCd>"
            + code[2]
            + "</SubFmlyCd></Fmly></Domn></BkTxCd>\n");
    w.write("        <NtryDtls><TxDtls>\n");
    w.write("          <Refs><EndToEndId>" + t.e2e() + "</EndToEndId></Refs>\n");
    if (instructedCcy.equals(ccy)) {
      w.write(
          "          <AmtDtls><TxAmt><Amt Ccy=\""
              + ccy
              + "\">"
              + amount(booked)
              + "</Amt></TxAmt></AmtDtls>\n");
    } else {
      w.write(
          "          <AmtDtls><InstdAmt><Amt Ccy=\""
              + instructedCcy
              + "\">"
              + amount(instructed)
              + "</Amt></InstdAmt><TxAmt><Amt Ccy=\""
              + ccy
              + "\">"
              + amount(booked)
              + "</Amt><CcyXchg><SrcCcy>"
              + instructedCcy
              + "</SrcCcy><TrgtCcy>"
              + ccy
              + "</TrgtCcy><XchgRate>"
              + rate(instructedCcy, ccy, t.date()).toPlainString()
              + "</XchgRate></CcyXchg></TxAmt></AmtDtls>\n");
    }
    w.write("          <RltdPties>\n");
    if (t.debtor() != null) {
      w.write(
          "            <Dbtr><Nm>"
              + xml(t.debtorName())
              + "</Nm></Dbtr><DbtrAcct><Id><IBAN>"
              + t.debtor().iban()
              + "</IBAN></Id></DbtrAcct>\n");
    }
    w.write(
        "            <Cdtr><Nm>"
            + xml(t.creditorName())
            + "</Nm></Cdtr><CdtrAcct><Id><IBAN>"
            + t.creditor().iban()
            + "</IBAN></Id></CdtrAcct>\n");
    w.write("          </RltdPties>\n");
    w.write("          <RmtInf><Ustrd>" + xml(t.remittance()) + "</Ustrd></RmtInf>\n");
    w.write("        </TxDtls></NtryDtls>\n");
    w.write("      </Ntry>\n");
  }

  private static String amount(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /**
   * The currency an account is kept in: the networks' underground bankers in Dubai keep US dollars,
   * every other account euros.
   */
  private String currency(Holder h) {
    if (dollarAccounts == null) {
      Set<String> ibans = new HashSet<>();
      for (Network n : world.networks) {
        ibans.add(world.company(n.hawalaAe()).iban());
      }
      dollarAccounts = ibans;
    }
    return dollarAccounts.contains(h.iban()) ? "USD" : "EUR";
  }

  private Set<String> dollarAccounts;

  /**
   * US dollars per euro on a day: around 1.08, a year's swing of 4 cents and a wobble of a few
   * weeks, to four decimals, as the ECB publishes its reference rates.
   */
  static BigDecimal usdPerEur(LocalDate day) {
    double d = day.toEpochDay();
    double rate = 1.08 + 0.04 * Math.sin(2 * Math.PI * d / 365) + 0.006 * Math.sin(d / 9.0);
    return BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_EVEN);
  }

  /** Units of {@code to} per unit of {@code from} on a day (EUR and USD only). */
  private static BigDecimal rate(String from, String to, LocalDate day) {
    if (from.equals(to)) {
      return BigDecimal.ONE;
    }
    BigDecimal usd = usdPerEur(day);
    return from.equals("EUR") ? usd : BigDecimal.ONE.divide(usd, 6, RoundingMode.HALF_EVEN);
  }

  /** Euro cents in a currency on a day, to the cent. */
  private static long convert(long euroCents, String currency, LocalDate day) {
    if (currency.equals("EUR")) {
      return euroCents;
    }
    return BigDecimal.valueOf(euroCents)
        .multiply(usdPerEur(day))
        .setScale(0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String bank(String iban) {
    return iban.startsWith("NL") ? iban.substring(4, 8) : iban.substring(0, 2);
  }

  private Writer file(String iban, LocalDate month) throws IOException {
    String name =
        String.format(
            "afschriften/%s-%d-Q%d.xml",
            bank(iban), month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    BufferedWriter w = files.get(name);
    if (w == null) {
      w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
      files.put(name, w);
      fileNames.add(name);
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      w.write("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n");
      w.write("  <BkToCstmrStmt>\n");
      w.write(
          "    <GrpHdr><MsgId>"
              + name.substring(12, name.length() - 4)
              + "</MsgId><CreDtTm>"
              + month.plusMonths(3)
              + "T06:00:00</CreDtTm></GrpHdr>\n");
    }
    return w;
  }

  private void closeFiles() {
    try {
      for (BufferedWriter w : files.values()) {
        w.write("  </BkToCstmrStmt>\n</Document>\n");
        w.close();
      }
      files.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ holders

  /**
   * The customer data each bank sends with the statements of an account under a production order
   * (art. 126nc Sv asks for the holder's identity): the holder's full name, date of birth and
   * residence for a person, the Chamber of Commerce number for a company. Counterparties' accounts
   * are not under order and stay names on statements.
   */
  private void holders() throws IOException {
    try (Csv csv =
        Csv.utf8(
            dir.resolve("rekeninghouders.csv"),
            "iban",
            "soort",
            "naam",
            "geboortedatum",
            "woonplaats",
            "land",
            "kvk_nummer")) {
      for (Holder h : covered.values()) {
        if (h.person() != null) {
          Person p = h.person();
          csv.row(
              h.iban(),
              "persoon",
              p.name(),
              format(p.birthDate(), DUTCH),
              p.address().city(),
              p.address().country().toUpperCase(Locale.ROOT),
              null);
          truth.record(
              name(),
              "rekeninghouder",
              List.of(h.iban(), p.name()),
              "Person",
              p.id(),
              p.name(),
              "");
        } else {
          Company c = h.company();
          boolean dutch = c.country().equals("nl");
          csv.row(
              h.iban(),
              "bedrijf",
              c.name(),
              null,
              c.address().city(),
              c.country().toUpperCase(Locale.ROOT),
              dutch ? c.registration() : null);
          truth.record(
              name(),
              "rekeninghouder",
              List.of(h.iban(), c.name()),
              "Company",
              c.id(),
              c.name(),
              "");
        }
      }
    }
  }

  // ------------------------------------------------------------------ crypto

  private void crypto() throws IOException {
    try (Csv csv =
        Csv.utf8(
            dir.resolve("crypto_klanten.csv"),
            "klant_id",
            "naam",
            "geboortedatum",
            "iban",
            "wallet",
            "aangemaakt")) {
      int seq = 0;
      List<Integer> customers = new ArrayList<>();
      for (Network n : world.networks) {
        for (Actor a : n.all(Role.LAUNDERER)) {
          customers.add(a.person());
        }
      }
      for (int i = 0; i < world.scale; i++) {
        if (world.actor(i) == null
            && Rng.unit(world.seed, "crypto-hobby", i) < 0.1
            && covered.containsKey(world.person(i).iban())) {
          customers.add(i);
        }
      }
      for (int i : customers) {
        Person p = world.person(i);
        Rng r = Rng.of(world.seed, "wallet", i);
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < 40; k++) {
          hex.append("0123456789abcdef".charAt(r.below(16)));
        }
        String id = String.format("CV-%08d", ++seq);
        csv.row(
            id,
            p.name(),
            format(p.birthDate(), DUTCH),
            p.iban(),
            "0x" + CryptoAddress.eip55(hex.toString()),
            format(World.START.minusDays(r.below(700)), DUTCH));
        truth.record(name(), "klant", List.of(id), "Person", p.id(), p.name(), "");
      }
    }
  }

  private String yaml() {
    StringBuilder urls = new StringBuilder();
    for (String f : fileNames.stream().sorted().toList()) {
      urls.append("      - ").append(f).append('\n');
    }
    return YAML.replace("{{FILES}}", urls.toString().stripTrailing());
  }

  private static final String YAML =
      """
      # Bank statements obtained by the FIOD with production orders (art. 126nc Sv), as ISO 20022
      # camt.053 XML from each bank, one file per bank per quarter; foreign accounts through
      # legal assistance, with the banks' customer data on the holders of those accounts. Plus a
      # crypto exchange's customer extract.
      name: fiod-bank
      title: FIOD, bankafschriften en cryptoklanten onderzoek witwassen havennetwerken
      agency: fiod
      legal_basis: wpg-art-9
      handling_code: H3
      handling_note: Bankgegevens verkregen met vordering; alleen voor het onderzoek, niet verder verstrekken zonder toestemming OvJ
      source_grade: A
      info_grade: 1
      retention: P7Y
      share_with: [om, politie-nl]
      case_id: 26Kruiskade
      lang: nld
      queries:
        - csv_urls:
      {{FILES}}
          entities:
            rekeninghouder:
              schema: LegalEntity
              keys: [account_iban, account_owner]
              key_literal: partij
              properties:
                name: {column: account_owner}
            rekening:
              schema: BankAccount
              keys: [account_iban]
              key_literal: rekening
              properties:
                iban: {column: account_iban}
                bic: {column: account_bic}
                holder: {entity: rekeninghouder}
            betaler:
              schema: LegalEntity
              keys: [debtor_iban, debtor_name]
              key_literal: partij
              properties:
                name: {column: debtor_name}
            betaalrekening:
              schema: BankAccount
              keys: [debtor_iban]
              key_literal: rekening
              properties:
                iban: {column: debtor_iban}
                holder: {entity: betaler}
            ontvanger:
              schema: LegalEntity
              keys: [creditor_iban, creditor_name]
              key_literal: partij
              properties:
                name: {column: creditor_name}
            ontvangstrekening:
              schema: BankAccount
              keys: [creditor_iban]
              key_literal: rekening
              properties:
                iban: {column: creditor_iban}
                holder: {entity: ontvanger}
            afschrift:
              schema: AccountStatement
              keys: [statement_id]
              key_literal: afschrift
              properties:
                account: {entity: rekening}
                statementId: {column: statement_id}
                startDate: {column: period_from}
                endDate: {column: period_to}
                openingBalance: {column: opening_balance}
                closingBalance: {column: closing_balance}
                currency: {column: account_currency}
            betaling:
              schema: Payment
              keys: [end_to_end_id]
              key_literal: betaling
              properties:
                amount: {column: instructed_amount}
                currency: {column: instructed_currency}
                amountEur: {column: amount_eur}
                date: {column: booking_date}
                payer: {entity: betaler}
                payerAccount: {entity: betaalrekening}
                beneficiary: {entity: ontvanger}
                beneficiaryAccount: {entity: ontvangstrekening}
                purpose: {column: remittance}
                transactionNumber: {column: end_to_end_id}
                programme: {column: bank_tx_code}
        - csv_url: rekeninghouders.csv
          filters:
            soort: persoon
          entities:
            klant:
              schema: Person
              keys: [iban, naam]
              key_literal: rekeninghouder
              properties:
                name: {column: naam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
                country: {column: land}
            rekening:
              schema: BankAccount
              keys: [iban]
              key_literal: rekening
              properties:
                iban: {column: iban}
                holder: {entity: klant}
        - csv_url: rekeninghouders.csv
          filters:
            soort: bedrijf
          entities:
            klant:
              schema: Company
              keys: [iban, naam]
              key_literal: rekeninghouder
              properties:
                name: {column: naam}
                registrationNumber: {column: kvk_nummer}
                country: {column: land}
            rekening:
              schema: BankAccount
              keys: [iban]
              key_literal: rekening
              properties:
                iban: {column: iban}
                holder: {entity: klant}
        - csv_url: crypto_klanten.csv
          entities:
            klant:
              schema: Person
              keys: [klant_id]
              key_literal: klant
              properties:
                name: {column: naam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
            rekening:
              schema: BankAccount
              keys: [iban]
              key_literal: rekening
              properties:
                iban: {column: iban}
                holder: {entity: klant}
            wallet:
              schema: CryptoWallet
              keys: [wallet]
              properties:
                publicKey: {column: wallet}
                currencySymbol: {literal: ETH}
                mangingExchange: {literal: Coinvault Europe B.V.}
                holder: {entity: klant}
                creationDate: {column: aangemaakt, format: "%d-%m-%Y"}
      """;
}
