package org.spil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Oversight;
import org.spil.store.AuditAnchor;
import org.spil.store.AuditLog;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil audit verify|anchor|export|query}: the privacy officer's view of the audit log.
 * Verify checks the hash chain, the day roots, the MACs, the head, the entries the warehouse
 * recorded and those of anchors; anchor writes a signed checkpoint to keep elsewhere; export writes
 * the log for verification elsewhere; query lists entries by user, entity or time. Export and query
 * need a privacy officer or administrator and are audited themselves.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify, export and query the audit log.",
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Anchor.class,
      AuditCommand.Export.class,
      AuditCommand.Query.class
    })
final class AuditCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the audit log (or an exported FILE); exit 0 when intact, 1 naming the first damage.",
        "Checks the chain, day roots, MACs (with the audit key), the head, the entries the"
            + " warehouse recorded at its changes, and those of --anchors."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "An exported log to check on its own.")
    Path file;

    @Option(
        names = "--anchors",
        arity = "1..*",
        paramLabel = "ANCHOR",
        description =
            "Anchors written by spil audit anchor: the log must still hold their entries.")
    List<Path> anchors = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      AuditLog.Integrity v =
          file != null
              ? Oversight.verifyFile(file, anchors)
              : Oversight.verify(parent.spil.dataDir(), anchors);
      if (v.intact()) {
        out.printf(
            "audit log intact: %,d entries%s (checked: %s)%n",
            v.entries(),
            v.redacted() > 0 ? ", " + v.redacted() + " of them shown by their hashes only" : "",
            v.checks());
        out.flush();
        return 0;
      }
      parent
          .spec
          .commandLine()
          .getErr()
          .printf(
              "spil: audit log broken%s: %s%n",
              v.brokenAt() > 0 ? " at entry " + v.brokenAt() : "", v.reason());
      return 1;
    }
  }

  @Command(
      name = "anchor",
      mixinStandardHelpOptions = true,
      description = {
        "Write a signed anchor of the audit log as it stands, to keep away from this machine.",
        "Later, spil audit verify --anchors FILE proves the log was not rewritten or cut up to it."
      })
  static final class Anchor implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Mixin Written written;

    @Override
    public Integer call() {
      PrintWriter o = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        AuditAnchor a = Oversight.anchor(store, written.user, written.out, written.force);
        o.printf(
            "anchor of entry %,d (hash %s...) written to %s; keep it away from this machine%n",
            a.seq(), a.hash().substring(0, 16), written.out);
      }
      o.flush();
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the audit log as JSON lines to FILE.")
  static final class Export implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Mixin Written written;

    @Override
    public Integer call() {
      try (Store store = parent.spil.open(false)) {
        long n = Oversight.export(store, written.user, written.out, written.force);
        parent.spec.commandLine().getOut().printf("exported %,d entries to %s%n", n, written.out);
      }
      parent.spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = "List audit entries by user, entity or time.")
  static final class Query implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "USER",
        description = "A privacy officer or administrator.")
    String as;

    @Option(names = "--user", paramLabel = "U", description = "Entries of this user.")
    String user;

    @Option(
        names = "--entity",
        paramLabel = "E",
        description = "Entries that returned or named this entity.")
    String entity;

    @Option(
        names = "--since",
        paramLabel = "T",
        description = "Entries at or after T (ISO date or time).")
    String since;

    @Option(names = "--json", description = "Print JSON lines.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        List<JsonNode> rows = Oversight.query(store, as, user, entity, since);
        for (JsonNode n : rows) {
          if (json) {
            out.println(n.toString());
          } else {
            out.printf(
                "%6d %s %-16s %-12s %-8s %s%n",
                n.get("seq").asLong(),
                n.get("at").asText(),
                n.path("user").asText(),
                n.path("purpose").asText(""),
                n.get("action").asText(),
                n.get("detail").toString());
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** The options of a command that writes what an overseer asked for to a file. */
  static final class Written {
    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "USER",
        description = "A privacy officer or administrator.")
    String user;
  }
}
