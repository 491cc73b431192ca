"""The peer of spil bench flows: temporal cycles with NetworkX's simple_cycles on each window's
static graph, the cycles then filtered to those that respect time and the fee rule.

Arguments: payments file (one payment a line: index payer payee day amount, in time order),
most payments in a cycle, window in days, largest fee share, file to write the cycles to.
Prints one JSON line: version, seconds, cycles.
"""
import bisect
import json
import sys
import time
from collections import defaultdict

import networkx as nx

ROUNDING = 0.005


def main():
    path, max_len, window, fee, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    frm, to, day, amount = [], [], [], []
    with open(path) as f:
        for line in f:
            _, a, b, d, x = line.split()
            frm.append(int(a))
            to.append(int(b))
            day.append(int(d))
            amount.append(float(x))
    t0 = time.perf_counter()
    found = []
    days = sorted(set(day))
    for d in days:
        lo = bisect.bisect_left(day, d)
        hi = bisect.bisect_right(day, d + window)
        edges = defaultdict(list)
        g = nx.DiGraph()
        for p in range(lo, hi):
            edges[(frm[p], to[p])].append(p)
            g.add_edge(frm[p], to[p])
        for cycle in cycles(g, max_len):
            k = len(cycle)
            if k < 2 or k > max_len:
                continue
            for s in range(k):
                nodes = cycle[s:] + cycle[:s]
                for first in edges[(nodes[0], nodes[1])]:
                    if day[first] != d:
                        continue
                    extend(nodes, 1, [first], edges, frm, day, amount, window, fee, found)
    seconds = time.perf_counter() - t0
    with open(out, "w") as f:
        for c in found:
            f.write(" ".join(map(str, c)) + "\n")
    print(json.dumps({"version": "NetworkX " + nx.__version__, "seconds": seconds, "cycles": len(found)}))


def cycles(g, max_len):
    """simple_cycles bounded in length where NetworkX can (3.1 and later), else all of them."""
    try:
        return nx.simple_cycles(g, length_bound=max_len)
    except TypeError:
        return nx.simple_cycles(g)


def extend(nodes, i, seq, edges, frm, day, amount, window, fee, found):
    k = len(nodes)
    prev = seq[-1]
    for p in edges[(nodes[i], nodes[(i + 1) % k])]:
        if p <= seq[0] or day[p] < day[prev] or day[p] > day[seq[0]] + window:
            continue
        if not (amount[p] <= amount[prev] + ROUNDING and amount[p] >= amount[prev] * (1 - fee) - ROUNDING):
            continue
        if i + 1 == k:
            found.append(seq + [p])
        else:
            extend(nodes, i + 1, seq + [p], edges, frm, day, amount, window, fee, found)


main()
