package org.spil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.PropertyType;
import org.spil.model.PropertyTypes;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.model.types.NameKeys;

/**
 * The Lucene queries of a search: what a user typed as names (transliterated, phonetic, fuzzy),
 * identifiers and words, ranked; a schema and the schemata that extend it; dates of birth one typo
 * away.
 */
final class SearchQueries {
  private SearchQueries() {}

  /** The query that finds what a user typed: names, identifiers and words, ranked. */
  static Query match(SearchQuery q) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    String text = q.text().strip();
    should.add(
        new BoostQuery(new TermQuery(new Term("entity", text)), 20f), BooleanClause.Occur.SHOULD);
    Set<String> keys = new LinkedHashSet<>();
    var context = new NormaliseContext(q.phoneRegion(), List.of(), null);
    for (PropertyType type : PropertyTypes.all().values()) {
      if (type.isPivot() && !type.name().equals("name") && !type.name().equals("address")) {
        Normalised n = type.normalise(text, context);
        if (n instanceof Normalised.Valid v) {
          keys.addAll(type.searchKeys(v.value()));
        }
      }
    }
    for (String k : keys) {
      should.add(
          new BoostQuery(new TermQuery(new Term("key", k)), 10f), BooleanClause.Occur.SHOULD);
    }
    names(text, true, should);
    for (String word : analyze(text)) {
      should.add(
          new BoostQuery(new TermQuery(new Term("text", word)), 0.5f), BooleanClause.Occur.SHOULD);
    }
    return should.build();
  }

  /**
   * Adds the name clauses of a text to a disjunction: its fingerprint, its tokens (fuzzily when
   * {@code fuzzy}: expanding typos costs a walk of the term dictionary), their sound-alike codes
   * and consonant skeletons.
   */
  static void names(String text, boolean fuzzy, BooleanQuery.Builder should) {
    Set<String> tokens = firstTokens(text);
    should.add(
        new BoostQuery(new TermQuery(new Term("fp", NameKeys.fingerprint(text))), 3f),
        BooleanClause.Occur.SHOULD);
    for (String t : tokens) {
      token(t, fuzzy, should);
    }
    // sound-alike and skeleton keys only for word tokens: "ONEU5542799" must not sound like "Anne"
    Set<String> words = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t.chars().noneMatch(Character::isDigit)) {
        words.add(t);
      }
    }
    for (String p : NameKeys.phonetic(words)) {
      should.add(
          new BoostQuery(new TermQuery(new Term("name", "p:" + p)), 0.7f),
          BooleanClause.Occur.SHOULD);
    }
    for (String s : NameKeys.skeletons(words)) {
      should.add(
          new BoostQuery(new TermQuery(new Term("name", "s:" + s)), 0.7f),
          BooleanClause.Occur.SHOULD);
    }
  }

  /**
   * Name tokens a search looks for: the first 16 of the text's. Each token may expand to 50 typos,
   * and a query of a pasted page would pass Lucene's limit of 1,024 clauses and fail; no name has
   * that many parts.
   */
  static final int NAME_TOKENS = 16;

  static Set<String> firstTokens(String text) {
    Set<String> tokens = NameKeys.tokens(text);
    return tokens.size() <= NAME_TOKENS
        ? tokens
        : tokens.stream().limit(NAME_TOKENS).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Adds the clauses of one name token: the token, and its typos when {@code fuzzy}. */
  static void token(String t, boolean fuzzy, BooleanQuery.Builder should) {
    should.add(
        new BoostQuery(new TermQuery(new Term("name", "t:" + t)), 2f), BooleanClause.Occur.SHOULD);
    boolean word = t.chars().noneMatch(Character::isDigit);
    int edits = !word ? 0 : t.length() >= 8 ? 2 : t.length() >= 4 ? 1 : 0;
    if (fuzzy && edits > 0) {
      should.add(
          new FuzzyQuery(new Term("name", "t:" + t), edits, 3, 50, true),
          BooleanClause.Occur.SHOULD);
    }
  }

  static List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    try (Analyzer a = SearchIndex.textAnalyzer();
        TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < 32) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Documents of a schema or of any schema that extends it. */
  static Query schemaIsA(String schema) {
    List<String> names = new ArrayList<>();
    for (Schema s : Schemata.model().all()) {
      if (s.isA(schema)) {
        names.add(s.name());
      }
    }
    return inSet("schema", names);
  }

  static Query inSet(String field, Collection<String> values) {
    List<BytesRef> refs = new ArrayList<>(values.size());
    for (String v : values) {
      refs.add(new BytesRef(v));
    }
    return new TermInSetQuery(field, refs);
  }

  /**
   * The dates of birth a record may give for a person born on {@code iso}: for a full date, {@link
   * #birthDateTerms}; a partial date matches every date it starts.
   */
  static Query birthDates(String iso) {
    if (iso.length() < 10) {
      return new PrefixQuery(new Term(SearchDocuments.BIRTH_DATE, iso));
    }
    return inSet(SearchDocuments.BIRTH_DATE, birthDateTerms(iso));
  }

  /**
   * For a full ISO date: the date itself, its year and its month alone (records that give no more),
   * and the valid dates one typo away (day and month swapped, one digit different).
   */
  static Set<String> birthDateTerms(String iso) {
    Set<String> dates = new TreeSet<>();
    dates.add(iso);
    dates.add(iso.substring(0, 4));
    dates.add(iso.substring(0, 7));
    dates.add(iso.substring(0, 5) + iso.substring(8, 10) + "-" + iso.substring(5, 7));
    char[] digits = iso.toCharArray();
    for (int i = 0; i < digits.length; i++) {
      if (digits[i] == '-') {
        continue;
      }
      char was = digits[i];
      for (char d = '0'; d <= '9'; d++) {
        digits[i] = d;
        dates.add(new String(digits));
      }
      digits[i] = was;
    }
    dates.removeIf(d -> d.length() == 10 && !validDate(d));
    return dates;
  }

  private static boolean validDate(String iso) {
    try {
      LocalDate.parse(iso);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
