#!/usr/bin/env python3
"""Regenerates Tests/References/silos_reference.md, the reference values of SiloScope's silo and
community tests (modularity, E-I index, mixing matrix, Freeman segregation, nominal assortativity,
Coleman homophily, the E-I permutation null, Leiden and Louvain on karate, partition comparison),
from the datasets in Datasets/ with the pinned tools of requirements.txt (networkx 3.6.1,
python-igraph 1.0.0, and numpy 2.4.6, which networkx's assortativity functions import):

    python3 -m venv .venv-refs && .venv-refs/bin/pip install -r Tests/References/requirements.txt
    PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/silos_reference.py \\
        > Tests/References/silos_reference.md

(`make references` runs it and shows any difference from the committed file.) The graphs are
built as Tests/SiloMetricsTests/Community/ReferenceNetworks.swift builds them. Exact values are
computed with fractions.Fraction beside the floats of networkx and python-igraph; netseg's
`ei`, `freeman` and `coleman` (R) are re-implemented from their source (mbojan/netseg R/ei.R,
R/freeman.R, R/coleman.R, R/mixingm.R).

The tests state their expected values in Swift. This script reads those tables from the test
files (swift_table()) and the single values it quotes (quoted(): the literal must occur in the
test file), and stops with an error (check()) when a value it computes is not the one a test
expects, or when a claim the tests' comments make about the tools is no longer true.
"""

import csv
import itertools
import math
import os
import random
import re
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import igraph  # noqa: E402
import networkx as nx  # noqa: E402
import numpy  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "Datasets"
TESTS = "Tests/SiloMetricsTests"
NX = f"networkx {nx.__version__}"
IG = f"python-igraph {igraph.__version__}"
NAN = float("nan")

# The largest |tool float − exact value| met anywhere in this file (§11).
ROUNDING = {"max": 0.0, "where": ""}


def out(line=""):
    sys.stdout.write(line + "\n")


def check(condition, what):
    if not condition:
        sys.exit(f"silos_reference.py: no longer true: {what}")


def rounding(tool, exact, where):
    """|tool − exact| (exact a Fraction), recorded for §11."""
    d = abs(Fraction(tool) - exact)
    if d > ROUNDING["max"]:
        ROUNDING["max"], ROUNDING["where"] = float(d), where
    return float(d)


def show(x):
    """An exact value and its float: `a/b (float)`, NaN as NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "NaN"
    x = Fraction(x)
    return f"{x}" if x.denominator == 1 else f"{x} ({float(x)!r})"


def ratio(a, b):
    """a/b as a Fraction, None (NaN) for 0/0 or x/0."""
    return None if b == 0 else Fraction(a) / Fraction(b)


# The expected values of the Swift tests.

def swift_value(text):
    """A Swift literal (numbers, .nan, enum cases, arrays, tuples, dictionaries, calls with labels)
    as a Python value: numbers as exact Fractions of their decimal text (so `35.0 / 136` is
    Fraction(35, 136) and `0.1791173570019724` that decimal), `.nan` as NAN, `.karate_u` as
    'karate_u', `Row(a, b: c)` as ('Row', [a], {'b': c})."""
    parts = re.split(r'("[^"]*")', re.sub(r"//[^\n]*", "", text))
    code = []
    for i, part in enumerate(parts):
        if i % 2:
            code.append(part)
            continue
        part = part.replace("Double.nan", "NAN").replace(".nan", "NAN")
        part = re.sub(r"\b(?:Ref|UInt64|Double|Int32)\b", "", part)
        part = re.sub(r"(?<![\w)\]])\.([A-Za-z_]\w*)", r"'\1'", part)
        part = re.sub(r"\b([A-Za-z_]\w*)\s*:", r"Label('\1'), ", part)
        part = re.sub(r"(?<![\w.'])(\d+(?:\.\d+)?(?:e-?\d+)?)", r"F('\1')", part)
        code.append(part)
    code = "".join(code)
    # Swift dictionaries ["a": 1] → {"a": 1}.
    code = re.sub(r'\[(\s*"[^"]*"\s*:[^\[\]]*)\]', r"{\1}", code)

    class Label(str):
        pass

    def call(name):
        def make(*items):
            args, labels, items = [], {}, list(items)
            while items:
                x = items.pop(0)
                if isinstance(x, Label):
                    labels[str(x)] = items.pop(0)
                else:
                    args.append(x)
            return name, args, labels
        return make

    names = {"F": Fraction, "NAN": NAN, "Label": Label}
    for name in set(re.findall(r"\b([A-Z]\w*)\(", code)) - {"F", "Label"}:
        names[name] = call(name)
    return eval(code, {"__builtins__": {}}, names)


def swift_text(path):
    return (ROOT / path).read_text(encoding="utf-8")


def swift_table(path, name):
    """The literal of `static let <name>… = [ … ]` in a Swift file."""
    text = swift_text(path)
    m = re.search(r"static let " + name + r"\b[^=]*=\s*\[", text)
    check(m is not None, f"{path} declares static let {name}")
    start, depth = m.end() - 1, 0
    for i in range(start, len(text)):
        if text[i] in "[(":
            depth += 1
        elif text[i] in "])":
            depth -= 1
            if depth == 0:
                return swift_value(text[start:i + 1])
    sys.exit(f"silos_reference.py: unbalanced brackets in {path} {name}")


def quoted(path, literal):
    """A value a test states inline: the literal must occur in the file; its value is returned."""
    check(literal in swift_text(path), f"{path} contains `{literal}`")
    return swift_value(literal)


def unpack(row):
    """('Row', args, labels) → (args, labels)."""
    return row[1], row[2]


# The reference graphs, as ReferenceNetworks.swift builds them.

class Net:
    """Nodes 0…n−1 in nodes.csv order (`ids`), `group[v]` the index of its group in sorted name
    order (`names`), `w[(u, v)]` the weight of each tie (undirected: u < v) or arc."""

    def __init__(self, ids, labels, directed, w, weighted):
        self.ids, self.directed, self.w, self.weighted = ids, directed, w, weighted
        self.names = sorted(set(labels))
        self.group = [self.names.index(x) for x in labels]
        self.n = len(ids)
        self.k = len(self.names)
        self.sizes = [self.group.count(g) for g in range(self.k)]

    def ties(self, weighted=None):
        """(u, v, w) with w = 1 when unweighted."""
        weighted = self.weighted if weighted is None else weighted
        return [(u, v, w if weighted else Fraction(1)) for (u, v), w in sorted(self.w.items())]

    def parts(self):
        return [{v for v in range(self.n) if self.group[v] == g} for g in range(self.k)]

    def nx(self):
        g = nx.DiGraph() if self.directed else nx.Graph()
        g.add_nodes_from(range(self.n))
        for v in range(self.n):
            g.nodes[v]["group"] = self.group[v]
        for (u, v), w in sorted(self.w.items()):
            g.add_edge(u, v, weight=int(w) if w.denominator == 1 else float(w))
        return g

    def igraph(self):
        edges = sorted(self.w.items())
        g = igraph.Graph(n=self.n, edges=[e for e, _ in edges], directed=self.directed)
        return g, [float(w) for _, w in edges]

    def multigraph(self):
        """The w-fold multigraph (integer weights): each tie w times."""
        edges = [e for e, w in sorted(self.w.items()) for _ in range(int(w))]
        return igraph.Graph(n=self.n, edges=edges, directed=self.directed)


def read(folder, relation=None, directed=False):
    """Datasets/<folder> as NetworkReader reads it: nodes in nodes.csv order with their `group`;
    ties of one relation (all rows when None); weights summed over repeated pairs (undirected:
    u → v and v → u add up); a row from a person to themselves set aside."""
    with open(DATASETS / folder / "nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ids = [r["id"] for r in rows]
    index = {x: i for i, x in enumerate(ids)}
    w = {}
    with open(DATASETS / folder / "edges.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if relation is not None and r["relation"] != relation:
                continue
            u, v = index[r["source"]], index[r["target"]]
            if u == v:
                continue
            key = (u, v) if directed else (min(u, v), max(u, v))
            w[key] = w.get(key, Fraction(0)) + Fraction(r["weight"])
    return ids, [r["group"] for r in rows], directed, w


def undirected_sum(net, weighted):
    """ReferenceNetworks.undirectedSum (weight = w(u→v) + w(v→u)), or its unweighted (OR) version."""
    w = {}
    for (u, v), x in net.w.items():
        key = (min(u, v), max(u, v))
        w[key] = w.get(key, Fraction(0)) + x
    if not weighted:
        w = dict.fromkeys(w, Fraction(1))
    return Net(net.ids, [net.names[g] for g in net.group], False, w, weighted)


KEYS = ["karate_u", "karate_w", "krack_adv_d", "krack_adv_u", "krack_adv_uw", "krack_fri_d",
        "lazega_cow_d", "lazega_cow_u", "lazega_cow_uw", "lazega_adv_d"]
CONSTRUCTION = {
    "karate_u": "zachary_karate, all rows, undirected, every tie weight 1",
    "karate_w": "zachary_karate, all rows, undirected, weight = interaction count",
    "krack_adv_d": "krackhardt_hightech `advice`, directed arcs",
    "krack_adv_u": "`krack_adv_d` made undirected, a tie when either arc exists (OR), weight 1",
    "krack_adv_uw": "`krack_adv_d` made undirected, weight = w(u→v) + w(v→u)",
    "krack_fri_d": "krackhardt_hightech `friendship`, directed arcs",
    "lazega_cow_d": "lazega_lawfirm `cowork`, directed arcs",
    "lazega_cow_u": "`lazega_cow_d` made undirected (OR), weight 1",
    "lazega_cow_uw": "`lazega_cow_d` made undirected, weight = w(u→v) + w(v→u)",
    "lazega_adv_d": "lazega_lawfirm `advice`, directed arcs",
}
SIBLING = {"karate_w": "karate_u", "krack_adv_uw": "krack_adv_u", "lazega_cow_uw": "lazega_cow_u"}


def network(key):
    """Ref.network() of ReferenceNetworks.swift."""
    if key.startswith("karate"):
        ids, labels, directed, w = read("zachary_karate")
        if key == "karate_u":
            w = dict.fromkeys(w, Fraction(1))
        return Net(ids, labels, False, w, key == "karate_w")
    folder, relation = {"krack_adv": ("krackhardt_hightech", "advice"), "krack_fri": ("krackhardt_hightech", "friendship"),
                        "lazega_cow": ("lazega_lawfirm", "cowork"), "lazega_adv": ("lazega_lawfirm", "advice")}[key.rsplit("_", 1)[0]]
    directed = Net(*read(folder, relation, directed=True), weighted=False)
    if key.endswith("_d"):
        return directed
    return undirected_sum(directed, weighted=key.endswith("_uw"))


def two_k4():
    """ReferenceNetworks.twoK4(): K4 on 0–3 (group 0), K4 on 4–7 (group 1), the bridge 3–4."""
    w = {(i, j): Fraction(1) for b in (0, 4) for i in range(b, b + 4) for j in range(i + 1, b + 4)}
    w[(3, 4)] = Fraction(1)
    return Net([str(i) for i in range(8)], ["0"] * 4 + ["1"] * 4, False, w, False)


NETS = {key: network(key) for key in KEYS}


def used_by(*tests):
    out("Used by: " + ", ".join(f"`{t}`" for t in tests) + ".")
    out()


# §0

def section0():
    out("## §0 The reference graphs")
    out()
    out("Built from `Datasets/` as `Tests/SiloMetricsTests/Community/ReferenceNetworks.swift` builds them "
        "(`read()`, `network()` of this script): nodes in `nodes.csv` order, which is the numeric id order "
        "(karate 0…33, Krackhardt 1…21, Lazega 1…71); groups (the `group` column) numbered in sorted name order; "
        "the ties of one relation, weights summed over repeated pairs, no ties from a person to themselves. "
        "Suffixes: `_d` directed arcs as surveyed; `_u` undirected, a tie when either arc exists (OR), weight 1; "
        "`_uw` undirected with weight w(u→v) + w(v→u) (`undirected_sum()`; the same graph as reading the "
        "relation as undirected, checked); `_w` karate's interaction counts as weights. The keys `_w`, `_uw` "
        "are evaluated with weights everywhere below, the others without. "
        f"M = ties (arcs when directed), W = Σ weights; {NX} `G.number_of_edges()` and `G.size(weight='weight')` "
        "of the same graph give M and W.")
    out()
    out("| key | graph | N | M | W | groups (sorted names): sizes |")
    out("|---|---|---|---|---|---|")
    shapes = {labels["key"]: labels for _, labels in map(unpack, swift_table(f"{TESTS}/Community/ReferenceNetworkTests.swift", "shapes"))}
    for key in KEYS:
        net = NETS[key]
        g = net.nx()
        m, w = len(net.w), sum(net.ties(weighted=True)[i][2] for i in range(len(net.w)))
        check(g.number_of_edges() == m and g.size(weight="weight") == w, f"{key}: networkx M and W")
        ids = [int(x) for x in net.ids]
        check(ids == list(range(ids[0], ids[0] + net.n)), f"{key}: nodes.csv lists the ids in numeric order")
        groups = dict(zip(net.names, net.sizes))
        s = shapes[key]
        check((s["nodes"], s["ties"], s["weight"], s["groups"]) == (net.n, m, w, groups),
              f"ReferenceNetworkTests.shapes {key} = N {net.n}, M {m}, W {w}, {groups}")
        out(f"| `{key}` | {CONSTRUCTION[key]} | {net.n} | {m} | {w} | "
            + ", ".join(f"{name}: {size}" for name, size in groups.items()) + " |")
    out()
    for folder, relation, key in (("krackhardt_hightech", "advice", "krack_adv_uw"), ("lazega_lawfirm", "cowork", "lazega_cow_uw")):
        w = read(folder, relation, directed=False)[3]
        check(w == NETS[key].w, f"reading {folder} {relation} as undirected gives `{key}`")
    club = swift_table(f"{TESTS}/Community/ReferenceNetworks.swift", "karateClub")
    check([int(x) for x in club] == NETS["karate_u"].group, "ReferenceNetworks.karateClub is the group column of karate")
    out("The karate club split (0 = Mr. Hi, 1 = Officer, node order 0…33) is the `group` column of "
        "`Datasets/zachary_karate/nodes.csv`: " + str(NETS["karate_u"].group).replace(" ", "") + ".")
    out()
    out("`twoK4` (`two_k4()`): two K4 on nodes 0–3 (group 0) and 4–7 (group 1) joined by the bridge 3–4; "
        "N 8, M 13, groups 4 + 4 (§9).")
    out()
    out("Used by: `ReferenceNetworkTests`, `ReferenceNetworks`, and through them every test below.")
    out()


# §1 Modularity.

def modularity_exact(net, partition, gamma, weighted):
    """Q and Q_c exactly: undirected Σ_c L_c/m − γ(K_c/2m)², directed (Leicht–Newman)
    Σ_c L_c/m − γ K_c^out K_c^in/m². None when there are no ties."""
    ties = net.ties(weighted)
    m = sum(w for _, _, w in ties)
    k = max(partition) + 1
    if m == 0:
        return None, [None] * k
    inside, kout, kin = [Fraction(0)] * k, [Fraction(0)] * k, [Fraction(0)] * k
    for u, v, w in ties:
        if partition[u] == partition[v]:
            inside[partition[u]] += w
        kout[partition[u]] += w
        kin[partition[v]] += w
    gamma = Fraction(gamma)
    if net.directed:
        per = [inside[c] / m - gamma * kout[c] * kin[c] / (m * m) for c in range(k)]
    else:
        per = [inside[c] / m - gamma * ((kout[c] + kin[c]) / (2 * m)) ** 2 for c in range(k)]
    return sum(per), per


def tool_modularity(net, gamma, weighted, membership=None):
    membership = net.group if membership is None else membership
    g = net.nx()
    parts = [{v for v in range(net.n) if membership[v] == c} for c in range(max(membership) + 1)]
    q_nx = nx.community.modularity(g, parts, weight="weight" if weighted else None, resolution=gamma)
    ig, weights = net.igraph()
    q_ig = ig.modularity(membership, weights=weights if weighted else None, resolution=gamma, directed=net.directed)
    return q_nx, q_ig


def section1():
    out("## §1 Modularity of the `group` partition")
    out()
    out("Exact Q (Fraction, `modularity_exact()`): undirected Newman–Girvan with resolution γ, "
        "Σ_c L_c/m − γ(K_c/2m)²; directed Leicht–Newman, Σ_c L_c/m − γ K_c^out K_c^in/m² (L_c = weight inside c, "
        "K_c = strength of c's members, m = Σ weights). Q_c = the term of group c (group order as in §0), so the "
        "column sums to Q exactly. Beside it "
        f"{NX} `nx.community.modularity(G, parts, weight=('weight' if weighted else None), resolution=γ)` and "
        f"{IG} `g.modularity(membership, weights=(w if weighted else None), resolution=γ, directed=G.is_directed())`; "
        "|Δ| = the larger distance of the two tools' floats from the exact Q.")
    out()
    out("| key | γ | Q exact | networkx | igraph | \\|Δ\\| | Q_c per group (exact, float) |")
    out("|---|---|---|---|---|---|---|")
    rows = {}
    for args, _ in map(unpack, swift_table(f"{TESTS}/Community/ModularityTests.swift", "rows")):
        rows[(args[0], args[1])] = args
    worst = 0.0
    for key in KEYS:
        net = NETS[key]
        for gamma in (Fraction(1), Fraction(1, 2), Fraction(2)):
            q, per = modularity_exact(net, net.group, gamma, net.weighted)
            q_nx, q_ig = tool_modularity(net, float(gamma), net.weighted)
            delta = max(rounding(q_nx, q, f"§1 {key} γ={gamma} networkx"), rounding(q_ig, q, f"§1 {key} γ={gamma} igraph"))
            worst = max(worst, delta)
            expected = rows.pop((key, gamma))
            check(Fraction(expected[2]) / Fraction(expected[3]) == q, f"ModularityTests.rows {key} γ={gamma}: Q = {q}")
            check(len(expected[4]) == len(per) and all(float(e) == float(c) for e, c in zip(expected[4], per)),
                  f"ModularityTests.rows {key} γ={gamma}: Q_c are the floats of the exact terms {per}")
            out(f"| `{key}` | {float(gamma):g} | {show(q)} | {q_nx!r} | {q_ig!r} | {delta:.1e} | "
                + "; ".join(show(c) for c in per) + " |")
    check(not rows, f"every row of ModularityTests.rows is computed here (left: {list(rows)})")
    check(worst <= 1.7e-16, "networkx and igraph within 1.7e-16 of the exact Q (ModularityTests.rows)")
    out()
    out(f"Largest |Δ| of the table: {worst:.3g} (≤ 1.7e-16, checked). The Q_c column of `ModularityTests.rows` is "
        "the floats of these exact terms (checked).")
    out()
    path = f"{TESTS}/Community/ModularityTests.swift"
    for key, literal in (("karate_w", "1453.0 / 4056"), ("krack_adv_uw", "-199.0 / 8410"), ("lazega_cow_uw", "29176.0 / 131769")):
        sibling = SIBLING[key]
        q_without, _ = modularity_exact(NETS[key], NETS[key].group, 1, weighted=False)
        q_sibling, _ = modularity_exact(NETS[sibling], NETS[sibling].group, 1, weighted=False)
        q_sibling_w, _ = modularity_exact(NETS[sibling], NETS[sibling].group, 1, weighted=True)
        check(q_without == q_sibling == q_sibling_w == quoted(path, literal),
              f"{key} without weights = {sibling} with or without weights = {literal}")
        out(f"- `{key}` evaluated without weights: Q = {show(q_without)}, the value of its unweighted sibling "
            f"`{sibling}` (whose ties all weigh 1, so with weights too).")
    out()
    q_d, _ = modularity_exact(NETS["krack_adv_d"], NETS["krack_adv_d"].group, 1, False)
    q_u, _ = modularity_exact(NETS["krack_adv_u"], NETS["krack_adv_u"].group, 1, False)
    q_uw, _ = modularity_exact(NETS["krack_adv_uw"], NETS["krack_adv_uw"].group, 1, True)
    check((q_d, q_u, q_uw) == (quoted(path, "67.0 / 3610"), quoted(path, "-199.0 / 8410"), quoted(path, "-111.0 / 14440")),
          "Krackhardt advice: directed 67/3610, OR −199/8410, sum of arcs −111/14440")
    out(f"Krackhardt advice, γ = 1: directed (Leicht–Newman) {show(q_d)}; OR-undirected `krack_adv_u` {show(q_u)}; "
        f"sum-of-arcs `krack_adv_uw` {show(q_uw)} (igraph's `directed=False` on the arcs gives the last, §11).")
    out()
    used_by("ModularityTests", "SiloScorecardTests", "SegregationTests.nominalAssortativity")


# §2 E-I index.

def contact_layer(net, weighted):
    """netseg `mixingm(g, 'group')` (R/mixingm.R): ties cross-classified by the groups of ego and
    alter; undirected folded onto the upper triangle (each tie once). With weights: sums of weights."""
    m = [[Fraction(0)] * net.k for _ in range(net.k)]
    for u, v, w in net.ties(weighted):
        a, b = net.group[u], net.group[v]
        if not net.directed and a > b:
            a, b = b, a
        m[a][b] += w
    return m


def ei_table(m):
    """netseg `ei.table` (R/ei.R): p = m/Σm; Σ off-diagonal p − Σ diagonal p."""
    total = sum(map(sum, m))
    inside = sum(m[g][g] for g in range(len(m)))
    return (total - 2 * inside) / total


def ei_counts(net, weighted):
    """E (between groups) and I (inside), ties or arcs, or weight sums."""
    e = i = Fraction(0)
    for u, v, w in net.ties(weighted):
        if net.group[u] == net.group[v]:
            i += w
        else:
            e += w
    return e, i


def section2():
    out("## §2 E-I index of the organization")
    out()
    out("E = ties (directed: arcs) between groups, I = inside; with weights, sums of weights; "
        "E-I = (E − I)/(E + I) (Krackhardt & Stern 1988), equal to netseg `ei(g, 'group')` as `ei_table()` "
        "re-implements it from mbojan/netseg R/ei.R on `mixingm`'s contact layer (checked; with weights, netseg "
        "on the w-fold multigraph). Share inside = I/(E + I).")
    out()
    out("| key | E | I | E-I | share inside | E_w | I_w | E-I weighted | share inside weighted |")
    out("|---|---|---|---|---|---|---|---|---|")
    rows = {args[0]: (args, labels) for args, labels in map(unpack, swift_table(f"{TESTS}/Homophily/ExternalInternalIndexTests.swift", "networks"))}
    values = {}
    for key in KEYS:
        net = NETS[key]
        e, i = ei_counts(net, False)
        ei = (e - i) / (e + i)
        check(ei_table(contact_layer(net, False)) == ei, f"{key}: netseg ei.table = (E − I)/(E + I)")
        args, labels = rows.pop(key)
        check((labels["external"], labels["internal"], Fraction(args[1]) / args[2]) == (e, i, ei),
              f"ExternalInternalIndexTests.networks {key}: E {e}, I {i}, E-I {ei}")
        cells = [str(e), str(i), show(ei), show(i / (e + i))]
        values[key] = ei
        if net.weighted:
            ew, iw = ei_counts(net, True)
            eiw = (ew - iw) / (ew + iw)
            check(ei_table(contact_layer(net, True)) == eiw, f"{key}: weighted netseg ei.table")
            we, wi, wn, wd = labels["weighted"]
            check((we, wi, Fraction(wn) / wd) == (ew, iw, eiw), f"ExternalInternalIndexTests.networks {key} weighted")
            cells += [str(ew), str(iw), show(eiw), show(iw / (ew + iw))]
            values[key + " weighted"] = eiw
        else:
            check(labels.get("weighted") is None, f"{key} has no weighted row")
            cells += ["", "", "", ""]
        out(f"| `{key}` | " + " | ".join(cells) + " |")
    check(not rows, "every row of ExternalInternalIndexTests.networks is computed here")
    out()
    pairs = swift_table(f"{TESTS}/Homophily/ExternalInternalIndexTests.swift", "sumOfArcs")
    for directed, summed, arcs, either in pairs:
        check(values[directed] == values[summed + " weighted"] == arcs and values[SIBLING[summed]] == either,
              f"sum-of-arcs identity {directed}/{summed}")
        out(f"- Identity: with weight = number of arcs between the pair, the weighted undirected E-I of `{summed}` "
            f"equals the directed arc E-I of `{directed}`, {show(arcs)}, and differs from the OR-undirected "
            f"`{SIBLING[summed]}`, {show(either)}.")
    out()
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    ew, iw = ei_counts(NETS["karate_w"], True)
    e, i = ei_counts(NETS["karate_u"], False)
    check(quoted(card, "206.0 / 231") == iw / (ew + iw) and quoted(card, "67.0 / 78") == i / (e + i), "karate shares inside")
    perm = f"{TESTS}/Homophily/EIPermutationTests.swift"
    check(quoted(perm, "-28.0 / 39") == values["karate_u"] and quoted(perm, "-181.0 / 231") == values["karate_w weighted"],
          "EIPermutationTests observed karate values")
    diagram = "Tests/SiloRenderTests/Diagrams/DiagramTests.swift"
    e, i = ei_counts(NETS["krack_adv_d"], False)
    check((e, i) == (quoted(diagram, "144"), quoted(diagram, "46")) and "between == 144" in swift_text(diagram)
          and "reduce(0, +) == 46" in swift_text(diagram),
          "DiagramTests: Krackhardt advice 144 arcs between departments, 46 inside")
    out("Krackhardt advice (`krack_adv_d`): 144 arcs between departments, 46 inside.")
    out()
    used_by("ExternalInternalIndexTests.networkLevel", "ExternalInternalIndexTests.sumOfArcsIdentity",
            "EIPermutationTests", "SiloScorecardTests", "DiagramTests.krackhardtDepartments", "MixingMatrixTests")


def group_ei(net, weighted):
    """Per group: I_g (inside, once), E_g (one end in g; directed: arcs out of or into g)."""
    inside, external = [Fraction(0)] * net.k, [Fraction(0)] * net.k
    for u, v, w in net.ties(weighted):
        a, b = net.group[u], net.group[v]
        if a == b:
            inside[a] += w
        else:
            external[a] += w
            external[b] += w
    return inside, external


def section2b():
    out("## §2b E-I index per group")
    out()
    out("I_g = ties inside g (once), E_g = ties with exactly one end in g (directed: arcs out of or into g); "
        "per tie (E_g − I_g)/(E_g + I_g), per endpoint (E_g − 2I_g)/(E_g + 2I_g). The `_w`/`_uw` rows use "
        "weights (\"(w)\"); evaluated without weights they give the rows of their unweighted sibling (checked). "
        "Share inside = I_g/(E_g + I_g).")
    out()
    out("| key | group | n_g | I_g | E_g | per tie | per endpoint | share inside |")
    out("|---|---|---|---|---|---|---|---|")
    rows = {(args[0], args[1]): labels for args, labels in map(unpack, swift_table(f"{TESTS}/Homophily/ExternalInternalIndexTests.swift", "groups"))}
    per_tie = {}
    for key in KEYS:
        net = NETS[key]
        inside, external = group_ei(net, net.weighted)
        for g, name in enumerate(net.names):
            i, e = inside[g], external[g]
            tie, end = (e - i) / (e + i), (e - 2 * i) / (e + 2 * i)
            per_tie[(key, name)] = tie
            r = rows.pop((key, name))
            check((r["size"], r["internal"], r["external"], Fraction(r["perTie"][0]) / r["perTie"][1],
                   Fraction(r["perEndpoint"][0]) / r["perEndpoint"][1]) == (net.sizes[g], i, e, tie, end),
                  f"ExternalInternalIndexTests.groups {key} {name}")
            out(f"| `{key}`{' (w)' if net.weighted else ''} | {name} | {net.sizes[g]} | {i} | {e} | {show(tie)} | "
                f"{show(end)} | {show(i / (e + i))} |")
        if net.weighted:
            sib_inside, sib_external = group_ei(NETS[SIBLING[key]], False)
            check(group_ei(net, False) == (sib_inside, sib_external), f"{key} without weights = {SIBLING[key]}")
    check(not rows, "every row of ExternalInternalIndexTests.groups is computed here")
    out()
    for key in ("krack_adv_d", "krack_adv_u", "krack_adv_uw", "krack_fri_d"):
        net = NETS[key]
        inside, external = group_ei(net, net.weighted)
        check(net.sizes[0] == 1 and inside[0] == 0 and external[0] > 0, f"{key}: group 0 is the CEO alone, E-I 1")
    out("Krackhardt group 0 is the CEO alone: no internal tie is possible, so its E-I is 1 in both conventions, "
        "in every relabelling too.")
    out()
    perm = f"{TESTS}/Homophily/EIPermutationTests.swift"
    check([quoted(perm, "-12.0 / 23"), quoted(perm, "-21.0 / 43")] == [per_tie[("karate_u", "Mr. Hi")], per_tie[("karate_u", "Officer")]],
          "EIPermutationTests karate per-group values")
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    check([quoted(card, "-81.0 / 131"), quoted(card, "-3.0 / 5"), quoted(card, "106.0 / 131"), quoted(card, "100.0 / 125"),
           quoted(card, "35.0 / 46"), quoted(card, "32.0 / 43")]
          == [per_tie[("karate_w", "Mr. Hi")], per_tie[("karate_w", "Officer")], Fraction(106, 131), Fraction(100, 125),
              Fraction(35, 46), Fraction(32, 43)], "SiloScorecardTests per-group karate values")
    diagram = "Tests/SiloRenderTests/Diagrams/DiagramTests.swift"
    check([per_tie[("krack_adv_d", str(g))] for g in range(5)] == [1, Fraction(17, 23), Fraction(13, 23), Fraction(57, 65), Fraction(3, 4)]
          and all(f"E-I index: {x}" in swift_text(diagram) for x in ("+1", "+0.74", "+0.57", "+0.88", "+0.75")),
          "DiagramTests: krack_adv_d per tie 1, 17/23, 13/23, 57/65, 3/4 (+1, +0.74, +0.57, +0.88, +0.75)")
    used_by("ExternalInternalIndexTests.groupLevel", "ExternalInternalIndexTests.weightedGraphsCountingTies",
            "EIPermutationTests", "SiloScorecardTests", "DiagramTests.krackhardtDepartments")


def person_counts(net, weighted, convention="ties"):
    """(E_i, I_i) per node. Undirected: over i's ties. Directed: `both` = every arc at i once, out
    and in (SiloScope's convention); `out` = i's out-arcs; `nb` = i's distinct neighbours, either
    direction."""
    e, i = [Fraction(0)] * net.n, [Fraction(0)] * net.n
    seen = set()
    for u, v, w in net.ties(weighted):
        same = net.group[u] == net.group[v]
        if convention == "out":
            ends = [u]
        elif convention == "nb":
            if (min(u, v), max(u, v)) in seen:
                continue
            seen.add((min(u, v), max(u, v)))
            ends, w = [u, v], Fraction(1)
        else:
            ends = [u, v]
        for x in ends:
            if same:
                i[x] += w
            else:
                e[x] += w
    return list(zip(e, i))


def cell(pair):
    e, i = pair
    return f"({e}, {i})"


def section2c():
    out("## §2c E-I index per person")
    out()
    out("(E_i, I_i) per node, in node order (as the arrays of `PersonEIReference.swift` write them); E-I_i = (E_i − I_i)/(E_i + I_i), NaN at 0/0. Undirected "
        "keys: over i's ties (with weights for `_w`/`_uw`: sums of weights). Directed keys, three conventions: "
        "`both` = every arc at i once, out and in (SiloScope's convention; it is i's strength in the `_uw` graph), "
        "`out` = i's out-arcs only, `nb` = i's distinct neighbours in either direction, once each.")
    out()
    person = f"{TESTS}/Homophily/PersonEIReference.swift"
    counts = {}
    for key in KEYS:
        net = NETS[key]
        if net.directed:
            for c in ("both", "out", "nb"):
                counts[(key, c)] = person_counts(net, False, c)
        else:
            counts[(key, "ties")] = person_counts(net, net.weighted)
    for key in ("karate_u", "karate_w", "krack_adv_u", "krack_adv_uw", "lazega_cow_u", "lazega_cow_uw"):
        expected = [tuple(x) for x in swift_table(person, key)]
        check(expected == counts[(key, "ties")], f"PersonEI.{key} = the per-person counts over i's ties")
    check([tuple(x) for x in swift_table(person, "krack_fri_d")] == counts[("krack_fri_d", "both")],
          "PersonEI.krack_fri_d = the `both` counts of krack_fri_d")
    check(counts[("krack_adv_d", "both")] == counts[("krack_adv_uw", "ties")], "krack_adv_d `both` = krack_adv_uw")
    check(counts[("lazega_cow_d", "both")] == counts[("lazega_cow_uw", "ties")], "lazega_cow_d `both` = lazega_cow_uw")
    fri = counts[("krack_fri_d", "both")]
    check(sum(e for e, _ in fri) == 128 == 2 * 64 and sum(i for _, i in fri) == 76 == 2 * 38, "krack_fri_d ΣE_i = 128, ΣI_i = 76")
    check(counts[("krack_fri_d", "out")][6] == (0, 0) and counts[("krack_fri_d", "nb")][6] == (3, 0) and fri[6] == (3, 0),
          "krack_fri_d id 7 (the CEO): out 0/0 (NaN), nb 3/0, both 3/0")
    tables = [
        ("Zachary's karate club", ["karate_u", "karate_w"]),
        ("Krackhardt's managers", ["krack_adv_u", "krack_adv_uw", "krack_adv_d", "krack_fri_d"]),
        ("Lazega's lawyers", ["lazega_cow_u", "lazega_cow_uw", "lazega_cow_d", "lazega_adv_d"]),
    ]
    for title, keys in tables:
        columns = [(k, c) for k in keys for c in (("both", "out", "nb") if NETS[k].directed else ("ties",))]
        out(f"### {title}")
        out()
        out("| id | group | " + " | ".join(f"`{k}`" + (f" {c}" if c != "ties" else "") for k, c in columns) + " |")
        out("|---|---|" + "---|" * len(columns))
        net = NETS[keys[0]]
        for v in range(net.n):
            out(f"| {net.ids[v]} | {net.names[net.group[v]]} | " + " | ".join(cell(counts[c][v]) for c in columns) + " |")
        out()
    out("Sums: `krack_fri_d` both ΣE_i = 128 = 2·64, ΣI_i = 76 = 2·38 (the §2 totals). Krackhardt friendship id 7 "
        "(the CEO, group 0) has no out-arcs and 3 incoming arcs from other departments: `out` (0, 0) (E-I NaN), "
        "`nb` (3, 0) and `both` (3, 0) (E-I 1).")
    out()
    karate = counts[("karate_u", "ties")]
    outside = [v for v in range(34) if karate[v][0] > 0]
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    check(outside == sorted(quoted(card, "[0, 1, 2, 8, 13, 19]") + quoted(card, "[9, 27, 28, 30, 31, 32, 33]")),
          "SiloScorecardTests.karateOutside = the persons with E_i > 0 in karate_u")
    lazega = counts[("lazega_cow_u", "ties")]
    alone = [NETS["lazega_cow_u"].ids[v] for v in range(71) if lazega[v][0] == 0]
    check(alone == ["54", "59", "67", "69"] and all(NETS["lazega_cow_u"].names[NETS["lazega_cow_u"].group[int(x) - 1]] == "litigation" for x in alone)
          and "54, 59, 67, 69" in swift_text(card) and "outside.count == 67" in swift_text(card),
          "lazega_cow_u: E_i = 0 for the litigators 54, 59, 67, 69 only (67 of 71 reach outside)")
    check(all(e > 0 for e, _ in counts[("krack_adv_d", "both")]) and "outside.count == 21" in swift_text(card),
          "krack_adv_d: all 21 reach outside")
    out("Persons with E_i > 0: `karate_u` " + ", ".join(map(str, outside)) + f" ({len(outside)}); `lazega_cow_u` all but "
        "the litigators " + ", ".join(alone) + " (67 of 71); `krack_adv_d` all 21.")
    out()
    used_by("PersonEIReference (PersonEI)", "ExternalInternalIndexTests.personLevel",
            "ExternalInternalIndexTests.directedPersonLevelFromTheRawFiles", "SiloScorecardTests")


# §3 Freeman.

def freeman_table(m, sizes):
    """netseg `freeman.table` (R/freeman.R): cct = Σm − Σdiag(m), n = Σm, ecct = n((Σsizes)² − Σsizes²)/
    (N(N − 1)), (ecct − cct)/ecct, no truncation at 0."""
    cct = sum(map(sum, m)) - sum(m[g][g] for g in range(len(m)))
    n, big = sum(map(sum, m)), sum(sizes)
    ecct = Fraction(n * (big * big - sum(s * s for s in sizes)), big * (big - 1))
    return cct, ecct, (ecct - cct) / ecct


def section3():
    out("## §3 Freeman's segregation index")
    out()
    out("S = (E[X] − X)/E[X], X = ties between groups (counted, not weighed), E[X] = M(N² − Σ n_g²)/(N(N − 1)); "
        "netseg `freeman(g, 'group')`, R/freeman.R `freeman.table` re-implemented in `freeman_table()` (no truncation "
        "at 0); undirected graphs only. The weighted keys have the same ties, hence the same value.")
    out()
    out("| key | M | X | E[X] | S |")
    out("|---|---|---|---|---|")
    rows = dict(swift_table(f"{TESTS}/Homophily/SegregationTests.swift", "freemanRows"))
    seg = f"{TESTS}/Homophily/SegregationTests.swift"
    notes = {"karate_u": "X = 11, E[X] = 442/11", "krack_adv_u": "X = 110, E[X] = 4727/42", "lazega_cow_u": "X = 192, E[X] = 178596/497"}
    for key in KEYS:
        net = NETS[key]
        if net.directed:
            continue
        x, ex, s = freeman_table(contact_layer(net, False), net.sizes)
        m = len(net.w)
        check(ex == Fraction(m * (net.n ** 2 - sum(n * n for n in net.sizes)), net.n * (net.n - 1)), f"{key}: E[X] formula")
        check(rows.pop(key) == s, f"SegregationTests.freemanRows {key} = {s}")
        if key in notes:
            check(notes[key] in swift_text(seg) and notes[key] == f"X = {x}, E[X] = {ex}", f"SegregationTests comment {notes[key]}")
        out(f"| `{key}` | {m} | {x} | {show(ex)} | {show(s)} |")
    check(not rows, "every row of SegregationTests.freemanRows is computed here")
    out()
    check(quoted(f"{TESTS}/Silos/SiloScorecardTests.swift", "321.0 / 442") == Fraction(321, 442), "SiloScorecard Freeman")
    used_by("SegregationTests.freeman", "SiloScorecardTests")


# §4 Assortativity.

def assortativity_exact(net, weighted):
    """Newman (2003) eq. 2: e_gh = share of tie ends (undirected: each tie both ways; directed: arcs
    g → h), a_g = Σ_h e_gh, b_h = Σ_g e_gh; r = (Σ e_gg − Σ a_g b_g)/(1 − Σ a_g b_g), Q_max = 1 − Σ a_g b_g."""
    e = [[Fraction(0)] * net.k for _ in range(net.k)]
    total = Fraction(0)
    for u, v, w in net.ties(weighted):
        a, b = net.group[u], net.group[v]
        e[a][b] += w
        total += w
        if not net.directed:
            e[b][a] += w
            total += w
    e = [[x / total for x in row] for row in e]
    a = [sum(row) for row in e]
    b = [sum(e[g][h] for g in range(net.k)) for h in range(net.k)]
    ab = sum(a[g] * b[g] for g in range(net.k))
    trace = sum(e[g][g] for g in range(net.k))
    return (trace - ab) / (1 - ab), 1 - ab


def section4():
    out("## §4 Nominal assortativity")
    out()
    out("r exact (`assortativity_exact()`, Newman 2003 eq. 2; e_gh from tie ends, undirected ties both ways, "
        "directed arcs from the source's group to the target's; with weights for `_w`/`_uw`), Q_max = 1 − Σ a_g b_g. "
        f"Beside it {NX} `nx.attribute_assortativity_coefficient(G, 'group')` (which ignores weights) and "
        f"{IG} `g.assortativity_nominal(membership, directed=G.is_directed())`, for the weighted keys on the w-fold "
        "multigraph (each tie w times; its `weights=` argument fails in 1.0.0 with \"SystemError: More keyword list "
        "entries (4) than format specifiers (3)\"); |Δ| = the larger distance of the tools' floats from the exact r (weighted keys: igraph's). Check: Q = r·Q_max is the modularity at γ = 1 with the same weighting (§1), exactly.")
    out()
    out("| key | r exact | networkx | igraph | \\|Δ\\| | Q_max | Q (= §1, γ = 1) |")
    out("|---|---|---|---|---|---|---|")
    rows = {args[0]: labels for args, labels in map(unpack, swift_table(f"{TESTS}/Homophily/SegregationTests.swift", "assortativity"))}
    nx_values = {}
    for key in KEYS:
        net = NETS[key]
        r, qmax = assortativity_exact(net, net.weighted)
        q, _ = modularity_exact(net, net.group, 1, net.weighted)
        check(q == r * qmax and r == q / qmax, f"{key}: r = Q/Q_max exactly")
        r_nx = nx.attribute_assortativity_coefficient(net.nx(), "group")
        nx_values[key] = r_nx
        if net.weighted:
            r_ig = net.multigraph().assortativity_nominal(net.group, directed=net.directed)
            r_plain, _ = assortativity_exact(net, False)
            delta = rounding(r_ig, r, f"§4 {key} igraph")
            check(delta <= 1.7e-16, f"{key}: igraph on the w-fold multigraph within 1.7e-16 of the exact r")
            check(Fraction(r_nx) - r_plain == 0 or abs(Fraction(r_nx) - r_plain) <= Fraction(1, 10 ** 15),
                  f"{key}: networkx gives the unweighted r")
        else:
            r_ig = net.igraph()[0].assortativity_nominal(net.group, directed=net.directed)
            delta = max(rounding(r_nx, r, f"§4 {key} networkx"), rounding(r_ig, r, f"§4 {key} igraph"))
            check(delta <= 1.7e-16, f"{key}: networkx and igraph within 1.7e-16 of the exact r")
        row = rows.pop(key)
        check(row["r"] == r and float(row["qMax"]) == float(qmax), f"SegregationTests.assortativity {key}: r {r}, Q_max {float(qmax)!r}")
        out(f"| `{key}` | {show(r)} | {r_nx!r}{' (unweighted)' if net.weighted else ''} | {r_ig!r} | {delta:.1e} | "
            f"{show(qmax)} | {show(q)} |")
    check(not rows, "every row of SegregationTests.assortativity is computed here")
    out()
    out("The Q_max column of `SegregationTests.assortativity` is the floats of these exact values (checked).")
    out()
    seg = f"{TESTS}/Homophily/SegregationTests.swift"
    for key, literal in (("karate_w", "1453.0 / 2025"), ("krack_adv_uw", "-199.0 / 6181"), ("lazega_cow_uw", "3647.0 / 8003")):
        r_plain, _ = assortativity_exact(NETS[key], False)
        check(r_plain == quoted(seg, literal) == assortativity_exact(NETS[SIBLING[key]], False)[0], f"{key}: unweighted r {literal}")
        check(abs(Fraction(nx_values[key]) - r_plain) <= Fraction(1, 10 ** 15), f"{key}: networkx's value is the unweighted r")
        out(f"- networkx ignores weights: on `{key}` it gives {nx_values[key]!r}, the unweighted r = {show(r_plain)} "
            f"(the value of `{SIBLING[key]}`).")
    check(repr(nx_values["karate_w"]) == "0.717530864197531" and "0.717530864197531" in swift_text(seg),
          "networkx on karate_w gives 0.717530864197531")
    out()
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    check(quoted(card, "557.0 / 711") == assortativity_exact(NETS["karate_w"], True)[0]
          and quoted(card, "1453.0 / 2025") == assortativity_exact(NETS["karate_u"], False)[0], "SiloScorecard assortativity")
    used_by("SegregationTests.nominalAssortativity", "SegregationTests.unweightedOnWeightedGraphsIsNetworkX", "SiloScorecardTests")


# §5 Coleman.

def coleman_table(m, sizes):
    """netseg `coleman.table` (R/coleman.R) on a directed contact layer m: d_g = rowSums, E_g =
    d_g(n_g − 1)/(N − 1), (m_gg − E_g)/(d_g − E_g), replaced by (m_gg − E_g)/E_g where m_gg ≤ E_g;
    None (NaN) for 0/0."""
    big = sum(sizes)
    result = []
    for g, size in enumerate(sizes):
        d, inside = sum(m[g]), m[g][g]
        expected = d * Fraction(size - 1, big - 1)
        index = ratio(inside - expected, expected) if inside <= expected else ratio(inside - expected, d - expected)
        result.append((d, inside, expected, index))
    return result


def mutual_layer(net, weighted):
    """The contact layer of `as.directed(g, 'mutual')` (undirected: each tie both ways), weights summed."""
    m = [[Fraction(0)] * net.k for _ in range(net.k)]
    for u, v, w in net.ties(weighted):
        a, b = net.group[u], net.group[v]
        m[a][b] += w
        if not net.directed:
            m[b][a] += w
    return m


def section5():
    out("## §5 Coleman's homophily index")
    out()
    out("netseg `coleman(g, 'group')`, R/coleman.R `coleman.table` re-implemented in `coleman_table()`: d_g = tie ends "
        "of g's members (directed: out-arcs; undirected: Σ degrees), m_gg = tie ends inside (directed: arcs within; "
        "undirected: 2 × internal ties), E_g = d_g (n_g − 1)/(N − 1), index (m_gg − E_g)/(d_g − E_g) when m_gg > E_g, "
        "else (m_gg − E_g)/E_g. Undirected graphs as netseg on `as.directed(g, 'mutual')`; the `(w)` rows use weights "
        "(an extension, not netseg). NaN = 0/0: Krackhardt group 0 is the CEO alone (n_g = 1 ⇒ E_g = 0 = m_gg).")
    out()
    out("| key | group | n_g | d_g | m_gg | E_g | index |")
    out("|---|---|---|---|---|---|---|")
    rows = {(args[0], args[1]): labels for args, labels in map(unpack, swift_table(f"{TESTS}/Homophily/SegregationTests.swift", "coleman"))}
    values = {}
    for key in KEYS:
        net = NETS[key]
        for g, (d, inside, expected, index) in enumerate(coleman_table(mutual_layer(net, net.weighted), net.sizes)):
            name = net.names[g]
            values[(key, name)] = index
            r = rows.pop((key, name))
            same_index = (index is None and math.isnan(r["index"])) or (index is not None and r["index"] == index)
            check((r["size"], r["ends"], r["inside"], r["expected"]) == (net.sizes[g], d, inside, expected) and same_index,
                  f"SegregationTests.coleman {key} {name}: d {d}, m {inside}, E {expected}, index {index}")
            out(f"| `{key}`{' (w)' if net.weighted else ''} | {name} | {net.sizes[g]} | {d} | {inside} | {show(expected)} | {show(index)} |")
    check(not rows, "every row of SegregationTests.coleman is computed here")
    check(values[("krack_fri_d", "0")] is None and coleman_table(mutual_layer(NETS["krack_fri_d"], False), NETS["krack_fri_d"].sizes)[0][:3] == (0, 0, 0),
          "krack_fri_d group 0: d_g = 0, E_g = d_g (n_g − 1)/(N − 1) = 0, NaN")
    out()
    out("Krackhardt friendship group 0 (the CEO, no out-arcs): d_g = 0 and E_g = d_g (n_g − 1)/(N − 1) = 0, index NaN.")
    out()
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    check([quoted(card, x) for x in ("1068.0 / 1343", "40.0 / 51", "338.0 / 459", "304.0 / 425")]
          == [values[("karate_w", "Mr. Hi")], values[("karate_w", "Officer")], values[("karate_u", "Mr. Hi")], values[("karate_u", "Officer")]]
          and values[("krack_adv_d", "0")] is None, "SiloScorecard Coleman values")
    used_by("SegregationTests.colemanHomophily", "SiloScorecardTests", "Sources/SiloMetrics/Homophily/Segregation.swift (comment)")


# §6 Mixing.

def mixing(net, weighted):
    """SiloScope's mixing matrix: rows = from-group; undirected symmetric with the diagonal = ties
    inside once (netseg `mixingm` folds the same counts onto the upper triangle)."""
    m = [[Fraction(0)] * net.k for _ in range(net.k)]
    for u, v, w in net.ties(weighted):
        a, b = net.group[u], net.group[v]
        m[a][b] += w
        if not net.directed and a != b:
            m[b][a] += w
    return m


def densities(net, counts):
    s = net.sizes
    return [[ratio(counts[g][h], (s[g] * (s[g] - 1) // (1 if net.directed else 2)) if g == h else s[g] * s[h])
             for h in range(net.k)] for g in range(net.k)]


def matrix(rows):
    return "[" + ", ".join("[" + ", ".join("NaN" if x is None else str(x) for x in row) + "]" for row in rows) + "]"


def same_matrix(expected, computed):
    return len(expected) == len(computed) and all(
        len(a) == len(b) and all((y is None and isinstance(x, float) and math.isnan(x)) or (y is not None and x == y) for x, y in zip(a, b))
        for a, b in zip(expected, computed))


def section6():
    out("## §6 Mixing matrices")
    out()
    out("Tie counts C (rows = from-group; undirected symmetric, the diagonal = ties inside once; netseg `mixingm` "
        "holds the same counts folded onto the upper triangle), densities (within C[g][g]/(n_g(n_g − 1)/2) undirected, "
        "/(n_g(n_g − 1)) directed; between C[g][h]/(n_g n_h); NaN where no tie is possible: the CEO alone), and for the "
        "weighted keys the sums of weights (their counts and densities are the unweighted sibling's). Group order as §0.")
    out()
    rows = {args[0]: labels for args, labels in map(unpack, swift_table(f"{TESTS}/Homophily/MixingMatrixTests.swift", "rows"))}
    counts = {}
    for key in KEYS:
        net = NETS[key]
        c = mixing(net, False)
        d = densities(net, c)
        counts[key] = c
        r = rows.pop(key)
        if net.weighted:
            w = mixing(net, True)
            check(same_matrix(r["weights"], w) and c == mixing(NETS[SIBLING[key]], False), f"MixingMatrixTests.rows {key} weights")
            out(f"- `{key}` weights {matrix(w)}; counts and densities those of `{SIBLING[key]}`.")
        else:
            check(same_matrix(r["counts"], c) and same_matrix(r["densities"], d), f"MixingMatrixTests.rows {key} counts and densities")
            out(f"- `{key}` counts {matrix(c)}; densities {matrix(d)}.")
    check(not rows, "every row of MixingMatrixTests.rows is computed here")
    out()
    adv = counts["krack_adv_d"]
    both = [[adv[g][h] + adv[h][g] for h in range(5)] for g in range(5)]
    card = f"{TESTS}/Silos/SiloScorecardTests.swift"
    check([both[2][h] for h in (3, 1, 4)] == quoted(card, "[33, 28, 22]") and [both[0][h] for h in (1, 2, 3)] == quoted(card, "[8, 7, 4]")
          and [both[2][h] for h in (0, 1, 3, 4)] == [mixing(NETS["krack_adv_uw"], True)[2][h] for h in (0, 1, 3, 4)],
          "SiloScorecardTests Krackhardt partners")
    dens = densities(NETS["krack_adv_d"], adv)
    check([dens[g][g] for g in range(1, 5)] == quoted(card, "[9.0 / 20, 25.0 / 56, 2.0 / 3, 2.0 / 3]") and dens[0][0] is None,
          "SiloScorecardTests Krackhardt internal densities")
    kd = densities(NETS["karate_u"], counts["karate_u"])
    check([kd[0][0], kd[1][1]] == [quoted(card, "35.0 / 136"), quoted(card, "4.0 / 17")], "SiloScorecard karate densities")
    out("Krackhardt advice, arcs both ways per pair of departments (C[g][h] + C[h][g], the `krack_adv_uw` weights): "
        f"department 2 with 0, 1, 3, 4: {both[2][0]}, {both[2][1]}, {both[2][3]}, {both[2][4]}; the CEO (0) with 1, 2, 3, 4: "
        f"{both[0][1]}, {both[0][2]}, {both[0][3]}, {both[0][4]}. Karate: 11 ties between the factions, weighing 25.")
    out()
    used_by("MixingMatrixTests", "SiloScorecardTests")


# §7 Community detection on karate.

def same_partition(a, b):
    """Equal up to the numbering of the communities."""
    first = {}
    return len(a) == len(b) and all(first.setdefault(x, y) == y for x, y in zip(a, b)) and len(set(first.values())) == len(first)


def cpm_quality(net, membership, gamma):
    """Traag's H = Σ_c (e_c − γ n_c(n_c − 1)/2), and python-igraph's CPM `quality`, (Σ_c e_c − γ Σ_c n_c²/2)/m."""
    k = max(membership) + 1
    e = [0] * k
    for u, v, _ in net.ties(False):
        if membership[u] == membership[v]:
            e[membership[u]] += 1
    n = Counter(membership)
    gamma = Fraction(gamma)
    h = sum(e) - gamma * sum(Fraction(n[c] * (n[c] - 1), 2) for c in n)
    q = (sum(e) - gamma * sum(Fraction(n[c] * n[c], 2) for c in n)) / len(net.w)
    return h, q


def section7():
    out("## §7 Leiden and Louvain on karate")
    out()
    out(f"{IG}: its random numbers come from Python's `random` module, so seed s is `random.seed(s)` before each call; "
        "seeds 0…99. `karateBest` = `ReferenceNetworks.karateBest`.")
    out()
    net_u, net_w = NETS["karate_u"], NETS["karate_w"]
    g, _ = net_u.igraph()
    _, weights = net_w.igraph()  # the same ties in the same order, with karate's weights
    best = [int(x) for x in swift_table(f"{TESTS}/Community/ReferenceNetworks.swift", "karateBest")]
    q_best, _ = modularity_exact(net_u, best, 1, False)
    q_best_w, _ = modularity_exact(net_w, best, 1, True)
    leiden = f"{TESTS}/Community/LeidenTests.swift"
    louvain = f"{TESTS}/Community/LouvainTests.swift"
    check(q_best == quoted(leiden, "1277.0 / 3042") == Fraction(1277, 3042) and q_best_w == quoted(leiden, "323.0 / 726"),
          "karateBest: Q 1277/3042 unweighted, 323/726 weighted")

    def runs(call):
        found = []
        for seed in range(100):
            random.seed(seed)
            found.append(call())
        return found

    found = runs(lambda: g.community_leiden(objective_function="modularity", n_iterations=-1))
    check(all(abs(Fraction(c.modularity) - q_best) <= Fraction(1, 10 ** 15) and same_partition(c.membership, best) for c in found),
          "igraph Leiden (modularity) reaches 1277/3042 with karateBest for all 100 seeds")
    values = Counter(c.modularity for c in found)
    out(f"- Unweighted, `g.community_leiden(objective_function='modularity', n_iterations=-1)`: "
        + ", ".join(f"{q!r} for {n} seeds" for q, n in values.most_common())
        + f", each time `karateBest` (4 communities), whose exact Q is {show(q_best)}, the proven optimum "
        "(Brandes et al. 2008).")
    found = runs(lambda: g.community_leiden(objective_function="modularity", n_iterations=-1, weights=weights))
    top = [c for c in found if same_partition(c.membership, best)]
    rest = Counter(g.modularity(c.membership, weights=weights) for c in found if not same_partition(c.membership, best))
    check(len(top) == 95 and all(abs(Fraction(c.quality) - q_best_w) <= Fraction(1, 10 ** 15) for c in top)
          and list(rest) == [0.44385412567230753] and "0.44385412567230753" in swift_text(leiden),
          "weighted igraph Leiden: karateBest (323/726) for 95 seeds, 0.44385412567230753 for 5")
    out(f"- Weighted (`weights=weight`): `karateBest` for {len(top)} seeds, Q = {show(q_best_w)} exactly "
        f"(igraph `quality` {top[0].quality!r}); the other {sum(rest.values())} seeds another partition, "
        f"`g.modularity(membership, weights=weight)` {', '.join(map(repr, rest))}.")
    found = runs(lambda: g.community_leiden(objective_function="CPM", resolution=0.1))
    scored = [(cpm_quality(net_u, c.membership, Fraction(1, 10)), c.quality) for c in found]
    (h_best, q_cpm), igraph_quality = max(scored, key=lambda x: x[0][0])
    check(h_best == quoted(leiden, "431/10") and q_cpm == Fraction(69, 130) and "69/130" in swift_text(leiden)
          and abs(Fraction(igraph_quality) - q_cpm) <= Fraction(1, 10 ** 15), "CPM γ = 0.1: best H 431/10, igraph quality 69/130")
    h_club, _ = cpm_quality(net_u, net_u.group, Fraction(1, 10))
    check(h_club == Fraction(398, 10) and "39.8" in swift_text(leiden), "CPM club split H = 39.8")
    out(f"- CPM, `g.community_leiden(objective_function='CPM', resolution=0.1)` (igraph's default objective; the "
        "setting of Microsoft's vivainsights, whose `network_p2p` example passes `comm_args = {\"resolution\": 0.1}` "
        f"with `community = \"leiden\"`): best Traag H = Σ_c (e_c − γ n_c(n_c − 1)/2) = {show(h_best)}; igraph's "
        f"`quality` of it is (Σ_c e_c − γ Σ_c n_c²/2)/m = {show(q_cpm)} (igraph {igraph_quality!r}). "
        f"H of the club split: {show(h_club)} (67 ties inside, 2·C(17, 2) = 272 pairs).")
    found = runs(lambda: g.community_multilevel())
    values = Counter(c.modularity for c in found)
    top = [c for c in found if same_partition(c.membership, best)]
    worst = min(values)
    check(len(top) == 23 and values[0.41880341880341876] == 29 and worst == 0.3920118343195266
          and all(x in swift_text(louvain) for x in ("23 seeds", "0.41880341880341876", "29", "0.3920118343195266")),
          "igraph multilevel: 23 seeds karateBest, 29 at 0.41880341880341876, worst 0.3920118343195266")
    check(all(same_partition(c.membership, best) for c in found if abs(Fraction(c.modularity) - q_best) <= Fraction(1, 10 ** 15)),
          "every multilevel result at 1277/3042 is karateBest")
    out(f"- Louvain, `g.community_multilevel()` (unweighted): 1277/3042 (`karateBest`) for {len(top)} seeds, "
        f"0.41880341880341876 for {values[0.41880341880341876]}, worst {worst!r}. All values: "
        + ", ".join(f"{q!r} ×{n}" for q, n in sorted(values.items(), reverse=True)) + ".")
    G = net_u.nx()
    values = Counter(nx.community.modularity(G, nx.community.louvain_communities(G, seed=s)) for s in range(100))
    check(min(values) == 0.3853550295857988 and "0.3853550295857988" in swift_text(louvain), "networkx Louvain worst 0.3853550295857988")
    out(f"- {NX} `nx.community.louvain_communities(G, seed=s)`, Q by `nx.community.modularity`: worst {min(values)!r}, best "
        f"{max(values)!r} ({values[max(values)]} seeds).")
    out()
    used_by("LeidenTests", "LouvainTests", "ReferenceNetworks.karateBest", "PartitionComparisonTests")


# §8 Partition comparison.

def entropy(sizes, n):
    return -math.fsum(s / n * math.log(s / n) for s in sizes if s)


def pair_counts(x, y):
    n = len(x)
    table = Counter(zip(x, y))
    sx, sy = Counter(x), Counter(y)

    def c2(k):
        return k * (k - 1) // 2
    total, a, b, nij = c2(n), sum(map(c2, sx.values())), sum(map(c2, sy.values())), sum(map(c2, table.values()))
    rand = Fraction(total + 2 * nij - a - b, total)
    expected = Fraction(a * b, total)
    ari = (nij - expected) / (Fraction(a + b, 2) - expected)
    return rand, ari


def information(x, y):
    n = len(x)
    hx, hy = entropy(Counter(x).values(), n), entropy(Counter(y).values(), n)
    cx, cy = Counter(x), Counter(y)
    i = math.fsum(c / n * math.log(c * n / (cx[a] * cy[b])) for (a, b), c in Counter(zip(x, y)).items())
    return hx, hy, i


def split_join(x, y):
    table = Counter(zip(x, y))
    px = sum(max(c for (a, _), c in table.items() if a == g) for g in set(x))
    py = sum(max(c for (_, b), c in table.items() if b == h) for h in set(y))
    return len(x) - px, len(x) - py


def section8():
    out("## §8 Partition comparison")
    out()
    out(f"{IG} `igraph.compare_communities(X, Y, method=m)` for m = nmi, vi, adjusted_rand, rand and "
        "`igraph.split_join_distance(X, Y)`; beside them the hand values: entropies with natural logarithms "
        "(`math.log`, `math.fsum`), I = Σ p_xy ln(p_xy/(p_x p_y)), NMI = 2I/(H_X + H_Y), VI = H_X + H_Y − 2I; Rand and ARI "
        "exactly from pair counts (Hubert & Arabie 1985); split-join = (n − Σ row maxima, n − Σ column maxima).")
    out()
    comp = f"{TESTS}/Community/PartitionComparisonTests.swift"
    x = [int(v) for v in swift_table(f"{TESTS}/Community/ReferenceNetworks.swift", "karateClub")]
    y = [int(v) for v in swift_table(f"{TESTS}/Community/ReferenceNetworks.swift", "karateBest")]
    tools = {m: igraph.compare_communities(x, y, method=m) for m in ("nmi", "vi", "adjusted_rand", "rand")}
    sj = igraph.split_join_distance(x, y)
    hx, hy, i = information(x, y)
    rand, ari = pair_counts(x, y)
    check(sj == (12, 1) == split_join(x, y), "karate split-join (12, 1)")
    check(repr(tools["nmi"]) == "0.5878497068250671" and repr(tools["vi"]) == "0.8299953857494791"
          and repr(tools["adjusted_rand"]) == "0.46459109844332364" and repr(tools["rand"]) == "0.7361853832442067"
          and all(v in swift_text(comp) for v in ("0.5878497068250671", "0.8299953857494791", "0.46459109844332364", "0.7361853832442067")),
          "igraph compare_communities on karate club vs karateBest")
    check(ari == quoted(comp, "2119.0 / 4561") and rand == quoted(comp, "413.0 / 561"), "karate ARI 2119/4561, Rand 413/561")
    check(hx == math.log(2) and repr(hy) == "1.3206701076815464" and repr(i) == "0.5919109512460062"
          and "1.3206701076815464" in swift_text(comp) and "0.5919109512460062" in swift_text(comp), "karate hand entropies")
    check(abs(2 * i / (hx + hy) - tools["nmi"]) <= 1e-15 and hx + hy - 2 * i == tools["vi"], "hand NMI and VI = igraph's")
    rounding(tools["adjusted_rand"], ari, "§8 igraph ARI")
    rounding(tools["rand"], rand, "§8 igraph Rand")
    out("### Karate club (X = `karateClub`) against the best multilevel partition (Y = `karateBest`, Q = 1277/3042)")
    out()
    out(f"igraph: nmi {tools['nmi']!r}, vi {tools['vi']!r}, adjusted_rand {tools['adjusted_rand']!r}, rand {tools['rand']!r}; "
        f"split_join_distance {sj}, total {sum(sj)}.")
    out()
    out(f"Hand: H_X = ln 2 = {hx!r}, H_Y = {hy!r}, I = {i!r}; NMI = {2 * i / (hx + hy)!r}, VI = {hx + hy - 2 * i!r}; "
        f"ARI = {show(ari)}, Rand = {show(rand)}.")
    out()
    x, y = [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]
    tools = {m: igraph.compare_communities(x, y, method=m) for m in ("nmi", "vi", "adjusted_rand", "rand")}
    rand, ari = pair_counts(x, y)
    nmi = 4 / 3 * math.log(2) / math.log(6)
    vi = math.log(3) - math.log(2) / 3
    check(rand == quoted(comp, "2.0 / 3") and ari == quoted(comp, "8.0 / 33") and split_join(x, y) == (2, 1)
          and igraph.split_join_distance(x, y) == (2, 1), "hand case Rand 2/3, ARI 8/33, split-join 2 + 1")
    check(repr(nmi) == "0.5158037429793888" and "0.5158037429793888" in swift_text(comp), "hand case NMI 0.5158037429793888")
    spread = max(abs(tools["nmi"] - nmi), abs(tools["vi"] - vi), rounding(tools["adjusted_rand"], ari, "§8 hand ARI"),
                 rounding(tools["rand"], rand, "§8 hand Rand"))
    check(spread <= 4.5e-16, "igraph agrees with the hand case within 4.5e-16")
    out("### Hand case X = [0,0,0,1,1,1], Y = [0,0,1,1,2,2]")
    out()
    out(f"Closed form: H_X = ln 2, H_Y = ln 3, I = (2/3) ln 2, NMI = (4/3) ln 2 / ln 6 = {nmi!r}, VI = ln 3 − (1/3) ln 2 "
        f"= {vi!r}, Rand = {show(rand)}, ARI = {show(ari)}, split-join = 2 + 1 = 3. igraph: nmi {tools['nmi']!r}, vi "
        f"{tools['vi']!r}, adjusted_rand {tools['adjusted_rand']!r}, rand {tools['rand']!r}, split_join_distance "
        f"{igraph.split_join_distance(x, y)}; largest difference {spread:.2g} (≤ 4.5e-16, checked).")
    out()
    used_by("PartitionComparisonTests")


# §9 Two K4 with a bridge.

def set_partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for p in set_partitions(rest):
        for i in range(len(p)):
            yield p[:i] + [[first] + p[i]] + p[i + 1:]
        yield [[first]] + p


def section9():
    out("## §9 Two K4 joined by a bridge")
    out()
    net = two_k4()
    out("`twoK4` of §0. Closed forms, exact, with the tools beside them.")
    out()
    mod = f"{TESTS}/Community/ModularityTests.swift"
    expected = {Fraction(1): quoted(mod, "11.0 / 26"), Fraction(1, 2): quoted(mod, "35.0 / 52"), Fraction(2): quoted(mod, "-1.0 / 13")}
    for gamma, value in expected.items():
        q, per = modularity_exact(net, net.group, gamma, False)
        q_nx, q_ig = tool_modularity(net, float(gamma), False)
        d = max(rounding(q_nx, q, f"§9 γ={gamma} networkx"), rounding(q_ig, q, f"§9 γ={gamma} igraph"))
        check(q == value and per == [q / 2, q / 2] and d <= 1e-16, f"twoK4 Q({gamma}) = {value}, Q_c = Q/2, tools within 1e-16")
        out(f"- Modularity γ = {float(gamma):g}: Q = {show(q)}, Q_c = {show(q / 2)} per group; networkx {q_nx!r}, igraph {q_ig!r}.")
    best = max((modularity_exact(net, [next(i for i, b in enumerate(p) if v in b) for v in range(8)], 1, False)[0], p)
               for p in set_partitions(list(range(8))))
    tops = [p for p in set_partitions(list(range(8)))
            if modularity_exact(net, [next(i for i, b in enumerate(p) if v in b) for v in range(8)], 1, False)[0] == best[0]]
    check(best[0] == Fraction(11, 26) and len(tops) == 1 and sorted(map(sorted, tops[0])) == [[0, 1, 2, 3], [4, 5, 6, 7]],
          "the two cliques are the only partition of twoK4 with the largest Q, 11/26")
    out("- Over all 4,140 partitions of the 8 nodes the two cliques are the only one with the largest Q, 11/26 (γ = 1).")
    g, _ = net.igraph()
    for name, call in (("community_multilevel()", lambda: g.community_multilevel()),
                       ("community_leiden(objective_function='modularity', n_iterations=-1)",
                        lambda: g.community_leiden(objective_function="modularity", n_iterations=-1))):
        for seed in range(10):
            random.seed(seed)
            check(same_partition(call().membership, net.group), f"igraph {name} finds the cliques, seed {seed}")
        out(f"- igraph `{name}` finds the two cliques for seeds 0…9.")
    e, i = ei_counts(net, False)
    inside, external = group_ei(net, False)
    per_node = [(a - b) / (a + b) for a, b in person_counts(net, False)]
    eit = f"{TESTS}/Homophily/ExternalInternalIndexTests.swift"
    check((e - i) / (e + i) == quoted(eit, "-11.0 / 13") and all((x - y) / (x + y) == quoted(eit, "-5.0 / 7") for x, y in zip(external, inside))
          and all((x - 2 * y) / (x + 2 * y) == Fraction(-11, 13) for x, y in zip(external, inside))
          and per_node == quoted(eit, "[-1, -1, -1, -0.5, -0.5, -1, -1, -1]"), "twoK4 E-I")
    out(f"- E-I: E = {e}, I = {i}, E-I = {show((e - i) / (e + i))}; per group (E_g = {external[0]}, I_g = {inside[0]}) per tie "
        f"{show((external[0] - inside[0]) / (external[0] + inside[0]))}, per endpoint {show((external[0] - 2 * inside[0]) / (external[0] + 2 * inside[0]))}; "
        "per person " + ", ".join(str(x) for x in per_node) + " (E 0 / I 3; the bridge's ends E 1 / I 3).")
    c = mixing(net, False)
    d = densities(net, c)
    check(c == [[6, 1], [1, 6]] and d == [[1, Fraction(1, 16)], [Fraction(1, 16), 1]], "twoK4 mixing")
    out(f"- Mixing: counts {matrix(c)}, densities {matrix(d)}.")
    x, ex, s = freeman_table(contact_layer(net, False), net.sizes)
    seg = f"{TESTS}/Homophily/SegregationTests.swift"
    check((x, ex, s) == (1, Fraction(52, 7), quoted(seg, "45.0 / 52")), "twoK4 Freeman X = 1, E[X] = 52/7, S = 45/52")
    out(f"- Freeman: X = {x}, E[X] = {show(ex)}, S = {show(s)}.")
    r, qmax = assortativity_exact(net, False)
    r_nx = nx.attribute_assortativity_coefficient(net.nx(), "group")
    r_ig = net.igraph()[0].assortativity_nominal(net.group, directed=False)
    check(r == quoted(seg, "11.0 / 13") and qmax == Fraction(1, 2) and r * qmax == Fraction(11, 26)
          and repr(r_nx) == repr(r_ig) == "0.8461538461538463" and "0.8461538461538463" in swift_text(seg), "twoK4 assortativity")
    rounding(r_nx, r, "§9 networkx r")
    out(f"- Assortativity: r = {show(r)} (networkx {r_nx!r}, igraph {r_ig!r}), Q_max = {show(qmax)}, Q = {show(r * qmax)}.")
    (dg, m, eg, index), _ = coleman_table(mutual_layer(net, False), net.sizes)
    check((dg, m, eg, index) == (13, 12, Fraction(39, 7), Fraction(45, 52)), "twoK4 Coleman")
    out(f"- Coleman, each group: d_g = {dg}, m_gg = {m}, E_g = {show(eg)}, index {show(index)}.")
    mean, var = null_moments(net, False)
    exact_mean, exact_var, count = enumerate_labellings(net, False)
    perm = f"{TESTS}/Homophily/EIPermutationTests.swift"
    check(count == 70 and (mean, var) == (exact_mean, exact_var) == (Fraction(1, 7), Fraction(564, 245) * 4 / 169)
          and "564/245" in swift_text(perm) and "1.0 / 7" in swift_text(perm), "twoK4 null moments 1/7, Var X 564/245 (70 labellings)")
    out(f"- E-I under relabelling (§10a): E[E-I] = {show(mean)}, Var X = 564/245, so sd(E-I) = 2·√(564/245)/13 = "
        f"{math.sqrt(var)!r}; the same as the mean and variance over all {count} labellings (enumerated).")
    out()
    used_by("ModularityTests.twoK4ClosedForm", "LeidenTests.twoK4FindsTheCliques", "LouvainTests.twoK4FindsTheCliques",
            "ExternalInternalIndexTests.twoK4ClosedForm", "MixingMatrixTests.twoK4", "SegregationTests (twoK4 tests)",
            "EIPermutationTests.twoK4ExactMoments")


# §10 The E-I permutation null.

def null_moments(net, weighted):
    """Exact E[E-I] and Var(E-I) when the group labels are shuffled among the people (sizes fixed).
    X = Σ_t w_t Z_t, Z_t = 1 when tie t crosses groups; P(Z_t = 1) = 1 − p2 with p2 =
    Σ n_g(n_g − 1)/(N(N − 1)); for two ties, P(both cross) by the nodes they span: the same pair
    (reciprocal arcs) 1 − p2; one shared node 1 − 2p2 + p3; four nodes 1 − 2p2 + p22, where p3 =
    P(three given nodes share a group) and p22 = P(two given disjoint pairs each share one).
    E-I = (2X − W)/W."""
    s, n = net.sizes, net.n
    p2 = Fraction(sum(x * (x - 1) for x in s), n * (n - 1))
    p3 = Fraction(sum(x * (x - 1) * (x - 2) for x in s), n * (n - 1) * (n - 2))
    p22 = Fraction(sum(x * (x - 1) * (x - 2) * (x - 3) for x in s)
                   + sum(a * (a - 1) * b * (b - 1) for i, a in enumerate(s) for j, b in enumerate(s) if i != j),
                   n * (n - 1) * (n - 2) * (n - 3))
    ties = net.ties(weighted)
    q = 1 - p2
    total = sum(w for _, _, w in ties)
    mean = total * q
    both = {2: 1 - p2, 3: 1 - 2 * p2 + p3, 4: 1 - 2 * p2 + p22}
    by_node = {}
    for idx, (u, v, w) in enumerate(ties):
        by_node.setdefault(u, []).append(idx)
        by_node.setdefault(v, []).append(idx)
    # Σ_{t,s} w_t w_s P(both): pairs sharing a node or a pair are few; the rest are four-node pairs.
    near = {}
    for idx, (u, v, w) in enumerate(ties):
        for other in set(by_node[u] + by_node[v]):
            x, y, _ = ties[other]
            near[(idx, other)] = len({u, v, x, y})
    weights = [w for _, _, w in ties]
    sum_w = sum(weights)
    second = sum(weights[a] * weights[b] * both[k] for (a, b), k in near.items())
    near_weight = sum(weights[a] * weights[b] for (a, b) in near)
    second += (sum_w * sum_w - near_weight) * both[4]
    var = second - mean * mean
    return (2 * mean - total) / total, 4 * var / (total * total)


def enumerate_labellings(net, weighted):
    """The mean and variance of E-I over every distinct labelling (the multiset permutations of the
    group labels), exactly."""
    labels = sorted(net.group)
    seen = set()
    values = []
    for perm in itertools.permutations(labels):
        if perm in seen:
            continue
        seen.add(perm)
        e = i = Fraction(0)
        for u, v, w in net.ties(weighted):
            if perm[u] == perm[v]:
                i += w
            else:
                e += w
        values.append((e - i) / (e + i))
    mean = sum(values) / len(values)
    return mean, sum((x - mean) ** 2 for x in values) / len(values), len(values)


def small_directed():
    """A directed graph with reciprocal arcs and three groups of sizes 1, 2, 3, for the enumeration."""
    w = {(0, 1): 1, (1, 0): 1, (1, 2): 2, (2, 3): 1, (3, 2): 3, (3, 4): 1, (4, 5): 1, (5, 0): 2, (2, 5): 1}
    return Net([str(i) for i in range(6)], ["a", "b", "b", "c", "c", "c"], True, {k: Fraction(v) for k, v in w.items()}, True)


def section10():
    out("## §10a Exact moments of the E-I index under relabelling")
    out()
    out("The group labels shuffled among the people, sizes fixed, every labelling equally likely (`null_moments()`): "
        "E[X] = M(1 − Σ n_g(n_g − 1)/(N(N − 1))), E[E-I] = (2E[X] − M)/M, Var X summed over pairs of ties by the nodes "
        "they span (the same pair: reciprocal arcs; one shared node; four nodes); sd(E-I) = 2·sd(X)/M. Unweighted; "
        "directed graphs count arcs; the weighted keys are evaluated here without weights. With weights X = Σ w_t Z_t over the same pairs, and E[E-I_w] = 1 − 2p2 is the "
        "unweighted mean. Verified against the mean and variance over every labelling (`enumerate_labellings()`) on "
        "two small graphs: `twoK4` (70 labellings) and a directed graph with reciprocal arcs, weights and groups of "
        "1, 2, 3 (`small_directed()`, 60 labellings), weighted and unweighted.")
    out()
    for net in (two_k4(), small_directed()):
        for weighted in (False, True):
            mean, var = null_moments(net, weighted)
            exact_mean, exact_var, _ = enumerate_labellings(net, weighted)
            check((mean, var) == (exact_mean, exact_var), "null moments = full enumeration")
    out("| key | M | E[X] | E[E-I] | Var(E-I) | sd(E-I) |")
    out("|---|---|---|---|---|---|")
    rows = {labels["key"]: labels for _, labels in map(unpack, swift_table(f"{TESTS}/Homophily/EIPermutationTests.swift", "moments"))}
    for key in KEYS:
        net = NETS[key]
        mean, var = null_moments(net, False)
        sd = math.sqrt(var)
        m = len(net.w)
        if key in rows:
            r = rows.pop(key)
            check(r["mean"] == mean and abs(float(r["sd"]) - sd) <= 2e-16 * sd, f"EIPermutationTests.moments {key}: mean {mean}, sd {sd!r}")
        out(f"| `{key}` | {m} | {show(m * (1 + mean) / 2)} | {show(mean)} | {show(var)} | {sd!r} |")
    check(not rows, "every row of EIPermutationTests.moments is computed here")
    out()
    mean_w, var_w = null_moments(NETS["karate_w"], True)
    perm = f"{TESTS}/Homophily/EIPermutationTests.swift"
    check(mean_w == Fraction(1, 33) and "1.0 / 33" in swift_text(perm) and repr(math.sqrt(var_w)) in swift_text(perm),
          "karate_w weighted null mean 1/33 and the sd EIPermutationTests.weightedKarate quotes")
    out(f"With weights, `karate_w`: E[E-I_w] = {show(mean_w)} (the unweighted mean), sd(E-I_w) = {math.sqrt(var_w)!r}.")
    out()
    used_by("EIPermutationTests")
    out("## §10b A sample of relabellings: karate")
    out()
    net = NETS["karate_u"]
    observed = Fraction(-28, 39)
    mean, var = null_moments(net, False)
    z = (float(observed) - float(mean)) / math.sqrt(var)
    rng = random.Random(0)
    labels = list(net.group)
    below = 0
    samples = 10_000
    for _ in range(samples):
        rng.shuffle(labels)
        e = sum(1 for u, v, _ in net.ties(False) if labels[u] != labels[v])
        below += Fraction(2 * e - 78, 78) <= observed
    check(round(z, 1) == -7.9 and below == 0 and "7.9 null sd" in swift_text(perm) and "`random.Random(0)`: 0 of 10,000" in swift_text(perm),
          "karate: −28/39 is 7.9 null sd below the mean; 0 of 10,000 relabellings reach it")
    out(f"The club split's E-I −28/39 is {-z:.2f} null sd below the mean (§10a). Of {samples:,} relabellings "
        f"(`random.Random(0).shuffle` of the labels) {below} reach it or go below.")
    out()
    used_by("EIPermutationTests.karateSplitIsASiloBeyondChance")


# §11 Cross-checks.

def section11():
    out("## §11 Cross-checks")
    out()
    net = NETS["krack_adv_d"]
    g, _ = net.igraph()
    q_ig = g.modularity(net.group, directed=False)
    q_uw, _ = modularity_exact(NETS["krack_adv_uw"], NETS["krack_adv_uw"].group, 1, True)
    d = rounding(q_ig, q_uw, "§11 igraph directed=False")
    check(d <= 1.7e-16, "igraph's directed=False modularity of the Krackhardt arcs is the sum-of-arcs value")
    out(f"- {IG} `g.modularity(membership, directed=False)` on the Krackhardt advice arcs treats each arc as an "
        f"undirected tie, reciprocal arcs adding up: {q_ig!r}, the `krack_adv_uw` value {show(q_uw)} (§1).")
    out("- r = Q/Q_max holds exactly in rational arithmetic for every key (§4, checked), Q the modularity at γ = 1 "
        "with the same weighting (§1).")
    out("- networkx's `attribute_assortativity_coefficient` ignores weights (§4): on the weighted keys it gives the "
        "unweighted r.")
    check(ROUNDING["max"] <= 4.5e-16, f"every rounding-only difference ≤ 4.5e-16 (largest {ROUNDING['max']} at {ROUNDING['where']})")
    out(f"- Every difference between a tool's float and the exact value in this file is rounding only: the largest is "
        f"{ROUNDING['max']:.2g} ({ROUNDING['where']}), ≤ 4.5e-16 (checked).")
    out()
    used_by("ModularityTests", "SegregationTests")


def main():
    out("# Reference values of the silo and community tests (generated by silos_reference.py; do not edit)")
    out()
    out(f"{NX}, {IG}, numpy {numpy.__version__}, Python {sys.version.split()[0]}. Regenerate with "
        "`PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/silos_reference.py > Tests/References/silos_reference.md` "
        "(`make references` shows any difference). Exact values are fractions (`a/b (float)`); the script reads the "
        "expected values of the tests named under each section from their Swift files and stops if one differs.")
    out()
    section0()
    section1()
    section2()
    section2b()
    section2c()
    section3()
    section4()
    section5()
    section6()
    section7()
    section8()
    section9()
    section10()
    section11()


if __name__ == "__main__":
    main()
