package org.spil.analysis.graph;

/**
 * Brokers between communities: a node's participation coefficient (Guimerà and Amaral) is 1 minus
 * the sum over communities of the squared share of its edge weight that goes there; 0 for a node
 * tied to one community only, near 1 for one spread over many. Combined with betweenness it finds
 * the go-betweens who connect groups that otherwise do not talk.
 */
public final class Brokers {
  private Brokers() {}

  public static double[] participation(Graph directedOrNot, int[] community, int communities) {
    Graph g = directedOrNot.undirected();
    int n = g.nodes();
    double[] out = new double[n];
    double[] share = new double[communities];
    int[] touched = new int[communities];
    for (int v = 0; v < n; v++) {
      double k = g.strength(v);
      if (k == 0) {
        continue;
      }
      int t = 0;
      for (int e = g.start(v); e < g.end(v); e++) {
        int c = community[g.target(e)];
        if (share[c] == 0) {
          touched[t++] = c;
        }
        share[c] += g.weight(e);
      }
      double sum = 0;
      for (int i = 0; i < t; i++) {
        double s = share[touched[i]] / k;
        sum += s * s;
        share[touched[i]] = 0;
      }
      out[v] = 1 - sum;
    }
    return out;
  }
}
