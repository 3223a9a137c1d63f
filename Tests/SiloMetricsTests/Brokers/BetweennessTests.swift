import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Exact betweenness against networkx 3.6.1 and python-igraph 1.0.0 (/work/refs/brokers.md §1, §2).
@Suite("Betweenness: reference values")
struct BetweennessReferenceTests {
  typealias F = BrokersFixtures
  typealias R = BrokersReference

  @Test("Krackhardt kite: Heather 0.3888…, Fernando and Garth 0.2314…, Ike 0.2222…, raw and normalized")
  func kite() {
    let graph = F.kite
    #expect(graph.edgeCount == 18)
    let normalized = graph.betweenness()
    BrokersCheck.expectClose(normalized.scores, R.kiteNxNorm, "kite normalized")
    // networkx 3.6.1 nx.betweenness_centrality(nx.krackhardt_kite_graph()), brokers.md §1.1:
    // 7 Heather 0.38888888888888884, 5 Fernando = 6 Garth 0.23148148148148148, 8 Ike
    // 0.2222222222222222, 3 Diane 0.10185185185185183.
    #expect(BrokersCheck.close(normalized.scores[7], 0.38888888888888884))
    #expect(BrokersCheck.close(normalized.scores[5], 0.23148148148148148))
    #expect(BrokersCheck.close(normalized.scores[6], 0.23148148148148148))
    #expect(BrokersCheck.close(normalized.scores[8], 0.2222222222222222))
    #expect(normalized.normalized && normalized.sources == 10 && normalized.approximation == nil)
    let raw = graph.betweenness(F.options(normalized: false))
    BrokersCheck.expectClose(raw.scores, R.kiteNxRaw, "kite raw")
    // Exact raw (brokers.md §1.1, Fraction): Heather 14, Ike 8, Carol = Ed = Jane 0.
    #expect(raw.scores[7] == 14)
    #expect(raw.scores[8] == 8)
    #expect(raw.scores[2] == 0 && raw.scores[4] == 0 && raw.scores[9] == 0)
    #expect(!raw.normalized)
  }

  @Test("P3: raw {0, 1, 0}; normalized middle node 1 (METRICS.md 3.9, brokers.md §1.2)")
  func path3() {
    let graph = F.graph(3, [(0, 1), (1, 2)])
    // networkx 3.6.1 nx.betweenness_centrality(nx.path_graph(3)), normalized=False / True.
    #expect(graph.betweenness(F.options(normalized: false)).scores.values == [0, 1, 0])
    #expect(graph.betweenness().scores.values == [0, 1, 0])
  }

  @Test("Florentine marriages, 16 families with the isolate Pucci: normalized and raw")
  func florentine16() throws {
    let network = try F.florentine16()
    let graph = network.graph
    #expect(graph.nodeCount == 16 && graph.edgeCount == 20)
    #expect(network.nodes[NodeID(F.pucci)] == "12")
    #expect(graph.degree(of: NodeID(F.pucci)) == 0)
    BrokersCheck.expectClose(graph.betweenness().scores, R.flo16NxNorm, "flo16 normalized")
    let raw = graph.betweenness(F.options(normalized: false))
    BrokersCheck.expectClose(raw.scores, R.flo16NxRaw, "flo16 raw")
    // networkx 3.6.1, brokers.md §1.x: Medici (id 9) normalized 0.45238095238095244 with 16
    // nodes (19/42), 0.521978021978022 with 15 (95/182); raw 47.5 in both.
    #expect(BrokersCheck.close(graph.betweenness().scores[8], 0.45238095238095244))
    #expect(raw.scores[8] == 47.5)
    #expect(raw.scores[F.pucci] == 0)
  }

  @Test("Florentine without Pucci (networkx florentine_families_graph): same raw, normalized × 15/13")
  func florentine15() throws {
    let graph15 = try F.florentine15()
    let raw16 = try F.florentine16().graph.betweenness(F.options(normalized: false)).scores.values
    let raw15 = graph15.betweenness(F.options(normalized: false)).scores.values
    var without = raw16
    without.remove(at: F.pucci)
    BrokersCheck.expectClose(raw15, without, "flo15 raw = flo16 raw without Pucci")
    // networkx 3.6.1 nx.betweenness_centrality(nx.florentine_families_graph()), brokers.md §1.3:
    // Medici 0.521978021978022, Guadagni 0.2545787545787546, Albizzi 0.21245421245421245.
    let normalized = graph15.betweenness().scores
    #expect(BrokersCheck.close(normalized[8], 0.521978021978022))
    #expect(BrokersCheck.close(normalized[6], 0.2545787545787546))
    #expect(BrokersCheck.close(normalized[1], 0.21245421245421245))
  }

  @Test("Karate, hops: weights ignored")
  func karateHops() throws {
    let graph = try F.karate().graph
    BrokersCheck.expectClose(graph.betweenness().scores, R.karateNxNorm, "karate normalized")
    BrokersCheck.expectClose(graph.betweenness(F.options(normalized: false)).scores, R.karateNxRaw, "karate raw")
    // The same on the graph with every weight 1.
    let unweighted = F.weightedGraph(34, graph.edges.map { ($0.source.index, $0.target.index, 1) })
    #expect(unweighted.betweenness(F.options(normalized: false)).scores == graph.betweenness(F.options(normalized: false)).scores)
  }

  /// brokers.md §8: on karate with length 1/w, networkx (float ==) and igraph (ε) differ at 8
  /// nodes: 0 (nx 208.5, igraph 209), 1 (36.75, 36), 2 (178, 177), 13 (28.75, 29), 27 (18, 17.5),
  /// 31 (47, 47.5), 32 (84, 83.5), 33 (173.5, 174); igraph equals the exact rational values.
  static let karateTieNodes = [0, 1, 2, 13, 27, 31, 32, 33]

  @Test("Karate, inverse-weight distances, exact ties: networkx's float-equality values")
  func karateInverseExact() throws {
    let graph = try F.karate().graph
    let raw = graph.betweenness(F.options(.inverseWeight, ties: .exact, normalized: false))
    BrokersCheck.expectClose(raw.scores, R.karateInverseNxRaw, "karate 1/w exact ties raw")
    BrokersCheck.expectClose(
      graph.betweenness(F.options(.inverseWeight, ties: .exact)).scores, R.karateInverseNxNorm, "karate 1/w exact ties normalized")
    // networkx 3.6.1, brokers.md §1.7/§8: node 0 208.5, node 27 18.0.
    #expect(raw.scores[0] == 208.5)
    #expect(raw.scores[27] == 18)
    #expect(raw.distance == .inverseWeight && raw.ties == .exact)
  }

  @Test("Karate, inverse-weight distances, tolerant ties: igraph's values, the exact ones")
  func karateInverseTolerant() throws {
    let graph = try F.karate().graph
    let raw = graph.betweenness(F.options(.inverseWeight, ties: .tolerant, normalized: false))
    BrokersCheck.expectClose(raw.scores, R.karateInverseIgraphRaw, "karate 1/w tolerant ties raw")
    BrokersCheck.expectClose(
      graph.betweenness(F.options(.inverseWeight, ties: .tolerant)).scores, R.karateInverseExactNorm,
      "karate 1/w tolerant ties normalized")
    // python-igraph 1.0.0 / exact, brokers.md §1.7: node 0 209, node 27 35/2, node 33 174.
    #expect(raw.scores[0] == 209)
    #expect(raw.scores[27] == 17.5)
    #expect(raw.scores[33] == 174)
    // The two modes differ exactly at the 8 nodes brokers.md lists, by at least 0.25.
    let exact = graph.betweenness(F.options(.inverseWeight, ties: .exact, normalized: false)).scores
    let differing = (0 ..< 34).filter { abs(exact[$0] - raw.scores[$0]) > 1e-9 }
    #expect(differing == Self.karateTieNodes)
  }

  @Test("Lazega cowork, directed")
  func lazegaDirected() throws {
    let graph = try F.lazegaDirected().graph
    #expect(graph.nodeCount == 71 && graph.edgeCount == 1104)
    BrokersCheck.expectClose(graph.betweenness().scores, R.lazDNxNorm, "laz_d normalized")
    let raw = graph.betweenness(F.options(normalized: false))
    BrokersCheck.expectClose(raw.scores, R.lazDNxRaw, "laz_d raw")
    // brokers.md §7: Σ raw = 4341 = Σ over connected ordered pairs (d − 1).
    #expect(BrokersCheck.close(raw.scores.reduce(0, +), 4341))
  }

  @Test("Lazega cowork, undirected (a tie when either arc exists)")
  func lazegaUndirected() throws {
    let graph = F.orSymmetrized(try F.lazegaDirected().graph)
    #expect(graph.nodeCount == 71 && graph.edgeCount == 726)
    BrokersCheck.expectClose(graph.betweenness().scores, R.lazUNxNorm, "laz_u normalized")
    let raw = graph.betweenness(F.options(normalized: false))
    BrokersCheck.expectClose(raw.scores, R.lazUNxRaw, "laz_u raw")
    // brokers.md §7: Σ raw = 1847.
    #expect(BrokersCheck.close(raw.scores.reduce(0, +), 1847))
  }

  @Test("rigraph #314: exact ties give networkx's 46 for vertex \"4\", tolerant ties igraph's 36.5")
  func rigraph314() {
    let graph = F.rigraph314
    let exact = graph.betweenness(F.options(.weight, ties: .exact, normalized: false))
    let tolerant = graph.betweenness(F.options(.weight, ties: .tolerant, normalized: false))
    // brokers.md §2.1: networkx 3.6.1 46.0 and python-igraph 1.0.0 36.5 (= rigraph's own test
    // expectation; METRICS.md's "igraph 47.25" is not reproduced) for R vertex "4" (node 3).
    #expect(exact.scores[3] == 46)
    #expect(tolerant.scores[3] == 36.5)
    BrokersCheck.expectClose(exact.scores, R.rigraph314NxRaw, "rigraph #314, exact ties")
    BrokersCheck.expectClose(tolerant.scores, R.rigraph314IgraphRaw, "rigraph #314, tolerant ties")
    // rigraph tests/testthat/test-betweenness.R: c("1"=0, "2"=44, "3"=71, "4"=36.5, "6"=44).
    #expect([0, 1, 2, 3, 5].map { tolerant.scores[$0] } == [0, 44, 71, 36.5, 44])
  }

  @Test("Designed inverse-weight near-ties (brokers.md §2.2) in both tie modes")
  func nearTies() {
    let graph = F.nearTie
    let exact = graph.betweenness(F.options(.inverseWeight, ties: .exact, normalized: false))
    let tolerant = graph.betweenness(F.options(.inverseWeight, ties: .tolerant, normalized: false))
    // networkx 3.6.1 weight='dist' (dist = 1/w): [6, 2.75, 12, 9, 7, 6, 0, 0];
    // python-igraph 1.0.0 weights=[1/w]: [6, 5, 12, 8, 6, 6, 0, 0] (= exact).
    BrokersCheck.expectClose(exact.scores, R.nearTieNxRaw, "near-tie, exact ties")
    BrokersCheck.expectClose(tolerant.scores, R.nearTieIgraphRaw, "near-tie, tolerant ties")
    #expect(exact.scores.values == [6, 2.75, 12, 9, 7, 6, 0, 0])
    #expect(tolerant.scores.values == [6, 5, 12, 8, 6, 6, 0, 0])
    // Hops, for contrast (brokers.md §2.2, unweighted exact column).
    #expect(graph.betweenness(F.options(normalized: false)).scores.values == [6, 0, 13, 2, 1, 8, 0, 0])
  }

  @Test("Weights as lengths (.weight) against hops and 1/w on a hand-checked square")
  func weightDistance() {
    // The cycle 0–1–3–2–0 with strengths 0–1: 1, 1–3: 1, 0–2: 1, 2–3: 5.
    let graph = F.weightedGraph(4, [(0, 1, 1), (1, 3, 1), (0, 2, 1), (2, 3, 5)])
    // Lengths = weights: 0→3 via 1 (2 < 6); 2→3 via 0 and 1 (3 < 5); 1→2 via 0 (2 < 6).
    // Raw: node 0 carries {1,2} and {2,3}, node 1 carries {0,3} and {2,3}.
    #expect(graph.betweenness(F.options(.weight, normalized: false)).scores.values == [2, 2, 0, 0])
    // Lengths 1/w: 2–3 has length 0.2, so 0→3 via 2 (1.2 < 2) and 1→2 via 3 (1.2 < 2).
    #expect(graph.betweenness(F.options(.inverseWeight, normalized: false)).scores.values == [0, 0, 1, 1])
    // Hops: opposite corners {0,3} and {1,2} have two paths each: ½ to each node.
    #expect(graph.betweenness(F.options(normalized: false)).scores.values == [0.5, 0.5, 0.5, 0.5])
    // Equal lengths 1 + 2 = 2 + 1 split the pair {0,3} evenly.
    let even = F.weightedGraph(4, [(0, 1, 1), (1, 3, 2), (0, 2, 2), (2, 3, 1)])
    let split = even.betweenness(F.options(.weight, normalized: false)).scores.values
    // {0,3}: ½ each to 1 and 2; {1,2}: 1–0–2 = 3 and 1–3–2 = 3: ½ each to 0 and 3.
    #expect(split == [0.5, 0.5, 0.5, 0.5])
    // Normalized: × 2/((n−1)(n−2)) = 1/3.
    let normalized = graph.betweenness(F.options(.weight)).scores.values
    BrokersCheck.expectClose(normalized, [2.0 / 3, 2.0 / 3, 0, 0], ".weight normalized")
  }

  @Test("Directed .weight distances use arc lengths in their direction")
  func directedWeight() {
    // 0 → 1 → 2 (lengths 1, 1) and 0 → 2 (length 3): 0 reaches 2 through 1; 2 → 0 (length 1)
    // closes the cycle, so 1 reaches 0 through 2 and 2 reaches 1 through 0.
    let graph = F.weightedGraph(3, [(0, 1, 1), (1, 2, 1), (0, 2, 3), (2, 0, 1)], .directed)
    #expect(graph.betweenness(F.options(.weight, normalized: false)).scores.values == [1, 1, 1])
    // Hops: 0 → 2 is direct, so only 1 → 0 (via 2) and 2 → 1 (via 0) are brokered.
    #expect(graph.betweenness(F.options(normalized: false)).scores.values == [1, 0, 1])
  }

  @Test("Tiny graphs: no nodes, one node, two nodes, isolates")
  func tiny() {
    #expect(CollaborationGraph(isolatedNodes: 0).betweenness().scores.values.isEmpty)
    #expect(CollaborationGraph(isolatedNodes: 1).betweenness().scores.values == [0])
    #expect(F.graph(2, [(0, 1)]).betweenness().scores.values == [0, 0])
    #expect(CollaborationGraph(isolatedNodes: 5).betweenness().scores.values == [0, 0, 0, 0, 0])
  }
}

/// Thread counts change nothing, to the bit.
@Suite("Betweenness: threads")
struct BetweennessThreadTests {
  typealias F = BrokersFixtures

  static func expectSameForEveryThreadCount(_ graph: CollaborationGraph, _ what: String) {
    for distance in EdgeDistance.allCases {
      for ties in PathTieRule.allCases {
        let one = graph.betweenness(F.options(distance, ties: ties, threads: 1)).scores
        for threads in [2, 4] {
          let many = graph.betweenness(F.options(distance, ties: ties, threads: threads)).scores
          #expect(many == one, "\(what), \(distance), \(ties): \(threads) threads differ from 1")
        }
      }
    }
  }

  @Test("1, 2 and 4 threads give identical scores on karate")
  func karate() throws {
    Self.expectSameForEveryThreadCount(try F.karate().graph, "karate")
  }

  @Test("1, 2 and 4 threads give identical scores on a generated 500-node graph")
  func generated() {
    let graph = F.randomGraph(nodes: 500, ties: 1500, seed: 42)
    #expect(graph.nodeCount == 500)
    Self.expectSameForEveryThreadCount(graph, "generated undirected")
    let directed = F.randomGraph(nodes: 500, ties: 1500, seed: 7, directedness: .directed)
    let one = directed.betweenness(F.options(.inverseWeight, threads: 1)).scores
    #expect(directed.betweenness(F.options(.inverseWeight, threads: 4)).scores == one)
  }
}
