"""Peer timings for `spil bench graph`: one library on one edge list.

Usage: graph_peers.py LIBRARY EDGES N [MEASURES [REPEAT]]; prints one JSON
object with the seconds each algorithm took (loading excluded, reported apart;
the median of REPEAT runs, Louvain once) and a few values to check that the
peers computed the same thing."""
import json
import sys
import time

lib, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
measures = sys.argv[4].split(",") if len(sys.argv) > 4 else ["pagerank", "components", "kcore", "louvain"]
repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 1


def timed(f, runs=1):
    took = []
    for _ in range(runs):
        t = time.perf_counter()
        r = f()
        took.append(time.perf_counter() - t)
    took.sort()
    median = took[len(took) // 2]
    print(f"  {lib}: step done in {median:.2f} s (median of {runs})", file=sys.stderr, flush=True)
    return median, r


def pairs():
    import numpy as np
    with open(path) as f:
        return np.array(f.read().split(), dtype=np.int64).reshape(-1, 2)


out = {"library": lib}
if lib == "igraph":
    import igraph as ig
    out["version"] = ig.__version__
    out["load"], g = timed(lambda: ig.Graph(n=n, edges=pairs().tolist(), directed=False))
    if "pagerank" in measures:
        out["pagerank"], pr = timed(lambda: g.pagerank(damping=0.85), repeat)
        out["pagerank_max"] = max(pr)
    if "components" in measures:
        out["components"], c = timed(lambda: g.connected_components(), repeat)
        out["components_count"] = len(c)
    if "kcore" in measures:
        out["kcore"], k = timed(lambda: g.coreness(), repeat)
        out["kcore_max"] = max(k)
    if "louvain" in measures:
        out["louvain"], cl = timed(lambda: g.community_multilevel())
        out["louvain_modularity"] = cl.modularity
elif lib == "graph-tool":
    import graph_tool.all as gt
    out["version"] = gt.__version__
    def build():
        g = gt.Graph(directed=False)
        g.add_vertex(n)
        g.add_edge_list(pairs())
        return g
    out["load"], g = timed(build)
    if "pagerank" in measures:
        out["pagerank"], pr = timed(lambda: gt.pagerank(g, damping=0.85), repeat)
        out["pagerank_max"] = float(pr.a.max())
    if "components" in measures:
        out["components"], c = timed(lambda: gt.label_components(g), repeat)
        out["components_count"] = int(len(c[1]))
    if "kcore" in measures:
        out["kcore"], k = timed(lambda: gt.kcore_decomposition(g), repeat)
        out["kcore_max"] = int(k.a.max())
elif lib == "networkx":
    import networkx as nx
    out["version"] = nx.__version__
    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(map(tuple, pairs().tolist()))
        return g
    out["load"], g = timed(build)
    if "pagerank" in measures:
        out["pagerank"], pr = timed(lambda: nx.pagerank(g, alpha=0.85), repeat)
        out["pagerank_max"] = max(pr.values())
    if "components" in measures:
        out["components"], c = timed(lambda: list(nx.connected_components(g)), repeat)
        out["components_count"] = len(c)
    if "kcore" in measures:
        out["kcore"], k = timed(lambda: nx.core_number(g), repeat)
        out["kcore_max"] = max(k.values())
    if "louvain" in measures:
        out["louvain"], cl = timed(lambda: nx.community.louvain_communities(g, seed=1))
        out["louvain_modularity"] = nx.community.modularity(g, cl)
print(json.dumps(out))
