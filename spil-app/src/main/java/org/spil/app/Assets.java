package org.spil.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.spil.policy.Viewer;
import org.spil.store.AccountStatements;
import org.spil.store.EntityRecord;
import org.spil.store.Relations;
import org.spil.store.Store;
import org.spil.store.ValueRecord;

/**
 * What a subject controls, for confiscation: the bank accounts and crypto wallets it holds, the
 * companies it owns shares of or directs, the vehicles, vessels and real estate registered to it,
 * and the same of the companies it controls and of its family (nominees), each with its value where
 * a source gives one and the chain of links that ties it to the subject, every link with the
 * datasets it comes from. Read as the viewer may see it: a link the viewer may not see breaks the
 * chain, and what lies behind it is not listed.
 */
public final class Assets {
  /** How many links a chain may have: the subject's family's company's account is three. */
  public static final int MAX_DEPTH = 4;

  /** How many people and companies one overview visits at most. */
  static final int MAX_CONTROLLERS = 200;

  private final Store store;
  private final Searching searching;

  public Assets(Store store) {
    this.store = store;
    this.searching = new Searching(store);
  }

  /**
   * A link of a chain: who, how (the relation and its detail), to what, according to which sources.
   */
  public record Link(
      String from,
      String fromCaption,
      String relation,
      String detail,
      String to,
      String toCaption,
      List<String> datasets) {}

  /** An asset: its entity, kind, value where known, and the chain from the subject to it. */
  public record Asset(
      String id, String schema, String caption, String kind, String value, List<Link> chain) {}

  /** A subject's overview: the assets by kind, and the people and companies it went through. */
  public record Overview(
      String subject, String caption, int depth, List<Asset> assets, int controllers) {}

  /**
   * The overview of {@code subject} through at most {@code depth} links (1 to {@link #MAX_DEPTH}).
   *
   * @throws IllegalArgumentException when the viewer may see no such subject
   */
  public Overview of(Viewer viewer, String subject, int depth) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth: 1 to " + MAX_DEPTH + ", not " + depth);
    }
    Optional<EntityRecord> root = searching.show(viewer, subject);
    if (root.isEmpty()) {
      throw new IllegalArgumentException("no entity '" + subject + "' you may see");
    }
    // the team's resolved entities: a person or company is visited once, as all its records
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    Map<String, Asset> assets = new LinkedHashMap<>();
    Set<String> visited = new LinkedHashSet<>();
    Deque<Object[]> queue = new ArrayDeque<>();
    String start = canonical.getOrDefault(subject, subject);
    queue.add(new Object[] {start, root.get().caption(), List.<Link>of()});
    visited.add(start);
    while (!queue.isEmpty() && visited.size() <= MAX_CONTROLLERS) {
      Object[] next = queue.poll();
      String who = (String) next[0];
      String whoCaption = (String) next[1];
      @SuppressWarnings("unchecked")
      List<Link> chain = (List<Link>) next[2];
      for (Relations.Relation r : searching.relations(viewer, who).results()) {
        Step step = step(r);
        if (step == null) {
          continue;
        }
        for (Relations.Party other : r.parties()) {
          if (!other.role().equals(step.otherRole())) {
            continue;
          }
          String toId = step.assetIsRelation() ? r.id() : other.id();
          String toCaption = step.assetIsRelation() ? r.caption() : other.caption();
          String toSchema = step.assetIsRelation() ? r.schema() : other.schema();
          List<Link> longer = new ArrayList<>(chain);
          longer.add(
              new Link(
                  who,
                  whoCaption,
                  step.relation(),
                  detail(r),
                  toId,
                  toCaption,
                  datasets(viewer, r.id())));
          String kind = kindOf(step, toSchema);
          boolean company = ORGANIZATIONS.contains(toSchema);
          if (kind != null && !visited.contains(canonical.getOrDefault(toId, toId))) {
            assets.putIfAbsent(
                toId,
                new Asset(
                    toId, toSchema, toCaption, kind, value(viewer, toId, r), List.copyOf(longer)));
          }
          String goOn = canonical.getOrDefault(toId, toId);
          // go on from companies and people, not from a house or a car
          boolean goesOn = step.kind() == null || company;
          if (step.controls() && goesOn && longer.size() < depth && visited.add(goOn)) {
            queue.add(new Object[] {goOn, toCaption, List.copyOf(longer)});
          }
        }
        if (step.assetIsRelation() && step.kind() != null && !assets.containsKey(r.id())) {
          List<Link> longer = new ArrayList<>(chain);
          longer.add(
              new Link(
                  who,
                  whoCaption,
                  step.relation(),
                  Objects.equals(detail(r), r.caption()) ? null : detail(r),
                  r.id(),
                  r.caption(),
                  datasets(viewer, r.id())));
          assets.put(
              r.id(),
              new Asset(
                  r.id(),
                  r.schema(),
                  r.caption(),
                  step.kind(),
                  value(viewer, r.id(), r),
                  List.copyOf(longer)));
        }
      }
    }
    List<Asset> sorted = withBalances(viewer, new ArrayList<>(assets.values()));
    sorted.sort(Comparator.comparing(Asset::kind).thenComparingInt(a -> a.chain().size()));
    return new Overview(subject, root.get().caption(), depth, sorted, visited.size());
  }

  /**
   * The assets with each bank account's value the closing balance of its latest statement the
   * viewer may see (a balance a holder's register gives stays where there is no statement).
   */
  private List<Asset> withBalances(Viewer viewer, List<Asset> assets) {
    List<String> accounts =
        assets.stream().filter(a -> a.schema().equals("BankAccount")).map(Asset::id).toList();
    if (accounts.isEmpty()) {
      return assets;
    }
    Map<String, AccountStatements.Balance> balances =
        store.accountStatements().latest(viewer, accounts);
    assets.replaceAll(
        a -> {
          AccountStatements.Balance b = balances.get(a.id());
          if (b == null) {
            return a;
          }
          String value =
              money(b.currency() == null ? "" : b.currency(), Double.toString(b.amount()))
                  + " on "
                  + (b.date() == null ? "?" : b.date());
          return new Asset(a.id(), a.schema(), a.caption(), a.kind(), value, a.chain());
        });
    return assets;
  }

  /**
   * How a relation leads on: the relation in words, the role of the party it leads to, whether the
   * relation entity is itself the asset (an account, a wallet, a vehicle), the kind of asset it
   * ends at (null: none, only a person to go on from), and whether to go on from there.
   */
  private record Step(
      String relation, String otherRole, boolean assetIsRelation, String kind, boolean controls) {}

  private static Step step(Relations.Relation r) {
    String schema = r.schema();
    String role = r.role();
    return switch (schema) {
      case "BankAccount" ->
          role.equals("holder") ? new Step("holds", "-", true, "bank account", false) : null;
      case "CryptoWallet" ->
          role.equals("holder") ? new Step("holds", "-", true, "crypto wallet", false) : null;
      case "Vehicle", "Vessel", "Airplane" ->
          role.equals("owner") || role.equals("operator")
              ? new Step(
                  role.equals("owner") ? "owns" : "operates", "-", true, kindOf(schema), false)
              : null;
      case "Ownership" ->
          role.equals("owner") ? new Step("owns", "asset", false, "company shares", true) : null;
      case "Directorship" ->
          role.equals("director")
              ? new Step("directs", "organization", false, "company directed", true)
              : null;
      case "Family" ->
          role.equals("person") || role.equals("relative")
              ? new Step(
                  "family of", role.equals("person") ? "relative" : "person", false, null, true)
              : null;
      case "Associate" ->
          familyTie(r)
              ? new Step(
                  "family of", role.equals("person") ? "associate" : "person", false, null, true)
              : null;
      default -> null;
    };
  }

  /** Whether an association is a family tie (the police write "familie", others "family"). */
  private static boolean familyTie(Relations.Relation r) {
    for (String v : r.properties().getOrDefault("relationship", List.of())) {
      String w = v.toLowerCase(Locale.ROOT);
      if (w.contains("famil")
          || w.contains("broer")
          || w.contains("zus")
          || w.contains("vader")
          || w.contains("moeder")
          || w.contains("partner")
          || w.contains("echtgeno")) {
        return true;
      }
    }
    return false;
  }

  /** The schemata of companies and other organisations: what shares and directorships are of. */
  private static final Set<String> ORGANIZATIONS =
      Set.of("Company", "Organization", "LegalEntity", "PublicBody");

  /** What a share or a registration makes of the entity it is of. */
  private static String kindOf(Step step, String schema) {
    if (step.kind() == null || step.assetIsRelation() || ORGANIZATIONS.contains(schema)) {
      return step.kind();
    }
    return switch (schema) {
      case "RealEstate" -> "real estate";
      case "Vehicle", "Vessel", "Airplane" -> kindOf(schema);
      default -> "other asset";
    };
  }

  private static String kindOf(String schema) {
    return switch (schema) {
      case "Vessel" -> "vessel";
      case "Airplane" -> "aircraft";
      default -> "vehicle";
    };
  }

  /** The detail of a link: a share, a role, a relationship. */
  private static String detail(Relations.Relation r) {
    for (String p :
        List.of("percentage", "role", "relationship", "registrationNumber", "iban", "publicKey")) {
      List<String> v = r.properties().get(p);
      if (v != null && !v.isEmpty()) {
        return p.equals("percentage") ? v.get(0) + "%" : v.get(0);
      }
    }
    return null;
  }

  /** The value of an asset where a visible source gives one (a balance, an amount). */
  private String value(Viewer viewer, String id, Relations.Relation r) {
    Optional<EntityRecord> e = searching.show(viewer, id);
    if (e.isEmpty()) {
      return null;
    }
    Map<String, List<ValueRecord>> p = e.get().properties();
    List<ValueRecord> eur = p.get("amountEur");
    if (eur != null && !eur.isEmpty()) {
      return money("EUR", eur.get(0).value());
    }
    List<ValueRecord> currency = p.get("currency");
    String unit = currency == null || currency.isEmpty() ? "" : currency.get(0).value();
    for (String amount : List.of("balance", "amount")) {
      List<ValueRecord> v = p.get(amount);
      if (v != null && !v.isEmpty()) {
        return money(unit, v.get(0).value());
      }
    }
    return null;
  }

  /** An amount as reports write it ("EUR 789,000.00"); a value that is no number as it is. */
  private static String money(String currency, String amount) {
    try {
      return String.format(Locale.ROOT, "%s %,.2f", currency, Double.parseDouble(amount)).strip();
    } catch (NumberFormatException e) {
      return (currency + " " + amount).strip();
    }
  }

  /** The datasets of a relation's visible values. */
  private List<String> datasets(Viewer viewer, String relationId) {
    Set<String> out = new LinkedHashSet<>();
    searching
        .show(viewer, relationId)
        .ifPresent(
            e -> e.properties().values().forEach(vs -> vs.forEach(v -> out.add(v.dataset()))));
    return List.copyOf(out);
  }
}
