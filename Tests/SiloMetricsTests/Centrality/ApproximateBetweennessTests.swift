import Foundation
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Sampled-source betweenness, scaled as networkx 3.6.1 `betweenness_centrality(G, k=…)`
/// scales it (`_rescale` with `sampled_nodes`, in networkx's
/// `algorithms/centrality/betweenness.py`), and the Riondato–Kornaropoulos estimate with its
/// error bound.
@Suite("Betweenness: sampled sources and adaptive estimate")
struct ApproximateBetweennessTests {
  typealias F = BrokersFixtures

  /// All subsets of size k of 0..<n, ascending.
  static func subsets(_ n: Int, _ k: Int) -> [[Int]] {
    if k == 0 { return [[]] }
    if n < k { return [] }
    return subsets(n - 1, k) + subsets(n - 1, k - 1).map { $0 + [n - 1] }
  }

  /// networkx 3.6.1 `_rescale(…, sampled_nodes=S)` with endpoints=False, applied to the Brandes
  /// sums over the sources S (computed here independently, by hops): N = n − 1, K = |S|,
  /// normalized: 1/((K − 1)(N − 1)) for v ∈ S (NaN when K = 1), 1/(K(N − 1)) otherwise;
  /// raw: N/((K − 1)c) for v ∈ S, N/(Kc) otherwise, c = 2 undirected, 1 directed.
  static func networkXScaled(_ dependencies: [[Double]], sources: [Int], normalized: Bool, directed: Bool) -> [Double] {
    let n = dependencies.count
    let N = Double(n - 1), K = Double(sources.count), c = directed ? 1.0 : 2.0
    var sums = [Double](repeating: 0, count: n)
    for s in sources { for v in 0 ..< n { sums[v] += dependencies[s][v] } }
    let source = sources.count > 1 ? (normalized ? 1 / ((K - 1) * (N - 1)) : N / ((K - 1) * c)) : .nan
    let other = normalized ? 1 / (K * (N - 1)) : N / (K * c)
    return (0 ..< n).map { sums[$0] * (sources.contains($0) ? source : other) }
  }

  /// Expects that exactly one set of k sources explains the sampled scores under networkx's
  /// scaling, and returns it.
  @discardableResult
  static func expectNetworkXScaling(
    _ graph: CollaborationGraph, k: Int, seed: UInt64, normalized: Bool, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [Int]? {
    let n = graph.nodeCount
    let result = graph.sampledBetweenness(sources: k, seed: seed, options: F.options(normalized: normalized))
    #expect(result.sources == k, sourceLocation: sourceLocation)
    #expect(result.approximation?.method == .sampledSources, sourceLocation: sourceLocation)
    #expect(result.approximation?.samples == k && result.approximation?.seed == seed, sourceLocation: sourceLocation)
    let dependencies = (0 ..< n).map { F.dependencies(graph, from: $0) }
    let matches = subsets(n, k).filter { sources in
      let expected = networkXScaled(dependencies, sources: sources, normalized: normalized, directed: graph.isDirected)
      return zip(result.scores, expected).allSatisfy { BrokersCheck.close($0, $1) }
    }
    #expect(matches.count == 1, "k = \(k), seed \(seed), normalized \(normalized): source sets that fit: \(matches)", sourceLocation: sourceLocation)
    return matches.first
  }

  /// A directed graph without symmetries: two cycles 0→1→2→3→0 and 1→4→5→6→1 with chords 2→5, 3→6.
  static var directedSample: CollaborationGraph {
    F.graph(7, [(0, 1), (1, 2), (2, 3), (3, 0), (1, 4), (4, 5), (5, 6), (6, 1), (2, 5), (3, 6)], .directed)
  }

  @Test("sources ≥ n is the exact measure")
  func allSourcesIsExact() throws {
    for graph in [F.kite, try F.karate().graph, Self.directedSample] {
      let n = graph.nodeCount
      for normalized in [true, false] {
        let exact = graph.betweenness(F.options(normalized: normalized))
        for k in [n, n + 5] {
          let sampled = graph.sampledBetweenness(sources: k, seed: 3, options: F.options(normalized: normalized))
          #expect(sampled == exact)
          #expect(sampled.approximation == nil && sampled.sources == n)
        }
      }
    }
  }

  @Test("The same seed gives the same result")
  func sameSeed() throws {
    let graph = try F.karate().graph
    for options in [F.options(), F.options(.inverseWeight, normalized: false)] {
      let a = graph.sampledBetweenness(sources: 8, seed: 99, options: options)
      let b = graph.sampledBetweenness(sources: 8, seed: 99, options: options)
      #expect(a == b)
      #expect(a.approximation?.seed == 99)
    }
  }

  @Test("n − 1 sources on the kite: networkx's source and non-source scales, normalized and raw")
  func kiteAllButOne() {
    for seed: UInt64 in [1, 2, 3, 4] {
      let normalized = Self.expectNetworkXScaling(F.kite, k: 9, seed: seed, normalized: true)
      let raw = Self.expectNetworkXScaling(F.kite, k: 9, seed: seed, normalized: false)
      // The seed, not the normalization, picks the sources.
      #expect(normalized == raw)
    }
  }

  @Test("3 of 10 sources on the kite, 3 of 7 on a directed graph (c = 1)")
  func fewSources() {
    for seed: UInt64 in [5, 6] {
      for normalized in [true, false] {
        Self.expectNetworkXScaling(F.kite, k: 3, seed: seed, normalized: normalized)
        Self.expectNetworkXScaling(Self.directedSample, k: 3, seed: seed, normalized: normalized)
      }
    }
  }

  @Test("One source: the source's own score is NaN, as networkx 3.6.1 gives for k=1")
  func oneSource() {
    // networkx 3.6.1 _rescale: scale_source = math.nan when K_source = 1 ("no data for source
    // node when k=1"); e.g. nx.betweenness_centrality(kite, k=1, seed=1)[2] is nan.
    let result = F.kite.sampledBetweenness(sources: 1, seed: 11)
    let undefined = (0 ..< 10).filter { result.scores[$0].isNaN }
    #expect(undefined.count == 1)
    if let s = undefined.first {
      let expected = Self.networkXScaled((0 ..< 10).map { F.dependencies(F.kite, from: $0) }, sources: [s], normalized: true, directed: false)
      BrokersCheck.expectClose(result.scores, expected, "k = 1")
    }
  }

  /// ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, Riondato & Kornaropoulos (2016) theorem 2 with c = 0.5,
  /// for the true vertex diameter VD.
  static func requiredSamples(vertexDiameter: Int, epsilon: Double, delta: Double) -> Int {
    let log2Term = floor(log2(Double(max(1, vertexDiameter - 2))))
    return Int((0.5 / (epsilon * epsilon) * (log2Term + 1 + log(1 / delta))).rounded(.up))
  }

  /// The guarantee is probabilistic: with probability at least 1 − δ = 0.9, every estimate is
  /// within ε·n/(n − 2) of the exact networkx-normalized score. The seed is fixed, so the test
  /// is deterministic; a failure would be a 1-in-10 event for a correct sampler, or a bug.
  static func expectWithinBound(_ graph: CollaborationGraph, options: BetweennessOptions = F.options(), seed: UInt64, _ what: String) throws {
    let epsilon = 0.05, delta = 0.1
    let estimate = try graph.adaptiveBetweenness(epsilon: epsilon, delta: delta, seed: seed, options: options)
    let exact = graph.betweenness(options)
    let n = Double(graph.nodeCount)
    let bound = epsilon * n / (n - 2)
    let worst = zip(estimate.scores, exact.scores).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= bound, "\(what): largest error \(worst) > bound \(bound)")
    #expect(estimate.approximation?.method == .riondatoKornaropoulos)
    #expect(estimate.approximation?.epsilon == epsilon && estimate.approximation?.delta == delta)
    #expect(estimate.approximation?.seed == seed)
    // The estimate is not the exact measure in disguise: it drew samples, and enough of them.
    let samples = estimate.approximation?.samples ?? 0
    #expect(samples >= Self.requiredSamples(vertexDiameter: F.vertexDiameter(graph), epsilon: epsilon, delta: delta))
    #expect(estimate.sources == samples)
  }

  @Test("Adaptive estimate within ε·n/(n − 2) of exact on karate (ε = 0.05, δ = 0.1, fixed seeds)")
  func adaptiveKarate() throws {
    let graph = try F.karate().graph
    for seed: UInt64 in [1, 2, 3] { try Self.expectWithinBound(graph, seed: seed, "karate hops, seed \(seed)") }
    try Self.expectWithinBound(graph, options: F.options(.inverseWeight), seed: 1, "karate 1/w")
  }

  @Test("Adaptive estimate within ε·n/(n − 2) of exact on a generated 300-node graph (ε = 0.05, δ = 0.1)")
  func adaptiveGenerated() throws {
    let graph = F.randomGraph(nodes: 300, ties: 600, seed: 2024)
    try Self.expectWithinBound(graph, seed: 1, "generated 300 nodes, hops")
    try Self.expectWithinBound(graph, options: F.options(.inverseWeight, ties: .tolerant), seed: 2, "generated 300 nodes, 1/w")
    let directed = F.randomGraph(nodes: 300, ties: 900, seed: 77, directedness: .directed)
    try Self.expectWithinBound(directed, seed: 3, "generated 300 nodes, directed")
  }

  @Test("Adaptive sample size uses a true bound on the vertex diameter of a directed graph")
  func directedVertexDiameter() throws {
    // A directed path 0 → 1 → … → 40 and a hub 41 with arcs to every path node. Without
    // direction every node is within 2 of node 0; along the arcs 0 reaches 40 only by the
    // path: 41 nodes on that shortest path.
    let length = 40
    var edges = (0 ..< length).map { ($0, $0 + 1) }
    edges += (0 ... length).map { (length + 1, $0) }
    let graph = F.graph(length + 2, edges, .directed)
    #expect(F.vertexDiameter(graph) == length + 1)
    let estimate = try graph.adaptiveBetweenness(epsilon: 0.05, delta: 0.1, seed: 1)
    let required = Self.requiredSamples(vertexDiameter: length + 1, epsilon: 0.05, delta: 0.1)
    #expect((estimate.approximation?.samples ?? 0) >= required)
  }

  @Test("Invalid ε or δ throw", arguments: [0.0, 1.0, -0.5, 1.5, .nan, .infinity])
  func invalidArguments(_ value: Double) throws {
    let graph = F.kite
    #expect(throws: MetricError.self) { try graph.adaptiveBetweenness(epsilon: value, delta: 0.1) }
    #expect(throws: MetricError.self) { try graph.adaptiveBetweenness(epsilon: 0.1, delta: value) }
  }

  @Test("Valid ε and δ just inside (0, 1) do not throw")
  func validArguments() throws {
    let estimate = try F.kite.adaptiveBetweenness(epsilon: 0.5, delta: 0.999, seed: 4)
    #expect(estimate.scores.count == 10)
  }
}
