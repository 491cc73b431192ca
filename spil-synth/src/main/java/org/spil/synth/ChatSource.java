package org.spil.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.spil.model.EntityIds;

/**
 * Intercepted messages of an encrypted phone service in the style of the EncroChat and Sky ECC
 * exports: one JSON object per line with message id, UTC timestamp, sender and recipient handles,
 * device IMEI and text. Network members talk along the ties of their network (and the first brokers
 * of neighbouring networks with each other), mentioning their containers, burner phones, amounts,
 * places and each other's nicknames, and now and then threatening one of their own (planted threats
 * to life, in {@code truth/threats.csv}); other users of the service make the background.
 */
final class ChatSource extends Source {
  private static final String[] PLACES = {
    "Waalhaven",
    "Maasvlakte",
    "ECT Delta",
    "Deurganckdok",
    "Kallo",
    "Pernis",
    "Schiedam",
    "de loods",
    "de garage",
    "Kruiskade"
  };
  private static final String[] DAYS = {
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"
  };

  /**
   * A message; {@code threat} names the language of a planted threat to life, {@code decoy} that of
   * a harmless message with a threat's words, else null.
   */
  private record Message(
      LocalDateTime at,
      String from,
      String to,
      String body,
      String threat,
      String decoy,
      List<Plant> planted,
      String conversation) {
    Message(
        LocalDateTime at,
        String from,
        String to,
        String body,
        String threat,
        String decoy,
        List<Plant> planted) {
      this(at, from, to, body, threat, decoy, planted, null);
    }

    Message(LocalDateTime at, String from, String to, Body body) {
      this(at, from, to, body.text(), null, null, body.planted());
    }
  }

  /**
   * A message's text and the identifiers planted in it: {@code kind} a property of the ChatMention
   * schema; {@code value} its normalised form, or for a day the words that name it ("morgen",
   * "vrijdag", "morgen 6 uur"), resolved against the time the message is sent.
   */
  private record Body(String text, List<Plant> planted) {
    Body(String text, Plant... planted) {
      this(text, Arrays.stream(planted).filter(p -> p != null).toList());
    }
  }

  /**
   * The UN/LOCODEs of the places the chats name that are ports of the World Port Index by that
   * name: the truth's own list, independent of extraction's gazetteer.
   */
  private static final Map<String, String> PORTS =
      Map.ofEntries(
          Map.entry("Schiedam", "NLSCI"),
          Map.entry("Lomé", "TGLFW"),
          Map.entry("Guayaquil", "ECGYE"),
          Map.entry("Dubai", "AEDXB"),
          Map.entry("Istanbul", "TRIST"),
          Map.entry("Antalya", "TRAYT"),
          Map.entry("Barcelona", "ESBCN"),
          Map.entry("Malaga", "ESAGP"),
          Map.entry("Faro", "PTFAO"),
          Map.entry("Paramaribo", "SRPBM"),
          Map.entry("Rotterdam", "NLRTM"),
          Map.entry("Antwerpen", "BEANR"));

  /**
   * The places the chats name that are no ports but cities or towns of GeoNames' gazetteer, by the
   * name GeoNames gives them: the truth's own list. Pernis, a village, counts only after a word
   * that says where ("in Pernis"); the others count alone.
   */
  private static final Map<String, String> TOWNS =
      Map.ofEntries(
          Map.entry("Bogotá", "Bogotá"),
          Map.entry("Medellín", "Medellín"),
          Map.entry("Panama", "Panamá"),
          Map.entry("Marrakech", "Marrakesh"),
          Map.entry("Breda", "Breda"),
          Map.entry("Lille", "Lille"),
          Map.entry("Pernis", "Pernis"));

  /** The port or place a name plants where it stands alone, or null when it names neither. */
  private static Plant port(String place) {
    return place(place, false);
  }

  /**
   * The port or place a name plants ({@code portMentioned} or {@code placeMentioned}), {@code
   * where} whether a word that says where ("in", "uit") comes before it; null when it names none.
   */
  private static Plant place(String place, boolean where) {
    String code = PORTS.get(place);
    if (code != null) {
      return new Plant("portMentioned", code);
    }
    String town = TOWNS.get(place);
    return town == null || (!where && place.equals("Pernis"))
        ? null
        : new Plant("placeMentioned", town);
  }

  private record Plant(String kind, String value) {}

  /** A name a person is called by, as written: what extraction reads wherever it stands. */
  private static Plant called(String name) {
    return new Plant("nicknameMentioned", name);
  }

  private static Plant day(String words) {
    return new Plant("dateMentioned", words);
  }

  /**
   * Harmless messages that hold words a threat holds: what a triage must rank below the threats.
   * {@code %s} a place.
   */
  private static final String[][] DECOYS = {
    {"nl", "die oude auto moet weg, wil iemand hem voor 500?", ""},
    {"nl", "de boot moet weg uit %s voor vrijdag, anders betalen we liggeld", "day:vrijdag"},
    {"nl", "haal het ijzer op bij de schroothandel in %s", ""},
    {"nl", "mijn plant overleeft het niet, te weinig water", ""},
    {"nl", "we doen morgen de verhuizing, kom je helpen?", "day:morgen"},
    {"nl", "die vlek moet verdwijnen voor het feest", ""},
    {"en", "the old sofa has to go, anyone in %s want it?", ""},
    {"en", "we finish the paint job tonight", "day:tonight"},
    {"en", "my phone is dead, call me tomorrow", "day:tomorrow"},
    {"fr", "on descend à %s demain pour le match", "day:demain"},
    {"fr", "mon téléphone est mort, je te rappelle ce soir", "day:ce soir"}
  };

  /** The identifiers a template's third column plants: "day:WORDS" or "amount:VALUE". */
  private static List<Plant> planted(String column) {
    if (column.isEmpty()) {
      return List.of();
    }
    return column.startsWith("day:")
        ? List.of(day(column.substring(4)))
        : List.of(new Plant("amountMentioned", column.substring(7)));
  }

  /** Threats to life as the networks write them, {@code %s} the target: Dutch, English, French. */
  private static final String[][] THREATS = {
    {"nl", "%s praat met de politie, hij moet weg. vannacht nog", "day:vannacht"},
    {"nl", "neem het ijzer mee, we doen %s bij de garage", ""},
    {"nl", "%s moet verdwijnen voor het weekend", ""},
    {"nl", "maak %s koud, 50k als het klaar is", "amount:50000"},
    {"nl", "we pakken %s morgen 6 uur, die overleeft het niet", "day:morgen 6 uur"},
    {"en", "%s is talking to the cops, he has to go tonight", "day:tonight"},
    {"en", "bring the piece, we finish %s at the warehouse", ""},
    {"fr", "il faut buter %s ce soir", "day:ce soir"},
    {"fr", "%s parle aux flics, on le fume demain", "day:demain"}
  };

  /**
   * Messages of the service's other users per person of the scenario over its three years: ten, so
   * that a scenario of a million persons intercepts some 10^7 messages, written month by month (a
   * month's messages are held to be sorted, a few hundred thousand at that scale).
   */
  static final int BACKGROUND_PER_PERSON = 10;

  private final Trade trade;
  private final BorderSource border;
  private final BankSource bank;
  private final int backgroundHandles;
  private long sequence;

  ChatSource(
      World world, Truth truth, Path root, Trade trade, BorderSource border, BankSource bank) {
    super(world, truth, root);
    this.trade = trade;
    this.border = border;
    this.bank = bank;
    this.backgroundHandles = Math.max(60, world.scale / 40);
    for (Network n : world.networks) {
      for (Actor a : n.actors()) {
        if (a.handles().size() > 1
            && Rng.of(world.seed, "chat-same-device", a.person()).chance(0.5)) {
          firstHandleOnSameDevice.put(a.handles().get(1), a.handles().get(0));
        }
      }
    }
  }

  @Override
  String name() {
    return "encrochat";
  }

  private String handle(Actor a, int month) {
    return a.handles().size() > 1 && month >= 18 ? a.handles().get(1) : a.handles().get(0);
  }

  private static String backgroundHandle(int k) {
    return String.format("user%05d", k);
  }

  @Override
  void write() throws IOException {
    Map<String, List<Shipment>> containers = new HashMap<>();
    for (Shipment s : trade.networkShipments()) {
      containers.computeIfAbsent(s.network() + "-" + s.month(), x -> new ArrayList<>()).add(s);
    }
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("messages.jsonl"), StandardCharsets.UTF_8)) {
      for (int month = 0; month < World.MONTHS; month++) {
        List<Message> messages = new ArrayList<>();
        for (int k = 0; k < world.networks.size(); k++) {
          Network n = world.networks.get(k);
          Rng r = Rng.of(world.seed, "chat-" + n.id(), month);
          List<Tie> ties = new ArrayList<>(Tie.of(n));
          if (k + 1 < world.networks.size()) {
            ties.add(
                new Tie(
                    n.first(Role.BROKER).person(),
                    world.networks.get(k + 1).first(Role.BROKER).person(),
                    "associate",
                    1));
          }
          for (Tie t : ties) {
            Actor a = world.actor(t.a());
            Actor b = world.actor(t.b());
            if (a.handles().isEmpty() || b.handles().isEmpty()) {
              continue;
            }
            int count = t.weight() * r.between(1, 3);
            for (int m = 0; m < count; m++) {
              boolean forward = r.chance(0.6);
              Actor from = forward ? a : b;
              Actor to = forward ? b : a;
              messages.add(
                  new Message(
                      time(r, month),
                      handle(from, month),
                      handle(to, month),
                      body(r, n, t.kind(), to, month, containers.get(n.id() + "-" + month))));
            }
          }
        }
        for (Network n : world.networks) {
          threats(n, month, messages);
          ownNumbers(n, month, messages);
          travels(n, month, messages);
          pays(n, month, messages);
          group(n, month, messages);
          lawyers(n, month, messages);
        }
        decoys(month, messages);
        Rng r = Rng.of(world.seed, "chat-background", month);
        Rng towns = Rng.of(world.seed, "chat-background-towns", month);
        int background = world.scale * BACKGROUND_PER_PERSON / World.MONTHS;
        for (int m = 0; m < background; m++) {
          int from = r.below(backgroundHandles);
          int to = (from + 1 + r.below(12)) % backgroundHandles;
          LocalDateTime at = time(r, month);
          Body body = chatter(r);
          messages.add(
              new Message(
                  at,
                  backgroundHandle(from),
                  backgroundHandle(to),
                  towns.chance(0.03) ? townTalk(towns) : body));
        }
        messages.sort(Comparator.comparing(Message::at).thenComparing(Message::from));
        for (Message m : messages) {
          String id = "EC" + String.format("%010d", ++sequence);
          if (m.threat() != null) {
            truth.threats.row(id, m.from(), m.to(), m.at() + ":00Z", m.threat(), m.body());
          }
          if (m.decoy() != null) {
            truth.decoys.row(id, m.from(), m.to(), m.at() + ":00Z", m.decoy(), m.body());
          }
          if (Arrays.asList(LAWYERS).contains(m.from())
              || Arrays.asList(LAWYERS).contains(m.to())) {
            truth.privileged.row(id, m.from(), m.to(), m.at() + ":00Z", m.body());
          }
          for (Plant p : m.planted()) {
            truth.chatIdentifiers.row(
                id,
                p.kind(),
                p.kind().equals("dateMentioned") ? resolve(p.value(), m.at()) : p.value(),
                m.body());
          }
          out.write(
              "{\"id\":\""
                  + id
                  + "\",\"timestamp\":\""
                  + m.at()
                  + ":00Z\",\"from\":\""
                  + m.from()
                  + "\",\"to\":\""
                  + m.to()
                  + (m.conversation() == null ? "" : "\",\"conversation\":\"" + m.conversation())
                  + "\",\"device\":\""
                  + imei(m.from())
                  + "\",\"body\":\""
                  + json(m.body())
                  + "\"}\n");
        }
      }
    }
    for (Network n : world.networks) {
      for (Actor a : n.actors()) {
        Person p = world.person(a.person());
        boolean nickname =
            PoliceSource.knows(world, a.person()) && PoliceSource.knowsNickname(world, a, p);
        for (String h : a.handles()) {
          List<String> clues = new ArrayList<>();
          if (nickname) {
            clues.add("nickname");
          }
          if (gaveOwnNumber.contains(h) && truth.mobileOnFile.contains(a.person())) {
            clues.add("phone");
          }
          if (talkedOfTravel.contains(h)) {
            clues.add("travel");
          }
          String first = firstHandleOnSameDevice.get(h);
          if (first != null) {
            clues.add("device");
          } else if (firstHandleOnSameDevice.containsValue(h)) {
            clues.add("device");
          }
          String other = first != null ? first : sharedWith(h);
          if (other != null
              && gaveOwnNumber.contains(other)
              && !gaveOwnNumber.contains(h)
              && truth.mobileOnFile.contains(a.person())) {
            clues.add("phone via device");
          }
          if (other != null && talkedOfTravel.contains(other) && !talkedOfTravel.contains(h)) {
            clues.add("travel via device");
          }
          if (talkedOfPayments.contains(h)) {
            clues.add("payment");
          }
          if (other != null && talkedOfPayments.contains(other) && !talkedOfPayments.contains(h)) {
            clues.add("payment via device");
          }
          truth.attribution.row(
              h, Person.truthId(a.person()), a.nickname(), String.join(";", clues));
        }
        for (String h : a.handles()) {
          truth.records.row(
              name(),
              EntityIds.make(name(), "handle", List.of(h)),
              "UserAccount",
              Person.truthId(a.person()),
              h,
              "");
        }
      }
    }
    for (int k = 0; k < backgroundHandles; k++) {
      String h = backgroundHandle(k);
      truth.records.row(
          name(),
          EntityIds.make(name(), "handle", List.of(h)),
          "UserAccount",
          String.format("TX%07d", k),
          h,
          "");
    }
    dataset(YAML);
  }

  /**
   * A network's planted threats to life in a month (one month in twelve on average): a leader or
   * broker tells a member, in Dutch mostly, to deal with another member it names by nickname. Drawn
   * from a stream of their own, so the other messages stay as they were.
   */
  private void threats(Network n, int month, List<Message> messages) {
    Rng r = Rng.of(world.seed, "chat-threat-" + n.id(), month);
    if (!r.chance(1.0 / 12)) {
      return;
    }
    List<Actor> bosses = new ArrayList<>();
    List<Actor> others = new ArrayList<>();
    for (Actor a : n.actors()) {
      if (a.handles().isEmpty()) {
        continue;
      }
      (a.role() == Role.LEADER || a.role() == Role.BROKER ? bosses : others).add(a);
    }
    if (bosses.isEmpty() || others.size() < 2) {
      return;
    }
    Actor from = r.pick(bosses);
    Actor to = others.get(r.below(others.size()));
    Actor target = to;
    while (target == to) {
      target = others.get(r.below(others.size()));
    }
    String[] threat = r.pick(THREATS);
    messages.add(
        new Message(
            time(r, month),
            handle(from, month),
            handle(to, month),
            String.format(threat[1], target.nickname()),
            threat[0],
            null,
            Stream.concat(planted(threat[2]).stream(), Stream.of(called(target.nickname())))
                .toList()));
  }

  /**
   * The month's decoys: about one per thousand persons of the scenario, sent between the service's
   * other users, from a stream of their own so the other messages stay as they were.
   */
  private void decoys(int month, List<Message> messages) {
    Rng r = Rng.of(world.seed, "chat-decoy", month);
    int count = Math.max(1, world.scale / 1000);
    for (int i = 0; i < count; i++) {
      int from = r.below(backgroundHandles);
      int to = (from + 1 + r.below(12)) % backgroundHandles;
      String[] decoy = r.pick(DECOYS);
      String place = r.pick(DECOY_PLACES);
      List<Plant> plants = new ArrayList<>(planted(decoy[2]));
      Plant named = place(place, decoy[1].matches(".*\\b(in|uit) %s.*"));
      if (decoy[1].contains("%s") && named != null) {
        plants.add(named);
      }
      messages.add(
          new Message(
              time(r, month),
              backgroundHandle(from),
              backgroundHandle(to),
              String.format(decoy[1], place),
              null,
              decoy[0],
              plants));
    }
  }

  private static final String[] DECOY_PLACES = {"Rotterdam", "Antwerpen", "Breda", "Lille"};

  /**
   * The day (or time) words name, said at {@code at}: tonight and the like the same day, tomorrow
   * the next, a weekday the next such day after (one to seven days on), "morgen 6 uur" six o'clock
   * the next day. The truth's own reading, independent of ingest's.
   */
  static String resolve(String words, LocalDateTime at) {
    String[] parts = words.split(" ");
    java.time.LocalDate day =
        switch (parts[0]) {
          case "vannacht", "tonight", "ce", "vandaag", "today" -> at.toLocalDate();
          case "morgen", "tomorrow", "demain" -> at.toLocalDate().plusDays(1);
          default -> {
            int want = Arrays.asList(DAYS).indexOf(parts[0]) + 1;
            int ahead = (want - at.getDayOfWeek().getValue() + 7) % 7;
            yield at.toLocalDate().plusDays(ahead == 0 ? 7 : ahead);
          }
        };
    if (parts.length == 3 && parts[2].equals("uur")) {
      return day.atTime(Integer.parseInt(parts[1]), 0) + ":00";
    }
    return day.toString();
  }

  /** The lawyers' handles on the service: their messages with a client are privileged. */
  static final String[] LAWYERS = {"mr.vandijk", "mr.ozturk.adv", "maitre.lambert"};

  private static final String[] TO_LAWYER = {
    "kun je morgen langskomen? ze hebben %s opgepakt",
    "wat zeg ik als ze naar de loods vragen?",
    "ze hebben mijn toestel, wat nu",
    "is de zaak van %s al rond?"
  };

  private static final String[] FROM_LAWYER = {
    "zeg niets tot ik er ben", "ik kom morgen om 10 uur", "verhoor is uitgesteld, ik bel je"
  };

  /**
   * Now and then (one network-month in four) a member writes with his lawyer, who answers: the
   * privileged messages the investigation must never read, listed in {@code truth/privileged.csv}.
   * Drawn from a stream of their own.
   */
  private void lawyers(Network n, int month, List<Message> messages) {
    Rng r = Rng.of(world.seed, "chat-lawyer-" + n.id(), month);
    if (!r.chance(0.25)) {
      return;
    }
    List<Actor> members = new ArrayList<>();
    for (Actor a : n.actors()) {
      if (!a.handles().isEmpty()) {
        members.add(a);
      }
    }
    if (members.isEmpty()) {
      return;
    }
    Actor client = r.pick(members);
    String lawyer = LAWYERS[Math.floorMod(n.id().hashCode(), LAWYERS.length)];
    LocalDateTime at = time(r, month);
    String body = String.format(r.pick(TO_LAWYER), r.pick(members).nickname());
    messages.add(new Message(at, handle(client, month), lawyer, body, null, null, List.of()));
    messages.add(
        new Message(
            at.plusMinutes(1 + r.below(50)),
            lawyer,
            handle(client, month),
            r.pick(FROM_LAWYER),
            null,
            null,
            List.of()));
  }

  /** What a leader says to his whole crew at once, and how they answer. */
  private static final String[] TO_GROUP = {
    "iedereen rustig houden deze week",
    "nieuwe toestellen vrijdag, oude weg",
    "vergadering morgen in de loods",
    "niemand komt meer naar de garage tot ik het laat weten"
  };

  private static final String[] FROM_GROUP = {"ok", "begrepen", "komt goed", "top"};

  /** The group chats written so far (their conversation ids), each listed in the truth once. */
  private final Set<String> groupsWritten = new HashSet<>();

  /**
   * A network's group chat (a month in two): its leader, or first broker, tells those he deals with
   * directly (at most five) something all at once, and one or two answer him. The conversation is
   * named as the export names a group ({@code crew-N002}), the recipients split by {@code ;};
   * listed in {@code truth/groups.csv}. Drawn from a stream of its own.
   */
  private void group(Network n, int month, List<Message> messages) {
    Rng r = Rng.of(world.seed, "chat-group-" + n.id(), month);
    Actor boss = null;
    for (Actor a : n.actors()) {
      if (!a.handles().isEmpty()
          && boss == null
          && (a.role() == Role.LEADER || a.role() == Role.BROKER)) {
        boss = a;
      }
    }
    if (boss == null) {
      return;
    }
    // the boss and those he deals with directly, at most six in all
    List<Actor> crew = new ArrayList<>(List.of(boss));
    for (Tie t : Tie.of(n)) {
      int other = t.a() == boss.person() ? t.b() : t.b() == boss.person() ? t.a() : -1;
      Actor a = other < 0 ? null : world.actor(other);
      if (a != null && !a.handles().isEmpty() && !crew.contains(a) && crew.size() < 6) {
        crew.add(a);
      }
    }
    if (crew.size() < 3 || !r.chance(0.5)) {
      return;
    }
    String conversation = "crew-" + n.id();
    List<String> handles = new ArrayList<>();
    crew.forEach(a -> handles.add(handle(a, month)));
    if (groupsWritten.add(conversation)) {
      truth.groups.row(conversation, n.id(), String.join(";", handles));
    }
    LocalDateTime at = time(r, month);
    String text = r.pick(TO_GROUP);
    List<Plant> planted =
        text.contains("vrijdag")
            ? List.of(day("vrijdag"))
            : text.contains("morgen") ? List.of(day("morgen")) : List.of();
    messages.add(
        new Message(
            at,
            handle(boss, month),
            others(handles, handle(boss, month)),
            text,
            null,
            null,
            planted,
            conversation));
    // answers come to the boss alone: the crew deal with him, not with each other
    int answers = r.between(1, 2);
    for (int i = 0; i < answers; i++) {
      Actor who = r.pick(crew);
      if (who == boss) {
        continue;
      }
      messages.add(
          new Message(
              at.plusMinutes(1 + r.below(30)),
              handle(who, month),
              handle(boss, month),
              new Body(r.pick(FROM_GROUP))));
    }
  }

  /** The handles of a group but one, as the export lists a group message's recipients. */
  private static String others(List<String> handles, String sender) {
    return String.join(";", handles.stream().filter(h -> !h.equals(sender)).toList());
  }

  /** The later handle on the device a handle was the first on, or null. */
  private String sharedWith(String first) {
    for (Map.Entry<String, String> e : firstHandleOnSameDevice.entrySet()) {
      if (e.getValue().equals(first)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Handles that spoke of their owner's trips abroad: an attribution clue. */
  private final Set<String> talkedOfTravel = new HashSet<>();

  /** The destinations' airports as the members name them. */
  private static final Map<String, String> CITIES =
      Map.ofEntries(
          Map.entry("LFW", "Lomé"),
          Map.entry("GYE", "Guayaquil"),
          Map.entry("BOG", "Bogotá"),
          Map.entry("MDE", "Medellín"),
          Map.entry("PTY", "Panama"),
          Map.entry("DXB", "Dubai"),
          Map.entry("IST", "Istanbul"),
          Map.entry("AYT", "Antalya"),
          Map.entry("BCN", "Barcelona"),
          Map.entry("AGP", "Malaga"),
          Map.entry("CUR", "Curaçao"),
          Map.entry("RAK", "Marrakech"),
          Map.entry("FAO", "Faro"),
          Map.entry("HER", "Kreta"),
          Map.entry("PBM", "Paramaribo"));

  /**
   * Travel talk: six members in ten tell one they talk with of their flights abroad (the evening
   * before, or from the airport on the day, and now and then on coming back), on the days the
   * KMar's border checks record them: the clue that lets an analyst match a handle's travel days
   * against the crossings. Drawn from streams of their own, so the other messages stay as they
   * were.
   */
  private void travels(Network n, int month, List<Message> messages) {
    LocalDateTime from = World.START.plusMonths(month).atStartOfDay();
    LocalDateTime until = from.plusMonths(1);
    List<Tie> ties = Tie.of(n);
    for (Actor a : n.actors()) {
      if (a.handles().isEmpty()
          || !Rng.of(world.seed, "chat-travel-talk", a.person()).chance(0.6)) {
        continue;
      }
      List<Actor> partners = partners(ties, a);
      if (partners.isEmpty()) {
        continue;
      }
      Rng r = Rng.of(world.seed, "chat-travel-" + a.person(), month);
      for (BorderSource.Trip t : border.tripsOf(a.person())) {
        Actor to = r.pick(partners);
        String city = CITIES.getOrDefault(t.airport(), t.airport());
        if (!t.out().isBefore(from) && t.out().isBefore(until) && r.chance(0.8)) {
          LocalDateTime eve = t.out().toLocalDate().minusDays(1).atTime(r.between(18, 22), 5);
          Body body;
          LocalDateTime at;
          if (!eve.isBefore(from) && r.chance(0.5)) {
            at = eve.plusMinutes(r.below(50));
            body =
                r.pick(
                    new Body[] {
                      new Body(
                          "vlieg morgen naar " + city + ", ben even weg",
                          day("morgen"),
                          port(city)),
                      new Body(
                          "morgen het vliegtuig naar " + city + ", bel als het moet",
                          day("morgen"),
                          port(city)),
                      new Body(
                          "flying to " + city + " tomorrow, back next week",
                          day("tomorrow"),
                          port(city))
                    });
          } else {
            at = t.out().toLocalDate().atStartOfDay().plusMinutes(r.below(t.out().getHour() * 60));
            body =
                r.pick(
                    new Body[] {
                      new Body(
                          "zit op " + t.post() + ", vlucht naar " + city + " gaat zo", port(city)),
                      new Body("ben op het vliegveld, straks in " + city, port(city)),
                      new Body("at the airport, off to " + city, port(city))
                    });
          }
          messages.add(new Message(at, handle(a, month), handle(to, month), body));
          talkedOfTravel.add(handle(a, month));
        }
        if (t.back() != null
            && !t.back().isBefore(from)
            && t.back().isBefore(until)
            && r.chance(0.5)) {
          LocalDateTime at = t.back().plusMinutes(r.between(20, 90));
          if (!at.toLocalDate().equals(t.back().toLocalDate())) {
            at = t.back().toLocalDate().atTime(23, 55);
          }
          Body body =
              r.pick(
                  new Body[] {
                    new Body("ben terug uit " + city, port(city)),
                    new Body("net geland, alles goed hier?"),
                    new Body("back from " + city + ", call me", port(city))
                  });
          messages.add(new Message(at, handle(a, month), handle(to, month), body));
          talkedOfTravel.add(handle(a, month));
        }
      }
    }
  }

  /** Those of a network's members a member talks with anyway (its ties) that have a handle. */
  private List<Actor> partners(List<Tie> ties, Actor a) {
    List<Actor> partners = new ArrayList<>();
    for (Tie t : ties) {
      int other = t.a() == a.person() ? t.b() : t.b() == a.person() ? t.a() : -1;
      if (other >= 0 && !world.actor(other).handles().isEmpty()) {
        partners.add(world.actor(other));
      }
    }
    return partners;
  }

  /** Handles that spoke of money their owner paid or received: an attribution clue. */
  private final Set<String> talkedOfPayments = new HashSet<>();

  /**
   * Payment talk: half of the members tell one they talk with of the money they moved, on the day
   * the bank books it ("heb net 9.437 euro overgemaakt", "9.500 euro gestort vandaag"), the amount
   * in whole euros: the clue that lets an analyst match a handle's words against the payments of
   * the FIOD's statements. Drawn from streams of their own, so the other messages stay as they
   * were.
   */
  private void pays(Network n, int month, List<Message> messages) {
    LocalDate from = World.START.plusMonths(month);
    LocalDate until = from.plusMonths(1);
    List<Tie> ties = Tie.of(n);
    for (Actor a : n.actors()) {
      if (a.handles().isEmpty() || !Rng.of(world.seed, "chat-pay-talk", a.person()).chance(0.5)) {
        continue;
      }
      List<Actor> partners = partners(ties, a);
      if (partners.isEmpty()) {
        continue;
      }
      Rng r = Rng.of(world.seed, "chat-pay-" + a.person(), month);
      for (BankSource.Moved p : bank.paymentsOf(a.person())) {
        if (p.day().isBefore(from) || !p.day().isBefore(until) || !r.chance(0.6)) {
          continue;
        }
        long euros = (p.cents() + 50) / 100;
        String said = String.format(Locale.GERMANY, "%,d", euros);
        Plant amount = new Plant("amountMentioned", euros + " EUR");
        Body body =
            p.out()
                ? r.pick(
                    new Body[] {
                      new Body("heb net " + said + " euro overgemaakt, kijk even", amount),
                      new Body(said + " euro betaald vandaag, is geregeld", amount, day("vandaag")),
                      new Body("paid " + said + " EUR today, check it", amount, day("today"))
                    })
                : r.pick(
                    new Body[] {
                      new Body(said + " euro gestort vandaag", amount, day("vandaag")),
                      new Body("net " + said + " euro ontvangen op de rekening", amount),
                      new Body("received " + said + " EUR today", amount, day("today"))
                    });
        LocalDateTime at = p.day().atTime(r.between(9, 21), r.below(60));
        messages.add(new Message(at, handle(a, month), handle(r.pick(partners), month), body));
        talkedOfPayments.add(handle(a, month));
      }
    }
  }

  /** Handles that gave their owner's own phone number in a chat: an attribution clue. */
  private final Set<String> gaveOwnNumber = new HashSet<>();

  /**
   * A member now and then gives a peer his own phone number instead of a burner's (one
   * network-month in six): the slip that lets an analyst attribute the handle. Drawn from a stream
   * of its own.
   */
  private void ownNumbers(Network n, int month, List<Message> messages) {
    Rng r = Rng.of(world.seed, "chat-own-number-" + n.id(), month);
    if (!r.chance(1.0 / 6)) {
      return;
    }
    List<Actor> members = new ArrayList<>();
    for (Actor a : n.actors()) {
      if (!a.handles().isEmpty()) {
        members.add(a);
      }
    }
    if (members.size() < 2) {
      return;
    }
    Actor from = r.pick(members);
    Actor to = from;
    while (to == from) {
      to = r.pick(members);
    }
    String mobile = world.person(from.person()).mobile();
    String spoken = World.dutchPhone(r, mobile);
    String[] ways = {
      "mijn eigen nummer is " + spoken + ", niet doorgeven",
      "toestel leeg, bel me op mijn gewone nummer " + spoken,
      "my own number " + spoken + ", only if it is urgent"
    };
    String handle = handle(from, month);
    gaveOwnNumber.add(handle);
    messages.add(
        new Message(
            time(r, month),
            handle,
            handle(to, month),
            r.pick(ways),
            null,
            null,
            List.of(new Plant("phone", mobile))));
  }

  private static LocalDateTime time(Rng r, int month) {
    return World.START
        .plusMonths(month)
        .plusDays(r.below(28))
        .atTime(r.chance(0.7) ? r.between(18, 23) : r.between(0, 17), r.below(60));
  }

  private String imei(String handle) {
    String owner = firstHandleOnSameDevice.get(handle);
    Rng r = Rng.of(world.seed, "imei-" + (owner == null ? handle : owner), 0);
    return "35" + r.digits(13);
  }

  /**
   * A member's later handle that runs on the device of his first (half of them): the device an
   * analyst sees shared by two handles. Later handle to first.
   */
  private final Map<String, String> firstHandleOnSameDevice = new HashMap<>();

  private Body body(Rng r, Network n, String kind, Actor to, int month, List<Shipment> containers) {
    int thousands = r.between(10, 250);
    int euroThousands = r.between(5, 95);
    int euros = r.between(20, 400) * 500;
    String[] amounts = {thousands + "k", "€ " + euroThousands + ".000", euros + " euro"};
    String amount = r.pick(amounts);
    Plant money =
        new Plant(
            "amountMentioned",
            amount == amounts[0]
                ? thousands * 1000 + ""
                : amount == amounts[1] ? euroThousands * 1000 + " EUR" : euros + " EUR");
    String place = r.pick(PLACES);
    Plant port = port(place);
    String phone = world.burner(n, r.below(2));
    Plant call = new Plant("phone", phone);
    String nick = to.nickname();
    if (containers != null && r.chance(0.5)) {
      Shipment shipment = r.pick(containers);
      String c = shipment.container();
      String vessel = trade.vessel(shipment.vessel()).name();
      Plant container = new Plant("containerNumber", c);
      String day = r.pick(DAYS);
      String spoken = World.dutchPhone(r, phone);
      return r.pick(
          new Body[] {
            new Body(
                "container "
                    + c
                    + " komt "
                    + day
                    + " binnen op "
                    + place
                    + " met de "
                    + vessel
                    + ", "
                    + nick
                    + " regelt de uithaal",
                called(nick),
                container,
                day(day),
                port,
                new Plant("vesselMentioned", vessel)),
            new Body("check " + c + ", staat er nog? bel me op " + spoken, container, call),
            new Body(c + " is binnen, " + amount + " voor de jongens", container, money)
          });
    }
    if (month >= World.ROUTE_MONTH && n.kind().cocaine() && r.chance(0.15)) {
      return r.pick(
          new Body[] {
            new Body("vanaf nu alles via Lomé, daar kijken ze niet", port("Lomé")),
            new Body("boot gaat eerst naar Togo, overslag daar"),
            new Body("Lomé werkt goed, volgende ook zo", port("Lomé"))
          });
    }
    return switch (kind) {
      case "money" ->
          r.pick(
              new Body[] {
                new Body(amount + " ligt klaar bij " + nick, money, called(nick)),
                new Body("stuur " + amount + " via de belwinkel naar dubai", money),
                new Body(amount + " cash opgehaald in " + place, money, place(place, true)),
                new Body(
                    "zet " + amount + " om in crypto, " + nick + " weet hoe", money, called(nick))
              });
      case "orders" -> {
        String spoken = World.dutchPhone(r, phone);
        String day = r.pick(DAYS);
        yield r.pick(
            new Body[] {
              new Body(nick + " moet morgen naar " + place, day("morgen"), port, called(nick)),
              new Body("bel me op " + spoken, call),
              new Body("boot uit Guayaquil is vertrokken", port("Guayaquil")),
              new Body("jongens klaar houden voor " + day, day(day)),
              new Body(r.between(2, 40) + " blokken staan klaar")
            });
      }
      default -> {
        String spoken = World.dutchPhone(r, phone);
        yield r.pick(
            new Body[] {
              new Body("alles goed " + nick + "?", called(nick)),
              new Body("morgen " + place + " 10u", day("morgen"), port),
              new Body("bel me op " + spoken, call),
              new Body("ok")
            });
      }
    };
  }

  private static Body chatter(Rng r) {
    int pieces = r.between(5, 100);
    int thousands = r.between(1, 20);
    return r.pick(
        new Body[] {
          new Body("heb je nog wit?"),
          new Body(pieces + " stuks voor morgen", day("morgen")),
          new Body("bel me"),
          new Body("ok"),
          new Body("waar ben je"),
          new Body(
              thousands + "k morgen",
              new Plant("amountMentioned", thousands * 1000 + ""),
              day("morgen")),
          new Body("kom naar de garage"),
          new Body("niet via dit toestel"),
          new Body("top"),
          new Body("hoeveel?")
        });
  }

  /** Dutch towns and cities the service's other users name, as GeoNames names them. */
  private static final String[] HOME_TOWNS = {
    "Utrecht", "Tilburg", "Eindhoven", "Zwolle", "Amersfoort", "Heerlen", "Venlo"
  };

  /**
   * Talk of the service's other users that names towns, and words that are names of towns but do
   * not name one here ("Best wel druk", "Goes well", "Victoria komt ook"): what extraction of
   * places must tell apart.
   */
  private static Body townTalk(Rng r) {
    String town = r.pick(HOME_TOWNS);
    Plant named = new Plant("placeMentioned", town);
    return r.pick(
        new Body[] {
          new Body("ben in " + town + ", kom je?", named),
          new Body("morgen naar " + town, day("morgen"), named),
          new Body("Best wel druk vandaag", day("vandaag")),
          new Body("Goes well, see you"),
          new Body(
              "feestje in Goes zaterdag", new Plant("placeMentioned", "Goes"), day("zaterdag")),
          new Body("Parijs was mooi", new Plant("placeMentioned", "Paris")),
          new Body("Victoria komt ook", called("Victoria")),
          new Body("Reading it now, wait"),
          new Body("Born in " + town + ", raised here", named)
        });
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static final String YAML =
      """
      # Intercepted messages of an encrypted phone service (EncroChat/Sky ECC style export):
      # JSON lines with handles, UTC timestamps, device IMEI and message text, kept in the
      # message store (a row per message) with the handles as UserAccount entities. A group
      # message names its group chat and lists its recipients split by ';'.
      name: encrochat
      title: Onderschepte berichten versleutelde telefoondienst (export JIT)
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H3
      handling_note: Bulkdata versleutelde communicatie; gebruik als bewijs alleen na toestemming OM (art. 126uba Sv)
      source_grade: B
      info_grade: 3
      retention: P10Y
      share_with: [om, douane-nl, fiod]
      case_id: 26Kruiskade
      lang: nld
      messages:
        - csv_url: messages.jsonl
          service: EncroChat
          columns:
            id: id
            time: timestamp
            from: from
            to: to
            conversation: conversation
            device: device
            body: body
          split: ";"
      """;
}
