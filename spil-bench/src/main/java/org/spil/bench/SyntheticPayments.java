package org.spil.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spil.analysis.flows.PaymentGraph;

/**
 * Payments made up for the money-flow benchmark, at any size, with laundering planted and written
 * down: two years of people's salaries, rents, shopping and the odd crypto sale, companies trading
 * at home and abroad, and in them temporal cycles, structuring, pass-through mules, mirror
 * transfers, crypto off-ramps, fan-outs, scatter-gathers and gather-scatters, each pattern with the
 * ids of its payments. Deterministic for a seed.
 */
final class SyntheticPayments {
  static final int MONTHS = 24;
  static final int START = (int) LocalDate.of(2023, 1, 1).toEpochDay();

  final PaymentGraph.Builder builder = PaymentGraph.builder();

  /** Per planted payment id, its pattern; per pattern its typology and number of payments. */
  final Map<String, String> patternOf = new HashMap<>();

  final Map<String, String> typologyOf = new HashMap<>();
  final Map<String, Integer> sizeOf = new HashMap<>();

  /** The ids of every payment, in the order made; and of the accounts by kind. */
  final List<String> personAccounts = new ArrayList<>();

  final List<String> companyAccounts = new ArrayList<>();
  private final SplittableRandom r;
  private long next;
  private int persons;
  private int companies;

  private SyntheticPayments(long seed) {
    r = new SplittableRandom(seed);
  }

  /** About {@code payments} payments (within a few per cent) for a seed. */
  static SyntheticPayments generate(long payments, long seed) {
    SyntheticPayments s = new SyntheticPayments(seed);
    s.persons = (int) Math.max(40, payments / 115);
    s.companies = Math.max(40, s.persons / 20);
    s.accounts();
    s.background();
    s.plant();
    return s;
  }

  long payments() {
    return next;
  }

  private String person(int i) {
    return personAccounts.get(i);
  }

  private String company(int j) {
    return companyAccounts.get(j);
  }

  private void accounts() {
    for (int i = 0; i < persons; i++) {
      String id = "P" + i;
      personAccounts.add(id);
      builder.describe(id, "NL" + i + " (person " + i + ")", "nl", PaymentGraph.Kind.ACCOUNT);
    }
    for (int j = 0; j < companies; j++) {
      String id = "C" + j;
      companyAccounts.add(id);
      // one company in ten abroad: in the Emirates or Turkey
      String country = j % 10 == 7 ? "ae" : j % 10 == 9 ? "tr" : "nl";
      builder.describe(
          id,
          country.toUpperCase() + j + " (company " + j + ")",
          country,
          PaymentGraph.Kind.ACCOUNT);
    }
    builder.describe("exchange", "NL-exchange (Coinvault)", "nl", PaymentGraph.Kind.EXCHANGE);
    builder.describe("cash", "cash deposits", null, PaymentGraph.Kind.CASH_DEPOSIT);
  }

  private void pay(String from, String to, int day, double amount, String pattern) {
    String id = "T" + next++;
    builder.add(id, from, to, day, Math.round(amount * 100) / 100.0);
    if (pattern != null) {
      patternOf.put(id, pattern);
      sizeOf.merge(pattern, 1, Integer::sum);
    }
  }

  private int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  /** The k-th trading partner of company j (0-2 its customers, 3-4 its suppliers), Dutch. */
  private int partner(int j, int k) {
    SplittableRandom fixed = new SplittableRandom(j * 8L + k);
    while (true) {
      int c = 10 + fixed.nextInt(companies - 10);
      if (c != j && c % 10 != 7 && c % 10 != 9) {
        return c;
      }
    }
  }

  /** A Dutch company that is none of the first ten (employers, landlords, shops, energy). */
  private int dutchCompany() {
    while (true) {
      int j = 10 + r.nextInt(companies - 10);
      if (j % 10 != 7 && j % 10 != 9) {
        return j;
      }
    }
  }

  private void background() {
    for (int m = 0; m < MONTHS; m++) {
      int first = (int) LocalDate.ofEpochDay(START).plusMonths(m).toEpochDay();
      for (int i = 0; i < persons; i++) {
        int employer = 10 + (i * 31) % (companies - 10);
        pay(company(employer), person(i), first + 22, 2100 + (i * 37) % 2700, null);
        pay(person(i), company(i % 3), first, 650 + (i * 13) % 800, null);
        pay(person(i), company(3), first + 1 + i % 7, 60 + (i * 7) % 160, null);
        for (int k = between(1, 2); k > 0; k--) {
          pay(person(i), company(4 + r.nextInt(6)), first + r.nextInt(28), between(12, 160), null);
        }
        if (i % 20 == 3 && r.nextInt(5) == 0) {
          pay("exchange", person(i), first + r.nextInt(28), between(50, 1500), null);
        }
      }
      // each company sells to three customers and buys from two suppliers of its own
      for (int j = 10; j < companies; j++) {
        for (int k = between(2, 4); k > 0; k--) {
          pay(
              company(partner(j, r.nextInt(3))),
              company(j),
              first + r.nextInt(28),
              between(2000, 40000),
              null);
        }
        for (int k = between(1, 3); k > 0; k--) {
          pay(
              company(j),
              company(partner(j, 3 + r.nextInt(2))),
              first + r.nextInt(28),
              between(500, 25000),
              null);
        }
      }
    }
  }

  private int planted;

  private String pattern(String typology) {
    String id = String.format("PAT%05d", ++planted);
    typologyOf.put(id, typology);
    return id;
  }

  private int day() {
    return START + between(30, MONTHS * 30 - 40);
  }

  private int foreign(int country) {
    while (true) {
      int j = 10 + r.nextInt(companies - 10);
      if (j % 10 == country) {
        return j;
      }
    }
  }

  private void plant() {
    int each = Math.max(3, persons / 2500);
    for (int k = 0; k < each; k++) {
      cycle();
      structuring();
      passThrough();
      mirror();
      offRamp();
      fanOut();
      scatterGather();
      gatherScatter();
    }
  }

  private void cycle() {
    String p = pattern("temporal-cycle");
    int home = dutchCompany();
    int back = dutchCompany();
    while (back == home) {
      back = dutchCompany();
    }
    int[] hops = {home, foreign(7), foreign(9), back};
    int day = day();
    double amount = between(120, 480) * 1000;
    for (int h = 0; h < 4; h++) {
      pay(company(hops[h]), company(hops[(h + 1) % 4]), day, amount, p);
      amount = amount * between(970, 995) / 1000;
      day += between(2, 9);
    }
  }

  private void structuring() {
    String p = pattern("structuring");
    int collector = dutchCompany();
    int day = day();
    for (int k = between(8, 14); k > 0; k--) {
      String smurf = person(r.nextInt(persons));
      double cash = between(9000, 9950);
      int on = day + r.nextInt(5);
      pay("cash", smurf, on, cash, p);
      pay(smurf, company(collector), on + 1, cash - between(0, 50), p);
    }
  }

  private void passThrough() {
    String p = pattern("pass-through");
    String mule = person(r.nextInt(persons));
    int day = day();
    double in = between(15, 60) * 1000;
    pay(company(foreign(7)), mule, day, in, p);
    double out = in * between(960, 990) / 1000;
    int parts = between(2, 3);
    for (int k = 0; k < parts; k++) {
      String to = k == 0 ? person(r.nextInt(persons)) : company(dutchCompany());
      pay(mule, to, day + between(0, 2), out / parts, p);
    }
  }

  private void mirror() {
    String p = pattern("mirror-transfer");
    int day = day();
    double amount = between(50, 190) * 500;
    pay(person(r.nextInt(persons)), company(dutchCompany()), day, amount, p);
    int banker = foreign(7);
    int payee = foreign(7);
    while (payee == banker) {
      payee = foreign(7);
    }
    pay(company(banker), company(payee), day + r.nextInt(2), amount, p);
  }

  private void offRamp() {
    String p = pattern("crypto-off-ramp");
    String seller = person(r.nextInt(persons));
    int day = day();
    for (int k = between(6, 12); k > 0; k--) {
      day += between(1, 4);
      pay("exchange", seller, day, between(4000, 25000), p);
    }
  }

  private void fanOut() {
    String p = pattern("fan-out");
    int from = dutchCompany();
    int day = day();
    for (int k = between(10, 14); k > 0; k--) {
      pay(company(from), person(r.nextInt(persons)), day + r.nextInt(5), between(5000, 15000), p);
    }
  }

  private void scatterGather() {
    String p = pattern("scatter-gather");
    String source = person(r.nextInt(persons));
    int gatherer = dutchCompany();
    int day = day();
    for (int k = between(4, 6); k > 0; k--) {
      String via = person(r.nextInt(persons));
      double amount = between(8000, 20000);
      pay(source, via, day, amount, p);
      pay(via, company(gatherer), day + between(1, 5), amount * between(960, 995) / 1000, p);
    }
  }

  private void gatherScatter() {
    String p = pattern("gather-scatter");
    int hub = dutchCompany();
    int day = day();
    double total = 0;
    for (int k = between(7, 10); k > 0; k--) {
      double amount = between(10000, 30000);
      total += amount;
      pay(person(r.nextInt(persons)), company(hub), day + r.nextInt(5), amount, p);
    }
    int outs = between(7, 10);
    double share = total * between(900, 950) / 1000 / outs;
    for (int k = 0; k < outs; k++) {
      pay(company(hub), person(r.nextInt(persons)), day + between(5, 10), share, p);
    }
  }
}
