package org.spil.analysis.network;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.spil.analysis.graph.GraphBuilder;

/**
 * Reads a network from a CSV file, in either of the two shapes criminal-network data sets come in:
 * an adjacency matrix (a header row of node labels after an empty corner cell, then one row per
 * node, a number per tie; CAVIAR, Natarajan's wire-taps) or an edge list with columns {@code
 * source}, {@code target} and optionally {@code weight}. Ties are undirected; a matrix's two
 * directions are added up. Errors name the file, line and column.
 */
public final class NetworkFile {
  /** The file is read whole: at most this many bytes (a matrix of about 15,000 nodes). */
  static final long MAX_BYTES = 512L << 20;

  private NetworkFile() {}

  public static Network read(Path file) throws IOException {
    List<CSVRecord> rows;
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(
          file + ": " + Files.size(file) + " bytes; a network file holds at most " + MAX_BYTES);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (Reader in = new StringReader(text)) {
      rows = CSVFormat.DEFAULT.builder().get().parse(in).getRecords();
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty network file");
    }
    CSVRecord header = rows.get(0);
    String corner = header.get(0).strip();
    if (corner.isEmpty() && header.size() == rows.size()) {
      return matrix(file, rows);
    }
    return edgeList(file, rows);
  }

  private static Network matrix(Path file, List<CSVRecord> rows) {
    CSVRecord header = rows.get(0);
    int n = header.size() - 1;
    String[] labels = new String[n];
    Map<String, Integer> column = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      labels[i] = header.get(i + 1).strip();
      if (column.put(labels[i], i) != null) {
        throw new IllegalArgumentException(
            file + ":1: column " + (i + 2) + ": node '" + labels[i] + "' appears twice");
      }
    }
    GraphBuilder b = new GraphBuilder(n, n * 4);
    for (int r = 1; r < rows.size(); r++) {
      CSVRecord row = rows.get(r);
      int line = r + 1;
      if (row.size() != n + 1) {
        throw new IllegalArgumentException(
            file + ":" + line + ": expected " + (n + 1) + " columns, found " + row.size());
      }
      Integer u = column.get(row.get(0).strip());
      if (u == null) {
        throw new IllegalArgumentException(
            file + ":" + line + ": column 1: row label '" + row.get(0) + "' is not in the header");
      }
      for (int c = 1; c <= n; c++) {
        String cell = row.get(c).strip();
        double w;
        try {
          w = cell.isEmpty() ? 0 : Double.parseDouble(cell);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file + ":" + line + ": column " + (c + 1) + ": '" + cell + "' is not a number");
        }
        if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              file
                  + ":"
                  + line
                  + ": column "
                  + (c + 1)
                  + ": tie strength must be >= 0, not "
                  + cell);
        }
        if (w > 0 && u != c - 1) {
          b.add(u, c - 1, w);
        }
      }
    }
    return new Network(labels, labels, null, b.build(false));
  }

  private static Network edgeList(Path file, List<CSVRecord> rows) {
    CSVRecord header = rows.get(0);
    int source = -1;
    int target = -1;
    int weight = -1;
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).replace("\uFEFF", "").strip().toLowerCase();
      switch (h) {
        case "source", "from" -> source = i;
        case "target", "to" -> target = i;
        case "weight" -> weight = i;
        default -> {}
      }
    }
    if (source < 0 || target < 0) {
      throw new IllegalArgumentException(
          file
              + ":1: neither an adjacency matrix (empty first cell, one row per column) nor an"
              + " edge list (columns source and target)");
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    List<int[]> edges = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      CSVRecord row = rows.get(r);
      int line = r + 1;
      if (row.size() <= Math.max(source, Math.max(target, weight))) {
        throw new IllegalArgumentException(file + ":" + line + ": too few columns");
      }
      String s = row.get(source).strip();
      String t = row.get(target).strip();
      if (s.isEmpty() || t.isEmpty()) {
        throw new IllegalArgumentException(file + ":" + line + ": empty source or target");
      }
      double w = 1;
      if (weight >= 0) {
        try {
          w = Double.parseDouble(row.get(weight).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file + ":" + line + ": weight: '" + row.get(weight) + "' is not a number");
        }
        if (!(w > 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              file + ":" + line + ": weight: must be positive, not " + row.get(weight));
        }
      }
      int u = ids.computeIfAbsent(s, k -> ids.size());
      int v = ids.computeIfAbsent(t, k -> ids.size());
      edges.add(new int[] {u, v});
      weights.add(w);
    }
    GraphBuilder b = new GraphBuilder(ids.size(), edges.size());
    for (int i = 0; i < edges.size(); i++) {
      b.add(edges.get(i)[0], edges.get(i)[1], weights.get(i));
    }
    String[] labels = ids.keySet().toArray(new String[0]);
    return new Network(labels, labels, null, b.build(false));
  }
}
