import SiloGraph

/// The one home of SiloMetrics' single-source shortest-path searches: a breadth-first search
/// (hops) or a Dijkstra search (tie lengths) from one source that counts the shortest paths
/// to every node and records their predecessors (or counts the paths that avoid some nodes),
/// Brandes' dependency accumulation over the predecessors, and searches level by level.
///
/// A search is the per-thread scratch of these algorithms: its arrays (the queue that becomes
/// the stack of the backward pass, the levels, distances, path counts, dependencies and
/// predecessors) are allocated once for all nodes, live behind pointers, and are reset
/// through the nodes each search reached, so a search from every source costs what the
/// nodes and ties it reaches cost. Use one per thread; the ``SearchGraph`` is shared.
///
/// Predecessors are stored in the slots of each node's incoming row (its own row when
/// undirected), as the plain C reference of Brandes' algorithm does: a node has at most as
/// many predecessors as incoming ties, so no list grows.
final class ShortestPathSearch {
  let graph: SearchGraph
  /// The nodes reached, in the order reached (breadth first) or settled (Dijkstra): the queue
  /// of the search, then, read backwards, the stack of the dependency accumulation.
  let order: UnsafeMutablePointer<Int32>
  /// How many nodes the last search reached (the used part of ``order``).
  private(set) var reachedCount = 0
  /// The hops from the source of each node reached breadth first; a Dijkstra search marks
  /// each node it settles with 0. −1: not reached (not settled).
  let hops: UnsafeMutablePointer<Int32>
  /// The length of the shortest path from the source (Dijkstra); infinity: not reached.
  let distance: UnsafeMutablePointer<Double>
  /// σ_sv: the number of shortest paths from the source to each node.
  let sigma: UnsafeMutablePointer<Double>
  /// δ_s(v): the dependency of the source on each node (Brandes' backward pass).
  let delta: UnsafeMutablePointer<Double>
  /// The shortest-path predecessors of v in the slots `into.offsets[v] ..<` of its
  /// incoming row, ``predecessorCount`` of them.
  let predecessors: UnsafeMutablePointer<Int32>
  let predecessorCount: UnsafeMutablePointer<Int32>
  private let heap: IndexedHeap
  /// The part of ``order`` holding the last level expanded (``startLevels(at:)``).
  private(set) var frontier = 0 ..< 0

  init(_ graph: SearchGraph) {
    self.graph = graph
    let n = max(graph.nodeCount, 1)
    order = .allocate(capacity: n)
    hops = .allocate(capacity: n)
    hops.initialize(repeating: -1, count: n)
    distance = .allocate(capacity: n)
    distance.initialize(repeating: .infinity, count: n)
    sigma = .allocate(capacity: n)
    sigma.initialize(repeating: 0, count: n)
    delta = .allocate(capacity: n)
    delta.initialize(repeating: 0, count: n)
    predecessors = .allocate(capacity: max(graph.into.slotCount, 1))
    predecessorCount = .allocate(capacity: n)
    predecessorCount.initialize(repeating: 0, count: n)
    heap = IndexedHeap(nodeCount: graph.isWeighted ? n : 1)
  }

  deinit {
    order.deallocate()
    hops.deallocate()
    distance.deallocate()
    sigma.deallocate()
    delta.deallocate()
    predecessors.deallocate()
    predecessorCount.deallocate()
  }

  /// The nodes the last search reached, in the order reached or settled.
  var reachedNodes: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: order, count: reachedCount) }

  /// Searches from `s` along the ties' directions: breadth first when the graph has no tie
  /// lengths, else Dijkstra with equal lengths decided by `ties`. Call ``reset()`` before the
  /// next search.
  func search(from s: Int, ties: PathTieRule) {
    if graph.isWeighted { dijkstra(from: s, ties: ties) } else { breadthFirst(from: s) }
  }

  /// Breadth-first search from `s`: hops, path counts σ and predecessors of every node
  /// reached. A node w found from v at the next level counts v's paths and records v as a
  /// predecessor, in the order the queue reaches them.
  ///
  /// - Complexity: O(*n_s* + *m_s*), the nodes and ties reachable from `s`.
  func breadthFirst(from s: Int) {
    breadthFirst(from: s, visitor: RecordPredecessors(search: self))
  }

  /// Breadth-first search from `s` with σ_sw, the shortest s–w paths, and σ'_sw, those of
  /// them that pass through no blocked node (the source and w included), written to
  /// `avoiding` for every node reached; no predecessors are recorded. A shortest path avoids
  /// the blocked nodes when every node on it does, so σ' adds up over the same shortest-path
  /// ties as σ with the blocked nodes held at 0: the counts a second search without the
  /// blocked nodes would find, kept where it finds the same length. Whole numbers, exact in a
  /// double up to 2⁵³.
  ///
  /// - Complexity: O(*n_s* + *m_s*).
  func breadthFirst(from s: Int, avoiding blocked: UnsafePointer<Bool>, into avoiding: UnsafeMutablePointer<Double>) {
    breadthFirst(from: s, visitor: CountPathsAvoiding(blocked: blocked, avoiding: avoiding))
  }

  /// The one breadth-first search: levels and path counts σ, with `visitor` told of the
  /// source, of each node when first reached, and of each tie v → w on a shortest path
  /// (w one level below v), in the order the queue meets them. Specialized for each visitor,
  /// so the visitor's calls cost what their bodies cost.
  @inline(__always)
  private func breadthFirst<Visitor: BreadthFirstVisitor>(from s: Int, visitor: Visitor) {
    let offsets = graph.out.offsets, columns = graph.out.columns
    order[0] = Int32(s)
    hops[s] = 0
    sigma[s] = 1
    visitor.start(s)
    var head = 0, tail = 1
    while head < tail {
      let v32 = order[head]
      let v = Int(v32)
      head += 1
      let next = hops[v] + 1
      let paths = sigma[v]
      for i in offsets[v] ..< offsets[v + 1] {
        let w = Int(columns[i])
        var level = hops[w]
        if level < 0 {
          level = next
          hops[w] = next
          order[tail] = Int32(w)
          tail += 1
          visitor.reach(w)
        }
        if level == next {
          sigma[w] += paths
          visitor.shortestTie(v32, w)
        }
      }
    }
    reachedCount = tail
  }

  /// Dijkstra search from `s` over the tie lengths: distances, path counts σ and predecessors
  /// of every node reached, in settling order (distance, then node id).
  ///
  /// With ``PathTieRule/exact`` path counts and predecessors are gathered while relaxing, as
  /// NetworkX does: every v with d(v) + ℓ = d(w) settles before w and relaxes w, and a
  /// shorter route found later replaces what was gathered. With ``PathTieRule/tolerant``
  /// they are decided after the search, from the final distances
  /// (``decidePredecessorsTolerantly()``).
  ///
  /// - Complexity: O((*n_s* + *m_s*) log *n_s*) with the indexed binary heap.
  func dijkstra(from s: Int, ties: PathTieRule) {
    let offsets = graph.out.offsets, columns = graph.out.columns, lengths = graph.out.lengths!
    let predecessorSlots = graph.into.offsets
    let exact = ties == .exact
    var count = 0
    distance[s] = 0
    sigma[s] = 1
    heap.push(Int32(s), key: 0)
    while let (v32, dv) = heap.pop() {
      let v = Int(v32)
      hops[v] = 0
      order[count] = v32
      count += 1
      let paths = sigma[v]
      for i in offsets[v] ..< offsets[v + 1] {
        let w = Int(columns[i])
        let candidate = dv + lengths[i]
        let dw = distance[w]
        if candidate < dw {
          distance[w] = candidate
          heap.push(Int32(w), key: candidate)
          if exact {
            sigma[w] = paths
            predecessors[predecessorSlots[w]] = v32
            predecessorCount[w] = 1
          }
        } else if exact && candidate == dw && hops[w] < 0 {
          sigma[w] += paths
          predecessors[predecessorSlots[w] + Int(predecessorCount[w])] = v32
          predecessorCount[w] += 1
        }
      }
    }
    reachedCount = count
    if !exact { decidePredecessorsTolerantly() }
  }

  /// After a Dijkstra search with tolerant ties: the predecessors of each settled node u are
  /// the v with d(v) < d(u) and d(v) + ℓ(v, u) equal to d(u) within a relative 1e-10, and
  /// σ_u sums theirs, in settling order.
  private func decidePredecessorsTolerantly() {
    let offsets = graph.into.offsets, columns = graph.into.columns, lengths = graph.into.lengths!
    for k in 1 ..< max(reachedCount, 1) {
      let u = Int(order[k])
      let du = distance[u]
      var paths = 0.0
      var found: Int32 = 0
      for i in offsets[u] ..< offsets[u + 1] {
        let v32 = columns[i]
        let dv = distance[Int(v32)]
        if dv < du && PathTieRule.tolerantlyEqual(dv + lengths[i], du) {
          paths += sigma[Int(v32)]
          predecessors[offsets[u] + Int(found)] = v32
          found += 1
        }
      }
      sigma[u] = paths
      predecessorCount[u] = found
    }
  }

  /// Brandes' backward pass after a search: the dependencies
  /// δ_s(v) = Σ_{w : v ∈ P_s(w)} (σ_sv / σ_sw)(1 + δ_s(w)), taken in reverse order of
  /// reaching, each added to `sums[w]` (the source excluded).
  ///
  /// - Complexity: O(*n_s* + the predecessors recorded).
  func accumulateDependencies(into sums: UnsafeMutablePointer<Double>) {
    let predecessorSlots = graph.into.offsets
    var k = reachedCount - 1
    while k > 0 {
      let w = Int(order[k])
      k -= 1
      let coefficient = (1 + delta[w]) / sigma[w]
      let start = predecessorSlots[w]
      for j in start ..< start + Int(predecessorCount[w]) {
        let v = Int(predecessors[j])
        delta[v] += sigma[v] * coefficient
      }
      sums[w] += delta[w]
    }
  }

  /// Clears what the last search wrote, through the nodes it reached.
  func reset() {
    let weighted = graph.isWeighted
    for k in 0 ..< reachedCount {
      let v = Int(order[k])
      hops[v] = -1
      sigma[v] = 0
      delta[v] = 0
      predecessorCount[v] = 0
      if weighted { distance[v] = .infinity }
    }
    reachedCount = 0
    frontier = 0 ..< 0
  }
}

// MARK: Level by level

extension ShortestPathSearch {
  /// Starts a breadth-first search from `s` that is expanded one level at a time with
  /// ``expandLevel(skipping:meeting:)`` (hops only; no path counts).
  func startLevels(at s: Int) {
    hops[s] = 0
    order[0] = Int32(s)
    reachedCount = 1
    frontier = 0 ..< 1
  }

  /// Expands the whole last level by one hop, leaving out the tie `skipped.from` →
  /// `skipped.to`; the new nodes become the ``frontier``.
  ///
  /// - Returns: the least hops(v) + 1 + other.hops(w) over the ties v → w scanned whose end w
  ///   the `other` search has reached: the length of the shortest path through this level
  ///   when two searches from both ends meet; −1 when none meets.
  func expandLevel(skipping skipped: (from: Int, to: Int), meeting other: ShortestPathSearch) -> Int {
    let offsets = graph.out.offsets, columns = graph.out.columns, theirs = other.hops
    var best = -1
    var tail = reachedCount
    for q in frontier {
      let v = Int(order[q])
      let next = hops[v] + 1
      for e in offsets[v] ..< offsets[v + 1] {
        let w = Int(columns[e])
        if v == skipped.from && w == skipped.to { continue }
        if theirs[w] >= 0 {
          let length = Int(next + theirs[w])
          if best < 0 || length < best { best = length }
        }
        if hops[w] < 0 {
          hops[w] = next
          order[tail] = Int32(w)
          tail += 1
        }
      }
    }
    frontier = reachedCount ..< tail
    reachedCount = tail
    return best
  }
}

// MARK: What a breadth-first search records

/// What ``ShortestPathSearch``'s breadth-first search does besides counting levels and paths.
protocol BreadthFirstVisitor {
  /// The search starts at `s`.
  func start(_ s: Int)
  /// `w` is reached for the first time.
  func reach(_ w: Int)
  /// The tie v → w lies on a shortest path from the source (w is one level below v).
  func shortestTie(_ v: Int32, _ w: Int)
}

/// Records v as a shortest-path predecessor of w, in the slots of w's incoming row.
private struct RecordPredecessors: BreadthFirstVisitor {
  let predecessors: UnsafeMutablePointer<Int32>
  let predecessorCount: UnsafeMutablePointer<Int32>
  let slots: UnsafeMutablePointer<Int>

  init(search: ShortestPathSearch) {
    predecessors = search.predecessors
    predecessorCount = search.predecessorCount
    slots = search.graph.into.offsets
  }

  @inline(__always) func start(_ s: Int) {}
  @inline(__always) func reach(_ w: Int) {}
  @inline(__always) func shortestTie(_ v: Int32, _ w: Int) {
    predecessors[slots[w] + Int(predecessorCount[w])] = v
    predecessorCount[w] += 1
  }
}

/// Adds up σ', the shortest paths that pass through no blocked node.
private struct CountPathsAvoiding: BreadthFirstVisitor {
  let blocked: UnsafePointer<Bool>
  let avoiding: UnsafeMutablePointer<Double>

  @inline(__always) func start(_ s: Int) { avoiding[s] = blocked[s] ? 0 : 1 }
  @inline(__always) func reach(_ w: Int) { avoiding[w] = 0 }
  @inline(__always) func shortestTie(_ v: Int32, _ w: Int) {
    if !blocked[w] { avoiding[w] += avoiding[Int(v)] }
  }
}
