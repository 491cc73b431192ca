package org.spil.cli;

import org.spil.policy.Viewer;
import org.spil.store.Store;
import picocli.CommandLine.Option;

/**
 * The {@code --as USER --purpose P} options every read command requires: who reads and why. The
 * store checks both (a known user; a legal task or a case the user is a member of) and audits the
 * read or the refusal.
 */
public final class ViewerOption {
  @Option(
      names = "--as",
      required = true,
      paramLabel = "USER",
      description = "The user reading (spil users list shows them).")
  String user;

  @Option(
      names = "--purpose",
      required = true,
      paramLabel = "PURPOSE",
      description =
          "Why: a case id you are a member of, or a legal task (wpg-art-8, wpg-art-9, wpg-art-10,"
              + " wpg-art-13, wjsg, adw, open-source, strategic), as the legal-bases table lets"
              + " your agency claim it.")
  String purpose;

  public Viewer viewer(Store store) {
    return store.viewer(user, purpose);
  }
}
