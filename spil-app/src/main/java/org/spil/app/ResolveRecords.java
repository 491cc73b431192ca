package org.spil.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;

/**
 * Reads the persons, companies and account holders a viewer may see as {@link ResolveRecord}s: the
 * name (or first and last name), date of birth, identifiers (email, phone, document and
 * registration numbers), nationality or country, and the postal address (the {@code address} text,
 * else the linked Address entity's). Only visible statements are used, so resolutions and
 * explanations never contain an invisible value.
 */
public final class ResolveRecords {
  public static final Set<String> SCHEMATA =
      Set.of("Person", "Company", "Organization", "LegalEntity");
  private static final Map<String, String> IDS =
      Map.of(
          "email",
          "email",
          "phone",
          "phone",
          "idNumber",
          "doc",
          "passportNumber",
          "doc",
          "registrationNumber",
          "reg",
          "taxNumber",
          "tax");

  /** The kinds of identifier that are numbers (document, registration, tax, account). */
  public static final List<String> NUMBER_KINDS = List.of("doc", "reg", "tax", "iban", "phone");

  private ResolveRecords() {}

  /**
   * The records, with the IBANs of the bank accounts they hold added as identifiers: account
   * holders written differently by different banks meet through their account. A holder is a
   * visible BankAccount's {@code holder}, or the owner of a visible FtM {@code Ownership} of the
   * account (as Spil's FtM exports write it), so that re-ingested exports resolve as the originals.
   */
  public static Map<String, ResolveRecord> read(Store store, Viewer viewer) {
    Map<String, Set<String>> ibansOfAccount = new LinkedHashMap<>();
    Map<String, Set<String>> accountsOf = new LinkedHashMap<>();
    Map<String, String> addresses = new HashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("BankAccount", "Ownership", "Address"),
            (id, schema, source, props) -> {
              if (schema.equals("Address")) {
                String line = addressLine(props);
                if (line != null) {
                  addresses.put(id, line);
                }
                return;
              }
              if (schema.equals("Ownership")) {
                for (String owner : props.getOrDefault("owner", List.of())) {
                  for (String asset : props.getOrDefault("asset", List.of())) {
                    accountsOf.computeIfAbsent(owner, k -> new TreeSet<>()).add(asset);
                  }
                }
                return;
              }
              for (String iban : props.getOrDefault("iban", List.of())) {
                ibansOfAccount
                    .computeIfAbsent(id, k -> new TreeSet<>())
                    .add("iban:" + Text.compact(iban));
              }
              for (String holder : props.getOrDefault("holder", List.of())) {
                accountsOf.computeIfAbsent(holder, k -> new TreeSet<>()).add(id);
              }
            });
    Map<String, Set<String>> ibans = new LinkedHashMap<>();
    accountsOf.forEach(
        (holder, accounts) -> {
          for (String account : accounts) {
            Set<String> of = ibansOfAccount.get(account);
            if (of != null) {
              ibans.computeIfAbsent(holder, k -> new TreeSet<>()).addAll(of);
            }
          }
        });
    Map<String, ResolveRecord> out = new LinkedHashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            SCHEMATA,
            (id, schema, source, props) -> {
              String dataset = source == null ? null : source.dataset();
              ResolveRecord r = record(id, schema, dataset, props);
              Set<String> extra = ibans.get(id);
              String address = r.address();
              if (address == null) {
                for (String ref : props.getOrDefault("addressEntity", List.of())) {
                  address = addresses.get(ref);
                  if (address != null) {
                    break;
                  }
                }
              }
              if (extra != null || address != null) {
                Set<String> all = new TreeSet<>(r.identifiers());
                if (extra != null) {
                  all.addAll(extra);
                }
                r =
                    new ResolveRecord(
                        r.id(),
                        r.kind(),
                        r.name(),
                        r.dob(),
                        all,
                        r.countries(),
                        r.city(),
                        dataset,
                        address);
              }
              out.put(id, r);
            });
    return out;
  }

  public static ResolveRecord record(
      String id, String schema, String dataset, Map<String, List<String>> props) {
    String name = first(props, "name");
    if (name == null) {
      String f = first(props, "firstName");
      String l = first(props, "lastName");
      name =
          f == null && l == null
              ? null
              : ((f == null ? "" : f) + " " + (l == null ? "" : l)).strip();
    }
    Set<String> ids = new TreeSet<>();
    for (Map.Entry<String, String> e : IDS.entrySet()) {
      for (String v : props.getOrDefault(e.getKey(), List.of())) {
        String c = e.getValue().equals("email") ? v.strip().toLowerCase() : Text.compact(v);
        if (c.length() >= 5) {
          ids.add(e.getValue() + ":" + c);
        }
      }
    }
    Set<String> countries = new TreeSet<>();
    for (String p : List.of("nationality", "country", "citizenship")) {
      countries.addAll(props.getOrDefault(p, List.of()));
    }
    ResolveRecord.Kind kind =
        switch (schema) {
          case "Person" -> ResolveRecord.Kind.PERSON;
          case "Company", "Organization" -> ResolveRecord.Kind.COMPANY;
          default -> ResolveRecord.Kind.EITHER;
        };
    String dob = first(props, "birthDate");
    return new ResolveRecord(
        id, kind, name, dob, ids, countries, null, dataset, first(props, "address"));
  }

  /**
   * An FtM Address entity as one line: its {@code full} text, else its street, postal code and city
   * joined; null when it has neither street nor postal code.
   */
  private static String addressLine(Map<String, List<String>> props) {
    String full = first(props, "full");
    if (full != null) {
      return full;
    }
    String street = first(props, "street");
    String postcode = first(props, "postalCode");
    String city = first(props, "city");
    if (street == null && postcode == null) {
      return null;
    }
    StringBuilder line = new StringBuilder(street == null ? "" : street);
    String place = ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).strip();
    if (!place.isEmpty()) {
      line.append(line.length() > 0 ? ", " : "").append(place);
    }
    return line.toString();
  }

  private static String first(Map<String, List<String>> props, String prop) {
    List<String> v = props.get(prop);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public static List<ResolveRecord> list(Map<String, ResolveRecord> byId) {
    return new ArrayList<>(byId.values());
  }
}
