package org.spil.synth;

import java.time.LocalDate;

/**
 * One real person of the synthetic world, as it is (the truth), before any source writes it down
 * with its own spelling, errors and gaps. {@code given} and {@code surname} index the variant
 * groups of {@link Origin} and {@link Surnames}; element 0 of a group is the canonical spelling. A
 * person who moved has an {@code earlier} address, valid before {@code movedInMonth}.
 */
record Person(
    int index,
    Origin origin,
    boolean female,
    int given,
    int surname,
    LocalDate birthDate,
    Address address,
    Address earlier,
    int movedInMonth,
    String mobile,
    String iban,
    String passport,
    String email,
    int employer) {

  String id() {
    return truthId(index);
  }

  static String truthId(int index) {
    return String.format("TP%07d", index);
  }

  String[] givenVariants() {
    return (female ? origin.female : origin.male)[given];
  }

  String[] surnameVariants() {
    return Surnames.of(origin).variants(surname);
  }

  String givenName() {
    return givenVariants()[0];
  }

  String lastName() {
    return surnameVariants()[0];
  }

  String name() {
    return givenName() + " " + lastName();
  }

  String nationality() {
    return origin.nationality;
  }

  /** The address a source recording something in {@code month} would have. */
  Address addressIn(int month) {
    return earlier != null && month < movedInMonth ? earlier : address;
  }
}
