package org.spil.synth;

/**
 * The part an actor plays in a criminal network, as recorded in the ground truth; key-player and
 * broker detection are scored against it.
 */
enum Role {
  LEADER,
  BROKER,
  PORT_INSIDER,
  COURIER,
  NOTARY,
  ACCOUNTANT,
  TRANSPORTER,
  LAUNDERER,
  MULE,
  MEMBER;

  /** Facilitators are professionals who lend the network their legal standing. */
  boolean facilitator() {
    return this == NOTARY || this == ACCOUNTANT || this == TRANSPORTER;
  }

  String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
