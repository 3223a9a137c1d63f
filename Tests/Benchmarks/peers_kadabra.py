"""networkit's KADABRA (KadabraBetweenness, Borassi & Natale 2016) on the same edge lists as
SiloScope's TopBrokers benchmark: read the file and find the top k, wall-clock seconds, best
of 3, one thread. Same ε, δ and k as TopBrokers (0.01, 0.1, 10 unless given).
Usage: peers_kadabra.py EDGES.csv [EPSILON] [K]
"""
import csv
import sys
import time

import networkit as nk

nk.setNumberOfThreads(1)
path = sys.argv[1]
epsilon = float(sys.argv[2]) if len(sys.argv) > 2 else 0.01
k = int(sys.argv[3]) if len(sys.argv) > 3 else 10


def run():
    ids = {}
    pairs = []
    with open(path) as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            a = ids.setdefault(row[0], len(ids))
            b = ids.setdefault(row[1], len(ids))
            pairs.append((a, b))
    g = nk.Graph(len(ids))
    for a, b in pairs:
        g.addEdge(a, b)
    kadabra = nk.centrality.KadabraBetweenness(g, epsilon, 0.1, k=k)
    kadabra.run()
    return kadabra.getNumberOfIterations()


best, samples = None, 0
for _ in range(3):
    t0 = time.perf_counter()
    samples = run()
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None or elapsed < best else best
print(f"{best:.3f} s  {samples} samples  (networkit {nk.__version__}, KadabraBetweenness(err={epsilon}, delta=0.1, k={k}))")
