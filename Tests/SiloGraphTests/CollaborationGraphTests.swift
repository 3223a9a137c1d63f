import SiloGraph
import Testing

/// Queries on a built ``CollaborationGraph``.
@Suite("CollaborationGraph")
struct CollaborationGraphTests {
  /// A star with centre 0 and leaves 1…4 (weights 1…4), plus the tie 3–4 of weight 0.5.
  static func star(_ directedness: Directedness = .undirected) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: 6, directedness: directedness)
    for leaf in 1 ... 4 { builder.addEdge(NodeID(0), NodeID(leaf), weight: Double(leaf)) }
    builder.addEdge(NodeID(4), NodeID(3), weight: 0.5)
    return builder.build()
  }

  @Test("weight(from:to:) finds ties in both directions of an undirected graph and nil elsewhere")
  func weightLookup() {
    let graph = Self.star()
    #expect(graph.weight(from: NodeID(0), to: NodeID(3)) == 3)
    #expect(graph.weight(from: NodeID(3), to: NodeID(0)) == 3)
    #expect(graph.weight(from: NodeID(3), to: NodeID(4)) == 0.5)
    #expect(graph.weight(from: NodeID(4), to: NodeID(3)) == 0.5)
    #expect(graph.weight(from: NodeID(1), to: NodeID(2)) == nil)
    #expect(graph.weight(from: NodeID(5), to: NodeID(0)) == nil)
    #expect(graph.weight(from: NodeID(0), to: NodeID(5)) == nil)
  }

  @Test("degree and strength count a node's ties and their weights")
  func degreeAndStrength() {
    let graph = Self.star()
    #expect(graph.degree(of: NodeID(0)) == 4)
    #expect(graph.strength(of: NodeID(0)) == 10)
    #expect(graph.degree(of: NodeID(4)) == 2)
    #expect(graph.strength(of: NodeID(4)) == 4.5)
    #expect(graph.degree(of: NodeID(5)) == 0)
    #expect(graph.strength(of: NodeID(5)) == 0)
    #expect(graph.inDegree(of: NodeID(4)) == 2)
    #expect(graph.edgeCount == 5)
    #expect(graph.totalWeight == 10.5)
  }

  @Test("Directed: out-ties in neighbors, in-ties in inNeighbors, each sorted")
  func directedInNeighbors() {
    let graph = Self.star(.directed)
    #expect(Array(graph.neighbors(of: NodeID(0)).nodes) == [1, 2, 3, 4].map { NodeID($0) })
    #expect(graph.inNeighbors(of: NodeID(0)).isEmpty)
    #expect(graph.inDegree(of: NodeID(0)) == 0)
    #expect(Array(graph.inNeighbors(of: NodeID(3)).nodes) == [NodeID(0), NodeID(4)])
    #expect(graph.inNeighbors(of: NodeID(3)).map(\.weight) == [3, 0.5])
    #expect(graph.inDegree(of: NodeID(3)) == 2)
    #expect(graph.degree(of: NodeID(3)) == 0)
    #expect(graph.degree(of: NodeID(4)) == 1)
    #expect(graph.weight(from: NodeID(4), to: NodeID(3)) == 0.5)
    #expect(graph.weight(from: NodeID(3), to: NodeID(4)) == nil)
    #expect(graph.strength(of: NodeID(4)) == 0.5)
    #expect(graph.edgeCount == 5)
    #expect(graph.totalWeight == 10.5)
  }

  @Test("Undirected: inNeighbors is the same row as neighbors")
  func undirectedInNeighborsAreNeighbors() {
    let graph = Self.star()
    for v in graph.nodes {
      let out = graph.neighbors(of: NodeID(v)), into = graph.inNeighbors(of: NodeID(v))
      #expect(Array(out.nodes) == Array(into.nodes))
      #expect(out.map(\.weight) == into.map(\.weight))
    }
  }

  @Test("edges lists each undirected tie once with source < target, in order")
  func undirectedEdgesListedOnce() {
    #expect(
      Self.star().edges == [
        Edge(source: NodeID(0), target: NodeID(1), weight: 1),
        Edge(source: NodeID(0), target: NodeID(2), weight: 2),
        Edge(source: NodeID(0), target: NodeID(3), weight: 3),
        Edge(source: NodeID(0), target: NodeID(4), weight: 4),
        Edge(source: NodeID(3), target: NodeID(4), weight: 0.5),
      ])
  }

  @Test("edges lists every arc of a directed graph as given")
  func directedEdgesListed() {
    #expect(
      Self.star(.directed).edges == [
        Edge(source: NodeID(0), target: NodeID(1), weight: 1),
        Edge(source: NodeID(0), target: NodeID(2), weight: 2),
        Edge(source: NodeID(0), target: NodeID(3), weight: 3),
        Edge(source: NodeID(0), target: NodeID(4), weight: 4),
        Edge(source: NodeID(4), target: NodeID(3), weight: 0.5),
      ])
  }

  @Test("density: m / (n(n−1)/2) undirected, m / (n(n−1)) directed")
  func density() {
    // 5 ties among 6 nodes: 5 / 15 undirected, 5 / 30 directed.
    #expect(Self.star().density == 5.0 / 15.0)
    #expect(Self.star(.directed).density == 5.0 / 30.0)
    var complete = GraphBuilder(nodeCount: 4)
    for u in 0 ..< 4 { for v in u + 1 ..< 4 { complete.addEdge(NodeID(u), NodeID(v)) } }
    #expect(complete.build().density == 1)
    #expect(CollaborationGraph(isolatedNodes: 3).density == 0)
  }

  @Test("density is NaN for fewer than two nodes", arguments: [0, 1], Directedness.allCases)
  func densityUndefinedBelowTwoNodes(nodeCount: Int, directedness: Directedness) {
    #expect(CollaborationGraph(isolatedNodes: nodeCount, directedness: directedness).density.isNaN)
  }

  @Test("nodes runs over every id in order")
  func nodesRange() {
    #expect(Self.star().nodes == 0 ..< 6)
    #expect(CollaborationGraph(isolatedNodes: 0).nodes.isEmpty)
  }

  @Test("Graphs are values: equal when built from the same ties, different when a weight differs")
  func equality() {
    #expect(Self.star() == Self.star())
    var other = GraphBuilder(nodeCount: 6)
    for leaf in 1 ... 4 { other.addEdge(NodeID(0), NodeID(leaf), weight: Double(leaf)) }
    other.addEdge(NodeID(4), NodeID(3), weight: 0.75)
    #expect(other.build() != Self.star())
    #expect(Self.star(.directed) != Self.star())
  }

  @Test("A 1,000,000-tie undirected graph keeps its adjacency under 100 MB")
  func millionTieGraphSize() {
    // Deterministic generator: a ring lattice of n = 100,000 nodes, each tied to its next 10
    // neighbors (u, u+1 … u+10 mod n), which gives exactly 1,000,000 distinct ties; weights
    // come from SeededGenerator(seed: 2025), the order of the ties is the lattice order.
    let n = 100_000, k = 10
    var rng = SeededGenerator(seed: 2025)
    var builder = GraphBuilder(nodeCount: n)
    builder.reserveCapacity(edges: n * k)
    for u in 0 ..< n {
      for step in 1 ... k { builder.addEdge(NodeID(u), NodeID((u + step) % n), weight: 0.5 + rng.nextUnit()) }
    }
    let graph = builder.build()
    #expect(graph.edgeCount == 1_000_000)
    // Computed size: offsets 8·(n + 1) = 800,008 bytes, plus 2m = 2,000,000 adjacency
    // entries of 4 (NodeID) + 8 (Double) bytes = 24,000,000 bytes: 24,800,008 bytes ≈ 24.8 MB.
    #expect(graph.adjacencyByteCount == 24_800_008)
    #expect(graph.adjacencyByteCount < 100_000_000)
  }
}
