import PropertyBased
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Properties of exact betweenness on random small graphs (`Gen.smallGraph`: 1–12 nodes, 0–40
/// ties with weights in [0.5, 10], self-loops and parallel ties included).
@Suite("Betweenness: properties")
struct BetweennessPropertyTests {
  typealias F = BrokersFixtures

  static let allOptions: [BetweennessOptions] = EdgeDistance.allCases.flatMap { distance in
    PathTieRule.allCases.flatMap { ties in
      [true, false].map { F.options(distance, ties: ties, normalized: $0) }
    }
  }

  @Test("Betweenness is never negative, for every distance, tie rule, normalization and direction")
  func nonNegative() async {
    await propertyCheck(input: Gen.smallGraph) { small in
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        for options in Self.allOptions {
          let scores = graph.betweenness(options).scores
          #expect(scores.count == small.nodeCount)
          #expect(scores.allSatisfy { $0 >= 0 && $0.isFinite }, "\(options): \(scores.values)")
        }
      }
    }
  }

  @Test("Unweighted raw sum = Σ over connected pairs (d − 1), unordered undirected, ordered directed")
  func sumOfInteriorNodes() async {
    await propertyCheck(input: Gen.smallGraph) { small in
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        let sum = graph.betweenness(F.options(normalized: false)).scores.reduce(0, +)
        let expected = Double(F.interiorNodeCount(graph))
        #expect(BrokersCheck.close(sum, expected), "\(directedness): Σ = \(sum), Σ(d − 1) = \(expected)")
      }
    }
  }

  @Test("Relabelling the nodes permutes the scores")
  func relabelling() async {
    await propertyCheck(input: Gen.smallGraph, Gen<UInt64>.uint64(in: 0 ... 1_000_000)) { small, seed in
      let pi = F.permutation(small.nodeCount, seed: seed)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        var builder = GraphBuilder(nodeCount: small.nodeCount, directedness: directedness)
        for (u, v, w) in small.edges { builder.addEdge(NodeID(pi[u]), NodeID(pi[v]), weight: w) }
        let relabelled = builder.build()
        for options in Self.allOptions {
          let before = graph.betweenness(options).scores
          let after = relabelled.betweenness(options).scores
          for v in 0 ..< small.nodeCount where !BrokersCheck.close(after[pi[v]], before[v]) {
            Issue.record("\(directedness), \(options): node \(v) → \(pi[v]): \(before[v]) vs \(after[pi[v]])")
          }
        }
      }
    }
  }

  @Test("Adding the ties in another order gives the same graph and the same scores, bit for bit")
  func tieOrder() async {
    await propertyCheck(input: Gen.smallGraph, Gen<UInt64>.uint64(in: 0 ... 1_000_000)) { small, seed in
      let order = F.permutation(small.edges.count, seed: seed)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        let shuffled = small.build(directedness, order: order)
        #expect(shuffled == graph)
        for options in Self.allOptions {
          #expect(shuffled.betweenness(options).scores == graph.betweenness(options).scores)
        }
      }
    }
  }
}
