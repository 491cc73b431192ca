package org.spil.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * The ground truth of a generated scenario, written to {@code DIR/truth/} next to the sources:
 * which source records are which real person or company, the actors and their roles, the planted
 * laundering patterns and their transactions, the emerging route, the seizure chains and the values
 * made invalid on purpose. Entity ids are computed the way ingest computes them, so a benchmark can
 * join truth to the warehouse directly. The columns are documented in {@code truth/README.md}.
 */
final class Truth implements AutoCloseable {
  final Csv records;
  final Csv actors;
  final Csv networks;
  final Csv patterns;
  final Csv patternTransactions;
  final Csv route;
  final Csv seizureChains;
  final Csv invalid;
  final Csv assets;
  final Csv shipments;
  final Csv threats;
  final Csv decoys;
  final Csv chatIdentifiers;
  final Csv attribution;
  final Csv privileged;
  final Csv groups;

  /**
   * The persons whose own mobile number a source records (as written, on a record the ingest
   * keeps): only for them is a number a handle gives as its own a clue the sources hold. Filled by
   * the Dutch and Belgian police sources, read by the chats, which run after them.
   */
  final Set<Integer> mobileOnFile = new HashSet<>();

  Truth(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("README.md"), README);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records =
        Csv.utf8(
            dir.resolve("records.csv"),
            "dataset",
            "entity_id",
            "schema",
            "truth_id",
            "written_as",
            "distortions");
    actors =
        Csv.utf8(
            dir.resolve("actors.csv"),
            "truth_id",
            "network",
            "role",
            "nickname",
            "handles",
            "employer");
    networks =
        Csv.utf8(
            dir.resolve("networks.csv"), "network", "kind", "port", "size", "leaders", "companies");
    patterns =
        Csv.utf8(
            dir.resolve("patterns.csv"),
            "pattern_id",
            "typology",
            "network",
            "first_date",
            "last_date",
            "transactions",
            "total_eur",
            "description");
    patternTransactions =
        Csv.utf8(
            dir.resolve("pattern_transactions.csv"),
            "pattern_id",
            "dataset",
            "end_to_end_id",
            "entity_id",
            "step");
    route =
        Csv.utf8(
            dir.resolve("route.csv"),
            "dataset",
            "shipment_id",
            "entity_id",
            "month",
            "arrival_date",
            "port_of_loading",
            "port_of_transhipment",
            "port_of_discharge",
            "network");
    seizureChains =
        Csv.utf8(
            dir.resolve("seizure_chains.csv"),
            "seizure_id",
            "seizure_entity_id",
            "container",
            "shipment_id",
            "shipment_entity_id",
            "consignee_truth_id",
            "consignee_entity_id",
            "director_truth_id",
            "network",
            "terminal_truth_id",
            "rip_on",
            "insiders");
    shipments =
        Csv.utf8(
            dir.resolve("shipments.csv"),
            "dataset",
            "shipment_id",
            "entity_id",
            "network",
            "seized");
    threats =
        Csv.utf8(
            dir.resolve("threats.csv"),
            "message_id",
            "from_handle",
            "to_handle",
            "time",
            "language",
            "text");
    decoys =
        Csv.utf8(
            dir.resolve("decoys.csv"),
            "message_id",
            "from_handle",
            "to_handle",
            "time",
            "language",
            "text");
    chatIdentifiers =
        Csv.utf8(dir.resolve("chat_identifiers.csv"), "message_id", "kind", "value", "text");
    attribution =
        Csv.utf8(dir.resolve("attribution.csv"), "handle", "truth_id", "nickname", "clues");
    privileged =
        Csv.utf8(
            dir.resolve("privileged.csv"),
            "message_id",
            "from_handle",
            "to_handle",
            "time",
            "text");
    groups = Csv.utf8(dir.resolve("groups.csv"), "conversation", "network", "handles");
    assets =
        Csv.utf8(
            dir.resolve("assets.csv"),
            "asset",
            "entity_id",
            "schema",
            "kind",
            "value_eur",
            "registered_owner",
            "chain",
            "leader",
            "network");
    invalid =
        Csv.utf8(
            dir.resolve("invalid_values.csv"),
            "dataset",
            "file",
            "line",
            "column",
            "value",
            "reason");
  }

  /** Records that the entity a source keyed by {@code keys} is the real {@code truthId}. */
  String record(
      String dataset,
      String keyLiteral,
      List<String> keys,
      String schema,
      String truthId,
      String writtenAs,
      String distortions) {
    String id = EntityIds.make(dataset, keyLiteral, keys);
    records.row(dataset, id, schema, truthId, writtenAs, distortions);
    return id;
  }

  /**
   * The changes the scenario plants in its monthly series, as {@code spil trends} names the series
   * ({@code *} in a key: any text), with the month each starts: what change detection is scored on.
   * Fixed by the scenario's design, whatever the seed and scale.
   */
  static void writeChanges(Path dir) {
    String month = World.START.plusMonths(World.ROUTE_MONTH).toString().substring(0, 7);
    String last = World.START.plusMonths(World.MONTHS - 1).toString().substring(0, 7);
    String route =
        "the new route through Lomé: from 1% of South American legal shipments, 0.4 points more"
            + " each month, and seven in ten of the cocaine networks' shipments";
    String growing = "the route through Lomé keeps growing, 0.4 points of the trade a month";
    String couriers = "couriers fly to Lomé in six of ten trips";
    String away = "couriers fly to Lomé instead";
    String direct =
        "South American trade that goes through Lomé no longer goes direct or through another"
            + " port: a growing share each month";
    String balboa =
        "the cocaine networks' shipments through Balboa move to Lomé, and legal trade through"
            + " Balboa gives way to Lomé's share";
    try (Csv c =
        Csv.utf8(
            dir.resolve("changes.csv"), "measure", "by", "key", "kind", "month", "until", "note")) {
      c.row("shipments", "port", "TGLFW", "emergence", month, month, route);
      c.row("shipments", "country", "tg", "emergence", month, month, route);
      c.row("shipments", "route", "* > TGLFW > *", "emergence", month, month, route);
      c.row("shipments", "port", "TGLFW", "rise", month, last, growing);
      c.row("shipments", "country", "tg", "rise", month, last, growing);
      c.row("shipments", "route", "* > TGLFW > *", "rise", month, last, growing);
      c.row("crossings", "country", "tg", "emergence", month, month, couriers);
      for (String cc : List.of("ec", "co", "pa")) {
        c.row("crossings", "country", cc, "drop", month, month, away);
      }
      c.row("shipments", "port", "PABLB", "drop", month, last, balboa);
      c.row("shipments", "country", "pa", "drop", month, last, balboa);
      for (String cc : List.of("EC", "CO", "BR")) {
        c.row("shipments", "route", cc + "* > *", "drop", month, last, direct);
      }
    }
  }

  @Override
  public void close() {
    for (Csv c :
        List.of(
            records,
            actors,
            networks,
            patterns,
            patternTransactions,
            route,
            seizureChains,
            invalid,
            assets,
            shipments,
            threats,
            decoys,
            chatIdentifiers,
            attribution,
            privileged,
            groups)) {
      c.close();
    }
  }

  static final String README =
      """
      # Ground truth of the synthetic scenario

      Every file is UTF-8 CSV with a header. `entity_id` is the id `spil ingest` gives the record
      (SHA-1 of dataset, key literal and key values), so truth joins the warehouse directly.
      Truth ids: `TPnnnnnnn` a real person, `TCnnnnnnn` a real company, `TXnnnnnnn` a chat user
      outside the planted networks.

      - `records.csv`: one row per source record of a person, company or chat account:
        `dataset`, `entity_id`, `schema`, `truth_id`, `written_as` (the name as the source wrote
        it), `distortions` (`+`-joined: `variant` spelling, `typo`, `initial`, `upper`,
        `cyrillic`, `swapped-day-month`, `date-typo`, `missing` field, `moved` address). Records
        with the same `truth_id` are the same real person or company: the pairs entity
        resolution must find. The same (dataset, entity_id) may be listed more than once when a
        source mentions the record several times. A parcel's consignee who lives with a resident
        (`douane-nl`, `pakketten.csv`) has the resident's id with a suffix, `TP0001234-1`: a
        person of their own, in no other source.
      - `actors.csv`: members of planted networks: `truth_id`, `network`, `role` (leader, broker,
        port-insider, courier, notary, accountant, transporter, launderer, mule, member),
        `nickname` used in chats, `handles` (`;`-joined chat handles), `employer` (truth id of
        the port firm a port insider works for).
      - `networks.csv`: `network`, `kind` (cocaine through Rotterdam or Antwerp, synthetic
        drugs), `port`, `size`, `leaders` and `companies` (`;`-joined truth ids).
      - `patterns.csv`: planted laundering patterns: `pattern_id`, `typology` (`fan-in-smurfing`,
        `company-cycle`, `pass-through-mule`, `mirror-transfer`, `crypto-off-ramp`, `fan-out`,
        `scatter-gather`, `gather-scatter`, `trade-based`), `network`,
        `first_date`, `last_date`, `transactions`, `total_eur`, `description`.
      - `pattern_transactions.csv`: the payments of each pattern: `pattern_id`, `dataset`,
        `end_to_end_id` (the camt.053 EndToEndId), `entity_id` of the Payment, `step` (order in
        the pattern; for mirror transfers, `a` and `b` are the two legs).
      - `route.csv`: shipments over the emerging route through Lomé, Togo (TGLFW), which no
        shipment used before month 20 (September 2024): `dataset`, `shipment_id`, `entity_id`,
        `month` (0 = January 2023), `arrival_date`, ports, `network` (empty for legal trade).
      - `changes.csv`: the changes planted in the monthly series, named as `spil trends` names
        them: `measure`, `by`, `key` (`*` stands for any text), `kind` (`emergence`, `rise`,
        `drop`), the `month` it starts and the month `until` which it may still be seen starting
        (a flow that grows month by month), `note`. The route through Lomé emerges in September
        2024, grows, and displaces traffic through Balboa, South American trade that went
        direct, and couriers' trips to South America; a signal that matches none of these in
        direction and within two months of their span is a false one.
      - `seizure_chains.csv`: each seizure linked to its container, shipment, consignee company
        and that company's director: the chain an analyst should be able to walk; the
        `terminal_truth_id` of the port firm that discharged the container, `rip_on` (`true` for
        drugs in legal cargo: the consignee is clean) and the `insiders` (`;`-joined truth ids of
        port insiders working at that terminal).
      - `shipments.csv`: every shipment customs declared: `dataset`, `shipment_id`, `entity_id`,
        `network` (empty for legal trade; a network's shipment carries its drugs) and `seized`
        (`true` when customs found the drugs): what shipment targeting is scored on.
      - `assets.csv`: what network leaders own for confiscation, from the land and ship register
        (`kadaster`): `asset` (cadastral code or ship register mark), its `entity_id`, `schema`
        (RealEstate, Vessel), `kind`, `value_eur` (purchase price or value), `registered_owner`
        (truth id of the person or company the register names), `chain` (`;`-joined truth ids
        from the leader to the registered owner: the leader himself, his property company, or
        the relative who holds it for him), `leader` and `network`. Every row is in the leader's
        asset overview once the records are resolved.
      - `threats.csv`: the threats to life planted in the intercepted chats (`encrochat`): the
        `message_id`, sender and recipient handles, `time` (UTC), `language` (nl, en, fr) and the
        `text`, naming the member threatened by nickname: what a triage of messages must put
        first.
      - `chat_identifiers.csv`: every identifier planted in the chats' texts: `message_id`,
        `kind` (`phone` in E.164, `containerNumber`, `amountMentioned` as "92000 EUR", or "40000"
        for "40k" without a currency, `dateMentioned` as the day or time the words name, read
        against the time the message was sent, `portMentioned` as the UN/LOCODE of a port the
        World Port Index knows by the name written, `placeMentioned` as GeoNames names a city or
        town that is no port, `vesselMentioned` as written, `nicknameMentioned` as written
        wherever a message names a person by a nickname or given name) and the message's `text`:
        what extraction must find, and nothing else of these kinds.
      - `attribution.csv`: who is behind each network member's handle (`handle`, `truth_id`,
        the `nickname` others call him by) and the clues the sources hold (`clues`, `;`-joined):
        `nickname` (the police record him with it, and his peers use it in the chats), `phone` (he
        gave his own number in a chat from this handle, and the Dutch or Belgian police record
        it), `travel` (this handle speaks of his
        flights on the days the KMar checks him at an airport), `payment` (this handle speaks of
        money he paid or received, in whole euros, on the day the FIOD's bank statements book
        it), `device` (this handle runs on the device of his other handle), `phone via device`,
        `travel via device` and `payment via device` (the other handle on the device gave the
        clue). `device` alone ties two handles together but names nobody:
        a handle without any other clue can only be guessed.
      - `privileged.csv`: the messages between network members and their lawyers (handles
        `mr.vandijk`, `mr.ozturk.adv`, `maitre.lambert`; the demo lists them in the data
        directory's `privileged.txt`): what no reader may ever see, only count.
      - `groups.csv`: each network's group chat (`conversation` as the export names it, the
        `network`, and its members' `handles`, `;`-joined, as they were in the month the group
        first wrote): where the leaders give everyone their orders at once.
      - `decoys.csv`: messages of the service's other users that hold words a threat holds in a
        harmless sense ("die oude auto moet weg", "the old sofa has to go"), in the same columns:
        what a triage must rank below the threats.
      - `invalid_values.csv`: values made invalid on purpose (`dataset`, `file`, `line`,
        `column`, `value`, `reason`); ingest must reject exactly these and nothing else.
      """;
}
