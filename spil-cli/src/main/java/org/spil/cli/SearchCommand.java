package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.app.Searching;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil search QUERY}: finds entities by name in any script, identifier in any format, or
 * words.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find entities the viewer may see by name, identifier or words.",
      "Names match in any script or spelling (transliterated, phonetic, fuzzy); identifiers in"
          + " any format (IBAN with spaces, phone in national format, container number in lower"
          + " case)."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
  List<String> words;

  @Option(
      names = "--schema",
      description = "Only this schema or schemata extending it (e.g. Person, LegalEntity).")
  String schema;

  @Option(names = "--country", description = "Only entities with this country (code or name).")
  String country;

  @Option(names = "--dataset", description = "Only entities from this dataset.")
  String dataset;

  @Option(names = "--agency", description = "Only entities supplied by this agency.")
  String agency;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "Maximum hits (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--region",
      defaultValue = "NL",
      description = "Region for phone numbers in national format (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--json",
      description =
          "Print a JSON array of {id, schema, caption, score, handling_code, properties}; the handling"
              + " code is the strictest of the statements the hit is built from.")
  boolean json;

  @Override
  public Integer call() {
    SearchQuery request =
        new SearchQuery(String.join(" ", words), schema, country, dataset, agency, limit, region);
    List<SearchHit> hits;
    try (Store store = spil.open(false)) {
      hits = new Searching(store).search(viewer.viewer(store), request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, hits);
      return 0;
    }
    if (hits.isEmpty()) {
      out.println("no matches");
      return 0;
    }
    for (SearchHit h : hits) {
      out.printf(
          "%6.2f  %-12s %s  [%s] %s%n",
          h.score(), h.schema(), h.caption(), h.id(), h.handlingCode());
      int shown = 0;
      for (Map.Entry<String, List<String>> e : h.properties().entrySet()) {
        if (shown++ < 6 && !e.getKey().equals("name")) {
          out.printf(
              "        %s: %s%n",
              e.getKey(),
              String.join("; ", e.getValue().subList(0, Math.min(3, e.getValue().size()))));
        }
      }
    }
    out.flush();
    return 0;
  }
}
