package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of every {@code --json} output, guarded against change: each command runs on the demo
 * scenario (scale 400) and its output is reduced to a skeleton (keys in order, the type of every
 * value, the elements of a list merged into one) that must equal the golden file in {@code
 * src/test/resources/golden/}. Values are not compared (ids, dates and timings vary), keys and
 * their order are. Maps keyed by data (properties, datasets, audit details) are merged under {@code
 * "*"}. {@code -Dspil.golden.write=true} writes the golden files afresh; a change to one is a
 * change of the documented output and must be deliberate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final Set<String> MAPS =
      Set.of("properties", "datasets", "schemata", "agencies", "handling_codes");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @TempDir static Path tmp;
  static String data;
  static String examples;
  static String person;
  static String other;
  static String handleA;

  /** The chat handle (its username) of the first of them. */
  static String handleName;

  static String payer;
  static String payee;
  static String holder;
  static String handleB;
  static String seizure;

  @BeforeAll
  void demo() throws Exception {
    data = tmp.resolve("demo").toString();
    Cli.Result r =
        Cli.run(
            "demo",
            "--scale",
            "400",
            "--no-serve",
            "--data",
            data,
            "--ports",
            SynthCommandTest.PORTS);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode hits =
        JSON.readTree(
            Cli.run(
                    "search",
                    "Sokolov",
                    "--schema",
                    "Person",
                    "--as",
                    "analist.politie",
                    "--purpose",
                    "26Kruiskade",
                    "--data",
                    data,
                    "--json")
                .out());
    person = hits.get(0).get("id").asText();
    other = hits.get(1).get("id").asText();
    JsonNode top =
        JSON.readTree(
            Cli.run(
                    "centrality",
                    "--links",
                    "Message",
                    "--top",
                    "2",
                    "--as",
                    "analist.politie",
                    "--purpose",
                    "26Kruiskade",
                    "--data",
                    data,
                    "--json")
                .out());
    handleA = top.get(0).get("id").asText();
    handleName = top.get(0).get("caption").asText();
    handleB = top.get(1).get("id").asText();
    JsonNode alerts =
        JSON.readTree(
            Cli.run(
                    "flows",
                    "typologies",
                    "--typology",
                    "pass-through",
                    "--as",
                    "analist.politie",
                    "--purpose",
                    "26Kruiskade",
                    "--data",
                    data,
                    "--json")
                .out());
    payer = alerts.get(0).get("hops").get(0).get("from").asText();
    payee = alerts.get(0).get("hops").get(1).get("to").asText();
    holder = alerts.get(0).get("subjects").get(0).asText();
    seizure =
        Files.readAllLines(Path.of(data, "scenario", "truth", "seizure_chains.csv"))
            .get(1)
            .split(",")[1];
    examples = CommandsTest.warehouse(tmp, "examples", "politie-nl", "douane-nl");
  }

  /** Each case: a golden file name and the arguments after {@code --data DIR}. */
  List<Object[]> commands() {
    String[] police = {"--as", "analist.politie", "--purpose", "26Kruiskade", "--json"};
    List<Object[]> out = new ArrayList<>();
    out.add(c("search", police, "search", "Sokolov"));
    out.add(c("messages-search", police, "messages", "search", "container", "--limit", "3"));
    out.add(c("messages-triage", police, "messages", "triage", "--top", "2"));
    out.add(c("handles-attribute", police, "handles", "attribute", handleName));
    out.add(c("show", police, "show", person));
    out.add(c("stats", police, "stats"));
    out.add(c("users-list", new String[] {"--json"}, "users", "list"));
    out.add(c("cases-list", new String[] {"--json"}, "cases", "list"));
    out.add(
        c(
            "hit",
            new String[] {"--as", "douanier", "--purpose", "adw", "--json"},
            "hit",
            "--name",
            "Sergei Sokolov"));
    out.add(c("resolve", police, "resolve"));
    out.add(c("clusters", police, "clusters"));
    out.add(c("explain", police, "explain", person, other));
    out.add(c("match", police, "match", "--name", "Sergei Sokolov"));
    out.add(c("review", police, "review"));
    out.add(c("network", police, "network", handleA, "--links", "Message"));
    out.add(c("network-warehouse", police, "network", person, "--depth", "2"));
    for (String m : List.of("betweenness", "pagerank", "kcore")) {
      out.add(c("centrality-" + m, police, "centrality", "--measure", m));
    }
    out.add(c("communities", police, "communities", "--links", "Message"));
    out.add(c("path", police, "path", handleA, handleB, "--links", "Message", "--k", "2"));
    out.add(c("keyplayers", police, "keyplayers", "--links", "Message"));
    out.add(c("bridges", police, "bridges"));
    out.add(c("flows-cycles", police, "flows", "cycles"));
    out.add(c("flows-typologies", police, "flows", "typologies"));
    out.add(c("flows-trace", police, "flows", "trace", payer));
    out.add(c("flows-between", police, "flows", "between", payer, payee));
    out.add(c("assets", police, "assets", holder));
    out.add(c("chain", police, "chain", seizure));
    out.add(c("routes", police, "routes", "--port", "TGLFW", "--ports", SynthCommandTest.PORTS));
    out.add(c("targeting", police, "targeting", "--top", "5"));
    out.add(c("insiders", police, "insiders", "--port", "NLRTM", "--top", "5"));
    out.add(c("upstream", police, "upstream", "--country", "ec"));
    out.add(c("downstream", police, "downstream"));
    out.add(c("trends", police, "trends", "--by", "port", "--top", "3"));
    out.add(c("signals", police, "signals"));
    out.add(c("focus", police, "focus", "--top", "3"));
    out.add(
        c(
            "audit-query",
            new String[] {"--as", "fg.politie", "--json"},
            "audit",
            "query",
            "--user",
            "analist.politie"));
    out.add(
        c(
            "migrate",
            new String[] {"--json", "--once"},
            "migrate",
            "--to",
            "parquet",
            tmp.resolve("golden-lake").toString()));
    return out;
  }

  private static Object[] c(String name, String[] tail, String... head) {
    String[] args = new String[head.length + tail.length];
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(tail, 0, args, head.length, tail.length);
    return new Object[] {name, args};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void demoCommandsKeepTheirShape(String name, String[] args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data;
    System.arraycopy(args, 0, all, 2, args.length);
    Cli.Result r = Cli.run(all);
    assertThat(r.code()).as(r.err()).isZero();
    check(name, r.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleCommands")
  void exampleCommandsKeepTheirShape(String name, String[] args) throws Exception {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    check(name, r.out());
  }

  List<Object[]> exampleCommands() {
    Path fresh = tmp.resolve("fresh");
    Path synth = tmp.resolve("synth");
    return List.of(
        new Object[] {
          "ingest",
          new String[] {
            "ingest",
            CommandsTest.EXAMPLES.resolve("politie-nl").toString(),
            "--data",
            fresh.toString(),
            "--json"
          }
        },
        new Object[] {
          "ingest-unchanged",
          new String[] {
            "ingest",
            CommandsTest.EXAMPLES.resolve("politie-nl").toString(),
            "--data",
            examples,
            "--json"
          }
        },
        new Object[] {
          "rejects",
          new String[] {
            "rejects", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", examples, "--json"
          }
        },
        new Object[] {
          "synth",
          new String[] {
            "synth",
            "--scale",
            "200",
            "--out",
            synth.toString(),
            "--ports",
            SynthCommandTest.PORTS,
            "--json"
          }
        });
  }

  private static void check(String name, String out) throws Exception {
    JsonNode value;
    if (name.equals("audit-query")) {
      ArrayNode lines = JsonNodeFactory.instance.arrayNode();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      value = lines;
    } else {
      value = JSON.readTree(out);
    }
    assertThat(value).as("%s printed no JSON: %s", name, out).isNotNull();
    assertThat(value.isEmpty())
        .as("%s printed an empty answer, which shows no shape", name)
        .isFalse();
    JsonNode skeleton = skeleton(value, null);
    if (name.equals("audit-query")) {
      ((ObjectNode) skeleton.get(0)).set("detail", sorted(skeleton.get(0).get("detail")));
    }
    String shape = JSON.writeValueAsString(skeleton) + "\n";
    Path file = GOLDEN.resolve(name + ".json");
    if (Boolean.getBoolean("spil.golden.write")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, shape);
    }
    assertThat(file).as("golden file of %s", name).exists();
    assertThat(shape).as("the JSON shape of %s", name).isEqualTo(Files.readString(file));
  }

  /** Keys in order, the type of each value, the elements of a list merged. */
  static JsonNode skeleton(JsonNode n, String key) {
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      if (key != null && MAPS.contains(key)) {
        JsonNode merged = null;
        for (JsonNode v : n) {
          merged = merge(merged, skeleton(v, null));
        }
        if (merged != null) {
          out.set("*", merged);
        }
        return out;
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.set(e.getKey(), skeleton(e.getValue(), e.getKey()));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      JsonNode merged = null;
      for (JsonNode v : n) {
        merged = merge(merged, skeleton(v, key));
      }
      if (merged != null) {
        out.add(merged);
      }
      return out;
    }
    return TextNode.valueOf(type(n));
  }

  private static String type(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    if (n.isNumber()) {
      return "decimal";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  /**
   * An object with its keys sorted: audit details are written from maps whose order changes between
   * runs, and merged across entries.
   */
  static JsonNode sorted(JsonNode n) {
    if (!n.isObject() || n.has("$or")) {
      return n;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    TreeSet<String> keys = new TreeSet<>();
    n.properties().forEach(e -> keys.add(e.getKey()));
    keys.forEach(k -> out.set(k, n.get(k)));
    return out;
  }

  /** Two skeletons as one: keys of both (the first's order first), types joined by '|'. */
  static JsonNode merge(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.isObject() && b.isObject() && !a.has("$or") && !b.has("$or")) {
      ObjectNode out = ((ObjectNode) a).deepCopy();
      for (Map.Entry<String, JsonNode> e : b.properties()) {
        out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
      }
      return out;
    }
    if (a.isArray() && b.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      JsonNode merged = merge(a.isEmpty() ? null : a.get(0), b.isEmpty() ? null : b.get(0));
      if (merged != null) {
        out.add(merged);
      }
      return out;
    }
    // a value that is sometimes a scalar and sometimes a structure: its scalar types and the
    // structure, side by side
    Set<String> types = new TreeSet<>();
    JsonNode structure = null;
    for (JsonNode x : List.of(a, b)) {
      JsonNode part = x.has("$or") ? x.get("$structure") : x;
      if (x.has("$or")) {
        types.addAll(List.of(x.get("$or").asText().split("\\|")));
      }
      if (part.isTextual()) {
        types.addAll(List.of(part.asText().split("\\|")));
      } else {
        structure = structure == null ? part : merge(structure, part);
      }
    }
    if (structure == null) {
      return TextNode.valueOf(String.join("|", types));
    }
    if (types.isEmpty()) {
      return structure;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("$or", String.join("|", types));
    out.set("$structure", structure);
    return out;
  }
}
