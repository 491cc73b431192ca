package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.HandlingCode;

class ManifestTest {
  @TempDir Path tmp;

  static final String QUERY =
      """
      queries:
        - csv_url: a.csv
          entities:
            p: {schema: Person, keys: [id], properties: {name: {column: naam}}}
      """;

  Path dir(String yaml) throws Exception {
    Path d = Datasets.dir(tmp.resolve("d" + System.nanoTime()), yaml);
    Files.writeString(d.resolve("a.csv"), "id,naam\n1,Jan\n");
    return d;
  }

  @Test
  void readsProvenance() throws Exception {
    Dataset ds = DatasetReader.read(dir(Datasets.PROVENANCE + QUERY));
    var p = ds.provenance(LocalDate.of(2026, 1, 1));
    assertThat(p.agency()).isEqualTo("politie-nl");
    assertThat(p.handlingCode()).isEqualTo(HandlingCode.H1);
    assertThat(p.retainUntil()).isEqualTo(LocalDate.of(2031, 1, 1));
    assertThat(p.shareWith()).containsExactly("kmar");
  }

  @Test
  void errorsNameFileLineFieldAndReason() throws Exception {
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(
                        Datasets.PROVENANCE.replace("handling_code: H1", "handling_code: H7")
                            + QUERY)))
        .isInstanceOf(DatasetException.class)
        .hasMessageMatching(
            ".*dataset.yml:4: handling_code: handling_code must be one of H0, H1, H2, H3, not 'H7'");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(
                        Datasets.PROVENANCE.replace("handling_code: H1", "handling_code: H3")
                            + QUERY)))
        .hasMessageContaining("H3 requires a handling_note");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(Datasets.PROVENANCE.replace("agency: politie-nl\n", "") + QUERY)))
        .hasMessageContaining("agency: missing");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(Datasets.PROVENANCE.replace("share_with", "shared_with") + QUERY)))
        .hasMessageContaining(":8: shared_with: unknown key (did you mean 'share_with'?)");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(
                        Datasets.PROVENANCE.replace("retention: P5Y", "retention: 5 years")
                            + QUERY)))
        .hasMessageContaining("retention: '5 years' is not an ISO 8601 period");
    assertThatThrownBy(
            () -> DatasetReader.read(dir(Datasets.PROVENANCE + QUERY.replace("Person", "Persn"))))
        .hasMessageContaining("unknown schema 'Persn' (did you mean 'Person'?)");
    assertThatThrownBy(
            () -> DatasetReader.read(dir(Datasets.PROVENANCE + QUERY.replace("name:", "nmae:"))))
        .hasMessageContaining("schema Person has no property 'nmae' (did you mean 'name'?)");
    assertThatThrownBy(
            () -> DatasetReader.read(dir(Datasets.PROVENANCE + QUERY.replace("a.csv", "b.csv"))))
        .hasMessageContaining("file 'b.csv' not found");
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    dir(Datasets.PROVENANCE + "queries: [\n  - csv_url: a.csv\n    entities: {")))
        .hasMessageContaining("malformed YAML");
    assertThatThrownBy(() -> DatasetReader.read(tmp.resolve("nowhere")))
        .hasMessageContaining("not a dataset directory");
    Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> DatasetReader.read(tmp.resolve("empty")))
        .hasMessageContaining("dataset.yml: missing");
  }

  @Test
  void entityReferenceMustNameAnEntityOfTheQuery() throws Exception {
    String yaml =
        Datasets.PROVENANCE
            + """
            queries:
              - csv_url: a.csv
                entities:
                  p: {schema: Person, keys: [id], properties: {addressEntity: {entity: adres}}}
            """;
    assertThatThrownBy(() -> DatasetReader.read(dir(yaml)))
        .hasMessageContaining("no entity 'adres' in this query; defined: p");
  }
}
