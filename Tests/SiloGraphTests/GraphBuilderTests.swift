import SiloGraph
import Testing

/// How ``GraphBuilder`` merges, sets aside and sorts the ties it is given.
@Suite("GraphBuilder")
struct GraphBuilderTests {
  @Test("Undirected: a pair given several times, in either direction, is one tie of the summed weight")
  func undirectedParallelTiesMergeInBothDirections() {
    var builder = GraphBuilder(nodeCount: 3)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(1), NodeID(0), weight: 1.5)
    builder.addEdge(NodeID(0), NodeID(1), weight: 0.25)
    builder.addEdge(NodeID(1), NodeID(2), weight: 1)
    let built = builder.buildWithStatistics()
    let graph = built.graph

    #expect(graph.edgeCount == 2)
    #expect(graph.weight(from: NodeID(0), to: NodeID(1)) == 3.75)
    #expect(graph.weight(from: NodeID(1), to: NodeID(0)) == 3.75)
    #expect(graph.weight(from: NodeID(1), to: NodeID(2)) == 1)
    #expect(graph.weight(from: NodeID(2), to: NodeID(1)) == 1)
    #expect(graph.totalWeight == 4.75)
    #expect(built.tiesAdded == 4)
    #expect(built.parallelTiesMerged == 2)
    #expect(built.selfLoopTies == 0)
  }

  @Test("Directed: ties in opposite directions stay apart; only the same direction merges")
  func directedOppositeTiesStayApart() {
    var builder = GraphBuilder(nodeCount: 2, directedness: .directed)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(1), NodeID(0), weight: 1.5)
    builder.addEdge(NodeID(0), NodeID(1), weight: 1)
    let built = builder.buildWithStatistics()
    let graph = built.graph

    #expect(graph.isDirected)
    #expect(graph.edgeCount == 2)
    #expect(graph.weight(from: NodeID(0), to: NodeID(1)) == 3)
    #expect(graph.weight(from: NodeID(1), to: NodeID(0)) == 1.5)
    #expect(graph.totalWeight == 4.5)
    #expect(built.tiesAdded == 3)
    #expect(built.parallelTiesMerged == 1)
  }

  @Test("Self-loops go to selfLoops (parallel loops summed), not to the adjacency, and are counted")
  func selfLoopsAreSetAside() {
    var builder = GraphBuilder(nodeCount: 3)
    builder.addEdge(NodeID(2), NodeID(2), weight: 1)
    builder.addEdge(NodeID(0), NodeID(1), weight: 4)
    builder.addEdge(NodeID(2), NodeID(2), weight: 0.5)
    builder.addEdge(NodeID(0), NodeID(0), weight: 3)
    let built = builder.buildWithStatistics()
    let graph = built.graph

    #expect(
      graph.selfLoops == [
        Edge(source: NodeID(0), target: NodeID(0), weight: 3),
        Edge(source: NodeID(2), target: NodeID(2), weight: 1.5),
      ])
    #expect(graph.degree(of: NodeID(2)) == 0)
    #expect(graph.degree(of: NodeID(0)) == 1)
    #expect(graph.weight(from: NodeID(2), to: NodeID(2)) == nil)
    #expect(graph.weight(from: NodeID(0), to: NodeID(0)) == nil)
    #expect(graph.strength(of: NodeID(0)) == 4)
    #expect(graph.edgeCount == 1)
    #expect(graph.totalWeight == 4)
    #expect(graph.edges == [Edge(source: NodeID(0), target: NodeID(1), weight: 4)])
    #expect(built.tiesAdded == 4)
    #expect(built.selfLoopTies == 3)
    #expect(built.parallelTiesMerged == 0)
  }

  @Test("The merged weight of parallel ties and of self-loops does not depend on the order they were added in")
  func mergedWeightIsOrderIndependent() {
    // (0.1 + 0.2) + 0.3 = 0.6000000000000001 but (0.3 + 0.2) + 0.1 = 0.6 in binary floating
    // point: a builder that sums in input order gives two different graphs for the same ties.
    func build(_ weights: [Double]) -> CollaborationGraph {
      var builder = GraphBuilder(nodeCount: 2)
      for (i, w) in weights.enumerated() {
        if i % 2 == 0 { builder.addEdge(NodeID(0), NodeID(1), weight: w) } else { builder.addEdge(NodeID(1), NodeID(0), weight: w) }
        builder.addEdge(NodeID(1), NodeID(1), weight: w)
      }
      return builder.build()
    }
    let forward = build([0.1, 0.2, 0.3]), backward = build([0.3, 0.2, 0.1]), middle = build([0.2, 0.3, 0.1])
    #expect(forward == backward)
    #expect(forward == middle)
    #expect(forward.weight(from: NodeID(0), to: NodeID(1)) == (0.1 + 0.2) + 0.3)
    #expect(forward.weight(from: NodeID(1), to: NodeID(0)) == (0.1 + 0.2) + 0.3)
    #expect(forward.selfLoops.map(\.weight) == [(0.1 + 0.2) + 0.3])
  }

  @Test("A directed self-loop is set aside too and appears in neither adjacency")
  func directedSelfLoop() {
    var builder = GraphBuilder(nodeCount: 2, directedness: .directed)
    builder.addEdge(NodeID(1), NodeID(1), weight: 2)
    builder.addEdge(NodeID(0), NodeID(1), weight: 1)
    let graph = builder.build()
    #expect(graph.selfLoops == [Edge(source: NodeID(1), target: NodeID(1), weight: 2)])
    #expect(graph.degree(of: NodeID(1)) == 0)
    #expect(graph.inDegree(of: NodeID(1)) == 1)
    #expect(Array(graph.inNeighbors(of: NodeID(1)).nodes) == [NodeID(0)])
  }

  @Test("Each adjacency row comes out sorted by neighbor, with weights in lock step", arguments: Directedness.allCases)
  func rowsAreSorted(directedness: Directedness) {
    var builder = GraphBuilder(nodeCount: 10, directedness: directedness)
    for target in [5, 2, 9, 1, 7] { builder.addEdge(NodeID(0), NodeID(target), weight: Double(target) / 2) }
    let graph = builder.build()
    let row = graph.neighbors(of: NodeID(0))
    #expect(Array(row.nodes) == [1, 2, 5, 7, 9].map { NodeID($0) })
    #expect(row.map(\.weight) == [0.5, 1, 2.5, 3.5, 4.5])
    #expect(row.count == 5)
  }

  @Test("Rows of many nodes given in scrambled order are all strictly ascending")
  func everyRowIsSorted() {
    var builder = GraphBuilder(nodeCount: 50)
    var rng = SeededGenerator(seed: 7)
    for _ in 0 ..< 600 {
      let u = Int(rng.next() % 50), v = Int(rng.next() % 50)
      builder.addEdge(NodeID(u), NodeID(v), weight: 1)
    }
    let graph = builder.build()
    for u in graph.nodes {
      let row = Array(graph.neighbors(of: NodeID(u)).nodes)
      #expect(zip(row, row.dropFirst()).allSatisfy { $0 < $1 }, "row \(u): \(row)")
      #expect(!row.contains(NodeID(u)))
    }
  }

  @Test("A tie to a node beyond the node count grows the graph")
  func addEdgeGrowsTheGraph() {
    var builder = GraphBuilder()
    #expect(builder.nodeCount == 0)
    let a = builder.addNode()
    #expect(a == NodeID(0))
    builder.addEdge(NodeID(0), NodeID(4))
    #expect(builder.nodeCount == 5)
    builder.ensureNodeCount(3)
    #expect(builder.nodeCount == 5)
    builder.ensureNodeCount(8)
    #expect(builder.nodeCount == 8)
    builder.addEdge(NodeID(9), NodeID(9))
    #expect(builder.nodeCount == 10)
    #expect(builder.addedEdgeCount == 2)
    let graph = builder.build()
    #expect(graph.nodeCount == 10)
    #expect(graph.edgeCount == 1)
    #expect(graph.weight(from: NodeID(4), to: NodeID(0)) == 1)
  }

  @Test("Building no ties gives the same value as CollaborationGraph(isolatedNodes:)", arguments: Directedness.allCases)
  func emptyBuildEqualsIsolatedNodes(directedness: Directedness) {
    let built = GraphBuilder(nodeCount: 5, directedness: directedness).build()
    let isolated = CollaborationGraph(isolatedNodes: 5, directedness: directedness)
    #expect(built == isolated)
    #expect(isolated.nodeCount == 5)
    #expect(isolated.edgeCount == 0)
    #expect(isolated.totalWeight == 0)
    #expect(isolated.edges.isEmpty)
    #expect(isolated.selfLoops.isEmpty)
    #expect(isolated.directedness == directedness)
    for v in isolated.nodes {
      #expect(isolated.degree(of: NodeID(v)) == 0)
      #expect(isolated.inDegree(of: NodeID(v)) == 0)
      #expect(isolated.inNeighbors(of: NodeID(v)).isEmpty)
      #expect(isolated.strength(of: NodeID(v)) == 0)
    }
    #expect(isolated.checkInvariants() == nil)
  }

  @Test("A graph of no nodes at all is valid and empty")
  func zeroNodes() {
    let graph = GraphBuilder().build()
    #expect(graph.nodeCount == 0)
    #expect(graph.edgeCount == 0)
    #expect(graph.edges.isEmpty)
    #expect(graph == CollaborationGraph(isolatedNodes: 0))
    #expect(graph.checkInvariants() == nil)
  }
}
