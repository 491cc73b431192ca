package org.spil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8CheckTest {

  /** The JDK's strict decoder: the oracle. */
  private static boolean decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean check(byte[] bytes, List<Integer> cuts) {
    Utf8Check check = new Utf8Check();
    int at = 0;
    for (int cut : cuts) {
      int to = Math.min(bytes.length, at + cut);
      if (!check.feed(bytes, at, to - at)) {
        return false;
      }
      at = to;
    }
    return check.feed(bytes, at, bytes.length - at) && check.complete();
  }

  @Property(tries = 3000)
  void agreesWithTheJdkDecoderWhereverTheStreamIsCut(
      @ForAll("utf8ish") byte[] bytes, @ForAll("cuts") List<Integer> cuts) {
    assertEquals(decodes(bytes), check(bytes, cuts), () -> HexFormat.of().formatHex(bytes));
  }

  /** Valid text (ASCII runs, every plane), then perhaps a few bytes changed, cut or inserted. */
  @Provide
  Arbitrary<byte[]> utf8ish() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u00a0', '\u07ff').ofMaxLength(6))
            .list()
            .ofMaxSize(4)
            .map(parts -> String.join("", parts));
    Arbitrary<List<int[]>> edits =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 255))
            .as((kind, where, value) -> new int[] {kind, where, value})
            .list()
            .ofMaxSize(3);
    return Combinators.combine(text, edits)
        .as(
            (t, es) -> {
              List<Byte> bytes = new ArrayList<>();
              for (byte b : t.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b);
              }
              for (int[] e : es) {
                int where = bytes.isEmpty() ? 0 : e[1] % (bytes.size() + 1);
                if (e[0] == 0 && where < bytes.size()) {
                  bytes.set(where, (byte) e[2]);
                } else if (e[0] == 1 && where < bytes.size()) {
                  bytes.subList(where, bytes.size()).clear();
                } else {
                  bytes.add(where, (byte) e[2]);
                }
              }
              byte[] out = new byte[bytes.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
              }
              return out;
            });
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 20).list().ofMaxSize(6);
  }

  @Test
  void knownFormsAreTold() {
    assertTrue(check("Café Zoë – 東京 😀".getBytes(StandardCharsets.UTF_8), List.of(4, 1, 1)));
    assertFalse(check(new byte[] {'C', 'a', 'f', (byte) 0xE9}, List.of()), "Windows-1252 é");
    assertFalse(check(new byte[] {(byte) 0xC0, (byte) 0xAF}, List.of()), "overlong slash");
    assertFalse(check(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, List.of()), "surrogate");
    assertFalse(
        check(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, List.of()),
        "above U+10FFFF");
    assertFalse(check(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, List.of()), "cut at the end");
  }

  @Test
  void aLateWindows1252ByteMakesTheFileWindows1252(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("late.csv");
    StringBuilder rows = new StringBuilder("naam;plaats\n");
    for (int i = 0; i < 20_000; i++) {
      rows.append("Jansen").append(i).append(";Utrecht\n");
    }
    byte[] ascii = rows.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(ascii, ascii.length + 11);
    System.arraycopy("Citro".getBytes(StandardCharsets.US_ASCII), 0, bytes, ascii.length, 5);
    bytes[ascii.length + 5] = (byte) 0xEB; // ë in Windows-1252
    System.arraycopy("n;Ei\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, ascii.length + 6, 5);
    Files.write(file, bytes);
    assertEquals("windows-1252", Encodings.detect(file).charset().name().toLowerCase());
    Files.write(file, rows.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(StandardCharsets.UTF_8, Encodings.detect(file).charset());
  }
}
