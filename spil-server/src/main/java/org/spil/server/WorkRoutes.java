package org.spil.server;

import static org.spil.server.Params.*;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spil.app.Ingestion;
import org.spil.ingest.DatasetArchive;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of long work and of the command line: a dataset uploaded as a zip and ingested in a
 * job, the caller's jobs with progress and cancel, and the command line's operations run for a
 * logged-in client.
 */
final class WorkRoutes {
  private final Store store;
  private final StoreAccess access;
  private final Jobs jobs;
  private final Operations operations;

  WorkRoutes(Store store, StoreAccess access, Jobs jobs, Operations operations) {
    this.store = store;
    this.access = access;
    this.jobs = jobs;
    this.operations = operations;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.POST,
            "/api/uploads",
            List.of(),
            "Upload a dataset as a zip (Content-Type: application/zip, at most "
                + (MAX_UPLOAD >> 20)
                + " MB): checked, then ingested as one atomic batch in a job; dataset.yml must name"
                + " the uploader's agency. 202 with the job.",
            Access.USER,
            this::upload),
        new Route(
            HandlerType.GET,
            "/api/jobs/{id}",
            List.of(),
            "A job of the caller's: state (queued, running, done, failed, cancelled), progress,"
                + " result or error.",
            Access.USER,
            c -> job(c).view(),
            StoreAccess.Lock.NONE),
        new Route(
            HandlerType.DELETE,
            "/api/jobs/{id}",
            List.of(),
            "Cancel a job of the caller's; a cancelled ingest writes nothing.",
            Access.USER,
            c -> {
              job(c).cancel.set(true);
              return job(c).view();
            },
            StoreAccess.Lock.NONE),
        new Route(
            HandlerType.POST,
            "/api/operations",
            List.of(),
            "Run a command of the command line as the caller: {\"args\": [\"search\", \"Jan\","
                + " \"--purpose\", \"wpg-art-9\"]} -> {\"exit\", \"out\", \"err\"}, as"
                + " spil prints it.",
            Access.USER,
            this::operation));
  }

  /** Largest upload: a dataset's zip. */
  static final long MAX_UPLOAD = 512L << 20;

  private Jobs.Job job(Call call) {
    Jobs.Job j = jobs.of(call.session().user, call.ctx().pathParam("id"));
    if (j == null) {
      throw new ApiError(404, "no such job", null);
    }
    return j;
  }

  private Object upload(Call call) throws IOException {
    String type = call.ctx().contentType();
    if (type == null || !type.startsWith("application/zip")) {
      throw new ApiError(400, "send the dataset as a zip with Content-Type: application/zip", null);
    }
    // an owner-only directory of its own, removed when the job ends
    Path dir = Files.createTempDirectory("spil-upload-");
    Path zip = dir.resolve("upload.zip");
    try {
      DatasetArchive.copyBounded(call.ctx().req().getInputStream(), zip, MAX_UPLOAD);
    } catch (RuntimeException | IOException e) {
      DatasetArchive.removeQuietly(dir);
      throw e;
    }
    String user = call.session().user;
    Path work = dir.resolve("dataset");
    Jobs.Job job =
        jobs.submit(
            user,
            "upload",
            j -> {
              try {
                return access.write(
                    () ->
                        Ingestion.upload(
                                store, user, zip, work, n -> j.progress(n, "rows"), j::cancelled)
                            .summary());
              } finally {
                DatasetArchive.removeQuietly(dir);
              }
            });
    call.ctx().status(202);
    return job.view();
  }

  private Object operation(Call call) {
    if (operations == null) {
      throw new ApiError(404, "this server runs no command-line operations", null);
    }
    List<String> args = texts(body(call.ctx()), "args");
    if (args.isEmpty()) {
      throw new ApiError(400, "give \"args\": the command and its arguments", "args");
    }
    return operations.run(store, call.session().user, args);
  }
}
