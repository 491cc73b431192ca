package org.spil.analysis.flows;

import java.time.LocalDate;
import java.util.Locale;

/** How explanations write money, days, accounts and shares, the same in every typology. */
final class Wording {
  private Wording() {}

  static String money(PaymentGraph g, double amount) {
    return String.format(Locale.ROOT, "%s %,.2f", g.currency(), amount);
  }

  static String date(int day) {
    return LocalDate.ofEpochDay(day).toString();
  }

  static String account(PaymentGraph g, int v) {
    return g.label(v);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
