package org.spil.synth;

import java.util.EnumMap;
import java.util.Map;

/**
 * The surnames of an {@link Origin}: the hand-written head (common names with the spellings clerks,
 * banks and foreign partners use) and a long tail composed from that origin's name parts (prefix,
 * stem, ending: "van der" + "Beek" + "man", "Kara" + "oğlu", "Морозов"). One person in ten bears a
 * head name, the others a tail name, so that a full name has a plausible number of bearers at every
 * scale: at a million persons the commonest Dutch full names have about sixty bearers, most names a
 * handful, as in a real population, instead of the hundreds that a short list gives every name.
 * Tail names are spelled with and without diacritics; East Slavic ones have a Cyrillic original
 * composed from parallel parts.
 */
final class Surnames {
  /** The share of persons who bear a name of the head. */
  static final double HEAD_SHARE = 0.10;

  private static final Map<Origin, Surnames> BY_ORIGIN = new EnumMap<>(Origin.class);

  private final Origin origin;
  private final String[] prefixes;
  private final String[] stems;
  private final String[] endings;
  private final String[][] cyrillic;

  private Surnames(
      Origin origin, String[] prefixes, String[] stems, String[] endings, String[][] cyrillic) {
    this.origin = origin;
    this.prefixes = prefixes;
    this.stems = stems;
    this.endings = endings;
    this.cyrillic = cyrillic;
  }

  static synchronized Surnames of(Origin origin) {
    return BY_ORIGIN.computeIfAbsent(origin, Surnames::compose);
  }

  /** How many distinct surnames there are: the head first, then the tail. */
  int size() {
    return head() + prefixes.length * stems.length * endings.length;
  }

  /** A surname index: one in ten of the head (uniformly), the others of the tail (uniformly). */
  int draw(Rng r) {
    if (r.chance(HEAD_SHARE)) {
      return r.below(head());
    }
    return head() + r.below(size() - head());
  }

  /** The spellings of surname {@code i}, the canonical one first. */
  String[] variants(int i) {
    if (i < head()) {
      return origin.surnames[i];
    }
    String name = tail(i - head(), prefixes, stems, endings);
    String plain = World.ascii(name);
    return plain.equals(name) ? new String[] {name} : new String[] {name, plain};
  }

  /** The Cyrillic original of surname {@code i}, for origins that write in Cyrillic. */
  String cyrillic(int i) {
    if (i < head()) {
      return origin.cyrillicSurnames[i];
    }
    return tail(i - head(), cyrillic[0], cyrillic[1], cyrillic[2]);
  }

  private int head() {
    return origin.surnames.length;
  }

  private static String tail(int t, String[] prefixes, String[] stems, String[] endings) {
    String stem = stems[t % stems.length];
    int rest = t / stems.length;
    String ending = endings[rest % endings.length];
    String prefix = prefixes[rest / endings.length];
    return prefix + stem + ending;
  }

  private static Surnames compose(Origin o) {
    return switch (o) {
      case DUTCH ->
          new Surnames(
              o,
              new String[] {
                "", "", "", "", "van ", "van de ", "van der ", "van den ", "de ", "ter ", "ten "
              },
              DUTCH_STEMS,
              new String[] {
                "", "", "", "man", "mans", "ink", "stra", "ma", "s", "huis", "kamp", "veld", "hof",
                "er", "ing"
              },
              null);
      case FLEMISH ->
          new Surnames(
              o,
              new String[] {"", "", "", "Van ", "De ", "Van de ", "Van den ", "Vande", "Ver"},
              DUTCH_STEMS,
              new String[] {"", "", "s", "ens", "aert", "eels", "mans", "ghem", "ke", "man"},
              null);
      case MOROCCAN ->
          new Surnames(
              o,
              new String[] {"", "El ", "El ", "Ben ", "Abou ", "Ait ", "Al ", "Ould "},
              new String[] {
                "Amrani",
                "Idrissi",
                "Alaoui",
                "Fassi",
                "Hamdaoui",
                "Mansouri",
                "Tazi",
                "Berrada",
                "Chraibi",
                "Bennani",
                "Saidi",
                "Haddad",
                "Kadiri",
                "Ouazzani",
                "Sabri",
                "Bakkali",
                "Rifi",
                "Harrak",
                "Majdoubi",
                "Yahyaoui",
                "Zerouali",
                "Touil",
                "Moussaoui",
                "Ghazi",
                "Hajji",
                "Jabri",
                "Lahlou",
                "Naciri",
                "Qasmi",
                "Raji",
                "Hachimi",
                "Kasmi",
                "Messaoudi",
                "Ouahabi",
                "Filali",
                "Slimani",
                "Tounsi",
                "Zaari",
                "Boutaleb",
                "Chakir",
                "Dahmani",
                "Ennaji",
                "Guerrouj",
                "Hilali",
                "Jamai",
                "Laaroussi"
              },
              new String[] {""},
              null);
      case TURKISH ->
          new Surnames(
              o,
              new String[] {""},
              new String[] {
                "Kara", "Ak", "Öz", "Demir", "Yıldız", "Çelik", "Kaya", "Er", "Tan", "Gül", "Şen",
                "Bay", "Kurt", "Aslan", "Tok", "Yücel", "Acar", "Güneş", "Ay", "Bulut", "Coşkun",
                "Erdem", "Kılıç", "Polat", "Sarı", "Taş", "Uysal", "Yavuz", "Zengin", "Bozkurt",
                "Ateş", "Çakır", "Duman", "Eren", "Keskin"
              },
              new String[] {
                "", "oğlu", "er", "türk", "kan", "han", "can", "soy", "taş", "baş", "gül", "kaya",
                "demir", "ay", "yol", "dağ", "su", "ok"
              },
              null);
      case SURINAMESE ->
          new Surnames(
              o,
              new String[] {""},
              new String[] {
                "Ram", "Kromo", "Sew", "Jhagroe", "Baldew", "Mohan", "Soe", "Ama", "Mans", "Pina",
                "Lie", "Fung", "Tjon", "Kanhai", "Doe", "Wong", "Nanhoe", "Bhola", "Karto", "Sital"
              },
              new String[] {
                "", "din", "dien", "sing", "lal", "nath", "ma", "diredjo", "kan", "djo", "wijk",
                "ngi", "sen", "a", "persad", "redjo"
              },
              null);
      case EAST_SLAVIC ->
          new Surnames(
              o,
              new String[] {""},
              new String[] {
                "Koval",
                "Tkach",
                "Moroz",
                "Sokol",
                "Pavl",
                "Marchen",
                "Kharchen",
                "Lysen",
                "Savch",
                "Rudn",
                "Boyk",
                "Hrytsen",
                "Levch",
                "Mazur",
                "Orl",
                "Zaits",
                "Lebed",
                "Golub",
                "Karp",
                "Kozl",
                "Novik",
                "Shevel",
                "Yakov",
                "Zhuk"
              },
              new String[] {"ov", "enko", "uk", "chuk", "in", "ets", "sky"},
              new String[][] {
                {""},
                {
                  "Коваль", "Ткач", "Мороз", "Сокол", "Павл", "Марчен", "Харчен", "Лисен", "Савч",
                  "Рудн", "Бойк", "Гриц", "Левч", "Мазур", "Орл", "Зайц", "Лебед", "Голуб", "Карп",
                  "Козл", "Новик", "Шевел", "Яков", "Жук"
                },
                {"ов", "енко", "ук", "чук", "ин", "ец", "ский"}
              });
      case COLOMBIAN -> new Surnames(o, SPANISH_PAIRED, SPANISH, new String[] {""}, null);
      case ALBANIAN ->
          new Surnames(
              o,
              new String[] {""},
              new String[] {
                "Krasniq", "Hoxh", "Gash", "Berish", "Shal", "Kelmend", "Rexh", "Morin", "Bajram",
                "Hasan", "Dervish", "Leka", "Muç", "Thaç", "Kastrat", "Zen", "Brah", "Ndrec",
                "Gjok", "Prel"
              },
              new String[] {"i", "aj", "a", "ku", "llari", "ja"},
              null);
    };
  }

  private static final String[] DUTCH_STEMS = {
    "Berg", "Beek", "Bosch", "Broek", "Brink", "Dijk", "Veen", "Meer", "Hoek", "Kamp", "Velde",
    "Wal", "Heuvel", "Akker", "Laan", "Horst", "Molen", "Linde", "Hout", "Water", "Sloot", "Weide",
    "Bree", "Hage", "Hove", "Poel", "Voorde", "Zand", "Steen", "Wiel", "Stege", "Haar", "Ham",
    "Geest", "Venne", "Kolk", "Vliet", "Kerk", "Burg", "Dorp", "Holt", "Esch", "Hulst", "Rade",
    "Eik", "Wouw", "Kempen", "Gaard", "Meulen", "Schoot", "Pol", "Kuil", "Lee", "Vaart", "Dam",
    "Wijk", "Leeuw", "Haan", "Roos", "Stroom"
  };

  private static final String[] SPANISH = {
    "García", "López", "Hernández", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
    "Rivera", "Gutiérrez", "Morales", "Ortiz", "Castro", "Vargas", "Rojas", "Jiménez", "Moreno",
    "Muñoz", "Álvarez", "Romero", "Herrera", "Medina", "Aguilar", "Vásquez", "Castillo", "Suárez",
    "Mejía", "Salazar", "Quintero", "Londoño", "Arango", "Osorio", "Giraldo", "Valencia", "Henao",
    "Velásquez", "Duque", "Montoya", "Betancur"
  };

  /** Colombians bear their father's and their mother's surname: "Restrepo Giraldo". */
  private static final String[] SPANISH_PAIRED = paired();

  private static String[] paired() {
    String[] out = new String[SPANISH.length];
    for (int i = 0; i < SPANISH.length; i++) {
      out[i] = SPANISH[i] + " ";
    }
    return out;
  }
}
