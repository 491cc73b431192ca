package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtmFilesTest {
  @TempDir Path tmp;

  /** Real data: the 474 FollowTheMoney entities of the nomenklatura donations fixture. */
  @Test
  void ingestsTheRealDonationsFileWithoutRejects() throws Exception {
    Path donations = Path.of("../../shared/data/ftm/donations.ijson").toAbsolutePath().normalize();
    Path dir =
        Datasets.dir(
            tmp.resolve("donations"), Datasets.PROVENANCE + "ftm_files: [donations.ijson]\n");
    // a dataset reads only files inside its directory: the shared file is copied in
    Files.copy(donations, dir.resolve("donations.ijson"));
    CollectedStatements s = new CollectedStatements();
    IngestReport report = new Ingest(DatasetReader.read(dir), s, n -> {}).run();
    assertThat(report.rows()).isEqualTo(474);
    assertThat(report.rejects()).isEmpty();
    Map<String, Long> entitiesBySchema =
        s.rows.stream()
            .filter(r -> r.prop().equals("id"))
            .collect(Collectors.groupingBy(CollectedStatements.Row::schema, Collectors.counting()));
    assertThat(entitiesBySchema)
        .containsEntry("Payment", 290L)
        .containsEntry("Person", 22L)
        .containsEntry("Company", 56L);
    assertThat(s.values("amountEur")).contains("100000", "113969.15");
  }

  @Test
  void aValueThatIsAnObjectOrAListIsRejectedNotStoredAsText() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("nested"), Datasets.PROVENANCE + "ftm_files: [e.ijson]\n");
    Files.writeString(
        dir.resolve("e.ijson"),
        "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ann\","
            + " {\"x\": 1}, [\"Bo\"]], \"nationality\": \"nl\"}}\n");
    CollectedStatements s = new CollectedStatements();
    IngestReport report = new Ingest(DatasetReader.read(dir), s, n -> {}).run();
    assertThat(s.values("name")).containsExactly("Ann");
    assertThat(s.values("nationality")).containsExactly("nl");
    assertThat(report.rejectedRows()).isEqualTo(1);
    assertThat(report.rejects())
        .extracting(r -> r.toString().substring(r.toString().indexOf('/') + 1))
        .containsExactly(
            "e.ijson:1: properties.name: name: a value must be text, not a JSON object",
            "e.ijson:1: properties.name: name: a value must be text, not a JSON list");
  }

  @Test
  void unknownSchemaOrPropertyInAnFtmFileStopsTheDataset() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("bad"), Datasets.PROVENANCE + "ftm_files: [e.ijson]\n");
    Files.writeString(
        dir.resolve("e.ijson"),
        "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n{\"id\": \"b\", \"schema\": \"Persona\"}\n");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("bad/e.ijson:2: schema: unknown schema 'Persona'");
    Files.writeString(
        dir.resolve("e.ijson"),
        "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"birthdate\": [\"1980\"]}}\n");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .hasMessageContaining(
            "e.ijson:1: properties.birthdate: schema Person has no property 'birthdate' (did you mean 'birthDate'?)");
    Files.writeString(dir.resolve("e.ijson"), "{\"id\": \"a\", \"schema\": \"Person\"\n");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .hasMessageContaining("e.ijson:1: not valid JSON");
  }

  @Test
  void anEndlessEntityLineIsRefusedWithItsLine() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("long"), Datasets.PROVENANCE + "ftm_files: [e.ijson]\n");
    byte[] endless = new byte[BoundedReader.MAX_RECORD_CHARS + 10];
    Arrays.fill(endless, (byte) '[');
    Files.write(
        dir.resolve("e.ijson"),
        HostileInputTest.concat(
            "{\"id\": \"a\", \"schema\": \"Person\"}\n".getBytes(StandardCharsets.UTF_8), endless));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("long/e.ijson:2: a record longer than 33554432 characters");
  }
}
