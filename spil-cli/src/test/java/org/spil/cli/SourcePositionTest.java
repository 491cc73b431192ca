package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value an entity page shows says where it was read: the file and the line of its row, also
 * when one entity's values come from several rows, and a value repeated on a later row keeps the
 * first.
 */
class SourcePositionTest {
  @TempDir Path tmp;

  @Test
  void eachValueNamesTheLineItWasReadFrom() throws Exception {
    Path dir = tmp.resolve("register");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("persons.csv"),
        "id,name,phone\n"
            + "1,Jan de Vries,0612345678\n"
            + "2,Piet Jansen,0687654321\n"
            + "1,Jan de Vries,0611111111\n");
    Files.writeString(
        dir.resolve("dataset.yml"),
        String.join(
            "\n",
            "name: register",
            "title: A register",
            "agency: politie-nl",
            "legal_basis: wpg-art-9",
            "handling_code: H2",
            "source_grade: B",
            "info_grade: 2",
            "retention: P1Y",
            "phone_region: NL",
            "queries:",
            "  - csv_url: persons.csv",
            "    entities:",
            "      person:",
            "        schema: Person",
            "        keys: [id]",
            "        properties:",
            "          name: {column: name}",
            "          phone: {column: phone}",
            ""));
    String data = tmp.resolve("data").toString();
    assertThat(Cli.run("ingest", dir.toString(), "--data", data).code()).isZero();
    CommandsTest.addUsers(data, tmp);
    String[] viewer = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json"};
    JsonNode hits =
        new ObjectMapper()
            .readTree(
                Cli.run(LeakTest.concat(new String[] {"search", "Jan de Vries"}, viewer)).out());
    String id = hits.get(0).get("id").asText();
    JsonNode shown =
        new ObjectMapper()
            .readTree(Cli.run(LeakTest.concat(new String[] {"show", id}, viewer)).out());
    Map<String, String> phones = new HashMap<>();
    shown
        .get("properties")
        .get("phone")
        .forEach(v -> phones.put(v.get("value").asText(), v.get("source").asText()));
    assertThat(phones)
        .containsEntry("+31612345678", "register/persons.csv:2")
        .containsEntry("+31611111111", "register/persons.csv:4");
    assertThat(shown.get("properties").get("name")).hasSize(1);
    assertThat(shown.get("properties").get("name").get(0).get("source").asText())
        .isEqualTo("register/persons.csv:2");
  }
}
