package org.spil.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One simulated source system: it writes its dataset directory (a {@code dataset.yml} with the
 * provenance and mapping, and the files in the system's own format) and reports to the ground truth
 * what its records really are.
 */
abstract class Source {
  static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  final World world;
  final Truth truth;
  private final Path root;

  /** The dataset's directory, set when it is written (a subclass's name may need its fields). */
  Path dir;

  Source(World world, Truth truth, Path root) {
    this.world = world;
    this.truth = truth;
    this.root = root;
  }

  /** The dataset name, which is also the directory name. */
  abstract String name();

  abstract void write() throws IOException;

  final void run() {
    dir = root.resolve(name());
    try {
      Files.createDirectories(dir);
      write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void dataset(String yaml) throws IOException {
    Files.writeString(dir.resolve("dataset.yml"), yaml.strip() + "\n");
  }

  static String format(LocalDate d, DateTimeFormatter f) {
    return d == null ? null : d.format(f);
  }

  /** A country as Dutch systems write it, from its lower-case ISO code. */
  static String dutchCountry(String code) {
    return switch (code) {
      case "nl" -> "Nederland";
      case "be" -> "België";
      case "ma" -> "Marokko";
      case "tr" -> "Turkije";
      case "sr" -> "Suriname";
      case "ua" -> "Oekraïne";
      case "co" -> "Colombia";
      case "al" -> "Albanië";
      case "ec" -> "Ecuador";
      case "br" -> "Brazilië";
      case "hk" -> "Hongkong";
      case "ae" -> "Verenigde Arabische Emiraten";
      default -> code.toUpperCase();
    };
  }

  /** Records a value made invalid on purpose, so a test can expect exactly these rejects. */
  void invalid(Csv csv, String column, String value, String reason) {
    truth.invalid.row(name(), csv.file(), csv.nextLine(), column, value, reason);
  }
}
