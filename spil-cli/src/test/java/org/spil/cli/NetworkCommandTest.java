package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network commands end to end on a real network file and on hand-made edge cases. */
class NetworkCommandTest {
  static final String CAVIAR = "../../shared/data/networks/morselli_caviar.csv";
  final ObjectMapper json = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void caviarLeaderTopsCentralityAndKeyPlayers() throws Exception {
    Cli.Result r = Cli.run("centrality", "--graph", CAVIAR, "--json", "--top", "3");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode top = json.readTree(r.out());
    assertThat(top.get(0).get("id").asText()).isEqualTo("1");
    assertThat(top.get(0).get("measure").asText()).isEqualTo("betweenness");
    Cli.Result kp = Cli.run("keyplayers", "--graph", CAVIAR, "--k", "3", "--json");
    JsonNode players = json.readTree(kp.out());
    assertThat(players.get("players").get(0).get("id").asText()).isEqualTo("1");
    double before = players.get("fragmentation_before").asDouble();
    for (JsonNode p : players.get("players")) {
      assertThat(p.get("fragmentation_after").asDouble()).isGreaterThanOrEqualTo(before);
      before = p.get("fragmentation_after").asDouble();
    }
    Cli.Result ego = Cli.run("network", "1", "--graph", CAVIAR, "--depth", "1", "--json");
    assertThat(json.readTree(ego.out()).get("nodes").size()).isEqualTo(61);
    Cli.Result communities = Cli.run("communities", "--graph", CAVIAR, "--json");
    assertThat(json.readTree(communities.out()).get("modularity").asDouble()).isGreaterThan(0.3);
  }

  @Test
  void unknownEntitiesDisconnectedPairsAndBadOptionsGetClearAnswers() throws Exception {
    Path edges = tmp.resolve("edges.csv");
    Files.writeString(edges, "source,target,weight\nA,B,2\nB,C,1\nD,E,1\n");
    Cli.Result none = Cli.run("path", "A", "E", "--graph", edges.toString());
    assertThat(none.code()).isZero();
    assertThat(none.out()).contains("no path between A and E");
    Cli.Result noneJson = Cli.run("path", "A", "E", "--graph", edges.toString(), "--json");
    assertThat(json.readTree(noneJson.out()).get("connected").asBoolean()).isFalse();
    Cli.Result path = Cli.run("path", "A", "C", "--graph", edges.toString(), "--json");
    assertThat(json.readTree(path.out()).get("paths").get(0).get("length").asDouble())
        .isEqualTo(2.0);
    Cli.Result unknown = Cli.run("network", "Z", "--graph", edges.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown entity 'Z'");
    Cli.Result measure = Cli.run("centrality", "--graph", edges.toString(), "--measure", "fame");
    assertThat(measure.code()).isEqualTo(2);
    assertThat(measure.err()).contains("unknown measure 'fame'").contains("pagerank");
    Cli.Result noViewer = Cli.run("centrality", "--data", tmp.resolve("d").toString());
    assertThat(noViewer.code()).isEqualTo(2);
    assertThat(noViewer.err()).contains("--as USER --purpose P").contains("--graph FILE");
    Cli.Result missing = Cli.run("centrality", "--graph", tmp.resolve("nope.csv").toString());
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void graphExportsParseAsXml() throws Exception {
    for (String format : new String[] {"gexf", "graphml"}) {
      Path out = tmp.resolve("caviar." + format);
      Cli.Result r =
          Cli.run("graph", "--graph", CAVIAR, "--format", format, "--out", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
      assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(110);
      assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(205);
    }
    Cli.Result bad = Cli.run("graph", "--graph", CAVIAR, "--format", "dot", "--out", "x");
    assertThat(bad.code()).isEqualTo(2);
  }
}
