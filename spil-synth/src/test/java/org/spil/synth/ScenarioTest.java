package org.spil.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.ingest.Cities;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetReader;
import org.spil.ingest.Ingest;
import org.spil.ingest.MessageIngest;
import org.spil.ingest.Places;
import org.spil.ingest.Reject;
import org.spil.ingest.StatementSink;
import org.spil.model.ChatMessage;

/**
 * The generated scenario at scale 1,000, ingested with the real ingest: it must be deterministic,
 * ingest with exactly the planted rejects, and its ground truth must agree with the data (every
 * truth record exists, identities carry variant spellings, patterns, route and seizure chains are
 * in the data as described).
 */
class ScenarioTest {
  static final Path PORTS = Path.of("../../shared/data/geo/UpdatedPub150.csv");
  @TempDir static Path tmp;
  static Path out;

  /** Everything ingest produced, by dataset: entity id to schema, and (entity, prop) to values. */
  static final Map<String, Map<String, String>> schemas = new TreeMap<>();

  static final Map<String, Map<String, List<String>>> values = new HashMap<>();
  static final List<String> rejects = new ArrayList<>();

  /** The chat messages ingest read, by id. */
  static final Map<String, ChatMessage> messages = new HashMap<>();

  @BeforeAll
  static void generateAndIngest() {
    out = tmp.resolve("scenario");
    new Synthesizer(1000, 7, PORTS).write(out, line -> {});
    for (Path dir : datasetDirs(out)) {
      Map<String, String> bySchema = new HashMap<>();
      String name = dir.getFileName().toString();
      schemas.put(name, bySchema);
      StatementSink sink =
          (entity, schema, prop, value, original, lang, file, line) -> {
            bySchema.put(entity, schema);
            values
                .computeIfAbsent(entity, k -> new HashMap<>())
                .computeIfAbsent(prop, k -> new ArrayList<>())
                .add(value);
          };
      Dataset dataset = DatasetReader.read(dir);
      List<Reject> all = new ArrayList<>(new Ingest(dataset, sink, n -> {}).run().rejects());
      all.addAll(
          new MessageIngest(
                  dataset,
                  m -> messages.put(m.id(), m),
                  sink,
                  n -> {},
                  Set.copyOf(Synthesizer.LAWYER_HANDLES),
                  Places.read(PORTS).withCities(Cities.bundled()))
              .run()
              .rejects());
      for (Reject r : all) {
        rejects.add(r.file() + ":" + r.line() + ":" + r.column());
      }
    }
  }

  static List<Path> datasetDirs(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.exists(p.resolve("dataset.yml"))).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<CSVRecord> truth(String file) throws IOException {
    try (Reader in = Files.newBufferedReader(out.resolve("truth").resolve(file))) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  static List<String> prop(String entity, String prop) {
    return values.getOrDefault(entity, Map.of()).getOrDefault(prop, List.of());
  }

  @Test
  void everySourceOfTheIssueIsThere() {
    assertThat(schemas.keySet())
        .containsExactly(
            "douane-nl",
            "encrochat",
            "fiod-bank",
            "kadaster",
            "kbo-register",
            "kmar",
            "kvk-register",
            "om",
            "politie-be",
            "politie-nl",
            "rsz-dimona",
            "uwv-polis");
    assertThat(out.resolve("fiod-bank/afschriften")).isDirectory();
    assertThat(out.resolve("truth/README.md")).isRegularFile();
  }

  @Test
  void parcelsGoToResidentsAndTheirHousematesByNameAndAddressOnly() throws IOException {
    Map<String, Set<String>> housesOf = new HashMap<>();
    int records = 0;
    int housemates = 0;
    for (CSVRecord r : truth("records.csv")) {
      String id = r.get("entity_id");
      if (!r.get("dataset").equals("douane-nl") || !r.get("schema").equals("Person")) {
        continue;
      }
      records++;
      assertThat(prop(id, "name")).as(id).isNotEmpty();
      assertThat(prop(id, "birthDate")).as("a parcel's label gives no date").isEmpty();
      String who = r.get("truth_id");
      housemates += who.contains("-") ? 1 : 0;
      for (String address : prop(id, "address")) {
        // the street and number, however written: the same house for every parcel of one person
        String house =
            address.substring(
                0, address.indexOf(',') < 0 ? address.length() : address.indexOf(','));
        housesOf
            .computeIfAbsent(who, k -> new HashSet<>())
            .add(
                house
                    .toLowerCase(Locale.ROOT)
                    .replace("str.", "straat")
                    .replaceAll("[^a-z0-9]", ""));
      }
    }
    assertThat(records).isGreaterThan(100);
    assertThat(housemates)
        .as("parcels to the people residents live with")
        .isGreaterThan(records / 5);
    int shared = 0;
    for (Map.Entry<String, Set<String>> e : housesOf.entrySet()) {
      String who = e.getKey();
      if (who.contains("-") && housesOf.containsKey(who.substring(0, who.indexOf('-')))) {
        Set<String> common = new HashSet<>(e.getValue());
        common.retainAll(housesOf.get(who.substring(0, who.indexOf('-'))));
        shared += common.isEmpty() ? 0 : 1;
      }
    }
    assertThat(shared).as("housemates at their resident's address").isGreaterThan(20);
  }

  @Test
  void leadersOwnRealEstateAndAYachtThroughTheirCompanyAndRelatives() throws IOException {
    List<CSVRecord> assets = truth("assets.csv");
    Set<String> networks = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    Set<Integer> chainLengths = new HashSet<>();
    for (CSVRecord a : assets) {
      String id = a.get("entity_id");
      assertThat(schemas.get("kadaster").get(id)).as(a.get("asset")).isEqualTo(a.get("schema"));
      assertThat(prop(id, "amount")).as("a value").isNotEmpty();
      String[] chain = a.get("chain").split(";");
      assertThat(chain[0]).isEqualTo(a.get("leader"));
      assertThat(chain[chain.length - 1]).isEqualTo(a.get("registered_owner"));
      networks.add(a.get("network"));
      kinds.add(a.get("kind"));
      chainLengths.add(chain.length);
    }
    assertThat(networks).hasSameSizeAs(truth("networks.csv"));
    assertThat(kinds).containsExactlyInAnyOrder("real estate", "vessel");
    assertThat(chainLengths).as("his own, and through a company or relative").contains(1, 2);
  }

  /**
   * Every planted threat to life is a message of the export as the truth writes it (sender,
   * recipient, time, text), in Dutch, English or French, naming a member of its network; ingest
   * reads it as a message with that text.
   */
  @Test
  void plantedThreatsAreMessagesOfTheExport() throws IOException {
    List<CSVRecord> threats = truth("threats.csv");
    assertThat(threats).isNotEmpty();
    Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new HashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : Files.readAllLines(out.resolve("encrochat/messages.jsonl"))) {
      com.fasterxml.jackson.databind.JsonNode m = json.readTree(line);
      byId.put(m.get("id").asText(), m);
    }
    Set<String> languages = new HashSet<>();
    for (CSVRecord t : threats) {
      com.fasterxml.jackson.databind.JsonNode m = byId.get(t.get("message_id"));
      assertThat(m).as(t.get("message_id")).isNotNull();
      assertThat(m.get("from").asText()).isEqualTo(t.get("from_handle"));
      assertThat(m.get("to").asText()).isEqualTo(t.get("to_handle"));
      assertThat(m.get("timestamp").asText()).isEqualTo(t.get("time"));
      assertThat(m.get("body").asText()).isEqualTo(t.get("text"));
      languages.add(t.get("language"));
      ChatMessage read = messages.get(t.get("message_id"));
      assertThat(read.body()).isEqualTo(t.get("text"));
      assertThat(read.sender()).isEqualTo(t.get("from_handle"));
      assertThat(read.time()).isEqualTo(java.time.Instant.parse(t.get("time")));
    }
    assertThat(languages).isSubsetOf("nl", "en", "fr");
    // the decoys too: messages of the service's other users, as the truth writes them
    List<CSVRecord> decoys = truth("decoys.csv");
    assertThat(decoys).hasSizeGreaterThan(threats.size());
    for (CSVRecord d : decoys) {
      ChatMessage read = messages.get(d.get("message_id"));
      assertThat(read).as(d.get("message_id")).isNotNull();
      assertThat(read.body()).isEqualTo(d.get("text"));
      assertThat(read.sender()).isEqualTo(d.get("from_handle")).startsWith("user");
    }
  }

  /**
   * Extraction from the chats' texts against the identifiers planted in them: phone numbers,
   * container numbers, amounts, days, ports and vessels, each found (recall) and nothing else found
   * of those kinds (precision), both at least 0.95.
   */
  @Test
  void identifiersPlantedInTheChatsAreExtracted() throws IOException {
    Set<String> planted = new HashSet<>();
    for (CSVRecord r : truth("chat_identifiers.csv")) {
      planted.add(r.get("message_id") + "|" + r.get("kind") + "|" + r.get("value"));
    }
    assertThat(planted).hasSizeGreaterThan(1000);
    Set<String> found = new HashSet<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (ChatMessage m : messages.values()) {
      String mention = org.spil.model.EntityIds.make("encrochat", "mention", List.of(m.id()));
      for (String kind :
          List.of(
              "phone",
              "containerNumber",
              "amountMentioned",
              "dateMentioned",
              "portMentioned",
              "placeMentioned",
              "vesselMentioned",
              "nicknameMentioned")) {
        for (String v : prop(mention, kind)) {
          found.add(m.id() + "|" + kind + "|" + v);
          kinds.merge(kind, 1, Integer::sum);
        }
      }
    }
    Set<String> right = new HashSet<>(found);
    right.retainAll(planted);
    double precision = right.size() / (double) found.size();
    double recall = right.size() / (double) planted.size();
    Set<String> missed = new TreeSet<>(planted);
    missed.removeAll(found);
    Set<String> wrong = new TreeSet<>(found);
    wrong.removeAll(planted);
    System.out.printf(
        "extraction: %d planted, %d found (%s), precision %.3f, recall %.3f; missed e.g. %s; wrong"
            + " e.g. %s%n",
        planted.size(),
        found.size(),
        kinds,
        precision,
        recall,
        missed.stream().limit(3).toList(),
        wrong.stream().limit(3).toList());
    Map<String, Integer> wrongPlaces = new TreeMap<>();
    wrong.stream()
        .filter(x -> x.contains("|placeMentioned|") || x.contains("|nicknameMentioned|"))
        .forEach(x -> wrongPlaces.merge(x.substring(x.lastIndexOf('|') + 1), 1, Integer::sum));
    Map<String, Integer> missedPlaces = new TreeMap<>();
    missed.stream()
        .filter(x -> x.contains("|placeMentioned|") || x.contains("|nicknameMentioned|"))
        .forEach(x -> missedPlaces.merge(x.substring(x.lastIndexOf('|') + 1), 1, Integer::sum));
    System.out.printf(
        "places and nicknames found wrongly %s; missed %s%n", wrongPlaces, missedPlaces);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void sameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() throws Exception {
    Path again = tmp.resolve("again");
    new Synthesizer(1000, 7, PORTS).write(again, line -> {});
    assertThat(digests(again)).isEqualTo(digests(out));
    Path other = tmp.resolve("other");
    new Synthesizer(1000, 8, PORTS).write(other, line -> {});
    assertThat(digests(other).get("truth/records.csv"))
        .isNotEqualTo(digests(out).get("truth/records.csv"));
  }

  static Map<String, String> digests(Path root) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        out.put(
            root.relativize(p).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @Test
  void ingestRejectsExactlyThePlantedInvalidValues() throws IOException {
    List<String> planted = new ArrayList<>();
    for (CSVRecord r : truth("invalid_values.csv")) {
      planted.add(
          r.get("dataset") + "/" + r.get("file") + ":" + r.get("line") + ":" + r.get("column"));
    }
    assertThat(planted).hasSizeGreaterThanOrEqualTo(3);
    assertThat(rejects).containsExactlyInAnyOrderElementsOf(planted);
  }

  @Test
  void everyTruthRecordIsAnEntityOfItsDataset() throws IOException {
    List<CSVRecord> records = truth("records.csv");
    assertThat(records).hasSizeGreaterThan(1000);
    for (CSVRecord r : records) {
      String schema = schemas.get(r.get("dataset")).get(r.get("entity_id"));
      assertThat(schema)
          .as("%s %s (%s)", r.get("dataset"), r.get("entity_id"), r.get("written_as"))
          .isEqualTo(r.get("schema"));
    }
  }

  @Test
  void identitiesAppearAcrossAgenciesUnderVariantSpellings() throws IOException {
    Map<String, Set<String>> datasets = new HashMap<>();
    Map<String, Set<String>> spellings = new HashMap<>();
    Set<String> distortions = new HashSet<>();
    for (CSVRecord r : truth("records.csv")) {
      if (!r.get("truth_id").startsWith("TP")) {
        continue;
      }
      datasets.computeIfAbsent(r.get("truth_id"), k -> new HashSet<>()).add(r.get("dataset"));
      spellings
          .computeIfAbsent(r.get("truth_id"), k -> new HashSet<>())
          .add(r.get("written_as").toLowerCase());
      for (String d : r.get("distortions").split("\\+")) {
        distortions.add(d);
      }
    }
    Set<String> actors =
        truth("actors.csv").stream().map(r -> r.get("truth_id")).collect(Collectors.toSet());
    long acrossThree =
        actors.stream().filter(a -> datasets.getOrDefault(a, Set.of()).size() >= 3).count();
    assertThat(acrossThree).as("actors in at least three sources").isGreaterThan(actors.size() / 2);
    long multi = spellings.values().stream().filter(s -> s.size() >= 2).count();
    long seenTwice = datasets.values().stream().filter(s -> s.size() >= 2).count();
    assertThat(multi).as("persons written in more than one way").isGreaterThan(seenTwice / 2);
    assertThat(distortions)
        .contains("variant", "typo", "upper", "cyrillic", "swapped-day-month", "missing", "moved");
  }

  @Test
  void rolesAndNetworksAreConsistent() throws IOException {
    List<CSVRecord> networks = truth("networks.csv");
    List<CSVRecord> actors = truth("actors.csv");
    assertThat(networks).hasSizeGreaterThanOrEqualTo(3);
    for (CSVRecord n : networks) {
      List<CSVRecord> members =
          actors.stream().filter(a -> a.get("network").equals(n.get("network"))).toList();
      assertThat(members).hasSize(Integer.parseInt(n.get("size")));
      assertThat(members)
          .extracting(a -> a.get("role"))
          .contains("leader", "broker", "launderer", "notary");
      for (String leader : n.get("leaders").split(";")) {
        assertThat(members)
            .anyMatch(a -> a.get("truth_id").equals(leader) && a.get("role").equals("leader"));
      }
    }
  }

  @Test
  void plantedPatternsAreInTheBankData() throws IOException {
    Map<String, List<CSVRecord>> byPattern = new TreeMap<>();
    for (CSVRecord r : truth("pattern_transactions.csv")) {
      byPattern.computeIfAbsent(r.get("pattern_id"), k -> new ArrayList<>()).add(r);
    }
    Map<String, String> typology = new HashMap<>();
    for (CSVRecord p : truth("patterns.csv")) {
      typology.put(p.get("pattern_id"), p.get("typology"));
      assertThat(byPattern.get(p.get("pattern_id")))
          .hasSize(Integer.parseInt(p.get("transactions")));
    }
    assertThat(new HashSet<>(typology.values()))
        .containsExactlyInAnyOrder(
            "fan-in-smurfing",
            "company-cycle",
            "pass-through-mule",
            "mirror-transfer",
            "crypto-off-ramp",
            "fan-out",
            "scatter-gather",
            "gather-scatter",
            "trade-based");
    Set<String> billsOfLading = new HashSet<>();
    int[] shipments = {0};
    schemas
        .get("douane-nl")
        .forEach(
            (id, schema) -> {
              if (schema.equals("Shipment")) {
                billsOfLading.addAll(prop(id, "billOfLading"));
                shipments[0]++;
              }
            });
    assertThat(billsOfLading).as("one bill of lading per shipment").hasSize(shipments[0]);
    for (Map.Entry<String, List<CSVRecord>> e : byPattern.entrySet()) {
      List<String> ids = e.getValue().stream().map(r -> r.get("entity_id")).toList();
      for (String id : ids) {
        assertThat(schemas.get("fiod-bank").get(id)).as(id).isEqualTo("Payment");
      }
      switch (typology.get(e.getKey())) {
        case "fan-in-smurfing" -> {
          for (String id : ids) {
            assertThat(amount(id)).isLessThan(new BigDecimal("10000"));
          }
          Set<String> receivers = new HashSet<>();
          for (CSVRecord r : e.getValue()) {
            if (r.get("step").startsWith("transfer")) {
              receivers.addAll(prop(r.get("entity_id"), "beneficiaryAccount"));
            }
          }
          assertThat(receivers).as("fan-in to one account").hasSize(1);
        }
        case "company-cycle" -> {
          assertThat(prop(ids.get(0), "payerAccount"))
              .as("the cycle closes")
              .isEqualTo(prop(ids.get(ids.size() - 1), "beneficiaryAccount"));
          for (int k = 1; k < ids.size(); k++) {
            assertThat(prop(ids.get(k), "payerAccount"))
                .isEqualTo(prop(ids.get(k - 1), "beneficiaryAccount"));
          }
        }
        case "pass-through-mule" -> {
          BigDecimal in = amount(ids.get(0));
          BigDecimal outSum =
              ids.subList(1, ids.size()).stream()
                  .map(ScenarioTest::amount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
          assertThat(outSum)
              .isLessThanOrEqualTo(in)
              .isGreaterThan(in.multiply(new BigDecimal("0.95")));
          LocalDate first = date(ids.get(0));
          for (String id : ids) {
            assertThat(date(id)).isBetween(first, first.plusDays(2));
          }
        }
        case "mirror-transfer" -> {
          // paid out in Dubai in dollars; the euro account it reaches books the euros
          assertThat(prop(ids.get(1), "currency")).containsOnly("USD");
          assertThat(new BigDecimal(prop(ids.get(1), "amountEur").get(0)))
              .isEqualByComparingTo(amount(ids.get(0)));
          assertThat(amount(ids.get(1))).isGreaterThan(amount(ids.get(0)));
          assertThat(prop(ids.get(0), "beneficiaryAccount"))
              .doesNotContainAnyElementsOf(prop(ids.get(1), "payerAccount"));
        }
        case "crypto-off-ramp" ->
            assertThat(ids)
                .allSatisfy(id -> assertThat(prop(id, "purpose").get(0)).startsWith("Coinvault"));
        case "fan-out" -> {
          Set<String> payers = new HashSet<>();
          Set<String> payees = new HashSet<>();
          for (String id : ids) {
            payers.addAll(prop(id, "payerAccount"));
            payees.addAll(prop(id, "beneficiaryAccount"));
          }
          assertThat(payers).as("from one account").hasSize(1);
          assertThat(payees.size()).as("to many").isGreaterThanOrEqualTo(8);
        }
        case "scatter-gather", "gather-scatter" -> {
          Set<String> sides = new HashSet<>();
          Set<String> hub = new HashSet<>();
          for (CSVRecord r : e.getValue()) {
            String id = r.get("entity_id");
            boolean first = r.get("step").startsWith("scatter") || r.get("step").startsWith("in");
            String kind = typology.get(e.getKey());
            // scatter-gather: one source, one gatherer; gather-scatter: one hub in the middle
            if (kind.equals("scatter-gather")) {
              hub.addAll(prop(id, first ? "payerAccount" : "beneficiaryAccount"));
              sides.addAll(prop(id, first ? "beneficiaryAccount" : "payerAccount"));
            } else {
              hub.addAll(prop(id, first ? "beneficiaryAccount" : "payerAccount"));
              sides.addAll(prop(id, first ? "payerAccount" : "beneficiaryAccount"));
            }
          }
          assertThat(hub).as("source and gatherer, or the hub").hasSizeLessThanOrEqualTo(2);
          assertThat(sides.size()).as("many in between or around").isGreaterThanOrEqualTo(3);
        }
        case "trade-based" -> {
          for (CSVRecord r : e.getValue()) {
            String purpose = prop(r.get("entity_id"), "purpose").get(0);
            if (r.get("step").equals("advance")) {
              assertThat(purpose).as("goods that never came").doesNotContain("B/L");
            } else {
              String bl = purpose.replaceAll(".*B/L (BL\\d{9}).*", "$1");
              assertThat(billsOfLading).as("the shipment paid for").contains(bl);
            }
          }
        }
        default -> throw new AssertionError("unknown typology " + typology.get(e.getKey()));
      }
    }
  }

  static BigDecimal amount(String payment) {
    return new BigDecimal(prop(payment, "amount").get(0));
  }

  static LocalDate date(String payment) {
    return LocalDate.parse(prop(payment, "date").get(0));
  }

  @Test
  void theNewRouteStartsInMonthTwentyAndGrows() throws IOException {
    LocalDate start = World.START.plusMonths(World.ROUTE_MONTH);
    int before = 0;
    int after = 0;
    Set<String> truthShipments = new HashSet<>();
    for (CSVRecord r : truth("route.csv")) {
      truthShipments.add(r.get("entity_id"));
    }
    for (Map.Entry<String, String> e : schemas.get("douane-nl").entrySet()) {
      if (e.getValue().equals("Shipment")
          && prop(e.getKey(), "portOfTranshipment").contains("TGLFW")) {
        LocalDate d = LocalDate.parse(prop(e.getKey(), "arrivalDate").get(0));
        assertThat(truthShipments).as("%s", values.get(e.getKey())).contains(e.getKey());
        if (d.isBefore(start)) {
          before++;
        } else {
          after++;
        }
      }
    }
    assertThat(before).isZero();
    assertThat(after).isEqualTo(truthShipments.size()).isGreaterThan(5);
  }

  @Test
  void seizureChainsLeadFromContainerToDirector() throws IOException {
    Map<String, String> truthOf = new HashMap<>();
    for (CSVRecord r : truth("records.csv")) {
      truthOf.put(r.get("entity_id"), r.get("truth_id"));
    }
    Map<String, Set<String>> directorsOf = new HashMap<>();
    for (Map.Entry<String, String> e : schemas.get("kvk-register").entrySet()) {
      if (e.getValue().equals("Directorship")) {
        String company = truthOf.get(prop(e.getKey(), "organization").get(0));
        String director = truthOf.get(prop(e.getKey(), "director").get(0));
        directorsOf.computeIfAbsent(company, k -> new HashSet<>()).add(director);
      }
    }
    List<CSVRecord> chains = truth("seizure_chains.csv");
    assertThat(chains.stream().filter(c -> !c.get("network").isEmpty()).count()).isGreaterThan(3);
    for (CSVRecord c : chains) {
      String seizure = c.get("seizure_entity_id");
      assertThat(prop(seizure, "containerNumber")).containsExactly(c.get("container"));
      assertThat(prop(seizure, "shipment")).containsExactly(c.get("shipment_entity_id"));
      assertThat(prop(c.get("shipment_entity_id"), "consignee"))
          .containsExactly(c.get("consignee_entity_id"));
      assertThat(truthOf.get(c.get("consignee_entity_id"))).isEqualTo(c.get("consignee_truth_id"));
      if (!c.get("network").isEmpty() && !c.get("director_truth_id").isEmpty()) {
        if (directorsOf.containsKey(c.get("consignee_truth_id"))) {
          assertThat(directorsOf.get(c.get("consignee_truth_id")))
              .contains(c.get("director_truth_id"));
        }
      }
    }
    long viaRegister =
        chains.stream()
            .filter(c -> !c.get("network").isEmpty())
            .filter(c -> directorsOf.containsKey(c.get("consignee_truth_id")))
            .count();
    assertThat(viaRegister)
        .as("network seizures whose consignee is in the Dutch register")
        .isPositive();
  }

  @Test
  void chatsMentionTheNetworksContainers() throws IOException {
    Set<String> containers = new HashSet<>();
    for (CSVRecord c : truth("seizure_chains.csv")) {
      containers.add(c.get("container"));
    }
    String chat = Files.readString(out.resolve("encrochat/messages.jsonl"), StandardCharsets.UTF_8);
    assertThat(containers.stream().filter(chat::contains).count()).isPositive();
    assertThat(chat).contains("Lomé").containsPattern("\\+31 6 \\d{4} \\d{4}");
  }
}
