import PropertyBased
import SiloGraph
import Testing
import _SiloTestSupport

/// Invariants of ``GraphBuilder`` on random small graphs (``Gen/smallGraph``: 1–12 nodes,
/// 0–40 ties, weights in [0.5, 10], self-loops and parallel ties included).
@Suite("Graph properties")
struct GraphPropertyTests {
  @Test("Building the same ties in reverse order gives an equal graph", arguments: Directedness.allCases)
  func reverseOrderGivesEqualGraph(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph) { g in
      let forward = g.build(directedness)
      let backward = g.build(directedness, order: Array(g.edges.indices.reversed()))
      #expect(forward == backward)
    }
  }

  @Test("Building the same ties in a shuffled order gives an equal graph", arguments: Directedness.allCases)
  func shuffledOrderGivesEqualGraph(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph, Gen<UInt64>.uint64()) { g, seed in
      var rng = SeededGenerator(seed: seed)
      let order = Array(g.edges.indices).shuffled(using: &rng)
      #expect(g.build(directedness) == g.build(directedness, order: order))
    }
  }

  @Test("Every built graph satisfies the CSR invariants", arguments: Directedness.allCases)
  func invariantsHold(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph) { g in
      #expect(g.build(directedness).checkInvariants() == nil)
    }
  }

  @Test("An undirected adjacency is symmetric, with equal weights both ways")
  func undirectedAdjacencyIsSymmetric() async {
    await propertyCheck(input: Gen.smallGraph) { g in
      let graph = g.build()
      for u in graph.nodes {
        for (v, w) in graph.neighbors(of: NodeID(u)) {
          #expect(graph.weight(from: v, to: NodeID(u)) == w)
        }
      }
    }
  }

  @Test("Tie weights plus self-loop weights add up to the input weights", arguments: Directedness.allCases)
  func weightIsConserved(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph) { g in
      let graph = g.build(directedness)
      let input = g.edges.reduce(0.0) { $0 + $1.2 }
      let output = graph.totalWeight + graph.selfLoops.reduce(0.0) { $0 + $1.weight }
      #expect(abs(output - input) <= 1e-9 * max(1, abs(input)), "input \(input), graph \(output)")
    }
  }

  @Test("Ties, merges and self-loops are accounted for against a naive count", arguments: Directedness.allCases)
  func statisticsMatchNaiveCount(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph) { g in
      var builder = GraphBuilder(nodeCount: g.nodeCount, directedness: directedness)
      for (u, v, w) in g.edges { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
      let built = builder.buildWithStatistics()
      // Naive: the set of distinct pairs (unordered when undirected), loops apart.
      var pairs = Set<[Int]>()
      var loops = Set<Int>()
      var loopTies = 0
      for (u, v, _) in g.edges {
        if u == v {
          loops.insert(u)
          loopTies += 1
        } else {
          pairs.insert(directedness == .undirected ? [min(u, v), max(u, v)] : [u, v])
        }
      }
      #expect(built.tiesAdded == g.edges.count)
      #expect(built.selfLoopTies == loopTies)
      #expect(built.graph.edgeCount == pairs.count)
      #expect(built.parallelTiesMerged == g.edges.count - loopTies - pairs.count)
      #expect(built.graph.selfLoops.map(\.source.index) == loops.sorted())
      #expect(Set(built.graph.edges.map { [$0.source.index, $0.target.index] }) == pairs)
      #expect(built.graph.nodeCount == g.nodeCount)
    }
  }
}
