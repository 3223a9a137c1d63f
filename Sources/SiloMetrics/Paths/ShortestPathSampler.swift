import SiloGraph

/// Draws one shortest path between two nodes uniformly at random among all of them, by a
/// search from both ends, and appends the path's inner nodes: the sampling step of
/// Riondato & Kornaropoulos (2016) and of KADABRA (Borassi & Natale 2016, §5.1).
///
/// Hops: two breadth-first searches, one from s along ties and one from t against them,
/// each round growing the ball whose frontier has fewer ties to scan (the balanced
/// bidirectional search of Borassi & Natale). When a round finds ties between the two
/// balls it ends; every shortest s–t path crosses exactly one of those ties (u, w), and
/// σ_su · σ_wt of them cross it, so a tie is chosen with that weight and the path is walked
/// back on each side choosing each predecessor p of a node x with probability σ_p / σ_x.
///
/// Weighted distances: two Dijkstra searches, each step settling the side whose next
/// distance is smaller, until the two next distances together exceed the shortest s–t
/// length found (by a relative 10⁻⁹, so that every node of a shortest path is settled by
/// one side or the other). Every shortest path then has exactly one tie (u, w) with u settled
/// from s and w settled from t but not from s; its length is summed as (d_s(u) + ℓ) + d_t(w),
/// and lengths are compared with the ``PathTieRule`` of the options. Path counts are
/// computed at settling time from the settled predecessors, with the same comparison, so the
/// walk back always finds them.
///
/// An undirected pair in different components is answered at once, without a search.
///
/// A sampler keeps its search state between pairs; each thread uses its own.
///
/// - Complexity: per pair, the ties of the nodes the two searches reach (far fewer than a
///   one-sided search on graphs with short paths); O(n) memory per sampler, allocated once.
final class ShortestPathSampler: @unchecked Sendable {
  private let graph: CollaborationGraph
  private let outLengths: [Double]
  private let inLengths: [Double]
  private let hops: Bool
  private let ties: PathTieRule
  private let component: [Int32]?
  private let n: Int

  /// Counts searches, so that a node's marks are current only when they hold this value.
  private var generation: UInt32 = 0
  /// Hops: each node's ball (generation·2 + side), level and path count, side by side so that
  /// a tie's scan touches one place in memory.
  private struct HopNode {
    var mark: UInt32 = 0
    var level: Int32 = 0
    var paths: Double = 0
  }
  /// Weighted: a node's state in one of the two searches (reached and settled hold the
  /// generation of the search that last did so).
  private struct SideState {
    var reached: UInt32 = 0
    var settled: UInt32 = 0
    var distance: Double = 0
    var paths: Double = 0
  }
  /// One of the two weighted searches: its queue and states, the other's states, the ties it
  /// grows along and the ties back towards its root.
  private struct Side {
    let heap: IndexedHeap
    let own: UnsafeMutablePointer<SideState>
    let other: UnsafeMutablePointer<SideState>
    let along: Ties
    let against: Ties
    let root: Int
    let isForward: Bool
  }
  private struct Ties {
    let offsets: [Int]
    let columns: [NodeID]
    let lengths: [Double]
  }
  private let hopNodes: UnsafeMutablePointer<HopNode>
  /// Both searches' states, node by node: node v's state from s at 2v, from t at 2v + 1
  /// (``forwardNodes`` and ``backwardNodes`` are indexed by 2v), so that a tie's scan reads
  /// one place in memory.
  private let sideStates: UnsafeMutablePointer<SideState>
  private var forwardNodes: UnsafeMutablePointer<SideState> { sideStates }
  private var backwardNodes: UnsafeMutablePointer<SideState> { sideStates + 1 }
  /// Hops: the two balls' nodes, frontier by frontier. Weighted: the nodes settled from s.
  private let queue: UnsafeMutablePointer<Int32>
  private let forwardHeap: IndexedHeap
  private let backwardHeap: IndexedHeap
  private var crossings: [(u: Int32, w: Int32, length: Double)] = []

  /// What every sampler of one graph and options reads: the tie lengths and, undirected, each
  /// node's component. Built once and shared by the samplers of all threads.
  struct Input: Sendable {
    let graph: CollaborationGraph
    let options: BetweennessOptions
    let outLengths: [Double]
    let inLengths: [Double]
    let component: [Int32]?

    init(graph: CollaborationGraph, options: BetweennessOptions) {
      self.graph = graph
      self.options = options
      if options.distance == .hops {
        outLengths = []
        inLengths = []
      } else {
        outLengths = graph.weights.map { options.distance.length(ofWeight: $0)! }
        inLengths = graph.isDirected ? graph.inWeights.map { options.distance.length(ofWeight: $0)! } : outLengths
      }
      component = graph.isDirected ? nil : ConnectedComponents(of: graph).partition.membership
    }
  }

  init(_ input: Input) {
    graph = input.graph
    n = graph.nodeCount
    hops = input.options.distance == .hops
    ties = input.options.ties
    outLengths = input.outLengths
    inLengths = input.inLengths
    component = input.component
    let capacity = max(1, n)
    hopNodes = .allocate(capacity: hops ? capacity : 1)
    hopNodes.initialize(repeating: HopNode(), count: hops ? capacity : 1)
    sideStates = .allocate(capacity: hops ? 2 : 2 * capacity)
    sideStates.initialize(repeating: SideState(), count: hops ? 2 : 2 * capacity)
    queue = .allocate(capacity: capacity)
    forwardHeap = IndexedHeap(nodeCount: hops ? 1 : n)
    backwardHeap = IndexedHeap(nodeCount: hops ? 1 : n)
  }

  deinit {
    hopNodes.deallocate()
    sideStates.deallocate()
    queue.deallocate()
  }

  /// Appends to `inner` the inner nodes (s and t excluded) of one shortest s–t path drawn
  /// uniformly at random; appends nothing when t cannot be reached from s. `s ≠ t`.
  func sample(from s: Int, to t: Int, rng: inout SeededGenerator, into inner: inout [Int32]) {
    if let component, component[s] != component[t] { return }
    if generation >= UInt32.max >> 2 {
      hopNodes.update(repeating: HopNode(), count: hops ? max(1, n) : 1)
      sideStates.update(repeating: SideState(), count: hops ? 2 : 2 * max(1, n))
      generation = 0
    }
    generation += 1
    if hops { sampleHops(s, t, &rng, &inner) } else { sampleWeighted(s, t, &rng, &inner) }
  }

  // MARK: Hops

  private func sampleHops(_ s: Int, _ t: Int, _ rng: inout SeededGenerator, _ inner: inout [Int32]) {
    let forward = generation << 1, backward = forward | 1
    let directed = graph.isDirected
    let outOffsets = graph.rowOffsets, inOffsets = directed ? graph.inRowOffsets : graph.rowOffsets
    let outColumns = graph.columns, inColumns = directed ? graph.inColumns : graph.columns
    let node = hopNodes
    node[s] = HopNode(mark: forward, level: 0, paths: 1)
    node[t] = HopNode(mark: backward, level: 0, paths: 1)
    queue[0] = Int32(s); queue[1] = Int32(t)
    var end = 2
    var forwardFrontier = 0 ..< 1, backwardFrontier = 1 ..< 2
    var forwardWork = outOffsets[s + 1] - outOffsets[s], backwardWork = inOffsets[t + 1] - inOffsets[t]
    crossings.removeAll(keepingCapacity: true)
    while true {
      let isForward = forwardWork <= backwardWork
      let own = isForward ? forward : backward
      let offsets = isForward ? outOffsets : inOffsets, columns = isForward ? outColumns : inColumns
      let frontier = isForward ? forwardFrontier : backwardFrontier
      let start = end
      var work = 0
      for q in frontier {
        let x = Int(queue[q]), next = node[x].level + 1, paths = node[x].paths
        for i in offsets[x] ..< offsets[x + 1] {
          let y = columns[i].index
          let m = node[y].mark
          if m >> 1 != generation {
            node[y] = HopNode(mark: own, level: next, paths: paths)
            queue[end] = Int32(truncatingIfNeeded: y)
            end += 1
            work += offsets[y + 1] - offsets[y]
          } else if m != own {
            crossings.append(isForward ? (Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y), 0) : (Int32(truncatingIfNeeded: y), Int32(truncatingIfNeeded: x), 0))
          } else if node[y].level == next {
            node[y].paths += paths
          }
        }
      }
      if !crossings.isEmpty { break }
      if end == start { return }
      if isForward { forwardFrontier = start ..< end; forwardWork = work } else { backwardFrontier = start ..< end; backwardWork = work }
    }
    let (u, w) = chooseCrossing(rng: &rng) { node[$0].paths * node[$1].paths }
    walk(from: u, to: s, offsets: inOffsets, columns: inColumns, rng: &rng, into: &inner) { _, p, x in
      node[p].mark == forward && node[p].level == node[x].level - 1
    } weight: { node[$0].paths }
    walk(from: w, to: t, offsets: outOffsets, columns: outColumns, rng: &rng, into: &inner) { _, q, x in
      node[q].mark == backward && node[q].level == node[x].level - 1
    } weight: { node[$0].paths }
  }

  /// A crossing tie (u, w) chosen with probability σ_su · σ_wt / σ_st, given as `weight(u, w)`.
  @inline(__always)
  private func chooseCrossing(rng: inout SeededGenerator, weight: (Int, Int) -> Double) -> (Int, Int) {
    var total = 0.0
    for c in crossings { total += weight(Int(c.u), Int(c.w)) }
    var r = rng.nextUnit() * total
    for c in crossings {
      r -= weight(Int(c.u), Int(c.w))
      if r < 0 { return (Int(c.u), Int(c.w)) }
    }
    return (Int(crossings[crossings.count - 1].u), Int(crossings[crossings.count - 1].w))
  }

  /// Walks from `start` to `end` (excluded) through the ties of `offsets`/`columns`, at each
  /// node x choosing among the neighbours p (tie i) with `isStep(i, p, x)` with probability
  /// weight(p) / Σ weight, and appends every node passed before `end`, `start` included.
  @inline(__always)
  private func walk(
    from start: Int, to end: Int, offsets: [Int], columns: [NodeID], rng: inout SeededGenerator,
    into inner: inout [Int32], isStep: (Int, Int, Int) -> Bool, weight: (Int) -> Double
  ) {
    var x = start
    while x != end {
      inner.append(Int32(truncatingIfNeeded: x))
      var total = 0.0
      for i in offsets[x] ..< offsets[x + 1] where isStep(i, columns[i].index, x) { total += weight(columns[i].index) }
      var r = rng.nextUnit() * total
      var chosen = -1
      for i in offsets[x] ..< offsets[x + 1] {
        let p = columns[i].index
        guard isStep(i, p, x) else { continue }
        chosen = p
        r -= weight(p)
        if r < 0 { break }
      }
      guard chosen >= 0 else { return }
      x = chosen
    }
  }

  // MARK: Weighted distances

  @inline(__always)
  private func equal(_ a: Double, _ b: Double) -> Bool { ties.equal(a, b) }

  private func sampleWeighted(_ s: Int, _ t: Int, _ rng: inout SeededGenerator, _ inner: inout [Int32]) {
    let g = generation
    let directed = graph.isDirected
    let out = Ties(offsets: graph.rowOffsets, columns: graph.columns, lengths: outLengths)
    let into = directed ? Ties(offsets: graph.inRowOffsets, columns: graph.inColumns, lengths: inLengths) : out
    let forward = Side(heap: forwardHeap, own: forwardNodes, other: backwardNodes, along: out, against: into, root: s, isForward: true)
    let backward = Side(heap: backwardHeap, own: backwardNodes, other: forwardNodes, along: into, against: out, root: t, isForward: false)
    forwardNodes[2 &* s] = SideState(reached: g, settled: forwardNodes[2 &* s].settled, distance: 0, paths: 1)
    backwardNodes[2 &* t] = SideState(reached: g, settled: backwardNodes[2 &* t].settled, distance: 0, paths: 1)
    forwardHeap.push(Int32(s), key: 0)
    backwardHeap.push(Int32(t), key: 0)
    crossings.removeAll(keepingCapacity: true)
    var best = Double.infinity
    while true {
      let nextForward = forwardHeap.minimumKey, nextBackward = backwardHeap.minimumKey
      if nextForward == .infinity && nextBackward == .infinity { break }
      if nextForward + nextBackward > best * (1 + 1e-9) { break }
      if nextForward <= nextBackward {
        settleNext(forward, otherNext: nextBackward, best: &best)
      } else {
        settleNext(backward, otherNext: nextForward, best: &best)
      }
    }
    forwardHeap.removeAll()
    backwardHeap.removeAll()
    guard best < .infinity, let (u, w) = chooseShortestCrossing(out, rng: &rng) else { return }
    for (side, start) in [(forward, u), (backward, w)] {
      let own = side.own, lengths = side.against.lengths
      walk(from: start, to: side.root, offsets: side.against.offsets, columns: side.against.columns, rng: &rng, into: &inner) { i, p, x in
        own[2 &* p].settled == g && own[2 &* p].distance < own[2 &* x].distance && self.equal(own[2 &* p].distance + lengths[i], own[2 &* x].distance)
      } weight: { own[2 &* $0].paths }
    }
  }

  /// Settles the nearest node of one search and relaxes its ties: records the best s–t
  /// length through nodes the other search reached (summed from s: (d_s(u) + ℓ) + d_t(w)),
  /// the crossing ties to nodes it settled, and leaves out a node whose way on is surely
  /// longer than the best path found.
  @inline(__always)
  private func settleNext(_ side: Side, otherNext: Double, best: inout Double) {
    let g = generation, own = side.own, other = side.other, along = side.along
    let (v32, dv) = side.heap.pop()!
    let v = Int(v32)
    own[2 &* v].settled = g
    if ties == .tolerant && v != side.root { own[2 &* v].paths = tolerantPathCount(v, dv, side.against, own) }
    let paths = own[2 &* v].paths
    for i in along.offsets[v] ..< along.offsets[v + 1] {
      let w = along.columns[i].index
      let w32 = Int32(truncatingIfNeeded: w)
      let candidate = dv + along.lengths[i]
      let mine = own[2 &* w], theirs = other[2 &* w]
      if theirs.reached == g {
        best = min(best, side.isForward ? candidate + theirs.distance : (theirs.distance + along.lengths[i]) + dv)
      }
      if theirs.settled == g { crossings.append(side.isForward ? (v32, w32, 0) : (w32, v32, 0)) }
      let rest = theirs.settled == g ? theirs.distance : otherNext
      if candidate + rest > best * (1 + 1e-9) || mine.settled == g { continue }
      if mine.reached != g || candidate < mine.distance {
        own[2 &* w].reached = g; own[2 &* w].distance = candidate; own[2 &* w].paths = paths
        side.heap.push(w32, key: candidate)
      } else if candidate == mine.distance {
        own[2 &* w].paths += paths
      }
    }
  }

  /// The crossing ties (u settled from s, w settled from t and not from s, each recorded when
  /// the later of its ends was settled) of the shortest length, one of them chosen with weight
  /// σ_su · σ_wt; `nil` when there is none.
  private func chooseShortestCrossing(_ out: Ties, rng: inout SeededGenerator) -> (Int, Int)? {
    let g = generation, forward = forwardNodes, backward = backwardNodes
    var shortest = Double.infinity
    for k in crossings.indices {
      let u = Int(crossings[k].u), w = Int(crossings[k].w)
      guard forward[2 &* w].settled != g else { crossings[k].length = .infinity; continue }
      let length = (forward[2 &* u].distance + tieLength(from: u, to: w, out.offsets, out.columns)) + backward[2 &* w].distance
      crossings[k].length = length
      shortest = min(shortest, length)
    }
    crossings.removeAll { !equal($0.length, shortest) }
    guard !crossings.isEmpty else { return nil }
    return chooseCrossing(rng: &rng) { forward[2 &* $0].paths * backward[2 &* $1].paths }
  }

  /// With tolerant ties, the number of shortest paths to a node just settled at `dv`, from its
  /// settled neighbours towards the search's root: path lengths within 10⁻¹⁰ of each other
  /// only become known as equal once both are final, so they are summed at settling time.
  private func tolerantPathCount(_ v: Int, _ dv: Double, _ back: Ties, _ own: UnsafeMutablePointer<SideState>) -> Double {
    var paths = 0.0
    for i in back.offsets[v] ..< back.offsets[v + 1] {
      let p = own[2 &* back.columns[i].index]
      if p.settled == generation && p.distance < dv && equal(p.distance + back.lengths[i], dv) { paths += p.paths }
    }
    return paths
  }

  /// The length of the tie from u to w (binary search in u's sorted row).
  @inline(__always)
  private func tieLength(from u: Int, to w: Int, _ offsets: [Int], _ columns: [NodeID]) -> Double {
    var low = offsets[u], high = offsets[u + 1]
    while low < high {
      let mid = (low + high) >> 1
      if columns[mid].index < w { low = mid + 1 } else { high = mid }
    }
    return outLengths[low]
  }
}
