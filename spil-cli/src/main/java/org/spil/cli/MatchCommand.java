package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.spil.model.Normalised;
import org.spil.model.types.Countries;
import org.spil.model.types.PartialDates;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil match}: match by example, as OpenSanctions' yente {@code /match} does: a name, date
 * of birth, country and identifier are scored against the persons and companies the viewer may see
 * with the resolution model, best first, each with its explanation.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Rank the records you may see against an example.")
final class MatchCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--name", paramLabel = "NAME")
  String name;

  @Option(names = "--dob", paramLabel = "DATE", description = "YYYY-MM-DD or DD-MM-YYYY")
  String dob;

  @Option(names = "--country", paramLabel = "C")
  String country;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "Passport, registration or document number, or email.")
  String id;

  /** How many search hits per name or identifier are weighed. */
  private static final int CANDIDATES = 25;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    if ((name == null || name.isBlank()) && (id == null || id.isBlank())) {
      spec.commandLine()
          .getErr()
          .println("spil: an empty match query: give --name (with --dob, --country) or --id");
      spec.commandLine().usage(spec.commandLine().getErr());
      return 2;
    }
    String isoDob = null;
    if (dob != null && !dob.isBlank()) {
      Normalised n = PartialDates.normalise(dob, List.of("%d-%m-%Y", "%d/%m/%Y"));
      if (!(n instanceof Normalised.Valid v)) {
        throw new IllegalArgumentException("--dob: not a date: " + dob);
      }
      isoDob = v.value();
    }
    Set<String> countries = new TreeSet<>();
    if (country != null && !country.isBlank()) {
      String c = Countries.lookup(country);
      if (c == null) {
        throw new IllegalArgumentException("--country: unknown country '" + country + "'");
      }
      countries.add(c);
    }
    Set<String> ids = new TreeSet<>();
    if (id != null && !id.isBlank()) {
      if (id.contains("@")) {
        ids.add("email:" + id.strip().toLowerCase());
      } else {
        // the kind of a bare number is unknown: it may be any of the record identifiers
        for (String kind : ResolveRecords.NUMBER_KINDS) {
          ids.add(kind + ":" + Text.compact(id));
        }
      }
    }
    ResolveRecord query =
        new ResolveRecord("query", ResolveRecord.Kind.EITHER, name, isoDob, ids, countries, null);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      Viewer v = viewer.viewer(store);
      Map<String, ResolveRecord> records = new LinkedHashMap<>();
      Optional<Resolution.Model> model = ResolutionRun.model(store, v);
      List<Resolution.Pair> ranked;
      if (model.isPresent()) {
        candidates(store, v, name, isoDob, id, records);
        ranked = Resolution.scorer(model.get()).rank(query, ResolveRecords.list(records), limit);
      } else {
        spec.commandLine()
            .getErr()
            .println(
                "spil: no saved resolution for you and this purpose; estimating weights now"
                    + " (run spil resolve once to make matching fast)");
        records.putAll(ResolveRecords.read(store, v));
        Resolution resolution =
            new Resolution(ResolveRecords.list(records), Resolution.DEFAULT_THRESHOLD);
        resolution.score(Resolution.maxBlockFor(records.size()), 1);
        ranked = resolution.match(query, limit);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Resolution.Pair p : ranked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.b());
        m.put("name", records.get(p.b()).name());
        m.put("score", Math.round(p.probability() * 1000) / 1000.0);
        m.put("weight", Math.round(p.weight() * 100) / 100.0);
        m.put("explanation", p.explanation());
        rows.add(m);
        if (!json) {
          out.printf("%.3f  %-40s [%s]%n", p.probability(), records.get(p.b()).name(), p.b());
        }
      }
      if (json) {
        Json.print(out, rows);
      } else if (rows.isEmpty()) {
        out.println("no candidates");
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Candidates from the search index, within the viewer's scope: the persons and companies born on
   * the date (or one typo away) whose names share a key with the name, those the name finds alone
   * (transliterated, fuzzy), and those the identifier finds in any spelling.
   */
  static void candidates(
      Store store, Viewer v, String name, String dob, String id, Map<String, ResolveRecord> into) {
    List<SearchHit> hits = new ArrayList<>();
    if (name != null && !name.isBlank()) {
      hits.addAll(store.similar(v, name, dob, CANDIDATES));
    }
    if (id != null && !id.isBlank()) {
      hits.addAll(store.search(v, new SearchQuery(id, null, null, null, null, CANDIDATES, null)));
    }
    for (SearchHit h : hits) {
      if (ResolveRecords.SCHEMATA.contains(h.schema())) {
        into.putIfAbsent(h.id(), ResolveRecords.record(h.id(), h.schema(), null, h.properties()));
      }
    }
  }
}
