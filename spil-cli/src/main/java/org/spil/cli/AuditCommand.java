package org.spil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Oversight;
import org.spil.store.AuditLog;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil audit verify|export|query}: the privacy officer's view of the audit log. Verify
 * checks the hash chain, the day roots and the head; export writes the log for verification
 * elsewhere; query lists entries by user, entity or time. Export and query need a privacy officer
 * or administrator and are audited themselves.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify, export and query the audit log.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Query.class})
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
      description =
          "Check the audit log (or an exported FILE); exit 0 when intact, 1 naming the first broken entry.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "An exported log to check on its own.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      AuditLog.Integrity v =
          file != null ? Oversight.verifyFile(file) : Oversight.verify(parent.spil.dataDir());
      if (v.intact()) {
        out.printf("audit log intact: %,d entries%n", v.entries());
        out.flush();
        return 0;
      }
      parent
          .spec
          .commandLine()
          .getErr()
          .printf("spil: audit log broken at entry %d: %s%n", v.brokenAt(), v.reason());
      return 1;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the audit log as JSON lines to FILE.")
  static final class Export implements Callable<Integer> {
    @ParentCommand AuditCommand parent;

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

    @Override
    public Integer call() {
      try (Store store = parent.spil.open(false)) {
        long n = Oversight.export(store, user, out, force);
        parent.spec.commandLine().getOut().printf("exported %,d entries to %s%n", n, out);
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
}
