package org.spil.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes Thrift's compact protocol into a byte array: the little of it that a Parquet page header
 * and file footer need (32- and 64-bit integers, strings, structs, lists). Field ids are written as
 * deltas from the previous field of the same struct, as the protocol asks.
 *
 * <p>NOTE: not thread-safe.
 */
final class Thrift {
  static final int BINARY = 8;
  static final int I32 = 5;
  static final int STRUCT = 12;
  private static final int I64 = 6;
  private static final int LIST = 9;

  private byte[] bytes = new byte[256];
  private int size;

  /** The last field id of each open struct, innermost last. */
  private short[] lastIds = new short[8];

  private int depth;

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  void i32(int id, int v) {
    field(id, I32);
    varint(zigzag(v));
  }

  void i64(int id, long v) {
    field(id, I64);
    varint(zigzag(v));
  }

  void binary(int id, String v) {
    field(id, BINARY);
    string(v);
  }

  /** A struct-valued field; its fields follow, then {@link #endStruct}. */
  void beginStruct(int id) {
    field(id, STRUCT);
    push();
  }

  /** A list-valued field of {@code size} elements of the given type; the elements follow. */
  void beginList(int id, int elementType, int size) {
    field(id, LIST);
    if (size < 15) {
      put(size << 4 | elementType);
    } else {
      put(0xF0 | elementType);
      varint(size);
    }
  }

  /** A struct element of a list; its fields follow, then {@link #endStruct}. */
  void beginElement() {
    push();
  }

  /** An i32 element of a list. */
  void element(int v) {
    varint(zigzag(v));
  }

  /** A string element of a list. */
  void element(String v) {
    string(v);
  }

  void endStruct() {
    put(0);
    depth--;
  }

  /** Ends the outermost struct, the one the buffer holds. */
  void stop() {
    put(0);
  }

  void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      put((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    put((int) v);
  }

  private void field(int id, int type) {
    int delta = id - lastIds[depth];
    if (delta > 0 && delta <= 15) {
      put(delta << 4 | type);
    } else {
      put(type);
      varint(zigzag(id));
    }
    lastIds[depth] = (short) id;
  }

  private void push() {
    if (++depth == lastIds.length) {
      lastIds = Arrays.copyOf(lastIds, 2 * depth);
    }
    lastIds[depth] = 0;
  }

  private void string(String v) {
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    varint(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private void put(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  private void ensure(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + n));
    }
  }
}
