package org.spil.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a source writes down a person or company: variant spellings of names (Mohamed / Muhammad),
 * typing errors, initials, upper case, Cyrillic originals, legal-form variants, and dates with
 * swapped day and month or a mistyped digit. Each call says which distortions it applied, so the
 * ground truth can record them.
 */
final class Spelling {
  private final Rng r;
  private final List<String> applied = new ArrayList<>();

  Spelling(Rng r) {
    this.r = r;
  }

  /** The distortions applied since the last call, joined with '+' ("variant+typo"), or "". */
  String applied() {
    String s = String.join("+", applied);
    applied.clear();
    return s;
  }

  String variant(String[] group, double p) {
    if (group.length > 1 && r.chance(p)) {
      applied.add("variant");
      return group[1 + r.below(group.length - 1)];
    }
    return group[0];
  }

  String given(Person p, double variant) {
    return variant(p.givenVariants(), variant);
  }

  String surname(Person p, double variant) {
    return variant(p.surnameVariants(), variant);
  }

  /** A typing error with probability {@code p}: two letters swapped, one dropped or doubled. */
  String typo(String s, double p) {
    if (s.length() < 4 || !r.chance(p)) {
      return s;
    }
    int i = r.between(1, s.length() - 2);
    if (!Character.isLetter(s.charAt(i)) || !Character.isLetter(s.charAt(i + 1))) {
      return s;
    }
    applied.add("typo");
    return switch (r.below(3)) {
      case 0 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
      case 1 -> s.substring(0, i) + s.substring(i + 1);
      default -> s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1);
    };
  }

  String cyrillicGiven(Person p) {
    applied.add("cyrillic");
    String[] names = p.female() ? p.origin().cyrillicFemale : p.origin().cyrillicMale;
    return names != null ? names[p.given()] : p.givenName();
  }

  String cyrillicSurname(Person p) {
    String s = Surnames.of(p.origin()).cyrillic(p.surname());
    return p.female() && (s.endsWith("ов") || s.endsWith("ев")) ? s + "а" : s;
  }

  String initial(String given) {
    applied.add("initial");
    return given.charAt(0) + ".";
  }

  String upper(String s) {
    applied.add("upper");
    return s.toUpperCase();
  }

  /** The date, or with probability {@code swap} day and month swapped, {@code typo} a digit off. */
  LocalDate date(LocalDate d, double swap, double typo) {
    if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue() && r.chance(swap)) {
      applied.add("swapped-day-month");
      return LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
    }
    if (r.chance(typo)) {
      applied.add("date-typo");
      int day = d.getDayOfMonth();
      int shifted = day % 10 == 9 ? day - 1 : day + 1;
      return d.withDayOfMonth(Math.min(shifted, d.lengthOfMonth()));
    }
    return d;
  }

  /** Null (the field left empty) with probability {@code p}. */
  <T> T orMissing(T value, double p) {
    if (r.chance(p)) {
      applied.add("missing");
      return null;
    }
    return value;
  }

  /** A company name as a source writes it: legal-form variant, sometimes upper case or a typo. */
  String company(Company c, double variant) {
    String form = variant(c.form().spellings, variant);
    String name = (c.base() + " " + c.activity()).strip() + " " + form;
    if (r.chance(0.1)) {
      name = upper(name);
    }
    return typo(name, 0.03);
  }
}
