package org.spil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The Python side of the benchmarks' peers: the interpreter that has a peer's module (Debian's
 * {@code /usr/bin/python3} first, where apt installs NetworkX, igraph and graph-tool), and the peer
 * scripts shipped as resources of this package, copied out to run.
 */
final class PythonPeers {
  private PythonPeers() {}

  /** The first interpreter that imports {@code module}, or null when none does. */
  static String interpreter(String module) throws InterruptedException {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import " + module).start();
        if (p.waitFor() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // the next interpreter
      }
    }
    return null;
  }

  /** A peer script of this package copied to a temporary file, for the caller to delete. */
  static Path script(String resource) throws IOException {
    Path script = Files.createTempFile("spil-peer", ".py");
    try (InputStream in = PythonPeers.class.getResourceAsStream(resource)) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }
}
