import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Burt's constraint, effective size, efficiency and hierarchy against networkx 3.6.1,
/// python-igraph 1.0.0 and the exact values of Tests/References/brokers_reference.py
/// (`structural_holes()`, `exact_holes()`, `hierarchy()`), which also writes BrokersReference.
@Suite("Structural holes")
struct StructuralHolesTests {
  typealias F = BrokersFixtures
  typealias R = BrokersReference

  static func expect(
    _ holes: StructuralHoles, constraint: [Double], effectiveSize: [Double], efficiency: [Double], hierarchy: [Double],
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    BrokersCheck.expectClose(holes.constraint, constraint, "\(what) constraint", sourceLocation: sourceLocation)
    BrokersCheck.expectClose(holes.effectiveSize, effectiveSize, "\(what) effective size", sourceLocation: sourceLocation)
    BrokersCheck.expectClose(holes.efficiency, efficiency, "\(what) efficiency", sourceLocation: sourceLocation)
    BrokersCheck.expectClose(holes.hierarchy, hierarchy, "\(what) hierarchy", sourceLocation: sourceLocation)
  }

  /// Efficiency is effective size over distinct neighbours (in and out together), not
  /// the `G.degree` of networkx 3.6.1's `effective_size` docstring.
  static func expectEfficiencyIsPerNeighbour(_ graph: CollaborationGraph, _ holes: StructuralHoles, sourceLocation: SourceLocation = #_sourceLocation) {
    for v in 0 ..< graph.nodeCount {
      let neighbours = F.distinctNeighbours(graph, v)
      let expected = neighbours == 0 ? Double.nan : holes.effectiveSize[v] / Double(neighbours)
      #expect(BrokersCheck.close(holes.efficiency[v], expected), "node \(v)", sourceLocation: sourceLocation)
    }
  }

  @Test("K3: constraint 1.125 (networkx #8087), effective size 1, efficiency ½, hierarchy 0")
  func triangle() {
    // p = ½, ℓ = (½ + ½·½)² = 9/16, C = 9/8 at every node; networkx 3.6.1 nx.constraint and
    // python-igraph 1.0.0 g.constraint() give 1.125 exactly.
    for weighted in [false, true] {
      let holes = F.graph(3, [(0, 1), (1, 2), (0, 2)]).structuralHoles(weighted: weighted)
      #expect(holes.constraint.values == [1.125, 1.125, 1.125])
      #expect(holes.effectiveSize.values == [1, 1, 1])
      #expect(holes.efficiency.values == [0.5, 0.5, 0.5])
      #expect(holes.hierarchy.values == [0, 0, 0])
      #expect(holes.weighted == weighted)
    }
  }

  @Test("K4: constraint 25/27 = 0.9259259259…")
  func k4() {
    // Exact 25/27 = 0.9259259259259259; networkx 3.6.1 and igraph 1.0.0 0.925925925925926.
    // Effective size 1, efficiency ⅓, hierarchy 0.
    let holes = F.graph(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]).structuralHoles()
    BrokersCheck.expectClose(holes.constraint, Array(repeating: 25.0 / 27, count: 4), "K4 constraint")
    BrokersCheck.expectClose(holes.effectiveSize, [1, 1, 1, 1], "K4 effective size")
    BrokersCheck.expectClose(holes.efficiency, Array(repeating: 1.0 / 3, count: 4), "K4 efficiency")
    BrokersCheck.expectClose(holes.hierarchy, [0, 0, 0, 0], "K4 hierarchy")
  }

  /// networkx's `test_structuralholes.py` graph (analytictech *Connections* 20(1)): A…G as 0…6.
  static let holesTies: [(Int, Int, Double)] = [
    (0, 1, 2), (0, 5, 3), (0, 6, 5), (0, 4, 2), (4, 6, 8), (5, 6, 3), (1, 6, 4), (1, 3, 1), (3, 6, 3), (6, 2, 10),
  ]

  @Test("The holes graph of networkx's tests, unweighted")
  func holesUnweighted() {
    let graph = F.weightedGraph(7, Self.holesTies)
    // Constraint: python-igraph 1.0.0 g.constraint(); effective size: networkx 3.6.1
    // nx.effective_size(G, nodes=list(G)); efficiency and hierarchy: exact; the holes* arrays of
    // BrokersReference (brokers_reference.py holes_structural_holes(weighted=False)).
    Self.expect(
      graph.structuralHoles(weighted: false),
      constraint: [0.595486111111111, 0.6427469135802467, 1.0, 0.7847222222222223, 0.7309027777777779, 0.7309027777777779, 0.400270061728395],
      effectiveSize: [2.5, 1.6666666666666667, 1.0, 1.0, 1.0, 1.0, 4.666666666666667],
      efficiency: [0.625, 0.5555555555555556, 1.0, 0.5, 0.5, 0.5, 0.7777777777777778],
      hierarchy: [
        0.16775111039976934, 0.07373784490468817, .nan, 0.012748315121495511, 0.0034254711626161448,
        0.0034254711626161448, 0.09474929386668635,
      ], "holes")
  }

  @Test("The holes graph with networkx's G_weights")
  func holesWeighted() {
    let graph = F.weightedGraph(7, Self.holesTies)
    // The holesWeighted* arrays of BrokersReference (brokers_reference.py
    // holes_structural_holes(weighted=True)): constraint python-igraph 1.0.0
    // g.constraint(weights=…); effective size networkx 3.6.1 nx.effective_size(G, nodes=list(G),
    // weight='weight') (the per-node path; nodes=None, with scipy installed, gives
    // 2.791666666666667 for A instead of 2.475).
    Self.expect(
      graph.structuralHoles(weighted: true),
      constraint: [
        0.7949553265597636, 0.812748308689867, 1.0, 0.9134128858154832, 0.8834550045913684, 0.8332328971533518,
        0.29885160614597844,
      ],
      effectiveSize: [2.4749999999999996, 1.6714285714285715, 1.0, 1.15, 1.1, 1.25, 5.471717171717172],
      efficiency: [0.61875, 0.5571428571428572, 1.0, 0.575, 0.55, 0.625, 0.911952861952862],
      hierarchy: [
        0.395088702690034, 0.4206952578205172, .nan, 0.45019109884186653, 0.4799420171141154, 0.03032450874741461,
        0.12477634155975158,
      ], "holes weighted")
  }

  @Test("networkx's small DiGraph D: mutual weights a_ij + a_ji, unweighted and with D_weights")
  func smallDirected() {
    let arcs: [(Int, Int, Double)] = [(0, 1, 2), (0, 2, 2), (1, 0, 1), (2, 1, 1)]
    let graph = F.weightedGraph(3, arcs, .directed)
    // weight=None: constraint igraph 1.0.0 / exact; effective size networkx 3.6.1 nodes=list(G)
    // (nodes=None, with scipy installed, gives 1.3333333333333335 at 0 and 1); efficiency and
    // hierarchy exact (brokers_reference.py structural_holes(G, weighted=False)).
    Self.expect(
      graph.structuralHoles(weighted: false),
      constraint: [1.0030864197530862, 1.0030864197530862, 1.3888888888888886],
      effectiveSize: [1.1666666666666667, 1.1666666666666667, 1.0],
      efficiency: [0.5833333333333334, 0.5833333333333334, 0.5],
      hierarchy: [0.10950835978050867, 0.10950835978050867, 0.0], "D")
    // weight='weight' (brokers_reference.py structural_holes(G, weighted=True)).
    Self.expect(
      graph.structuralHoles(weighted: true),
      constraint: [0.8402777777777779, 1.1427777777777777, 1.3780555555555556],
      effectiveSize: [1.5666666666666667, 1.0833333333333335, 1.0],
      efficiency: [0.7833333333333333, 0.5416666666666666, 0.5],
      hierarchy: [0.057316810744507764, 0.16623509278933507, 0.03504323304943137], "D weighted")
  }

  @Test("Karate, weighted: constraint and effective size per node as networkx computes them node by node")
  func karateWeighted() throws {
    let network = try F.karate()
    let holes = network.graph.structuralHoles(weighted: true)
    // Effective size: networkx 3.6.1 nx.effective_size(G, nodes=list(G), weight='weight'), the
    // per-node path. NOT nodes=None: its scipy path divides column j by row j's maximum
    // and differs at 18 of 34 nodes, by up to 0.2845, e.g. node 1:
    // 6.751724137931034 (nodes=None) vs 6.4672413793103445 (per node, = the definition).
    Self.expect(
      holes, constraint: R.karateWeightedConstraint, effectiveSize: R.karateWeightedEffectiveSize,
      efficiency: R.karateWeightedEfficiency, hierarchy: R.karateWeightedHierarchy, "karate weighted")
    #expect(BrokersCheck.close(holes.effectiveSize[1], 6.4672413793103445))
    #expect(!BrokersCheck.close(holes.effectiveSize[1], 6.751724137931034, tolerance: 1e-3))
    Self.expectEfficiencyIsPerNeighbour(network.graph, holes)
  }

  @Test("Karate, unweighted")
  func karateUnweighted() throws {
    let graph = try F.karate().graph
    Self.expect(
      graph.structuralHoles(weighted: false), constraint: R.karateConstraint, effectiveSize: R.karateEffectiveSize,
      efficiency: R.karateEfficiency, hierarchy: R.karateHierarchy, "karate unweighted")
  }

  @Test("Lazega cowork, directed: constraint = igraph = networkx")
  func lazegaDirected() throws {
    let graph = try F.lazegaDirected().graph
    for weighted in [false, true] {  // every arc weighs 1
      let holes = graph.structuralHoles(weighted: weighted)
      Self.expect(
        holes, constraint: R.lazDConstraint, effectiveSize: R.lazDEffectiveSize, efficiency: R.lazDEfficiency,
        hierarchy: R.lazDHierarchy, "laz_d")
      Self.expectEfficiencyIsPerNeighbour(graph, holes)
    }
    // L08 has only incoming cowork arcs: a full member (igraph 1.0.0 0.12382802054209728),
    // where networkx 3.6.1 nx.constraint(G, nodes=list(G)) gives NaN (lazDConstraint,
    // brokers_reference.py lazega_structural_holes()).
    #expect(graph.degree(of: NodeID(7)) == 0 && graph.inDegree(of: NodeID(7)) == 13)
    #expect(BrokersCheck.close(graph.structuralHoles().constraint[7], 0.12382802054209728))
  }

  @Test("Krackhardt advice, directed: constraint = igraph = networkx")
  func krackhardtDirected() throws {
    let graph = try F.krackhardtAdvice().graph
    #expect(graph.nodeCount == 21 && graph.edgeCount == 190)
    let holes = graph.structuralHoles(weighted: false)
    Self.expect(
      holes, constraint: R.krackConstraint, effectiveSize: R.krackEffectiveSize, efficiency: R.krackEfficiency,
      hierarchy: R.krackHierarchy, "krack")
    Self.expectEfficiencyIsPerNeighbour(graph, holes)
    // Node 7 efficiency 0.5884353741496599 over |N| = 14 (krackEfficiency), not networkx's
    // docstring ES / G.degree = 0.39229024943310664 (degree 21).
    #expect(F.distinctNeighbours(graph, 6) == 14)
    #expect(BrokersCheck.close(holes.efficiency[6], 0.5884353741496599))
  }

  @Test("Isolates have every measure NaN; one contact makes hierarchy NaN (Florentine marriages)")
  func isolatesAndLeaves() throws {
    let graph = try F.florentine16().graph
    let holes = graph.structuralHoles(weighted: false)
    Self.expect(
      holes, constraint: R.flo16Constraint, effectiveSize: R.flo16EffectiveSize, efficiency: R.flo16Efficiency,
      hierarchy: R.flo16Hierarchy, "flo16")
    let p = F.pucci
    #expect(holes.constraint[p].isNaN && holes.effectiveSize[p].isNaN && holes.efficiency[p].isNaN && holes.hierarchy[p].isNaN)
    // Acciaiuoli (node 0) has one tie: constraint 1, effective size 1, hierarchy undefined.
    #expect(holes.constraint[0] == 1 && holes.effectiveSize[0] == 1 && holes.hierarchy[0].isNaN)
    let empty = CollaborationGraph(isolatedNodes: 2).structuralHoles()
    #expect(empty.constraint.allSatisfy(\.isNaN) && empty.hierarchy.allSatisfy(\.isNaN))
  }
}
