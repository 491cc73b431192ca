package org.spil.model.types;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.model.Normalised;

/**
 * Telephone numbers in E.164 form ({@code +31612345678}) via libphonenumber. Numbers written in
 * national format ({@code 06-12345678}) are read in the dataset's default region; numbers that
 * libphonenumber does not consider valid for their country are rejected.
 */
public final class Phones {
  private Phones() {}

  /**
   * One libphonenumber instance per thread: the shared instance keeps its compiled patterns in a
   * synchronized, access-ordered cache that every parse and validation goes through, so the threads
   * that map a dataset in parallel queued on it.
   */
  private static final ThreadLocal<PhoneNumberUtil> UTILS =
      ThreadLocal.withInitial(
          () -> PhoneNumberUtil.createInstance(Phones.class::getResourceAsStream));

  /** How many recent numbers each thread remembers. */
  private static final int RECENT_NUMBERS = 4096;

  /**
   * The results of each thread's recent numbers: validating one costs about 11 us (two thirds of
   * reading a person register with a phone column), and call records and chats name the same
   * numbers over and over. Emptied when full, and when the thread reads numbers of another default
   * region (a dataset's mappers keep to one).
   */
  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

  /** A thread's recent numbers, keyed by the raw text, for the region they were last read in. */
  private static final class Recent {
    String region = "";
    final Map<String, Normalised> results = new HashMap<>();
  }

  public static Normalised normalise(String raw, String region) {
    Recent recent = RECENT.get();
    String r = region == null ? "" : region;
    if (!r.equals(recent.region) || recent.results.size() >= RECENT_NUMBERS) {
      recent.results.clear();
      recent.region = r;
    }
    Normalised known = recent.results.get(raw);
    if (known != null) {
      return known;
    }
    Normalised result = parse(raw, region);
    recent.results.put(raw, result);
    return result;
  }

  /**
   * The ways a number in E.164 is commonly written where it serves as a handle (chat and phone
   * exports): as given, without the plus, with 00, in national form as formatted, compact and with
   * a dash after the trunk prefix and area ({@code 06-12345678}), in international form as
   * formatted, and as a WhatsApp account ({@code 31612345678@s.whatsapp.net}). Empty for text that
   * is not a valid number in E.164.
   */
  public static Set<String> writtenForms(String e164) {
    if (!(parse(e164 == null ? "" : e164, null) instanceof Normalised.Valid v)
        || !v.value().equals(e164)) {
      return Set.of();
    }
    PhoneNumberUtil util = UTILS.get();
    try {
      PhoneNumber number = util.parse(e164, "ZZ");
      String digits = e164.substring(1);
      Set<String> out = new LinkedHashSet<>();
      out.add(e164);
      out.add(digits);
      out.add("00" + digits);
      String region = util.getRegionCodeForNumber(number);
      if (region != null && !"001".equals(region)) {
        // a number of no country (satellite, international services) has no national form, and
        // one whose national form reads back as another number (a plan that changed) keeps none
        String national = util.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        for (String form :
            List.of(
                national,
                national.replaceAll("[^0-9]", ""),
                national.replaceFirst(" ", "-").replace(" ", ""))) {
          if (parse(form, region) instanceof Normalised.Valid back && back.value().equals(e164)) {
            out.add(form);
          }
        }
      }
      out.add(util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
      out.add(digits + "@s.whatsapp.net");
      return out;
    } catch (NumberParseException e) {
      return Set.of();
    }
  }

  /** Normalises without the per-thread memory of recent numbers. */
  static Normalised parse(String raw, String region) {
    String s = raw.strip();
    if (s.regionMatches(true, 0, "tel:", 0, 4)) {
      s = s.substring(4);
    }
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        digits++;
      }
    }
    if (digits < 5 || digits > 17) {
      return Normalised.rejected("not a phone number: " + digits + " digits");
    }
    PhoneNumberUtil util = UTILS.get();
    String quick = PhoneShortcut.valid(s, region, util);
    if (quick != null) {
      return Normalised.valid(quick);
    }
    try {
      PhoneNumber number = util.parse(s, region == null ? "ZZ" : region.toUpperCase());
      if (!util.isValidNumber(number)) {
        return Normalised.rejected("not a valid phone number for its country");
      }
      return Normalised.valid(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Normalised.rejected(
          "not a phone number"
              + (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                  ? ": no country code and no default region"
                  : ""));
    }
  }
}
