package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Exchange;
import org.spil.store.HitNoHit;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil hit}: hit/no-hit between agencies. Tells which other agencies hold records matching a
 * name (with date of birth), IBAN, phone or identifier that the reader may not see: agency, contact
 * point, opaque reference and strength; never a value. The match runs on keyed encodings only. A
 * reference can be turned into an access request.
 */
@Command(
    name = "hit",
    mixinStandardHelpOptions = true,
    description = {
      "Hit/no-hit: which other agencies hold matching records you may not see (never their values).",
      "Give --name (optionally --dob), --iban, --phone or --id."
    })
final class HitCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "A person's or company's name, any script.")
  String name;

  @Option(
      names = "--dob",
      paramLabel = "DATE",
      description = "Date of birth (YYYY-MM-DD or DD-MM-YYYY), with --name.")
  String dob;

  @Option(names = "--iban", paramLabel = "IBAN")
  String iban;

  @Option(
      names = "--phone",
      paramLabel = "PHONE",
      description = "Phone number (national numbers as Dutch).")
  String phone;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "Passport, registration, document number or email.")
  String id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    HitNoHit.Query q = new HitNoHit.Query(name, dob, iban, phone, id);
    PrintWriter out = spec.commandLine().getOut();
    List<HitNoHit.Hit> hits;
    try (Store store = spil.open(false)) {
      hits = new Exchange(store).hit(viewer.viewer(store), q);
    }
    if (json) {
      Output.json(out, hits);
      return 0;
    }
    if (hits.isEmpty()) {
      out.println("no hit: no other agency holds a matching record you may not already see");
    } else {
      for (HitNoHit.Hit h : hits) {
        out.printf(
            "hit  %-11s %-7s %.2f  %s  (on %s)  ask: %s%n",
            h.agency(),
            h.strength().label(),
            h.score(),
            h.reference(),
            String.join("+", h.matchedOn()),
            h.contact());
      }
      out.println(
          "request access: spil request create REFERENCE --as USER --purpose P --reason TEXT");
    }
    out.flush();
    return 0;
  }
}
