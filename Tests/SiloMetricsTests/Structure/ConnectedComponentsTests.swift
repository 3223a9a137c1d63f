import PropertyBased
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

@Suite("ConnectedComponents")
struct ConnectedComponentsTests {
  static func graph(_ n: Int, _ edges: [(Int, Int)], _ directedness: Directedness = .undirected) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: n, directedness: directedness)
    for (u, v) in edges { builder.addEdge(NodeID(u), NodeID(v)) }
    return builder.build()
  }

  @Test("Components are numbered in order of their smallest node")
  func numberingBySmallestNode() {
    // {0, 4}, {1, 2, 5}, {3}: the edges are given so that 5 and 4 are met first.
    let components = ConnectedComponents(of: Self.graph(6, [(5, 2), (4, 0), (2, 1)]))
    #expect(components.partition.membership == [0, 1, 1, 2, 0, 1])
    #expect(components.count == 3)
    #expect(components.isolates == 1)
    #expect(components.largestSize == 3)
    #expect(components.partition.sizes == [2, 3, 1])
  }

  @Test("Isolates are components of one; a self-loop does not make a node less isolated")
  func isolates() {
    let components = ConnectedComponents(of: Self.graph(5, [(1, 1), (2, 3)]))
    #expect(components.partition.membership == [0, 1, 2, 2, 3])
    #expect(components.isolates == 3)
    #expect(components.count == 4)
  }

  @Test("Skipping a node: the others' components without its ties, the node an isolate")
  func skipping() {
    // The path 0–1–2–3 with a branch 1–4: without 1, {0}, {1}, {2, 3}, {4}.
    let graph = Self.graph(5, [(0, 1), (1, 2), (2, 3), (1, 4)])
    let components = ConnectedComponents(of: graph, skipping: NodeID(1))
    #expect(components.partition.membership == [0, 1, 2, 2, 3])
    #expect(components.isolates == 3)
    // Directed: 0 → 1 → 2 without 1 leaves three isolates.
    let directed = ConnectedComponents(of: Self.graph(3, [(0, 1), (1, 2)], .directed), skipping: NodeID(1))
    #expect(directed.partition.membership == [0, 1, 2])
    #expect(ConnectedComponents(of: graph).count == 1)
  }

  @Test("A graph without ties: every node its own component; an empty graph: none")
  func noTies() {
    let components = ConnectedComponents(of: CollaborationGraph(isolatedNodes: 4))
    #expect(components.partition.membership == [0, 1, 2, 3])
    #expect(components.isolates == 4)
    #expect(components.largestSize == 1)
    let empty = ConnectedComponents(of: CollaborationGraph(isolatedNodes: 0))
    #expect(empty.count == 0)
    #expect(empty.isolates == 0)
    #expect(empty.largestSize == 0)
  }

  @Test("Directed graphs: weak components, direction ignored")
  func directedWeakComponents() {
    // 0 → 1 ← 2 and 3 → 4 → 5 → 3; 6 alone. Node 2 reaches 1 but 0 never reaches 2 along arcs.
    let graph = Self.graph(7, [(0, 1), (2, 1), (3, 4), (4, 5), (5, 3)], .directed)
    let components = ConnectedComponents(of: graph)
    #expect(components.partition.membership == [0, 0, 0, 1, 1, 1, 2])
    #expect(components.isolates == 1)
    #expect(components.count == 3)
  }

  @Test("Directed: a node with only incoming ties is not an isolate")
  func directedSink() {
    let components = ConnectedComponents(of: Self.graph(3, [(2, 0)], .directed))
    #expect(components.partition.membership == [0, 1, 0])
    #expect(components.isolates == 1)
  }

  @Test("Two triangles joined by a path, and a long path")
  func pathsAndTriangles() {
    let components = ConnectedComponents(of: Self.graph(9, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 6), (6, 4), (7, 8)]))
    #expect(components.partition.membership == [0, 0, 0, 0, 0, 0, 0, 1, 1])
    #expect(components.largestSize == 7)
    let path = ConnectedComponents(of: Self.graph(1000, (0 ..< 999).map { ($0, $0 + 1) }))
    #expect(path.count == 1)
    #expect(path.largestSize == 1000)
  }

  @Test("Property: nodes share a component exactly when a union-find over the ties joins them", arguments: Directedness.allCases)
  func matchesUnionFind(directedness: Directedness) async {
    await propertyCheck(input: Gen.smallGraph) { g in
      var parent = Array(0 ..< g.nodeCount)
      func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { x = parent[x] }
        return x
      }
      for (u, v, _) in g.edges { parent[find(u)] = find(v) }
      let components = ConnectedComponents(of: g.build(directedness))
      for u in 0 ..< g.nodeCount {
        for v in 0 ..< g.nodeCount {
          #expect((components.partition.membership[u] == components.partition.membership[v]) == (find(u) == find(v)))
        }
      }
      // Numbering by smallest node: the first node of component k comes before that of k + 1.
      let firsts = components.partition.members.map { $0.first!.index }
      #expect(firsts == firsts.sorted())
    }
  }
}
