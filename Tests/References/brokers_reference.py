#!/usr/bin/env python3
"""Regenerates Tests/SiloMetricsTests/Fixtures/BrokersReference.swift, the reference values of
SiloScope's broker tests (betweenness, structural holes, brokerage), from the datasets in
Datasets/ with the pinned tools of requirements.txt (networkx 3.6.1, python-igraph 1.0.0):

    python3 -m venv .venv-refs && .venv-refs/bin/pip install -r Tests/References/requirements.txt
    PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/brokers_reference.py \\
        > Tests/SiloMetricsTests/Fixtures/BrokersReference.swift

(`make references` runs it and shows any difference from the committed file.) The graphs are
built as Tests/SiloMetricsTests/Fixtures/BrokersFixtures.swift builds them. Each array is the
named tool's own floats, printed with repr(); the exact values beside them are computed with
fractions.Fraction. sna::brokerage (R) is re-implemented in brokerage() from its source (cran/sna
R/roles.R `brokerage`, src/gli.c `brokerage_R`). Every claim that a doc comment of the output
makes about agreement between tools is checked here (check()), so the script stops rather than
print a comment that is no longer true.
"""

import csv
import heapq
import math
import os
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

# The holes graph has string node names, whose set order (networkx's neighbour sets) depends on
# the hash seed: fix it.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import igraph  # noqa: E402
import networkx as nx  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "Datasets"
SCRIPT = "Tests/References/brokers_reference.py"
NX = f"networkx {nx.__version__}"
IG = f"python-igraph {igraph.__version__}"


def out(line=""):
    sys.stdout.write(line + "\n")


def check(condition, what):
    if not condition:
        sys.exit(f"brokers_reference.py: no longer true: {what}")


def same(a, b):
    """Equal floats, NaN equal to NaN."""
    return len(a) == len(b) and all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b))


def max_difference(a, b, skip=()):
    return max((abs(x - y) for i, (x, y) in enumerate(zip(a, b)) if i not in skip and not math.isnan(y)), default=0.0)


# Graphs, as BrokersFixtures.swift builds them.

def read_network(folder, relation=None, directed=False):
    """Datasets/<folder> as SiloScope's NetworkReader reads it (ReferenceNetworks.load): nodes in
    nodes.csv order with their `group`, ties of one relation, weights summed over repeated pairs,
    ties from a person to themselves set aside."""
    g = nx.DiGraph() if directed else nx.Graph()
    with open(DATASETS / folder / "nodes.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g.add_node(int(r["id"]), group=r["group"])
    with open(DATASETS / folder / "edges.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            u, v, w = int(r["source"]), int(r["target"]), int(r["weight"])
            if (relation is not None and r["relation"] != relation) or u == v:
                continue
            if g.has_edge(u, v):
                g[u][v]["weight"] += w
            else:
                g.add_edge(u, v, weight=w)
    return g


def kite():
    """BrokersFixtures.kite: networkx's own graph, 0 Andre … 9 Jane."""
    return nx.krackhardt_kite_graph()


def florentine16():
    """BrokersFixtures.florentine16(): the marriage ties of Datasets/padgett_florentine, ids 1…16,
    Pucci (id 12) isolated."""
    return read_network("padgett_florentine", "marriage")


def karate():
    """BrokersFixtures.karate(): Datasets/zachary_karate, nodes 0…33, weights = interaction counts."""
    return read_network("zachary_karate")


def lazega_directed():
    """BrokersFixtures.lazegaDirected() (`laz_d`): the cowork arcs of Datasets/lazega_lawfirm as
    surveyed, L01…L71 (ids 1…71), weight 1."""
    return read_network("lazega_lawfirm", "cowork", directed=True)


def or_symmetrized(g):
    """BrokersFixtures.orSymmetrized (`laz_u`): a tie {u, v} when u → v or v → u, weight 1."""
    u = nx.Graph()
    u.add_nodes_from(g)
    u.add_edges_from(g.edges())
    return u


def krackhardt_advice():
    """BrokersFixtures.krackhardtAdvice() (`krack`): the advice arcs of Datasets/krackhardt_hightech
    (source asks target), managers 1…21, departments as groups."""
    return read_network("krackhardt_hightech", "advice", directed=True)


# rigraph issue #314: R vertex names 1…16, weights are lengths (BrokersFixtures.rigraph314).
RIGRAPH314_FROM = [1, 2, 3, 3, 3, 4, 6, 7, 2, 9, 5, 7, 9, 9, 5, 8]
RIGRAPH314_TO = [4, 3, 6, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
RIGRAPH314_LENGTHS = [
    "1.9617537", "0.9060834", "2.2165446", "1.6251956", "2.4473929", "0.5913490", "8.7093236", "2.8387330",
    "6.1225042", "20.7217776", "6.8027218", "16.3147479", "5.2605598", "6.6816853", "4.9482123", "1.8989790",
]


def rigraph314():
    g = nx.Graph()
    g.add_nodes_from(range(1, 17))
    for u, v, length in zip(RIGRAPH314_FROM, RIGRAPH314_TO, RIGRAPH314_LENGTHS):
        g.add_edge(u, v, weight=float(length), exact=Fraction(length))
    return g


# BrokersFixtures.nearTie: strengths w, length 1/w; 0–1–2 ties 0–2 exactly (1/10 + 1/15 = 1/6) and
# 2–3–4–5 ties 2–5 (1/2 + 1/3 + 1/6 = 1), but not in floating point.
NEAR_TIE = [(0, 1, 10), (1, 2, 15), (0, 2, 6), (2, 3, 2), (3, 4, 3), (4, 5, 6), (2, 5, 1), (5, 6, 1), (0, 7, 1)]


def near_tie():
    g = nx.Graph()
    g.add_nodes_from(range(8))
    for u, v, w in NEAR_TIE:
        g.add_edge(u, v, weight=w)
    return g


def holes():
    """The graph of networkx's test_structuralholes.py (A…G, weights = its G_weights), built as that
    test builds it (node order A B F G E D C); the values are listed in name order A…G, the nodes
    0…6 of StructuralHolesTests.holesTies."""
    ties = [("A", "B", 2), ("A", "F", 3), ("A", "G", 5), ("A", "E", 2), ("E", "G", 8), ("F", "G", 3), ("B", "G", 4),
            ("B", "D", 1), ("D", "G", 3), ("G", "C", 10)]
    g = nx.Graph()
    for u, v, w in ties:
        g.add_edge(u, v, weight=w)
    return g


def to_igraph(g):
    """The same graph for python-igraph: vertices in networkx node order, edges in g.edges() order,
    with their weights."""
    index = {v: i for i, v in enumerate(g)}
    edges = list(g.edges(data="weight", default=1))
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v, _ in edges], directed=g.is_directed())
    return ig, [w for _, _, w in edges]


def inverse_lengths(g):
    """dist = 1/weight as a Python float, beside the exact Fraction(1, weight)."""
    for _, _, d in g.edges(data=True):
        d["dist"] = 1 / d["weight"]
        d["exact"] = Fraction(1, d["weight"])
    return g


# Betweenness.

def exact_betweenness(g):
    """Brandes (2001) on an undirected graph with the exact path lengths of the edge attribute
    `exact` (Fractions, so that equal lengths tie exactly): raw, each unordered pair once."""
    bc = dict.fromkeys(g, Fraction(0))
    for s in g:
        settled, tentative = {}, {s: Fraction(0)}
        sigma, preds = dict.fromkeys(g, 0), {v: [] for v in g}
        sigma[s] = 1
        order, heap, pushed = [], [(Fraction(0), 0, s)], 1
        while heap:
            d, _, v = heapq.heappop(heap)
            if v in settled:
                continue
            settled[v] = d
            order.append(v)
            for w, data in g[v].items():
                if w in settled:
                    continue
                length = d + data["exact"]
                if w not in tentative or length < tentative[w]:
                    tentative[w], sigma[w], preds[w] = length, sigma[v], [v]
                    heapq.heappush(heap, (length, pushed, w))
                    pushed += 1
                elif length == tentative[w]:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = dict.fromkeys(g, Fraction(0))
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    return [bc[v] / 2 for v in g]


def nx_betweenness(g, normalized, weight=None):
    return list(nx.betweenness_centrality(g, normalized=normalized, weight=weight).values())


def kite_betweenness():
    g = kite()
    raw = nx_betweenness(g, False)
    ig, _ = to_igraph(g)
    check(same(ig.betweenness(), raw), "igraph's kite betweenness equals networkx's")
    return {"raw": raw, "norm": nx_betweenness(g, True)}


def florentine16_betweenness():
    g = florentine16()
    return {"raw": nx_betweenness(g, False), "norm": nx_betweenness(g, True)}


def karate_betweenness():
    g = karate()
    return {"raw": nx_betweenness(g, False), "norm": nx_betweenness(g, True)}


def karate_inverse_betweenness():
    """Karate with length 1/weight: networkx (float equality of path lengths), python-igraph
    (lengths equal within its ε = 1e-10) and exact Brandes on Fraction(1, w)."""
    g = inverse_lengths(karate())
    ig, weights = to_igraph(g)
    exact = exact_betweenness(g)
    n = g.number_of_nodes()
    igraph_raw = ig.betweenness(directed=False, weights=[1 / w for w in weights])
    check(same(igraph_raw, [float(x) for x in exact]), "igraph's karate 1/w betweenness equals the exact one")
    return {
        "nx_raw": nx_betweenness(g, False, "dist"),
        "nx_norm": nx_betweenness(g, True, "dist"),
        "igraph_raw": igraph_raw,
        "exact_norm": [float(2 * x / ((n - 1) * (n - 2))) for x in exact],
    }


def lazega_betweenness():
    d = lazega_directed()
    u = or_symmetrized(d)
    return {"d_raw": nx_betweenness(d, False), "d_norm": nx_betweenness(d, True),
            "u_raw": nx_betweenness(u, False), "u_norm": nx_betweenness(u, True)}


def rigraph314_betweenness():
    g = rigraph314()
    ig, lengths = to_igraph(g)
    igraph_raw = ig.betweenness(directed=False, weights=lengths)
    check(same(igraph_raw, [float(x) for x in exact_betweenness(g)]), "igraph's rigraph #314 betweenness is the exact one")
    # rigraph tests/testthat/test-betweenness.R: c("1"=0, "2"=44, "3"=71, "4"=36.5, "6"=44).
    check([igraph_raw[i] for i in (0, 1, 2, 3, 5)] == [0, 44, 71, 36.5, 44], "igraph gives rigraph's test expectation")
    return {"nx_raw": nx_betweenness(g, False, "weight"), "igraph_raw": igraph_raw}


def near_tie_betweenness():
    g = inverse_lengths(near_tie())
    ig, weights = to_igraph(g)
    igraph_raw = ig.betweenness(directed=False, weights=[1 / w for w in weights])
    check(same(igraph_raw, [float(x) for x in exact_betweenness(g)]), "igraph's near-tie betweenness is the exact one")
    return {"nx_raw": nx_betweenness(g, False, "dist"), "igraph_raw": igraph_raw}


# Structural holes.

def exact_holes(g, weighted):
    """Burt's measures with Fractions. Contacts N(i): in- and out-neighbours together; mutual weight
    a_ij + a_ji (a = 1 per tie when unweighted); p_ij = mutual/Σ_k mutual_ik; m_jq = mutual/max_k
    mutual_jk; local constraint c_ij = (p_ij + Σ_q p_iq p_qj)²; effective size Σ_j (1 − Σ_q p_iq m_jq).
    Per node (local constraints, constraint, effective size, |N(i)|), None for an isolate."""
    def a(u, v):
        return Fraction(g[u][v]["weight"] if weighted else 1) if g.has_edge(u, v) else Fraction(0)

    def mutual(u, v):
        return a(u, v) + a(v, u)

    contacts = {v: set(nx.all_neighbors(g, v)) - {v} for v in g}
    total = {v: sum(mutual(v, w) for w in contacts[v]) for v in g}
    largest = {v: max((mutual(v, w) for w in contacts[v]), default=0) for v in g}

    def p(u, v):
        return mutual(u, v) / total[u]

    def m(u, v):
        return mutual(u, v) / largest[u]

    result = {}
    for i in g:
        if not contacts[i]:
            result[i] = None
            continue
        local = [(p(i, j) + sum(p(i, q) * p(q, j) for q in contacts[i] if q != j)) ** 2 for j in sorted(contacts[i])]
        size = sum(1 - sum(p(i, q) * m(j, q) for q in contacts[i] if q != j) for j in contacts[i])
        result[i] = (local, sum(local), size, len(contacts[i]))
    return result


def hierarchy(local, constraint, contacts):
    """Burt's hierarchy Σ_j r_j ln r_j / (N ln N), r_j = c_ij/(C_i/N), N = |N(i)|, from the exact local
    constraints with math.log and math.fsum; NaN for fewer than two contacts."""
    if contacts < 2:
        return math.nan
    ratios = [float(c * contacts / constraint) for c in local]
    return math.fsum(r * math.log(r) for r in ratios) / (contacts * math.log(contacts))


def structural_holes(g, weighted, order=None):
    """igraph's constraint, networkx's per-node effective size, the exact effective size, efficiency
    and hierarchy, listed in `order` (default: node order); the agreement of networkx's constraint
    with the exact one is checked by the caller through the returned maxima."""
    order = list(g) if order is None else order
    weight = "weight" if weighted else None
    ig, weights = to_igraph(g)
    igraph_constraint = dict(zip(g, ig.constraint(weights=weights if weighted else None)))
    nx_constraint = nx.constraint(g, nodes=list(g), weight=weight)
    nx_size = nx.effective_size(g, nodes=list(g), weight=weight)
    exact = exact_holes(g, weighted)
    nan = math.nan
    exact_constraint = [float(exact[v][1]) if exact[v] else nan for v in order]
    exact_size = [float(exact[v][2]) if exact[v] else nan for v in order]
    values = {
        "constraint": [igraph_constraint[v] for v in order],
        "nx_constraint": [nx_constraint[v] for v in order],
        "nx_effective_size": [nx_size[v] for v in order],
        "exact_effective_size": exact_size,
        "efficiency": [float(exact[v][2] / exact[v][3]) if exact[v] else nan for v in order],
        "hierarchy": [hierarchy(exact[v][0], exact[v][1], exact[v][3]) if exact[v] else nan for v in order],
    }
    values["igraph_vs_exact"] = max_difference(values["constraint"], exact_constraint)
    values["nx_vs_exact"] = max_difference(values["nx_constraint"], exact_constraint)
    values["nx_constraint_nan"] = [i for i, x in enumerate(values["nx_constraint"]) if math.isnan(x) and exact[order[i]]]
    values["nx_size_nan"] = [i for i, x in enumerate(values["nx_effective_size"]) if math.isnan(x) and exact[order[i]]]
    values["size_vs_exact"] = max_difference(values["nx_effective_size"], exact_size, skip=values["nx_size_nan"])
    return values


def holes_structural_holes(weighted):
    g = holes()
    return structural_holes(g, weighted, order=sorted(g))


def karate_structural_holes(weighted):
    return structural_holes(karate(), weighted)


def florentine16_structural_holes():
    return structural_holes(florentine16(), False)


def lazega_structural_holes():
    return structural_holes(lazega_directed(), False)


def krackhardt_structural_holes():
    return structural_holes(krackhardt_advice(), False)


# Brokerage (Gould & Fernandez 1989) as sna::brokerage computes it.

def brokerage(g, group):
    """sna::brokerage(g, cl) for a directed graph. Raw counts as src/gli.c brokerage_R counts them:
    for every arc i → j and j → k (i, j, k distinct) with no arc i → k, broker j gets one role by
    groups: coordinator w_I [i j k], representative b_IO [i j][k], gatekeeper b_OI [i][j k],
    itinerant w_O [j][i k], liaison b_O [i][j][k]. Columns in sna's order w_I, w_O, b_IO, b_OI, b_O,
    t (the total). The moments of R/roles.R (density d = m/(N(N−1)) over the arcs) with exact
    fractions: per group exp.grp and var.grp (sd.grp = sqrt(float(var))), per node
    z.nli = (raw − float(exp))/sd in double (NaN where sd = 0), and the network level raw.gli,
    exp.gli, sd.gli, z.gli."""
    nodes = list(g)
    raw = {v: [0] * 5 for v in nodes}
    for i in nodes:
        for j in g.successors(i):
            if j == i:
                continue
            for k in g.successors(j):
                if k in (i, j) or g.has_edge(i, k):
                    continue
                gi, gj, gk = group[i], group[j], group[k]
                if gj == gi:
                    role = 0 if gj == gk else 2
                elif gj == gk:
                    role = 3
                elif gi == gk:
                    role = 1
                else:
                    role = 4
                raw[j][role] += 1
    raw = [raw[v] + [sum(raw[v])] for v in nodes]

    N = len(nodes)
    d = Fraction(g.number_of_edges(), N * (N - 1))
    classes = sorted(set(group[v] for v in nodes))
    sizes = {c: sum(1 for v in nodes if group[v] == c) for c in classes}
    p, q3, q4, q5 = d * d * (1 - d), d ** 3 * (1 - d) ** 3, d ** 4 * (1 - d) ** 2, d ** 5 * (1 - d)

    def choose2(x):
        return Fraction(x * (x - 1), 2)

    expected, variance = {}, {}
    for c in classes:
        ni, others = sizes[c], [sizes[o] for o in classes if o != c]
        e, v = [Fraction(0)] * 6, [Fraction(0)] * 6
        e[0] = p * (ni - 1) * (ni - 2)
        v[0] = e[0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q3
        e[1] = p * sum(x * (x - 1) for x in others)
        v[1] = e[1] * (1 - p) + 2 * sum(x * (x - 1) * (x - 2) for x in others) * q3
        e[2] = e[3] = p * (N - ni) * (ni - 1)
        v[2] = v[3] = e[2] * (1 - p) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q3
        e[4] = p * (sum(x * y for x in others for y in others) - sum(x * x for x in others))
        v[4] = e[4] * (1 - p) + 4 * sum(x * choose2(N - x - ni) * q3 for x in others)
        e[5] = p * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q3
        expected[c], variance[c] = e, v
    sd = {c: [math.sqrt(float(x)) for x in variance[c]] for c in classes}
    z = [[(raw[i][k] - float(expected[group[v]][k])) / sd[group[v]][k] if sd[group[v]][k] else math.nan for k in range(6)]
         for i, v in enumerate(nodes)]

    n = [sizes[c] for c in classes]
    e, v = [Fraction(0)] * 6, [Fraction(0)] * 6
    e[0] = p * sum(x * (x - 1) * (x - 2) for x in n)
    v[0] = e[0] * (1 - p) + sum(x * (x - 1) * (x - 2) * ((4 * x - 10) * q3 - 4 * (x - 3) * q4 + (x - 3) * q5) for x in n)
    e[1] = p * sum(x * (N - x) * (x - 1) for x in n)
    v[1] = e[1] * (1 - p) + (sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * q3 + (N - x - 1) * q5) for x in n for y in n)
                             - sum(x * x * (x - 1) * ((4 * x - 6) * q3 + (N - x - 1) * q5) for x in n))
    e[2] = e[3] = p * sum(x * (N - x) * (x - 1) for x in n)
    v[2] = v[3] = e[2] * (1 - p) + sum(x * (N - x) * (x - 1) * ((N - 3) * q3 + (x - 2) * q5) for x in n)
    e[4] = p * (sum(x * y * (N - x - y) for x in n for y in n) - sum(x * x * (N - 2 * x) for x in n))
    v[4] = e[4] * (1 - p)
    for a in range(len(n)):
        for b in range(len(n)):
            for c in range(len(n)):
                if a != b and b != c and a != c:
                    v[4] += n[a] * n[b] * n[c] * ((4 * (N - n[b]) - 2 * (n[a] + n[c] + 1)) * q3
                                                  - (4 * (N - n[c]) - 2 * (n[a] + n[b] + 1)) * q4
                                                  + (N - (n[a] + n[c] + 1)) * q5)
    e[5] = p * N * (N - 1) * (N - 2)
    v[5] = e[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * q3 - 4 * (N - 3) * q4 + (N - 3) * q5)
    network_raw = [sum(row[k] for row in raw) for k in range(6)]
    network_sd = [math.sqrt(float(x)) for x in v]
    return {
        "raw": raw, "z": z, "expected": expected, "sd": sd,
        "network_raw": network_raw, "network_expected": e, "network_sd": network_sd,
        "network_z": [(network_raw[k] - float(e[k])) / network_sd[k] for k in range(6)],
    }


def krackhardt_brokerage():
    g = krackhardt_advice()
    result = brokerage(g, {v: g.nodes[v]["group"] for v in g})
    check(result["network_raw"][5] == 500, "Krackhardt advice has 500 open two-paths")
    return result


# The Swift file.

def number(x):
    return ".nan" if math.isnan(x) else repr(float(x))

def doc(text):
    """A doc comment, wrapped to 110 columns."""
    for line in textwrap.wrap(text, width=110 - len("  /// "), break_long_words=False, break_on_hyphens=False):
        out(f"  /// {line}")


def array(name, values, comment):
    doc(comment)
    out(f"  static let {name}: [Double] = [")
    for i in range(0, len(values), 4):
        out("    " + ", ".join(number(x) for x in values[i:i + 4]) + ",")
    out("  ]")
    out()


def matrix(name, rows, show, comment):
    doc(comment)
    out(f"  static let {name}: [[Double]] = [")
    for row in rows:
        out("    [" + ", ".join(show(x) for x in row) + "],")
    out("  ]")
    out()


def here(call):
    """The function of this script that computes a value."""
    return f"brokers_reference.py `{call}`"


def betweenness_arrays():
    k = kite_betweenness()
    array("kiteNxRaw", k["raw"],
          f"{NX} `nx.betweenness_centrality(nx.krackhardt_kite_graph(), normalized=False)` (0 Andre … 9 Jane); "
          f"{IG} `g.betweenness()` gives the same floats. {here('kite_betweenness()')}.")
    array("kiteNxNorm", k["norm"],
          f"{NX} `nx.betweenness_centrality(nx.krackhardt_kite_graph(), normalized=True)`, {here('kite_betweenness()')}.")
    f = florentine16_betweenness()
    array("flo16NxRaw", f["raw"],
          f"{NX} `nx.betweenness_centrality(flo16, normalized=False)` (ids 1…16 of padgett_florentine/nodes.csv, "
          f"marriage ties, Pucci (id 12) isolated), {here('florentine16_betweenness()')}.")
    array("flo16NxNorm", f["norm"],
          f"{NX} `nx.betweenness_centrality(flo16, normalized=True)`, {here('florentine16_betweenness()')}.")
    k = karate_betweenness()
    array("karateNxRaw", k["raw"],
          f"{NX} `nx.betweenness_centrality(karate, normalized=False, weight=None)`, {here('karate_betweenness()')}.")
    array("karateNxNorm", k["norm"],
          f"{NX} `nx.betweenness_centrality(karate, normalized=True, weight=None)`, {here('karate_betweenness()')}.")
    k = karate_inverse_betweenness()
    array("karateInverseNxRaw", k["nx_raw"],
          f"{NX} `nx.betweenness_centrality(karate, normalized=False, weight='dist')` with dist = 1/weight as a "
          f"Python float (exact float equality of path lengths), {here('karate_inverse_betweenness()')}.")
    array("karateInverseNxNorm", k["nx_norm"],
          f"{NX} `nx.betweenness_centrality(karate, normalized=True, weight='dist')`, "
          f"{here('karate_inverse_betweenness()')}.")
    array("karateInverseIgraphRaw", k["igraph_raw"],
          f"{IG} `g.betweenness(directed=False, weights=[1/w …])` (ties within ε = 1e-10), "
          f"{here('karate_inverse_betweenness()')}; equal to the exact rational values (`exact_betweenness()`).")
    array("karateInverseExactNorm", k["exact_norm"],
          f"Exact Brandes on Fraction(1, w) (`exact_betweenness()`), normalized 2·raw/((n−1)(n−2)) ({IG} has no "
          f"`normalized`; its raw values equal the exact ones), {here('karate_inverse_betweenness()')}.")
    la = lazega_betweenness()
    array("lazDNxRaw", la["d_raw"],
          f"{NX} `nx.betweenness_centrality(laz_d, normalized=False)` (L01…L71, cowork arcs as surveyed, "
          f"directed), {here('lazega_betweenness()')}.")
    array("lazDNxNorm", la["d_norm"],
          f"{NX} `nx.betweenness_centrality(laz_d, normalized=True)`, {here('lazega_betweenness()')}.")
    array("lazUNxRaw", la["u_raw"],
          f"{NX} `nx.betweenness_centrality(laz_u, normalized=False)` (laz_u = cowork arcs OR-symmetrized, "
          f"weight 1), {here('lazega_betweenness()')}.")
    array("lazUNxNorm", la["u_norm"],
          f"{NX} `nx.betweenness_centrality(laz_u, normalized=True)`, {here('lazega_betweenness()')}.")
    r = rigraph314_betweenness()
    array("rigraph314NxRaw", r["nx_raw"],
          f"{NX} `nx.betweenness_centrality(G, normalized=False, weight='weight')` (exact float equality), "
          f"vertices in R-name order 1…16, {here('rigraph314_betweenness()')}.")
    array("rigraph314IgraphRaw", r["igraph_raw"],
          f"{IG} `g.betweenness(directed=False, weights=dists)` (ε = 1e-10), {here('rigraph314_betweenness()')}; "
          "equal to the exact values of the decimal lengths (`exact_betweenness()`) and to rigraph's own test "
          "expectation.")
    t = near_tie_betweenness()
    array("nearTieNxRaw", t["nx_raw"],
          f"{NX} `nx.betweenness_centrality(G, normalized=False, weight='dist')`, dist = 1/w, "
          f"{here('near_tie_betweenness()')}.")
    array("nearTieIgraphRaw", t["igraph_raw"],
          f"{IG} `g.betweenness(directed=False, weights=[1/w …])`, {here('near_tie_betweenness()')} (= exact, "
          "`exact_betweenness()`).")


def holes_arrays(prefix, values, call, what, weighted, exact_size=False, nan_note="", isolate=None):
    """The four arrays of one graph, with their doc comments; the agreements they state are checked."""
    bound = 3e-16
    check(values["igraph_vs_exact"] <= bound and values["nx_vs_exact"] <= bound,
          f"{what}: igraph's and networkx's constraint within {bound} of the exact one")
    check(bool(values["nx_constraint_nan"]) == bool(nan_note), f"{what}: networkx's constraint NaN only where noted")
    check(bool(values["nx_size_nan"]) == bool(nan_note), f"{what}: networkx's effective size NaN only where noted")
    isolate_note = ""
    if isolate is not None:
        index, name = isolate
        check(all(math.isnan(values[k][index]) for k in ("constraint", "nx_constraint", "nx_effective_size")),
              f"{what}: igraph and networkx give NaN at the isolate")
        isolate_note = f"; all three NaN at the isolate {name}"
    w = ", weight='weight'" if weighted else ""
    call = here(call)
    array(f"{prefix}Constraint", values["constraint"],
          f"{IG} `g.constraint({'weights=[weight …]' if weighted else ''})`, {call} ({what}); {NX} "
          f"`nx.constraint(G, nodes=list(G){w})` and the exact value agree with it within 3e-16"
          f"{isolate_note}{nan_note.format(what='networkx gives')}.")
    if exact_size:
        size_bound = 1e-14
        check(values["size_vs_exact"] <= size_bound, f"{what}: networkx's effective size within {size_bound} of the exact one")
        array(f"{prefix}EffectiveSize", values["exact_effective_size"],
              f"Exact (Fraction) effective size, {call} ({what}); {NX} `nx.effective_size(G, nodes=list(G){w})` "
              f"agrees within 1e-14{nan_note.format(what='it gives')}.")
    else:
        array(f"{prefix}EffectiveSize", values["nx_effective_size"],
              f"{NX} `nx.effective_size(G, nodes=list(G){w})` (per-node path), {call} ({what}).")
    array(f"{prefix}Efficiency", values["efficiency"],
          f"Exact effective size / |N(i)| (distinct neighbours, in and out together), {call} ({what}).")
    array(f"{prefix}Hierarchy", values["hierarchy"],
          f"Burt's hierarchy from the exact local constraints (`hierarchy()`: `math.log`, `math.fsum`), {call} "
          f"({what}); no networkx or igraph function exists.")


def structural_holes_arrays():
    holes_arrays("holes", holes_structural_holes(False), "holes_structural_holes(weighted=False)",
                 "holes, unweighted", False)
    holes_arrays("holesWeighted", holes_structural_holes(True), "holes_structural_holes(weighted=True)",
                 "holes, networkx's G_weights", True)
    holes_arrays("karate", karate_structural_holes(False), "karate_structural_holes(weighted=False)",
                 "karate unweighted", False)
    holes_arrays("karateWeighted", karate_structural_holes(True), "karate_structural_holes(weighted=True)",
                 "karate, strength = weight", True)
    holes_arrays("flo16", florentine16_structural_holes(), "florentine16_structural_holes()",
                 "flo16 with the isolate Pucci", False, isolate=(11, "Pucci"))
    values = lazega_structural_holes()
    check(values["nx_constraint_nan"] == [7] and values["nx_size_nan"] == [7], "laz_d: networkx gives NaN at L08 only")
    holes_arrays("lazD", values, "lazega_structural_holes()", "laz_d directed cowork", False, exact_size=True,
                 nan_note=" except at L08, where {what} NaN (a DiGraph node with no out-arcs: networkx's per-node "
                 "paths test `G[v]`, the successors only)")
    holes_arrays("krack", krackhardt_structural_holes(), "krackhardt_structural_holes()", "krack directed advice", False)


def brokerage_arrays():
    b = krackhardt_brokerage()
    matrix("krackRaw", b["raw"], str,
           f"sna::brokerage `raw.nli` as {here('brokerage()')} re-implements it, Krackhardt advice by department, "
           f"nodes 1…21, columns w_I, w_O, b_IO, b_OI, b_O, t; {here('krackhardt_brokerage()')}.")
    matrix("krackZ", b["z"], number,
           "sna::brokerage `z.nli` = (raw − exp)/sd in double (exp and var exact, sd = sqrt(float(var)); NaN where "
           f"sd = 0), nodes 1…21, {here('krackhardt_brokerage()')}.")


def main():
    out(f"// Reference values for the broker tests, generated by {SCRIPT} (tool")
    out(f"// versions pinned in Tests/References/requirements.txt: {NX}, {IG};")
    out("// sna::brokerage re-implemented in the script from its source). The values are the tools' own")
    out("// floats (`repr()`), one per node in node-id order; each array names the tool, the call and the")
    out("// function of the script that computes it. Do not edit: regenerate with")
    out(f"//   PYTHONHASHSEED=0 .venv-refs/bin/python {SCRIPT} \\")
    out("//     > Tests/SiloMetricsTests/Fixtures/BrokersReference.swift")
    out("// (`make references` shows any difference from this file).")
    out()
    out("enum BrokersReference {")
    betweenness_arrays()
    structural_holes_arrays()
    brokerage_arrays()
    out("}")


if __name__ == "__main__":
    main()
