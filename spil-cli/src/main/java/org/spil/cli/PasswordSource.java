package org.spil.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spil.policy.PolicyException;

/**
 * Where a command takes a password from, in this order: {@code $SPIL_PASSWORD}, the first line of a
 * file ({@code --password-file}), or a prompt on the terminal; never an argument, which other users
 * of the machine could read in the process list.
 */
final class PasswordSource {
  /** Longest password read from a file. */
  static final int MAX_CHARS = 1024;

  private PasswordSource() {}

  /** A prompt that reads a password from the console (asked once or twice by the command). */
  interface Prompt {
    char[] ask(Console console);
  }

  /** The password from the environment, the file (null: none) or the prompt. */
  static char[] read(Path file, Prompt prompt) throws IOException {
    String env = System.getenv("SPIL_PASSWORD");
    if (env != null && !env.isEmpty()) {
      return env.toCharArray();
    }
    if (file != null) {
      String first;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        char[] head = new char[MAX_CHARS + 1];
        int n = Math.max(0, in.read(head));
        first = new String(head, 0, n).lines().findFirst().orElse("");
      }
      if (first.isEmpty()) {
        throw new PolicyException(file + ": empty; the first line is the password");
      }
      if (first.length() > MAX_CHARS) {
        throw new PolicyException(
            file + ": the first line is longer than " + MAX_CHARS + " characters");
      }
      return first.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new PolicyException(
          "no password: set SPIL_PASSWORD, use --password-file, or run on a terminal");
    }
    return prompt.ask(console);
  }
}
