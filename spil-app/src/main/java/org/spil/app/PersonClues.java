package org.spil.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * What the viewer's data records of persons that a chat handle's messages can be matched against:
 * the nicknames (alias, weak alias) and phone numbers persons are recorded with, who is known to be
 * whose associate (and so which numbers a person's associates are recorded with), who crossed a
 * border on which day, and (read when first asked, {@link PersonPayments}) who paid or received
 * which sums on which day. Read in one pass over the visible persons, associations and border
 * crossings, persons the team's resolution merged taken as one (their canonical id); an attribution
 * then asks it instead of searching the index once per word.
 */
final class PersonClues {
  /** A person as the clues name it: the canonical id and a caption. */
  record Person(String id, String caption) {}

  /** A crossing of a person on a day: where, in which direction, to or from where. */
  record Crossing(String person, String point, String direction, String country) {}

  private final Map<String, List<Person>> byAlias = new HashMap<>();
  private final Map<String, List<Person>> byPhone = new HashMap<>();
  private final Map<String, Set<String>> phonesOf = new HashMap<>();
  private final Map<String, Set<String>> aliasesOf = new HashMap<>();
  private final Map<String, Set<String>> associatesOf = new HashMap<>();
  private final Map<LocalDate, List<Crossing>> crossingsOn = new HashMap<>();
  private final Set<String> travellers = new HashSet<>();
  private final Map<String, String> captions = new HashMap<>();
  private final Set<String> persons = new HashSet<>();
  private final Map<String, List<String>> holders = new HashMap<>();
  private PersonPayments payments;

  private PersonClues() {}

  /** The viewer's clues, read now. */
  static PersonClues read(Store store, Viewer viewer) {
    PersonClues clues = new PersonClues();
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    List<String[]> links = new ArrayList<>();
    List<String[]> crossings = new ArrayList<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Person", "Associate", "Family", "UnknownLink", "BorderCrossing", "BankAccount"),
            Set.of(
                "name",
                "alias",
                "weakAlias",
                "phone",
                "person",
                "associate",
                "relative",
                "subject",
                "object",
                "date",
                "startDate",
                "crossingPoint",
                "direction",
                "country",
                "holder"),
            (id, schema, source, props) -> {
              switch (schema) {
                case "Person" -> clues.person(canonical.getOrDefault(id, id), props);
                case "BankAccount" -> {
                  List<String> holders = props.getOrDefault("holder", List.of());
                  if (!holders.isEmpty()) {
                    clues.holders.computeIfAbsent(id, k -> new ArrayList<>()).addAll(holders);
                  }
                }
                case "BorderCrossing" -> {
                  String person = first(props, "person");
                  String date = first(props, "date");
                  if (date == null) {
                    date = first(props, "startDate");
                  }
                  if (person != null && date != null) {
                    crossings.add(
                        new String[] {
                          person,
                          date,
                          first(props, "crossingPoint"),
                          first(props, "direction"),
                          first(props, "country")
                        });
                  }
                }
                default -> {
                  for (String a : props.getOrDefault("person", List.of())) {
                    for (String b : props.getOrDefault("associate", List.of())) {
                      links.add(new String[] {a, b});
                    }
                    for (String b : props.getOrDefault("relative", List.of())) {
                      links.add(new String[] {a, b});
                    }
                  }
                  for (String a : props.getOrDefault("subject", List.of())) {
                    for (String b : props.getOrDefault("object", List.of())) {
                      links.add(new String[] {a, b});
                    }
                  }
                }
              }
            });
    for (String[] l : links) {
      String a = canonical.getOrDefault(l[0], l[0]);
      String b = canonical.getOrDefault(l[1], l[1]);
      if (!a.equals(b)) {
        clues.associatesOf.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
        clues.associatesOf.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
      }
    }
    for (String[] c : crossings) {
      LocalDate day;
      try {
        day = LocalDate.parse(c[1].substring(0, Math.min(10, c[1].length())));
      } catch (DateTimeParseException e) {
        continue;
      }
      String person = canonical.getOrDefault(c[0], c[0]);
      clues
          .crossingsOn
          .computeIfAbsent(day, k -> new ArrayList<>())
          .add(new Crossing(person, c[2], c[3], c[4]));
      clues.travellers.add(person);
    }
    return clues;
  }

  private void person(String id, Map<String, List<String>> props) {
    persons.add(id);
    String name = first(props, "name");
    if (name != null) {
      captions.putIfAbsent(id, name);
    }
    Person p = new Person(id, captions.getOrDefault(id, id));
    for (String prop : List.of("alias", "weakAlias")) {
      for (String v : props.getOrDefault(prop, List.of())) {
        String key = key(v);
        aliasesOf.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(v);
        List<Person> holders = byAlias.computeIfAbsent(key, k -> new ArrayList<>());
        if (holders.stream().noneMatch(h -> h.id().equals(id))) {
          holders.add(p);
        }
      }
    }
    for (String v : props.getOrDefault("phone", List.of())) {
      phonesOf.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(v);
      List<Person> holders = byPhone.computeIfAbsent(v, k -> new ArrayList<>());
      if (holders.stream().noneMatch(h -> h.id().equals(id))) {
        holders.add(p);
      }
    }
  }

  private static String first(Map<String, List<String>> props, String prop) {
    List<String> values = props.get(prop);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A nickname as compared: case and accents folded ({@link Text#fold}). */
  static String key(String nickname) {
    return Text.fold(nickname);
  }

  /** The persons recorded with the nickname, case ignored. */
  List<Person> withAlias(String nickname) {
    return byAlias.getOrDefault(key(nickname), List.of());
  }

  /** Whether any person is recorded with the nickname. */
  boolean isAlias(String word) {
    return byAlias.containsKey(key(word));
  }

  /** How many distinct nicknames persons are recorded with. */
  int aliasCount() {
    return byAlias.size();
  }

  /** The persons recorded with the phone number (E.164). */
  List<Person> withPhone(String phone) {
    return byPhone.getOrDefault(phone, List.of());
  }

  /** A person's known associates. */
  Set<String> associates(String person) {
    return associatesOf.getOrDefault(person, Set.of());
  }

  /**
   * The share of the persons with known associates that have an associate recorded with one of the
   * numbers: how often that happens by chance.
   */
  double associatedWithNumbers(Set<String> numbers) {
    Set<String> near = new HashSet<>();
    for (String n : numbers) {
      for (Person holder : withPhone(n)) {
        near.addAll(associates(holder.id()));
      }
    }
    return associatesOf.isEmpty() ? 1 : near.size() / (double) associatesOf.size();
  }

  /** How many persons have known associates. */
  int withAssociates() {
    return associatesOf.size();
  }

  /** The phone numbers a person is recorded with. */
  Set<String> phones(String person) {
    return phonesOf.getOrDefault(person, Set.of());
  }

  /** The nicknames of a person's known associates, per associate. */
  Map<String, Set<String>> associatesNicknames(String person) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String a : associatesOf.getOrDefault(person, Set.of())) {
      Set<String> names = aliasesOf.get(a);
      if (names != null) {
        out.put(a, names);
      }
    }
    return out;
  }

  /** The crossings of a day. */
  List<Crossing> crossingsOn(LocalDate day) {
    return crossingsOn.getOrDefault(day, List.of());
  }

  /** How many persons crossed a border at all. */
  int travellers() {
    return travellers.size();
  }

  /**
   * The payments of persons the viewer may see, made with the first question that needs them (most
   * handles never speak of money) and kept with the clues; each question reads the days it asks
   * ({@link PersonPayments#read}).
   */
  synchronized PersonPayments payments(Store store, Viewer viewer) {
    if (payments == null) {
      payments = new PersonPayments(persons, holders, store.resolutions().canonicalIds(viewer));
    }
    return payments;
  }

  /** A person's caption (its name as first read), or its id. */
  String caption(String person) {
    return captions.getOrDefault(person, person);
  }
}
