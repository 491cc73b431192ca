package org.spil.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.spil.model.Normalised;

class IdentifiersTest {

  static String valid(Normalised n) {
    assertThat(n).isInstanceOf(Normalised.Valid.class);
    return ((Normalised.Valid) n).value();
  }

  static String reason(Normalised n) {
    assertThat(n).isInstanceOf(Normalised.Rejected.class);
    return ((Normalised.Rejected) n).reason();
  }

  @Test
  void ibanRealWorldForms() {
    assertThat(valid(Iban.normalise("NL91 ABNA 0417 1643 00"))).isEqualTo("NL91ABNA0417164300");
    assertThat(valid(Iban.normalise("nl91abna0417164300"))).isEqualTo("NL91ABNA0417164300");
    assertThat(valid(Iban.normalise("IBAN DE89 3704 0044 0532 0130 00")))
        .isEqualTo("DE89370400440532013000");
    assertThat(valid(Iban.normalise("BE68 5390 0754 7034"))).isEqualTo("BE68539007547034");
    assertThat(valid(Iban.normalise("GB29 NWBK 6016 1331 9268 19")))
        .isEqualTo("GB29NWBK60161331926819");
    assertThat(reason(Iban.normalise("NL91 ABNA 0417 1643 01"))).contains("check digits");
    assertThat(reason(Iban.normalise("NL91 ABNA 0417 1643"))).contains("18 characters");
    assertThat(reason(Iban.normalise("QQ12 3456"))).contains("no IBAN country");
    assertThat(reason(Iban.normalise("123456789"))).contains("country code");
  }

  @Property
  void ibanWithComputedCheckDigitsValidatesAndAnyDigitChangeIsCaught(
      @ForAll @StringLength(10) @CharRange(from = '0', to = '9') String account,
      @ForAll @IntRange(min = 4, max = 17) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String iban = Iban.withCheckDigits("NL", "ABNA" + account);
    assertThat(valid(Iban.normalise(iban))).isEqualTo(iban);
    char[] chars = iban.toCharArray();
    if (Character.isDigit(chars[position])) {
      chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
      assertThat(Iban.normalise(new String(chars))).isInstanceOf(Normalised.Rejected.class);
    }
  }

  @Test
  void bicAndLei() {
    assertThat(valid(Identifiers.bic("abnanl2a"))).isEqualTo("ABNANL2A");
    assertThat(valid(Identifiers.bic("DEUT DE FF 500"))).isEqualTo("DEUTDEFF500");
    assertThat(reason(Identifiers.bic("ABNAQQ2A"))).contains("unknown country");
    assertThat(reason(Identifiers.bic("ABN"))).contains("8 or 11");
    assertThat(valid(Identifiers.lei("5493001KJTIIGC8Y1R12"))).isEqualTo("5493001KJTIIGC8Y1R12");
    assertThat(reason(Identifiers.lei("5493001KJTIIGC8Y1R13"))).contains("check digits");
  }

  @Test
  void imoNumbers() {
    assertThat(valid(Identifiers.imo("IMO 9074729"))).isEqualTo("IMO9074729");
    assertThat(valid(Identifiers.imo("9176187"))).isEqualTo("IMO9176187");
    assertThat(reason(Identifiers.imo("IMO 9074728"))).contains("check digit");
    assertThat(reason(Identifiers.imo("907472"))).contains("7 digits");
  }

  @Test
  void containerNumbers() {
    assertThat(valid(Identifiers.container("CSQU3054383"))).isEqualTo("CSQU3054383");
    assertThat(valid(Identifiers.container("msku 907032-3"))).isEqualTo("MSKU9070323");
    assertThat(reason(Identifiers.container("CSQU3054384"))).contains("check digit");
    assertThat(reason(Identifiers.container("CSQX3054383"))).contains("category");
  }

  @Property
  void containerCheckDigitCatchesEverySingleDigitError(
      @ForAll @StringLength(3) @CharRange(from = 'A', to = 'Z') String owner,
      @ForAll @StringLength(6) @CharRange(from = '0', to = '9') String serial,
      @ForAll @IntRange(min = 4, max = 9) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String ten = owner + "U" + serial;
    String number = ten + Identifiers.containerCheckDigit(ten);
    assertThat(valid(Identifiers.container(number))).isEqualTo(number);
    char[] chars = number.toCharArray();
    chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
    int changed = Identifiers.containerCheckDigit(new String(chars, 0, 10));
    int original = chars[10] - '0';
    // a single changed digit always changes the remainder mod 11; ISO 6346 writes remainder 10
    // as 0, so the change goes unnoticed only when the two remainders are 0 and 10
    if (!(original == 0 && changed == 0)) {
      assertThat(Identifiers.container(new String(chars))).isInstanceOf(Normalised.Rejected.class);
    }
  }

  @Property
  void imoCheckDigitCatchesEverySingleDigitError(
      @ForAll @StringLength(6) @CharRange(from = '0', to = '9') String six,
      @ForAll @IntRange(min = 0, max = 5) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String imo = six + Identifiers.imoCheckDigit(six);
    assertThat(valid(Identifiers.imo("IMO " + imo))).isEqualTo("IMO" + imo);
    char[] chars = imo.toCharArray();
    chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
    // weight (7..2) times a change (1..9) is a multiple of 10 only for an even weight and a change
    // of 5
    int weight = 7 - position;
    if ((weight * delta) % 10 != 0) {
      assertThat(Identifiers.imo(new String(chars))).isInstanceOf(Normalised.Rejected.class);
    }
  }

  @Test
  void locodes() {
    assertThat(valid(Identifiers.locode("NL RTM"))).isEqualTo("NLRTM");
    assertThat(valid(Identifiers.locode("beanr"))).isEqualTo("BEANR");
    assertThat(reason(Identifiers.locode("QQRTM"))).contains("unknown country");
  }

  @Test
  void cryptoAddresses() {
    assertThat(valid(CryptoAddress.normalise("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")))
        .isEqualTo("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
    assertThat(valid(CryptoAddress.normalise("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")))
        .isEqualTo("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy");
    assertThat(reason(CryptoAddress.normalise("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")))
        .contains("checksum");
    assertThat(valid(CryptoAddress.normalise("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")))
        .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(reason(CryptoAddress.normalise("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")))
        .contains("checksum");
    assertThat(valid(CryptoAddress.normalise("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")))
        .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(valid(CryptoAddress.normalise("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")))
        .isEqualTo("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
    assertThat(reason(CryptoAddress.normalise("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")))
        .contains("EIP-55");
    assertThat(reason(CryptoAddress.normalise("0x5aaeb605"))).contains("40 hex");
    assertThat(reason(CryptoAddress.normalise("hello"))).contains("not a known");
  }
}
