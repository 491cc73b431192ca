package org.spil.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tells whether a stream of bytes, fed in pieces of any size, is well-formed UTF-8 in the strict
 * sense of the Unicode standard (table 3-7): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no sequence cut off at the end. It is what {@link Encodings} asks before it reads a
 * file as UTF-8, and it skips ASCII eight bytes at a time, which is nearly all of a typical
 * register, so that the check costs a small fraction of reading the file.
 *
 * <p>NOTE: not thread-safe; one instance per stream.
 */
final class Utf8Check {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Continuation bytes still expected for the current sequence. */
  private int need;

  /** Bounds of the next continuation byte (the first one of a sequence may be narrower). */
  private int low = 0x80;

  private int high = 0xBF;
  private boolean failed;

  /** Checks the next {@code length} bytes of the stream; false once the stream is not UTF-8. */
  boolean feed(byte[] bytes, int offset, int length) {
    if (failed) {
      return false;
    }
    int end = offset + length;
    int i = offset;
    while (i < end) {
      if (need == 0) {
        while (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
          i += 8;
        }
        if (i == end) {
          break;
        }
        int b = bytes[i++] & 0xff;
        if (b < 0x80) {
          continue;
        }
        if (!lead(b)) {
          failed = true;
          return false;
        }
      } else {
        int b = bytes[i++] & 0xff;
        if (b < low || b > high) {
          failed = true;
          return false;
        }
        need--;
        low = 0x80;
        high = 0xBF;
      }
    }
    return true;
  }

  /** Whether the stream fed so far is well-formed UTF-8 and ends at a character boundary. */
  boolean complete() {
    return !failed && need == 0;
  }

  /**
   * Sets up the continuation expected after lead byte {@code b}; false for a byte that cannot lead.
   */
  private boolean lead(int b) {
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b == 0xE0) {
      need = 2;
      low = 0xA0;
    } else if (b == 0xED) {
      need = 2;
      high = 0x9F;
    } else if (b >= 0xE1 && b <= 0xEF) {
      need = 2;
    } else if (b == 0xF0) {
      need = 3;
      low = 0x90;
    } else if (b >= 0xF1 && b <= 0xF3) {
      need = 3;
    } else if (b == 0xF4) {
      need = 3;
      high = 0x8F;
    } else {
      return false;
    }
    return true;
  }
}
