package org.spil.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spil.server.Operations;
import org.spil.store.Store;

/**
 * The commands a client of a server may run through {@code POST /api/operations}, and how: on the
 * server's open store, as the user the request authenticated (an {@code --as} naming anyone else is
 * refused), never with a path on the server's disk ({@code --data}, {@code --out}, {@code --graph},
 * {@code --file}, {@code --anchors}), and printing what the same command prints on a local
 * directory. Commands that change the server itself or read its files (ingest, serve, users,
 * tokens, retention, reindex, demo) are not among them: the API has its own routes for those an
 * administrator may use.
 */
final class RemoteOperations implements Operations {

  /** The commands a client may run, each reading or changing for a user and a purpose. */
  static final Set<String> COMMANDS =
      Set.of(
          "search",
          "show",
          "stats",
          "rejects",
          "export",
          "hit",
          "request",
          "approval",
          "notices",
          "resolve",
          "clusters",
          "explain",
          "judge",
          "match",
          "review",
          "network",
          "centrality",
          "communities",
          "path",
          "keyplayers",
          "bridges",
          "flows",
          "assets",
          "chain",
          "routes",
          "targeting",
          "insiders",
          "inspect",
          "upstream",
          "downstream",
          "trends",
          "signals",
          "focus",
          "watch",
          "alerts",
          "cooperation");

  /** Options that name a file or directory of the machine the command runs on: the server's. */
  static final Set<String> LOCAL_PATHS =
      Set.of(
          "--data",
          "--out",
          "--graph",
          "--file",
          "--anchors",
          "--ports",
          "--password-file",
          "--thresholds",
          "--weights");

  /** Most characters of output a command sends back; an export beyond it is cut and says so. */
  static final int MAX_OUTPUT = 64 << 20;

  @Override
  public Result run(Store store, String user, List<String> args) {
    List<String> checked = check(user, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Spil.run(checked.toArray(String[]::new), out, err, store);
    String printed = out.toString();
    if (printed.length() > MAX_OUTPUT) {
      printed = printed.substring(0, MAX_OUTPUT);
      err.write("spil: the output was cut at " + (MAX_OUTPUT >> 20) + " MB; export locally\n");
    }
    return new Result(exit, printed, err.toString());
  }

  /** The arguments as the server runs them: the command allowed, {@code --as} the caller. */
  static List<String> check(String user, List<String> args) {
    String command = args.isEmpty() ? null : args.get(0);
    if (command == null || !COMMANDS.contains(command)) {
      throw new IllegalArgumentException(
          "'"
              + command
              + "' cannot run through a server; these can: "
              + String.join(", ", COMMANDS.stream().sorted().toList()));
    }
    List<String> out = new ArrayList<>();
    boolean named = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (LOCAL_PATHS.contains(option)) {
        throw new IllegalArgumentException(
            option + " names a path on the server's machine; a client cannot use it");
      }
      if (option.equals("--as")) {
        String who = a.contains("=") ? a.substring(a.indexOf('=') + 1) : argAfter(args, i++);
        if (!who.equals(user)) {
          throw new IllegalArgumentException(
              "--as " + who + ": the server runs commands only as the user logged in, " + user);
        }
        named = true;
        out.add("--as=" + user);
        continue;
      }
      out.add(a);
    }
    if (!named) {
      out.add("--as=" + user);
    }
    return out;
  }

  private static String argAfter(List<String> args, int i) {
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException("--as needs a user");
    }
    return args.get(i + 1);
  }
}
