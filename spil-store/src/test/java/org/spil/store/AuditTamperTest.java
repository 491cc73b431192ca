package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Role;
import org.spil.policy.User;

/**
 * The audit log against someone who can write the data directory: every way of rewriting it that
 * the keyed chain, the head, the warehouse's recorded positions and anchors detect, each with its
 * message; and what the holder of the audit key can still do, which only an anchor kept elsewhere
 * detects.
 */
class AuditTamperTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  @TempDir Path tmp;
  Path dir;
  Path log;
  Path head;

  /** Three users added (changes the warehouse records), then twelve reads. */
  @BeforeEach
  void setUp() {
    dir = tmp.resolve("d");
    log = dir.resolve("audit.jsonl");
    head = dir.resolve("audit.head");
    try (Store s = Store.open(dir, true, TODAY)) {
      for (String name : List.of("ann", "bob", "cas")) {
        s.accounts().addUser(new User(name, "politie-nl", Set.of(Role.ANALYST)), "hash", "admin");
      }
      for (int i = 0; i < 12; i++) {
        s.audit()
            .append(
                new AuditLog.Event(
                    "ann",
                    "wpg-art-9",
                    "search",
                    Map.of("query", "Jan " + i, "returned", List.of())));
      }
    }
  }

  AuditLog.Integrity verify(AuditAnchor... anchors) {
    List<AuditLog.Checkpoint> recorded = List.of();
    if (Files.exists(dir.resolve("warehouse.duckdb"))) {
      try (Store s = Store.open(dir, false, TODAY)) {
        recorded = s.auditPositions();
      }
    }
    return new AuditLog(dir).verify(recorded, List.of(anchors));
  }

  List<ObjectNode> entries() throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      out.add((ObjectNode) JSON.readTree(line));
    }
    return out;
  }

  /**
   * Rewrites the log as an attacker would: changes the entries, recomputes every hash and link
   * (and, holding the key, every MAC; otherwise keeps the MACs as they were, or drops them), and
   * writes a head to match.
   */
  void rewrite(UnaryOperator<List<ObjectNode>> change, AuditKey key, boolean dropMacs)
      throws IOException {
    List<ObjectNode> entries = change.apply(entries());
    String prev = AuditLog.GENESIS;
    StringBuilder out = new StringBuilder();
    long seq = 0;
    for (ObjectNode n : entries) {
      n.put("seq", ++seq);
      n.put("prev", prev);
      String h = AuditLog.hash(n);
      n.put("hash", h);
      if (key != null) {
        n.put("mac", key.mac(h));
      } else if (dropMacs) {
        n.remove("mac");
      }
      prev = h;
      out.append(JSON.writeValueAsString(n)).append('\n');
    }
    Files.writeString(log, out.toString());
    Files.writeString(
        head, seq + " " + prev + (key == null ? "" : " " + key.mac("head " + seq + " " + prev)));
  }

  static UnaryOperator<List<ObjectNode>> editQuery(int seq) {
    return l -> {
      ((ObjectNode) l.get(seq - 1).get("detail")).put("query", "nothing to see");
      return l;
    };
  }

  @Test
  void anUntouchedLogIsIntactWithEverythingChecked() {
    AuditLog.Integrity v = verify();
    assertThat(v.intact()).as(v.reason()).isTrue();
    assertThat(v.entries()).isEqualTo(15);
    assertThat(v.checks())
        .contains("MACs")
        .contains("head")
        .contains("3 positions recorded by the warehouse");
  }

  @Test
  void anEntryChangedAndTheChainRecomputedFailsItsMac() throws IOException {
    rewrite(editQuery(7), null, false);
    AuditLog.Integrity v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(7);
    assertThat(v.reason()).contains("its MAC does not match its hash");
  }

  @Test
  void macsDroppedAreMissed() throws IOException {
    rewrite(editQuery(7), null, true);
    assertThat(verify().reason()).contains("entry 1 has no MAC, though every entry from 1 on");
  }

  @Test
  void entriesCutOffWithTheHeadRewrittenFailTheHeadsMac() throws IOException {
    rewrite(l -> new ArrayList<>(l.subList(0, 10)), null, false);
    // the last entry kept its MAC (the prefix is unchanged); the head cannot get one
    AuditLog.Integrity v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.reason()).contains("the head's MAC does not match");
  }

  @Test
  void theHeadRemovedIsNamed() throws IOException {
    Files.delete(head);
    assertThat(verify().reason()).contains("audit.head is missing");
  }

  @Test
  void anEntryAppendedOutsideSpilIsNamed() throws IOException {
    List<ObjectNode> l = entries();
    ObjectNode forged = l.get(l.size() - 1).deepCopy();
    forged.put("seq", l.size() + 1);
    forged.put("prev", forged.get("hash").asText());
    forged.remove("mac");
    forged.put("hash", AuditLog.hash(forged));
    Files.writeString(log, JSON.writeValueAsString(forged) + "\n", StandardOpenOption.APPEND);
    assertThat(verify().reason()).contains("entry 16 has no MAC");
    // with a MAC copied from elsewhere, still not its own
    forged.put("mac", l.get(0).get("mac").asText());
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    lines.set(lines.size() - 1, JSON.writeValueAsString(forged));
    Files.write(log, lines);
    assertThat(verify().reason()).contains("entry 16: its MAC does not match");
  }

  @Test
  void theLogAndItsHeadRemovedAreCaughtByTheWarehouse() throws IOException {
    Files.delete(log);
    Files.delete(head);
    AuditLog.Integrity v = verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.reason())
        .contains("the log is missing or empty, but the warehouse (at its user-add of")
        .contains("recorded entry 3");
  }

  @Test
  void theKeyHolderCanRewriteAfterTheLastAnchorButNotBeforeIt() throws IOException {
    AuditAnchor anchor;
    try (Store s = Store.open(dir, false, TODAY)) {
      s.audit().append(new AuditLog.Event("fg", null, "audit-anchor", Map.of()));
      anchor = s.audit().anchor();
    }
    assertThat(anchor.seq()).isEqualTo(16);
    AuditKey key = AuditKey.find(dir);
    // after the anchor: a rewrite by the key's holder is not detected
    try (Store s = Store.open(dir, false, TODAY)) {
      s.audit().append(new AuditLog.Event("ann", "wpg-art-9", "search", Map.of("query", "late")));
    }
    rewrite(
        l -> {
          ((ObjectNode) l.get(16).get("detail")).put("query", "rewritten");
          return l;
        },
        key,
        false);
    assertThat(verify(anchor).intact()).isTrue();
    // before it: detected, whoever holds the key
    rewrite(editQuery(9), key, false);
    AuditLog.Integrity v = verify(anchor);
    assertThat(v.intact()).isFalse();
    assertThat(v.reason())
        .contains("entry 16 is not the entry the anchor of entry 16 taken")
        .contains("rewritten up to there");
    assertThat(AuditLog.verify(log, List.of(anchor)).intact())
        .as("an export checked against the anchor alone")
        .isFalse();
    // cut off before it: detected
    rewrite(l -> new ArrayList<>(l.subList(0, 12)), key, false);
    assertThat(verify(anchor).reason()).contains("the log ends at entry 12, but the anchor");
  }

  @Test
  void aChangedOrForeignAnchorIsRefused() {
    AuditAnchor anchor;
    try (Store s = Store.open(dir, false, TODAY)) {
      s.audit().append(new AuditLog.Event("fg", null, "audit-anchor", Map.of()));
      anchor = s.audit().anchor();
    }
    AuditAnchor moved =
        new AuditAnchor(
            anchor.directory(),
            anchor.seq() - 1,
            anchor.hash(),
            anchor.at(),
            anchor.publicKey(),
            anchor.signature());
    assertThat(verify(moved).reason()).contains("its signature does not verify");
    Path other = tmp.resolve("other");
    AuditAnchor foreign;
    try (Store s = Store.open(other, true, TODAY)) {
      s.audit().append(new AuditLog.Event("x", null, "audit-anchor", Map.of()));
      foreign = s.audit().anchor();
    }
    assertThat(foreign.signatureValid()).isTrue();
    assertThat(verify(foreign).reason()).contains("signed by another key");
    Path file = tmp.resolve("anchor.json");
    anchor.write(file);
    assertThat(AuditAnchor.read(file)).isEqualTo(anchor);
  }
}
