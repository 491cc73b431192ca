package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Coverage-guided fuzzing of every reader a partner's file goes through: CSV, JSON lines, FtM
 * entities, Excel workbooks, camt.053 bank statements, and the {@code dataset.yml} mapping. The
 * contract under test: whatever the bytes, an ingest either completes (bad rows rejected with their
 * line) or stops with a {@link DatasetException} naming the file; anything else (another exception,
 * a stack overflow, running out of memory) is a finding. {@code ./mvnw verify} replays the
 * committed inputs under {@code src/test/resources/org/spil/ingest/ReaderFuzzTestInputs/}; the long
 * runs are in {@code docs/security.md} ("Fuzzing").
 */
class ReaderFuzzTest {
  private static final Path ROOT;

  static {
    try {
      ROOT = Files.createTempDirectory("spil-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String PERSONS =
      """
      queries:
        - csv_url: %s
          entities:
            p:
              schema: Person
              keys: [id]
              properties:
                name: {column: naam}
                birthDate: {column: geboren, format: "%%d-%%m-%%Y"}
                phone: {column: telefoon, split: ","}
                idNumber: {column: id}
            a:
              schema: BankAccount
              keys: [iban]
              properties:
                iban: {column: iban}
                holder: {entity: p}
      """;

  static final String STATEMENTS =
      """
      queries:
        - csv_url: s.xml
          entities:
            rekening:
              schema: BankAccount
              keys: [account_iban]
              properties:
                iban: {column: account_iban}
                bic: {column: account_bic}
            betaling:
              schema: Payment
              keys: [entry_ref]
              properties:
                amount: {column: amount}
                date: {column: booking_date}
                payer: {entity: rekening}
      """;

  /** A dataset directory of one target with its mapping and one file; reused by every run. */
  private static Path dataset(String target, String mapping, String file, byte[] content)
      throws IOException {
    Path dir = ROOT.resolve(target);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("dataset.yml"), Datasets.PROVENANCE + mapping);
    Files.write(dir.resolve(file), content);
    return dir;
  }

  /** Ingests, and holds the reader to its contract: done, or a DatasetException naming a file. */
  private static void ingest(Path dir) {
    try {
      Datasets.ingest(dir);
    } catch (DatasetException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "10m")
  void csv(byte[] content) throws IOException {
    ingest(dataset("csv", PERSONS.formatted("a.csv"), "a.csv", content));
  }

  @FuzzTest(maxDuration = "10m")
  void jsonLines(byte[] content) throws IOException {
    ingest(dataset("jsonl", PERSONS.formatted("a.jsonl"), "a.jsonl", content));
  }

  @FuzzTest(maxDuration = "10m")
  void ftmEntities(byte[] content) throws IOException {
    ingest(dataset("ftm", "ftm_files: [e.ijson]\n", "e.ijson", content));
  }

  @FuzzTest(maxDuration = "10m")
  void bankStatement(byte[] content) throws IOException {
    ingest(dataset("camt", STATEMENTS, "s.xml", content));
  }

  @FuzzTest(maxDuration = "10m")
  void mapping(byte[] content) throws IOException {
    Path dir = ROOT.resolve("mapping");
    Files.createDirectories(dir);
    Files.write(dir.resolve("dataset.yml"), content);
    Files.writeString(dir.resolve("a.csv"), "id;naam;geboren;telefoon;iban\n1;Jan;01-02-1980;;\n");
    ingest(dir);
  }

  /**
   * A workbook whose sheet and shared strings are the fuzzer's, in a well-formed package: raw bytes
   * would rarely get past the zip's own checks to the XML the readers parse.
   */
  @FuzzTest(maxDuration = "10m")
  void workbook(FuzzedDataProvider data) throws IOException {
    String sheet = data.consumeString(4096);
    String strings = data.consumeRemainingAsString();
    ingest(dataset("xlsx", PERSONS.formatted("a.xlsx"), "a.xlsx", workbook(sheet, strings)));
  }

  static byte[] workbook(String sheet, String sharedStrings) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      part(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override"
              + " PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override"
              + " PartName=\"/xl/sharedStrings.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
      part(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      part(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet"
              + " name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      part(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
              + " Target=\"sharedStrings.xml\"/></Relationships>");
      part(zip, "xl/worksheets/sheet1.xml", sheet);
      part(zip, "xl/sharedStrings.xml", sharedStrings);
    }
    return bytes.toByteArray();
  }

  private static void part(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
