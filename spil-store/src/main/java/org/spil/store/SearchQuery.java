package org.spil.store;

/**
 * What a user searches for: free text (a name in any script or spelling, an identifier in any
 * format, words of an address) and optional filters on schema (including schemata that extend it),
 * country, dataset and agency. {@code phoneRegion} reads phone numbers typed in national format.
 */
public record SearchQuery(
    String text,
    String schema,
    String country,
    String dataset,
    String agency,
    int limit,
    String phoneRegion) {

  public SearchQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "empty search: give a name, identifier or words to look for");
    }
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, not " + limit);
    }
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, 10, "NL");
  }
}
