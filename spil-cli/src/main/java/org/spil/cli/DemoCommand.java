package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetReader;
import org.spil.store.Batch;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Stats;
import org.spil.store.Store;
import org.spil.store.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil demo}: the main job. Ingests every dataset under {@code examples/} (police, customs
 * and open-source data from different agencies with different sharing rules) into a fresh data
 * directory, then shows what an analyst wants to see first: the sources and their provenance, what
 * each agency can see, and searches that meet names across scripts and identifiers across formats.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Ingest the example multi-agency datasets into a fresh data directory and show what each agency sees.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--examples",
      paramLabel = "DIR",
      description = "Directory of example datasets (default: examples/ of the Spil home).")
  Path examples;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path home = Path.of(System.getProperty("spil.home", "."));
    Path examplesDir = examples != null ? examples : home.resolve("examples");
    Path data = spil.data != null ? spil.data : home.resolve("spil-demo");
    wipe(data);
    List<Path> dirs;
    try (Stream<Path> s = Files.list(examplesDir)) {
      dirs = s.filter(p -> Files.isRegularFile(p.resolve("dataset.yml"))).sorted().toList();
    }
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException(examplesDir + ": no dataset directories");
    }
    out.printf("Spil demo: %d datasets from %s into %s%n%n", dirs.size(), examplesDir, data);
    List<Dataset> datasets = new ArrayList<>();
    for (Path d : dirs) {
      datasets.add(DatasetReader.read(d));
    }
    LocalDate today = LocalDate.now();
    try (Store store = Store.open(data, true, today)) {
      out.println("== Ingest");
      for (Dataset d : datasets) {
        IngestCommand.print(out, Ingestion.run(store, d, today, n -> {}, n -> {}));
      }
      out.println();
      out.println("== Sources");
      out.printf(
          "  %-24s %-11s %-12s %-4s %-5s %-10s %s%n",
          "dataset", "agency", "legal basis", "code", "grade", "retain", "shared with");
      TreeSet<String> agencies = new TreeSet<>();
      for (Batch b : store.warehouse().batches()) {
        var p = b.provenance();
        agencies.add(p.agency());
        agencies.addAll(p.shareWith());
        out.printf(
            "  %-24s %-11s %-12s %-4s %s%d    %-10s %s%n",
            p.dataset(),
            p.agency(),
            p.legalBasis(),
            p.handlingCode(),
            p.sourceGrade(),
            p.infoGrade(),
            p.retainUntil(),
            p.shareWith().isEmpty() ? "-" : String.join(", ", p.shareWith()));
      }
      agencies.remove("all");
      out.println();
      out.println("== What each agency can see");
      for (String agency : agencies) {
        Stats s = store.stats(new Viewer(agency));
        out.printf(
            "  %-11s %,6d entities %,7d statements  from %s%n",
            agency,
            s.entities(),
            s.statements(),
            s.byDataset().isEmpty()
                ? "nothing"
                : String.join(", ", s.byDataset().stream().map(Stats.Count::key).toList()));
      }
      out.println();
      out.println("== Searches");
      search(out, store, "politie-nl", "Mohammed Elamrani");
      search(out, store, "douane-nl", "Mohammed Elamrani");
      search(out, store, "politie-nl", "محمد العمراني");
      search(out, store, "politie-nl", "06 28765432");
      search(out, store, "fiod", "csqu3054383");
      search(out, store, "kmar", "YILMAZ, Omer");
      search(out, store, "politie-nl", "Lina Dachner");
    }
    out.println();
    out.printf("Explore further: ./spil search NAME --as politie-nl --data %s%n", data);
    out.flush();
    return 0;
  }

  private static void search(PrintWriter out, Store store, String agency, String text) {
    List<SearchHit> hits =
        store.search(new Viewer(agency), new SearchQuery(text, null, null, null, null, 3, "NL"));
    out.printf(
        "  %s searches \"%s\": %s%n",
        agency, text, hits.isEmpty() ? "no matches" : hits.size() + " best:");
    for (SearchHit h : hits) {
      out.printf("      %5.1f  %-10s %s%n", h.score(), h.schema(), h.caption());
    }
  }

  /** Removes an earlier demo directory, refusing anything that does not look like one. */
  private static void wipe(Path data) throws IOException {
    if (!Files.exists(data)) {
      return;
    }
    if (!Files.exists(data.resolve("warehouse.duckdb"))) {
      throw new IllegalArgumentException(
          data + " exists and is not a Spil data directory; choose another --data");
    }
    DirectoryTree.delete(data);
  }
}
