package org.spil.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spil.model.InvalidField;

/**
 * Container ports by country, read from the World Port Index (NGA Pub. 150, {@code
 * UpdatedPub150.csv}): UN/LOCODEs in the compact form customs systems use ({@code NLRTM}) and port
 * names. The scenario prefers the big container ports of each trade lane, but only where the index
 * lists them; otherwise it takes the country's ports in the order of the file, so the same file
 * gives the same scenario.
 */
final class Ports {
  record Port(String locode, String name) {}

  private final Map<String, List<Port>> byCountry = new TreeMap<>();

  Ports(Path worldPortIndex) {
    if (!Files.isReadable(worldPortIndex)) {
      throw new InvalidField(
          "ports",
          worldPortIndex
              + ": World Port Index not found; it ships in ../shared/data/geo/ next to the"
              + " repository, or name another");
    }
    try (BufferedReader in = Files.newBufferedReader(worldPortIndex, StandardCharsets.UTF_8)) {
      List<String> header = split(in.readLine());
      int locode = header.indexOf("UN/LOCODE");
      int name = header.indexOf("Main Port Name");
      if (locode < 0 || name < 0) {
        throw new IllegalArgumentException(
            worldPortIndex + ":1: no 'UN/LOCODE' and 'Main Port Name' columns");
      }
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = split(line);
        if (f.size() <= Math.max(locode, name)) {
          continue;
        }
        String code = f.get(locode).replace(" ", "").strip();
        if (code.length() != 5) {
          continue;
        }
        String country = code.substring(0, 2).toLowerCase();
        byCountry
            .computeIfAbsent(country, k -> new ArrayList<>())
            .add(new Port(code, f.get(name).strip()));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(worldPortIndex + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * One of the {@code preferred} ports that the index lists, or any port of the country of the
   * first of them; fails when the index has no port in that country at all.
   */
  Port pick(Rng r, String... preferred) {
    List<Port> found = new ArrayList<>();
    for (String code : preferred) {
      Port p = find(code);
      if (p != null) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      String country = preferred[0].substring(0, 2).toLowerCase();
      List<Port> ports = byCountry.get(country);
      if (ports == null) {
        throw new IllegalArgumentException("the World Port Index has no port in " + country);
      }
      found = ports;
    }
    return found.get(r.below(found.size()));
  }

  private Port find(String locode) {
    for (Port p : byCountry.getOrDefault(locode.substring(0, 2).toLowerCase(), List.of())) {
      if (p.locode().equals(locode)) {
        return p;
      }
    }
    return null;
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
