package org.spil.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Resolves a set of records: blocking, feature levels per candidate pair, Fellegi-Sunter weights
 * estimated without labels, and clustering that merges the most probable pairs first but only while
 * the clusters stay coherent (average linkage), so one weak link cannot chain strangers. Canonical
 * ids derive from the smallest member id, so a rerun on the same records gives the same ids.
 */
public final class Resolution {
  /**
   * Two records compared with the model: their ids ({@code a} may be a query's), the match weight
   * in bits, its probability, and the terms that explain it.
   */
  public record ScoredPair(
      String a, String b, double weight, double probability, List<String> explanation) {
    /** The two entities in canonical order. */
    public EntityPair pair() {
      return EntityPair.of(a, b);
    }
  }

  /** A cluster: its canonical id and the entity ids it groups. */
  public record Cluster(String canonicalId, List<String> members) {}

  private final List<Features.Prepared> records = new ArrayList<>();
  private final Map<String, Integer> frequency = new HashMap<>();
  private final Map<String, Integer> tokenNames = new HashMap<>();
  private final Map<String, Integer> households = new HashMap<>();
  private final Map<String, List<Features.Prepared>> residents = new HashMap<>();
  private int people;
  private final FellegiSunter model = new FellegiSunter();
  private long[] pairs = new long[0];
  private byte[] levels = new byte[0];
  private byte[] classes = new byte[0];
  private float[] weights = new float[0];

  /**
   * The match probability at which pairs merge unless a command says otherwise: even odds. The
   * probabilities come from a prior over all comparable pairs, not over the candidates, so they
   * mean the same at any number of records (see docs/resolve.md).
   */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /**
   * The largest block a blocking key may make (identifier keys: ten times as large) up to 100,000
   * records; a key shared by more records, a common name token, proposes no pairs.
   */
  public static final int DEFAULT_MAX_BLOCK = 500;

  /**
   * The block size limit for a resolution of this many records: {@link #DEFAULT_MAX_BLOCK} up to
   * 100,000, 200 from 1,000,000, log-linear between. Measured: at 1,000,000 records the limit of
   * 500 makes more candidate pairs than an 8 GB heap holds, 200 makes 82.9M; at 100,000, 500 is
   * what reached recall 0.956.
   */
  /**
   * The canonical id a record on its own gets (a cluster of one): what a reader is shown for a
   * member of a cluster that the reader cannot see whole.
   */
  public static String canonicalIdOf(String entityId) {
    return StableIds.canonicalId(entityId);
  }

  /** Whether an id is a canonical id of a resolution ({@code NK-} and a hash). */
  public static boolean isCanonicalId(String id) {
    return id != null && id.startsWith(StableIds.PREFIX);
  }

  public static int maxBlockFor(int records) {
    if (records <= 100_000) {
      return DEFAULT_MAX_BLOCK;
    }
    double t = Math.min(1, Math.log10(records / 100_000.0));
    return (int) Math.round(DEFAULT_MAX_BLOCK * Math.pow(200.0 / DEFAULT_MAX_BLOCK, t));
  }

  private double threshold;

  private final Set<EntityPair> mustLink = new HashSet<>();
  private final Set<EntityPair> cannotLink = new HashSet<>();

  /**
   * Analysts' judgements override the model: {@code same} pairs are merged first (unless a {@code
   * different} judgement forbids it), and no two clusters are merged while a {@code different}
   * judgement stands between their members.
   */
  public void judge(EntityPair pair, Verdict verdict) {
    if (!verdict.decides()) {
      return;
    }
    boolean same = verdict == Verdict.SAME;
    (same ? mustLink : cannotLink).add(pair);
    (same ? cannotLink : mustLink).remove(pair);
  }

  public Resolution(List<ResolveRecord> input, double threshold) {
    this.threshold = threshold;
    records.addAll(input.parallelStream().map(Features::prepare).toList());
  }

  /**
   * A pair whose evidence (its weight without the prior) is smaller than this many bits either way
   * is neutral in clustering: it neither holds two clusters together nor apart (see {@link
   * Clustering}).
   */
  static final double NEUTRAL_BITS = 3;

  /** Rounds of re-estimating u among non-matches ({@link FellegiSunter#refineU}). */
  static final int U_ROUNDS = 3;

  private double blockingSeconds;
  private double comparingSeconds;

  /** Sets the match probability the next clustering merges at (scores are kept). */
  public void threshold(double threshold) {
    this.threshold = threshold;
  }

  /** Seconds the last {@link #score} spent on blocking and on comparing the candidate pairs. */
  public double[] timings() {
    return new double[] {blockingSeconds, comparingSeconds};
  }

  /** The block size limit asked for, or by the number of records when none (0) is. */
  public static int maxBlock(int requested, int records) {
    return requested > 0 ? requested : maxBlockFor(records);
  }

  /** Runs blocking, estimation and scoring; returns the number of candidate pairs. */
  public int score(int maxBlock, long seed) {
    long t0 = System.nanoTime();
    pairs = Blocking.pairs(records, maxBlock, null);
    long t1 = System.nanoTime();
    compareAll();
    long t2 = System.nanoTime();
    blockingSeconds = (t1 - t0) / 1e9;
    comparingSeconds = (t2 - t1) / 1e9;
    model.estimateU(records, seed, Math.min(4_000_000, Math.max(1_000_000, records.size() * 20)));
    countNames();
    int f = Comparison.COUNT;
    boolean[] commonRecord = new boolean[records.size()];
    for (int i = 0; i < commonRecord.length; i++) {
      String name = records.get(i).folded();
      commonRecord[i] = name != null && frequency.getOrDefault(name, 0) > 2;
    }
    boolean[] common = new boolean[pairs.length];
    for (int p = 0; p < pairs.length; p++) {
      common[p] = commonRecord[(int) (pairs[p] >>> 32)];
    }
    model.estimateMFromAnchors(levels, pairs.length, common);
    model.refineM(judgedLevels(mustLink));
    double[] perClass = recordsPerClass();
    double[] comparable = comparablePairs(perClass);
    LevelPatterns patterns = LevelPatterns.count(levels, classes, pairs.length);
    model.estimatePriors(patterns, comparable, perClass, 200);
    double allComparable = comparable[0] + comparable[1] + comparable[2];
    for (int round = 0; round < U_ROUNDS; round++) {
      model.refineU();
      model.sharedU(levels, classes, pairs.length, allComparable);
      model.estimatePriors(patterns, comparable, perClass, 200);
    }
    weigh(f);
    return pairs.length;
  }

  /**
   * Incremental resolution: scores only the candidate pairs that involve a record not in {@code
   * known} (the records of the previous resolution), with the weights estimated then ({@code
   * previous}), so a new batch costs in proportion to its size, not to the whole. Returns the
   * number of candidate pairs scored.
   */
  public int scoreNew(Model previous, Set<String> known, int maxBlock) {
    model.load(previous);
    boolean[] fresh = new boolean[records.size()];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = !known.contains(records.get(i).record().id());
    }
    pairs = Blocking.pairs(records, maxBlock, fresh);
    compareAll();
    countNames();
    weigh(Comparison.COUNT);
    return pairs.length;
  }

  private static int pairClass(Features.Prepared a, Features.Prepared b) {
    return FellegiSunter.pairClass(a.record().kind(), b.record().kind());
  }

  /** Per class of pair, the number of records that can take part in one. */
  private double[] recordsPerClass() {
    double[] n = new double[FellegiSunter.CLASSES];
    for (Features.Prepared r : records) {
      switch (r.record().kind()) {
        case PERSON -> n[FellegiSunter.PERSONS]++;
        case COMPANY -> n[FellegiSunter.FIRMS]++;
        default -> n[FellegiSunter.EITHER]++;
      }
    }
    return n;
  }

  /** Per class of pair, the number of record pairs that could be compared at all. */
  private double[] comparablePairs(double[] records) {
    double persons = records[FellegiSunter.PERSONS];
    double companies = records[FellegiSunter.FIRMS];
    double either = records[FellegiSunter.EITHER];
    return new double[] {
      persons * (persons - 1) / 2,
      companies * (companies - 1) / 2,
      either * (either - 1) / 2 + either * (persons + companies)
    };
  }

  /** The feature levels of judged pairs whose records are both present. */
  private List<byte[]> judgedLevels(Set<EntityPair> judged) {
    List<byte[]> out = new ArrayList<>();
    if (judged.isEmpty()) {
      return out;
    }
    Map<String, Features.Prepared> byId = new HashMap<>();
    for (Features.Prepared r : records) {
      byId.put(r.record().id(), r);
    }
    for (EntityPair pair : judged) {
      Features.Prepared a = byId.get(pair.a());
      Features.Prepared b = byId.get(pair.b());
      if (a != null && b != null) {
        byte[] lv = new byte[Comparison.COUNT];
        Features.compare(a, b, lv);
        out.add(lv);
      }
    }
    return out;
  }

  /** The feature levels of every candidate pair, compared on all cores. */
  private void compareAll() {
    int f = Comparison.COUNT;
    levels = new byte[pairs.length * f];
    classes = new byte[pairs.length];
    int chunk = 4096;
    IntStream.range(0, (pairs.length + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              byte[] one = new byte[f];
              for (int p = c * chunk; p < Math.min(pairs.length, (c + 1) * chunk); p++) {
                Features.Prepared a = records.get((int) (pairs[p] >>> 32));
                Features.Prepared b = records.get((int) pairs[p]);
                Features.compare(a, b, one);
                System.arraycopy(one, 0, levels, p * f, f);
                classes[p] = (byte) pairClass(a, b);
              }
            });
  }

  /**
   * How many different people or firms bear each name, for the name-frequency adjustment: for
   * persons, the number of different dates of birth recorded with it, dates a typing error apart
   * counted once, or, if more, the number of dwellings records without a date give it at; for
   * firms, the most different registration numbers of one kind (a register's, or customs') recorded
   * with it; at least one. Counting records would take one person seen by five agencies, or
   * registered five times by one, for five namesakes and penalise exactly the matches pooling is
   * for; record numbers and contact details (a police registration number, a second phone) belong
   * to records, not to people, so they do not count. Also counts, per name token, the names that
   * contain it.
   */
  private void countNames() {
    frequency.clear();
    tokenNames.clear();
    Map<String, List<String>> dobs = new HashMap<>();
    Map<String, Map<String, Set<String>>> numbers = new HashMap<>();
    for (Features.Prepared r : records) {
      if (r.folded() == null) {
        continue;
      }
      frequency.putIfAbsent(r.folded(), 1);
      String dob = r.record().dob();
      if (dob != null && dob.length() == 10 && r.record().kind() != ResolveRecord.Kind.COMPANY) {
        List<String> seen = dobs.computeIfAbsent(r.folded(), k -> new ArrayList<>(2));
        if (!seen.contains(dob)) {
          seen.add(dob);
        }
      }
      if (r.record().kind() == ResolveRecord.Kind.COMPANY) {
        for (String id : r.registrations()) {
          numbers
              .computeIfAbsent(r.folded(), k -> new HashMap<>(2))
              .computeIfAbsent(id.substring(0, id.indexOf(':') + 1), k -> new HashSet<>(2))
              .add(id);
        }
      }
    }
    dobs.forEach((name, list) -> frequency.merge(name, distinctDates(list), Math::max));
    // a name recorded at several dwellings (street and number) by records that give no date is
    // borne by as many people, as far as the records can tell: "Sophie van Leeuwen" on parcels
    // to two houses
    Map<String, Set<String>> houses = new HashMap<>();
    for (Features.Prepared r : records) {
      // the street and number alone: one house written with and without its postcode is one
      String house =
          r.folded() == null
                  || r.record().dob() != null
                  || r.address() == null
                  || r.record().kind() == ResolveRecord.Kind.COMPANY
              ? null
              : r.address().house();
      if (house != null) {
        Set<String> seen = houses.computeIfAbsent(r.folded(), k -> new HashSet<>(2));
        if (seen.size() < 200) {
          seen.add(house);
        }
      }
    }
    houses.forEach((name, set) -> frequency.merge(name, set.size(), Math::max));
    numbers.forEach(
        (name, kinds) -> kinds.values().forEach(v -> frequency.merge(name, v.size(), Math::max)));
    people = 0;
    for (int count : frequency.values()) {
      people += count;
    }
    for (String name : frequency.keySet()) {
      for (String t : name.split(" ")) {
        tokenNames.merge(t, 1, Integer::sum);
      }
    }
    countHouseholds();
  }

  /**
   * How many different people each dwelling's records name, for the household adjustment: per house
   * (street or postcode, number and addition, postcode area or place), the persons' names counted
   * once for every group of names that could be one person's ("J. Smith", "John Smith" and "John A.
   * Smith" are one; "Jane Smith", and "John B. Smith" beside "John A. Smith", are others). Only
   * houses of two or more people are kept. Firms' seats are left out: a business address holds many
   * firms by design, and firms are told apart by their names and numbers.
   */
  private void countHouseholds() {
    households.clear();
    residents.clear();
    Map<String, List<Features.Prepared>> byHouse = new HashMap<>();
    for (Features.Prepared r : records) {
      String key = householdKey(r);
      if (key != null && r.folded() != null && r.legalForm() == null) {
        byHouse.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
      }
    }
    byHouse.forEach(
        (house, records) -> {
          List<Features.Prepared> people = distinctPeople(records);
          if (people.size() > 1) {
            households.put(house, people.size());
            residents.put(house, people);
          }
        });
  }

  /**
   * The dwelling a person record gives, as households are counted by: the house, or the postcode
   * when the address gives no number (a British postcode is a few dozen homes); null without
   * either.
   */
  static String householdKey(Features.Prepared r) {
    StreetAddress a = r.address();
    if (a == null || r.record().kind() == ResolveRecord.Kind.COMPANY) {
      return null;
    }
    if (a.house() == null) {
      return a.postcode() == null ? null : "postcode|" + a.postcode();
    }
    String area = a.area() != null ? a.area() : a.place();
    return a.house() + "|" + (area == null ? "" : area);
  }

  /**
   * One record for each different person among the records of one dwelling: a record whose name
   * could be that of one counted already (any name level but different) counts as that one. Past 50
   * names, every distinct name counts.
   */
  static List<Features.Prepared> distinctPeople(List<Features.Prepared> records) {
    List<Features.Prepared> counted = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // full names before initials, so that "S. Stok" does not stand for Stefan and Christine S.
    List<Features.Prepared> fullestFirst = new ArrayList<>(records);
    fullestFirst.sort(
        Comparator.comparing(Features.Prepared::initials)
            .thenComparing(r -> -r.tokens().size())
            .thenComparing(Features.Prepared::folded));
    for (Features.Prepared r : fullestFirst) {
      if (!names.add(r.folded())) {
        continue;
      }
      boolean known = false;
      for (int i = 0; i < counted.size() && names.size() <= 50; i++) {
        if (Features.name(counted.get(i), r) != Comparison.NAME_DIFFERENT) {
          known = true;
          break;
        }
      }
      if (!known) {
        counted.add(r);
      }
    }
    return counted;
  }

  /**
   * Whether a record's name could be that of two or more of the different people its dwelling holds
   * ("S. Stok" where Stefan Stok and Christine S. Stok live): its address then says nothing of
   * which of them it is.
   */
  private boolean ambiguousAtHome(Features.Prepared r) {
    String key = r.folded() == null ? null : householdKey(r);
    List<Features.Prepared> people = key == null ? null : residents.get(key);
    if (people == null) {
      return false;
    }
    int fits = 0;
    for (Features.Prepared p : people) {
      if (Features.name(p, r) != Comparison.NAME_DIFFERENT && ++fits > 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number of different dates among full dates of birth, a date within a typing error (two
   * digits, swapped day and month) of one already counted counting as that one.
   */
  static int distinctDates(List<String> dates) {
    if (dates.size() > 200) {
      return dates.size();
    }
    List<String> counted = new ArrayList<>();
    for (String d : dates) {
      boolean known = false;
      for (String c : counted) {
        if (Features.dob(c, d) <= 3) {
          known = true;
          break;
        }
      }
      if (!known) {
        counted.add(d);
      }
    }
    return counted.size();
  }

  /**
   * The match weight of every candidate pair, on all cores (the other bearers of each name counted
   * once per record).
   */
  private void weigh(int f) {
    double[] others =
        IntStream.range(0, records.size())
            .parallel()
            .mapToDouble(i -> records.get(i).folded() == null ? 0 : others(records.get(i)))
            .toArray();
    boolean[] ambiguous = new boolean[records.size()];
    IntStream.range(0, records.size())
        .parallel()
        .forEach(i -> ambiguous[i] = ambiguousAtHome(records.get(i)));
    float[] w = new float[pairs.length];
    IntStream.range(0, pairs.length)
        .parallel()
        .forEach(
            p -> {
              int i = (int) (pairs[p] >>> 32);
              int j = (int) pairs[p];
              double adjustment =
                  nameAdjustment(
                      records.get(i), records.get(j), levels[p * f], others[i], others[j]);
              adjustment +=
                  householdAdjustment(
                      records.get(i),
                      records.get(j),
                      levels[p * f + ADDRESS],
                      ambiguous[i] || ambiguous[j]);
              w[p] = (float) (model.score(levels, p * f, classes[p]) + adjustment);
            });
    weights = w;
  }

  /**
   * The estimated weights of a resolution (m and u per feature level, the priors per class of pair)
   * and the counts behind the name-frequency adjustment (records, people, names, hashed name and
   * token counts) and the household adjustment (the people of each dwelling of several, hashed):
   * kept with the clusters so that an incremental run and match by example weigh as the full run
   * did, without estimating again. {@code prior} is the persons' prior, kept so that models saved
   * before per-class priors (without {@code priors}, {@code people}, {@code tokenNames}) still
   * load.
   */
  public record Model(
      double[][] m,
      double[][] u,
      double prior,
      int records,
      Map<String, Integer> commonNames,
      int people,
      double[] priors,
      Map<String, Integer> tokenNames,
      int names,
      Map<String, Integer> households) {}

  /**
   * The weights estimated by {@link #score}, with the number of people bearing each name borne by
   * more than one and the number of names holding each name token (for the name-frequency
   * adjustment), each name and token kept only as a hash.
   */
  public Model model() {
    Map<String, Integer> hashedTokens = new TreeMap<>();
    tokenNames.forEach((t, n) -> hashedTokens.put(nameHash(t), n));
    Map<String, Integer> common = new TreeMap<>();
    frequency.forEach(
        (name, count) -> {
          if (count > 1) {
            common.put(nameHash(name), count);
          }
        });
    Map<String, Integer> hashedHouses = new TreeMap<>();
    households.forEach((h, n) -> hashedHouses.put(nameHash(h), n));
    return new Model(
        model.m,
        model.u,
        model.priors[FellegiSunter.PERSONS],
        records.size(),
        common,
        people,
        model.priors.clone(),
        hashedTokens,
        frequency.size(),
        hashedHouses);
  }

  /**
   * A resolution without records that weighs with saved weights: for match by example against
   * candidates found otherwise (the search index), as {@link #score} would have weighed them.
   */
  public static Resolution scorer(Model saved) {
    Resolution r = new Resolution(List.of(), DEFAULT_THRESHOLD);
    r.model.load(saved);
    r.saved = saved;
    return r;
  }

  private Model saved;

  /** Candidates ranked against a query with the saved weights, best first. */
  public List<ScoredPair> rank(ResolveRecord query, List<ResolveRecord> candidates, int limit) {
    Features.Prepared q = Features.prepare(query);
    List<ScoredPair> out = new ArrayList<>();
    for (ResolveRecord c : candidates) {
      if (c.kind().comparable(query.kind())) {
        out.add(compare(q, Features.prepare(c)));
      }
    }
    out.sort((x, y) -> Double.compare(y.weight(), x.weight()));
    return out.subList(0, Math.min(limit, out.size()));
  }

  static String nameHash(String folded) {
    return StableIds.canonicalId("name:" + folded).substring(3);
  }

  /**
   * A name match is worth more for a rare name and less for a common one (Splink's term frequency
   * adjustment, counted in people rather than records): two records of different people share a
   * name only when another person bears it, so the name's u is the number of other people bearing
   * it over the number of people, in place of the model's average u for exact names. Close names (a
   * typo, a middle name more or less) are adjusted as Splink adjusts fuzzy levels, by the more
   * common of the two names: "Jan de Vries" against "Jan de Vreis" is as weak as "Jan de Vries"
   * against itself. Other levels are not adjusted.
   */
  private double adjustment(Features.Prepared a, Features.Prepared b, byte nameLevel) {
    if (!adjusted(nameLevel) && nameLevel != Comparison.NAME_PART) {
      return 0;
    }
    return nameAdjustment(a, b, nameLevel, others(a), others(b));
  }

  /**
   * The name-frequency adjustment of a pair whose records' names have {@code othersA} and {@code
   * othersB} other bearers. Where one name is part of the other and neither gives initials
   * ("Colomiès" and "Paul Colomiès", "Clarence" and "Clarence Leumane"), the shorter name's bearers
   * decide, against the model's u for that level: a rare surname alone says much, a common first
   * name alone little. Only a name of one word that is in the other is adjusted so: "Katrien
   * Vandebrink" is close to part of "Katrien Van den Linde" but is not her name with a word left
   * out, and "Kevin de Heuvel" is another family than "Kevin van de Heuvel".
   */
  private double nameAdjustment(
      Features.Prepared a, Features.Prepared b, byte nameLevel, double othersA, double othersB) {
    if (adjusted(nameLevel)) {
      double adjustment =
          nameFrequencyAdjustment(nameLevel == 0 ? othersA : Math.max(othersA, othersB), 0);
      // two close names whose words differ by more than typing errors or a given name's forms
      // are two rare names as often as one ("Sophie ter Haan", "Sophie ter Hagemans"): they count
      // against a common name, never for a rare one
      return nameLevel == ADJUSTED_NAME_LEVEL && !Features.mistyped(a.tokens(), b.tokens())
          ? Math.min(0, adjustment)
          : adjustment;
    }
    if (nameLevel == Comparison.NAME_PART && !a.initials() && !b.initials()) {
      boolean aShorter = a.tokens().size() <= b.tokens().size();
      Set<String> shorter = aShorter ? a.tokens() : b.tokens();
      if (shorter.size() == 1 && (aShorter ? b : a).tokens().containsAll(shorter)) {
        return nameFrequencyAdjustment(aShorter ? othersA : othersB, Comparison.NAME_PART);
      }
    }
    return 0;
  }

  private static final int ADDRESS = Comparison.ADDRESS.index();

  /**
   * A shared dwelling is worth less where more people live (a household): two records of different
   * people share a house only when another person lives there, so the address's u is the number of
   * other people recorded there over the number of people, in place of the model's u for the level,
   * when that is more; a house of one person keeps the model's weight. Only the levels of one house
   * (street or postcode, number) are adjusted.
   */
  private double householdAdjustment(Features.Prepared a, Features.Prepared b, byte addressLevel) {
    // whether a name fits several people of its house is asked only of pairs that share one
    boolean shared = addressLevel >= 0 && addressLevel <= 3;
    return householdAdjustment(
        a, b, addressLevel, shared && (ambiguousAtHome(a) || ambiguousAtHome(b)));
  }

  private double householdAdjustment(
      Features.Prepared a, Features.Prepared b, byte addressLevel, boolean ambiguous) {
    if (addressLevel < 0 || addressLevel > 3) {
      return 0;
    }
    if (ambiguous) {
      return -model.weight(ADDRESS, addressLevel);
    }
    int people = Math.max(occupants(a), occupants(b));
    if (people < 2) {
      return 0;
    }
    double u = (people - 1) / (double) Math.max(1, population());
    return Math.min(0, Math.log(model.u[ADDRESS][addressLevel] / u) / Math.log(2));
  }

  /** The people recorded at a record's dwelling (1 when it is theirs alone or unknown). */
  private int occupants(Features.Prepared r) {
    String key = householdKey(r);
    if (key == null) {
      return 1;
    }
    if (saved != null) {
      Integer n = saved.households() == null ? null : saved.households().get(nameHash(key));
      return n == null ? 1 : n;
    }
    return households.getOrDefault(key, 1);
  }

  /** Name levels that the name frequency adjusts: same, same but one token, close. */
  static final byte ADJUSTED_NAME_LEVEL = 2;

  /** Whether the name frequency adjusts a name level (never a missing name). */
  private static boolean adjusted(byte nameLevel) {
    return nameLevel >= 0 && nameLevel <= ADJUSTED_NAME_LEVEL;
  }

  /**
   * The other people expected to bear a record's name. For a name with one known bearer, the others
   * expected are estimated from its tokens, as if drawn independently: a many-word trade name has
   * practically none, "Jan de Vries" some (between 0.01 and 0.5 people).
   */
  private double others(Features.Prepared a) {
    if (saved != null) {
      Integer count = saved.commonNames().get(nameHash(a.folded()));
      return count != null && count > 1
          ? count - 1
          : expectedOthers(
              a.folded(),
              t -> saved.tokenNames() == null ? null : saved.tokenNames().get(nameHash(t)),
              saved.names(),
              population());
    }
    int count = frequency.getOrDefault(a.folded(), 1);
    return count > 1
        ? count - 1
        : expectedOthers(a.folded(), tokenNames::get, frequency.size(), people);
  }

  private int population() {
    if (saved != null) {
      return saved.people() > 0 ? saved.people() : saved.records();
    }
    return people;
  }

  private static double expectedOthers(
      String folded, Function<String, Integer> namesWithToken, int names, int population) {
    if (names <= 0) {
      return 0.5;
    }
    double share = 1;
    for (String t : folded.split(" ")) {
      Integer n = namesWithToken.apply(t);
      share *= (n == null ? 1 : n) / (double) names;
    }
    return Math.min(0.5, Math.max(0.01, population * share));
  }

  private double nameFrequencyAdjustment(double others, int level) {
    double u = others / Math.max(1, population());
    return Math.log(model.u[0][level] / u) / Math.log(2);
  }

  /**
   * Every scored candidate pair with its explanation (for small resolutions; see {@link #pair}).
   */
  public List<ScoredPair> pairs() {
    List<ScoredPair> out = new ArrayList<>(pairs.length);
    for (int p = 0; p < pairs.length; p++) {
      out.add(pair(p));
    }
    return out;
  }

  /** The number of scored candidate pairs. */
  public int candidates() {
    return pairs.length;
  }

  /** The entity ids of candidate pair {@code p}, without building its explanation. */
  public String[] ids(int p) {
    return new String[] {
      records.get((int) (pairs[p] >>> 32)).record().id(), records.get((int) pairs[p]).record().id()
    };
  }

  /** The match weight of candidate pair {@code p}, without building its explanation. */
  public double weight(int p) {
    return weights[p];
  }

  /** Candidate pair {@code p} (0 to {@link #candidates()}), explained, built on demand. */
  public ScoredPair pair(int p) {
    int f = Comparison.COUNT;
    byte[] lv = Arrays.copyOfRange(levels, p * f, p * f + f);
    double house =
        householdAdjustment(
            records.get((int) (pairs[p] >>> 32)), records.get((int) pairs[p]), lv[ADDRESS]);
    return new ScoredPair(
        records.get((int) (pairs[p] >>> 32)).record().id(),
        records.get((int) pairs[p]).record().id(),
        weights[p],
        FellegiSunter.probability(weights[p]),
        explain(lv, classes[p], weights[p] - model.score(lv, 0, classes[p]) - house, house));
  }

  /**
   * The terms of a match weight, which add up to it: the prior, per feature the level and its
   * contribution in bits, the name-frequency adjustment when there is one, and the household's when
   * the records share a dwelling of several people.
   */
  List<String> explain(byte[] lv, int pairClass, double adjustment, double household) {
    List<String> out = new ArrayList<>();
    out.add(String.format("prior (%+.1f)", model.priorWeight(pairClass)));
    List<String> described = Features.describe(lv);
    for (int i = 0; i < lv.length; i++) {
      out.add(described.get(i) + String.format(" (%+.1f)", model.weight(i, lv[i])));
    }
    if (adjustment != 0) {
      out.add(
          String.format(adjustment > 0 ? "rare name (%+.1f)" : "common name (%+.1f)", adjustment));
    }
    if (household != 0) {
      out.add(String.format("a household's address (%+.1f)", household));
    }
    return out;
  }

  /** One comparison with the estimated model, as {@link #score} weighs candidate pairs. */
  private ScoredPair compare(Features.Prepared a, Features.Prepared b) {
    byte[] lv = new byte[Comparison.COUNT];
    Features.compare(a, b, lv);
    double adjustment = adjustment(a, b, lv[0]);
    double household = householdAdjustment(a, b, lv[ADDRESS]);
    int pairClass = pairClass(a, b);
    double w = model.score(lv, 0, pairClass) + adjustment + household;
    return new ScoredPair(
        a.record().id(),
        b.record().id(),
        w,
        FellegiSunter.probability(w),
        explain(lv, pairClass, adjustment, household));
  }

  private Map<String, List<Integer>> keyIndex;

  /**
   * Match by example (after {@link #score}): the records sharing a blocking key with the query,
   * ranked by match weight, each with its explanation.
   */
  public List<ScoredPair> match(ResolveRecord query, int limit) {
    if (keyIndex == null) {
      keyIndex = new HashMap<>();
      for (int i = 0; i < records.size(); i++) {
        for (String k : Blocking.keys(records.get(i))) {
          keyIndex.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      }
    }
    Features.Prepared q = Features.prepare(query);
    Set<Integer> candidates = new TreeSet<>();
    for (String k : Blocking.keys(q)) {
      List<Integer> hits = keyIndex.get(k);
      if (hits != null && hits.size() <= 10_000) {
        candidates.addAll(hits);
      }
    }
    List<ScoredPair> out = new ArrayList<>();
    for (int i : candidates) {
      Features.Prepared r = records.get(i);
      if (r.record().kind().comparable(query.kind())) {
        out.add(compare(q, r));
      }
    }
    out.sort((x, y) -> Double.compare(y.weight(), x.weight()));
    return out.subList(0, Math.min(limit, out.size()));
  }

  /** Compares two records with the estimated model (after {@link #score}). */
  public ScoredPair explain(ResolveRecord a, ResolveRecord b) {
    return compare(Features.prepare(a), Features.prepare(b));
  }

  /** The clusters of this resolution alone, with ids from their smallest members. */
  public List<Cluster> clusters() {
    return clusters(Map.of(), false);
  }

  /**
   * The clusters, with canonical ids carried over from an earlier resolution ({@code previous}:
   * entity id to canonical id): each earlier id passes to the new cluster holding most of its
   * members, largest overlaps first, so a cluster that gains or loses a record keeps its id and
   * only a cluster that is new (or the smaller part of a split) gets a new one. With {@code
   * incremental}, the earlier clusters are the starting point instead of single records (pairs
   * between earlier records are not scored again).
   */
  public List<Cluster> clusters(Map<String, String> previous, boolean incremental) {
    int n = records.size();
    byte[] kinds = new byte[pairs.length];
    for (int p = 0; p < pairs.length; p++) {
      kinds[p] = kind(weights[p], classes[p]);
    }
    Clustering c = new Clustering(n, pairs, weights, kinds, new OnDemand());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(records.get(i).record().id(), i);
    }
    if (incremental) {
      Map<String, Integer> first = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String was = previous.get(records.get(i).record().id());
        if (was != null) {
          Integer root = first.putIfAbsent(was, i);
          if (root != null) {
            c.union(c.root(root), c.root(i));
          }
        }
      }
    }
    for (EntityPair pair : mustLink) {
      Integer x = index.get(pair.a());
      Integer y = index.get(pair.b());
      if (x != null && y != null) {
        int a = c.root(x);
        int b = c.root(y);
        if (a != b && !forbidden(c, a, b)) {
          c.union(a, b);
        }
      }
    }
    for (int p : c.mergeOrder(weights, threshold)) {
      int a = c.root(c.first(p));
      int b = c.root(c.second(p));
      if (a != b && !forbidden(c, a, b) && c.coherent(a, b, threshold)) {
        c.union(a, b);
      }
    }
    Map<Integer, TreeSet<String>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(c.root(i), k -> new TreeSet<>()).add(records.get(i).record().id());
    }
    return StableIds.assign(new ArrayList<>(groups.values()), previous);
  }

  /**
   * What a pair of this weight and class is to clustering: neutral when its evidence (the weight
   * without the prior) is under {@link #NEUTRAL_BITS} either way, a conflict when it is that much
   * against, else informative.
   */
  private byte kind(double weight, int pairClass) {
    double evidence = weight - model.priorWeight(pairClass);
    if (Math.abs(evidence) < NEUTRAL_BITS) {
      return Clustering.NEUTRAL;
    }
    return evidence < 0 ? Clustering.CONFLICT : Clustering.INFORMATIVE;
  }

  /**
   * Weighs pairs blocking did not propose as {@link #weigh} weighs candidates; a person and a firm
   * conflict.
   */
  private final class OnDemand implements Clustering.Weigher {
    private final byte[] levels = new byte[Comparison.COUNT];

    @Override
    public float weight(int i, int j) {
      Features.Prepared a = records.get(i);
      Features.Prepared b = records.get(j);
      if (!a.record().kind().comparable(b.record().kind())) {
        return Float.NEGATIVE_INFINITY;
      }
      Features.compare(a, b, levels);
      return (float)
          (model.score(levels, 0, pairClass(a, b))
              + adjustment(a, b, levels[0])
              + householdAdjustment(a, b, levels[ADDRESS]));
    }

    @Override
    public byte kind(int i, int j, float weight) {
      return weight == Float.NEGATIVE_INFINITY
          ? Clustering.CONFLICT
          : Resolution.this.kind(weight, pairClass(records.get(i), records.get(j)));
    }
  }

  /** Whether a {@code different} judgement stands between the clusters rooted at a and b. */
  private boolean forbidden(Clustering c, int a, int b) {
    if (cannotLink.isEmpty()) {
      return false;
    }
    for (int i : c.members(a)) {
      for (int j : c.members(b)) {
        String x = records.get(i).record().id();
        String y = records.get(j).record().id();
        if (!x.equals(y) && cannotLink.contains(EntityPair.of(x, y))) {
          return true;
        }
      }
    }
    return false;
  }
}
