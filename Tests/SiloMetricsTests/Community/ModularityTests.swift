import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Modularity of the formal groups (departments): undirected Newman–Girvan with resolution γ,
/// directed Leicht–Newman, weighted and unweighted (reference values:
/// Tests/References/silos_reference.md §1).
@Suite struct ModularityTests {
  /// Library-style floating sums agree with the exact rational values to 1e-12
  /// (Tests/References/silos_reference.md §11: every rounding-only difference is ≤ 4.5e-16).
  static let tolerance = 1e-12

  struct Row: Sendable, CustomTestStringConvertible {
    var key: Ref
    var resolution: Double
    /// Q exact = numerator / denominator.
    var numerator: Double
    var denominator: Double
    /// Q_c per group in group (sorted name) order, hand floats.
    var perGroup: [Double]
    init(_ key: Ref, _ resolution: Double, _ numerator: Double, _ denominator: Double, _ perGroup: [Double]) {
      (self.key, self.resolution, self.numerator, self.denominator, self.perGroup) =
        (key, resolution, numerator, denominator, perGroup)
    }
    var testDescription: String { "\(key.rawValue) γ=\(resolution)" }
  }

  /// Tests/References/silos_reference.md §1 "Modularity of the `group` partition": Q exact
  /// (Fraction, hand formula Σ_c L_c/m − γ(k_c/2m)², directed Σ_c L_c/m − γ k_c^out k_c^in/m²),
  /// equal within ≤ 1.7e-16 to networkx 3.6.1 `nx.community.modularity(G, parts, weight=('weight'
  /// if weighted else None), resolution=γ)` and python-igraph 1.0.0 `g.modularity(membership,
  /// weights=…, resolution=γ, directed=G.is_directed())`; Q_c = the per-group hand column (group
  /// order as in §0: Mr. Hi, Officer / 0…4 / corporate, litigation). Weighted keys (`_w`, `_uw`)
  /// are evaluated with weights, the others without.
  static let rows: [Row] = [
    Row(.karate_u, 1.0, 1453, 4056, [0.1791173570019724, 0.1791173570019724]),
    Row(.karate_u, 0.5, 4937, 8112, [0.31391765285996054, 0.2946868836291913]),
    Row(.karate_u, 2.0, -289, 2028, [-0.09048323471400395, -0.052021696252465485]),
    Row(.karate_w, 1.0, 13925, 35574, [0.19571878338112103, 0.19571878338112103]),
    Row(.karate_w, 0.5, 45649, 71148, [0.32729662112778996, 0.31430960814077696]),
    Row(.karate_w, 2.0, -1937, 17787, [-0.06743689211221679, -0.041462866138190814]),
    Row(.krack_adv_d, 1.0, 67, 3610, [-0.0028808864265927976, 0.009224376731301939, 0.014570637119113574, -0.011911357340720222, 0.009556786703601107]),
    Row(.krack_adv_d, 0.5, 941, 7220, [-0.0014404432132963988, 0.028296398891966758, 0.07307479224376731, 0.004570637119113574, 0.02583102493074792]),
    Row(.krack_adv_d, 2.0, -74, 361, [-0.005761772853185595, -0.0289196675900277, -0.1024376731301939, -0.04487534626038781, -0.02299168975069252]),
    Row(.krack_adv_u, 1.0, -199, 8410, [-0.0023305588585017835, -0.004149821640903686, -0.015172413793103448, -0.0033888228299643283, 0.001379310344827586]),
    Row(.krack_adv_u, 0.5, 1831, 16820, [-0.0011652794292508917, 0.015166468489892984, 0.06482758620689655, 0.008650416171224732, 0.021379310344827585]),
    Row(.krack_adv_u, 2.0, -1214, 4205, [-0.004661117717003567, -0.042782401902497026, -0.17517241379310344, -0.02746730083234245, -0.038620689655172416]),
    Row(.krack_adv_uw, 1.0, -111, 14440, [-0.003054016620498615, 0.005235457063711911, -0.004155124653739612, -0.011918282548476454, 0.006204986149584487]),
    Row(.krack_adv_uw, 0.5, 677, 5776, [-0.0015270083102493074, 0.026301939058171745, 0.06371191135734072, 0.004567174515235457, 0.02415512465373961]),
    Row(.krack_adv_uw, 2.0, -1859, 7220, [-0.00610803324099723, -0.036897506925207754, -0.13988919667590027, -0.04488919667590028, -0.029695290858725763]),
    Row(.krack_fri_d, 1.0, 1235, 10404, [0.0, 0.025374855824682813, 0.059015763168012304, -0.012399077277970011, 0.04671280276816609]),
    Row(.krack_fri_d, 0.5, 5111, 20808, [0.0, 0.06660899653979238, 0.11284121491733949, -0.0012975778546712802, 0.06747404844290658]),
    Row(.krack_fri_d, 2.0, -703, 5202, [0.0, -0.05709342560553633, -0.04863514033064206, -0.03460207612456748, 0.005190311418685121]),
    Row(.lazega_cow_d, 1.0, 6133, 25392, [0.12076638311279143, 0.12076638311279143]),
    Row(.lazega_cow_d, 0.5, 6323, 12696, [0.20848101764335222, 0.2895498582230624]),
    Row(.lazega_cow_d, 2.0, -6893, 25392, [-0.05466288594833018, -0.21680056710775047]),
    Row(.lazega_cow_u, 1.0, 29176, 131769, [0.11070889207628501, 0.11070889207628501]),
    Row(.lazega_cow_u, 0.5, 126097, 263538, [0.1972277242750571, 0.2812497628425502]),
    Row(.lazega_cow_u, 2.0, -38569, 131769, [-0.06232877232125918, -0.2303728494562454]),
    Row(.lazega_cow_uw, 1.0, 588407, 2437632, [0.12069233584068473, 0.12069233584068473]),
    Row(.lazega_cow_uw, 0.5, 2427671, 4875264, [0.20844399400729888, 0.28951283458700905]),
    Row(.lazega_cow_uw, 2.0, -331225, 1218816, [-0.054810980492543585, -0.2169486616519639]),
    Row(.lazega_adv_d, 1.0, 43985, 198916, [0.11056174465603572, 0.11056174465603572]),
    Row(.lazega_adv_d, 0.5, 47847, 99458, [0.19037055842667255, 0.2907068812966277]),
    Row(.lazega_adv_d, 2.0, -59433, 198916, [-0.04905588288523799, -0.2497285286251483]),
  ]

  @Test(arguments: rows)
  func referenceValue(_ row: Row) throws {
    let (_, graph, groups) = try row.key.load()
    let q = try graph.modularity(of: groups, resolution: row.resolution, weighted: row.key.weighted)
    #expect(isClose(q.value, row.numerator / row.denominator, tolerance: Self.tolerance))
    #expect(q.perGroup.count == row.perGroup.count)
    for (found, expected) in zip(q.perGroup, row.perGroup) {
      #expect(isClose(found, expected, tolerance: Self.tolerance))
    }
    // The contributions sum to Q (the hand column sums to the exact Q exactly, §1).
    #expect(isClose(q.perGroup.reduce(0, +), row.numerator / row.denominator, tolerance: Self.tolerance))
    #expect(q.resolution == row.resolution)
    #expect(q.weighted == row.key.weighted)
    #expect(q.directed == row.key.isDirected)
  }

  /// The graphs whose ties all weigh 1 give the same Q with and without weights; the weighted
  /// graphs evaluated without weights give their unweighted sibling's Q
  /// (Tests/References/silos_reference.md §1).
  @Test(arguments: [
    // (weighted key, unweighted sibling, Q of the sibling at γ = 1, silos_reference.md §1)
    (Ref.karate_w, Ref.karate_u, 1453.0 / 4056),
    (Ref.krack_adv_uw, Ref.krack_adv_u, -199.0 / 8410),
    (Ref.lazega_cow_uw, Ref.lazega_cow_u, 29176.0 / 131769),
  ])
  func weightsIgnoredGiveTheUnweightedSibling(_ weightedKey: Ref, _ sibling: Ref, _ expected: Double) throws {
    let (_, graph, groups) = try weightedKey.load()
    let q = try graph.modularity(of: groups, weighted: false)
    #expect(isClose(q.value, expected, tolerance: Self.tolerance))
    let (_, siblingGraph, siblingGroups) = try sibling.load()
    let both = try siblingGraph.modularity(of: siblingGroups, weighted: true)
    #expect(isClose(both.value, expected, tolerance: Self.tolerance))
  }

  /// The directed (Leicht–Newman) value differs from the undirected one of the same arcs:
  /// Krackhardt advice γ = 1, directed 67/3610, OR-undirected −199/8410, sum-of-arcs undirected
  /// −111/14440 (Tests/References/silos_reference.md §1 and its igraph `directed=False`
  /// cross-check, §11).
  @Test func directedDiffersFromUndirected() throws {
    let (_, directed, groups) = try Ref.krack_adv_d.load()
    let q = try directed.modularity(of: groups)
    #expect(q.directed)
    #expect(isClose(q.value, 67.0 / 3610, tolerance: Self.tolerance))
    let summed = try ReferenceNetworks.undirectedSum(directed).modularity(of: groups, weighted: true)
    #expect(!summed.directed)
    #expect(isClose(summed.value, -111.0 / 14440, tolerance: Self.tolerance))
  }

  /// Two K4 joined by a bridge, Tests/References/silos_reference.md §9 closed form: Q(γ) = 11/26,
  /// 35/52, −1/13 for γ = 1, 0.5, 2 with Q_c = half of it per group (networkx 3.6.1 and igraph
  /// 1.0.0 agree to 1e-16).
  @Test(arguments: [(1.0, 11.0 / 26), (0.5, 35.0 / 52), (2.0, -1.0 / 13)])
  func twoK4ClosedForm(_ resolution: Double, _ expected: Double) throws {
    let network = ReferenceNetworks.twoK4()
    let q = try network.graph.modularity(of: network.groups!, resolution: resolution)
    #expect(isClose(q.value, expected, tolerance: Self.tolerance))
    #expect(q.perGroup.count == 2)
    for c in q.perGroup { #expect(isClose(c, expected / 2, tolerance: Self.tolerance)) }
  }

  /// A graph without ties has no modularity (NaN, as python-igraph 1.0.0 gives:
  /// `Graph(4).modularity([0, 0, 1, 1])` and `Graph(4, directed=True).modularity([0, 0, 1, 1])` are
  /// `nan`), undirected and directed.
  @Test(arguments: Directedness.allCases)
  func edgelessGraphIsNaN(_ directedness: Directedness) throws {
    let graph = CollaborationGraph(isolatedNodes: 4, directedness: directedness)
    let q = try graph.modularity(of: Partition(membership: [0, 0, 1, 1]))
    #expect(q.value.isNaN)
    #expect(q.perGroup.count == 2)
    #expect(q.perGroup.allSatisfy { $0.isNaN })
    // Only self-loops: they are not ties, so still NaN.
    var builder = GraphBuilder(nodeCount: 2, directedness: directedness)
    builder.addEdge(NodeID(0), NodeID(0), weight: 3)
    #expect(try builder.build().modularity(of: Partition(membership: [0, 1])).value.isNaN)
  }

  @Test(arguments: [0.0, -1.0, -0.5, Double.nan, Double.infinity, -Double.infinity])
  func invalidResolutionThrows(_ resolution: Double) throws {
    let network = ReferenceNetworks.twoK4()
    let error = #expect(throws: MetricError.self) {
      try network.graph.modularity(of: network.groups!, resolution: resolution)
    }
    #expect(error?.isInvalidArgument == true, "expected invalidArgument, got \(String(describing: error))")
  }

  @Test(arguments: [7, 9, 0])
  func partitionOfAnotherSizeThrows(_ size: Int) throws {
    let graph = ReferenceNetworks.twoK4().graph
    let partition = Partition(membership: [Int32](repeating: 0, count: size), groupCount: 1)
    #expect(throws: MetricError.notAPartition(expected: 8, actual: size)) {
      try graph.modularity(of: partition)
    }
  }

  /// One group holding everybody: Q = 1 − γ (undirected: L = m, K = 2m; directed: K^out =
  /// K^in = m), the value every modularity definition gives.
  @Test(arguments: [Ref.karate_w, .krack_adv_d], [1.0, 0.5, 2.0])
  func singleGroup(_ key: Ref, _ resolution: Double) throws {
    let (_, graph, _) = try key.load()
    let one = Partition(membership: [Int32](repeating: 0, count: graph.nodeCount))
    let q = try graph.modularity(of: one, resolution: resolution)
    #expect(isClose(q.value, 1 - resolution, tolerance: Self.tolerance))
  }
}
