package org.spil.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A working relation between two actors of a network (who gives orders to whom, who moves money for
 * whom): the structure the police links, the chats and the analyses all reflect. {@code weight} is
 * how often the two are in contact.
 */
record Tie(int a, int b, String kind, int weight) {

  String dutch() {
    return switch (kind) {
      case "orders" -> "opdrachtgever";
      case "money" -> "financier";
      case "family" -> "familie";
      default -> "medeverdachte";
    };
  }

  String french() {
    return switch (kind) {
      case "orders" -> "commanditaire";
      case "money" -> "financier";
      case "family" -> "famille";
      default -> "complice";
    };
  }

  /** The ties of a network, from its roles: leaders over brokers, brokers over the workers. */
  static List<Tie> of(Network n) {
    List<Tie> out = new ArrayList<>();
    List<Actor> leaders = n.all(Role.LEADER);
    List<Actor> brokers = n.all(Role.BROKER);
    for (Actor l : leaders) {
      for (Actor b : brokers) {
        out.add(new Tie(l.person(), b.person(), "orders", 6));
      }
      for (Actor m : n.all(Role.LAUNDERER)) {
        out.add(new Tie(l.person(), m.person(), "money", 4));
      }
      out.add(new Tie(l.person(), n.first(Role.ACCOUNTANT).person(), "money", 1));
      out.add(new Tie(l.person(), n.first(Role.NOTARY).person(), "money", 1));
    }
    if (leaders.size() > 1) {
      out.add(new Tie(leaders.get(0).person(), leaders.get(1).person(), "family", 5));
    }
    out.add(new Tie(brokers.get(0).person(), brokers.get(1).person(), "associate", 4));
    for (int i = 0; i < brokers.size(); i++) {
      Actor b = brokers.get(i);
      for (Actor w : n.all(Role.PORT_INSIDER)) {
        out.add(new Tie(b.person(), w.person(), "orders", 5));
      }
      out.add(new Tie(b.person(), n.first(Role.TRANSPORTER).person(), "orders", 3));
      List<Actor> couriers = n.all(Role.COURIER);
      for (int c = i; c < couriers.size(); c += brokers.size()) {
        out.add(new Tie(b.person(), couriers.get(c).person(), "orders", 4));
      }
      List<Actor> members = n.all(Role.MEMBER);
      for (int m = i; m < members.size(); m += brokers.size()) {
        out.add(new Tie(b.person(), members.get(m).person(), "associate", 2));
      }
    }
    for (Actor launderer : n.all(Role.LAUNDERER)) {
      for (Actor mule : n.all(Role.MULE)) {
        out.add(new Tie(launderer.person(), mule.person(), "orders", 1));
      }
    }
    return out;
  }
}
