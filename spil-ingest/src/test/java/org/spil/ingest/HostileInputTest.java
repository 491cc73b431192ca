package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
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

  /**
   * Found by fuzzing: a header whose quoted field is followed by more text before the delimiter.
   */
  @Test
  void aHeaderThatDoesNotParseNamesTheLine() throws Exception {
    Path dir = dataset("id;\"naam\"x;notitie\n1;Jan;\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("a.csv:1: cannot parse CSV");
  }

  /** Found by fuzzing: a date format whose unknown directive comes after the known ones. */
  @Test
  void anUnknownDateDirectiveAnywhereInAFormatIsRefusedAtRead() throws Exception {
    Path dir =
        Datasets.dir(
            tmp.resolve("format"),
            MAPPING.replace(
                "notes: {column: notitie}", "birthDate: {column: notitie, format: \"%d-%m-%&\"}"));
    Files.writeString(dir.resolve("a.csv"), "id,naam,notitie\n1,Jan,01-02-1990\n");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("birthDate.format")
        .hasMessageContaining("unsupported date directive %& in %d-%m-%&");
  }

  /** Found by fuzzing: a sheet that ends inside a text escaped the workbook check unchecked. */
  @Test
  void aSheetCutOffInsideATextIsMalformedNamingTheSheet() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("cut"), MAPPING.replace("a.csv", "a.xlsx"));
    Files.write(
        dir.resolve("a.xlsx"),
        ReaderFuzzTest.workbook(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id",
            "<sst/>"));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("malformed XML");
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

  static final int OVER = BoundedReader.MAX_RECORD_CHARS + 1_000;

  @Test
  void anEndlessLineIsRefusedAtItsStartNotReadIntoMemory() throws Exception {
    byte[] line = new byte[OVER];
    Arrays.fill(line, (byte) 'x');
    Path dir =
        dataset(concat("id,naam,notitie\n1,Jan,ok\n".getBytes(StandardCharsets.UTF_8), line));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith(
            "a.csv:3: a record longer than 33554432 characters (a line without its end, or a"
                + " quote opened and never closed?)");
  }

  @Test
  void aQuoteNeverClosedIsRefusedWhereItOpens() throws Exception {
    StringBuilder text = new StringBuilder("id,naam,notitie\n1,Jan,ok\n2,\"Piet,open\n");
    String row = "3,Klaas," + "y".repeat(90) + "\n";
    while (text.length() < OVER) {
      text.append(row);
    }
    Path dir = dataset(text.toString().getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("a.csv:3: a record longer than 33554432 characters");
  }

  @Test
  void anEndlessJsonLineIsRefusedWithItsLine() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("jsonl"), MAPPING.replace("a.csv", "a.jsonl"));
    byte[] line = new byte[OVER];
    Arrays.fill(line, (byte) ' ');
    Files.write(
        dir.resolve("a.jsonl"),
        concat("{\"id\": \"1\", \"naam\": \"Jan\"}\n".getBytes(StandardCharsets.UTF_8), line));
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("jsonl/a.jsonl:2: a record longer than 33554432 characters");
  }

  @Test
  void deeplyNestedJsonIsRefusedWithItsLine() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("deep"), MAPPING.replace("a.csv", "a.jsonl"));
    Files.writeString(
        dir.resolve("a.jsonl"),
        "{\"id\": \"1\", \"naam\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}\n");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("deep/a.jsonl:1: not valid JSON: Document nesting depth");
  }

  @Test
  void aZipBombIsRefusedBeforeTheWorkbookReaderSeesIt() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("bomb"), MAPPING.replace("a.csv", "a.xlsx"));
    try (var zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("a.xlsx")))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 80; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(Files.size(dir.resolve("a.xlsx"))).isLessThan(200_000);
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "bomb/a.xlsx: refused as a workbook: part xl/worksheets/sheet1.xml inflates more"
                + " than 200 times its");
  }

  @Test
  void aPackageOfTooManyPartsIsRefused() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("parts"), MAPPING.replace("a.csv", "a.xlsx"));
    try (var zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("a.xlsx")))) {
      for (int i = 0; i <= XlsxPackage.MAX_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry("p" + i));
        zip.closeEntry();
      }
    }
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("parts/a.xlsx: refused as a workbook: it has 10001 parts");
  }

  @Test
  void aTextBeyondExcelsCellLimitIsRefused() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("cell"), MAPPING.replace("a.csv", "a.xlsx"));
    try (var os = Files.newOutputStream(dir.resolve("a.xlsx"));
        var wb = new Workbook(os, "test", "1.0")) {
      var ws = wb.newWorksheet("personen");
      ws.value(0, 0, "id");
      ws.value(0, 1, "naam");
      ws.value(0, 2, "notitie");
      ws.value(1, 0, "1");
      ws.value(1, 1, "Jan");
      ws.value(2, 0, "2");
      ws.value(2, 2, "z".repeat(40_000));
    }
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "cell/a.xlsx: refused as a workbook: part xl/sharedStrings.xml: shared string 7: a text"
                + " longer than Excel's limit of 32767 characters");
  }

  @Test
  void aHugeDatasetYmlIsRefusedUnread() throws Exception {
    Path dir =
        Datasets.dir(
            tmp.resolve("yml"),
            MAPPING + "# " + "x".repeat((int) DatasetReader.MAX_DATASET_BYTES) + "\n");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("bytes; a dataset.yml holds at most 1048576");
  }

  /** A workbook written by the Excel writer, then one of its parts replaced. */
  static void workbookWithPart(Path xlsx, String part, String content) throws Exception {
    Path plain = xlsx.resolveSibling("plain.xlsx");
    try (var os = Files.newOutputStream(plain);
        var wb = new Workbook(os, "test", "1.0")) {
      var ws = wb.newWorksheet("personen");
      ws.value(0, 0, "id");
      ws.value(0, 1, "naam");
      ws.value(0, 2, "notitie");
      ws.value(1, 0, "1");
    }
    try (var in = new ZipFile(plain.toFile());
        var out = new ZipOutputStream(Files.newOutputStream(xlsx))) {
      for (var entries = in.entries(); entries.hasMoreElements(); ) {
        ZipEntry e = entries.nextElement();
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(part)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
        } else {
          in.getInputStream(e).transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.delete(plain);
  }

  @Test
  void entityReferencesInASheetAreRefusedNamingTheSheet() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("ent"), MAPPING.replace("a.csv", "a.xlsx"));
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    workbookWithPart(
        dir.resolve("a.xlsx"),
        "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file://"
            + secret
            + "\"><!ENTITY l \"lol\">]><worksheet"
            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>naam</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>notitie</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1</t></is></c>"
            + "<c r=\"B2\" t=\"inlineStr\"><is><t>&x;&l;</t></is></c></row>"
            + "</sheetData></worksheet>");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith(
            "ent/a.xlsx: refused as a workbook: sheet 'personen' (xl/worksheets/sheet1.xml): a"
                + " document type or entity reference, which a workbook written by Excel never has")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOPSECRET"));
  }

  @Test
  void aCellFarBeyondTheLastColumnOrRowIsRefused() throws Exception {
    for (String ref : new String[] {"ZZZZZZ2", "B2000000"}) {
      Path dir = Datasets.dir(tmp.resolve("far" + ref), MAPPING.replace("a.csv", "a.xlsx"));
      workbookWithPart(
          dir.resolve("a.xlsx"),
          "xl/worksheets/sheet1.xml",
          "<?xml version=\"1.0\"?><worksheet"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
              + "<c r=\"B1\" t=\"inlineStr\"><is><t>naam</t></is></c>"
              + "<c r=\"C1\" t=\"inlineStr\"><is><t>notitie</t></is></c></row>"
              + "<row><c r=\""
              + ref
              + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
              + "</sheetData></worksheet>");
      assertThatThrownBy(() -> Datasets.ingest(dir))
          .as(ref)
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining(
              "a.xlsx: refused as a workbook: sheet 'personen' (xl/worksheets/sheet1.xml)")
          .hasMessageContaining(ref.startsWith("Z") ? "cell reference 'ZZZZZZ2'" : "B2000000");
    }
  }

  @Test
  void aLongTextInASheetNamesSheetAndCell() throws Exception {
    Path dir = Datasets.dir(tmp.resolve("inline"), MAPPING.replace("a.csv", "a.xlsx"));
    workbookWithPart(
        dir.resolve("a.xlsx"),
        "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\"?><worksheet"
            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
            + "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>"
            + "q".repeat(40_000)
            + "</t></is></c></row></sheetData></worksheet>");
    assertThatThrownBy(() -> Datasets.ingest(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageEndingWith(
            "inline/a.xlsx: refused as a workbook: sheet 'personen' (xl/worksheets/sheet1.xml),"
                + " cell C2: a text longer than Excel's limit of 32767 characters");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
