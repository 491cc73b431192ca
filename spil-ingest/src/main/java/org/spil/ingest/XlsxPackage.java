package org.spil.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Inspects an .xlsx file, a zip package, before the workbook reader opens it: a package of too many
 * parts, or whose parts inflate far beyond what they hold (a zip bomb: a few megabytes that expand
 * to gigabytes), is refused before it costs time or memory. Sizes are measured by inflating, not
 * taken from the zip's headers, which an attacker writes.
 */
final class XlsxPackage {
  /** At most this many parts; a real workbook has a few dozen, one per sheet and style. */
  static final int MAX_ENTRIES = 10_000;

  /** No part inflates beyond this: room for a sheet of a million rows of short cells. */
  static final long MAX_ENTRY_BYTES = 2L << 30;

  /** All parts together inflate to at most this. */
  static final long MAX_TOTAL_BYTES = 8L << 30;

  /**
   * A part may inflate to this many times its compressed size before it is a bomb; sheets of
   * repetitive values reach 20 to 50, a bomb's ratio is near deflate's limit of about 1,000.
   */
  static final long MAX_RATIO = 200;

  /** Below this, no ratio is too high: small parts of repeated styles compress well. */
  static final long RATIO_FLOOR = 64L << 20;

  private XlsxPackage() {}

  /** Excel's last row. */
  static final int MAX_ROWS = 1_048_576;

  /** Throws a {@link DatasetException} naming the file and the part when a limit is broken. */
  static void check(Path file, String displayName) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw refuse(displayName, "it has " + zip.size() + " parts, more than " + MAX_ENTRIES);
      }
      Inflated total = new Inflated(displayName, "its parts inflate", MAX_TOTAL_BYTES, 0);
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Inflated part =
            new Inflated(
                displayName,
                "part " + entry.getName() + " inflates",
                MAX_ENTRY_BYTES,
                Math.max(entry.getCompressedSize(), 1));
        try (InputStream in =
            new CountingStream(new BufferedInputStream(zip.getInputStream(entry)), part, total)) {
          in.mark(4);
          byte[] head = in.readNBytes(4);
          in.reset();
          if (looksLikeXml(head)) {
            scanXml(in, displayName, entry.getName(), () -> sheetNames(zip));
          } else {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      }
    } catch (ZipException e) {
      throw new DatasetException(
          displayName
              + ": not a readable .xlsx workbook: not a zip package ("
              + e.getMessage()
              + ")",
          e);
    } catch (IOException e) {
      throw new DatasetException(displayName + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean looksLikeXml(byte[] head) {
    for (byte b : head) {
      if (b == '<') {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads an XML part as the workbook reader will and refuses what would make that reader allocate
   * without bound or resolve entities: a cell or row reference beyond Excel's grid (the reader
   * fills a row up to the column a reference names), more cells in a row than Excel's columns, a
   * text longer than a cell may hold, a document type or entity reference.
   */
  private static void scanXml(
      InputStream in, String displayName, String part, Supplier<Map<String, String>> sheets)
      throws IOException {
    XMLStreamReader xml = null;
    int cells = 0;
    int strings = 0;
    String cell = null;
    long text = 0;
    try {
      xml = secureFactory().createXMLStreamReader(in);
      while (xml.hasNext()) {
        int event = xml.next();
        String problem = null;
        if (event == XMLStreamConstants.START_ELEMENT) {
          text = 0;
          String name = xml.getLocalName();
          String ref = xml.getAttributeValue(null, "r");
          if (name.equals("row")) {
            cells = 0;
            if (ref != null && !validRow(ref)) {
              problem = "row number '" + clip(ref) + "' is beyond Excel's " + MAX_ROWS + " rows";
            }
          } else if (name.equals("c")) {
            cell = ref;
            if (++cells > RecordSources.MAX_COLUMNS) {
              problem = "more than " + RecordSources.MAX_COLUMNS + " cells in a row";
            } else if (ref != null && !validCell(ref)) {
              cell = null;
              problem =
                  "cell reference '" + clip(ref) + "' is beyond Excel's grid (A1 to XFD1048576)";
            }
          } else if (name.equals("si")) {
            strings++;
            cell = null;
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text += xml.getTextLength();
          if (text > RecordSources.MAX_CELL_CHARS) {
            problem =
                (strings > 0 ? "shared string " + strings + ": " : "")
                    + "a text longer than Excel's limit of "
                    + RecordSources.MAX_CELL_CHARS
                    + " characters";
          }
        } else if (event == XMLStreamConstants.DTD
            || event == XMLStreamConstants.ENTITY_REFERENCE) {
          problem =
              "a document type or entity reference, which a workbook written by Excel never has";
        }
        if (problem != null) {
          throw refuse(displayName, where(part, cell, sheets) + ": " + problem);
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(displayName, part, cell, sheets, e);
    } catch (RuntimeException e) {
      // the parser reads text lazily and reports a part cut short inside it unchecked
      if (e.getCause() instanceof XMLStreamException x) {
        throw malformed(displayName, part, cell, sheets, x);
      }
      throw e;
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // closing a reader that failed; the failure is what is reported
        }
      }
    }
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  /** Where in the workbook: "sheet 'Name' (part), cell C3" or "part xl/sharedStrings.xml". */
  private static String where(String part, String cell, Supplier<Map<String, String>> sheets) {
    String sheet = sheets.get().get(part);
    return (sheet == null ? "part " + part : "sheet '" + sheet + "' (" + part + ")")
        + (cell == null ? "" : ", cell " + cell);
  }

  /**
   * The sheets' names by their parts, from the workbook part and its relationships; empty where
   * those are missing or unreadable (an error message then names the part alone).
   */
  static Map<String, String> sheetNames(ZipFile zip) {
    Map<String, String> nameById = new LinkedHashMap<>();
    Map<String, String> partById = new HashMap<>();
    try {
      readElements(
          zip,
          "xl/workbook.xml",
          xml -> {
            if (xml.getLocalName().equals("sheet")) {
              String id =
                  xml.getAttributeValue(
                      "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
              if (id != null) {
                nameById.put(id, xml.getAttributeValue(null, "name"));
              }
            }
          });
      readElements(
          zip,
          "xl/_rels/workbook.xml.rels",
          xml -> {
            if (xml.getLocalName().equals("Relationship")) {
              String target = xml.getAttributeValue(null, "Target");
              if (target != null) {
                partById.put(
                    xml.getAttributeValue(null, "Id"),
                    target.startsWith("/") ? target.substring(1) : "xl/" + target);
              }
            }
          });
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    nameById.forEach(
        (id, name) -> {
          if (partById.get(id) != null && name != null) {
            names.put(partById.get(id), name);
          }
        });
    return names;
  }

  private interface ElementVisitor {
    void start(XMLStreamReader xml);
  }

  private static void readElements(ZipFile zip, String part, ElementVisitor visitor)
      throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      return;
    }
    Inflated limit = new Inflated(part, "it", 16 << 20, Math.max(entry.getCompressedSize(), 1));
    try (InputStream in = new CountingStream(zip.getInputStream(entry), limit, limit)) {
      XMLStreamReader xml = secureFactory().createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          visitor.start(xml);
        }
      }
      xml.close();
    }
  }

  /** A cell reference within Excel's grid: column A to XFD, row 1 to 1,048,576. */
  static boolean validCell(String ref) {
    int i = 0;
    int column = 0;
    while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z' && i < 3) {
      column = column * 26 + (ref.charAt(i) - 'A' + 1);
      i++;
    }
    return i > 0 && column <= RecordSources.MAX_COLUMNS && validRow(ref.substring(i));
  }

  static boolean validRow(String digits) {
    if (digits.isEmpty() || digits.length() > 7) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return false;
      }
    }
    int row = Integer.parseInt(digits);
    return row >= 1 && row <= MAX_ROWS;
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static DatasetException malformed(
      String displayName,
      String part,
      String cell,
      Supplier<Map<String, String>> sheets,
      XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    message = message.replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
    return refuse(
        displayName,
        where(part, cell, sheets) + ": malformed XML: " + clip(message.split("\n")[0]),
        e);
  }

  private static DatasetException refuse(String displayName, String why) {
    return new DatasetException(displayName + ": refused as a workbook: " + why);
  }

  private static DatasetException refuse(String displayName, String why, Exception cause) {
    return new DatasetException(displayName + ": refused as a workbook: " + why, cause);
  }

  /** Bytes inflated so far against a limit, and against a ratio to the compressed size. */
  private static final class Inflated {
    private final String displayName;
    private final String what;
    private final long limit;
    private final long compressed;
    private long bytes;

    Inflated(String displayName, String what, long limit, long compressed) {
      this.displayName = displayName;
      this.what = what;
      this.limit = limit;
      this.compressed = compressed;
    }

    void add(long n) {
      bytes += n;
      if (bytes > limit) {
        throw refuse(displayName, what + " beyond " + (limit >> 20) + " MB");
      }
      if (compressed > 0 && bytes > RATIO_FLOOR && bytes > MAX_RATIO * compressed) {
        throw refuse(
            displayName,
            what
                + " more than "
                + MAX_RATIO
                + " times its "
                + compressed
                + " compressed bytes (a zip bomb?)");
      }
    }
  }

  /** Counts what passes through against a part's limits and the package's. */
  private static final class CountingStream extends FilterInputStream {
    private final Inflated part;
    private final Inflated total;

    CountingStream(InputStream in, Inflated part, Inflated total) {
      super(in);
      this.part = part;
      this.total = total;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        part.add(1);
        total.add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        part.add(n);
        total.add(n);
      }
      return n;
    }
  }
}
