package org.spil.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.policy.Viewer;
import org.spil.store.Payments;
import org.spil.store.Store;

/**
 * The payments of persons a viewer may see, by day: which person paid or received how many euros. A
 * payment belongs to a person who is its payer or beneficiary, or who holds its payer's or
 * beneficiary's account (a bank statement names the account and the holder's name as written; the
 * bank's customer data names the person who holds the account); persons the team's resolution
 * merged are one. What an attribution matches a handle's talk of money against ("heb net 9.437 euro
 * overgemaakt"): who paid about that sum that day. The days asked are read when first asked, a
 * handle's days in one query (at a million persons some 4 s, where reading all five million
 * payments takes 90 s); after {@link #FETCHES} such reads, all payments are read at once, as a
 * reader who asks that often (a server, a list of the strongest attributions) asks of most days.
 */
final class PersonPayments {
  /** A person's payment that fits what a handle said: the day booked, the euros, paid or not. */
  record Match(String person, LocalDate day, double euros, boolean out) {}

  /** The most a sum said may be from the sum booked, as a share of it ("40k" for 38,500). */
  static final double TOLERANCE = 0.05;

  /** How many reads of the days asked before all payments are read at once. */
  static final int FETCHES = 8;

  /** One day's payments of persons: euros, person (an index) and whether paid. */
  private record Day(double[] euros, int[] person, boolean[] out) {
    static final Day NONE = new Day(new double[0], new int[0], new boolean[0]);
  }

  private final Set<String> personIds;
  private final Map<String, Set<String>> personsOf;
  private final Map<String, String> canonical;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final Set<String> holders = new HashSet<>();
  private final Map<Integer, Day> days = new HashMap<>();
  private boolean all;
  private int fetches;

  /** Persons a payment read names who hold no account the viewer sees. */
  private int others;

  /**
   * The payments of the persons given (canonical ids), the accounts' holders given by account id
   * (raw ids, canonical through {@code canonical}); none read yet.
   */
  PersonPayments(
      Set<String> personIds, Map<String, List<String>> holders, Map<String, String> canonical) {
    this.personIds = personIds;
    this.canonical = canonical;
    this.personsOf = new HashMap<>();
    holders.forEach(
        (account, ids) -> {
          for (String id : ids) {
            String c = canonical.getOrDefault(id, id);
            if (personIds.contains(c)) {
              personsOf.computeIfAbsent(account, k -> new LinkedHashSet<>()).add(c);
              this.holders.add(c);
            }
          }
        });
  }

  /**
   * Reads the payments of the days given and the next of each (a bank books a transfer of the
   * evening the next day), those not read before.
   */
  synchronized void read(Store store, Viewer viewer, Collection<LocalDate> asked) {
    if (all) {
      return;
    }
    Set<LocalDate> missing = new TreeSet<>();
    for (LocalDate d : asked) {
      for (LocalDate x : List.of(d, d.plusDays(1))) {
        if (!days.containsKey((int) x.toEpochDay())) {
          missing.add(x);
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<Integer, Rows> read = new HashMap<>();
    if (++fetches > FETCHES) {
      store.payments().each(viewer, p -> add(p, read));
      all = true;
      days.clear();
    } else {
      store.payments().each(viewer, missing, p -> add(p, read));
      missing.forEach(d -> days.put((int) d.toEpochDay(), Day.NONE));
    }
    read.forEach((d, rows) -> days.put(d, rows.day()));
  }

  private void add(Payments.Payment p, Map<Integer, Rows> read) {
    Double eur = p.amountEur();
    if (eur == null
        && p.amount() != null
        && (p.currency() == null || p.currency().equalsIgnoreCase("EUR"))) {
      eur = p.amount();
    }
    Integer d = PaymentGraphs.day(p.date());
    if (eur == null || d == null) {
      return;
    }
    for (boolean paid : new boolean[] {true, false}) {
      Set<String> who = new LinkedHashSet<>();
      String party = paid ? p.payer() : p.beneficiary();
      String account = paid ? p.payerAccount() : p.beneficiaryAccount();
      if (party != null && personIds.contains(canonical.getOrDefault(party, party))) {
        who.add(canonical.getOrDefault(party, party));
      }
      if (account != null) {
        who.addAll(personsOf.getOrDefault(account, Set.of()));
      }
      for (String w : who) {
        int k =
            index.computeIfAbsent(
                w,
                x -> {
                  names.add(x);
                  others += holders.contains(x) ? 0 : 1;
                  return names.size() - 1;
                });
        read.computeIfAbsent(d, x -> new Rows()).add(eur, k, paid);
      }
    }
  }

  /** A day's payments as read, grown as they come. */
  private static final class Rows {
    int n;
    double[] euros = new double[16];
    int[] person = new int[16];
    boolean[] out = new boolean[16];

    void add(double eur, int who, boolean paid) {
      if (n == euros.length) {
        euros = Arrays.copyOf(euros, n * 2);
        person = Arrays.copyOf(person, n * 2);
        out = Arrays.copyOf(out, n * 2);
      }
      euros[n] = eur;
      person[n] = who;
      out[n] = paid;
      n++;
    }

    Day day() {
      return new Day(Arrays.copyOf(euros, n), Arrays.copyOf(person, n), Arrays.copyOf(out, n));
    }
  }

  /**
   * How many persons may pay: those who hold an account the viewer sees, and any other a payment
   * read so far names.
   */
  synchronized int persons() {
    return holders.size() + others;
  }

  /**
   * How far the sum booked may be from a sum said, by how it was said: half its last unit that is
   * not zero (9,437 within a euro, 8,900 within 50, "9k" within 450), at most {@link #TOLERANCE} of
   * it.
   */
  static double slack(double said) {
    long whole = Math.round(said);
    if (whole <= 0 || Math.abs(said - whole) > 1e-9) {
      return 1;
    }
    long unit = 1;
    while (whole % (unit * 10) == 0) {
      unit *= 10;
    }
    return Math.max(1, Math.min(unit / 2.0, said * TOLERANCE));
  }

  /**
   * The payments of persons of about {@code said} euros ({@link #slack}) booked on the day or the
   * next, paid ({@code out} true), received (false) or either (null); one per person, the first day
   * first. Only days read ({@link #read}) are searched.
   */
  synchronized List<Match> matching(LocalDate on, double said, Boolean paid) {
    double slack = slack(said);
    Map<Integer, Match> byPerson = new LinkedHashMap<>();
    for (LocalDate d : List.of(on, on.plusDays(1))) {
      Day day = days.getOrDefault((int) d.toEpochDay(), Day.NONE);
      for (int i = 0; i < day.euros().length; i++) {
        if (Math.abs(day.euros()[i] - said) <= slack && (paid == null || day.out()[i] == paid)) {
          byPerson.putIfAbsent(
              day.person()[i],
              new Match(names.get(day.person()[i]), d, day.euros()[i], day.out()[i]));
        }
      }
    }
    return List.copyOf(byPerson.values());
  }

  /** A sum as shown: "9,437.00 EUR". */
  static String euros(double euros) {
    return String.format(Locale.ROOT, "%,.2f EUR", euros);
  }
}
