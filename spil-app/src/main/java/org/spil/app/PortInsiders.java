package org.spil.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.goods.PortIndex;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.network.Link;
import org.spil.analysis.network.Network;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
import org.spil.store.Store;
import org.spil.store.ValueRecord;

/**
 * Who inside a port helps: the staff of the port's firms as the payroll data the viewer may see
 * lists them (employments), ranked by {@link Insiders} on the network the viewer may see. A firm is
 * the port's when customs names it as the terminal of shipments discharged or loaded there, or when
 * its registered address lies in the port's city (the World Port Index's name of the port). The
 * drug seizures in containers a terminal handled count for its staff.
 */
public final class PortInsiders {
  private final Store store;
  private final PortIndex ports;
  private final Searching searching;

  public PortInsiders(Store store, PortIndex ports) {
    this.store = store;
    this.ports = ports;
    this.searching = new Searching(store);
  }

  /** The port's firms and staff the viewer may see, and the ranked insiders among the staff. */
  public record Report(
      String port, String portName, int firms, int staff, List<Insiders.Insider> insiders) {}

  /**
   * The insiders of a port (a UN/LOCODE) on a network the viewer may see: the {@code top} highest
   * (0: all with any evidence).
   */
  public Report rank(Viewer viewer, Network net, String port, int top) {
    String code = port == null ? "" : port.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{2}[A-Z2-9]{3}")) {
      throw new IllegalArgumentException("port: '" + port + "' is no UN/LOCODE (like NLRTM)");
    }
    if (top < 0) {
      throw new IllegalArgumentException("top: must be 0 (all) or more, not " + top);
    }
    PortIndex.Port known = ports.get(code);
    String city = known == null ? null : known.name().toLowerCase(Locale.ROOT);
    Map<String, Integer> seized = store.shipments().seized(viewer);
    Map<String, Integer> seizuresAt = new HashMap<>();
    Set<String> terminals = new HashSet<>();
    store
        .shipments()
        .each(
            viewer,
            s -> {
              if (s.terminal() == null) {
                return;
              }
              seizuresAt.merge(s.terminal(), seized.getOrDefault(s.id(), 0), Integer::sum);
              if (code.equals(s.portOfDischarge()) || code.equals(s.portOfLoading())) {
                terminals.add(s.terminal());
              }
            });
    Set<Integer> portFirms = new HashSet<>();
    for (String t : terminals) {
      if (net.nodeOf(t) >= 0) {
        portFirms.add(net.nodeOf(t));
      }
    }
    Map<String, String> functions = functions(viewer);
    List<Insiders.Staff> staff = new ArrayList<>();
    Set<Integer> firms = new HashSet<>();
    Map<Integer, Boolean> inPort = new HashMap<>();
    Graph g = net.graph();
    for (int u = 0; u < net.size(); u++) {
      if (!"Person".equals(net.kind(u))) {
        continue;
      }
      for (int e = g.start(u); e < g.end(u); e++) {
        int v = g.target(e);
        if (!employs(net, v, u)) {
          continue;
        }
        boolean ours =
            inPort.computeIfAbsent(
                v, x -> portFirms.contains(x) || (city != null && seated(viewer, net.id(x), city)));
        if (ours) {
          firms.add(v);
          staff.add(new Insiders.Staff(u, v, functions.get(net.id(u))));
          break;
        }
      }
    }
    Map<Integer, Integer> seizuresAtNode = new HashMap<>();
    seizuresAt.forEach(
        (t, n) -> {
          if (n > 0 && net.nodeOf(t) >= 0) {
            seizuresAtNode.merge(net.nodeOf(t), n, Integer::sum);
          }
        });
    List<Insiders.Insider> ranked = Insiders.rank(net, staff, seizuresAtNode);
    if (top > 0 && ranked.size() > top) {
      ranked = ranked.subList(0, top);
    }
    return new Report(
        code, known == null ? null : known.name(), firms.size(), staff.size(), List.copyOf(ranked));
  }

  /**
   * The staff of one firm (a node of the network) tied to suspects, ranked; kept with the network
   * (a network is one viewer's and never changes), since every seizure chain through a terminal
   * asks for its staff again.
   */
  public static List<Insiders.Insider> atFirm(Network net, int firm) {
    Map<Integer, List<Insiders.Insider>> firms;
    synchronized (STAFF) {
      firms = STAFF.computeIfAbsent(net, k -> new ConcurrentHashMap<>());
    }
    return firms.computeIfAbsent(firm, f -> rankStaff(net, f));
  }

  /** Ranked staff per firm, per network while the network is in use. */
  private static final Map<Network, Map<Integer, List<Insiders.Insider>>> STAFF =
      new WeakHashMap<>();

  private static List<Insiders.Insider> rankStaff(Network net, int firm) {
    List<Insiders.Staff> staff = new ArrayList<>();
    Graph g = net.graph();
    for (int e = g.start(firm); e < g.end(firm); e++) {
      int u = g.target(e);
      if ("Person".equals(net.kind(u)) && employs(net, firm, u)) {
        staff.add(new Insiders.Staff(u, firm, null));
      }
    }
    return List.copyOf(Insiders.rank(net, staff, Map.of()));
  }

  private static boolean employs(Network net, int employer, int person) {
    for (Link l : net.links(employer, person)) {
      if (l.type().equals("Employment")) {
        return !"Person".equals(net.kind(employer));
      }
    }
    return false;
  }

  /** Whether a firm's registered address names the port's city. */
  private boolean seated(Viewer viewer, String firm, String city) {
    EntityRecord e = searching.show(viewer, firm).orElse(null);
    if (e == null) {
      return false;
    }
    for (ValueRecord v : e.properties().getOrDefault("address", List.of())) {
      if (v.value().toLowerCase(Locale.ROOT).contains(city)) {
        return true;
      }
    }
    return false;
  }

  /** Each employee's function as the employments the viewer may see give it, by resolved id. */
  private Map<String, String> functions(Viewer viewer) {
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    Map<String, String> out = new HashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Employment"),
            Set.of("employee", "role"),
            (id, schema, source, props) -> {
              List<String> roles = props.getOrDefault("role", List.of());
              if (roles.isEmpty()) {
                return;
              }
              for (String p : props.getOrDefault("employee", List.of())) {
                out.putIfAbsent(canonical.getOrDefault(p, p), roles.get(0));
              }
            });
    return out;
  }
}
