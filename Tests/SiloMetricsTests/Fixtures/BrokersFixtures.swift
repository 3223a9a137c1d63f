import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Comparisons for the broker tests: 1e-12, absolute for values up to 1 and relative above.
enum BrokersCheck {
  static let tolerance = 1e-12

  /// Whether `actual` is within `tolerance · max(1, |expected|)` of `expected` (the shared
  /// `isClose(_:_:relative:)` at the broker tests' tolerance); NaN only matches NaN.
  static func close(_ actual: Double, _ expected: Double, tolerance: Double = tolerance) -> Bool {
    isClose(actual, expected, relative: tolerance)
  }

  /// Expects every value of `actual` close to `expected`, node by node.
  static func expectClose(
    _ actual: some Collection<Double>, _ expected: [Double], _ what: String, tolerance: Double = tolerance,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let actual = Array(actual)
    #expect(actual.count == expected.count, "\(what): \(actual.count) values for \(expected.count)", sourceLocation: sourceLocation)
    for i in 0 ..< min(actual.count, expected.count) where !close(actual[i], expected[i], tolerance: tolerance) {
      Issue.record("\(what), node index \(i): \(actual[i]) vs expected \(expected[i])", sourceLocation: sourceLocation)
    }
  }
}

/// Graphs and helpers of the broker tests.
enum BrokersFixtures {
  static func graph(
    _ n: Int, _ edges: [(Int, Int)], _ directedness: Directedness = .undirected
  ) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: n, directedness: directedness)
    for (u, v) in edges { builder.addEdge(NodeID(u), NodeID(v)) }
    return builder.build()
  }

  static func weightedGraph(
    _ n: Int, _ edges: [(Int, Int, Double)], _ directedness: Directedness = .undirected
  ) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: n, directedness: directedness)
    for (u, v, w) in edges { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
    return builder.build()
  }

  /// The Krackhardt kite as NetworkX 3.6.1 `krackhardt_kite_graph()` builds it (its adjacency
  /// dict): 0 Andre, 1 Beverly, 2 Carol, 3 Diane, 4 Ed, 5 Fernando, 6 Garth, 7 Heather, 8 Ike,
  /// 9 Jane; 18 ties.
  static let kiteEdges: [(Int, Int)] = {
    let adjacency: [Int: [Int]] = [
      0: [1, 2, 3, 5], 1: [0, 3, 4, 6], 2: [0, 3, 5], 3: [0, 1, 2, 4, 5, 6], 4: [1, 3, 6],
      5: [0, 2, 3, 6, 7], 6: [1, 3, 4, 5, 7], 7: [5, 6, 8], 8: [7, 9], 9: [8],
    ]
    return adjacency.keys.sorted().flatMap { u in adjacency[u]!.filter { $0 > u }.map { (u, $0) } }
  }()

  static var kite: CollaborationGraph { graph(10, kiteEdges) }

  /// The 16 Florentine families with their marriage ties (`flo16`; `florentine16()` of
  /// Tests/References/brokers_reference.py builds the same graph): ids 1…16 of
  /// `padgett_florentine/nodes.csv` as nodes 0…15, Pucci (id 12, node 11) isolated.
  static func florentine16() throws -> Network {
    try ReferenceNetworks.load("padgett_florentine", relation: "marriage", directed: false)
  }

  /// The node of Pucci, the isolate of the marriage network.
  static let pucci = 11

  /// `flo15`: the same ties without Pucci (NetworkX `florentine_families_graph()`), nodes in
  /// alphabetical order of family name.
  static func florentine15() throws -> CollaborationGraph {
    let full = try florentine16().graph
    var builder = GraphBuilder(nodeCount: 15)
    let index = { (v: NodeID) in v.index < pucci ? v.index : v.index - 1 }
    for edge in full.edges {
      precondition(edge.source.index != pucci && edge.target.index != pucci)
      builder.addEdge(NodeID(index(edge.source)), NodeID(index(edge.target)), weight: edge.weight)
    }
    return builder.build()
  }

  static func karate() throws -> Network { try ReferenceNetworks.karate() }

  /// Lazega cowork as surveyed (`laz_d`, brokers_reference.py `lazega_directed()`): directed,
  /// weight 1.
  static func lazegaDirected() throws -> Network {
    try ReferenceNetworks.load("lazega_lawfirm", relation: "cowork", directed: true)
  }

  /// `laz_u`: a tie {u, v} when u → v or v → u, weight 1 (brokers_reference.py
  /// `or_symmetrized()`).
  static func orSymmetrized(_ graph: CollaborationGraph) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: graph.nodeCount)
    for edge in graph.edges where graph.weight(from: edge.target, to: edge.source) == nil || edge.source < edge.target {
      builder.addEdge(edge.source, edge.target)
    }
    return builder.build()
  }

  /// Krackhardt's high-tech managers, advice relation (source asks target), departments as
  /// groups (`krack`, brokers_reference.py `krackhardt_advice()`).
  static func krackhardtAdvice() throws -> Network {
    try ReferenceNetworks.load("krackhardt_hightech", relation: "advice", directed: true)
  }

  /// The graph of rigraph issue #314 (brokers_reference.py `rigraph314()`): R names 1…16 as
  /// nodes 0…15, weights are lengths.
  static var rigraph314: CollaborationGraph {
    let from = [1, 2, 3, 3, 3, 4, 6, 7, 2, 9, 5, 7, 9, 9, 5, 8]
    let to = [4, 3, 6, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    let lengths = [
      1.9617537, 0.9060834, 2.2165446, 1.6251956, 2.4473929, 0.5913490, 8.7093236, 2.8387330,
      6.1225042, 20.7217776, 6.8027218, 16.3147479, 5.2605598, 6.6816853, 4.9482123, 1.8989790,
    ]
    return weightedGraph(16, (0 ..< 16).map { (from[$0] - 1, to[$0] - 1, lengths[$0]) })
  }

  /// The designed inverse-weight near-ties (brokers_reference.py `near_tie()`; strengths,
  /// length 1/w): 0–1–2 ties 0–2 exactly (1/10 + 1/15 = 1/6) and 2–3–4–5 ties 2–5
  /// (1/2 + 1/3 + 1/6 = 1), but not in floating point.
  static var nearTie: CollaborationGraph {
    weightedGraph(8, [(0, 1, 10), (1, 2, 15), (0, 2, 6), (2, 3, 2), (3, 4, 3), (4, 5, 6), (2, 5, 1), (5, 6, 1), (0, 7, 1)])
  }

  /// A seeded random graph: `ties` ties between random distinct nodes with integer strengths
  /// 1…5 (so that inverse-weight path lengths tie and near-tie), plus a ring through every node
  /// so that it is connected.
  static func randomGraph(nodes n: Int, ties: Int, seed: UInt64, directedness: Directedness = .undirected) -> CollaborationGraph {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(nodeCount: n, directedness: directedness)
    for v in 0 ..< n { builder.addEdge(NodeID(v), NodeID((v + 1) % n), weight: Double(1 + rng.next() % 5)) }
    for _ in 0 ..< ties {
      let u = Int(rng.next() % UInt64(n))
      var v = Int(rng.next() % UInt64(n - 1))
      if v >= u { v += 1 }
      builder.addEdge(NodeID(u), NodeID(v), weight: Double(1 + rng.next() % 5))
    }
    return builder.build()
  }

  /// Hop distances from `s` along the ties (out-ties when directed); −1 when unreachable.
  static func hops(_ graph: CollaborationGraph, from s: Int) -> [Int] {
    var distance = [Int](repeating: -1, count: graph.nodeCount)
    distance[s] = 0
    var queue = [s], head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in graph.neighbors(of: NodeID(v)).nodes where distance[w.index] < 0 {
        distance[w.index] = distance[v] + 1
        queue.append(w.index)
      }
    }
    return distance
  }

  /// Brandes' dependencies δ_s(v) of one source, by hops, written independently of the library:
  /// all shortest paths from s by breadth-first search, then the backward sum
  /// δ_s(v) = Σ_{w: v pred of w} σ_sv/σ_sw (1 + δ_s(w)). δ_s(s) = 0.
  static func dependencies(_ graph: CollaborationGraph, from s: Int) -> [Double] {
    let n = graph.nodeCount
    let distance = hops(graph, from: s)
    var sigma = [Double](repeating: 0, count: n)
    sigma[s] = 1
    let order = (0 ..< n).filter { distance[$0] >= 0 }.sorted { distance[$0] < distance[$1] }
    for v in order {
      for w in graph.neighbors(of: NodeID(v)).nodes where distance[w.index] == distance[v] + 1 {
        sigma[w.index] += sigma[v]
      }
    }
    var delta = [Double](repeating: 0, count: n)
    for w in order.reversed() {
      for v in graph.inNeighbors(of: NodeID(w)).nodes where distance[v.index] >= 0 && distance[v.index] == distance[w] - 1 {
        delta[v.index] += sigma[v.index] / sigma[w] * (1 + delta[w])
      }
    }
    delta[s] = 0
    return delta
  }

  /// Σ over connected pairs of (d − 1): unordered pairs undirected, ordered pairs directed.
  static func interiorNodeCount(_ graph: CollaborationGraph) -> Int {
    var total = 0
    for s in 0 ..< graph.nodeCount {
      for (t, d) in hops(graph, from: s).enumerated() where t != s && d > 0 { total += d - 1 }
    }
    return graph.isDirected ? total : total / 2
  }

  /// Nodes on a longest shortest path (hops, along the direction of ties).
  static func vertexDiameter(_ graph: CollaborationGraph) -> Int {
    var longest = 0
    for s in 0 ..< graph.nodeCount { longest = max(longest, hops(graph, from: s).max() ?? 0) }
    return longest + 1
  }

  /// The distinct neighbours of a node, in- and out-ties together.
  static func distinctNeighbours(_ graph: CollaborationGraph, _ v: Int) -> Int {
    Set(graph.neighbors(of: NodeID(v)).nodes).union(graph.inNeighbors(of: NodeID(v)).nodes).count
  }

  /// A seeded permutation of 0..<n.
  static func permutation(_ n: Int, seed: UInt64) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    var p = Array(0 ..< n)
    for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    return p
  }

  static func options(
    _ distance: EdgeDistance = .hops, ties: PathTieRule = .exact, normalized: Bool = true, threads: Int = 1
  ) -> BetweennessOptions {
    var options = BetweennessOptions(distance: distance, normalized: normalized, threads: threads)
    options.ties = ties
    return options
  }
}
