package org.spil.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spil.app.Searching;
import org.spil.store.EntityRecord;
import org.spil.store.Store;
import org.spil.store.ValueRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil show ID}: one entity with the provenance of every value the viewer may see. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show an entity with every visible value and where it comes from.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "ID", description = "Entity id.")
  String id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Optional<EntityRecord> entity;
    try (Store store = spil.open(false)) {
      entity = new Searching(store).show(viewer.viewer(store), id);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (entity.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "spil: no entity '" + id + "' visible to " + viewer.user + " for " + viewer.purpose);
      return 1;
    }
    EntityRecord e = entity.get();
    if (json) {
      Output.json(out, e);
      return 0;
    }
    out.printf("%s  %s  [%s]%n", e.schema(), e.caption(), e.id());
    if (!e.members().isEmpty()) {
      out.printf(
          "  resolved from %d records: %s%n", e.members().size(), String.join(" ", e.members()));
    }
    e.properties()
        .forEach(
            (p, values) -> {
              for (ValueRecord v : values) {
                out.printf(
                    "  %-18s %s%s%n      from %s (%s), %s, %s %s%d, seen %s..%s%s%n",
                    p,
                    v.value(),
                    v.originalValue().equals(v.value())
                        ? ""
                        : "  (as written: " + v.originalValue() + ")",
                    v.dataset(),
                    v.agency(),
                    v.legalBasis(),
                    v.handlingCode(),
                    v.sourceGrade(),
                    v.infoGrade(),
                    v.firstSeen(),
                    v.lastSeen(),
                    v.source() == null ? "" : ", at " + v.source());
              }
            });
    out.flush();
    return 0;
  }
}
