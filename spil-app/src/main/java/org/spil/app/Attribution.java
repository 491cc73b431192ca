package org.spil.app;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spil.ingest.Mentions;
import org.spil.model.ChatMessage;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;
import org.spil.store.AlertVerdicts;
import org.spil.store.Messages;
import org.spil.store.Relations;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;

/**
 * Who is behind a chat handle: the persons of the viewer's data that the handle's messages point
 * to, each with the evidence and its strength, as candidates an analyst confirms or rejects.
 * Evidence comes in three kinds: a nickname the handle's correspondents call it by that a person is
 * recorded with (alias or weak alias); a phone number the handle gives in its messages that a
 * person is recorded with (stronger when the message says it is the sender's own); a device the
 * handle shares with another handle, whose evidence then counts for both. A candidate's score
 * combines its evidence as independent, {@code 1 - (1 - s1)(1 - s2)...}; persons the team's
 * resolution merged are one candidate. Decisions are the team's, kept and audited like verdicts on
 * alerts.
 */
public final class Attribution {
  private final Store store;

  public Attribution(Store store) {
    this.store = store;
  }

  /** The most messages of a handle (or a device) read. */
  static final int MAX_MESSAGES = 20_000;

  /** The verdicts' typology under which decisions on attributions are kept. */
  public static final String DECISIONS = "attribution";

  /** A person the handle may be, the score from 0 to 1, the evidence, and the team's decision. */
  public record Candidate(
      String person,
      String caption,
      double score,
      List<String> evidence,
      String decision,
      String decisionReason) {}

  /**
   * A handle's candidates and what they were read from: its messages, devices, the handles it
   * shares a device with, its contacts (most messages first) and when it writes ({@code activity}:
   * messages sent per weekday, Monday first, and hour, in UTC).
   */
  public record Handle(
      String handle,
      long messages,
      long received,
      List<String> devices,
      List<String> sharesDevicesWith,
      List<Contact> contacts,
      int[][] activity,
      List<Candidate> candidates) {}

  /** A handle the handle wrote with: messages sent to it and received from it. */
  public record Contact(String handle, long sent, long received) {}

  /** The most contacts a handle's answer lists. */
  static final int CONTACTS = 25;

  /** Words that say a number is the sender's own. */
  private static final Pattern OWN_NUMBER =
      Pattern.compile(
          "(?iu)\\b(mijn (eigen |gewone |echte )?nummer|eigen nummer|my (own )?number|mon (propre )?numéro)\\b");

  /** A capitalised word: a name others may call the handle by. */
  private static final Pattern NAME = Pattern.compile("(?u)\\b\\p{Lu}[\\p{Ll}'-]{2,}\\b");

  /** The candidates for a handle, strongest first. */
  public Handle attribute(Viewer viewer, String handle) {
    return attribute(viewer, handle, store.resolutions().canonicalIds(viewer));
  }

  /** As {@link #attribute(Viewer, String)}, with the team's canonical ids read once. */
  private Handle attribute(Viewer viewer, String handle, Map<String, String> canonical) {
    if (handle == null || handle.isBlank()) {
      throw new InvalidField("handle", "give a handle");
    }
    String h = handle.strip();
    List<Messages.Sent> messages = store.messages().involving(viewer, h, null, MAX_MESSAGES);
    if (messages.isEmpty()) {
      throw new InvalidField("handle", "no messages of '" + h + "' you may read");
    }
    Map<String, Evidence> own = evidence(viewer, h, messages, canonical);
    Set<String> devices = new LinkedHashSet<>();
    for (Messages.Sent m : messages) {
      if (m.from().equals(h) && m.device() != null) {
        devices.add(m.device());
      }
    }
    Set<String> others = new LinkedHashSet<>();
    for (String d : devices) {
      for (Messages.Sent m : store.messages().involving(viewer, null, d, MAX_MESSAGES)) {
        if (!m.from().equals(h)) {
          others.add(m.from());
        }
      }
    }
    for (String other : others) {
      List<Messages.Sent> theirs = store.messages().involving(viewer, other, null, MAX_MESSAGES);
      for (Evidence e : evidence(viewer, other, theirs, canonical).values()) {
        Evidence mine = own.computeIfAbsent(e.person, k -> new Evidence(e.person, e.caption));
        for (Evidence.Item item : e.items) {
          mine.add(item.strength * 0.8, item.text + ", through " + other + " on the same device");
        }
      }
    }
    long received = messages.stream().filter(m -> !m.from().equals(h)).count();
    List<Candidate> candidates = new ArrayList<>();
    Map<String, AlertVerdicts.Verdict> verdicts =
        store
            .alertVerdicts()
            .latest(viewer, own.keySet().stream().map(p -> decisionId(h, p)).toList());
    for (Evidence e : own.values()) {
      AlertVerdicts.Verdict v = verdicts.get(decisionId(h, e.person));
      candidates.add(
          new Candidate(
              e.person,
              e.caption,
              Math.round(e.score() * 1000) / 1000.0,
              e.items.stream()
                  .sorted(Comparator.comparingDouble((Evidence.Item i) -> i.strength).reversed())
                  .map(i -> i.text + " (" + Math.round(i.strength * 100) / 100.0 + ")")
                  .toList(),
              v == null ? null : v.verdict(),
              v == null ? null : v.reason()));
    }
    candidates.sort(
        Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::person));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("handle", h);
    detail.put("candidates", candidates.stream().map(Candidate::person).toList());
    store.audited(viewer, "handles.attribute", detail);
    Map<String, long[]> with = new HashMap<>();
    int[][] activity = new int[7][24];
    for (Messages.Sent m : messages) {
      if (m.from().equals(h)) {
        for (String to : m.to()) {
          with.computeIfAbsent(to, k -> new long[2])[0]++;
        }
        var at = m.time().atZone(ZoneOffset.UTC);
        activity[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
      } else {
        with.computeIfAbsent(m.from(), k -> new long[2])[1]++;
      }
    }
    List<Contact> contacts =
        with.entrySet().stream()
            .map(e -> new Contact(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .sorted(
                Comparator.comparingLong((Contact c) -> c.sent() + c.received())
                    .reversed()
                    .thenComparing(Contact::handle))
            .limit(CONTACTS)
            .toList();
    return new Handle(
        h,
        messages.size(),
        received,
        List.copyOf(devices),
        List.copyOf(others),
        contacts,
        activity,
        candidates);
  }

  /**
   * The team's decision on a candidate: {@code confirmed}, {@code dismissed} (with the reason) or
   * {@code open} again; only on a handle whose messages the viewer may read. Audited.
   */
  public void decide(Viewer viewer, String handle, String person, String verdict, String reason) {
    if (person == null || person.isBlank()) {
      throw new InvalidField("person", "give the person's id");
    }
    if (store.messages().involving(viewer, handle, null, 1).isEmpty()) {
      throw new InvalidField("handle", "no messages of '" + handle + "' you may read");
    }
    store.alertVerdicts().give(viewer, decisionId(handle, person), DECISIONS, verdict, reason);
  }

  /** The id a decision on (handle, person) is kept under, hashed. */
  static String decisionId(String handle, String person) {
    return AlertVerdicts.idOf(DECISIONS, handle, person);
  }

  /** What a candidate has for it: each piece of evidence and its strength. */
  private static final class Evidence {
    record Item(double strength, String text) {}

    final String person;
    final String caption;
    final List<Item> items = new ArrayList<>();

    Evidence(String person, String caption) {
      this.person = person;
      this.caption = caption;
    }

    void add(double strength, String text) {
      items.add(new Item(strength, text));
    }

    double score() {
      double keep = 1;
      for (Item i : items) {
        keep *= 1 - i.strength;
      }
      return 1 - keep;
    }
  }

  /** The evidence a handle's own messages give, per candidate person. */
  private Map<String, Evidence> evidence(
      Viewer viewer, String h, List<Messages.Sent> messages, Map<String, String> canonical) {
    Map<String, Evidence> out = new TreeMap<>();
    // nicknames: capitalised words of the messages the handle received
    Map<String, Integer> names = new HashMap<>();
    long received = 0;
    for (Messages.Sent m : messages) {
      if (m.from().equals(h)) {
        continue;
      }
      received++;
      Set<String> once = new LinkedHashSet<>();
      Matcher n = NAME.matcher(m.body());
      while (n.find()) {
        once.add(n.group());
      }
      once.forEach(w -> names.merge(w, 1, Integer::sum));
    }
    int most = names.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Map<String, Set<String>> nicknamed = new HashMap<>();
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      int count = e.getValue();
      if (count < 2) {
        continue;
      }
      List<SearchHit> known = byAlias(viewer, e.getKey());
      Set<String> persons = new LinkedHashSet<>();
      known.forEach(p -> persons.add(canonical.getOrDefault(p.id(), p.id())));
      if (persons.isEmpty()) {
        continue;
      }
      double strength = 0.9 * count / most * Math.min(1.0, count / 3.0) / persons.size();
      for (SearchHit p : known) {
        String id = canonical.getOrDefault(p.id(), p.id());
        nicknamed.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(p.id());
        Evidence ev = out.computeIfAbsent(id, k -> new Evidence(id, p.caption()));
        if (ev.items.stream().noneMatch(i -> i.text.startsWith("nickname '" + e.getKey() + "'"))) {
          ev.add(
              strength,
              "nickname '"
                  + e.getKey()
                  + "': "
                  + count
                  + " of "
                  + received
                  + " messages to the handle name it; recorded as "
                  + p.caption()
                  + "'s alias"
                  + (persons.size() > 1 ? " (as " + persons.size() + " persons' alias)" : ""));
        }
      }
    }
    // a person whose known associates' nicknames the handle's conversations use is more likely
    // the one of several with the same nickname
    Set<String> spoken = new LinkedHashSet<>();
    for (Messages.Sent m : messages) {
      Matcher n = NAME.matcher(m.body());
      while (n.find()) {
        spoken.add(n.group().toLowerCase(java.util.Locale.ROOT));
      }
    }
    Map<String, List<String>> aliasesOf = new HashMap<>();
    for (Evidence ev : out.values()) {
      Set<String> aliases = new java.util.TreeSet<>();
      for (String entity : nicknamed.getOrDefault(ev.person, Set.of())) {
        for (String alias : associatesAliases(viewer, entity, aliasesOf)) {
          if (spoken.contains(alias.toLowerCase(java.util.Locale.ROOT))) {
            aliases.add(alias);
          }
        }
      }
      if (!aliases.isEmpty()) {
        ev.add(
            Math.min(0.6, 0.3 * aliases.size()),
            "associates known as "
                + String.join(", ", aliases)
                + " are named in its conversations");
      }
    }
    // phones the handle gives
    Map<String, Boolean> phones = new LinkedHashMap<>();
    for (Messages.Sent m : messages) {
      if (!m.from().equals(h)) {
        continue;
      }
      ChatMessage cm =
          new ChatMessage(
              m.id(),
              m.time(),
              m.from(),
              m.to(),
              m.device(),
              "",
              m.body(),
              m.language(),
              null,
              null,
              null,
              0);
      for (Mentions.Mention x : Mentions.find(cm, "NL", ZoneOffset.UTC)) {
        if (x.prop().equals("phone")) {
          phones.merge(x.value(), OWN_NUMBER.matcher(m.body()).find(), Boolean::logicalOr);
        }
      }
    }
    for (Map.Entry<String, Boolean> e : phones.entrySet()) {
      List<SearchHit> holders = byPhone(viewer, e.getKey());
      Set<String> persons = new LinkedHashSet<>();
      holders.forEach(p -> persons.add(canonical.getOrDefault(p.id(), p.id())));
      if (persons.isEmpty()) {
        continue;
      }
      double strength = (e.getValue() ? 0.85 : 0.5) / persons.size();
      for (SearchHit p : holders) {
        String id = canonical.getOrDefault(p.id(), p.id());
        Evidence ev = out.computeIfAbsent(id, k -> new Evidence(id, p.caption()));
        String text =
            "phone "
                + e.getKey()
                + (e.getValue() ? " given as the sender's own" : " given in its messages")
                + "; recorded for "
                + p.caption()
                + (persons.size() > 1 ? " (and " + (persons.size() - 1) + " more)" : "");
        if (ev.items.stream().noneMatch(i -> i.text.startsWith("phone " + e.getKey()))) {
          ev.add(strength, text);
        }
      }
    }
    return out;
  }

  /**
   * The nicknames (alias, weak alias) of the persons an entity is related to (the police's links,
   * registers, payrolls), each person read once per attribution ({@code aliasesOf}).
   */
  private List<String> associatesAliases(
      Viewer viewer, String entity, Map<String, List<String>> aliasesOf) {
    List<String> out = new ArrayList<>();
    for (Relations.Relation r : store.relations().of(viewer, List.of(entity)).results()) {
      for (Relations.Party party : r.parties()) {
        if (party.schema().equals("Person")) {
          out.addAll(aliasesOf.computeIfAbsent(party.id(), id -> aliases(viewer, id)));
        }
      }
    }
    return out;
  }

  /** The nicknames a person is recorded with. */
  private List<String> aliases(Viewer viewer, String id) {
    List<String> out = new ArrayList<>();
    store
        .entities()
        .entity(viewer, id)
        .ifPresent(
            e -> {
              for (String p : List.of("alias", "weakAlias")) {
                e.properties().getOrDefault(p, List.of()).forEach(v -> out.add(v.value()));
              }
            });
    return out;
  }

  /** Persons recorded with the word as an alias or weak alias, case ignored. */
  private List<SearchHit> byAlias(Viewer viewer, String word) {
    List<SearchHit> out = new ArrayList<>();
    for (SearchHit hit :
        store.search(viewer, new SearchQuery(word, "Person", null, null, null, 20, "NL"))) {
      for (String p : List.of("alias", "weakAlias")) {
        for (String v : hit.properties().getOrDefault(p, List.of())) {
          if (v.equalsIgnoreCase(word) && !out.contains(hit)) {
            out.add(hit);
          }
        }
      }
    }
    return out;
  }

  /** Persons recorded with the phone number. */
  private List<SearchHit> byPhone(Viewer viewer, String phone) {
    List<SearchHit> out = new ArrayList<>();
    for (SearchHit hit :
        store.search(viewer, new SearchQuery(phone, "Person", null, null, null, 20, "NL"))) {
      if (hit.properties().getOrDefault("phone", List.of()).contains(phone)) {
        out.add(hit);
      }
    }
    return out;
  }

  /** A handle's strongest candidate the team has not decided on. */
  public record Open(
      String handle, String person, String caption, double score, List<String> evidence) {}

  /** The most handles a list of open attributions weighs. */
  public static final int MAX_HANDLES = 1_000;

  /**
   * The strongest open attribution of each handle the viewer may see (chat accounts), best first,
   * the {@code top} first; handles whose every candidate is decided are left out.
   */
  public List<Open> strongest(Viewer viewer, int top) {
    if (top < 1 || top > 1000) {
      throw new InvalidField("top", "must be 1 to 1000, not " + top);
    }
    Set<String> handles = new java.util.TreeSet<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("UserAccount"),
            Set.of("username"),
            (id, schema, source, props) ->
                handles.addAll(props.getOrDefault("username", List.of())));
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    List<Open> out = new ArrayList<>();
    int weighed = 0;
    for (String h : handles) {
      if (weighed++ == MAX_HANDLES) {
        break;
      }
      if (store.messages().involving(viewer, h, null, 1).isEmpty()) {
        continue;
      }
      for (Candidate c : attribute(viewer, h, canonical).candidates()) {
        if (c.decision() == null || c.decision().equals("open")) {
          out.add(new Open(h, c.person(), c.caption(), c.score(), c.evidence()));
          break;
        }
      }
    }
    out.sort(Comparator.comparingDouble(Open::score).reversed().thenComparing(Open::handle));
    return out.size() > top ? List.copyOf(out.subList(0, top)) : out;
  }
}
