"""igraph and networkit on the silo benchmarks, on the same files as SiloScope's Silos suite.

Times are process CPU seconds (time.process_time), best of 3, one thread (OMP_NUM_THREADS=1
is set by run.sh), as Tests/Benchmarks/peers/peers.py measures them. Each community search reports
the modularity it reached, for the issue's "at least as high as igraph's" check.
"""
import csv
import random
import sys

import igraph as ig
import networkit as nk
from peer_timing import best_of

nk.setNumberOfThreads(1)

folder = sys.argv[1]
for n in [int(x) for x in sys.argv[2:]]:
    edges, weights = [], []
    with open(f"{folder}/org_n{n}_edges.csv") as f:
        r = csv.reader(f)
        next(r)
        for a, b, w in r:
            edges.append((int(a), int(b)))
            weights.append(float(w))
    depts = {}
    membership = []
    with open(f"{folder}/org_n{n}_nodes.csv") as f:
        r = csv.reader(f)
        next(r)
        for node, d in r:
            membership.append(depts.setdefault(d, len(depts)))
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    t, q = best_of(3, lambda: g.modularity(membership, weights="weight"))
    print(f"n={n} igraph {ig.__version__} modularity of departments: {t:.4f} s (Q={q:.6f})")
    random.seed(1)
    t, p = best_of(3, lambda: g.community_multilevel(weights="weight"))
    print(f"n={n} igraph multilevel (Louvain): {t:.3f} s, Q={g.modularity(p, weights='weight'):.10f}, {len(p)} communities")
    random.seed(1)
    t, p = best_of(3, lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1))
    print(f"n={n} igraph Leiden (modularity, n_iterations=-1): {t:.3f} s, Q={g.modularity(p, weights='weight'):.10f}")
    random.seed(1)
    t, p = best_of(3, lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2))
    print(f"n={n} igraph Leiden (modularity, n_iterations=2): {t:.3f} s, Q={g.modularity(p, weights='weight'):.10f}")

    G = nk.Graph(n, weighted=True)
    for (a, b), w in zip(edges, weights):
        G.addEdge(a, b, w)
    nk.engineering.setSeed(1, False)

    def plm(refine):
        algo = nk.community.PLM(G, refine=refine)
        algo.run()
        return algo.getPartition()

    for refine, name in [(False, "PLM (Louvain)"), (True, "PLMR")]:
        t, part = best_of(3, lambda: plm(refine))
        q = nk.community.Modularity().getQuality(part, G)
        print(f"n={n} networkit {nk.__version__} {name}: {t:.3f} s, Q={q:.10f}, {part.numberOfSubsets()} communities")

    def leiden():
        algo = nk.community.ParallelLeiden(G)
        algo.run()
        return algo.getPartition()

    t, part = best_of(3, leiden)
    print(f"n={n} networkit ParallelLeiden: {t:.3f} s, Q={nk.community.Modularity().getQuality(part, G):.10f}")
    sys.stdout.flush()
