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
  private let tolerant: Bool
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
  /// Weighted: each node's state in the search from s and in the one from t.
  private struct WeightedNode {
    var reached: UInt32 = 0
    var settled: UInt32 = 0
    var reachedBack: UInt32 = 0
    var settledBack: UInt32 = 0
    var distance: Double = 0
    var distanceBack: Double = 0
    var paths: Double = 0
    var pathsBack: Double = 0
  }
  private let hopNodes: UnsafeMutablePointer<HopNode>
  private let nodes: UnsafeMutablePointer<WeightedNode>
  /// Hops: the two balls' nodes, frontier by frontier. Weighted: the nodes settled from s.
  private let queue: UnsafeMutablePointer<Int32>
  private let forwardHeap: IndexedHeap
  private let backwardHeap: IndexedHeap
  private var crossings: [(u: Int32, w: Int32, length: Double)] = []

  init(graph: CollaborationGraph, options: BetweennessOptions) {
    self.graph = graph
    n = graph.nodeCount
    hops = options.distance == .hops
    tolerant = options.ties == .tolerant
    switch options.distance {
    case .hops: outLengths = []; inLengths = []
    case .inverseWeight:
      outLengths = graph.weights.map { 1 / $0 }
      inLengths = graph.isDirected ? graph.inWeights.map { 1 / $0 } : outLengths
    case .weight:
      outLengths = graph.weights
      inLengths = graph.isDirected ? graph.inWeights : outLengths
    }
    component = graph.isDirected ? nil : ConnectedComponents(of: graph).partition.membership
    let capacity = max(1, n)
    hopNodes = .allocate(capacity: hops ? capacity : 1)
    hopNodes.initialize(repeating: HopNode(), count: hops ? capacity : 1)
    nodes = .allocate(capacity: hops ? 1 : capacity)
    nodes.initialize(repeating: WeightedNode(), count: hops ? 1 : capacity)
    queue = .allocate(capacity: capacity)
    forwardHeap = IndexedHeap(nodeCount: hops ? 1 : n)
    backwardHeap = IndexedHeap(nodeCount: hops ? 1 : n)
  }

  deinit {
    hopNodes.deallocate()
    nodes.deallocate()
    queue.deallocate()
  }

  /// Appends to `inner` the inner nodes (s and t excluded) of one shortest s–t path drawn
  /// uniformly at random; appends nothing when t cannot be reached from s. `s ≠ t`.
  func sample(from s: Int, to t: Int, rng: inout SeededGenerator, into inner: inout [Int32]) {
    if let component, component[s] != component[t] { return }
    if generation >= UInt32.max >> 2 {
      hopNodes.update(repeating: HopNode(), count: hops ? max(1, n) : 1)
      nodes.update(repeating: WeightedNode(), count: hops ? 1 : max(1, n))
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
  private func equal(_ a: Double, _ b: Double) -> Bool {
    tolerant ? BrandesKernel.tolerantlyEqual(a, b) : a == b
  }

  private func sampleWeighted(_ s: Int, _ t: Int, _ rng: inout SeededGenerator, _ inner: inout [Int32]) {
    let g = generation
    let directed = graph.isDirected
    let outOffsets = graph.rowOffsets, inOffsets = directed ? graph.inRowOffsets : graph.rowOffsets
    let outColumns = graph.columns, inColumns = directed ? graph.inColumns : graph.columns
    let outLengths = outLengths, inLengths = inLengths
    let node = nodes
    node[s].reached = g; node[s].distance = 0; node[s].paths = 1
    node[t].reachedBack = g; node[t].distanceBack = 0; node[t].pathsBack = 1
    forwardHeap.push(Int32(s), key: 0)
    backwardHeap.push(Int32(t), key: 0)
    crossings.removeAll(keepingCapacity: true)
    var best = Double.infinity
    while true {
      let nextForward = forwardHeap.minimumKey, nextBackward = backwardHeap.minimumKey
      if nextForward == .infinity && nextBackward == .infinity { break }
      if nextForward + nextBackward > best * (1 + 1e-9) { break }
      if nextForward <= nextBackward {
        let (v32, dv) = forwardHeap.pop()!
        let v = Int(v32)
        node[v].settled = g
        if tolerant && v != s { node[v].paths = tolerantPathCount(v, dv, inOffsets, inColumns, inLengths, forward: true) }
        let paths = node[v].paths
        for i in outOffsets[v] ..< outOffsets[v + 1] {
          let w = outColumns[i].index
          let candidate = dv + outLengths[i]
          let state = node[w]
          if state.reachedBack == g { best = min(best, candidate + state.distanceBack) }
          if state.settledBack == g { crossings.append((v32, Int32(truncatingIfNeeded: w), 0)) }
          // A node whose way on to t is surely longer than the best path found is left out.
          let rest = state.settledBack == g ? state.distanceBack : nextBackward
          if candidate + rest > best * (1 + 1e-9) || state.settled == g { continue }
          if state.reached != g || candidate < state.distance {
            node[w].reached = g; node[w].distance = candidate; node[w].paths = paths
            forwardHeap.push(Int32(truncatingIfNeeded: w), key: candidate)
          } else if candidate == state.distance {
            node[w].paths += paths
          }
        }
      } else {
        let (v32, dv) = backwardHeap.pop()!
        let v = Int(v32)
        node[v].settledBack = g
        if tolerant && v != t { node[v].pathsBack = tolerantPathCount(v, dv, outOffsets, outColumns, outLengths, forward: false) }
        let paths = node[v].pathsBack
        for i in inOffsets[v] ..< inOffsets[v + 1] {
          let w = inColumns[i].index
          let candidate = dv + inLengths[i]
          let state = node[w]
          if state.reached == g { best = min(best, (state.distance + inLengths[i]) + dv) }
          if state.settled == g { crossings.append((Int32(truncatingIfNeeded: w), v32, 0)) }
          let rest = state.settled == g ? state.distance : nextForward
          if candidate + rest > best * (1 + 1e-9) || state.settledBack == g { continue }
          if state.reachedBack != g || candidate < state.distanceBack {
            node[w].reachedBack = g; node[w].distanceBack = candidate; node[w].pathsBack = paths
            backwardHeap.push(Int32(truncatingIfNeeded: w), key: candidate)
          } else if candidate == state.distanceBack {
            node[w].pathsBack += paths
          }
        }
      }
    }
    forwardHeap.removeAll()
    backwardHeap.removeAll()
    guard best < .infinity else { return }
    // The crossing ties: u settled from s, w settled from t and not from s (each recorded
    // when the later of its two ends was settled).
    var shortest = Double.infinity
    for k in crossings.indices {
      let u = Int(crossings[k].u), w = Int(crossings[k].w)
      guard node[w].settled != g else { crossings[k].length = .infinity; continue }
      let length = (node[u].distance + tieLength(from: u, to: w, outOffsets, outColumns)) + node[w].distanceBack
      crossings[k].length = length
      shortest = min(shortest, length)
    }
    crossings.removeAll { !equal($0.length, shortest) }
    guard !crossings.isEmpty else { return }
    let (u, w) = chooseCrossing(rng: &rng) { node[$0].paths * node[$1].pathsBack }
    walk(from: u, to: s, offsets: inOffsets, columns: inColumns, rng: &rng, into: &inner) { i, p, x in
      node[p].settled == g && node[p].distance < node[x].distance && self.equal(node[p].distance + inLengths[i], node[x].distance)
    } weight: { node[$0].paths }
    walk(from: w, to: t, offsets: outOffsets, columns: outColumns, rng: &rng, into: &inner) { i, q, x in
      node[q].settledBack == g && node[q].distanceBack < node[x].distanceBack
        && self.equal(node[q].distanceBack + outLengths[i], node[x].distanceBack)
    } weight: { node[$0].pathsBack }
  }

  /// With tolerant ties, the number of shortest paths to a node just settled at `dv`, from its
  /// settled neighbours towards the search's root: path lengths within 10⁻¹⁰ of each other
  /// only become known as equal once both are final, so they are summed at settling time.
  private func tolerantPathCount(
    _ v: Int, _ dv: Double, _ offsets: [Int], _ columns: [NodeID], _ lengths: [Double], forward: Bool
  ) -> Double {
    var paths = 0.0
    for i in offsets[v] ..< offsets[v + 1] {
      let p = nodes[columns[i].index]
      if forward {
        if p.settled == generation && p.distance < dv && equal(p.distance + lengths[i], dv) { paths += p.paths }
      } else if p.settledBack == generation && p.distanceBack < dv && equal(p.distanceBack + lengths[i], dv) {
        paths += p.pathsBack
      }
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
