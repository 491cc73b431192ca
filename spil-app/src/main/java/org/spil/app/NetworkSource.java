package org.spil.app;

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
 * viewer may see (the relationships of every schema, aggregated per pair of ends in the warehouse;
 * the entities at their ends, and phones, emails and addresses as shared pivots; of each entity
 * only the values it uses), merges entities the viewer's last {@code spil resolve} put in one
 * cluster, and flags nodes: "underworld" for {@link Suspects} and accounts on criminal phone
 * services; "upperworld" for registered companies and organisations and for professionals
 * (notaries, lawyers, accountants, estate agents) that are not themselves suspects.
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

  /**
   * A relationship's end where it names no entity: the account property of a payment's or message's
   * party.
   */
  public static final Map<String, String> ACCOUNT_FALLBACK =
      Map.of(
          "payer", "payerAccount",
          "beneficiary", "beneficiaryAccount",
          "sender", "senderAccount",
          "recipients", "recipientAccount");

  /**
   * The properties of nodes the projection reads: the id (every entity that states it is a node),
   * the captions, the pivots and the words that flag a node.
   */
  public static final Set<String> NODE_PROPERTIES =
      Set.of(
          "id",
          "name",
          "username",
          "iban",
          "title",
          "registrationNumber",
          "phone",
          "email",
          "address",
          "addressEntity",
          "position",
          "role",
          "service");

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
   * The network a viewer may see, drawn from the links the filter keeps: their types and the period
   * their dates fall in.
   */
  public static Network read(Store store, Viewer viewer, LinkFilter filter) {
    Set<String> types = filter.types();
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    NetworkBuilder b = new NetworkBuilder(canonical);
    Set<String> edgeSchemata = new TreeSet<>();
    for (Schema s : Schemata.model().all()) {
      if (s.isEdge() && !s.isAbstract()) {
        edgeSchemata.add(s.name());
      }
    }
    Set<String> suspects = new HashSet<>();
    Set<String> upper = new HashSet<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            NODE_SCHEMATA,
            NODE_PROPERTIES,
            (id, schemaName, source, props) -> {
              b.entity(id, schemaName, caption(props));
              for (String p : PIVOTS) {
                for (String v : props.getOrDefault(p, List.of())) {
                  b.pivot(pivot(p, v), id);
                }
              }
              if (Suspects.named(props) || anyIn(props, List.of("service"), CRIMINAL_SERVICES)) {
                suspects.add(id);
              }
              boolean registered =
                  (schemaName.equals("Company") || schemaName.equals("Organization"))
                      && props.containsKey("registrationNumber");
              if (registered || anyIn(props, List.of("position"), PROFESSIONS)) {
                upper.add(id);
              }
            });
    // relationship statements come aggregated per pair of ends
    for (String e : edgeSchemata) {
      Schema schema = Schemata.model().get(e);
      store
          .links()
          .of(
              viewer,
              e,
              ACCOUNT_FALLBACK.get(schema.edgeSource()),
              ACCOUNT_FALLBACK.get(schema.edgeTarget()),
              filter.since(),
              filter.until(),
              link -> {
                b.link(
                    e,
                    link.source(),
                    link.target(),
                    link.count(),
                    link.amount(),
                    link.currency(),
                    link.first(),
                    link.last(),
                    link.datasets());
                if (e.equals("CourtCaseParty")) {
                  suspects.add(link.source());
                }
              });
    }
    suspects.forEach(id -> b.flag(id, "underworld"));
    upper.stream().filter(id -> !suspects.contains(id)).forEach(id -> b.flag(id, "upperworld"));
    return b.build(types);
  }

  /** The properties whose values tie the entities that share them. */
  public static final List<String> PIVOTS = List.of("phone", "email", "addressEntity", "address");

  /**
   * The pivot a value of a pivot property makes, such as "phone:+31612345678": phones, e-mail
   * addresses and written addresses compacted and in lower case, an address entity by its id.
   */
  public static String pivot(String prop, String value) {
    return switch (prop) {
      case "addressEntity" -> "address:" + value;
      case "address" -> "address:" + Text.compact(value).toLowerCase(Locale.ROOT);
      default -> prop + ":" + Text.compact(value).toLowerCase(Locale.ROOT);
    };
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
        if (Suspects.names(v, words)) {
          return true;
        }
      }
    }
    return false;
  }
}
