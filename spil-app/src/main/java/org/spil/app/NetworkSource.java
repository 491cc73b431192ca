package org.spil.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.network.Network;
import org.spil.analysis.network.NetworkBuilder;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * Where the network commands get their network: a CSV file ({@code --graph}, a real network such as
 * CAVIAR) or the warehouse, projected for a viewer and purpose. The projection reads only what the
 * viewer may see (every relationship schema, the entities at their ends, and phones, emails and
 * addresses as shared pivots), merges entities the viewer's last {@code spil resolve} put in one
 * cluster, and flags nodes: "underworld" for suspects (a position or role such as "verdachte" or
 * "suspect", a party to a court case) and accounts on criminal phone services; "upperworld" for
 * registered companies and organisations and for professionals (notaries, lawyers, accountants,
 * estate agents) that are not themselves suspects.
 */
public final class NetworkSource {
  public static final Set<String> NODE_SCHEMATA =
      Set.of(
          "Person",
          "Company",
          "Organization",
          "LegalEntity",
          "UserAccount",
          "BankAccount",
          "CourtCase",
          "Vessel",
          "Vehicle",
          "CryptoWallet");
  private static final Map<String, String> ACCOUNT_FALLBACK =
      Map.of(
          "payer", "payerAccount",
          "beneficiary", "beneficiaryAccount",
          "sender", "senderAccount",
          "recipients", "recipientAccount");
  private static final Set<String> SUSPECT =
      Set.of("verdachte", "suspect", "verdacht", "prévenu", "inculpé", "verdächtiger", "accused");
  private static final Set<String> CRIMINAL_SERVICES =
      Set.of("encrochat", "sky ecc", "skyecc", "anom", "ghost", "exclu");
  private static final Set<String> PROFESSIONS =
      Set.of(
          "notaris",
          "notary",
          "advocaat",
          "lawyer",
          "accountant",
          "makelaar",
          "estate agent",
          "belastingadviseur",
          "tax adviser");

  private NetworkSource() {}

  /**
   * The network a viewer may see, with only the link types named ({@code Message}, {@code
   * Ownership}, {@code shared phone}; null for every type).
   */
  public static Network read(Store store, Viewer viewer, Set<String> types) {
    Map<String, String> canonical = new HashMap<>();
    store
        .resolutions()
        .clusters(viewer)
        .forEach((id, members) -> members.forEach(m -> canonical.put(m, id)));
    NetworkBuilder b = new NetworkBuilder(canonical);
    Set<String> edgeSchemata = new TreeSet<>();
    for (Schema s : Schemata.model().all()) {
      if (s.isEdge() && !s.isAbstract()) {
        edgeSchemata.add(s.name());
      }
    }
    Set<String> suspects = new HashSet<>();
    Set<String> upper = new HashSet<>();
    Set<String> all = new HashSet<>(NODE_SCHEMATA);
    all.addAll(edgeSchemata);
    store
        .entities()
        .forEachEntity(
            viewer,
            all,
            (id, schemaName, source, props) -> {
              Schema schema = Schemata.model().get(schemaName);
              String dataset = source == null ? null : source.dataset();
              if (schema.isEdge()) {
                edge(b, schema, props, dataset, suspects);
                return;
              }
              b.entity(id, schemaName, caption(props));
              for (String p : List.of("phone", "email")) {
                for (String v : props.getOrDefault(p, List.of())) {
                  b.pivot(p + ":" + Text.compact(v).toLowerCase(Locale.ROOT), id);
                }
              }
              for (String v : props.getOrDefault("addressEntity", List.of())) {
                b.pivot("address:" + v, id);
              }
              for (String v : props.getOrDefault("address", List.of())) {
                b.pivot("address:" + Text.compact(v).toLowerCase(Locale.ROOT), id);
              }
              if (anyIn(props, List.of("position", "role"), SUSPECT)) {
                suspects.add(id);
              }
              if (anyIn(props, List.of("service"), CRIMINAL_SERVICES)) {
                suspects.add(id);
              }
              boolean registered =
                  (schemaName.equals("Company") || schemaName.equals("Organization"))
                      && props.containsKey("registrationNumber");
              if (registered || anyIn(props, List.of("position"), PROFESSIONS)) {
                upper.add(id);
              }
            });
    suspects.forEach(id -> b.flag(id, "underworld"));
    upper.stream().filter(id -> !suspects.contains(id)).forEach(id -> b.flag(id, "upperworld"));
    return b.build(types);
  }

  private static void edge(
      NetworkBuilder b,
      Schema schema,
      Map<String, List<String>> props,
      String dataset,
      Set<String> suspects) {
    List<String> from = ends(props, schema.edgeSource());
    List<String> to = ends(props, schema.edgeTarget());
    String date = first(props, "date", first(props, "startDate", null));
    Double amount = null;
    String a = first(props, "amount", null);
    if (a != null) {
      try {
        amount = Double.parseDouble(a);
      } catch (NumberFormatException e) {
        amount = null;
      }
    }
    String currency = first(props, "currency", null);
    for (String u : from) {
      for (String v : to) {
        b.link(schema.name(), u, v, date, amount, currency, dataset);
      }
    }
    if (schema.name().equals("CourtCaseParty")) {
      suspects.addAll(from);
    }
  }

  private static List<String> ends(Map<String, List<String>> props, String prop) {
    List<String> v = props.get(prop);
    if ((v == null || v.isEmpty()) && ACCOUNT_FALLBACK.containsKey(prop)) {
      v = props.get(ACCOUNT_FALLBACK.get(prop));
    }
    return v == null ? List.of() : v;
  }

  private static String caption(Map<String, List<String>> props) {
    for (String p : List.of("name", "username", "iban", "title", "registrationNumber")) {
      String v = first(props, p, null);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String first(Map<String, List<String>> props, String prop, String otherwise) {
    List<String> v = props.get(prop);
    return v == null || v.isEmpty() ? otherwise : v.get(0);
  }

  private static boolean anyIn(
      Map<String, List<String>> props, List<String> keys, Set<String> words) {
    for (String k : keys) {
      for (String v : props.getOrDefault(k, List.of())) {
        String lower = v.toLowerCase(Locale.ROOT).strip();
        for (String w : words) {
          if (lower.equals(w) || lower.startsWith(w + " ") || lower.contains(" " + w)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
