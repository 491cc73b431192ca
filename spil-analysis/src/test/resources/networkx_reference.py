"""Reference scores by NetworkX for NetworkXTest: reads graphs as JSON lines
{"n": N, "directed": bool, "edges": [[u, v, w], ...]} on stdin and writes one JSON
line of scores per graph."""
import json
import sys

import networkx as nx

for line in sys.stdin:
    spec = json.loads(line)
    g = nx.DiGraph() if spec["directed"] else nx.Graph()
    g.add_nodes_from(range(spec["n"]))
    for u, v, w in spec["edges"]:
        g.add_edge(u, v, weight=w, length=1.0 / w)
    out = {
        "pagerank": nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000),
        "betweenness": nx.betweenness_centrality(g, normalized=False),
        "closeness": nx.closeness_centrality(g, distance="length", wf_improved=True),
    }
    if not spec["directed"]:
        try:
            out["eigenvector"] = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-13, weight="weight")
        except nx.PowerIterationFailedConvergence:
            pass
        out["core"] = nx.core_number(g)
        if g.number_of_edges() == 0:
            out["louvain_modularity"] = 0.0
        else:
            communities = nx.community.louvain_communities(g, weight="weight", seed=1)
            out["louvain_modularity"] = nx.community.modularity(g, communities, weight="weight")
    print(json.dumps({k: ({str(n): s for n, s in v.items()} if isinstance(v, dict) else v) for k, v in out.items()}))
