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
import java.util.function.ToIntFunction;
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

  /**
   * The query that finds what a user typed: names, identifiers and words, ranked. {@code tier}
   * tells how common a term is in the reader's scope: terms of a higher tier only rank what the
   * query's rarer terms find (see {@link Clauses}).
   */
  static Query match(SearchQuery q, ToIntFunction<Term> tier) {
    Clauses clauses = new Clauses(tier);
    String text = q.text().strip();
    clauses.always(new BoostQuery(new TermQuery(new Term("entity", text)), 20f));
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
      clauses.always(new BoostQuery(new TermQuery(new Term("key", k)), 10f));
    }
    names(text, true, clauses);
    for (String word : analyze(text)) {
      // a word of a name is as common as the name token ("van" is rarely free text)
      clauses.key(
          new BoostQuery(new TermQuery(new Term("text", word)), 0.5f),
          new Term("text", word),
          new Term("name", "t:" + word));
    }
    return clauses.build();
  }

  /**
   * The clauses of a search, sorted into those that find documents and those that only add to the
   * score of what the others find. Each name token has a tier by how many documents of the reader's
   * scope hold it (see {@link ScopedSearcher#tier}). When the tokens' tiers differ, the clauses of
   * the tokens above the lowest tier ("de", "van", "jan" beside a surname) find nothing by
   * themselves: the records they alone would find rank below those of the rarer tokens anyway, and
   * walking their postings was most of what a search cost on a million persons ("van de Stegemans":
   * 100 ms against 11 ms for "Stegemans"). A query whose tokens share a tier finds with every
   * clause. The score of a document found is the same as in one disjunction of every clause, but
   * for the typos of a token above the lowest tier, which are left out (expanding them costs a walk
   * of the terms and a count of up to 50 in the scope; the token itself still ranks).
   */
  static final class Clauses {
    /** What a clause is: it decides how the clause's terms decide its role. */
    private enum Kind {
      ALWAYS,
      TOKEN,
      TYPOS,
      KEY
    }

    private record Clause(Query query, Kind kind, Term[] terms) {}

    private final ToIntFunction<Term> tier;
    private final List<Clause> clauses = new ArrayList<>();

    /** Clauses sorted by the tiers {@code tier} gives; {@code t -> 0} makes every clause find. */
    Clauses(ToIntFunction<Term> tier) {
      this.tier = tier;
    }

    /** Adds a clause that finds in any case (an identifier, a whole name, an entity id). */
    void always(Query clause) {
      clauses.add(new Clause(clause, Kind.ALWAYS, new Term[0]));
    }

    /** Adds the clause of a name token, or of its typos with {@code typos}. */
    void token(Query clause, Term token, boolean typos) {
      clauses.add(new Clause(clause, typos ? Kind.TYPOS : Kind.TOKEN, new Term[] {token}));
    }

    /** Adds a clause of a derived key or word: it only ranks when one of its terms is common. */
    void key(Query clause, Term... terms) {
      clauses.add(new Clause(clause, Kind.KEY, terms));
    }

    Query build() {
      int lowest = Integer.MAX_VALUE;
      int highest = Integer.MIN_VALUE;
      for (Clause c : clauses) {
        if (c.kind() == Kind.TOKEN) {
          int t = tier.applyAsInt(c.terms()[0]);
          lowest = Math.min(lowest, t);
          highest = Math.max(highest, t);
        }
      }
      BooleanQuery.Builder find = new BooleanQuery.Builder();
      if (lowest == highest || lowest == Integer.MAX_VALUE) {
        clauses.forEach(c -> find.add(c.query(), BooleanClause.Occur.SHOULD));
        return find.build();
      }
      List<Query> rank = new ArrayList<>();
      for (Clause c : clauses) {
        int above = 0;
        for (Term t : c.terms()) {
          above = Math.max(above, tier.applyAsInt(t) - lowest);
        }
        if (above <= 0) {
          find.add(c.query(), BooleanClause.Occur.SHOULD);
        } else if (c.kind() != Kind.TYPOS) {
          rank.add(c.query());
        }
      }
      BooleanQuery.Builder ranked = new BooleanQuery.Builder();
      ranked.add(find.build(), BooleanClause.Occur.MUST);
      rank.forEach(c -> ranked.add(c, BooleanClause.Occur.SHOULD));
      return ranked.build();
    }
  }

  /**
   * Adds the name clauses of a text: its fingerprint, its tokens (fuzzily when {@code fuzzy}:
   * expanding typos costs a walk of the term dictionary), their sound-alike codes and consonant
   * skeletons.
   */
  static void names(String text, boolean fuzzy, Clauses clauses) {
    Set<String> tokens = firstTokens(text);
    clauses.always(new BoostQuery(new TermQuery(new Term("fp", NameKeys.fingerprint(text))), 3f));
    for (String t : tokens) {
      token(t, fuzzy, clauses);
    }
    // sound-alike and skeleton keys only for word tokens: "ONEU5542799" must not sound like "Anne"
    Set<String> words = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t.chars().noneMatch(Character::isDigit)) {
        words.add(t);
      }
    }
    for (String p : NameKeys.phonetic(words)) {
      Term term = new Term("name", "p:" + p);
      clauses.key(new BoostQuery(new TermQuery(term), 0.7f), term);
    }
    for (String k : NameKeys.skeletons(words)) {
      Term term = new Term("name", "s:" + k);
      clauses.key(new BoostQuery(new TermQuery(term), 0.7f), term);
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

  /**
   * Adds the clauses of one name token: the token, and its typos when {@code fuzzy} (as common as
   * the token: they include it).
   */
  static void token(String t, boolean fuzzy, Clauses clauses) {
    Term term = new Term("name", "t:" + t);
    clauses.token(new BoostQuery(new TermQuery(term), 2f), term, false);
    boolean word = t.chars().noneMatch(Character::isDigit);
    int edits = !word ? 0 : t.length() >= 8 ? 2 : t.length() >= 4 ? 1 : 0;
    if (fuzzy && edits > 0) {
      clauses.token(new FuzzyQuery(term, edits, 3, 50, true), term, true);
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
