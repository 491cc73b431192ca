package org.spil.analysis.network;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeSet;
import org.spil.analysis.graph.Graph;

/**
 * Writes a network for Gephi, yEd or Cytoscape: GEXF 1.3 or GraphML, with each node's caption,
 * schema and flags, each edge's weight and link types, and any per-node scores given (a centrality,
 * a community) as attributes. Text is XML-escaped; nothing but the network is written.
 */
public final class GraphFormats {
  private GraphFormats() {}

  public static void gexf(Network net, Map<String, double[]> scores, Writer out)
      throws IOException {
    Graph g = net.graph();
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n");
    out.write("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    out.write("    <attributes class=\"node\">\n");
    out.write("      <attribute id=\"schema\" title=\"schema\" type=\"string\"/>\n");
    out.write("      <attribute id=\"flags\" title=\"flags\" type=\"string\"/>\n");
    for (String s : scores.keySet()) {
      out.write(
          "      <attribute id=\"" + esc(s) + "\" title=\"" + esc(s) + "\" type=\"double\"/>\n");
    }
    out.write("    </attributes>\n");
    out.write("    <attributes class=\"edge\">\n");
    out.write("      <attribute id=\"types\" title=\"types\" type=\"string\"/>\n");
    out.write("    </attributes>\n");
    out.write("    <nodes>\n");
    for (int v = 0; v < g.nodes(); v++) {
      out.write("      <node id=\"" + esc(net.id(v)) + "\" label=\"" + esc(net.caption(v)) + "\">");
      out.write("<attvalues>");
      out.write(att("schema", net.kind(v) == null ? "" : net.kind(v)));
      out.write(att("flags", String.join(" ", new TreeSet<>(net.flags(v)))));
      for (Map.Entry<String, double[]> s : scores.entrySet()) {
        out.write(att(s.getKey(), Double.toString(s.getValue()[v])));
      }
      out.write("</attvalues></node>\n");
    }
    out.write("    </nodes>\n    <edges>\n");
    int id = 0;
    for (int u = 0; u < g.nodes(); u++) {
      for (int e = g.start(u); e < g.end(u); e++) {
        int v = g.target(e);
        if (u < v || g.directed()) {
          out.write(
              "      <edge id=\""
                  + id++
                  + "\" source=\""
                  + esc(net.id(u))
                  + "\" target=\""
                  + esc(net.id(v))
                  + "\" weight=\""
                  + g.weight(e)
                  + "\"><attvalues>"
                  + att("types", types(net, u, v))
                  + "</attvalues></edge>\n");
        }
      }
    }
    out.write("    </edges>\n  </graph>\n</gexf>\n");
    out.flush();
  }

  public static void graphml(Network net, Map<String, double[]> scores, Writer out)
      throws IOException {
    Graph g = net.graph();
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    out.write("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    out.write("  <key id=\"schema\" for=\"node\" attr.name=\"schema\" attr.type=\"string\"/>\n");
    out.write("  <key id=\"flags\" for=\"node\" attr.name=\"flags\" attr.type=\"string\"/>\n");
    for (String s : scores.keySet()) {
      out.write(
          "  <key id=\""
              + esc(s)
              + "\" for=\"node\" attr.name=\""
              + esc(s)
              + "\" attr.type=\"double\"/>\n");
    }
    out.write("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    out.write("  <key id=\"types\" for=\"edge\" attr.name=\"types\" attr.type=\"string\"/>\n");
    out.write(
        "  <graph id=\"spil\" edgedefault=\""
            + (g.directed() ? "directed" : "undirected")
            + "\">\n");
    for (int v = 0; v < g.nodes(); v++) {
      out.write("    <node id=\"" + esc(net.id(v)) + "\">");
      out.write("<data key=\"label\">" + esc(net.caption(v)) + "</data>");
      out.write("<data key=\"schema\">" + esc(net.kind(v) == null ? "" : net.kind(v)) + "</data>");
      out.write(
          "<data key=\"flags\">" + esc(String.join(" ", new TreeSet<>(net.flags(v)))) + "</data>");
      for (Map.Entry<String, double[]> s : scores.entrySet()) {
        out.write("<data key=\"" + esc(s.getKey()) + "\">" + s.getValue()[v] + "</data>");
      }
      out.write("</node>\n");
    }
    for (int u = 0; u < g.nodes(); u++) {
      for (int e = g.start(u); e < g.end(u); e++) {
        int v = g.target(e);
        if (u < v || g.directed()) {
          out.write(
              "    <edge source=\""
                  + esc(net.id(u))
                  + "\" target=\""
                  + esc(net.id(v))
                  + "\"><data key=\"weight\">"
                  + g.weight(e)
                  + "</data><data key=\"types\">"
                  + esc(types(net, u, v))
                  + "</data></edge>\n");
        }
      }
    }
    out.write("  </graph>\n</graphml>\n");
    out.flush();
  }

  private static String types(Network net, int u, int v) {
    return String.join(" ", net.links(u, v).stream().map(Link::type).toList());
  }

  private static String att(String key, String value) {
    return "<attvalue for=\"" + esc(key) + "\" value=\"" + esc(value) + "\"/>";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
