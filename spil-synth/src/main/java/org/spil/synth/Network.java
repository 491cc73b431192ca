package org.spil.synth;

import java.util.List;

/**
 * One planted criminal network: what it trades and how, its actors, and the companies it uses. The
 * front companies (importer, transport firm, real-estate company, trading companies in the UAE and
 * Turkey, an underground banker's shop and its Dubai counterpart) are company indices of the world;
 * their directors and owners are actors of this network.
 */
record Network(
    String id,
    Kind kind,
    List<Actor> actors,
    int importer,
    int transport,
    int realEstate,
    int tradingAe,
    int tradingTr,
    int hawalaNl,
    int hawalaAe) {

  /** The business of a network, which decides its shipments, routes and money flows. */
  enum Kind {
    COCAINE_ROTTERDAM("NLRTM"),
    COCAINE_ANTWERP("BEANR"),
    SYNTHETICS("NLRTM");

    final String port;

    Kind(String port) {
      this.port = port;
    }

    boolean cocaine() {
      return this != SYNTHETICS;
    }
  }

  List<Integer> fronts() {
    return List.of(importer, transport, realEstate, tradingAe, tradingTr, hawalaNl, hawalaAe);
  }

  Actor first(Role role) {
    for (Actor a : actors) {
      if (a.role() == role) {
        return a;
      }
    }
    throw new IllegalStateException(id + " has no " + role);
  }

  List<Actor> all(Role role) {
    return actors.stream().filter(a -> a.role() == role).toList();
  }
}
