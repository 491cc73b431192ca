package org.spil.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spil.ingest.Mentions;
import org.spil.ingest.Places;
import org.spil.model.ChatMessage;
import org.spil.model.InvalidField;
import org.spil.model.types.NameKeys;
import org.spil.policy.Viewer;
import org.spil.store.AlertVerdicts;
import org.spil.store.Messages;
import org.spil.store.Store;

/**
 * Who is behind a chat handle: the persons of the viewer's data that the handle's messages point
 * to, each with the evidence and its strength, as candidates an analyst confirms or rejects.
 * Evidence comes in five kinds: a nickname the handle's correspondents call it by that a person is
 * recorded with (alias or weak alias), weighed among the persons sharing it by whether their known
 * associates are the handle's contacts; a phone number the handle gives in its messages that a
 * person is recorded with (stronger when the message says it is the sender's own); border crossings
 * on the days the handle says it travels; payments of the sums it says it paid or received, on
 * those days; a device the handle shares with another handle, whose evidence then counts for both.
 * A candidate's score combines its evidence as independent, {@code 1 - (1 - s1)(1 - s2)...};
 * persons the team's resolution merged are one candidate. What the viewer's data records of persons
 * is read once per question ({@link PersonClues}), or kept between a server's questions. Decisions
 * are the team's, kept and audited like verdicts on alerts.
 */
public final class Attribution {
  private final Store store;
  private final Kept<PersonClues> kept;

  /**
   * An attribution that keeps the clues of the last two scopes it was asked for between questions:
   * a server's answers the handle pages of a team without reading its persons again, a command
   * reads them once.
   */
  public Attribution(Store store) {
    this.store = store;
    this.kept = new Kept<>(store, 2);
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
      List<Conversation> conversations,
      int[][] activity,
      List<Candidate> candidates) {}

  /**
   * A handle the handle wrote with: messages sent to it and received from it, and, for the contacts
   * whose likely persons weighed the candidates, the likeliest of them with its share (else null).
   */
  public record Contact(
      String handle,
      long sent,
      long received,
      @JsonInclude(JsonInclude.Include.NON_NULL) String person,
      @JsonInclude(JsonInclude.Include.NON_NULL) String caption,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double share) {

    /** The contact with the likeliest of its persons, if any. */
    Contact likely(Map<String, Double> persons, PersonClues clues) {
      return persons.entrySet().stream()
          .max(
              Map.Entry.<String, Double>comparingByValue()
                  .thenComparing(Map.Entry.comparingByKey()))
          .map(
              e ->
                  new Contact(
                      handle,
                      sent,
                      received,
                      e.getKey(),
                      clues.caption(e.getKey()),
                      round(e.getValue())))
          .orElse(this);
    }
  }

  /**
   * A conversation the handle takes part in: its id, the others in it (most messages first), its
   * messages and how many the handle sent, the first and last, the threads it falls into (runs of
   * messages less than {@link #THREAD_GAP} apart) and whether it is a group (more than two take
   * part).
   */
  public record Conversation(
      String conversation,
      List<String> with,
      long messages,
      long sent,
      Instant first,
      Instant last,
      int threads,
      boolean group) {}

  /** The silence after which a conversation's next message starts a new thread. */
  static final Duration THREAD_GAP = Duration.ofHours(6);

  /** The most conversations a handle's answer lists. */
  static final int CONVERSATIONS = 25;

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
    if (handle == null || handle.isBlank()) {
      throw new InvalidField("handle", "give a handle");
    }
    Handle h =
        attribute(
            viewer,
            handle.strip(),
            kept.get(viewer, () -> PersonClues.read(store, viewer)),
            new HashMap<>());
    if (h == null) {
      throw new InvalidField("handle", "no messages of '" + handle.strip() + "' you may read");
    }
    return h;
  }

  /**
   * As {@link #attribute(Viewer, String)}, with the viewer's clues read and the likely persons of
   * the contacts weighed so far ({@code likely}, by handle, filled in here); null when the viewer
   * may read no message of the handle.
   */
  private Handle attribute(
      Viewer viewer, String h, PersonClues clues, Map<String, Map<String, Double>> likely) {
    List<Messages.Sent> messages = store.messages().involving(viewer, h, null, MAX_MESSAGES);
    if (messages.isEmpty()) {
      return null;
    }
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
    List<Contact> contacts = contacts(h, messages);
    Map<String, Map<String, Double>> theirs = new LinkedHashMap<>();
    for (Contact c : contacts) {
      if (theirs.size() == JOINT_CONTACTS) {
        break;
      }
      if (!others.contains(c.handle()) && !c.handle().equals(h)) {
        theirs.put(c.handle(), likely.computeIfAbsent(c.handle(), k -> likely(viewer, clues, k)));
      }
    }
    contacts =
        contacts.stream()
            .map(c -> theirs.containsKey(c.handle()) ? c.likely(theirs.get(c.handle()), clues) : c)
            .toList();
    Joint joint = new Joint(clues, theirs);
    Map<String, Evidence> own = evidence(viewer, clues, h, messages, joint);
    for (String other : others) {
      List<Messages.Sent> sharing = store.messages().involving(viewer, other, null, MAX_MESSAGES);
      for (Evidence e : evidence(viewer, clues, other, sharing, joint).values()) {
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
                  .map(i -> i.text + " (" + round(i.strength) + ")")
                  .toList(),
              v == null ? null : v.verdict(),
              v == null ? null : v.reason()));
    }
    candidates.sort(
        Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::person));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("handle", h);
    detail.put("contactsWeighed", List.copyOf(theirs.keySet()));
    detail.put("candidates", candidates.stream().map(Candidate::person).toList());
    store.audited(viewer, "handles.attribute", detail);
    return new Handle(
        h,
        messages.size(),
        received,
        List.copyOf(devices),
        List.copyOf(others),
        contacts,
        conversations(h, messages),
        activity(h, messages),
        candidates);
  }

  /** Whom the handle writes with, most messages first, the first {@link #CONTACTS}. */
  private static List<Contact> contacts(String h, List<Messages.Sent> messages) {
    Map<String, long[]> with = new HashMap<>();
    for (Messages.Sent m : messages) {
      if (m.from().equals(h)) {
        for (String to : m.to()) {
          with.computeIfAbsent(to, k -> new long[2])[0]++;
        }
      } else {
        with.computeIfAbsent(m.from(), k -> new long[2])[1]++;
      }
    }
    return with.entrySet().stream()
        .map(e -> new Contact(e.getKey(), e.getValue()[0], e.getValue()[1], null, null, null))
        .sorted(
            Comparator.comparingLong((Contact c) -> c.sent() + c.received())
                .reversed()
                .thenComparing(Contact::handle))
        .limit(CONTACTS)
        .toList();
  }

  /** The messages the handle sent per weekday (Monday first) and hour, in UTC. */
  private static int[][] activity(String h, List<Messages.Sent> messages) {
    int[][] activity = new int[7][24];
    for (Messages.Sent m : messages) {
      if (m.from().equals(h)) {
        var at = m.time().atZone(ZoneOffset.UTC);
        activity[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
      }
    }
    return activity;
  }

  /**
   * The handle's conversations, most messages first: whom each is with, how many messages, the
   * threads (runs of messages less than {@link #THREAD_GAP} apart; the messages come oldest first)
   * and whether it is a group.
   */
  static List<Conversation> conversations(String h, List<Messages.Sent> messages) {
    Map<String, List<Messages.Sent>> by = new LinkedHashMap<>();
    for (Messages.Sent m : messages) {
      by.computeIfAbsent(m.conversation(), k -> new ArrayList<>()).add(m);
    }
    List<Conversation> out = new ArrayList<>();
    for (Map.Entry<String, List<Messages.Sent>> e : by.entrySet()) {
      Map<String, Integer> others = new HashMap<>();
      long sent = 0;
      int threads = 0;
      Instant previous = null;
      for (Messages.Sent m : e.getValue()) {
        sent += m.from().equals(h) ? 1 : 0;
        others.merge(m.from(), 1, Integer::sum);
        m.to().forEach(t -> others.merge(t, 1, Integer::sum));
        if (previous == null || Duration.between(previous, m.time()).compareTo(THREAD_GAP) > 0) {
          threads++;
        }
        previous = m.time();
      }
      others.remove(h);
      List<String> with =
          others.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .toList();
      List<Messages.Sent> ms = e.getValue();
      out.add(
          new Conversation(
              e.getKey(),
              with,
              ms.size(),
              sent,
              ms.get(0).time(),
              ms.get(ms.size() - 1).time(),
              threads,
              with.size() > 1));
    }
    out.sort(
        Comparator.comparingLong(Conversation::messages)
            .reversed()
            .thenComparing(Conversation::conversation));
    return out.size() > CONVERSATIONS ? List.copyOf(out.subList(0, CONVERSATIONS)) : out;
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

  /** How likely a person's known associate is among the handle's contacts when it is his. */
  static final double ASSOCIATE_IN_CONTACTS = 0.7;

  /** How likely a handle speaks of travel on a day its owner crossed no border we know of. */
  static final double TRAVEL_WITHOUT_CROSSING = 0.2;

  /** Words that say the sender travels (flies, is at an airport, has landed or is back). */
  private static final Pattern TRAVEL =
      Pattern.compile(
          "(?iu)\\b(vlieg\\w*|vliegtuig|vliegveld|vlucht|geland|ben terug|terug uit|fly|flying"
              + "|flight|airport|landed|back from|vol|aéroport|atterri|je pars)\\b");

  /** Words that say the sender comes back rather than leaves. */
  private static final Pattern BACK =
      Pattern.compile("(?iu)\\b(terug|geland|landed|back from|atterri|de retour|retour)\\b");

  /**
   * A day a handle says it travels: leaving ({@code out}) or coming back ({@code in}), and the
   * country of the port it names (lower-case ISO code), or null.
   */
  record Trip(String direction, String country) {
    /** Whether a crossing fits: its direction and country, where both are known. */
    boolean fits(PersonClues.Crossing c) {
      String d = c.direction() == null ? null : c.direction().toLowerCase(Locale.ROOT);
      boolean leaving =
          d != null && (d.startsWith("uit") || d.startsWith("exit") || d.equals("out"));
      boolean entering = d != null && (d.startsWith("in") || d.startsWith("entr"));
      if ((direction.equals("out") && entering) || (direction.equals("in") && leaving)) {
        return false;
      }
      return country == null || c.country() == null || country.equalsIgnoreCase(c.country());
    }
  }

  /** The most contacts (most messages first) whose likely persons weigh a handle's candidates. */
  static final int JOINT_CONTACTS = 10;

  /** A contact's likely persons below this share are not weighed. */
  static final double LIKELY_FLOOR = 0.05;

  /**
   * Who is likely behind a contact, from its own messages alone (no contacts of its own weighed):
   * each candidate's score as a share of the scores' sum (or of 1, when they sum to less), those
   * below {@link #LIKELY_FLOOR} left out.
   */
  private Map<String, Double> likely(Viewer viewer, PersonClues clues, String contact) {
    List<Messages.Sent> messages = store.messages().involving(viewer, contact, null, MAX_MESSAGES);
    Map<String, Double> scores = new HashMap<>();
    for (Evidence e : evidence(viewer, clues, contact, messages, Joint.NONE).values()) {
      scores.put(e.person, e.score());
    }
    double sum = Math.max(1, scores.values().stream().mapToDouble(Double::doubleValue).sum());
    Map<String, Double> out = new HashMap<>();
    scores.forEach(
        (person, score) -> {
          if (score / sum >= LIKELY_FLOOR) {
            out.put(person, score / sum);
          }
        });
    return out;
  }

  /**
   * How likely a handle's contact is a known associate of its owner: the police record part of a
   * network's ties, and a handle also writes to others.
   */
  static final double CONTACT_IS_ASSOCIATE = 0.5;

  /**
   * What the handle's contacts say of its candidates: a candidate whose known associates are the
   * persons likely behind its contacts is likelier the one. Per contact a likelihood ratio {@code 1
   * + s (a / c - 1)}, where {@code s} is how likely the contact is one of the candidate's
   * associates (the shares of its likely persons who are), {@code a} {@link #CONTACT_IS_ASSOCIATE}
   * and {@code c} the chance that a person with known associates is one of them (their number over
   * all such persons): only a tie found counts, as a tie not recorded says little.
   */
  private static final class Joint {
    static final Joint NONE = new Joint(null, Map.of());

    private final PersonClues clues;
    private final Map<String, Map<String, Double>> likely;
    private final Map<String, Double> ratios = new HashMap<>();
    private final Map<String, List<String>> found = new HashMap<>();

    Joint(PersonClues clues, Map<String, Map<String, Double>> likely) {
      this.clues = clues;
      this.likely = likely;
    }

    /** The candidate's likelihood ratio from the contacts. */
    double ratio(String person) {
      Double known = ratios.get(person);
      if (known != null) {
        return known;
      }
      double ratio = 1;
      List<String> ties = new ArrayList<>();
      Set<String> associates = likely.isEmpty() ? Set.of() : clues.associates(person);
      if (!associates.isEmpty()) {
        double c = Math.min(1, associates.size() / (double) Math.max(1, clues.withAssociates()));
        for (Map.Entry<String, Map<String, Double>> contact : likely.entrySet()) {
          double s = 0;
          String best = null;
          double bestShare = 0;
          for (Map.Entry<String, Double> q : contact.getValue().entrySet()) {
            if (associates.contains(q.getKey())) {
              s += q.getValue();
              if (q.getValue() > bestShare) {
                best = q.getKey();
                bestShare = q.getValue();
              }
            }
          }
          if (best != null) {
            ratio *= 1 + Math.min(1, s) * (Math.min(1000, CONTACT_IS_ASSOCIATE / c) - 1);
            ties.add(
                contact.getKey()
                    + " likely "
                    + clues.caption(best)
                    + " ("
                    + round(bestShare)
                    + ")");
          }
        }
      }
      ratios.put(person, ratio);
      found.put(person, ties);
      return ratio;
    }

    /** The contacts found to be the candidate's associates, as a clause for its evidence. */
    String explained(String person) {
      ratio(person);
      List<String> ties = found.get(person);
      return ties.isEmpty()
          ? ""
          : "; contacts likely its known associates: " + String.join(", ", ties);
    }
  }

  /** A share or strength as shown: two decimals. */
  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  /** The evidence a handle's own messages give, per candidate person. */
  private Map<String, Evidence> evidence(
      Viewer viewer, PersonClues clues, String h, List<Messages.Sent> messages, Joint joint) {
    Map<String, Evidence> out = new TreeMap<>();
    Map<String, Boolean> phones = new LinkedHashMap<>();
    Set<String> spoken = new HashSet<>();
    Map<LocalDate, Trip> travelDays = new TreeMap<>();
    List<Sum> sums = new ArrayList<>();
    for (Messages.Sent m : messages) {
      if (!m.from().equals(h)) {
        for (Mentions.Mention x : Mentions.find(message(m), "NL", ZoneOffset.UTC)) {
          if (x.prop().equals("phone")) {
            spoken.add(x.value());
          }
        }
        continue;
      }
      boolean travels = TRAVEL.matcher(m.body()).find();
      boolean paid = PAID.matcher(m.body()).find();
      boolean received = RECEIVED.matcher(m.body()).find();
      LocalDate day = m.time().atZone(ZoneOffset.UTC).toLocalDate();
      String country = null;
      List<Double> amounts = new ArrayList<>();
      for (Mentions.Mention x :
          Mentions.find(
              message(m), "NL", ZoneOffset.UTC, travels ? Ingestion.places() : Places.NONE)) {
        if (x.prop().equals("phone")) {
          phones.merge(x.value(), OWN_NUMBER.matcher(m.body()).find(), Boolean::logicalOr);
          spoken.add(x.value());
        } else if ((travels || paid || received) && x.prop().equals("dateMentioned")) {
          day = LocalDate.parse(x.value().substring(0, 10));
        } else if (travels && x.prop().equals("portMentioned") && country == null) {
          country = x.value().substring(0, 2).toLowerCase(Locale.ROOT);
        } else if (travels && x.prop().equals("countryMentioned") && country == null) {
          country = x.value();
        } else if (x.prop().equals("amountMentioned")) {
          Double euros = Sum.euros(x.value());
          if (euros != null) {
            amounts.add(euros);
          }
        }
      }
      if (travels) {
        travelDays.putIfAbsent(
            day, new Trip(BACK.matcher(m.body()).find() ? "in" : "out", country));
      }
      if ((paid || received) && sums.size() < MAX_SUMS) {
        for (Double euros : amounts) {
          sums.add(new Sum(day, euros, paid == received ? null : paid));
        }
      }
    }
    nicknames(clues, h, messages, spoken, joint, out);
    phones(clues, phones, out);
    travel(clues, travelDays, joint, out);
    if (!sums.isEmpty()) {
      PersonPayments paid = clues.payments(store, viewer);
      paid.read(store, viewer, sums.stream().map(Sum::day).toList());
      payments(paid, clues, sums, joint, out);
    }
    return out;
  }

  private static ChatMessage message(Messages.Sent m) {
    return new ChatMessage(
        m.id(),
        m.time(),
        m.from(),
        m.to(),
        m.device(),
        m.conversation(),
        m.body(),
        m.language(),
        null,
        null,
        null,
        0);
  }

  /**
   * Nicknames: the capitalised words of the messages the handle received that persons are recorded
   * with. A nickname several persons share is weighed among them by their known associates: one
   * whose associates' nicknames are the names the handle calls its contacts by is likelier the one
   * (a likelihood ratio per associate, against the chance that a name is among its contacts'
   * names); someone recorded with no such nickname keeps a share, as the police do not know
   * everyone's.
   */
  private static void nicknames(
      PersonClues clues,
      String h,
      List<Messages.Sent> messages,
      Set<String> spoken,
      Joint joint,
      Map<String, Evidence> out) {
    Map<String, Integer> names = new HashMap<>();
    Map<String, String> written = new HashMap<>();
    Set<String> contactNames = new LinkedHashSet<>();
    long received = 0;
    for (Messages.Sent m : messages) {
      boolean sent = m.from().equals(h);
      received += sent ? 0 : 1;
      Set<String> once = new LinkedHashSet<>();
      Matcher n = NAME.matcher(m.body());
      while (n.find()) {
        if (clues.isAlias(n.group())) {
          once.add(PersonClues.key(n.group()));
          written.putIfAbsent(PersonClues.key(n.group()), n.group());
        }
      }
      if (sent) {
        contactNames.addAll(once);
      } else {
        once.forEach(w -> names.merge(w, 1, Integer::sum));
      }
    }
    names.values().removeIf(count -> count < 2);
    contactNames.removeAll(names.keySet());
    int most = names.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double rho =
        Math.max(
            0.05, Math.min(0.9, contactNames.size() / (double) Math.max(1, clues.aliasCount())));
    // how often a person's associate holds a number the conversations give, by chance
    double chance = spoken.isEmpty() ? 1 : Math.max(1e-6, clues.associatedWithNumbers(spoken));
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      String name = written.get(e.getKey());
      int count = e.getValue();
      List<PersonClues.Person> holders = clues.withAlias(name);
      double base = 0.9 * count / most * Math.min(1.0, count / 3.0);
      Map<String, Associates> weighed = new HashMap<>();
      double sum = 1;
      for (PersonClues.Person p : holders) {
        Associates a =
            associates(clues, p.id(), e.getKey(), contactNames, rho, written, spoken, chance);
        weighed.put(p.id(), a);
        sum += a.ratio() * joint.ratio(p.id());
      }
      for (PersonClues.Person p : holders) {
        Associates a = weighed.get(p.id());
        Evidence ev = out.computeIfAbsent(p.id(), k -> new Evidence(p.id(), p.caption()));
        ev.add(
            base * a.ratio() * joint.ratio(p.id()) / sum,
            "nickname '"
                + name
                + "': "
                + count
                + " of "
                + received
                + " messages to the handle name it; recorded for "
                + (holders.size() == 1 ? "this person only" : holders.size() + " persons")
                + a.explained()
                + joint.explained(p.id()));
      }
    }
  }

  /**
   * How a nickname's holder's known associates weigh for it: the product of a likelihood ratio per
   * associate recorded with another nickname (whether that nickname is among the names the handle
   * calls its contacts by, against the chance {@code rho} that any nickname is), how many such
   * associates it has, and the nicknames found.
   */
  private record Associates(
      double ratio, int known, Set<String> matched, Map<String, String> byNumber) {
    String explained() {
      String out = "";
      if (known > 0) {
        out =
            "; "
                + matched.size()
                + " of "
                + known
                + " associates with known nicknames"
                + (matched.isEmpty()
                    ? " are among its contacts' names"
                    : " (" + String.join(", ", matched) + ") are names it calls its contacts by");
      }
      if (!byNumber.isEmpty()) {
        List<String> each = new ArrayList<>();
        byNumber.forEach((who, phone) -> each.add(who + ", " + phone));
        out +=
            "; associates recorded with numbers its conversations give ("
                + String.join("; ", each)
                + ")";
      }
      return out;
    }
  }

  /**
   * How likely one of a person's known associates is recorded with a number the handle's
   * conversations give, when the handle is his: a network's members give each other its phones, and
   * the police record them for some of its members.
   */
  static final double ASSOCIATE_NUMBER = 0.5;

  private static Associates associates(
      PersonClues clues,
      String person,
      String nickname,
      Set<String> contactNames,
      double rho,
      Map<String, String> written,
      Set<String> spoken,
      double chance) {
    double ratio = 1;
    int known = 0;
    Set<String> matched = new TreeSet<>();
    Map<String, String> byNumber = new TreeMap<>();
    for (String associate : clues.associates(person)) {
      for (String phone : clues.phones(associate)) {
        if (spoken.contains(phone)) {
          byNumber.putIfAbsent(clues.caption(associate), phone);
        }
      }
    }
    if (!clues.associates(person).isEmpty() && !spoken.isEmpty()) {
      // against the share of persons with associates one of whom holds such a number
      ratio *=
          byNumber.isEmpty()
              ? (1 - ASSOCIATE_NUMBER) / (1 - Math.min(0.99, chance))
              : Math.min(1000, ASSOCIATE_NUMBER / chance);
    }
    for (Set<String> theirs : clues.associatesNicknames(person).values()) {
      Set<String> keys = new LinkedHashSet<>();
      theirs.forEach(t -> keys.add(PersonClues.key(t)));
      keys.remove(nickname);
      if (keys.isEmpty()) {
        continue;
      }
      known++;
      String hit = keys.stream().filter(contactNames::contains).findFirst().orElse(null);
      if (hit != null) {
        ratio *= ASSOCIATE_IN_CONTACTS / rho;
        matched.add(written.getOrDefault(hit, hit));
      } else {
        ratio *= (1 - ASSOCIATE_IN_CONTACTS) / (1 - rho);
      }
    }
    return new Associates(ratio, known, matched, byNumber);
  }

  /**
   * Phone numbers the handle gives that persons are recorded with; a number given as the sender's
   * own weighs more. Records with the same name count as one person (a resolution may not have
   * merged them yet).
   */
  private static void phones(
      PersonClues clues, Map<String, Boolean> phones, Map<String, Evidence> out) {
    for (Map.Entry<String, Boolean> e : phones.entrySet()) {
      List<PersonClues.Person> holders = clues.withPhone(e.getKey());
      if (holders.isEmpty()) {
        continue;
      }
      Set<String> persons = new LinkedHashSet<>();
      holders.forEach(p -> persons.add(NameKeys.fingerprint(p.caption())));
      double strength = (e.getValue() ? 0.9 : 0.5) / persons.size();
      for (PersonClues.Person p : holders) {
        out.computeIfAbsent(p.id(), k -> new Evidence(p.id(), p.caption()))
            .add(
                strength,
                "phone "
                    + e.getKey()
                    + (e.getValue() ? " given as the sender's own" : " given in its messages")
                    + "; recorded for "
                    + p.caption()
                    + (persons.size() > 1 ? " (and " + (persons.size() - 1) + " more)" : ""));
      }
    }
  }

  /**
   * Travel: the days the handle says it flies, lands or is back (a day named, "morgen", read
   * against the message's time) against the border crossings of those days. A person who crossed on
   * several of them is likelier the one: the odds are the product over the days matched of the
   * travellers over those who crossed that day, times a small chance per day not matched, over the
   * number of travellers.
   */
  private static void travel(
      PersonClues clues, Map<LocalDate, Trip> days, Joint joint, Map<String, Evidence> out) {
    if (days.isEmpty() || clues.travellers() == 0) {
      return;
    }
    Occasions crossed = new Occasions(clues.travellers(), days.size(), TRAVEL_WITHOUT_CROSSING);
    for (Map.Entry<LocalDate, Trip> trip : days.entrySet()) {
      LocalDate day = trip.getKey();
      Map<String, String> fitting = new LinkedHashMap<>();
      for (PersonClues.Crossing c : clues.crossingsOn(day)) {
        if (trip.getValue().fits(c)) {
          fitting.putIfAbsent(
              c.person(),
              day
                  + " "
                  + Objects.toString(c.point(), "?")
                  + (c.direction() == null ? "" : " " + c.direction())
                  + (c.country() == null ? "" : " " + c.country().toUpperCase(Locale.ROOT)));
        }
      }
      crossed.fit(fitting);
    }
    crossed.weigh(
        clues,
        joint,
        out,
        "crossed a border on %d of the %d days its messages speak of travelling (%s); %d other"
            + " persons crossed on one of them");
  }

  /** Words that say the sender paid or sent money away. */
  private static final Pattern PAID =
      Pattern.compile(
          "(?iu)\\b(betaald|overgemaakt|overgeboekt|gepind|paid|transferred|wired|payé|viré)\\b");

  /** Words that say the sender received money or paid it in onto an account. */
  private static final Pattern RECEIVED =
      Pattern.compile(
          "(?iu)\\b(gestort|ontvangen|bijgeschreven|received|deposited|reçu|versé|encaissé)\\b");

  /** The most sums of money a handle's messages speak of that are weighed. */
  static final int MAX_SUMS = 50;

  /**
   * A sum of money a handle says it paid ({@code out} true) or received (false; null when it says
   * both), on the day of the message or the day it names.
   */
  record Sum(LocalDate day, double euros, Boolean out) {
    /** The euros of an amount as extraction gives it ("9437 EUR", "40000"), or null if not EUR. */
    static Double euros(String mentioned) {
      String[] parts = mentioned.split(" ");
      if (parts.length > 1 && !parts[1].equals("EUR")) {
        return null;
      }
      try {
        return Double.valueOf(parts[0]);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** How likely a sum a handle speaks of is not among the payments the viewer may see. */
  static final double SUM_WITHOUT_PAYMENT = 0.2;

  /**
   * Payments: the sums the handle says it paid or received against the payments of persons booked
   * that day or the next, of about that sum, on that side. As with travel, a person who made
   * several of them is likelier the one: the odds are the product over the sums matched of the
   * persons with payments over those who made a payment that fits, times {@link
   * #SUM_WITHOUT_PAYMENT} per sum not matched, over the number of persons with payments.
   */
  private static void payments(
      PersonPayments payments,
      PersonClues clues,
      List<Sum> sums,
      Joint joint,
      Map<String, Evidence> out) {
    if (payments.persons() == 0) {
      return;
    }
    Occasions paid = new Occasions(payments.persons(), sums.size(), SUM_WITHOUT_PAYMENT);
    for (Sum sum : sums) {
      Map<String, String> fitting = new LinkedHashMap<>();
      for (PersonPayments.Match f : payments.matching(sum.day(), sum.euros(), sum.out())) {
        fitting.put(
            f.person(),
            f.day() + (f.out() ? " paid " : " received ") + PersonPayments.euros(f.euros()));
      }
      paid.fit(fitting);
    }
    paid.weigh(
        clues,
        joint,
        out,
        "paid or received %d of the %d sums its messages say it moved, on the day (%s); %d other"
            + " persons made one of them");
  }

  /**
   * Occasions a handle speaks of (the days it travels, the sums it says it moved) against the
   * persons whose records fit each: a person who fits several is likelier the one. Its odds are the
   * product over the occasions it fits of all {@code persons} (those who travel, or pay) over those
   * who fit the occasion, times {@code unmatched} (how likely an occasion is spoken of that the
   * records do not show) per occasion it does not fit, over the number of persons, times what the
   * handle's contacts say ({@link Joint}); as a strength at most 0.97.
   */
  private static final class Occasions {
    private final int persons;
    private final int asked;
    private final double unmatched;
    private final Map<String, List<String>> matched = new LinkedHashMap<>();
    private final Map<String, Double> logRatio = new HashMap<>();

    Occasions(int persons, int asked, double unmatched) {
      this.persons = persons;
      this.asked = asked;
      this.unmatched = unmatched;
    }

    /** One occasion's fitting persons, each with what fits, in words. */
    void fit(Map<String, String> fitting) {
      fitting.forEach(
          (person, how) -> {
            logRatio.merge(person, Math.log(persons / (double) fitting.size()), Double::sum);
            matched.computeIfAbsent(person, k -> new ArrayList<>()).add(how);
          });
    }

    /**
     * Adds each fitting person's evidence, told by {@code says} (how many fit, of how many
     * occasions, which, how many others fit one).
     */
    void weigh(PersonClues clues, Joint joint, Map<String, Evidence> out, String says) {
      for (Map.Entry<String, List<String>> e : matched.entrySet()) {
        String person = e.getKey();
        int k = e.getValue().size();
        double logOdds =
            logRatio.get(person)
                + (asked - k) * Math.log(unmatched)
                - Math.log(persons)
                + Math.log(joint.ratio(person));
        double strength = Math.min(0.97, 1 / (1 + Math.exp(-logOdds)));
        if (strength >= 0.01) {
          out.computeIfAbsent(person, p -> new Evidence(p, clues.caption(p)))
              .add(
                  strength,
                  String.format(
                          Locale.ROOT,
                          says,
                          k,
                          asked,
                          String.join("; ", e.getValue()),
                          matched.size() - 1)
                      + joint.explained(person));
        }
      }
    }
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
    Set<String> handles = new TreeSet<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("UserAccount"),
            Set.of("username"),
            (id, schema, source, props) ->
                handles.addAll(props.getOrDefault("username", List.of())));
    PersonClues clues = kept.get(viewer, () -> PersonClues.read(store, viewer));
    List<Open> out = new ArrayList<>();
    Map<String, Map<String, Double>> likely = new HashMap<>();
    int weighed = 0;
    for (String h : handles) {
      if (weighed++ == MAX_HANDLES) {
        break;
      }
      Handle attributed = attribute(viewer, h, clues, likely);
      if (attributed == null) {
        continue;
      }
      for (Candidate c : attributed.candidates()) {
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
