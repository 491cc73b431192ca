package org.spil.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The firms that work in the ports of Rotterdam and Antwerp: container terminals, stevedores,
 * customs forwarders and container hauliers, each with its seat in the port. They come after the
 * world's other companies in the company register (indices from {@code first}); the payroll data
 * lists their staff, customs' declarations name the terminal that discharged or loaded a container.
 * A network's port insiders work for them: the first at a terminal, where containers can be moved
 * or their cargo taken out, the second at another firm of the port.
 */
final class PortFirms {
  /** What a port firm does, which decides what its staff can do for a network. */
  enum Kind {
    TERMINAL("containerterminal"),
    STEVEDORE("stuwadoorsbedrijf"),
    FORWARDER("douane-expediteur"),
    HAULIER("containervervoer");

    final String dutch;

    Kind(String dutch) {
      this.dutch = dutch;
    }
  }

  /** A port firm: its name (the last word its activity), kind, port, street in the port area. */
  record Spec(String name, Kind kind, String port, String street, String postcode) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec("Maasvlakte Container Terminal", Kind.TERMINAL, "NLRTM", "Europaweg", "3199 LC"),
          new Spec("Delta Kade Terminal", Kind.TERMINAL, "NLRTM", "Amoerweg", "3199 KD"),
          new Spec(
              "Waalhaven Container Terminal",
              Kind.TERMINAL,
              "NLRTM",
              "Waalhaven Zuidzijde",
              "3089 JH"),
          new Spec("Botlek Multi Terminal", Kind.TERMINAL, "NLRTM", "Botlekweg", "3197 KA"),
          new Spec("Rijnmond Stuwadoors", Kind.STEVEDORE, "NLRTM", "Eemhavenweg", "3089 KH"),
          new Spec("Pernis Havenbedrijf", Kind.STEVEDORE, "NLRTM", "Vondelingenweg", "3196 KK"),
          new Spec(
              "Kade Douane Expeditie", Kind.FORWARDER, "NLRTM", "Albert Plesmanweg", "3088 GC"),
          new Spec("Eemhaven Cargo Expeditie", Kind.FORWARDER, "NLRTM", "Den Hamweg", "3089 KK"),
          new Spec(
              "Maasvlakte Containervervoer", Kind.HAULIER, "NLRTM", "Maasvlakteweg", "3199 LZ"),
          new Spec("Rijnmond Truckers Transport", Kind.HAULIER, "NLRTM", "Waalhavenweg", "3089 HA"),
          new Spec("Deurganck Container Terminal", Kind.TERMINAL, "BEANR", "Haven", "2040"),
          new Spec("Scheldekaai Terminal", Kind.TERMINAL, "BEANR", "Scheldelaan", "2030"),
          new Spec("Kallo Multi Terminal", Kind.TERMINAL, "BEANR", "Sint-Antoniusweg", "2040"),
          new Spec("Noordzee Stuwadoors", Kind.STEVEDORE, "BEANR", "Noorderlaan", "2030"),
          new Spec("Lillo Douane Expeditie", Kind.FORWARDER, "BEANR", "Oosterweelsteenweg", "2030"),
          new Spec(
              "Waasland Containervervoer", Kind.HAULIER, "BEANR", "Land van Waaslaan", "2040"));

  /** The city whose residents work in a port, by port. */
  static String city(String port) {
    return port.equals("BEANR") ? "Antwerpen" : "Rotterdam";
  }

  /** The port whose firms employ a city's residents, or null. */
  static String portOf(String city) {
    return switch (city) {
      case "Rotterdam" -> "NLRTM";
      case "Antwerpen" -> "BEANR";
      default -> null;
    };
  }

  final int first;

  PortFirms(int first) {
    this.first = first;
  }

  int count() {
    return SPECS.size();
  }

  boolean contains(int company) {
    return company >= first && company < first + SPECS.size();
  }

  Spec spec(int company) {
    return SPECS.get(company - first);
  }

  /** The company indices of a port's firms of a kind (null: any kind). */
  List<Integer> of(String port, Kind kind) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < SPECS.size(); k++) {
      Spec s = SPECS.get(k);
      if (s.port().equals(port) && (kind == null || s.kind() == kind)) {
        out.add(first + k);
      }
    }
    return out;
  }
}
