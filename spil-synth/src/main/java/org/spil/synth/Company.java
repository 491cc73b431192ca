package org.spil.synth;

import java.time.LocalDate;

/**
 * One real company of the synthetic world: its distinctive name, activity and legal form (written
 * in variants by the sources), seat, registration number in its country's scheme, bank account, and
 * the persons who direct and own it ({@code -1} when the register does not say).
 */
record Company(
    int index,
    String base,
    String activity,
    LegalForm form,
    Address address,
    String registration,
    String iban,
    LocalDate incorporated,
    int director,
    int owner,
    Sector sector) {

  String id() {
    return truthId(index);
  }

  static String truthId(int index) {
    return String.format("TC%07d", index);
  }

  String country() {
    return address.country();
  }

  String name() {
    return base + " " + activity + " " + form.spellings[0];
  }

  /** What a company does, which decides where it appears: shipments, salaries, rent. */
  enum Sector {
    RETAIL,
    HOUSING,
    TRANSPORT,
    IMPORT,
    EXPORTER,
    TRADING,
    SERVICES,
    REAL_ESTATE,
    CRYPTO_EXCHANGE,
    MONEY_TRANSFER,
    /** A firm of the port: terminal, stevedore, forwarder or haulier ({@link PortFirms}). */
    PORT
  }
}
