package org.spil.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spil.model.InvalidField;

/**
 * A signed checkpoint of an audit log: which data directory, the entry it was taken at, that
 * entry's hash, when, and an Ed25519 signature by the directory's {@link AuditKey}. A privacy
 * officer keeps it away from the machine; later, {@code spil audit verify --anchors} checks that
 * the log still holds that entry with that hash, so the log cannot have been rewritten or cut up to
 * there, even by someone holding the audit key (who could sign new anchors, not change old ones).
 */
public record AuditAnchor(
    String directory, long seq, String hash, String at, String publicKey, String signature) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the signature covers. */
  String signedText() {
    return "spil-audit-anchor\n" + directory + "\n" + seq + "\n" + hash + "\n" + at + "\n";
  }

  /** Whether the signature verifies with the anchor's own public key. */
  public boolean signatureValid() {
    return AuditKey.verifies(publicKey, signedText(), signature);
  }

  /** Signs an anchor of an entry with a directory's key. */
  static AuditAnchor sign(AuditKey key, String directory, long seq, String hash, String at) {
    AuditAnchor unsigned = new AuditAnchor(directory, seq, hash, at, key.publicKey(), "");
    return new AuditAnchor(
        directory, seq, hash, at, key.publicKey(), key.sign(unsigned.signedText()));
  }

  /** Writes the anchor as one JSON object, owner-only. */
  public void write(Path out) {
    ObjectNode n = JSON.createObjectNode();
    n.put("spil_audit_anchor", 1);
    n.put("directory", directory);
    n.put("seq", seq);
    n.put("hash", hash);
    n.put("at", at);
    n.put("public_key", publicKey);
    n.put("signature", signature);
    try {
      Files.deleteIfExists(out);
      Files.createFile(out, OwnerOnly.file());
      Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    } catch (IOException e) {
      throw new StoreException("cannot write the anchor " + out + ": " + e.getMessage(), e);
    }
  }

  /** Reads an anchor file; one that is not an anchor is refused naming the file and the field. */
  public static AuditAnchor read(Path file) {
    JsonNode n;
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new InvalidField("--anchors", file + ": larger than an anchor (64 KB)");
      }
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidField("--anchors", file + ": not an audit anchor: " + e.getMessage());
    }
    if (n == null || n.path("spil_audit_anchor").asInt() != 1) {
      throw new InvalidField(
          "--anchors", file + ": not an audit anchor (no \"spil_audit_anchor\": 1)");
    }
    for (String field :
        new String[] {"directory", "seq", "hash", "at", "public_key", "signature"}) {
      if (!n.hasNonNull(field)) {
        throw new InvalidField("--anchors", file + ": the anchor has no '" + field + "'");
      }
    }
    return new AuditAnchor(
        n.get("directory").asText(),
        n.get("seq").asLong(),
        n.get("hash").asText(),
        n.get("at").asText(),
        n.get("public_key").asText(),
        n.get("signature").asText());
  }
}
