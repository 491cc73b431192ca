package org.spil.analysis.goods;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ports of the World Port Index (NGA Pub. 150, {@code UpdatedPub150.csv}) by UN/LOCODE, in the
 * compact form customs systems use ({@code NLRTM}): name, country (the code's first two letters)
 * and coordinates. A row without a five-letter code or with coordinates that are no numbers is left
 * out; a file without the columns is refused, naming it.
 */
public final class PortIndex {
  /** A port: UN/LOCODE, name, ISO country code (lower case), latitude and longitude. */
  public record Port(String locode, String name, String country, double lat, double lon) {}

  private final Map<String, Port> byCode;

  private PortIndex(Map<String, Port> byCode) {
    this.byCode = byCode;
  }

  /** No ports: routes without coordinates. */
  public static PortIndex empty() {
    return new PortIndex(Map.of());
  }

  /**
   * The index of a World Port Index CSV file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or lacks the columns
   */
  public static PortIndex read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static PortIndex read(Reader in, String name) throws IOException {
    Map<String, Port> ports = new HashMap<>();
    var records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
    for (String column : new String[] {"UN/LOCODE", "Main Port Name", "Latitude", "Longitude"}) {
      if (!records.getHeaderMap().containsKey(column)) {
        throw new IllegalArgumentException(
            name + ":1: no '" + column + "' column; is it the World Port Index (Pub. 150)?");
      }
    }
    for (CSVRecord r : records) {
      if (!r.isConsistent()) {
        continue;
      }
      String code = r.get("UN/LOCODE").replace(" ", "").strip().toUpperCase(Locale.ROOT);
      if (code.length() != 5 || !code.chars().allMatch(Character::isLetterOrDigit)) {
        continue;
      }
      try {
        double lat = Double.parseDouble(r.get("Latitude").strip());
        double lon = Double.parseDouble(r.get("Longitude").strip());
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          continue;
        }
        ports.putIfAbsent(
            code,
            new Port(
                code,
                r.get("Main Port Name").strip(),
                code.substring(0, 2).toLowerCase(Locale.ROOT),
                lat,
                lon));
      } catch (NumberFormatException e) {
        // a port without coordinates is no use on a map
      }
    }
    return new PortIndex(Map.copyOf(ports));
  }

  /** The port of a UN/LOCODE (spaces and case ignored), or null. */
  public Port get(String locode) {
    return locode == null
        ? null
        : byCode.get(locode.replace(" ", "").strip().toUpperCase(Locale.ROOT));
  }

  public int size() {
    return byCode.size();
  }
}
