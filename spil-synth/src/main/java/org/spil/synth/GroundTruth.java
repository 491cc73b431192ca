package org.spil.synth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the ground truth of a generated scenario ({@code DIR/truth/}) for scoring and for the demo:
 * the networks and their actors, the source records of each real person or company, the planted
 * laundering patterns, the seizure chains, the shipments over the new route and the leaders'
 * assets. Records are streamed for large scenarios ({@link #eachRecord}); the other files are
 * small.
 */
public final class GroundTruth {
  /** A source record of a real person or company: where it is and how the source wrote it. */
  public record Record(
      String dataset,
      String entityId,
      String schema,
      String truthId,
      String writtenAs,
      String distortions) {}

  /** A member of a planted network. */
  public record Member(
      String truthId,
      String network,
      String role,
      String nickname,
      List<String> handles,
      String employer) {}

  /** A planted laundering pattern. */
  public record Pattern(
      String id,
      String typology,
      String network,
      String firstDate,
      String lastDate,
      int transactions,
      String totalEur) {}

  /** A seizure and the chain behind it: container, shipment, consignee company and its director. */
  public record SeizureChain(
      String seizureId,
      String seizureEntityId,
      String container,
      String shipmentId,
      String consigneeTruthId,
      String directorTruthId,
      String network,
      String terminalTruthId,
      boolean ripOn,
      List<String> insiders) {}

  private final Path dir;

  public GroundTruth(Path scenario) {
    this.dir = scenario.resolve("truth");
    if (!Files.isRegularFile(dir.resolve("records.csv"))) {
      throw new IllegalArgumentException(
          scenario + ": no truth/records.csv; not a generated scenario");
    }
  }

  public void eachRecord(Consumer<Record> each) {
    read(
        "records.csv",
        r -> each.accept(new Record(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))));
  }

  /** The source records of one real person or company. */
  public List<Record> recordsOf(String truthId) {
    List<Record> out = new ArrayList<>();
    eachRecord(
        r -> {
          if (r.truthId().equals(truthId)) {
            out.add(r);
          }
        });
    return out;
  }

  public List<Member> members() {
    List<Member> out = new ArrayList<>();
    read(
        "actors.csv",
        r ->
            out.add(
                new Member(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4).isEmpty() ? List.of() : List.of(r.get(4).split(";")),
                    r.get(5))));
    return out;
  }

  /** Network id to kind. */
  public Map<String, String> networks() {
    Map<String, String> out = new LinkedHashMap<>();
    read("networks.csv", r -> out.put(r.get(0), r.get(1)));
    return out;
  }

  public List<Pattern> patterns() {
    List<Pattern> out = new ArrayList<>();
    read(
        "patterns.csv",
        r ->
            out.add(
                new Pattern(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    Integer.parseInt(r.get(5)),
                    r.get(6))));
    return out;
  }

  public List<SeizureChain> seizureChains() {
    List<SeizureChain> out = new ArrayList<>();
    read(
        "seizure_chains.csv",
        r ->
            out.add(
                new SeizureChain(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(5),
                    r.get(7),
                    r.get(8),
                    r.get(9),
                    Boolean.parseBoolean(r.get(10)),
                    r.get(11).isEmpty() ? List.of() : List.of(r.get(11).split(";")))));
    return out;
  }

  /**
   * A shipment on the emerging route: its id, the month of the scenario (0 = January 2023),
   * network.
   */
  public record RouteShipment(String shipmentId, int month, String network) {}

  public List<RouteShipment> routeShipments() {
    List<RouteShipment> out = new ArrayList<>();
    read(
        "route.csv",
        r ->
            out.add(
                new RouteShipment(
                    r.get("shipment_id"), Integer.parseInt(r.get("month")), r.get("network"))));
    return out;
  }

  /**
   * An asset a network leader owns, from the land and ship register: its entity id, kind, value in
   * euros, and the truth ids from the leader to the registered owner.
   */
  public record Asset(
      String asset,
      String entityId,
      String kind,
      String valueEur,
      List<String> chain,
      String leader,
      String network) {}

  public List<Asset> assets() {
    List<Asset> out = new ArrayList<>();
    read(
        "assets.csv",
        r ->
            out.add(
                new Asset(
                    r.get("asset"),
                    r.get("entity_id"),
                    r.get("kind"),
                    r.get("value_eur"),
                    List.of(r.get("chain").split(";")),
                    r.get("leader"),
                    r.get("network"))));
    return out;
  }

  /** A shipment customs declared: its entity id, the network whose drugs it carried (or empty). */
  public record Shipment(String entityId, String network, boolean seized) {}

  public List<Shipment> shipments() {
    List<Shipment> out = new ArrayList<>();
    read(
        "shipments.csv",
        r ->
            out.add(
                new Shipment(
                    r.get("entity_id"), r.get("network"), Boolean.parseBoolean(r.get("seized")))));
    return out;
  }

  private void read(String file, Consumer<CSVRecord> each) {
    try (Reader in = Files.newBufferedReader(dir.resolve(file))) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        each.accept(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir.resolve(file) + ": " + e.getMessage(), e);
    }
  }
}
