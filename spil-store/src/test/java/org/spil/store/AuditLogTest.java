package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path tmp;

  /** A clock that moves six hours per entry, so the log crosses days and writes day roots. */
  static final class Steps extends Clock {
    Instant now = Instant.parse("2026-11-27T20:00:00Z");

    @Override
    public Instant instant() {
      Instant t = now;
      now = now.plusSeconds(6 * 3600);
      return t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  Path write(String name, int entries) {
    Path dir = tmp.resolve(name);
    AuditLog log = new AuditLog(dir, new Steps());
    for (int i = 0; i < entries; i++) {
      log.append(
          new AuditLog.Event(
              "ann",
              "wpg-art-9",
              "search",
              Map.of("query", "q" + i, "returned", List.of("e" + i))));
    }
    return dir;
  }

  @Test
  void anIntactLogVerifiesAndHasDayRoots() throws IOException {
    Path dir = write("ok", 12);
    AuditLog log = new AuditLog(dir);
    AuditLog.Integrity v = log.verify();
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.entries()).isGreaterThan(12);
    assertThat(log.query(n -> n.get("action").asText().equals("day-root")))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(log.query(n -> n.path("detail").path("returned").toString().contains("\"e3\"")))
        .hasSize(1);
    Path export = tmp.resolve("export.jsonl");
    log.export(export, n -> true);
    assertThat(AuditLog.verify(export).intact()).isTrue();
  }

  @Test
  void aPartitionsExportShowsOnlyItsEntriesAndStillVerifies() throws IOException {
    Path dir = tmp.resolve("parts");
    AuditLog log = new AuditLog(dir, new Steps());
    log.partitions(
        (user, purpose, detail) -> List.of(user.equals("adv") ? "defence:" + purpose : "agency:x"));
    for (int i = 0; i < 12; i++) {
      String user = i % 3 == 0 ? "adv" : "ann";
      log.append(
          new AuditLog.Event(
              user,
              "C1",
              "search",
              Map.of("query", "secret strategy " + i, "returned", List.of())));
    }
    assertThat(log.query(n -> List.of("defence:C1").equals(log.partitionsOf(n)))).hasSize(4);
    Path export = tmp.resolve("court.jsonl");
    log.export(
        export, n -> log.partitionsOf(n) == null || log.partitionsOf(n).contains("defence:C1"));
    String text = Files.readString(export);
    assertThat(text).contains("secret strategy 0").doesNotContain("secret strategy 1");
    AuditLog.Integrity v = AuditLog.verify(export);
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.redacted()).isEqualTo(8);
    // a shown entry changed, or a hidden one's hash replaced, is still detected
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    int shown = 0;
    while (!lines.get(shown).contains("secret strategy")) {
      shown++;
    }
    List<String> edited = new ArrayList<>(lines);
    edited.set(shown, lines.get(shown).replace("secret strategy", "harmless question"));
    Files.write(export, edited);
    assertThat(AuditLog.verify(export).intact()).isFalse();
    int hidden =
        lines.indexOf(lines.stream().filter(l -> l.contains("redacted")).findFirst().get());
    edited = new ArrayList<>(lines);
    edited.set(hidden, lines.get(hidden).replaceAll("\"hash\":\"[0-9a-f]{4}", "\"hash\":\"0000"));
    Files.write(export, edited);
    assertThat(AuditLog.verify(export).intact()).isFalse();
  }

  @Test
  void everyFlipDeletionInsertionOrReorderingIsDetected() throws IOException {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      Path dir = write("t" + trial, 6 + random.nextInt(6));
      Path file = dir.resolve("audit.jsonl");
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      int i = random.nextInt(lines.size());
      String kind;
      switch (random.nextInt(4)) {
        case 0 -> {
          kind = "flip";
          String l = lines.get(i);
          int at = l.indexOf("\"query\":\"q");
          at = at < 0 ? l.indexOf("\"day\":\"") : at;
          char[] chars = l.toCharArray();
          int pos = at + 10;
          chars[pos] = chars[pos] == '1' ? '2' : '1';
          lines.set(i, new String(chars));
        }
        case 1 -> {
          kind = "delete";
          lines.remove(i);
        }
        case 2 -> {
          kind = "insert";
          lines.add(i, lines.get(random.nextInt(lines.size())));
        }
        default -> {
          kind = "reorder";
          int j = (i + 1 + random.nextInt(lines.size() - 1)) % lines.size();
          Collections.swap(lines, i, j);
        }
      }
      Files.write(file, lines);
      AuditLog.Integrity v = new AuditLog(dir).verify();
      assertThat(v.intact())
          .as("trial %d: %s of entry %d went unnoticed", trial, kind, i + 1)
          .isFalse();
      assertThat(v.reason()).isNotBlank();
      AuditLog.Integrity alone = AuditLog.verify(file);
      if (!kind.equals("delete") || i < lines.size()) {
        assertThat(alone.intact()).as("trial %d: exported %s", trial, kind).isFalse();
      }
    }
  }

  @Test
  void entriesCutOffTheEndAreDetectedThroughTheHead() throws IOException {
    Path dir = write("cut", 5);
    Path file = dir.resolve("audit.jsonl");
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, lines.size() - 1));
    AuditLog.Integrity v = new AuditLog(dir).verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.reason()).contains("removed from the end");
  }

  @Test
  void appendsFromSeveralThreadsStayOneChain() throws Exception {
    AuditLog log = new AuditLog(tmp.resolve("mt"));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(
          startThread(
              () -> {
                for (int i = 0; i < 25; i++) {
                  log.append(new AuditLog.Event("u" + id, "wpg-art-9", "stats", Map.of()));
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    AuditLog.Integrity v = log.verify();
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.entries()).isGreaterThanOrEqualTo(100);
  }

  static Thread startThread(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }
}
