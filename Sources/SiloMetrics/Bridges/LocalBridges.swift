import Dispatch
import SiloGraph

extension CollaborationGraph {
  /// Returns the local bridges, with direction ignored: the ties whose ends have no common
  /// neighbour (Granovetter 1973), each with its span, the length in hops of the shortest
  /// path between its ends once the tie is removed, as NetworkX
  /// `local_bridges(G, with_span=True)` gives it up to `maximumSpan` (NetworkX reports an
  /// infinite span for a bridge; SiloScope reports `nil` with ``LocalBridge/isBridge``).
  ///
  /// The span only matters up to a small length: 3 is a short way round, and beyond a few
  /// steps every detour means "a long way round". A span longer than `maximumSpan` is
  /// reported as `nil` with `isBridge` false ("more than `maximumSpan`"); `nil` searches
  /// without a bound.
  ///
  /// Each span is found by a breadth-first search from both ends at once, a whole level at a
  /// time on the side with the smaller frontier, stopping when the two meet (the shortest
  /// length is the least sum of the two distances over the nodes met in that level) or when
  /// the levels reached add up to more than the bound. Bridges (from ``cutPoints()``) are not
  /// searched. The ties are shared out among `threads` threads, each with its own scratch, and
  /// the result is the same for any number of threads.
  ///
  /// - Parameters:
  ///   - maximumSpan: The longest span reported (at least 3, the shortest possible span of a
  ///     local bridge); `nil` for no bound.
  ///   - threads: Threads to share the searches among (fewer than 1 counts as 1, at most 64).
  /// - Returns: The local bridges, `source < target`, in order of source then target.
  /// - Complexity: O(Σ_u d_u² + *n* + *m*) to find the local bridges; each search visits at
  ///   most the nodes within ⌈bound/2⌉ hops of either end, so with a bound the total is
  ///   bounded by the local bridges times the size of those neighbourhoods, not by *n* + *m*.
  public func localBridges(maximumSpan: Int? = 6, threads: Int = 1) -> [LocalBridge] {
    precondition(maximumSpan.map { $0 >= 3 } ?? true, "the maximum span is at least 3")
    let graph = isDirected ? undirectedView() : self
    let ties = graph.tiesWithoutCommonNeighbour()
    let bridges = Set(graph.cutPoints().bridges.map { Self.key($0.source.index, $0.target.index) })
    let bound = maximumSpan ?? Int.max
    let spans = ThreadSlots<Int32>(count: ties.count, initial: -1)
    let threadCount = max(1, min(threads, 64, max(1, ties.count / 256)))
    let searchGraph = SearchGraph(graph, distance: .hops)
    let work: @Sendable (Int) -> Void = { t in
      let search = BidirectionalSpan(searchGraph)
      for i in stride(from: t, to: ties.count, by: threadCount) {
        let (u, v) = ties[i]
        if bridges.contains(Self.key(u, v)) { continue }
        spans.set(i, search.span(from: u, to: v, bound: bound))
      }
    }
    if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
    let found = spans.take()
    return ties.indices.map { i in
      let (u, v) = ties[i]
      let isBridge = bridges.contains(Self.key(u, v))
      return LocalBridge(source: NodeID(u), target: NodeID(v), span: isBridge || found[i] < 0 ? nil : Int(found[i]), isBridge: isBridge)
    }
  }

  static func key(_ u: Int, _ v: Int) -> UInt64 { UInt64(UInt32(min(u, v))) << 32 | UInt64(UInt32(max(u, v))) }

  /// The ties u–v (u < v) whose ends have no neighbour in common, in order of u then v.
  func tiesWithoutCommonNeighbour() -> [(Int, Int)] {
    let n = nodeCount
    var mark = [Int32](repeating: -1, count: n)
    var ties: [(Int, Int)] = []
    for u in 0 ..< n {
      for w in neighbors(of: NodeID(u)).nodes { mark[w.index] = Int32(u) }
      for v in neighbors(of: NodeID(u)).nodes where v.index > u {
        if !neighbors(of: v).nodes.contains(where: { mark[$0.index] == Int32(u) }) { ties.append((u, v.index)) }
      }
    }
    return ties
  }
}

/// A breadth-first search from both ends of a tie, without the tie, up to a bound: two
/// ``ShortestPathSearch``es expanded level by level, kept between ties.
struct BidirectionalSpan {
  private let ends: [ShortestPathSearch]

  init(_ graph: SearchGraph) { ends = [ShortestPathSearch(graph), ShortestPathSearch(graph)] }

  /// Hops of the shortest path from `s` to `t` without the tie s–t; −1 when there is none
  /// of at most `bound` hops.
  func span(from s: Int, to t: Int, bound: Int) -> Int32 {
    defer { ends.forEach { $0.reset() } }
    ends[0].startLevels(at: s)
    ends[1].startLevels(at: t)
    let tie = [(s, t), (t, s)]
    var levels = 0
    while !ends[0].frontier.isEmpty && !ends[1].frontier.isEmpty && levels + 1 <= bound {
      let side = ends[0].frontier.count <= ends[1].frontier.count ? 0 : 1
      let met = ends[side].expandLevel(skipping: tie[side], meeting: ends[1 - side])
      levels += 1
      if met >= 0 { return met <= bound ? Int32(met) : -1 }
    }
    return -1
  }
}
