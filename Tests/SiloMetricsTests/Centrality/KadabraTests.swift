import Foundation
import PropertyBased
import SiloGraph
import Testing
import _SiloTestSupport

@testable import SiloMetrics

/// The bidirectional shortest-path sampler and KADABRA's top-k estimate (Borassi & Natale
/// 2016): the sampler draws paths with the frequencies exact betweenness implies, the sample
/// limit is the paper's ω, the guarantee holds on graphs whose exact scores are known, close
/// brokers are marked as uncertain, and threads do not change the result.
@Suite("Betweenness: KADABRA top-k and the path sampler")
struct KadabraTests {
  typealias F = BrokersFixtures

  /// Expects that `samples` pairs drawn by `SampledPaths` pass through each node as often as
  /// exact betweenness implies: the share of ordered pairs (s, t) whose paths run through v,
  /// b(v)·(n − 2)/n for the NetworkX-normalized b, within five standard errors.
  static func expectUniformPaths(
    _ graph: CollaborationGraph, _ options: BetweennessOptions, samples: Int = 200_000, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let n = Double(graph.nodeCount)
    let exact = graph.betweenness(options).scores.values.map { $0 * (n - 2) / n }
    let counts = SampledPaths(graph: graph, options: options, seed: 5).counts(0 ..< samples)
    for v in 0 ..< graph.nodeCount {
      let p = exact[v], observed = Double(counts[v]) / Double(samples)
      let margin = 5 * (p * (1 - p) / Double(samples)).squareRoot() + 1e-12
      #expect(abs(observed - p) <= margin, "\(what): node \(v) on \(observed) of the paths, exact \(p)", sourceLocation: sourceLocation)
    }
  }

  @Test("Sampled paths pass through each node as often as exact betweenness says (hops, both directions)")
  func uniformHops() throws {
    Self.expectUniformPaths(F.kite, F.options(), "kite")
    Self.expectUniformPaths(try F.karate().graph, F.options(), "karate")
    // A 4 × 5 grid: many equally short paths between most pairs.
    var grid: [(Int, Int)] = []
    for r in 0 ..< 4 {
      for c in 0 ..< 5 {
        if c < 4 { grid.append((r * 5 + c, r * 5 + c + 1)) }
        if r < 3 { grid.append((r * 5 + c, (r + 1) * 5 + c)) }
      }
    }
    Self.expectUniformPaths(F.graph(20, grid), F.options(), "grid")
    Self.expectUniformPaths(F.randomGraph(nodes: 40, ties: 60, seed: 9, directedness: .directed), F.options(), "directed")
  }

  @Test("Sampled paths match exact betweenness for weighted distances (tolerant ties, both directions)")
  func uniformWeighted() throws {
    let tolerant = F.options(.inverseWeight, ties: .tolerant)
    Self.expectUniformPaths(try F.karate().graph, tolerant, "karate 1/w")
    Self.expectUniformPaths(F.nearTie, tolerant, "near tie")
    Self.expectUniformPaths(F.randomGraph(nodes: 40, ties: 80, seed: 4), tolerant, "random 1/w")
    Self.expectUniformPaths(F.randomGraph(nodes: 40, ties: 80, seed: 4), F.options(.weight, ties: .tolerant), "random w")
    Self.expectUniformPaths(F.randomGraph(nodes: 40, ties: 60, seed: 8, directedness: .directed), tolerant, "directed 1/w")
  }

  @Test("Unreachable pairs count as samples through no one")
  func unreachable() {
    // Two triangles with a tail each: half the pairs cannot reach each other.
    let graph = F.graph(8, [(0, 1), (1, 2), (2, 0), (2, 3), (4, 5), (5, 6), (6, 4), (6, 7)])
    Self.expectUniformPaths(graph, F.options(), "two components")
    Self.expectUniformPaths(F.graph(5, [(0, 1), (1, 2), (3, 4)], .directed), F.options(), "directed, one way")
  }

  @Test("The sample limit is ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉")
  func sampleLimitFormula() async {
    await propertyCheck(
      input: Gen<Double>.double(in: 0.001 ... 0.5), Gen<Double>.double(in: 0.001 ... 0.5), Gen<Int>.int(in: 1 ... 100_000)
    ) { epsilon, delta, diameter in
      let expected = (0.5 / (epsilon * epsilon) * (floor(log2(Double(max(1, diameter - 2)))) + 1 + log(2 / delta))).rounded(.up)
      #expect(CollaborationGraph.kadabraSampleLimit(epsilon: epsilon, delta: delta, vertexDiameter: diameter) == Int(expected))
    }
  }

  @Test("A ranking that cannot be settled draws exactly ω samples, and every interval is then within ±ε")
  func unsettledReachesLimit() throws {
    // A 12-cycle: every node has the same betweenness, so no two can be told apart.
    let cycle = F.graph(12, (0 ..< 12).map { ($0, ($0 + 1) % 12) })
    let epsilon = 0.005
    let result = try cycle.kadabraBetweenness(top: 3, epsilon: epsilon, delta: 0.1, seed: 2)
    // Hop vertex-diameter bound: twice node 0's eccentricity (6), plus one.
    let omega = CollaborationGraph.kadabraSampleLimit(epsilon: epsilon, delta: 0.1, vertexDiameter: 13)
    #expect(result.approximation?.samples == omega)
    let ranking = try #require(result.approximation?.ranking)
    #expect(ranking.reachedMaximum)
    #expect(!ranking.isSettled)
    let bound = epsilon * 12 / 10
    for entry in ranking.top + ranking.contenders {
      #expect(entry.upper - entry.estimate <= bound + 1e-12 && entry.estimate - entry.lower <= bound + 1e-12)
    }
    #expect(ranking.top.allSatisfy { entry in !entry.aheadOfNext })
  }

  @Test("Two brokers with equal scores: both certainly in the top 2, their order marked uncertain")
  func equalBrokersMarked() throws {
    // Hubs 0 and 1, tied to each other, with eight leaves each: equal betweenness.
    var edges = [(0, 1)]
    edges += (2 ..< 10).map { (0, $0) }
    edges += (10 ..< 18).map { (1, $0) }
    let graph = F.graph(18, edges)
    let result = try graph.kadabraBetweenness(top: 2, epsilon: 0.05, delta: 0.1, seed: 1)
    let ranking = try #require(result.approximation?.ranking)
    #expect(Set(ranking.top.map(\.node.index)) == [0, 1])
    #expect(ranking.top.allSatisfy { $0.certainInTop })
    #expect(!ranking.top[0].aheadOfNext, "the two hubs' order is not certain")
    #expect(ranking.contenderCount == 0)
    #expect(result.approximation?.statement.contains("either order") == true)
  }

  @Test("Well separated brokers: the ranking is settled and equals the exact one")
  func separatedBrokersSettled() throws {
    // Hubs 0 – 1 – 2 in a row with 12, 6 and 2 leaves.
    var edges = [(0, 1), (1, 2)]
    var next = 3
    for (hub, leaves) in [(0, 12), (1, 6), (2, 2)] {
      for _ in 0 ..< leaves { edges.append((hub, next)); next += 1 }
    }
    let graph = F.graph(next, edges)
    let exact = graph.betweenness(F.options()).scores
    let result = try graph.kadabraBetweenness(top: 3, epsilon: 0.01, delta: 0.1, seed: 3)
    let ranking = try #require(result.approximation?.ranking)
    #expect(ranking.isSettled)
    #expect(ranking.top.map(\.node.index) == Array(exact.ranked().prefix(3).map(\.index)))
    #expect((result.approximation?.samples ?? .max) < CollaborationGraph.kadabraSampleLimit(epsilon: 0.01, delta: 0.1, vertexDiameter: 5))
    for entry in ranking.top { #expect(entry.lower <= exact[entry.node.index] && exact[entry.node.index] <= entry.upper) }
  }

  @Test("Every interval holds the exact score and every certain claim is true (generated graphs, fixed seeds)")
  func guaranteeHolds() throws {
    let graphs = [
      ("undirected", F.randomGraph(nodes: 300, ties: 500, seed: 31), F.options()),
      ("undirected 1/w", F.randomGraph(nodes: 300, ties: 500, seed: 32), F.options(.inverseWeight, ties: .tolerant)),
      ("directed", F.randomGraph(nodes: 200, ties: 500, seed: 33, directedness: .directed), F.options()),
    ]
    for (what, graph, options) in graphs {
      let exact = graph.betweenness(options).scores
      let exactTop = Set(exact.ranked().prefix(5).map(\.index))
      for seed: UInt64 in 1 ... 3 {
        let result = try graph.kadabraBetweenness(top: 5, epsilon: 0.01, delta: 0.1, seed: seed, options: options)
        let ranking = try #require(result.approximation?.ranking)
        for entry in ranking.top + ranking.contenders {
          let score = exact[entry.node.index]
          #expect(entry.lower <= score && score <= entry.upper, "\(what), seed \(seed): node \(entry.node.index) exact \(score) outside [\(entry.lower), \(entry.upper)]")
        }
        for (i, entry) in ranking.top.enumerated() {
          if entry.certainInTop { #expect(exactTop.contains(entry.node.index), "\(what), seed \(seed): \(entry.node.index) marked certain") }
          if entry.aheadOfNext && i + 1 < ranking.top.count {
            #expect(exact[entry.node.index] >= exact[ranking.top[i + 1].node.index])
          }
        }
        for (estimate, score) in zip(result.scores.values, exact.values) where score == 0 { #expect(estimate == 0) }
      }
    }
  }

  @Test("One thread or two give the same estimate, bit for bit")
  func threadsDoNotMatter() throws {
    let cases: [(CollaborationGraph, EdgeDistance)] = [
      (F.randomGraph(nodes: 400, ties: 800, seed: 41), .hops),
      (F.randomGraph(nodes: 400, ties: 800, seed: 42), .inverseWeight),
      (F.randomGraph(nodes: 300, ties: 900, seed: 43, directedness: .directed), .inverseWeight),
    ]
    for (graph, distance) in cases {
      let one = try graph.kadabraBetweenness(top: 10, epsilon: 0.02, delta: 0.1, seed: 7, options: F.options(distance, threads: 1))
      let two = try graph.kadabraBetweenness(top: 10, epsilon: 0.02, delta: 0.1, seed: 7, options: F.options(distance, threads: 2))
      #expect(one == two, "\(distance)")
      let adaptiveOne = try graph.adaptiveBetweenness(epsilon: 0.05, delta: 0.1, seed: 7, options: F.options(distance, threads: 1))
      let adaptiveTwo = try graph.adaptiveBetweenness(epsilon: 0.05, delta: 0.1, seed: 7, options: F.options(distance, threads: 2))
      #expect(adaptiveOne == adaptiveTwo, "\(distance), Riondato–Kornaropoulos")
    }
  }

  @Test("All-scores mode (k = 0): every score within ε, no ranking")
  func allScores() throws {
    let graph = F.randomGraph(nodes: 200, ties: 300, seed: 51)
    let exact = graph.betweenness(F.options()).scores
    let result = try graph.kadabraBetweenness(top: 0, epsilon: 0.02, delta: 0.1, seed: 1)
    #expect(result.approximation?.ranking == nil)
    let bound = 0.02 * 200 / 198
    for v in 0 ..< 200 { #expect(abs(result.scores[v] - exact[v]) <= bound) }
  }

  @Test("Invalid ε, δ or k throw; two nodes or fewer give the exact measure")
  func edgeCases() throws {
    for value in [0.0, 1.0, -0.5, .nan, .infinity] {
      #expect(throws: MetricError.self) { try F.kite.kadabraBetweenness(top: 3, epsilon: value) }
      #expect(throws: MetricError.self) { try F.kite.kadabraBetweenness(top: 3, delta: value) }
    }
    #expect(throws: MetricError.self) { try F.kite.kadabraBetweenness(top: -1) }
    let pair = F.graph(2, [(0, 1)])
    #expect(try pair.kadabraBetweenness(top: 1) == pair.betweenness(F.options()))
  }
}
