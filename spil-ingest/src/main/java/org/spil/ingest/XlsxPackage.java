package org.spil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

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

  /** Throws a {@link DatasetException} naming the file and the part when a limit is broken. */
  static void check(Path file, String displayName) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw refuse(displayName, "it has " + zip.size() + " parts, more than " + MAX_ENTRIES);
      }
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            inflated += n;
            total += n;
            if (inflated > MAX_ENTRY_BYTES) {
              throw refuse(
                  displayName,
                  "part "
                      + entry.getName()
                      + " inflates beyond "
                      + (MAX_ENTRY_BYTES >> 20)
                      + " MB");
            }
            if (inflated > RATIO_FLOOR && inflated > MAX_RATIO * compressed) {
              throw refuse(
                  displayName,
                  "part "
                      + entry.getName()
                      + " inflates more than "
                      + MAX_RATIO
                      + " times its "
                      + compressed
                      + " compressed bytes (a zip bomb?)");
            }
            if (total > MAX_TOTAL_BYTES) {
              throw refuse(
                  displayName,
                  "its parts inflate beyond " + (MAX_TOTAL_BYTES >> 30) + " GB together");
            }
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

  private static DatasetException refuse(String displayName, String why) {
    return new DatasetException(displayName + ": refused as a workbook: " + why);
  }
}
