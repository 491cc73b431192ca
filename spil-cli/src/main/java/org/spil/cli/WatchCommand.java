package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.store.Store;
import org.spil.store.Watches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil watch add|list|remove}: a user's watch list, per purpose. Each ingest and each
 * resolution checks the new records against it under the owner's rights at that moment and raises
 * alerts ({@code spil alerts}).
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Watch a subject, a query or an entity: new records that match raise alerts (spil alerts).",
    subcommands = {
      WatchCommand.Add.class,
      WatchCommand.ListWatches.class,
      WatchCommand.Remove.class
    })
final class WatchCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Watch a subject (--name with --dob or --id, or --id alone), a --query as spil search"
              + " takes it, or an --entity (with the records your team's resolution merges into"
              + " it). After each ingest, a new record you may read that matches raises an alert; a"
              + " record of another agency you may only know exists raises a hit/no-hit alert"
              + " (counted against your hit quota); nothing else does.")
  static final class Add implements Callable<Integer> {
    @ParentCommand WatchCommand parent;
    @Mixin ViewerOption viewer;

    @Option(names = "--name", paramLabel = "NAME", description = "A name to watch.")
    String name;

    @Option(
        names = "--dob",
        paramLabel = "DATE",
        description = "The subject's date of birth (YYYY-MM-DD, DD-MM-YYYY), with --name.")
    String dob;

    @Option(
        names = "--id",
        paramLabel = "ID",
        description = "An identifier: passport, registration, tax or document number, e-mail.")
    String identifier;

    @Option(names = "--query", paramLabel = "Q", description = "A search to run on new records.")
    String query;

    @Option(names = "--entity", paramLabel = "ID", description = "An entity you may see.")
    String entity;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why you watch it, for yourself.")
    String note;

    @Option(names = "--json", description = "Print {id}.")
    boolean json;

    @Override
    public Integer call() {
      String id;
      try (Store store = parent.spil.open(true)) {
        id =
            store
                .watches()
                .add(
                    viewer.viewer(store),
                    new Watches.Spec(name, dob, identifier, query, entity, note));
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, Map.of("id", id));
        return 0;
      }
      out.println("watching: " + id);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Your watches under the purpose.")
  static final class ListWatches implements Callable<Integer> {
    @ParentCommand WatchCommand parent;
    @Mixin ViewerOption viewer;

    @Option(
        names = "--json",
        description = "Print [{id, kind, name, dob, identifier, query, entity, note, created}].")
    boolean json;

    @Override
    public Integer call() {
      List<Watches.Watch> watches;
      try (Store store = parent.spil.open(false)) {
        watches = store.watches().list(viewer.viewer(store));
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, watches);
        return 0;
      }
      if (watches.isEmpty()) {
        out.println("no watches under this purpose");
      }
      for (Watches.Watch w : watches) {
        out.printf(
            "%s  %s  since %s%s%n",
            w.id(), w.label(), w.created(), w.note() == null ? "" : "  (" + w.note() + ")");
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Stop a watch; its alerts stay.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand WatchCommand parent;
    @Mixin ViewerOption viewer;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      try (Store store = parent.spil.open(true)) {
        store.watches().remove(viewer.viewer(store), id);
      }
      parent.spec.commandLine().getOut().println("stopped watching: " + id);
      parent.spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
