#!/usr/bin/env python3
"""Regenerates the reference values of SiloScope's projection, department-aggregation, silo and
betweenness tests from the datasets in Datasets/, with the pinned tools of requirements.txt.

    python3 -m venv .venv-refs && .venv-refs/bin/pip install -r Tests/References/requirements.txt
    PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/reference_values.py > Tests/References/reference_values.md

The output is committed as reference_values.md; each test comment names its section (§).
Exact values are computed with fractions.Fraction beside the floating-point results of
networkx, so a test can state both.
"""

import csv
import sys
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import igraph
import networkx as nx
from networkx.algorithms import bipartite

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "Datasets"


def out(line=""):
    sys.stdout.write(line + "\n")


def read_log(name):
    """Rows of a log: person, department, project, date, weight (hours)."""
    with open(DATASETS / name / "log.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def memberships(rows):
    """Per project its members, per (person, project) the summed weight, per person the department."""
    members = defaultdict(set)
    hours = defaultdict(Fraction)
    department = {}
    for r in rows:
        members[r["project"]].add(r["person"])
        hours[(r["person"], r["project"])] += Fraction(r["weight"] or "1")
        department.setdefault(r["person"], r["department"])
    return members, hours, department


def exact_projections(members, hours):
    """The four weightings of SiloIngest's ProjectionWeighting, exactly (Fractions)."""
    shared, newman, overlap = defaultdict(Fraction), defaultdict(Fraction), defaultdict(Fraction)
    projects_of = defaultdict(set)
    for p, people in members.items():
        for u in people:
            projects_of[u].add(p)
        ordered = sorted(people)
        n = len(ordered)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:]:
                shared[(u, v)] += 1
                newman[(u, v)] += Fraction(1, n - 1)
                overlap[(u, v)] += min(hours[(u, p)], hours[(v, p)])
    jaccard = {k: Fraction(len(projects_of[k[0]] & projects_of[k[1]]), len(projects_of[k[0]] | projects_of[k[1]])) for k in shared}
    return {"shared-projects": shared, "newman": newman, "hours-overlap": overlap, "jaccard": jaccard}


def networkx_projections(members):
    B = nx.Graph()
    persons = sorted({u for people in members.values() for u in people})
    B.add_nodes_from(persons, bipartite=0)
    B.add_nodes_from((("project", p) for p in members), bipartite=1)
    for p, people in members.items():
        for u in people:
            B.add_edge(u, ("project", p))
    return {
        "shared-projects": bipartite.weighted_projected_graph(B, persons),
        "newman": bipartite.collaboration_weighted_projected_graph(B, persons),
        "jaccard": bipartite.overlap_weighted_projected_graph(B, persons, jaccard=True),
    }


def projection_section(title, dataset, pairs):
    rows = read_log(dataset)
    members, hours, department = memberships(rows)
    exact = exact_projections(members, hours)
    graphs = networkx_projections(members)
    out(f"## {title} (Datasets/{dataset}/log.csv)")
    out()
    dated = sorted(r["date"] for r in rows if r["date"])
    out(f"Rows {len(rows)}, people {len(department)}, projects {len(members)}, "
        f"single-person projects {sum(1 for m in members.values() if len(m) == 1)}, "
        f"Σ weight of rows {sum(Fraction(r['weight'] or '1') for r in rows)}, "
        f"dates {dated[0] + ' to ' + dated[-1] if dated else 'none'}.")
    out()
    out("### Projection statistics")
    out()
    out("| weighting | ties | Σ weight (exact) | Σ (float) | max (exact) | pairs at max | networkx Σ |")
    out("|---|---|---|---|---|---|---|")
    for name, weights in exact.items():
        maximum = max(weights.values())
        nx_sum = repr(sum(d["weight"] for _, _, d in graphs[name].edges(data=True))) if name in graphs else "no networkx function"
        out(f"| {name} | {len(weights)} | {sum(weights.values())} | {float(sum(weights.values()))!r} | {maximum} "
            f"({float(maximum)!r}) | {sum(1 for w in weights.values() if w == maximum)} | {nx_sum} |")
    out()
    out("### Specific pairs")
    out()
    out("| pair | " + " | ".join(exact) + " |")
    out("|---|" + "---|" * len(exact))
    for a, b in pairs:
        key = tuple(sorted((a, b)))
        out(f"| {a} – {b} | " + " | ".join(f"{w[key]} ({float(w[key])!r})" for w in exact.values()) + " |")
    out()
    g = graphs["shared-projects"]
    degrees = dict(g.degree())
    out("### Degrees, components (count projection)")
    out()
    out(f"networkx `G.degree`: max {max(degrees.values())}, min {min(degrees.values())}; "
        f"`nx.number_connected_components` {nx.number_connected_components(g)}; "
        f"isolates {len(list(nx.isolates(g)))}; largest component {len(max(nx.connected_components(g), key=len))}.")
    out()
    for name in sorted(set(a for pair in pairs for a in pair)):
        out(f"- degree of {name}: {degrees[name]}")
    out()
    department_section(exact["shared-projects"], department)


def department_section(shared, department):
    """Department aggregation of the count projection: key tuple(sorted((dept[u], dept[v])))."""
    heads = defaultdict(int)
    for d in department.values():
        heads[d] += 1
    ties, weight = defaultdict(int), defaultdict(Fraction)
    for (u, v), w in shared.items():
        key = tuple(sorted((department[u], department[v])))
        ties[key] += 1
        weight[key] += w
    inside = {k: (ties[k], weight[k]) for k in ties if k[0] == k[1]}
    between = {k: (ties[k], weight[k]) for k in ties if k[0] != k[1]}
    out("### Department aggregation of the count projection")
    out()
    out("Head counts: " + ", ".join(f"{d} {n}" for d, n in sorted(heads.items(), key=lambda x: (-x[1], x[0]))) + ".")
    out()
    out("Same-department pairs with ≥ 1 tie: " + ", ".join(f"{k[0]} ({t} ties, weight {w})" for k, (t, w) in sorted(inside.items())) + ".")
    out()
    out(f"Within {sum(t for t, _ in inside.values())} ties (weight {sum(w for _, w in inside.values())}); "
        f"between {sum(t for t, _ in between.values())} ties (weight {sum(w for _, w in between.values())}); "
        f"{len(ties)} department pairs, {len(between)} of them between departments.")
    out()
    out("Top 10 department pairs by ties: " + "; ".join(
        f"{a} – {b} {ties[(a, b)]} ({weight[(a, b)]})" for (a, b) in sorted(ties, key=lambda k: (-ties[k], k))[:10]) + ".")
    out()


def karate():
    """Zachary's karate club as SiloScope reads Datasets/zachary_karate with --relation interaction."""
    g = nx.Graph()
    groups = {}
    with open(DATASETS / "zachary_karate" / "nodes.csv", newline="") as f:
        for r in csv.DictReader(f):
            groups[r["id"]] = r["group"]
            g.add_node(r["id"])
    with open(DATASETS / "zachary_karate" / "edges.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["relation"] == "interaction":
                g.add_edge(r["source"], r["target"], weight=int(r["weight"]))
    return g, groups


def silos_section():
    g, groups = karate()
    parts = [{v for v in g if groups[v] == name} for name in sorted(set(groups.values()))]
    out("## Silos: Zachary's karate club, the club split (Datasets/zachary_karate, interaction ties)")
    out()
    out(f"§1 networkx `community.modularity(G, parts, weight='weight')`: {nx.community.modularity(g, parts, weight='weight')!r}; "
        f"unweighted (weight=None): {nx.community.modularity(g, parts, weight=None)!r}.")
    out()
    # Weighted nominal assortativity (Newman 2003, eq. 2 with e_ij from tie weights), exactly.
    names = sorted(set(groups.values()))
    total = Fraction(sum(d["weight"] for _, _, d in g.edges(data=True)) * 2)
    e = {(a, b): Fraction(0) for a in names for b in names}
    for u, v, d in g.edges(data=True):
        e[(groups[u], groups[v])] += d["weight"]
        e[(groups[v], groups[u])] += d["weight"]
    e = {k: w / total for k, w in e.items()}
    a = {x: sum(e[(x, y)] for y in names) for x in names}
    trace = sum(e[(x, x)] for x in names)
    squares = sum(a[x] * a[x] for x in names)
    r = (trace - squares) / (1 - squares)
    out(f"§4 weighted nominal assortativity r = (Σ e_ii − Σ a_i²)/(1 − Σ a_i²) over tie weights "
        f"(Newman 2003; networkx's attribute_assortativity_coefficient counts ties instead): {r} ({float(r)!r}).")
    out()
    bc = nx.betweenness_centrality(g, normalized=True, weight=None)
    top = max(bc, key=bc.get)
    out(f"§5 networkx `betweenness_centrality(G)` (hops, normalized): node {top} {bc[top]!r}, the largest; "
        f"networkx `karate_club_graph()` gives the same for node 0: {nx.betweenness_centrality(nx.karate_club_graph(), weight=None)[0]!r}.")
    out()


def betweenness_section():
    out("## Betweenness: Krackhardt's kite")
    out()
    kite = nx.krackhardt_kite_graph()
    names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
    normalized = nx.betweenness_centrality(kite)
    raw = nx.betweenness_centrality(kite, normalized=False)
    ig = igraph.Graph.from_networkx(kite).betweenness()
    out("| node | name | networkx normalized | networkx raw | igraph raw |")
    out("|---|---|---|---|---|")
    for v in kite:
        out(f"| {v} | {names[v]} | {normalized[v]!r} | {raw[v]!r} | {ig[v]!r} |")
    out()
    out(f"networkx {nx.__version__}: `nx.betweenness_centrality(nx.krackhardt_kite_graph())`; "
        f"python-igraph {igraph.__version__}: `Graph.from_networkx(kite).betweenness()`. "
        f"P3 (`nx.path_graph(3)`): raw {list(nx.betweenness_centrality(nx.path_graph(3), normalized=False).values())}, "
        f"normalized {list(nx.betweenness_centrality(nx.path_graph(3)).values())}.")
    out()


def main():
    out("# Reference values (generated by reference_values.py; do not edit)")
    out()
    out(f"networkx {nx.__version__}, python-igraph {igraph.__version__}, Python {sys.version.split()[0]}.")
    out()
    projection_section(
        "Projections: Davis Southern Women", "davis_southern_women",
        [("Evelyn Jefferson", "Theresa Anderson"), ("Evelyn Jefferson", "Nora Fayette"), ("Brenda Rogers", "Laura Mandeville"),
         ("Flora Price", "Olivia Carleton"), ("Nora Fayette", "Sylvia Avondale")])
    projection_section(
        "Projections: OpenTelemetry Swift commits", "opentelemetry_swift_commits",
        [("dev002", "dev008"), ("dev008", "dev067"), ("dev008", "dev043"), ("dev001", "dev007")])
    silos_section()
    betweenness_section()


if __name__ == "__main__":
    main()
