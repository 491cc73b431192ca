package org.spil.synth;

/** A postal address of the synthetic world; {@code country} is lower-case ISO alpha-2. */
record Address(String street, String number, String postcode, String city, String country) {

  String line() {
    return street + " " + number;
  }

  String full() {
    return line() + ", " + postcode + " " + city;
  }
}
