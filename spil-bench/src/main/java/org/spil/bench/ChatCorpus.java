package org.spil.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic chat messages for the message benchmarks: short texts in Dutch, English or French over
 * a vocabulary whose words are drawn by Zipf's law (a few hundred common chat words, then a long
 * tail of rarer ones: place names, nicknames, amounts, made-up words), sent between handles of a
 * population one hundredth the size of the corpus, over two years. Written as a dataset directory
 * ({@code dataset.yml} with a messages layout and {@code messages.jsonl}) that {@code spil ingest}
 * reads, and as a tab-separated file of id and text for the peers.
 */
final class ChatCorpus {
  private ChatCorpus() {}

  private static final String[][] COMMON = {
    {
      "de",
      "het",
      "een",
      "ik",
      "je",
      "niet",
      "wat",
      "waar",
      "is",
      "ben",
      "morgen",
      "vandaag",
      "bel",
      "me",
      "kom",
      "nu",
      "ok",
      "geld",
      "klaar",
      "laat",
      "weet",
      "uur",
      "boot",
      "haven",
      "container",
      "binnen",
      "cash",
      "euro",
      "loods",
      "sleutel",
      "auto",
      "bericht",
      "toestel",
      "ophalen",
      "betalen",
      "betaling",
      "spullen",
      "pakket",
      "wachten",
      "onderweg",
      "politie",
      "douane",
      "niemand",
      "zeggen",
      "snel",
      "goed",
      "vanavond",
      "maandag",
      "vrijdag",
      "adres"
    },
    {
      "the",
      "a",
      "i",
      "you",
      "not",
      "what",
      "where",
      "is",
      "am",
      "tomorrow",
      "today",
      "call",
      "me",
      "come",
      "now",
      "ok",
      "money",
      "ready",
      "late",
      "know",
      "hour",
      "boat",
      "port",
      "container",
      "inside",
      "cash",
      "euro",
      "warehouse",
      "key",
      "car",
      "message",
      "phone",
      "pick",
      "pay",
      "paying",
      "stuff",
      "package",
      "wait",
      "coming",
      "police",
      "customs",
      "nobody",
      "say",
      "fast",
      "good",
      "tonight",
      "monday",
      "friday",
      "address",
      "driver"
    },
    {
      "le",
      "la",
      "un",
      "je",
      "tu",
      "pas",
      "quoi",
      "où",
      "est",
      "suis",
      "demain",
      "aujourd'hui",
      "appelle",
      "moi",
      "viens",
      "maintenant",
      "ok",
      "argent",
      "prêt",
      "tard",
      "sais",
      "heure",
      "bateau",
      "port",
      "conteneur",
      "dedans",
      "cash",
      "euro",
      "entrepôt",
      "clé",
      "voiture",
      "message",
      "téléphone",
      "chercher",
      "payer",
      "paiement",
      "marchandise",
      "colis",
      "attendre",
      "route",
      "flics",
      "douane",
      "personne",
      "dire",
      "vite",
      "bien",
      "ce soir",
      "lundi",
      "vendredi",
      "adresse"
    }
  };

  private static final String[] SYLLABLES = {
    "ka", "ro", "mi", "tan", "vel", "do", "sha", "rek", "li", "mo", "ber", "gan", "tu", "zi",
    "pol", "der", "an", "vo", "ste", "lo", "ra", "nik", "os", "ha", "wen", "ju", "tor", "el"
  };

  /** The vocabulary: the languages' common words first, then {@code rare} made-up words. */
  static List<String> vocabulary(int language, int rare, long seed) {
    List<String> words = new ArrayList<>(List.of(COMMON[language]));
    Random r = new Random(seed);
    for (int i = 0; i < rare; i++) {
      StringBuilder w = new StringBuilder();
      int n = 2 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      words.add(w.toString());
    }
    return words;
  }

  /** Draws ranks 0..n-1 by Zipf's law with exponent 1, by inverting the cumulative weights. */
  static final class Zipf {
    private final double[] cumulative;

    Zipf(int n) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1.0 / (i + 1);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
    }

    int next(Random r) {
      int i = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
      return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
    }
  }

  /** The languages' vocabularies, each of the common words and 20,000 rare ones. */
  static List<List<String>> vocabularies(long seed) {
    List<List<String>> v = new ArrayList<>();
    for (int l = 0; l < 3; l++) {
      v.add(vocabulary(l, 20_000, seed + l));
    }
    return v;
  }

  static final String[] LANGUAGES = {"nld", "eng", "fra"};

  /** Writes {@code n} messages as a dataset directory and a TSV of id and text; returns the dir. */
  static Path write(Path dir, long n, long seed) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("dataset.yml"),
        """
        name: bench-chats
        title: Synthetic intercepted chats (benchmark)
        agency: politie-nl
        legal_basis: wpg-art-9
        handling_code: H2
        source_grade: B
        info_grade: 2
        retention: P5Y
        share_with: []
        lang: nld
        messages:
          - csv_url: messages.jsonl
            service: EncroChat
            columns: {id: id, time: time, from: from, to: to, body: body, language: language}
        """);
    List<List<String>> vocabularies = vocabularies(seed);
    Zipf zipf = new Zipf(vocabularies.get(0).size() - 1);
    Random r = new Random(seed);
    long handles = Math.max(10, n / 100);
    long start = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    long span = 2L * 365 * 24 * 3600;
    try (BufferedWriter json =
            Files.newBufferedWriter(dir.resolve("messages.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter tsv =
            Files.newBufferedWriter(dir.resolve("messages.tsv"), StandardCharsets.UTF_8)) {
      StringBuilder body = new StringBuilder();
      for (long i = 0; i < n; i++) {
        int language = r.nextInt(10) < 6 ? 0 : r.nextInt(2) + 1;
        List<String> words = vocabularies.get(language);
        body.setLength(0);
        int length = 2 + r.nextInt(12);
        for (int k = 0; k < length; k++) {
          if (k > 0) {
            body.append(' ');
          }
          body.append(words.get(zipf.next(r)));
        }
        String id = String.format("BM%011d", i);
        long from = r.nextLong(handles);
        long to = r.nextLong(handles);
        json.write("{\"id\":\"");
        json.write(id);
        json.write("\",\"time\":\"");
        json.write(Instant.ofEpochSecond(start + r.nextLong(span)).toString());
        json.write("\",\"from\":\"u");
        json.write(Long.toString(from));
        json.write("\",\"to\":\"u");
        json.write(Long.toString(to));
        json.write("\",\"language\":\"");
        json.write(LANGUAGES[language]);
        json.write("\",\"body\":\"");
        json.write(body.toString().replace("\"", "\\\""));
        json.write("\"}\n");
        tsv.write(id);
        tsv.write('\t');
        tsv.write(body.toString());
        tsv.write('\n');
      }
    }
    return dir;
  }
}
