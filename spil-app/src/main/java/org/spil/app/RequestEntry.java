package org.spil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetArchive;
import org.spil.ingest.DatasetReader;
import org.spil.model.HandlingCode;
import org.spil.model.InvalidField;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.PropertyTypes;
import org.spil.model.types.Text;
import org.spil.policy.PolicyException;
import org.spil.policy.User;
import org.spil.store.Store;

/**
 * A request for mutual legal assistance entered by hand (a prosecutor's or liaison's own record,
 * not a system's export): its reference, direction, country, authority, treaty, dates, status and
 * subjects (names, with a date of birth where known), and the rules of the batch it becomes: a
 * legal basis, a handling code, the agencies it is shared with, a case, a retention. {@link #enter}
 * checks every field with the normalisers ingest uses, then ingests the request as a batch of one
 * of the dataset {@code AGENCY-mla} under the entering user's agency, like any delivery:
 * provenance, policy, audit, watches and the register all see it as they see the prosecution's
 * export.
 */
public record RequestEntry(
    String reference,
    String direction,
    String country,
    String authority,
    String treaty,
    String courtCase,
    String sent,
    String acknowledged,
    String deadline,
    String answered,
    String status,
    List<Subject> subjects,
    String legalBasis,
    String handlingCode,
    List<String> shareWith,
    String caseId,
    String retention) {

  /** A person a request concerns: a name as the request writes it, a date of birth when known. */
  public record Subject(String name, String birthDate) {}

  /** The most subjects one request names. */
  static final int MAX_SUBJECTS = 50;

  /** The longest text a field takes. */
  static final int MAX_TEXT = 500;

  private static final Set<String> OUT = Set.of("out", "uitgaand", "outgoing", "sent");
  private static final Set<String> IN = Set.of("in", "inkomend", "incoming", "received");

  /**
   * Enters the request as {@code user}: refused with the field and reason when a field is missing
   * or invalid, or when the user has no agency; returns the ingest's outcome (the batch, or the
   * batch an identical entry made before).
   */
  public static Ingestion.Outcome enter(Store store, String user, RequestEntry entry) {
    User who = store.accounts().directory().users().get(user);
    if (who == null) {
      throw new PolicyException("user", "no user '" + user + "'");
    }
    List<String> row = entry.row(store.today());
    var directory = store.accounts().directory();
    if (!directory.bases().isBasis(entry.legalBasis().strip())) {
      throw new InvalidField(
          "legal_basis",
          "'"
              + entry.legalBasis()
              + "' is not in the legal-bases table; one of "
              + String.join(", ", directory.bases().bases()));
    }
    if (!blank(entry.caseId())) {
      var c = directory.cases().get(entry.caseId().strip());
      if (c == null || !c.parties().contains(who.agency())) {
        throw new InvalidField(
            "case_id", "no case '" + entry.caseId() + "' that " + who.agency() + " is a party to");
      }
    }
    Path work;
    try {
      work = Files.createTempDirectory("spil-entry-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a working directory for the entry", e);
    }
    try {
      Path dir = work.resolve("dataset");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("dataset.yml"), entry.yaml(who.agency()));
      try (Writer csv =
          Files.newBufferedWriter(dir.resolve("request.csv"), StandardCharsets.UTF_8)) {
        line(csv, COLUMNS);
        List<Subject> subjects =
            entry.subjects() == null || entry.subjects().isEmpty()
                ? java.util.Collections.singletonList(null)
                : entry.subjects();
        for (Subject s : subjects) {
          List<String> r = new ArrayList<>(row);
          r.add(s == null ? "" : s.name().strip());
          r.add(s == null || blank(s.birthDate()) ? "" : s.birthDate().strip());
          line(csv, r);
        }
      }
      Dataset dataset = DatasetReader.read(dir);
      Ingestion.Outcome outcome =
          Ingestion.run(store, dataset, store.today(), new Operator(user), n -> {}, n -> {});
      if (outcome.report() != null && !outcome.report().rejects().isEmpty()) {
        // every field was checked before; a rejection here is a normaliser the checks missed
        throw new IllegalStateException(
            "the entry was stored with values refused: " + outcome.report().rejects());
      }
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the entry's dataset: " + e.getMessage(), e);
    } finally {
      DatasetArchive.removeQuietly(work);
    }
  }

  /** One CSV line, every field quoted (RFC 4180); the fields hold no control characters. */
  private static void line(Writer csv, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      csv.write(i == 0 ? "\"" : ",\"");
      csv.write(fields.get(i).replace("\"", "\"\""));
      csv.write('"');
    }
    csv.write("\r\n");
  }

  private static final List<String> COLUMNS =
      List.of(
          "reference",
          "direction",
          "country",
          "authority",
          "treaty",
          "court_case",
          "sent",
          "acknowledged",
          "deadline",
          "answered",
          "status",
          "subject",
          "subject_birth_date");

  /**
   * The request's columns (all but the subject's), each checked: required ones present, texts
   * without control characters and at most {@link #MAX_TEXT} characters, the country and the days
   * as ingest normalises them, the days in order and none after today, the batch's rules valid.
   */
  List<String> row(LocalDate today) {
    String ref = text("reference", reference, true);
    String dir = direction == null ? "out" : direction.strip().toLowerCase(Locale.ROOT);
    if (!OUT.contains(dir) && !IN.contains(dir)) {
      throw new InvalidField("direction", "'" + direction + "' is neither out nor in");
    }
    String land = text("country", country, true);
    if (PropertyTypes.get("country").normalise(land, NormaliseContext.DEFAULT)
        instanceof Normalised.Rejected r) {
      throw new InvalidField("country", r.reason());
    }
    LocalDate sentDay = day("sent", sent, true, today);
    LocalDate ack = day("acknowledged", acknowledged, false, today);
    LocalDate due = day("deadline", deadline, false, null);
    LocalDate done = day("answered", answered, false, today);
    if (ack != null && ack.isBefore(sentDay)) {
      throw new InvalidField("acknowledged", ack + " is before the request was sent, " + sentDay);
    }
    if (done != null && done.isBefore(sentDay)) {
      throw new InvalidField("answered", done + " is before the request was sent, " + sentDay);
    }
    if (due != null && due.isBefore(sentDay)) {
      throw new InvalidField("deadline", due + " is before the request was sent, " + sentDay);
    }
    if (subjects != null) {
      if (subjects.size() > MAX_SUBJECTS) {
        throw new InvalidField(
            "subjects",
            subjects.size() + " subjects; one request names " + MAX_SUBJECTS + " at most");
      }
      for (int i = 0; i < subjects.size(); i++) {
        Subject s = subjects.get(i);
        if (s == null) {
          throw new InvalidField("subjects[" + i + "]", "empty");
        }
        text("subjects[" + i + "].name", s.name(), true);
        day("subjects[" + i + "].birth_date", s.birthDate(), false, today);
      }
    }
    text("legal_basis", legalBasis, true);
    if (handlingCode != null) {
      try {
        HandlingCode.parse(handlingCode);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("handling_code", "'" + handlingCode + "' is not H0, H1, H2 or H3");
      }
    }
    if (retention != null && !retention.strip().matches("P\\d{1,3}[YMD]")) {
      throw new InvalidField("retention", "'" + retention + "' is not a period such as P20Y");
    }
    if (shareWith != null) {
      shareWith.forEach(a -> token("share_with", a));
    }
    if (caseId != null) {
      text("case_id", caseId, false);
    }
    List<String> out = new ArrayList<>();
    out.add(ref);
    out.add(IN.contains(dir) ? "in" : "out");
    out.add(land);
    out.add(text("authority", authority, false));
    out.add(text("treaty", treaty, false));
    out.add(text("court_case", courtCase, false));
    out.add(sentDay.toString());
    out.add(ack == null ? "" : ack.toString());
    out.add(due == null ? "" : due.toString());
    out.add(done == null ? "" : done.toString());
    out.add(text("status", status, false));
    return out;
  }

  /** The dataset of the entering agency's hand-entered requests, with this entry's rules. */
  String yaml(String agency) {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(agency).append("-mla\n");
    y.append("title: \"Requests for legal assistance entered by hand (")
        .append(agency)
        .append(")\"\n");
    y.append("agency: ").append(agency).append('\n');
    y.append("legal_basis: ").append(token("legal_basis", legalBasis)).append('\n');
    y.append("handling_code: ")
        .append(handlingCode == null ? "H2" : HandlingCode.parse(handlingCode).name())
        .append('\n');
    y.append("source_grade: A\ninfo_grade: 1\n");
    y.append("retention: ").append(retention == null ? "P20Y" : retention.strip()).append('\n');
    if (shareWith != null && !shareWith.isEmpty()) {
      y.append("share_with: [")
          .append(String.join(", ", shareWith.stream().map(a -> token("share_with", a)).toList()))
          .append("]\n");
    }
    if (!blank(caseId)) {
      y.append("case_id: \"").append(caseId.strip()).append("\"\n");
    }
    y.append(
        """
        queries:
          - csv_url: request.csv
            entities:
              subject:
                schema: Person
                keys: [subject, subject_birth_date]
                key_literal: subject
                properties:
                  name: {column: subject}
                  birthDate: {column: subject_birth_date}
              case:
                schema: CourtCase
                keys: [court_case]
                properties:
                  caseNumber: {column: court_case}
              request:
                schema: LegalAssistanceRequest
                keys: [reference]
                properties:
                  reference: {column: reference}
                  direction: {column: direction}
                  country: {column: country}
                  authority: {column: authority}
                  legalBasis: {column: treaty}
                  requestDate: {column: sent}
                  acknowledgedDate: {column: acknowledged}
                  deadline: {column: deadline}
                  responseDate: {column: answered}
                  status: {column: status}
                  case: {entity: case}
                  subject: {entity: subject}
        """);
    return y.toString();
  }

  private static String token(String field, String value) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new InvalidField(
          field, "'" + value + "' is not a name (lower-case letters, digits, '.', '_', '-')");
    }
    return v;
  }

  private static String text(String field, String value, boolean required) {
    if (blank(value)) {
      if (required) {
        throw new InvalidField(field, "missing");
      }
      return "";
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new InvalidField(field, v.length() + " characters; at most " + MAX_TEXT);
    }
    if (!Text.printable(v)) {
      throw new InvalidField(
          field, "holds control characters or characters that change the direction of text");
    }
    return v;
  }

  private static LocalDate day(String field, String value, boolean required, LocalDate notAfter) {
    String v = text(field, value, required);
    if (v.isEmpty()) {
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidField(field, "'" + v + "' is not a day (YYYY-MM-DD)");
    }
    if (d.getYear() < 1900) {
      throw new InvalidField(field, d + " is before 1900");
    }
    if (notAfter != null && d.isAfter(notAfter)) {
      throw new InvalidField(field, d + " is in the future");
    }
    return d;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
