package org.spil.model.types;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadataCollection;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common case of phone parsing done without libphonenumber's parser, which is two thirds of the
 * cost of checking a number: a number of digits and separators only, with a leading plus and a
 * country code or in the national form of a region whose national prefix is stripped without
 * rewriting. It builds the number the way the parser would (country code, the region's national
 * prefix under the parser's own rule) and asks libphonenumber only whether it is valid; it answers
 * only when it is valid and gives up (null) whenever the parser might read the digits otherwise: an
 * international dialling prefix, the region's country code at the start, a prefix that rewrites or
 * carries a carrier code, a leading zero in the national number, a non-geographic code. PhonesTest
 * holds it to the full parser on generated numbers.
 */
final class PhoneShortcut {
  private PhoneShortcut() {}

  /**
   * What the parser uses of a region's metadata; with {@code types} (the descriptions of the number
   * types, fixed line and mobile first) when the region is its country code's only one, so that
   * validity can be checked here as libphonenumber checks it, with matchers kept per thread.
   */
  private record Region(
      int countryCode,
      String countryDigits,
      Pattern idd,
      Pattern nationalPrefix,
      Desc generalDesc,
      Desc[] types,
      ThreadLocal<Matcher[]> matchers) {

    /**
     * Whether a national significant number is valid: it fits the general description and that of
     * at least one number type, each by its possible lengths and its pattern.
     */
    boolean valid(String national) {
      Matcher[] m = matchers.get();
      if (!generalDesc.fits(national, m[0])) {
        return false;
      }
      for (int t = 0; t < types.length; t++) {
        if (types[t].fits(national, m[t + 1])) {
          return true;
        }
      }
      return false;
    }
  }

  /** A number type's description: its possible lengths (none: any) and national pattern. */
  private record Desc(Set<Integer> lengths, Pattern pattern) {
    boolean fits(String national, Matcher m) {
      return (lengths.isEmpty() || lengths.contains(national.length()))
          && m.reset(national).matches();
    }

    static Desc of(Phonemetadata.PhoneNumberDesc d) {
      return new Desc(
          Set.copyOf(d.getPossibleLengthList()), Pattern.compile(d.getNationalNumberPattern()));
    }
  }

  private static final Map<String, Optional<Region>> REGIONS = new ConcurrentHashMap<>();

  /** The number in E.164 when the shortcut can tell it is valid; null to ask the parser. */
  static String valid(String s, String region, PhoneNumberUtil util) {
    boolean plus = s.startsWith("+");
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = plus ? 1 : 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '.') {
        return null;
      }
    }
    if (digits.length() < 4 || digits.charAt(0) == '0' && plus) {
      return null;
    }
    String d = digits.toString();
    int countryCode;
    String national;
    Region r;
    if (plus) {
      countryCode = 0;
      for (int len = 1; len <= 3 && len < d.length(); len++) {
        int cc = Integer.parseInt(d.substring(0, len));
        if (!"ZZ".equals(util.getRegionCodeForCountryCode(cc))) {
          countryCode = cc;
          break;
        }
      }
      if (countryCode == 0) {
        return null;
      }
      r = region(util.getRegionCodeForCountryCode(countryCode), util);
      if (r == null) {
        return null;
      }
      national = d.substring(Integer.toString(countryCode).length());
      if (r.nationalPrefix() != null && r.nationalPrefix().matcher(national).lookingAt()) {
        return null;
      }
    } else {
      if (region == null) {
        return null;
      }
      r = region(region.toUpperCase(), util);
      if (r == null || r.idd().matcher(d).lookingAt() || d.startsWith(r.countryDigits())) {
        return null;
      }
      countryCode = r.countryCode();
      national = d;
      if (r.nationalPrefix() != null) {
        Matcher m = r.nationalPrefix().matcher(d);
        if (m.lookingAt()) {
          if (m.groupCount() > 0 && m.group(m.groupCount()) != null) {
            return null;
          }
          String stripped = d.substring(m.end());
          Matcher general = r.matchers().get()[0];
          boolean viable = general.reset(d).matches();
          if (!viable || general.reset(stripped).matches()) {
            national = stripped;
          }
        }
      }
    }
    if (national.length() < 2 || national.length() > 17 || national.charAt(0) == '0') {
      return null;
    }
    if (r.types() != null) {
      return r.valid(national) ? "+" + countryCode + national : null;
    }
    PhoneNumber number =
        new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
    return util.isValidNumber(number) ? "+" + countryCode + national : null;
  }

  /** The region's metadata, or null when it is unknown, non-geographic or rewrites prefixes. */
  private static Region region(String code, PhoneNumberUtil util) {
    return REGIONS.computeIfAbsent(code, c -> load(c, util)).orElse(null);
  }

  private static Optional<Region> load(String code, PhoneNumberUtil util) {
    if (!code.matches("[A-Z]{2}")) {
      return Optional.empty();
    }
    String name = "/com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_" + code;
    try (InputStream in = PhoneShortcut.class.getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      PhoneMetadataCollection collection = new PhoneMetadataCollection();
      collection.readExternal(new ObjectInputStream(in));
      if (collection.getMetadataCount() != 1) {
        return Optional.empty();
      }
      PhoneMetadata m = collection.getMetadataList().get(0);
      if (m.hasNationalPrefixTransformRule()
          || !m.hasInternationalPrefix()
          || !m.getGeneralDesc().hasNationalNumberPattern()) {
        return Optional.empty();
      }
      String prefix =
          m.hasNationalPrefixForParsing()
              ? m.getNationalPrefixForParsing()
              : m.hasNationalPrefix() ? m.getNationalPrefix() : null;
      Desc[] types = null;
      if (util.getRegionCodesForCountryCode(m.getCountryCode()).size() == 1) {
        // the order of libphonenumber's type test does not change whether some type fits; the
        // common types go first. Mobile counts apart only when its pattern is not fixed line's.
        List<Phonemetadata.PhoneNumberDesc> descs =
            new ArrayList<>(
                List.of(
                    m.getFixedLine(),
                    m.getPremiumRate(),
                    m.getTollFree(),
                    m.getSharedCost(),
                    m.getVoip(),
                    m.getPersonalNumber(),
                    m.getPager(),
                    m.getUan(),
                    m.getVoicemail()));
        if (!m.getSameMobileAndFixedLinePattern()) {
          descs.add(1, m.getMobile());
        }
        descs.removeIf(d -> d.getNationalNumberPattern().isEmpty());
        types = descs.stream().map(Desc::of).toArray(Desc[]::new);
      }
      Desc general = Desc.of(m.getGeneralDesc());
      Desc[] typeDescs = types;
      return Optional.of(
          new Region(
              m.getCountryCode(),
              Integer.toString(m.getCountryCode()),
              Pattern.compile(m.getInternationalPrefix()),
              prefix == null || prefix.isEmpty() ? null : Pattern.compile(prefix),
              general,
              types,
              ThreadLocal.withInitial(
                  () -> {
                    Matcher[] out = new Matcher[1 + (typeDescs == null ? 0 : typeDescs.length)];
                    out[0] = general.pattern().matcher("");
                    for (int t = 1; t < out.length; t++) {
                      out[t] = typeDescs[t - 1].pattern().matcher("");
                    }
                    return out;
                  })));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
