import SiloGraph

/// The articulation points and bridges of a graph, with the span of its local bridges.
public struct CutPoints: Sendable, Hashable, Codable {
  /// People whose departure splits a component (ascending).
  public var articulationPoints: [NodeID]
  /// Ties whose loss splits a component (`source < target`, sorted).
  public var bridges: [Edge]
  /// Ties whose ends share no neighbour, with the length of the shortest detour (hops)
  /// without the tie; `nil` span for a bridge (no detour at all).
  public var localBridges: [LocalBridge]

  public struct LocalBridge: Sendable, Hashable, Codable {
    public var source: NodeID
    public var target: NodeID
    /// Hops of the shortest other path between the ends; `nil` when there is none.
    public var span: Int?
  }
}

extension CollaborationGraph {
  /// Returns the articulation points, bridges and local bridges, with direction ignored.
  ///
  /// Articulation points and bridges by Hopcroft & Tarjan's depth-first search with low
  /// points (iterative, so a long chain of people cannot overflow the stack), as NetworkX
  /// `articulation_points` and `bridges`. A local bridge is a tie whose ends have no common
  /// neighbour (Granovetter 1973); its span is the length of the shortest path between the
  /// ends once the tie is removed, as NetworkX `local_bridges(G, with_span=True)` (which
  /// reports an infinite span for a bridge; SiloScope reports `nil`).
  ///
  /// - Complexity: O(*n* + *m*) for cut points and bridges; local bridges add one
  ///   breadth-first search per local bridge.
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
    // Local bridges: no common neighbour.
    var local: [CutPoints.LocalBridge] = []
    var mark = [Int32](repeating: -1, count: n)
    let bridgeSet = Set(bridges.map { UInt64(UInt32($0.source.rawValue)) << 32 | UInt64(UInt32($0.target.rawValue)) })
    var spans = SpanSearch(nodeCount: n)
    for u in 0 ..< n {
      for w in graph.neighbors(of: NodeID(u)).nodes { mark[w.index] = Int32(u) }
      for v in graph.neighbors(of: NodeID(u)).nodes where v.index > u {
        let shared = graph.neighbors(of: v).nodes.contains { mark[$0.index] == Int32(u) }
        guard !shared else { continue }
        let key = UInt64(UInt32(u)) << 32 | UInt64(UInt32(v.rawValue))
        let span = bridgeSet.contains(key) ? nil : spans.hopsAvoidingTie(graph, from: u, to: v.index)
        local.append(.init(source: NodeID(u), target: v, span: span))
      }
    }
    return CutPoints(
      articulationPoints: (0 ..< n).filter { isCut[$0] }.map(NodeID.init), bridges: bridges, localBridges: local)
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

/// Breadth-first search for a local bridge's span, with its distance array kept between
/// searches (reset through the list of nodes it touched): a dictionary per search cost
/// seconds at 100,000 people.
struct SpanSearch {
  private var distance: [Int32]
  private var queue: [Int32] = []

  init(nodeCount: Int) { distance = Array(repeating: -1, count: nodeCount) }

  /// Hops of the shortest path from `s` to `t` not using the tie s–t; `nil` when none.
  mutating func hopsAvoidingTie(_ graph: CollaborationGraph, from s: Int, to t: Int) -> Int? {
    defer {
      for v in queue { distance[Int(v)] = -1 }
      queue.removeAll(keepingCapacity: true)
    }
    let offsets = graph.rowOffsets, columns = graph.columns
    distance[s] = 0
    queue.append(Int32(s))
    var head = 0
    while head < queue.count {
      let v = Int(queue[head])
      head += 1
      let next = distance[v] + 1
      for e in offsets[v] ..< offsets[v + 1] {
        let w = columns[e].index
        if v == s && w == t { continue }
        if distance[w] < 0 {
          if w == t { return Int(next) }
          distance[w] = next
          queue.append(Int32(w))
        }
      }
    }
    return nil
  }
}
