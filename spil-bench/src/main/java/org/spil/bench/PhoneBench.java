package org.spil.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import org.spil.model.Normalised;
import org.spil.model.types.Phones;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spil bench phones}: normalises distinct generated phone numbers (Dutch mobiles in national
 * form, Belgian ones with a country code) to E.164 on one thread, with libphonenumber alone (parse,
 * isValidNumber, format) and with Spil's phone type, checks that both give the same answer for
 * every number, and prints nanoseconds per number and their ratio over several rounds.
 */
@Command(
    name = "phones",
    mixinStandardHelpOptions = true,
    description = "Benchmark phone normalisation against libphonenumber alone.")
final class PhoneBench implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--numbers",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Distinct numbers per round (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      paramLabel = "R",
      description = "Rounds of each, alternating; the first warms up (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (count < 1 || rounds < 2) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--numbers must be at least 1 and --rounds at least 2");
    }
    String[] numbers = new String[count];
    Random r = new Random(7);
    for (int i = 0; i < count; i++) {
      numbers[i] =
          i % 10 == 9
              ? "+32 4" + (70 + r.nextInt(30)) + " " + (100_000 + r.nextInt(900_000))
              : "06-" + (20_000_000 + r.nextInt(40_000_000));
    }
    PhoneNumberUtil util = PhoneNumberUtil.createInstance(Phones.class::getResourceAsStream);
    String[] peer = new String[count];
    String[] spil = new String[count];
    double[] peerNs = new double[rounds];
    double[] spilNs = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        peer[i] = libphonenumber(util, numbers[i]);
      }
      peerNs[round] = (System.nanoTime() - t0) / (double) count;
      long t1 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        spil[i] =
            Phones.normalise(numbers[i], "NL") instanceof Normalised.Valid v ? v.value() : null;
      }
      spilNs[round] = (System.nanoTime() - t1) / (double) count;
      out.printf(
          "round %d: libphonenumber %.0f ns/number, spil %.0f ns/number%n",
          round + 1, peerNs[round], spilNs[round]);
    }
    for (int i = 0; i < count; i++) {
      if (!Objects.equals(peer[i], spil[i])) {
        out.printf("DISAGREE on %s: libphonenumber %s, spil %s%n", numbers[i], peer[i], spil[i]);
        out.flush();
        return 1;
      }
    }
    double p = BenchOptions.median(Arrays.copyOfRange(peerNs, 1, rounds));
    double s = BenchOptions.median(Arrays.copyOfRange(spilNs, 1, rounds));
    out.printf(
        "%,d numbers, same answer for each; median after warm-up: libphonenumber %.0f ns, spil %.0f"
            + " ns per number (ratio spil / libphonenumber %.2f)%n",
        count, p, s, s / p);
    out.flush();
    return 0;
  }

  /** E.164 when libphonenumber finds the number valid, else null. */
  private static String libphonenumber(PhoneNumberUtil util, String raw) {
    try {
      PhoneNumber n = util.parse(raw, "NL");
      return util.isValidNumber(n) ? util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
