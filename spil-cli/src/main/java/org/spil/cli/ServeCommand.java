package org.spil.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.spil.server.ApiServer;
import org.spil.store.Serving;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil serve}: the HTTP API over a data directory, which the server then holds alone. Binds
 * to the loopback address unless told otherwise; stops on Ctrl-C or SIGTERM after the requests
 * running, with the audit log's head written and no batch half-written.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API over the data directory (the server holds it alone while it runs).",
      "Stops on Ctrl-C or SIGTERM."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "PEM certificate (with its chain) to serve HTTPS with; needs --tls-key.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "PEM private key (PKCS#8, BEGIN PRIVATE KEY) of the certificate.")
  Path tlsKey;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (!loopback(bind) && tlsCert == null) {
      throw new IllegalArgumentException(
          "--bind: "
              + bind
              + " is reachable from other machines; serve it over HTTPS (--tls-cert, --tls-key)"
              + " or put a TLS proxy in front of 127.0.0.1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port: from 0 to 65535, not " + port);
    }
    serve(spil.open(true), spil.dataDir(), bind, port, tlsCert, tlsKey, out, url -> {});
    return 0;
  }

  /**
   * Serves an open store until the process is stopped: marks the directory, says where it listens,
   * lets the caller add what to say, and on Ctrl-C or SIGTERM stops the server, closes the store
   * (the audit head is written with every append) and removes the mark.
   */
  static void serve(
      Store store,
      Path dir,
      String bind,
      int port,
      Path tlsCert,
      Path tlsKey,
      PrintWriter out,
      Consumer<String> announce)
      throws InterruptedException {
    ApiServer server;
    try {
      server = ApiServer.start(store, bind, port, new RemoteOperations(), tlsCert, tlsKey);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    String url = (tlsCert == null ? "http://" : "https://") + bind + ":" + server.port();
    Serving.mark(dir, url);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  store.close();
                  Serving.unmark(dir);
                  stopped.countDown();
                }));
    out.printf("Spil serves %s at %s (Ctrl-C stops it)%n", dir.toAbsolutePath(), url);
    announce.accept(url);
    out.flush();
    stopped.await();
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address '" + address + "'");
    }
  }
}
