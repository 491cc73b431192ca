package org.spil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.cli.Spil;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.LegalBases;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * What a job reads of the lake is what the reader sees in the warehouse, value for value: the
 * examples of three agencies with a record of the police granted to customs after a hit and an
 * access request; customs' job reads its own batch and exactly that record of the police's, the
 * police their own and what customs shares, an agency that supplied nothing reads nothing.
 */
class LakeScopeTest {
  @TempDir Path tmp;

  @Test
  void aJobReadsOfTheLakeExactlyWhatTheReaderSeesInTheWarehouse() throws Exception {
    Path examples = Path.of("../examples").toAbsolutePath().normalize();
    String data = tmp.resolve("d").toString();
    run(
        "ingest",
        examples.resolve("politie-nl").toString(),
        examples.resolve("douane-nl").toString(),
        examples.resolve("politie-chats").toString(),
        "--data",
        data);
    Path pw = tmp.resolve("pw.txt");
    Files.writeString(pw, "a long enough test password\n");
    try (var in = LegalBases.class.getResourceAsStream("legal-bases.txt")) {
      Files.writeString(
          Path.of(data).resolve("legal-bases.txt"),
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              + "agency outsider: police\n");
    }
    for (String[] u :
        new String[][] {
          {"politie", "politie-nl"}, {"douane", "douane-nl"}, {"nobody", "outsider"}
        }) {
      run(
          "users",
          "add",
          u[0],
          "--agency",
          u[1],
          "--role",
          "analyst",
          "--password-file",
          pw.toString(),
          "--data",
          data);
    }
    String hit =
        run(
            "hit",
            "--name",
            "Mohamed El Amrani",
            "--dob",
            "1985-03-12",
            "--json",
            "--as",
            "douane",
            "--purpose",
            "adw",
            "--data",
            data);
    String ref = new ObjectMapper().readTree(hit).get(0).get("reference").asText();
    run(
        "request",
        "create",
        ref,
        "--reason",
        "consignee of a seized container",
        "--as",
        "douane",
        "--purpose",
        "adw",
        "--data",
        data);
    run(
        "request",
        "grant",
        "REQ-00001",
        "--as",
        "politie",
        "--until",
        LocalDate.now().plusDays(30).toString(),
        "--data",
        data);
    Path lake = tmp.resolve("lake");
    try (Store store = Store.open(Path.of(data), true, LocalDate.now())) {
      store.lake(lake).write("test", n -> {});
    }
    SparkSession spark = ClusterSession.open("local[2]", 2);
    try (Store store = Store.open(Path.of(data), false, LocalDate.now())) {
      Set<String> every = new TreeSet<>();
      for (Schema s : Schemata.model().all()) {
        every.add(s.name());
      }
      for (String[] reader :
          new String[][] {{"douane", "adw"}, {"politie", "wpg-art-9"}, {"nobody", "wpg-art-9"}}) {
        Viewer viewer = store.viewer(reader[0], reader[1]);
        Set<String> seen = new TreeSet<>();
        store
            .entities()
            .forEachEntity(
                viewer,
                every,
                (id, schema, source, props) ->
                    props.forEach(
                        (prop, values) ->
                            values.forEach(v -> seen.add(id + " " + prop + " " + v))));
        Store.ReadScope scope = store.readScope(viewer, "test");
        Set<String> read = new TreeSet<>();
        for (Row r :
            LakeInput.of(spark, lake, scope)
                .statements()
                .select("entity_id", "prop", "value")
                .collectAsList()) {
          read.add(r.getString(0) + " " + r.getString(1) + " " + r.getString(2));
        }
        assertThat(read).as("what %s's job reads", reader[0]).isEqualTo(seen);
        // the same statements normalised to entities on the cluster: the same entities, and the
        // same values of each but its id
        Set<String> values = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (Row r : ClusterEntities.of(spark, LakeInput.of(spark, lake, scope)).collectAsList()) {
          ids.add(r.getString(0));
          java.util.Map<String, scala.collection.Seq<String>> props = r.getJavaMap(2);
          props.forEach(
              (prop, vs) ->
                  scala.jdk.javaapi.CollectionConverters.asJava(vs)
                      .forEach(v -> values.add(r.getString(0) + " " + prop + " " + v)));
        }
        assertThat(ids)
            .isEqualTo(
                new TreeSet<>(seen.stream().map(x -> x.substring(0, x.indexOf(' '))).toList()));
        assertThat(values)
            .isEqualTo(
                new TreeSet<>(
                    seen.stream().filter(x -> !x.split(" ", 3)[1].equals("id")).toList()));
        if (reader[0].equals("douane")) {
          assertThat(scope.entities()).as("the grant").hasSize(1);
          assertThat(read).anyMatch(s -> s.contains("Mohamed El Amrani"));
        }
        if (reader[0].equals("nobody")) {
          assertThat(read).isEmpty();
        }
      }
    } finally {
      spark.stop();
    }
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Spil.run(args, out, err);
    assertThat(code).as(String.join(" ", args) + "\n" + err).isZero();
    return out.toString();
  }
}
