package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTest {
  @TempDir Path tmp;

  static final String PERSONS =
      Datasets.PROVENANCE
          + """
          phone_region: NL
          queries:
            - csv_url: personen.csv
              filters:
                status: [actief, verdacht]
              filters_not:
                bron: test
              entities:
                adres:
                  schema: Address
                  keys: [straat, woonplaats]
                  properties:
                    full: {columns: [straat, woonplaats], join: ", "}
                persoon:
                  schema: Person
                  keys: [id]
                  key_literal: persoon
                  properties:
                    name: {columns: [voornaam, achternaam], join: " "}
                    birthDate: {column: geboortedatum, format: ["%d-%m-%Y", "%Y"]}
                    phone: {column: telefoon, split: "|"}
                    topics: {literal: crime.traffick.drug}
                    addressEntity: {entity: adres}
                    country: {column: land}
                rekening:
                  schema: BankAccount
                  keys: [iban]
                  properties:
                    iban: {column: iban}
                    holder: {entity: persoon}
            - csv_url: links.csv
              entities:
                a: {schema: Person, keys: [a], key_literal: persoon}
                b: {schema: Person, keys: [b], key_literal: persoon}
                link:
                  schema: Associate
                  keys: [a, b]
                  properties:
                    person: {entity: a}
                    associate: {entity: b}
          """;

  Path persons(Charset charset, String delimiter) throws Exception {
    Path dir = Datasets.dir(tmp.resolve("ds"), PERSONS);
    String d = delimiter;
    String csv =
        String.join(
                d,
                "id",
                "voornaam",
                "achternaam",
                "geboortedatum",
                "telefoon",
                "iban",
                "straat",
                "woonplaats",
                "land",
                "status",
                "bron")
            + "\r\n"
            + String.join(
                d,
                "1",
                "Noël",
                "Verhoeven",
                "23-11-1990",
                "06-12345678|010-4567890",
                "NL91 ABNA 0417 1643 00",
                "Meir 1",
                "Antwerpen",
                "België",
                "actief",
                "")
            + "\r\n"
            + String.join(
                d,
                "2",
                "Jan",
                "de Vries",
                "1979",
                "06-1234",
                "NL91 ABNA 0417 1643 01",
                "Coolsingel 1",
                "Rotterdam",
                "Nederland",
                "verdacht",
                "")
            + "\r\n"
            + String.join(
                d, "3", "Karel", "Oud", "30-02-1950", "", "", "", "", "Atlantis", "actief", "")
            + "\r\n"
            + String.join(d, "4", "Uit", "Filter", "", "", "", "", "", "", "vervallen", "")
            + "\r\n"
            + String.join(d, "5", "Test", "Persoon", "", "", "", "", "", "", "actief", "test")
            + "\r\n";
    Datasets.file(dir, "personen.csv", csv, charset);
    Datasets.file(dir, "links.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void mapsWindows1252SemicolonCsvWithEveryMappingFeature() throws Exception {
    CollectedStatements s = Datasets.ingest(persons(Charset.forName("windows-1252"), ";"));
    assertThat(s.values("name"))
        .containsExactlyInAnyOrder("Noël Verhoeven", "Jan de Vries", "Karel Oud");
    assertThat(s.values("birthDate")).containsExactlyInAnyOrder("1990-11-23", "1979");
    assertThat(s.values("phone")).containsExactlyInAnyOrder("+31612345678", "+31104567890");
    assertThat(s.values("iban")).containsExactly("NL91ABNA0417164300");
    assertThat(s.values("topics")).hasSize(3).containsOnly("crime.traffick.drug");
    assertThat(s.values("country")).containsExactlyInAnyOrder("be", "nl");
    assertThat(s.values("full"))
        .containsExactlyInAnyOrder("Meir 1, Antwerpen", "Coolsingel 1, Rotterdam");
    // the address reference points at the address entity of the same row
    String addressId =
        s.of("Address").stream()
            .filter(r -> r.value().equals("Meir 1, Antwerpen"))
            .findFirst()
            .orElseThrow()
            .entityId();
    assertThat(s.rows)
        .anyMatch(r -> r.prop().equals("addressEntity") && r.value().equals(addressId));
    // the link query's persons get the same ids as the person query's, through key_literal
    assertThat(s.values("holder")).hasSize(2);
    Set<String> personIds =
        s.of("Person").stream().map(CollectedStatements.Row::entityId).collect(Collectors.toSet());
    assertThat(s.values("person")).allMatch(personIds::contains);
    assertThat(s.values("associate")).allMatch(personIds::contains);
    // the original spelling is kept beside the normalised value
    assertThat(s.rows)
        .anyMatch(
            r -> r.prop().equals("iban") && "NL91 ABNA 0417 1643 00".equals(r.originalValue()));
  }

  @Test
  void rejectsInvalidValuesWithFileLineColumnAndReason() throws Exception {
    Path dir = persons(StandardCharsets.UTF_8, ",");
    IngestReport report =
        new Ingest(DatasetReader.read(dir), new CollectedStatements(), n -> {}).run();
    assertThat(report.rejects())
        .extracting(Reject::toString)
        .containsExactlyInAnyOrder(
            "ds/personen.csv:3: telefoon: phone: not a valid phone number for its country",
            "ds/personen.csv:3: iban: iban: IBAN check digits do not match",
            "ds/personen.csv:4: geboortedatum: birthDate: not a date in format %d-%m-%Y or %Y",
            "ds/personen.csv:4: land: country: unknown country 'Atlantis'");
    assertThat(report.rejectedRows()).isEqualTo(2);
    assertThat(report.rows()).isEqualTo(6);
  }

  @Test
  void utf8WithBomAndTabsIsDetected() throws Exception {
    Path dir = persons(StandardCharsets.UTF_8, "\t");
    Files.write(
        dir.resolve("personen.csv"),
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            Files.readAllBytes(dir.resolve("personen.csv"))));
    CollectedStatements s = Datasets.ingest(dir);
    assertThat(s.values("name")).contains("Noël Verhoeven");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void entityIdsAreStableAcrossRunsAndDependOnDataset() throws Exception {
    Path dir = persons(StandardCharsets.UTF_8, ",");
    Set<String> first =
        Datasets.ingest(dir).rows.stream()
            .map(CollectedStatements.Row::entityId)
            .collect(Collectors.toSet());
    Set<String> second =
        Datasets.ingest(dir).rows.stream()
            .map(CollectedStatements.Row::entityId)
            .collect(Collectors.toSet());
    assertThat(first).isEqualTo(second);
    Files.writeString(
        dir.resolve("dataset.yml"), PERSONS.replace("name: test-ds", "name: other-ds"));
    Set<String> other =
        Datasets.ingest(dir).rows.stream()
            .map(CollectedStatements.Row::entityId)
            .collect(Collectors.toSet());
    assertThat(other).doesNotContainAnyElementsOf(first);
  }

  @Test
  void missingColumnIsADatasetErrorBeforeAnythingIsEmitted() throws Exception {
    Path dir = persons(StandardCharsets.UTF_8, ",");
    Files.writeString(
        dir.resolve("dataset.yml"), PERSONS.replace("column: land", "column: landcode"));
    CollectedStatements sink = new CollectedStatements();
    assertThatThrownBy(() -> new Ingest(DatasetReader.read(dir), sink, n -> {}).run())
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("ds/personen.csv:1: column 'landcode'")
        .hasMessageContaining("columns are: id, voornaam");
    assertThat(sink.rows).isEmpty();
  }

  @Test
  void jsonLinesAndXlsxSources() throws Exception {
    Path dir =
        Datasets.dir(
            tmp.resolve("multi"),
            Datasets.PROVENANCE
                + """
                queries:
                  - csv_urls: [rows.jsonl, rows.xlsx]
                    entities:
                      v:
                        schema: Vessel
                        keys: [imo]
                        properties:
                          name: {column: naam}
                          imoNumber: {column: imo}
                          buildDate: {column: gebouwd}
                """);
    Datasets.file(
        dir,
        "rows.jsonl",
        "{\"imo\": \"IMO 9074729\", \"naam\": \"Ever Given\", \"gebouwd\": \"2018\"}\n\n{\"imo\": 9176187, \"naam\": \"Essen\"}\n",
        StandardCharsets.UTF_8);
    try (var os = Files.newOutputStream(dir.resolve("rows.xlsx"));
        var wb = new Workbook(os, "test", "1.0")) {
      var ws = wb.newWorksheet("schepen");
      ws.value(0, 0, "imo");
      ws.value(0, 1, "naam");
      ws.value(0, 2, "gebouwd");
      ws.value(1, 0, "9312456");
      ws.value(1, 1, "Hamburg Express");
      ws.value(1, 2, LocalDate.of(2010, 5, 1));
      ws.style(1, 2).format("yyyy-mm-dd").set();
      ws.value(2, 0, "9312457");
      ws.value(2, 1, "Broken Check");
    }
    IngestReport report;
    CollectedStatements s = new CollectedStatements();
    report = new Ingest(DatasetReader.read(dir), s, n -> {}).run();
    assertThat(s.values("imoNumber"))
        .containsExactlyInAnyOrder("IMO9074729", "IMO9176187", "IMO9312456");
    assertThat(s.values("buildDate")).containsExactlyInAnyOrder("2018", "2010-05-01");
    assertThat(report.rejects())
        .extracting(Reject::toString)
        .containsExactly("multi/rows.xlsx:3: imo: imoNumber: IMO check digit does not match");
  }
}
