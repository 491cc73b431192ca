package org.spil.analysis.goods;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.network.Link;
import org.spil.analysis.network.Network;

/**
 * Port insiders: the staff of a port's firms (terminals, stevedores, forwarders, hauliers) ranked
 * by what ties them to crime, each tie named with its sources. A person the police or prosecution
 * name as a suspect weighs {@link #SUSPECT}; a direct tie to a suspect (an associate or relative on
 * file, a shared phone or address, payments, chat messages) weighs {@link #LINKED} each, at most
 * {@link #MAX_LINKED} counted; working at a firm named as the terminal of containers in which drugs
 * were found adds {@link #SEIZURE_TERMINAL} to one with a tie of his own (alone it would list a
 * terminal's whole staff). Ties through the employer (the payroll's employment itself, colleagues)
 * do not count: a terminal of a thousand staff would otherwise make them all insiders. Reads the
 * network a viewer may see ({@code Network}, resolved identities merged), so the same person in the
 * payroll and in the police files is one node.
 */
public final class Insiders {
  public static final double SUSPECT = 3;
  public static final double LINKED = 2;
  public static final double SEIZURE_TERMINAL = 1;
  public static final int MAX_LINKED = 3;

  /** The flag {@code NetworkSource} gives suspects. */
  static final String SUSPECT_FLAG = "underworld";

  /** Whether the network names a node a suspect. */
  public static boolean suspect(Network net, int node) {
    return node >= 0 && net.flags(node).contains(SUSPECT_FLAG);
  }

  private Insiders() {}

  /** One piece of evidence: its name, weight, what it is, the datasets it rests on. */
  public record Evidence(String name, double weight, String explanation, List<String> datasets) {}

  /** A member of a port firm's staff: the person's node and the firm's. */
  public record Staff(int person, int employer, String function) {}

  /** A ranked person: id, caption, employer (id, caption), function, score and evidence. */
  public record Insider(
      String person,
      String caption,
      String employer,
      String employerCaption,
      String function,
      double score,
      List<Evidence> evidence) {}

  /**
   * The staff with any evidence, highest score first (then by caption and id).
   *
   * @param seizuresAt per employer node, the drug seizures in containers it handled
   */
  public static List<Insider> rank(
      Network net, List<Staff> staff, Map<Integer, Integer> seizuresAt) {
    List<Insider> out = new ArrayList<>();
    Graph g = net.graph();
    for (Staff s : staff) {
      List<Evidence> evidence = new ArrayList<>();
      int u = s.person();
      if (suspect(net, u)) {
        evidence.add(
            new Evidence(
                "suspect",
                SUSPECT,
                "named as a suspect (a position or role, a party to a court case)",
                List.of()));
      }
      List<Evidence> linked = new ArrayList<>();
      for (int e = g.start(u); e < g.end(u); e++) {
        int v = g.target(e);
        if (v == u || v == s.employer() || !suspect(net, v)) {
          continue;
        }
        Set<String> types = new TreeSet<>();
        Set<String> datasets = new TreeSet<>();
        for (Link l : net.links(u, v)) {
          if (!l.type().equals("Employment")) {
            types.add(describe(l));
            datasets.addAll(l.datasets());
          }
        }
        if (types.isEmpty()) {
          continue;
        }
        linked.add(
            new Evidence(
                "linked-suspect",
                LINKED,
                "tied to suspect " + label(net, v) + ": " + String.join(", ", types),
                List.copyOf(datasets)));
      }
      linked.sort(Comparator.comparing(Evidence::explanation));
      evidence.addAll(linked.subList(0, Math.min(MAX_LINKED, linked.size())));
      int seized = seizuresAt.getOrDefault(s.employer(), 0);
      if (evidence.isEmpty()) {
        continue;
      }
      if (seized > 0) {
        evidence.add(
            new Evidence(
                "seizure-terminal",
                SEIZURE_TERMINAL,
                "works at "
                    + label(net, s.employer())
                    + ", the terminal of "
                    + seized
                    + (seized == 1 ? " container" : " containers")
                    + " in which drugs were found",
                List.of()));
      }
      double score = evidence.stream().mapToDouble(Evidence::weight).sum();
      out.add(
          new Insider(
              net.id(u),
              net.caption(u),
              net.id(s.employer()),
              net.caption(s.employer()),
              s.function(),
              score,
              List.copyOf(evidence)));
    }
    out.sort(
        Comparator.comparingDouble(Insider::score)
            .reversed()
            .thenComparing(i -> i.caption() == null ? "" : i.caption())
            .thenComparing(Insider::person));
    return out;
  }

  private static String label(Network net, int v) {
    String c = net.caption(v);
    return c == null ? net.id(v) : c;
  }

  /** A link as the evidence names it: "Associate", "shared phone", "3 Payment". */
  private static String describe(Link l) {
    return l.count() > 1 ? l.count() + " " + l.type() : l.type();
  }
}
