package org.spil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Opens a tabular source by its extension: {@code .csv .tsv .txt} as delimited text (encoding and
 * delimiter detected unless declared), {@code .xlsx} as the first (or named) Excel sheet, {@code
 * .jsonl .ndjson .json} as one JSON object per line, {@code .xml} as an ISO 20022 camt.053 bank
 * statement (one row per transaction). The first row of CSV and Excel is the header.
 */
public final class RecordSources {
  private RecordSources() {}

  /** Reading options a query may declare: encoding, delimiter and Excel sheet name. */
  public record Options(String encoding, Character delimiter, String sheet) {
    public static final Options NONE = new Options(null, null, null);
  }

  /** How many columns a source may have: Excel's own limit. */
  static final int MAX_COLUMNS = 16_384;

  /** How many characters an Excel cell may hold: Excel's own limit. */
  static final int MAX_CELL_CHARS = 32_767;

  public static RecordSource open(Path file, String displayName, Options options) {
    if (!Files.isReadable(file)) {
      throw new DatasetException(displayName + ": cannot read file (missing or not readable)");
    }
    String name = file.getFileName().toString().toLowerCase();
    try {
      if (name.endsWith(".xls") || name.endsWith(".ods") || name.endsWith(".xlsb")) {
        throw new DatasetException(
            displayName + ": this spreadsheet format is not read; save it as .xlsx or CSV (UTF-8)");
      }
      if (name.endsWith(".xml")) {
        return new BankStatementSource(file, displayName);
      }
      if (name.endsWith(".xlsx")) {
        return new XlsxSource(file, displayName, options.sheet());
      }
      if (name.endsWith(".jsonl")
          || name.endsWith(".ndjson")
          || name.endsWith(".json")
          || name.endsWith(".ijson")) {
        return new JsonLinesSource(file, displayName);
      }
      return new CsvSource(file, displayName, options);
    } catch (IOException e) {
      throw new DatasetException(displayName + ": cannot read file: " + e.getMessage(), e);
    }
  }

  /** The file as text in the given charset, its byte-order mark skipped. */
  static Reader textReader(Path file, int bomLength, Charset charset) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(bomLength);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new InputStreamReader(in, charset);
  }

  static Map<String, Integer> header(List<String> names, String displayName) {
    Map<String, Integer> header = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i) == null ? "" : names.get(i).strip();
      if (!n.isEmpty() && header.putIfAbsent(n, i) != null) {
        throw new DatasetException(displayName + ":1: duplicate column '" + n + "'");
      }
    }
    if (header.isEmpty()) {
      throw new DatasetException(displayName + ":1: no header row with column names");
    }
    return header;
  }

  static char detectDelimiter(String firstLine) {
    char best = ',';
    int bestCount = 0;
    for (char c : new char[] {',', ';', '\t', '|'}) {
      int count = 0;
      boolean quoted = false;
      for (int i = 0; i < firstLine.length(); i++) {
        char ch = firstLine.charAt(i);
        if (ch == '"') {
          quoted = !quoted;
        } else if (ch == c && !quoted) {
          count++;
        }
      }
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  static final class CsvSource implements RecordSource {
    private final String displayName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Map<String, Integer> header;
    private long nextLine;

    /** Warnings about the file: lines in UTF-8 in a file read as Windows-1252. */
    private final List<String> warnings = new ArrayList<>();

    @Override
    public List<String> warnings() {
      return warnings;
    }

    CsvSource(Path file, String displayName, Options options) throws IOException {
      this.displayName = displayName;
      Charset charset;
      int skip;
      if (options.encoding() != null) {
        try {
          charset = Encodings.forName(options.encoding());
        } catch (IllegalArgumentException e) {
          throw new DatasetException(
              displayName + ": unknown encoding '" + options.encoding() + "'");
        }
        skip = 0;
      } else {
        Encodings.Detected detected = Encodings.detect(file);
        charset = detected.charset();
        skip = detected.bomLength();
        if (!detected.utf8Lines().isEmpty()) {
          warnings.add(
              displayName
                  + ": mixes encodings: read as Windows-1252, but lines "
                  + detected.utf8Lines().stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))
                  + (detected.utf8Lines().size() == Encodings.MIXED_LINES_SHOWN
                      ? " (and maybe more)"
                      : "")
                  + " are UTF-8 and read garbled (\"Ã©\" for \"é\"); declare encoding: utf-8 after"
                  + " fixing the other lines, or convert the file");
        }
      }
      char delimiter;
      if (options.delimiter() != null) {
        delimiter = options.delimiter();
      } else {
        try (Reader head = textReader(file, skip, charset)) {
          char[] buf = new char[1 << 14];
          int n = Math.max(0, head.read(buf));
          String text = new String(buf, 0, n);
          int eol = text.indexOf('\n');
          delimiter = detectDelimiter(eol < 0 ? text : text.substring(0, eol));
        }
      }
      Reader reader =
          new BufferedReader(
              BoundedReader.csv(
                  textReader(file, skip, charset), BoundedReader.MAX_RECORD_CHARS, delimiter),
              1 << 16);
      reader.mark(2);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(delimiter)
              .setIgnoreEmptyLines(true)
              .setTrim(false)
              .get();
      this.parser = CSVParser.parse(reader, format);
      this.rows = parser.iterator();
      this.nextLine = 1;
      List<String> names = new ArrayList<>();
      try {
        if (!rows.hasNext()) {
          parser.close();
          throw new DatasetException(displayName + ": empty file, no header row");
        }
        rows.next().forEach(names::add);
      } catch (UncheckedIOException | IllegalStateException e) {
        parser.close();
        throw unparsable(e);
      }
      this.header = header(names, displayName);
      this.nextLine = parser.getCurrentLineNumber() + 1;
    }

    private DatasetException unparsable(RuntimeException e) {
      if (e.getCause() instanceof BoundedReader.RecordTooLong tooLong) {
        return new DatasetException(
            displayName + ":" + tooLong.line() + ": " + tooLong.getMessage(), e);
      }
      return new DatasetException(
          displayName + ":" + nextLine + ": cannot parse CSV: " + e.getMessage(), e);
    }

    @Override
    public Set<String> columns() {
      return header.keySet();
    }

    @Override
    public boolean hasNext() {
      try {
        return rows.hasNext();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw unparsable(e);
      }
    }

    @Override
    public SourceRecord next() {
      CSVRecord r;
      try {
        r = rows.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw unparsable(e);
      }
      long line = nextLine;
      nextLine = parser.getCurrentLineNumber() + 1;
      String[] values = new String[r.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      return new SourceRecord(displayName, line, header, values);
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class XlsxSource implements RecordSource {
    private final ReadableWorkbook workbook;
    private final Iterator<Row> rows;
    private final Map<String, Integer> header;
    private final String displayName;
    private final String sheetName;
    private int lastRow;

    XlsxSource(Path file, String displayName, String sheetName) throws IOException {
      this.displayName = displayName;
      XlsxPackage.check(file, displayName);
      try {
        this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
      } catch (IOException | RuntimeException e) {
        // the reader says "null not found" of a package without a workbook part
        String why =
            e.getMessage() == null || e.getMessage().endsWith(" not found")
                ? "the package holds no workbook (is it another kind of file, renamed?)"
                : e.getMessage();
        throw new DatasetException(displayName + ": not a readable .xlsx workbook: " + why, e);
      }
      try {
        Sheet sheet =
            sheetName == null
                ? workbook.getFirstSheet()
                : workbook
                    .findSheet(sheetName)
                    .orElseThrow(
                        () ->
                            new DatasetException(
                                displayName + ": no sheet named '" + sheetName + "'"));
        this.sheetName = sheet.getName();
        try {
          this.rows = sheet.openStream().iterator();
        } catch (IOException | RuntimeException e) {
          throw unreadable(0, e);
        }
        if (!hasNext()) {
          throw new DatasetException(displayName + ": empty sheet, no header row");
        }
        this.header = header(Arrays.asList(values(nextRow())), displayName);
      } catch (RuntimeException e) {
        workbook.close();
        throw e;
      }
    }

    private DatasetException unreadable(int row, Exception e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.getMessage() == null ? "" : root.getMessage().split("\n")[0];
      String why =
          message.contains("entity reference")
              ? "its XML uses entity references, which a workbook written by Excel never does"
              : "malformed XML ("
                  + (message.isEmpty() ? root.getClass().getSimpleName() : message)
                  + ")";
      return new DatasetException(
          displayName
              + (row > 0 ? ":" + row : "")
              + ": sheet '"
              + sheetName
              + "' cannot be read: "
              + why,
          e);
    }

    private Row nextRow() {
      try {
        Row row = rows.next();
        lastRow = row.getRowNum();
        return row;
      } catch (RuntimeException e) {
        throw unreadable(lastRow + 1, e);
      }
    }

    private String[] values(Row row) {
      if (row.getCellCount() > MAX_COLUMNS) {
        throw new DatasetException(
            displayName
                + ":"
                + row.getRowNum()
                + ": sheet '"
                + sheetName
                + "' has "
                + row.getCellCount()
                + " cells in a row, more than Excel's "
                + MAX_COLUMNS);
      }
      String[] values = new String[row.getCellCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = cellText(row, i);
        if (values[i] != null && values[i].length() > MAX_CELL_CHARS) {
          throw new DatasetException(
              displayName
                  + ":"
                  + row.getRowNum()
                  + ": sheet '"
                  + sheetName
                  + "', cell "
                  + columnLetters(i)
                  + row.getRowNum()
                  + ": "
                  + values[i].length()
                  + " characters, more than Excel's limit of "
                  + MAX_CELL_CHARS
                  + " (was the file written by Excel?)");
        }
      }
      return values;
    }

    /** A column's letters as Excel shows them: 0 is A, 25 is Z, 26 is AA. */
    static String columnLetters(int index) {
      StringBuilder letters = new StringBuilder();
      for (int i = index + 1; i > 0; i = (i - 1) / 26) {
        letters.insert(0, (char) ('A' + (i - 1) % 26));
      }
      return letters.toString();
    }

    @Override
    public Set<String> columns() {
      return header.keySet();
    }

    @Override
    public boolean hasNext() {
      try {
        return rows.hasNext();
      } catch (RuntimeException e) {
        throw unreadable(lastRow + 1, e);
      }
    }

    @Override
    public SourceRecord next() {
      Row row = nextRow();
      return new SourceRecord(displayName, row.getRowNum(), header, values(row));
    }

    private static String cellText(Row row, int i) {
      var cell = row.getCell(i);
      if (cell == null) {
        return null;
      }
      if (cell.getType() == CellType.NUMBER) {
        var number = cell.asNumber();
        String raw = cell.getRawValue();
        if (raw != null && isDateFormatted(cell)) {
          return cell.asDate().toLocalDate().toString();
        }
        return number.stripTrailingZeros().toPlainString();
      }
      return cell.getText();
    }

    private static boolean isDateFormatted(Cell cell) {
      String format = cell.getDataFormatString();
      if (format == null) {
        return false;
      }
      String f = format.toLowerCase().replaceAll("\"[^\"]*\"", "");
      return (f.contains("d") && f.contains("m")) || f.contains("yy");
    }

    @Override
    public void close() {
      try {
        workbook.close();
      } catch (IOException e) {
        throw new UncheckedIOException(displayName, e);
      }
    }
  }

  static final class JsonLinesSource implements RecordSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final String displayName;
    private final Map<String, Integer> header = new LinkedHashMap<>();
    private BufferedReader reader;
    private long line;
    private SourceRecord next;

    /** Reads the file twice: once for the union of keys (the columns), then row by row. */
    JsonLinesSource(Path file, String displayName) throws IOException {
      this.file = file;
      this.displayName = displayName;
      try (BufferedReader first = open()) {
        String l;
        while ((l = first.readLine()) != null) {
          line++;
          if (!l.isBlank()) {
            parse(l);
          }
        }
      } catch (BoundedReader.RecordTooLong e) {
        throw tooLong(e);
      }
      this.line = 0;
      this.reader = open();
    }

    private BufferedReader open() throws IOException {
      Encodings.Detected detected = Encodings.detect(file);
      return new BufferedReader(
          BoundedReader.lines(
              textReader(file, detected.bomLength(), detected.charset()),
              BoundedReader.MAX_RECORD_CHARS),
          1 << 16);
    }

    private DatasetException tooLong(BoundedReader.RecordTooLong e) {
      return new DatasetException(displayName + ":" + e.line() + ": " + e.getMessage(), e);
    }

    private String[] parse(String text) {
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (IOException e) {
        throw new DatasetException(
            displayName + ":" + line + ": not valid JSON: " + e.getMessage().split("\n")[0]);
      }
      if (node == null || !node.isObject()) {
        throw new DatasetException(displayName + ":" + line + ": each line must be a JSON object");
      }
      String[] values = new String[Math.max(header.size(), node.size())];
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        int index = header.computeIfAbsent(field.getKey(), k -> header.size());
        if (header.size() > MAX_COLUMNS) {
          throw new DatasetException(
              displayName
                  + ":"
                  + line
                  + ": more than "
                  + MAX_COLUMNS
                  + " distinct keys in the file; a table has at most that many columns");
        }
        if (index >= values.length) {
          values = Arrays.copyOf(values, index + 1);
        }
        JsonNode v = field.getValue();
        values[index] = v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
      }
      return values;
    }

    @Override
    public Set<String> columns() {
      return header.keySet();
    }

    @Override
    public boolean hasNext() {
      while (next == null && reader != null) {
        String l;
        try {
          l = reader.readLine();
        } catch (BoundedReader.RecordTooLong e) {
          throw tooLong(e);
        } catch (IOException e) {
          throw new DatasetException(
              displayName + ":" + line + ": cannot read: " + e.getMessage(), e);
        }
        if (l == null) {
          close();
          break;
        }
        line++;
        if (!l.isBlank()) {
          next = new SourceRecord(displayName, line, header, parse(l));
        }
      }
      return next != null;
    }

    @Override
    public SourceRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SourceRecord r = next;
      next = null;
      return r;
    }

    @Override
    public void close() {
      try {
        if (reader != null) {
          reader.close();
          reader = null;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
