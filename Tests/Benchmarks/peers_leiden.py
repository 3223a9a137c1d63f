"""igraph's and networkit's Leiden on edge lists with named people (source,target,weight, as
`siloscope build` writes edges.csv), for the comparison with CommunityTiming on the same files.

Usage: peers_leiden.py EDGES ...
Times are process CPU seconds (time.process_time), best of 3, one thread (run.sh sets
OMP_NUM_THREADS=1), with the modularity each search reached (weighted, gamma = 1); igraph's
search is seeded with random.seed(1) before each setting.
"""
import csv
import random
import sys

import igraph as ig
import networkit as nk
from peer_timing import best_of

nk.setNumberOfThreads(1)

for path in sys.argv[1:]:
    numbers, edges, weights = {}, [], []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for a, b, w in rows:
            edges.append((numbers.setdefault(a, len(numbers)), numbers.setdefault(b, len(numbers))))
            weights.append(float(w))
    n = len(numbers)
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    print(f"{path}: {n} people, {len(edges)} ties")
    for iterations in (-1, 2):
        random.seed(1)  # igraph draws from Python's random module
        t, p = best_of(3, lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=iterations))
        q = g.modularity(p, weights="weight")
        print(f"  igraph {ig.__version__} Leiden (n_iterations={iterations}): {t:.3f} s, Q={q:.6f}, {len(p)} communities")
    G = nk.Graph(n, weighted=True)
    for (a, b), w in zip(edges, weights):
        G.addEdge(a, b, w)
    t, p = best_of(3, lambda: nk.community.ParallelLeiden(G).run().getPartition())
    q = nk.community.Modularity().getQuality(p, G)
    print(f"  networkit {nk.__version__} ParallelLeiden: {t:.3f} s, Q={q:.6f}, {p.numberOfSubsets()} communities")
