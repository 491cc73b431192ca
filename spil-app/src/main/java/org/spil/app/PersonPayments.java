package org.spil.app;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The payments of persons a viewer may see, by day: which person paid or received how many euros. A
 * payment belongs to a person who is its payer or beneficiary, or who holds its payer's or
 * beneficiary's account (a bank statement names the account and the holder's name as written; the
 * bank's customer data names the person who holds the account); persons the team's resolution
 * merged are one. What an attribution matches a handle's talk of money against ("heb net 9.437 euro
 * overgemaakt"): who paid about that sum that day. Read once, when a handle first speaks of money,
 * as primitive arrays sorted by day; amounts in euros (a bank's euro amount where it gives one).
 */
final class PersonPayments {
  /** A person's payment that fits what a handle said: the day booked, the euros, paid or not. */
  record Match(String person, LocalDate day, double euros, boolean out) {}

  /** The most a sum said may be from the sum booked, as a share of it ("40k" for 38,500). */
  static final double TOLERANCE = 0.05;

  private final String[] persons;
  private final int[] day;
  private final double[] euros;
  private final int[] person;
  private final boolean[] out;
  private final int[] first;
  private final int firstDay;

  private PersonPayments(
      String[] persons, int[] day, double[] euros, int[] person, boolean[] out, int[] first) {
    this.persons = persons;
    this.day = day;
    this.euros = euros;
    this.person = person;
    this.out = out;
    this.first = first;
    this.firstDay = day.length == 0 ? 0 : day[0];
  }

  /**
   * The viewer's payments of the persons given (canonical ids), the accounts' holders given by
   * account id (raw ids, canonical through {@code canonical}).
   */
  static PersonPayments read(
      Store store,
      Viewer viewer,
      Set<String> personIds,
      Map<String, List<String>> holders,
      Map<String, String> canonical) {
    Map<String, Set<String>> personsOf = new HashMap<>();
    holders.forEach(
        (account, ids) -> {
          for (String id : ids) {
            String c = canonical.getOrDefault(id, id);
            if (personIds.contains(c)) {
              personsOf.computeIfAbsent(account, k -> new LinkedHashSet<>()).add(c);
            }
          }
        });
    Map<String, Integer> index = new LinkedHashMap<>();
    Rows rows = new Rows();
    store
        .payments()
        .each(
            viewer,
            p -> {
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
                  rows.add(d, eur, index.computeIfAbsent(w, x -> index.size()), paid);
                }
              }
            });
    return rows.sorted(index.keySet().toArray(String[]::new));
  }

  /** The payments as read, grown as they come, then sorted by day. */
  private static final class Rows {
    int n;
    int[] day = new int[1024];
    double[] euros = new double[1024];
    int[] person = new int[1024];
    boolean[] out = new boolean[1024];

    void add(int d, double eur, int who, boolean paid) {
      if (n == day.length) {
        day = Arrays.copyOf(day, n * 2);
        euros = Arrays.copyOf(euros, n * 2);
        person = Arrays.copyOf(person, n * 2);
        out = Arrays.copyOf(out, n * 2);
      }
      day[n] = d;
      euros[n] = eur;
      person[n] = who;
      out[n] = paid;
      n++;
    }

    PersonPayments sorted(String[] persons) {
      int min = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, day[i]);
      }
      long[] order = new long[n];
      for (int i = 0; i < n; i++) {
        order[i] = ((long) (day[i] - min) << 32) | i;
      }
      Arrays.sort(order);
      int[] d = new int[n];
      double[] e = new double[n];
      int[] p = new int[n];
      boolean[] o = new boolean[n];
      for (int k = 0; k < n; k++) {
        int i = (int) order[k];
        d[k] = day[i];
        e[k] = euros[i];
        p[k] = person[i];
        o[k] = out[i];
      }
      int span = n == 0 ? 0 : d[n - 1] - d[0] + 1;
      int[] first = new int[span + 1];
      int at = 0;
      for (int x = 0; x <= span; x++) {
        while (at < n && d[at] - d[0] < x) {
          at++;
        }
        first[x] = at;
      }
      return new PersonPayments(persons, d, e, p, o, first);
    }
  }

  /** How many persons paid or received anything. */
  int persons() {
    return persons.length;
  }

  /** How many payments of persons there are (a payment between two persons counts twice). */
  int size() {
    return day.length;
  }

  /**
   * How far the sum booked may be from a sum said, by how it was said: half its last unit that is
   * not zero (9,437 within a euro, 8,900 within 50, "9k" within 500), at most {@link #TOLERANCE} of
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
   * next (a bank books a transfer of the evening the next day), paid ({@code out} true), received
   * (false) or either (null); one per person, the first day first.
   */
  List<Match> matching(LocalDate on, double said, Boolean paid) {
    double slack = slack(said);
    Map<Integer, Match> byPerson = new LinkedHashMap<>();
    int d0 = (int) on.toEpochDay() - firstDay;
    for (int d = Math.max(0, d0); d <= d0 + 1 && d < first.length - 1; d++) {
      for (int i = first[d]; i < first[d + 1]; i++) {
        if (Math.abs(euros[i] - said) <= slack && (paid == null || out[i] == paid)) {
          byPerson.putIfAbsent(
              person[i],
              new Match(persons[person[i]], LocalDate.ofEpochDay(day[i]), euros[i], out[i]));
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
