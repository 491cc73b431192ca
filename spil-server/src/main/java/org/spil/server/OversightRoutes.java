package org.spil.server;

import static org.spil.server.Params.*;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.spil.app.Oversight;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.server.ApiServer.Streamed;
import org.spil.store.Store;

/**
 * The routes of oversight: the audit log queried, verified and exported, and the notices to privacy
 * officers, each for the overseers of the entries' partitions only.
 */
final class OversightRoutes {
  private final Store store;

  OversightRoutes(Store store) {
    this.store = store;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/audit",
            List.of("user", "entity", "since"),
            "Audit entries an overseer may read (a privacy officer its agency's, the court its"
                + " cases' defence, an administrator the system's).",
            Access.USER,
            c ->
                page(
                    Oversight.query(
                        store,
                        c.session().user,
                        blankToNull(c.ctx().queryParam("user")),
                        blankToNull(c.ctx().queryParam("entity")),
                        blankToNull(c.ctx().queryParam("since"))))),
        new Route(
            HandlerType.GET,
            "/api/audit/verify",
            List.of(),
            "Whether the audit log is intact: chain, day roots, MACs, head, recorded positions.",
            Access.USER,
            c -> Oversight.verify(store, c.session().user)),
        new Route(
            HandlerType.GET,
            "/api/audit/export",
            List.of(),
            "The audit log as JSON lines for verification elsewhere, entries outside the"
                + " caller's partitions as hashes (audited).",
            Access.USER,
            this::auditExport),
        new Route(
            HandlerType.GET,
            "/api/notices",
            List.of(),
            "Notices to a privacy officer: hit queries that look like enumeration, quotas, case"
                + " members changed.",
            Access.USER,
            c -> page(Oversight.notices(store, c.session().user))));
  }

  /**
   * The audit log for an overseer, streamed from an owner-only temporary copy that is removed when
   * sent; refused (and audited) for anyone else as {@code spil audit export} is.
   */
  private Object auditExport(Call call) throws IOException {
    Path copy = Files.createTempFile("spil-audit-", ".jsonl");
    try {
      Oversight.export(store, call.session().user, copy, true);
      call.ctx()
          .contentType("application/x-ndjson")
          .header("Content-Disposition", "attachment; filename=\"spil-audit.jsonl\"")
          .result(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE));
      return Streamed.INSTANCE;
    } catch (RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }
}
