package org.spil.cli;

import java.nio.file.Path;
import java.util.Set;
import org.spil.analysis.flows.Typology;
import org.spil.app.MoneyFlows;
import org.spil.store.Store;
import picocli.CommandLine.Option;

/**
 * The options of a scan of the payments, shared by {@code spil flows typologies} and {@code
 * features}: the days of payments to read and a thresholds file changing the data directory's.
 */
final class ScanOptions {
  @Option(names = "--since", paramLabel = "DATE", description = "Payments on or after DATE.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Payments on or before DATE.")
  String until;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE",
      description = "A thresholds file (key = value lines) changing some thresholds.")
  Path thresholds;

  /** The query of these options for the typologies given (none: all). */
  MoneyFlows.Query query(Store store, Set<Typology> typologies) {
    return new MoneyFlows.Query(
        typologies, MoneyFlows.thresholds(store.dir(), thresholds), since, until);
  }
}
