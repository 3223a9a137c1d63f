import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Freeman's segregation index, Newman's nominal assortativity and Coleman's homophily index
/// (Freeman 1978, Newman 2003, Coleman 1958; netseg R/*.R; reference values:
/// Tests/References/silos_reference.md §3–§5). These are not plain integer ratios (E[X] and E_g are
/// fractions, r divides two differences of products), so they are compared with the exact rational
/// values within 1e-12.
@Suite struct SegregationTests {
  static let tolerance = 1e-12

  // MARK: Freeman

  /// Tests/References/silos_reference.md §3: S = (E[X] − X)/E[X], E[X] = M(N² − Σ n_g²)/(N(N − 1)),
  /// netseg R/freeman.R `freeman.table` re-implemented by silos_reference.py (no truncation at 0);
  /// undirected graphs only. Weighted siblings have the same edge set, hence the same value.
  static let freemanRows: [(Ref, Double)] = [
    (.karate_u, 321.0 / 442), (.karate_w, 321.0 / 442),  // X = 11, E[X] = 442/11
    (.krack_adv_u, 107.0 / 4727), (.krack_adv_uw, 107.0 / 4727),  // X = 110, E[X] = 4727/42
    (.lazega_cow_u, 6931.0 / 14883), (.lazega_cow_uw, 6931.0 / 14883),  // X = 192, E[X] = 178596/497
  ]

  @Test(arguments: freemanRows)
  func freeman(_ key: Ref, _ expected: Double) throws {
    let (_, graph, groups) = try key.load()
    #expect(isClose(try graph.freemanSegregation(of: groups), expected, tolerance: Self.tolerance))
  }

  /// Two K4 with a bridge, Tests/References/silos_reference.md §9: X = 1, E[X] = 52/7, S = 45/52.
  @Test func freemanTwoK4() throws {
    let network = ReferenceNetworks.twoK4()
    #expect(isClose(try network.graph.freemanSegregation(of: network.groups!), 45.0 / 52, tolerance: Self.tolerance))
  }

  /// Undefined cases (documented): no ties, or a single group (no cross tie possible).
  @Test func freemanUndefined() throws {
    let empty = CollaborationGraph(isolatedNodes: 4)
    #expect(try empty.freemanSegregation(of: Partition(membership: [0, 0, 1, 1])).isNaN)
    let graph = ReferenceNetworks.twoK4().graph
    #expect(try graph.freemanSegregation(of: Partition(membership: [Int32](repeating: 0, count: 8))).isNaN)
    // More crossing than random gives a negative value (no truncation at 0): with groups
    // alternating inside each K4, X = 9 of M = 13 ties cross (K4 {0,1,2,3}: 0-1, 0-3, 1-2,
    // 2-3; the same 4 in the other K4; the bridge 3-4) against E[X] = 52/7 (sizes 4 + 4).
    let alternating = Partition(membership: [0, 1, 0, 1, 0, 1, 0, 1])
    let s = try graph.freemanSegregation(of: alternating)
    #expect(isClose(s, (52.0 / 7 - 9) / (52.0 / 7), tolerance: Self.tolerance))
    #expect(s < 0)
    #expect(throws: MetricError.notAPartition(expected: 8, actual: 2)) {
      try graph.freemanSegregation(of: Partition(membership: [0, 1]))
    }
  }

  // MARK: Assortativity

  struct Assortativity: Sendable, CustomTestStringConvertible {
    var key: Ref
    var r: Double
    var qMax: Double
    init(_ key: Ref, r: Double, qMax: Double) { (self.key, self.r, self.qMax) = (key, r, qMax) }
    var testDescription: String { key.rawValue }
  }

  /// Tests/References/silos_reference.md §4: r exact (hand, e_gh from tie ends, undirected ties
  /// both ways), equal to networkx 3.6.1 `nx.attribute_assortativity_coefficient(G, 'group')` and
  /// python-igraph 1.0.0 `g.assortativity_nominal(membership, directed=…)` within 1.7e-16 on the
  /// unweighted keys; weighted keys (`_w`, `_uw`) with weights (igraph on the w-fold multigraph).
  /// Q_max = 1 − Σ a_g b_g (hand float).
  static let assortativity: [Assortativity] = [
    Assortativity(.karate_u, r: 1453.0 / 2025, qMax: 0.4992603550295858),
    Assortativity(.karate_w, r: 557.0 / 711, qMax: 0.4996626749873503),
    Assortativity(.krack_adv_d, r: 67.0 / 2803, qMax: 0.7764542936288089),
    Assortativity(.krack_adv_u, r: -199.0 / 6181, qMax: 0.7349583828775268),
    Assortativity(.krack_adv_uw, r: -37.0 / 3611, qMax: 0.750207756232687),
    Assortativity(.krack_fri_d, r: 1235.0 / 7763, qMax: 0.7461553248750481),
    Assortativity(.lazega_cow_d, r: 6133.0 / 12366, qMax: 0.4870037807183365),
    Assortativity(.lazega_cow_u, r: 3647.0 / 8003, qMax: 0.4858805940699254),
    Assortativity(.lazega_cow_uw, r: 588407.0 / 1186775, qMax: 0.48685568617412306),
    Assortativity(.lazega_adv_d, r: 43985.0 / 95498, qMax: 0.48009209917754225),
  ]

  @Test(arguments: assortativity)
  func nominalAssortativity(_ row: Assortativity) throws {
    let (_, graph, groups) = try row.key.load()
    let a = try graph.nominalAssortativity(of: groups, weighted: row.key.weighted)
    #expect(isClose(a.r, row.r, tolerance: Self.tolerance))
    #expect(isClose(a.qMax, row.qMax, tolerance: Self.tolerance))
    #expect(a.weighted == row.key.weighted)
    // Q is the modularity at γ = 1 with the same weighting (silos_reference.md §4 "Check"), and
    // r = Q/Q_max holds exactly in rational arithmetic (§4, §11), here within 1e-12 against the
    // modularity computed by the other function.
    let q = try graph.modularity(of: groups, resolution: 1, weighted: row.key.weighted)
    #expect(isClose(a.q, q.value, tolerance: Self.tolerance))
    #expect(isClose(a.r, q.value / a.qMax, tolerance: Self.tolerance))
  }

  /// networkx ignores weights (Tests/References/silos_reference.md §4, §11): our unweighted
  /// coefficient on the weighted graphs is networkx's value there, e.g. karate_w nx
  /// 0.717530864197531 = 1453/2025.
  @Test(arguments: [
    (Ref.karate_w, 1453.0 / 2025), (.krack_adv_uw, -199.0 / 6181), (.lazega_cow_uw, 3647.0 / 8003),
  ])
  func unweightedOnWeightedGraphsIsNetworkX(_ key: Ref, _ expected: Double) throws {
    let (_, graph, groups) = try key.load()
    #expect(isClose(try graph.nominalAssortativity(of: groups, weighted: false).r, expected, tolerance: Self.tolerance))
  }

  /// Two K4 with a bridge, Tests/References/silos_reference.md §9: r = 11/13 (nx and igraph
  /// 0.8461538461538463), Q_max = 1/2, Q = 11/26.
  @Test func assortativityTwoK4() throws {
    let network = ReferenceNetworks.twoK4()
    let a = try network.graph.nominalAssortativity(of: network.groups!)
    #expect(isClose(a.r, 11.0 / 13, tolerance: Self.tolerance))
    #expect(isClose(a.qMax, 0.5, tolerance: Self.tolerance))
    #expect(isClose(a.q, 11.0 / 26, tolerance: Self.tolerance))
  }

  /// Documented NaN: no ties; all tie ends in one group (Q_max = 0).
  @Test func assortativityUndefined() throws {
    let empty = CollaborationGraph(isolatedNodes: 3)
    let none = try empty.nominalAssortativity(of: Partition(membership: [0, 1, 1]))
    #expect(none.r.isNaN && none.q.isNaN && none.qMax.isNaN)
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(NodeID(0), NodeID(1))
    let oneGroupHoldsAll = try builder.build().nominalAssortativity(of: Partition(membership: [0, 0, 1, 1]))
    #expect(oneGroupHoldsAll.qMax == 0)
    #expect(oneGroupHoldsAll.r.isNaN)
  }

  /// Every tie end in one group: Q_max = 0 and r is NaN (documented), whatever the weights.
  /// Regression: the property test `invariantUnderScalingWeights` found a finite r for ties
  /// weighing 0.5 and 5.832031250000018 scaled by 0.01 on 3 nodes, all in one group (a_g/total
  /// rounded to 1 − ulp, Q_max ≈ 1e-16).
  @Test(arguments: [1.0, 0.01, 0.5226992209459429, 326.5102755751292])
  func assortativityOneGroupIsNaN(_ scale: Double) throws {
    for directedness in Directedness.allCases {
      var builder = GraphBuilder(nodeCount: 3, directedness: directedness)
      builder.addEdge(NodeID(1), NodeID(0), weight: 0.5 * scale)
      builder.addEdge(NodeID(0), NodeID(2), weight: 5.832031250000018 * scale)
      let a = try builder.build().nominalAssortativity(of: Partition(membership: [0, 0, 0]), weighted: true)
      #expect(a.qMax == 0)
      #expect(a.r.isNaN)
      #expect(abs(a.q) <= Self.tolerance)
      // Two groups, but every tie inside group 1: the same.
      let b = try builder.build().nominalAssortativity(of: Partition(membership: [1, 1, 1], groupCount: 2), weighted: true)
      #expect(b.qMax == 0 && b.r.isNaN)
    }
  }

  // MARK: Coleman

  struct Coleman: Sendable, CustomTestStringConvertible {
    var key: Ref
    var name: String
    var size: Int
    /// d_g: tie ends of the members (out-arcs when directed; undirected: sum of degrees).
    var ends: Double
    /// m_gg: tie ends inside (directed: arcs within; undirected: 2 × internal ties).
    var inside: Double
    /// E_g = d_g (n_g − 1)/(N − 1).
    var expected: Double
    var index: Double
    init(_ key: Ref, _ name: String, size: Int, ends: Double, inside: Double, expected: Double, index: Double) {
      (self.key, self.name, self.size, self.ends, self.inside, self.expected, self.index) =
        (key, name, size, ends, inside, expected, index)
    }
    var testDescription: String { "\(key.rawValue) \(name)" }
  }

  /// Tests/References/silos_reference.md §5, netseg R/coleman.R `coleman.table` re-implemented by
  /// silos_reference.py: (m_gg − E_g)/(d_g − E_g) when m_gg > E_g, else (m_gg − E_g)/E_g;
  /// undirected = netseg on `as.directed(g, 'mutual')`; weighted rows (`_w`, `_uw`) use weights
  /// (extension, not netseg). NaN = 0/0: Krackhardt group 0 is the CEO alone (n_g = 1 ⇒
  /// E_g = 0 = m_gg).
  static let coleman: [Coleman] = [
    Coleman(.karate_u, "Mr. Hi", size: 17, ends: 81, inside: 70, expected: 432.0 / 11, index: 338.0 / 459),
    Coleman(.karate_u, "Officer", size: 17, ends: 75, inside: 64, expected: 400.0 / 11, index: 304.0 / 425),
    Coleman(.karate_w, "Mr. Hi", size: 17, ends: 237, inside: 212, expected: 1264.0 / 11, index: 1068.0 / 1343),
    Coleman(.karate_w, "Officer", size: 17, ends: 225, inside: 200, expected: 1200.0 / 11, index: 40.0 / 51),
    Coleman(.krack_adv_d, "0", size: 1, ends: 8, inside: 0, expected: 0.0, index: .nan),
    Coleman(.krack_adv_d, "1", size: 5, ends: 27, inside: 9, expected: 27.0 / 5, index: 1.0 / 6),
    Coleman(.krack_adv_d, "2", size: 8, ends: 96, inside: 25, expected: 168.0 / 5, index: -43.0 / 168),
    Coleman(.krack_adv_d, "3", size: 3, ends: 34, inside: 4, expected: 17.0 / 5, index: 1.0 / 51),
    Coleman(.krack_adv_d, "4", size: 4, ends: 25, inside: 8, expected: 15.0 / 4, index: 1.0 / 5),
    Coleman(.krack_adv_u, "0", size: 1, ends: 14, inside: 0, expected: 0.0, index: .nan),
    Coleman(.krack_adv_u, "1", size: 5, ends: 57, inside: 10, expected: 57.0 / 5, index: -7.0 / 57),
    Coleman(.krack_adv_u, "2", size: 8, ends: 116, inside: 42, expected: 203.0 / 5, index: 7.0 / 377),
    Coleman(.krack_adv_u, "3", size: 3, ends: 45, inside: 6, expected: 9.0 / 2, index: 1.0 / 27),
    Coleman(.krack_adv_u, "4", size: 4, ends: 58, inside: 12, expected: 87.0 / 10, index: 33.0 / 493),
    Coleman(.krack_adv_uw, "0", size: 1, ends: 21, inside: 0, expected: 0.0, index: .nan),
    Coleman(.krack_adv_uw, "1", size: 5, ends: 78, inside: 18, expected: 78.0 / 5, index: 1.0 / 26),
    Coleman(.krack_adv_uw, "2", size: 8, ends: 140, inside: 50, expected: 49.0, index: 1.0 / 91),
    Coleman(.krack_adv_uw, "3", size: 3, ends: 69, inside: 8, expected: 69.0 / 10, index: 11.0 / 621),
    Coleman(.krack_adv_uw, "4", size: 4, ends: 72, inside: 16, expected: 54.0 / 5, index: 13.0 / 153),
    Coleman(.krack_fri_d, "0", size: 1, ends: 0, inside: 0, expected: 0.0, index: .nan),
    Coleman(.krack_fri_d, "1", size: 5, ends: 33, inside: 11, expected: 33.0 / 5, index: 1.0 / 6),
    Coleman(.krack_fri_d, "2", size: 8, ends: 32, inside: 17, expected: 56.0 / 5, index: 29.0 / 104),
    Coleman(.krack_fri_d, "3", size: 3, ends: 21, inside: 1, expected: 21.0 / 10, index: -11.0 / 21),
    Coleman(.krack_fri_d, "4", size: 4, ends: 16, inside: 9, expected: 12.0 / 5, index: 33.0 / 68),
    Coleman(.lazega_cow_d, "corporate", size: 30, ends: 453, inside: 327, expected: 13137.0 / 70, index: 3251.0 / 6191),
    Coleman(.lazega_cow_d, "litigation", size: 41, ends: 651, inside: 506, expected: 372.0, index: 134.0 / 279),
    Coleman(.lazega_cow_u, "corporate", size: 30, ends: 604, inside: 412, expected: 8758.0 / 35, index: 2831.0 / 6191),
    Coleman(.lazega_cow_u, "litigation", size: 41, ends: 848, inside: 656, expected: 3392.0 / 7, index: 25.0 / 53),
    Coleman(.lazega_cow_uw, "corporate", size: 30, ends: 925, inside: 654, expected: 5365.0 / 14, index: 3791.0 / 7585),
    Coleman(.lazega_cow_uw, "litigation", size: 41, ends: 1283, inside: 1012, expected: 5132.0 / 7, index: 1952.0 / 3849),
    Coleman(.lazega_adv_d, "corporate", size: 30, ends: 366, inside: 241, expected: 5307.0 / 35, index: 3128.0 / 7503),
    Coleman(.lazega_adv_d, "litigation", size: 41, ends: 526, inside: 420, expected: 2104.0 / 7, index: 418.0 / 789),
  ]

  @Test(arguments: coleman)
  func colemanHomophily(_ row: Coleman) throws {
    let (_, graph, groups) = try row.key.load()
    let g = try #require(groups.names?.firstIndex(of: row.name))
    #expect(groups.sizes[g] == row.size)
    let h = try graph.colemanHomophily(of: groups, weighted: row.key.weighted)[g]
    #expect(h.ties == row.ends)
    #expect(h.inside == row.inside)
    #expect(isClose(h.expected, row.expected, tolerance: Self.tolerance))
    #expect(isClose(h.index, row.index, tolerance: Self.tolerance))
  }

  /// Two K4 with a bridge, Tests/References/silos_reference.md §9: d_g = 13, m_gg = 12, E_g = 39/7,
  /// index 45/52.
  @Test func colemanTwoK4() throws {
    let network = ReferenceNetworks.twoK4()
    for h in try network.graph.colemanHomophily(of: network.groups!) {
      #expect(h.ties == 13 && h.inside == 12)
      #expect(isClose(h.expected, 39.0 / 7, tolerance: Self.tolerance))
      #expect(isClose(h.index, 45.0 / 52, tolerance: Self.tolerance))
    }
  }

  /// One group holding everybody: every tie end is inside and E_g = d_g (n_g − 1)/(N − 1)
  /// = d_g = m_gg, so m_gg ≤ E_g and the index is (m_gg − E_g)/E_g = 0
  /// (Tests/References/silos_reference.md §5 formula). Regression: the property test
  /// `invariantUnderScalingWeights` found 1.0 for a single tie weighing 0.5226992209459429 ×
  /// 326.5102755751292 on 4 nodes (E_g rounded an ulp below m_gg, taking the other branch,
  /// 0/0-like ulp/ulp).
  @Test(arguments: [1.0, 0.5226992209459429, 0.5226992209459429 * 326.5102755751292, 0.1, 7.3])
  func colemanOneGroupIsZero(_ weight: Double) throws {
    for directedness in Directedness.allCases {
      var builder = GraphBuilder(nodeCount: 4, directedness: directedness)
      builder.addEdge(NodeID(0), NodeID(1), weight: weight)
      builder.addEdge(NodeID(2), NodeID(1), weight: weight * 3)
      builder.addEdge(NodeID(1), NodeID(3), weight: 5.832031250000018 * weight)
      let h = try builder.build().colemanHomophily(of: Partition(membership: [0, 0, 0, 0]), weighted: true)
      #expect(h[0].index == 0)
      #expect(h[0].expected == h[0].ties)
      #expect(h[0].inside == h[0].ties)
    }
  }

  /// Documented NaN: a graph of one person; a group whose members have no ties.
  @Test func colemanUndefined() throws {
    let single = CollaborationGraph(isolatedNodes: 1)
    #expect(try single.colemanHomophily(of: Partition(membership: [0]))[0].index.isNaN)
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(NodeID(0), NodeID(1))
    let h = try builder.build().colemanHomophily(of: Partition(membership: [0, 0, 1, 1]))
    #expect(h[1].index.isNaN)
    #expect(h[1].ties == 0 && h[1].expected == 0)  // E_g = 0 · 1/3, as silos_reference.md §5 writes it
    // Group 0 keeps its only tie inside: d = 2, m = 2, E = 2·1/3 ⇒ (2 − 2/3)/(2 − 2/3) = 1.
    #expect(isClose(h[0].index, 1, tolerance: Self.tolerance))
  }
}
