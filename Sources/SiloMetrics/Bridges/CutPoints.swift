import SiloGraph

/// The articulation points and bridges of a graph.
public struct CutPoints: Sendable, Hashable, Codable {
  /// People whose departure splits a component (ascending).
  public var articulationPoints: [NodeID]
  /// Ties whose loss splits a component (`source < target`, sorted).
  public var bridges: [Edge]
}

/// A tie whose ends share no neighbour (Granovetter 1973), with the length of the shortest
/// other path between its ends (its span) when that is at most the search's bound.
public struct LocalBridge: Sendable, Hashable, Codable {
  public var source: NodeID
  public var target: NodeID
  /// Hops of the shortest other path between the ends; `nil` when there is none (a bridge,
  /// ``isBridge``) or when it is longer than the bound searched (``isBridge`` false).
  public var span: Int?
  /// Whether no other path joins the ends at all: the tie is a bridge.
  public var isBridge: Bool
}

extension CollaborationGraph {
  /// Returns the articulation points and bridges, with direction ignored.
  ///
  /// Hopcroft & Tarjan's depth-first search with low points (iterative, so a long chain of
  /// people cannot overflow the stack), as NetworkX `articulation_points` and `bridges`.
  ///
  /// - Complexity: O(*n* + *m*).
  ///
  /// > J. Hopcroft, R. Tarjan. "Algorithm 447: efficient algorithms for graph manipulation."
  /// > *Communications of the ACM* 16(6), 372–378 (1973). doi:10.1145/362248.362272
  public func cutPoints() -> CutPoints {
    let graph = isDirected ? undirectedView() : self
    let n = graph.nodeCount
    var discovery = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var isCut = [Bool](repeating: false, count: n)
    var bridges: [Edge] = []
    var time: Int32 = 0
    var stack: [(node: Int32, next: Int)] = []
    for root in 0 ..< n where discovery[root] < 0 {
      var rootChildren = 0
      discovery[root] = time; low[root] = time; time += 1
      stack.append((Int32(root), graph.rowOffsets[root]))
      while !stack.isEmpty {
        let (v32, next) = stack[stack.count - 1]
        let v = Int(v32)
        if next < graph.rowOffsets[v + 1] {
          stack[stack.count - 1].next = next + 1
          let w = Int(graph.columns[next].rawValue)
          if discovery[w] < 0 {
            parent[w] = v32
            discovery[w] = time; low[w] = time; time += 1
            if v == root { rootChildren += 1 }
            stack.append((Int32(w), graph.rowOffsets[w]))
          } else if Int32(w) != parent[v] {
            low[v] = min(low[v], discovery[w])
          }
        } else {
          stack.removeLast()
          let p = Int(parent[v])
          if p >= 0 {
            low[p] = min(low[p], low[v])
            if low[v] > discovery[p] {
              bridges.append(Edge(source: NodeID(min(p, v)), target: NodeID(max(p, v)), weight: graph.weight(from: NodeID(p), to: NodeID(v)) ?? 1))
            }
            if p != root && low[v] >= discovery[p] { isCut[p] = true }
          }
        }
      }
      if rootChildren > 1 { isCut[root] = true }
    }
    bridges.sort { ($0.source, $0.target) < ($1.source, $1.target) }
    return CutPoints(articulationPoints: (0 ..< n).filter { isCut[$0] }.map(NodeID.init), bridges: bridges)
  }

  /// The same ties without direction (arcs both ways merged, weights summed).
  func undirectedView() -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: nodeCount)
    for edge in edges { builder.addEdge(edge.source, edge.target, weight: edge.weight) }
    return builder.build()
  }

  /// Returns bridging centrality (Hwang et al. 2008): betweenness times the bridging
  /// coefficient,
  ///
  /// ```
  /// BrC(v) = C_B(v) · BC(v),    BC(v) = (1/d_v) / Σ_{u ∈ N(v)} 1/d_u
  /// ```
  ///
  /// high for people who lie on many shortest paths *and* connect well-connected
  /// neighbours. Degrees ignore direction; an isolate scores 0.
  ///
  /// > W. Hwang, T. Kim, M. Ramanathan, A. Zhang. "Bridging centrality: graph mining from
  /// > element level to group level." *KDD 2008*, 336–344. doi:10.1145/1401890.1401934
  public func bridgingCentrality(betweenness: Betweenness) -> NodeScores {
    let graph = isDirected ? undirectedView() : self
    let scores = (0 ..< nodeCount).map { v -> Double in
      let d = graph.degree(of: NodeID(v))
      guard d > 0 else { return 0 }
      let sum = graph.neighbors(of: NodeID(v)).nodes.reduce(0.0) { $0 + 1 / Double(graph.degree(of: $1)) }
      return betweenness.scores[v] * ((1 / Double(d)) / sum)
    }
    return NodeScores(scores)
  }
}
