package org.spil.model;

import java.util.List;

/**
 * Per-dataset settings that some property types need: the default region for phone numbers written
 * in national format, the date formats a source uses (strftime style, e.g. {@code %d-%m-%Y}), and
 * the language of its text.
 */
public record NormaliseContext(String phoneRegion, List<String> dateFormats, String lang) {

  /** Defaults: Dutch phone numbers, ISO dates only, no language. */
  public static final NormaliseContext DEFAULT = new NormaliseContext("NL", List.of(), null);

  public NormaliseContext {
    dateFormats = List.copyOf(dateFormats);
  }

  public NormaliseContext withDateFormats(List<String> formats) {
    return new NormaliseContext(phoneRegion, formats, lang);
  }
}
