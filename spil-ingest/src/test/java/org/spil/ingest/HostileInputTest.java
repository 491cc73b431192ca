package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, empty, huge and hostile files get a precise error or a precise reject, never a crash.
 */
class HostileInputTest {
  @TempDir Path tmp;

  static final String MAPPING =
      Datasets.PROVENANCE
          + """
          queries:
            - csv_url: a.csv
              entities:
                p: {schema: Person, keys: [id], properties: {name: {column: naam}, notes: {column: notitie}}}
          """;

  Path dataset(byte[] csv) throws Exception {
    Path dir = Datasets.dir(tmp.resolve("d" + System.nanoTime()), MAPPING);
    Files.write(dir.resolve("a.csv"), csv);
    return dir;
  }

  @Test
  void anEmptyFileHasNoHeader() throws Exception {
    Path dir = dataset(new byte[0]);
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith("a.csv: empty file, no header row");
  }

  @Test
  void legacySpreadsheetsAreRefusedWithAHint() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("xls"), MAPPING.replace("a.csv", "a.xls"));
    Files.write(dir.resolve("a.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "xls/a.xls: this spreadsheet format is not read; save it as .xlsx or CSV");
  }

  @Test
  void aZipWithoutAWorkbookIsNotAnXlsx() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("zip"), MAPPING.replace("a.csv", "a.xlsx"));
    try (var zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("a.xlsx")))) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "zip/a.xlsx: not a readable .xlsx workbook: the package holds no workbook");
  }

  @Test
  void aHeaderOnlyFileIngestsNothing() throws Exception {
    assertThat(Datasets.ingest(dataset("id,naam,notitie\n".getBytes(StandardCharsets.UTF_8))).rows)
        .isEmpty();
  }

  @Test
  void aMissingColumnIsNamedAndAHugeHeaderShownInPart() throws Exception {
    StringBuilder header = new StringBuilder("id,naam");
    for (int i = 0; i < 500; i++) {
      header.append(",kolom").append(i).append("x".repeat(100));
    }
    Path dir = dataset((header + "\n1,Jan\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("a.csv:1: column 'notitie' used by queries[0]")
        .hasMessageContaining("columns are: id, naam, kolom0xxx")
        .hasMessageEndingWith("and 472 more")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(2_000));
  }

  @Test
  void anUnterminatedQuoteNamesItsLine() throws Exception {
    Path dir =
        dataset("id,naam,notitie\n1,Jan,ok\n2,\"Piet,broken\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("a.csv:3: cannot parse CSV");
  }

  @Test
  void shortRowsAndHugeValuesAreHandledPerValue() throws Exception {
    String huge = "x".repeat(600);
    Path dir =
        dataset(
            ("id,naam,notitie\n1\n2," + huge + ",\"" + "y".repeat(2_000_000) + "\"\n")
                .getBytes(StandardCharsets.UTF_8));
    IngestReport report =
        new Ingest(DatasetReader.read(dir), new CollectedStatements(), n -> {}).run();
    assertThat(report.rows()).isEqualTo(2);
    assertThat(report.rejects())
        .extracting(r -> r.toString().substring(r.toString().indexOf('/') + 1))
        .containsExactlyInAnyOrder(
            "a.csv:3: naam: name: name longer than 500 characters",
            "a.csv:3: notitie: notes: value longer than 1000000 characters");
    assertThat(report.rejects()).allMatch(r -> r.value().length() <= 201);
  }

  @Test
  void randomBytesNeverCrashTheReader() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      byte[] withHeader = concat("id,naam,notitie\n".getBytes(StandardCharsets.UTF_8), bytes);
      Path dir = dataset(withHeader);
      try {
        Datasets.ingest(dir);
      } catch (DatasetException e) {
        assertThat(e.getMessage()).as("seed 11, file " + i).contains("a.csv:");
      }
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
