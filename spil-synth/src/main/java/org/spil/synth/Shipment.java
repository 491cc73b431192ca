package org.spil.synth;

import java.time.LocalDate;

/**
 * One container shipment as it really happened: who sent what to whom on which vessel through which
 * ports, and whether drugs were hidden in it and found. {@code network} is null for legal trade;
 * {@code drugKg} is 0 when nothing was hidden; {@code seized} says whether customs found it; {@code
 * terminal} is the port firm that discharged the container in Rotterdam or Antwerp (loaded it, for
 * an export).
 */
record Shipment(
    String id,
    int month,
    LocalDate arrival,
    String network,
    int consignor,
    int consignee,
    String container,
    int vessel,
    String loading,
    String transhipment,
    String discharge,
    String goods,
    int weightKg,
    long valueEur,
    String drug,
    int drugKg,
    boolean seized,
    int terminal) {

  boolean viaNewRoute() {
    return "TGLFW".equals(transhipment);
  }
}
