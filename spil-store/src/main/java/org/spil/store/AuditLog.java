package org.spil.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The append-only audit log: one JSON line per event (who, purpose, action, what was asked, which
 * entities came back, what changed or was refused), each carrying the SHA-256 of its own content
 * chained to the previous entry's hash, so that changing, removing, inserting or reordering any
 * entry breaks the chain. When a day ends, the next entry is preceded by a {@code day-root} entry
 * holding the Merkle root of that day's entry hashes (certificate-transparency style), which a
 * privacy officer can publish or compare later. The head (last sequence number and hash) is also
 * kept beside the log, so cutting entries off the end is detected too.
 *
 * <p>Appends take an exclusive file lock (several spil processes may read and audit at once) and
 * end with one fsync per batch of entries.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String GENESIS = "0".repeat(64);

  private final Path dir;
  private final Path file;
  private final Path head;
  private final Clock clock;
  private volatile AuditKey key;
  private volatile Checkpoint last;

  public AuditLog(Path dir) {
    this(dir, Clock.systemUTC());
  }

  public AuditLog(Path dir, Clock clock) {
    this.dir = dir;
    this.file = dir.resolve("audit.jsonl");
    this.head = dir.resolve("audit.head");
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** One event to append: who did what, and the details (query, returned entities, change). */
  public record Event(String user, String purpose, String action, Map<String, Object> detail) {}

  /**
   * The partitions of an entry, from its user, purpose and detail: whose overseers may read it
   * ({@code agency:politie-nl}, {@code defence:26Kruiskade}, {@code system}); empty for nobody's.
   */
  public interface Partitions {
    List<String> of(String user, String purpose, JsonNode detail);
  }

  private volatile Partitions partitions = (user, purpose, detail) -> List.of();

  /** Sets how entries are partitioned from now on (the store does, from its users). */
  public void partitions(Partitions partitions) {
    this.partitions = partitions;
  }

  /**
   * The partitions of an entry: those it records, or, for an entry written before entries had
   * partitions, those its user, purpose and detail give now; null for a day root, which holds only
   * hashes and is in every partition.
   */
  public List<String> partitionsOf(JsonNode entry) {
    if (entry.path("action").asText().equals("day-root")) {
      return null;
    }
    if (entry.path("partitions").isArray()) {
      List<String> out = new ArrayList<>();
      entry.get("partitions").forEach(p -> out.add(p.asText()));
      return out;
    }
    return partitions.of(
        entry.path("user").asText(null),
        entry.path("purpose").isNull() ? null : entry.path("purpose").asText(null),
        entry.path("detail"));
  }

  /**
   * The log's integrity as a verification finds it: intact, or the first broken entry and why;
   * {@code redacted} counts the entries of an export shown only by their hashes (partitions its
   * exporter does not oversee); {@code checks} says what was checked (chain, day roots, head, MACs,
   * the warehouse's commits, anchors).
   */
  public record Integrity(
      boolean intact, long entries, long brokenAt, String reason, long redacted, String checks) {
    static Integrity ok(long entries, long redacted, String checks) {
      return new Integrity(true, entries, -1, null, redacted, checks);
    }

    static Integrity broken(long entries, long at, String reason) {
      return new Integrity(false, entries, at, reason, 0, null);
    }
  }

  /**
   * An entry someone recorded elsewhere: its sequence number and hash, and who recorded it (the
   * warehouse at a commit, an anchor a privacy officer kept), for the messages.
   */
  public record Checkpoint(long seq, String hash, String source) {}

  /** The last entry this log appended, or null before its first append. */
  public Checkpoint last() {
    return last;
  }

  /** The audit key of this log's directory, created (keying from the next entry) when absent. */
  private AuditKey key(long nextSeq) {
    AuditKey k = key;
    if (k == null) {
      k = AuditKey.find(dir);
      if (k == null) {
        k = AuditKey.create(dir, nextSeq);
      }
      key = k;
    }
    return k;
  }

  public void append(Event event) {
    append(List.of(event));
  }

  /** Appends the events in order, durably (one fsync for the whole batch). */
  public void append(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    // the file lock excludes other processes; within this one, file locks may not overlap
    synchronized (MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
      appendLocked(events);
    }
  }

  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private void appendLocked(List<Event> events) {
    try {
      OwnerOnly.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file, OwnerOnly.file());
      }
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.READ);
          FileLock lock = channel.lock()) {
        if (!lock.isValid()) {
          throw new IOException("lost the lock on the audit log");
        }
        JsonNode lastEntry = lastEntry(channel);
        long seq = lastEntry == null ? 0 : lastEntry.get("seq").asLong();
        String prev = lastEntry == null ? GENESIS : lastEntry.get("hash").asText();
        AuditKey k = key(seq + 1);
        String lastDay = lastEntry == null ? null : lastEntry.get("at").asText().substring(0, 10);
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
          String at = Instant.now(clock).toString();
          String day = at.substring(0, 10);
          if (lastDay != null && !lastDay.equals(day)) {
            String root = dayRoot(channel, lastDay, out);
            ObjectNode r =
                entry(
                    ++seq,
                    at,
                    "spil",
                    null,
                    "day-root",
                    Map.of("day", lastDay, "merkle_root", root),
                    null,
                    prev,
                    k);
            prev = r.get("hash").asText();
            out.append(JSON.writeValueAsString(r)).append('\n');
          }
          lastDay = day;
          ObjectNode n =
              entry(++seq, at, e.user(), e.purpose(), e.action(), e.detail(), partitions, prev, k);
          prev = n.get("hash").asText();
          out.append(JSON.writeValueAsString(n)).append('\n');
        }
        channel.position(channel.size());
        ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(false);
        Path tmp = head.resolveSibling("audit.head.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, OwnerOnly.file());
        Files.writeString(tmp, seq + " " + prev + " " + k.mac("head " + seq + " " + prev) + "\n");
        try (FileChannel h = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          h.force(false);
        }
        Files.move(tmp, head, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        last = new Checkpoint(seq, prev, "this process");
      }
    } catch (IOException e) {
      throw new StoreException("cannot write the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode entry(
      long seq,
      String at,
      String user,
      String purpose,
      String action,
      Map<String, Object> detail,
      Partitions partitions,
      String prev,
      AuditKey key) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", seq);
    n.put("at", at);
    n.put("user", user);
    n.put("purpose", purpose);
    n.put("action", action);
    JsonNode d = JSON.valueToTree(detail == null ? Map.of() : detail);
    n.set("detail", d);
    if (partitions != null) {
      ArrayNode p = n.putArray("partitions");
      partitions.of(user, purpose, d).forEach(p::add);
    }
    n.put("prev", prev);
    String h = hash(n);
    n.put("hash", h);
    if (key != null) {
      n.put("mac", key.mac(h));
    }
    return n;
  }

  /** SHA-256 of the entry's canonical JSON without its own hash and MAC. */
  static String hash(ObjectNode entry) {
    ObjectNode copy = entry.deepCopy();
    copy.remove("hash");
    copy.remove("mac");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(JSON.writeValueAsBytes(copy)));
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode lastEntry(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return null;
    }
    int window = (int) Math.min(size, 1 << 16);
    while (true) {
      ByteBuffer buf = ByteBuffer.allocate(window);
      channel.read(buf, size - window);
      String tail = new String(buf.array(), 0, window, StandardCharsets.UTF_8);
      String trimmed = tail.endsWith("\n") ? tail.substring(0, tail.length() - 1) : tail;
      int nl = trimmed.lastIndexOf('\n');
      if (nl >= 0 || window == size) {
        return JSON.readTree(trimmed.substring(nl + 1));
      }
      window = (int) Math.min(size, (long) window * 4);
    }
  }

  /** The Merkle root of the entry hashes of {@code day} (in the file and in the pending text). */
  private String dayRoot(FileChannel channel, String day, StringBuilder pending)
      throws IOException {
    List<byte[]> leaves = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        if (n.get("at").asText().startsWith(day) && !n.get("action").asText().equals("day-root")) {
          leaves.add(HexFormat.of().parseHex(n.get("hash").asText()));
        }
      }
    }
    for (String line : pending.toString().split("\n")) {
      if (!line.isEmpty()) {
        JsonNode n = JSON.readTree(line);
        if (n.get("at").asText().startsWith(day) && !n.get("action").asText().equals("day-root")) {
          leaves.add(HexFormat.of().parseHex(n.get("hash").asText()));
        }
      }
    }
    return HexFormat.of().formatHex(merkleRoot(leaves));
  }

  /** RFC 6962 Merkle tree hash: leaves prefixed 0x00, inner nodes 0x01. */
  static byte[] merkleRoot(List<byte[]> leaves) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (leaves.isEmpty()) {
        return sha.digest();
      }
      List<byte[]> level = new ArrayList<>();
      for (byte[] leaf : leaves) {
        sha.update((byte) 0);
        level.add(sha.digest(leaf));
      }
      while (level.size() > 1) {
        List<byte[]> next = new ArrayList<>();
        for (int i = 0; i < level.size(); i += 2) {
          if (i + 1 == level.size()) {
            next.add(level.get(i));
          } else {
            sha.update((byte) 1);
            sha.update(level.get(i));
            next.add(sha.digest(level.get(i + 1)));
          }
        }
        level = next;
      }
      return level.get(0);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies this log: chain, day roots, MACs, head. */
  public Integrity verify() {
    return verify(List.of(), List.of());
  }

  /**
   * A signed anchor of the last entry this log appended, for a privacy officer to keep elsewhere.
   */
  public AuditAnchor anchor() {
    Checkpoint p = last;
    if (p == null) {
      throw new StoreException("nothing appended yet: append the anchor's own entry first");
    }
    return AuditAnchor.sign(
        key(p.seq() + 1),
        dir.toAbsolutePath().normalize().toString(),
        p.seq(),
        p.hash(),
        Instant.now(clock).toString());
  }

  /**
   * Anchors as checkpoints, or the first that is not to be trusted: a signature that does not
   * verify (the anchor was changed), or a key other than this directory's.
   */
  private static Anchored anchorCheckpoints(List<AuditAnchor> anchors, AuditKey key) {
    List<Checkpoint> out = new ArrayList<>();
    for (AuditAnchor a : anchors) {
      String name = "the anchor of entry " + a.seq() + " taken " + a.at();
      if (!a.signatureValid()) {
        return new Anchored(
            out,
            Integrity.broken(
                0, a.seq(), name + ": its signature does not verify: the anchor was changed"));
      }
      if (key != null && !key.publicKey().equals(a.publicKey())) {
        return new Anchored(
            out,
            Integrity.broken(
                0,
                a.seq(),
                name
                    + ": signed by another key than this directory's audit key ("
                    + key.file()
                    + ")"));
      }
      out.add(new Checkpoint(a.seq(), a.hash(), name));
    }
    return new Anchored(out, null);
  }

  /** The checkpoints of anchors, or why one of them is not to be trusted. */
  private record Anchored(List<Checkpoint> checkpoints, Integrity problem) {}

  /**
   * Verifies this log: its chain and day roots; with the directory's audit key, the MAC of every
   * entry it keyed; its head (nothing cut off or added at the end); and the entries others recorded
   * (the warehouse at its commits, anchors): each still in the log with the same hash.
   */
  public Integrity verify(List<Checkpoint> recorded, List<AuditAnchor> anchors) {
    AuditKey k = AuditKey.find(dir);
    Anchored anchored = anchorCheckpoints(anchors, k);
    if (anchored.problem() != null) {
      return anchored.problem();
    }
    List<Checkpoint> checkpoints = new ArrayList<>(recorded);
    checkpoints.addAll(anchored.checkpoints());
    Integrity v = scan(file, k, checkpoints);
    if (v.intact() && k == null && hasMacs(file)) {
      return Integrity.broken(
          v.entries(),
          -1,
          "entries carry MACs but no audit key is at "
              + AuditKey.locate(dir)
              + " (the data directory moved? set SPIL_AUDIT_KEY to its key file)");
    }
    if (!v.intact()) {
      return v;
    }
    List<String> checks = new ArrayList<>(List.of(v.checks()));
    if (v.entries() == 0) {
      return v;
    }
    if (!Files.exists(head)) {
      return Integrity.broken(
          v.entries(),
          v.entries() + 1,
          "the head "
              + head
              + " is missing: Spil writes it with every entry, so entries may have been cut off the"
              + " end and the head removed to hide it");
    }
    try {
      String[] h = Files.readString(head).strip().split(" ");
      long seq = Long.parseLong(h[0]);
      if (v.entries() < seq) {
        return Integrity.broken(
            v.entries(),
            v.entries() + 1,
            "the log ends at entry "
                + v.entries()
                + " but its head records "
                + seq
                + " entries: entries were removed from the end");
      }
      if (v.entries() > seq) {
        return Integrity.broken(
            v.entries(),
            seq + 1,
            "the log has "
                + v.entries()
                + " entries but its head records "
                + seq
                + ": entries "
                + (seq + 1)
                + " to "
                + v.entries()
                + " were added outside Spil");
      }
      if (!h[1].equals(lastHash(file))) {
        return Integrity.broken(
            v.entries(), seq, "the last entry's hash differs from the recorded head");
      }
      if (k != null && seq >= k.keyedFrom()) {
        if (h.length < 3 || !h[2].equals(k.mac("head " + seq + " " + h[1]))) {
          return Integrity.broken(
              v.entries(),
              seq,
              "the head's MAC does not match: the head was rewritten by someone without the audit"
                  + " key (to hide entries cut off the end)");
        }
      }
    } catch (IOException | RuntimeException e) {
      return Integrity.broken(v.entries(), -1, "unreadable head " + head + ": " + e.getMessage());
    }
    checks.add("head");
    checks.add(counted(recorded.size(), "position", "recorded by the warehouse"));
    checks.add(counted(anchors.size(), "anchor", null));
    return Integrity.ok(v.entries(), v.redacted(), String.join(", ", checks));
  }

  private static String counted(int n, String what, String suffix) {
    return n + " " + what + (n == 1 ? "" : "s") + (suffix == null ? "" : " " + suffix);
  }

  private static String lastHash(Path file) throws IOException {
    String lastLine = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lastLine = line;
      }
    }
    return lastLine == null ? GENESIS : JSON.readTree(lastLine).get("hash").asText();
  }

  /** Verifies a log file on its own (an export): chain, sequence and day roots. */
  public static Integrity verify(Path log) {
    return verify(log, List.of());
  }

  /**
   * Verifies a log file on its own (an export): chain, sequence, day roots, and the entries anchors
   * recorded, with their signatures. MACs are not checked: the key stays with the data directory.
   */
  public static Integrity verify(Path log, List<AuditAnchor> anchors) {
    Anchored anchored = anchorCheckpoints(anchors, null);
    if (anchored.problem() != null) {
      return anchored.problem();
    }
    Integrity v = scan(log, null, anchored.checkpoints());
    return v.intact() && !anchors.isEmpty()
        ? Integrity.ok(
            v.entries(), v.redacted(), v.checks() + ", " + counted(anchors.size(), "anchor", null))
        : v;
  }

  /** Whether any entry of a log carries a MAC. */
  private static boolean hasMacs(Path log) {
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.contains("\"mac\":")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Chain, sequence and day roots of a log; with a key, the MAC of every entry from its first keyed
   * on; each checkpoint's entry present with its hash.
   */
  private static Integrity scan(Path log, AuditKey key, List<Checkpoint> checkpoints) {
    TreeMap<Long, List<Checkpoint>> wanted = new TreeMap<>();
    for (Checkpoint c : checkpoints) {
      wanted.computeIfAbsent(c.seq(), x -> new ArrayList<>()).add(c);
    }
    boolean macsWithoutKey = false;
    if (!Files.exists(log)) {
      Integrity missing = checkpointsBeyond(0, wanted);
      return missing != null ? missing : Integrity.ok(0, 0, "chain");
    }
    long expected = 1;
    long hidden = 0;
    String prev = GENESIS;
    List<byte[]> day = new ArrayList<>();
    String currentDay = null;
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        ObjectNode n;
        try {
          n = (ObjectNode) JSON.readTree(line);
        } catch (IOException | ClassCastException e) {
          return Integrity.broken(
              expected - 1, expected, "entry " + expected + " is not a JSON object");
        }
        boolean redacted = n != null && n.path("redacted").asBoolean(false);
        if (n == null
            || !n.has("seq")
            || !n.has("hash")
            || !n.has("prev")
            || !(n.has("at") || (redacted && n.has("day")))) {
          return Integrity.broken(
              expected - 1, expected, "entry " + expected + " lacks seq, at, prev or hash");
        }
        long seq = n.get("seq").asLong();
        if (seq != expected) {
          return Integrity.broken(
              expected - 1,
              expected,
              "expected entry "
                  + expected
                  + " but found entry "
                  + seq
                  + " (entries removed, inserted or reordered)");
        }
        if (!n.get("prev").asText().equals(prev)) {
          return Integrity.broken(
              expected - 1,
              seq,
              "entry " + seq + " does not follow entry " + (seq - 1) + " (prev hash differs)");
        }
        // an entry of a partition the exporter does not oversee shows only its hash, its day and
        // its place in the chain: its links and its day's root are checked, its content cannot be
        String h = redacted ? n.get("hash").asText() : hash(n);
        if (!h.equals(n.get("hash").asText())) {
          return Integrity.broken(
              expected - 1,
              seq,
              "entry " + seq + " was changed (its hash does not match its content)");
        }
        if (redacted) {
          hidden++;
        } else if (key != null && seq >= key.keyedFrom()) {
          String mac = n.path("mac").asText("");
          if (mac.isEmpty()) {
            return Integrity.broken(
                expected - 1,
                seq,
                "entry "
                    + seq
                    + " has no MAC, though every entry from "
                    + key.keyedFrom()
                    + " on carries one: it was written or rewritten outside Spil");
          }
          if (!mac.equals(key.mac(h))) {
            return Integrity.broken(
                expected - 1,
                seq,
                "entry "
                    + seq
                    + ": its MAC does not match its hash: the entry was changed and the chain"
                    + " recomputed by someone without the audit key");
          }
        } else if (key == null && n.has("mac")) {
          macsWithoutKey = true;
        }
        for (Checkpoint c : wanted.getOrDefault(seq, List.of())) {
          if (!c.hash().equals(h)) {
            return Integrity.broken(
                expected - 1,
                seq,
                "entry "
                    + seq
                    + " is not the entry "
                    + c.source()
                    + " recorded (another hash): the log was rewritten up to there");
          }
        }
        String when = redacted ? n.get("day").asText() : n.get("at").asText();
        String entryDay = when.length() >= 10 ? when.substring(0, 10) : "";
        if (n.path("action").asText().equals("day-root")) {
          String root = HexFormat.of().formatHex(merkleRoot(day));
          String claimed = n.path("detail").path("merkle_root").asText();
          if (!root.equals(claimed)) {
            return Integrity.broken(
                expected - 1,
                seq,
                "day root of "
                    + n.path("detail").path("day").asText()
                    + " does not match that day's entries");
          }
        } else {
          if (!entryDay.equals(currentDay)) {
            day = new ArrayList<>();
            currentDay = entryDay;
          }
          day.add(HexFormat.of().parseHex(h));
        }
        prev = h;
        expected++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Integrity beyond = checkpointsBeyond(expected - 1, wanted);
    if (beyond != null) {
      return beyond;
    }
    List<String> checks = new ArrayList<>(List.of("chain", "day roots"));
    if (key != null) {
      checks.add(
          key.keyedFrom() <= 1
              ? "MACs"
              : "MACs from entry " + key.keyedFrom() + " (earlier entries were not keyed)");
    } else if (macsWithoutKey && !checkpoints.isEmpty()) {
      checks.add("MACs not checked (no audit key at hand)");
    }
    return Integrity.ok(expected - 1, hidden, String.join(", ", checks));
  }

  /** A broken integrity when a checkpoint lies beyond the log's last entry; else null. */
  private static Integrity checkpointsBeyond(long entries, TreeMap<Long, List<Checkpoint>> wanted) {
    Map.Entry<Long, List<Checkpoint>> furthest = wanted.lastEntry();
    if (furthest != null && furthest.getKey() > entries) {
      Checkpoint c = furthest.getValue().get(0);
      return Integrity.broken(
          entries,
          entries + 1,
          (entries == 0 ? "the log is missing or empty" : "the log ends at entry " + entries)
              + ", but "
              + c.source()
              + " recorded entry "
              + c.seq()
              + ": entries were removed");
    }
    return null;
  }

  /** Entries matching the filter, oldest first. */
  public List<JsonNode> query(Predicate<JsonNode> filter) {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        if (filter.test(n)) {
          out.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Copies the log to {@code out} for verification elsewhere: the entries {@code shown} accepts in
   * full, every other entry by its sequence number, day, previous hash and hash only, so that the
   * copy verifies as a chain without showing what others asked. Returns the entries written.
   */
  public long export(Path out, Predicate<JsonNode> shown) {
    try {
      // only its owner may read the copy: it holds the queries that were asked
      Files.deleteIfExists(out);
      Files.createFile(out, OwnerOnly.file());
      if (!Files.exists(file)) {
        return 0;
      }
      long n = 0;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          JsonNode entry = JSON.readTree(line);
          if (shown.test(entry)) {
            w.write(line);
          } else {
            ObjectNode r = JSON.createObjectNode();
            r.put("seq", entry.get("seq").asLong());
            r.put("day", entry.get("at").asText().substring(0, 10));
            r.put("redacted", true);
            r.put("prev", entry.get("prev").asText());
            r.put("hash", entry.get("hash").asText());
            w.write(JSON.writeValueAsString(r));
          }
          w.write('\n');
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new StoreException("cannot export the audit log to " + out + ": " + e.getMessage(), e);
    }
  }
}
