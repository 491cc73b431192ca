package org.spil.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;

/**
 * What the privacy officers of an agency should look at: a user of theirs repeating hit queries on
 * one name with varying details, reaching the day's hit quota; later, the alerts of monitoring.
 * Kept in {@code DIR/notices.jsonl} (owner-only, appended under a lock), each notice also an entry
 * of the audit log so that removing one is detected. A privacy officer reads its agency's notices,
 * an administrator all; reading them is audited. Obtained from {@link Store#notices()}.
 */
public final class Notices {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One notice: its number, when, about which agency's user, what kind, and what happened. */
  public record Notice(long seq, String at, String agency, String user, String kind, String text) {}

  private final Store store;
  private final Path file;
  private final Clock clock;

  Notices(Store store, Path dataDir, Clock clock) {
    this.store = store;
    this.file = dataDir.resolve("notices.jsonl");
    this.clock = clock;
  }

  /** Raises a notice to the privacy officers of an agency about one of its users; audited. */
  void raise(String agency, String user, String kind, String text) {
    long seq;
    try {
      seq =
          LockedFile.with(
              file,
              channel -> {
                String content = LockedFile.read(channel);
                long last = 0;
                int end = content.stripTrailing().lastIndexOf('\n');
                String tail = content.strip().isEmpty() ? "" : content.substring(end + 1).strip();
                if (!tail.isEmpty()) {
                  last = JSON.readTree(tail).path("seq").asLong();
                }
                ObjectNode n = JSON.createObjectNode();
                n.put("seq", last + 1);
                n.put("at", Instant.now(clock).toString());
                n.put("agency", agency);
                n.put("user", user);
                n.put("kind", kind);
                n.put("text", text);
                LockedFile.append(channel, JSON.writeValueAsString(n) + "\n");
                return last + 1;
              });
    } catch (IOException e) {
      throw new StoreException("cannot write the notices " + file + ": " + e.getMessage(), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("notice", seq);
    detail.put("agency", agency);
    detail.put("about", user);
    detail.put("kind", kind);
    detail.put("text", text);
    store.audit().append(new AuditLog.Event("spil", null, "notice", detail));
  }

  /**
   * The notices a user may read, oldest first: a privacy officer its agency's, an administrator
   * all; anyone else is refused (audited). Reading is audited.
   */
  public List<Notice> list(String reader) {
    User u = store.directory().users().get(reader);
    if (u == null || !(u.has(Role.PRIVACY_OFFICER) || u.has(Role.ADMINISTRATOR))) {
      store
          .audit()
          .append(
              new AuditLog.Event(
                  reader, null, "refused", Map.of("reason", "notices read without the role")));
      throw new PolicyException(
          "user",
          (u == null
                  ? "unknown user '" + reader + "'"
                  : "user " + reader + " is not a privacy" + " officer or administrator")
              + "; only they read notices");
    }
    List<Notice> out = new ArrayList<>();
    try {
      String content = LockedFile.with(file, LockedFile::read);
      for (String line : content.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String agency = n.path("agency").asText();
        if (u.has(Role.ADMINISTRATOR) || agency.equals(u.agency())) {
          out.add(
              new Notice(
                  n.path("seq").asLong(),
                  n.path("at").asText(),
                  agency,
                  n.path("user").asText(),
                  n.path("kind").asText(),
                  n.path("text").asText()));
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the notices " + file + ": " + e.getMessage(), e);
    }
    store
        .audit()
        .append(new AuditLog.Event(reader, null, "notices", Map.of("notices", out.size())));
    return out;
  }
}
