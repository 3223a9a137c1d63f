import SiloGraph

/// Local moving, the step Louvain and Leiden share: each node in turn moves to the
/// neighbouring community that raises the objective most (``MoveScore``), in one of two
/// schedules: sweeps over all nodes (Blondel et al. 2008) or a queue that revisits a node
/// only when a neighbour moved (Leiden's fast local moving). Both weigh every move with the
/// same gain loop (``MoveScratch``).
enum LocalMoving {
  /// Repeated passes over all nodes in one seeded random order until a pass moves nothing
  /// (at most 1,000 passes). Returns whether any node moved.
  static func sweeps(
    _ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator
  ) -> Bool {
    let n = graph.nodeCount
    var total = score.totals(of: membership)
    let scratch = MoveScratch(nodeCount: n)
    let order = shuffledOrder(n, &rng)
    var anyMove = false
    graph.withRows { rows in
      membership.withUnsafeMutableBufferPointer { community in
        total.withUnsafeMutableBufferPointer { total in
          for _ in 0 ..< 1000 {
            var moves = 0
            for v32 in order {
              let v = Int(v32)
              let current = community[v]
              scratch.gather(v, in: rows, community: community)
              let a = score.nodeWeight[v]
              total[Int(current)] -= a
              let best = scratch.best(nodeWeight: a, totals: total, scale: score.scale).community
              total[Int(best)] += a
              if best != current {
                community[v] = best
                moves += 1
              }
            }
            if moves == 0 { break }
            anyMove = true
          }
        }
      }
    }
    return anyMove
  }

  /// Queue-based local moving: nodes are visited from a queue (seeded random order), and the
  /// neighbours of a node that moved, outside its new community, are queued again. Returns
  /// whether any node moved.
  ///
  /// With `emptyCommunity` a node may also move to a community of its own when that gains
  /// most, as Traag et al.'s MoveNodesFast (arg max over P ∪ {∅}) and igraph's
  /// `fastmovenodes` (an empty cluster among the candidates) allow; without it a node left
  /// with no tie inside its community stays there, and the community can end up disconnected.
  static func queued(
    _ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator,
    emptyCommunity: Bool = false
  ) -> Bool {
    let n = graph.nodeCount
    var total = score.totals(of: membership)
    let scratch = MoveScratch(nodeCount: n)
    var empty = emptyCommunity ? EmptyCommunities(membership) : nil
    var queue = NodeQueue(shuffledOrder(n, &rng))
    var anyMove = false
    graph.withRows { rows in
      membership.withUnsafeMutableBufferPointer { community in
        total.withUnsafeMutableBufferPointer { total in
          while let v = queue.pop() {
            let current = community[v]
            scratch.gather(v, in: rows, community: community)
            let a = score.nodeWeight[v]
            total[Int(current)] -= a
            empty?.leave(current)
            var (best, bestGain) = scratch.best(nodeWeight: a, totals: total, scale: score.scale)
            // A community of its own gains 0 (no tie weight, no node weight); considered
            // last, so it wins only when every other choice loses.
            if let alone = empty?.candidate, alone != current, 0 > bestGain + 1e-12 {
              best = alone
              bestGain = 0
            }
            total[Int(best)] += a
            empty?.join(best)
            guard best != current else { continue }
            community[v] = best
            anyMove = true
            for i in rows.offsets[v] ..< rows.offsets[v + 1] where community[Int(rows.columns[i])] != best {
              queue.push(Int(rows.columns[i]))
            }
          }
        }
      }
    }
    return anyMove
  }
}

/// The gain loop of local moving: for one node v, the tie weight w(v, c) to its own
/// community and to each community of its neighbours, and the community where a move gains
/// most. Storage for all nodes behind pointers, allocated once per local moving. Leiden's
/// refinement gathers with it too, by part instead of community (``RefinedParts``).
final class MoveScratch {
  /// w(v, ℓ) for each label ℓ gathered last.
  let neighbourWeight: UnsafeMutablePointer<Double>
  /// The visit that last reset a community's entry. A per-visit number, not the node id: a
  /// node visited again (queued by a neighbour's move) would otherwise find the marks of its
  /// previous visit still in place, skip those communities and add to stale weights.
  private let mark: UnsafeMutablePointer<Int>
  /// v's own community first, then the neighbours' communities in the order met.
  let touched: UnsafeMutablePointer<Int32>
  private(set) var touchedCount = 0
  private var visit = 0

  init(nodeCount n: Int) {
    let size = max(n, 1)
    neighbourWeight = .allocate(capacity: size)
    neighbourWeight.initialize(repeating: 0, count: size)
    mark = .allocate(capacity: size)
    mark.initialize(repeating: -1, count: size)
    touched = .allocate(capacity: size + 1)
  }

  deinit {
    neighbourWeight.deallocate()
    mark.deallocate()
    touched.deallocate()
  }

  /// Gathers w(v, c) for v's own community (first, 0 when v has no tie into it) and for each
  /// community of v's neighbours, in the order of v's sorted row.
  @inline(__always)
  func gather(_ v: Int, in rows: LevelGraph.Rows, community: UnsafeMutableBufferPointer<Int32>) {
    gather(v, in: rows, labels: UnsafePointer(community.baseAddress!), own: community[v]) { _ in true }
  }

  /// Gathers w(v, ℓ) for the label `own` (first, 0 when v has no tie into it) and for each
  /// label of v's neighbours u with `includes(u)`, in the order of v's sorted row: labels are
  /// communities in local moving, parts of v's community in Leiden's refinement.
  @inline(__always)
  func gather(
    _ v: Int, in rows: LevelGraph.Rows, labels: UnsafePointer<Int32>, own: Int32, where includes: (Int) -> Bool
  ) {
    visit += 1
    // Locals, so that the loop's stores through the pointers do not make the compiler reload
    // them; and no branch on whether a label is new (it is as often as not, so a branch is
    // mispredicted often): the label is written to `touched` either way, and counted if new.
    let visit = self.visit, mark = self.mark, weight = neighbourWeight, touched = self.touched
    mark[Int(own)] = visit
    weight[Int(own)] = 0
    touched[0] = own
    var count = 1
    for i in rows.offsets[v] ..< rows.offsets[v + 1] {
      let u = Int(rows.columns[i])
      guard includes(u) else { continue }
      let c = Int(labels[u])
      let isNew = mark[c] != visit
      mark[c] = visit
      touched[count] = Int32(truncatingIfNeeded: c)
      count += isNew ? 1 : 0
      weight[c] = (isNew ? 0 : weight[c]) + rows.weights[i]
    }
    touchedCount = count
  }

  /// After ``gather(_:in:community:)``, with v's node weight `a` already taken out of its
  /// community's total: the community whose move gains most, w(v, c) − scale · a · A_c.
  /// The own community is the first candidate, and another wins only by more than 1e-12,
  /// so ties stay, then go to the community met first.
  @inline(__always)
  func best(nodeWeight a: Double, totals: UnsafeMutableBufferPointer<Double>, scale: Double) -> (community: Int32, gain: Double) {
    var best = touched[0]
    var bestGain = neighbourWeight[Int(best)] - scale * a * totals[Int(best)]
    for k in 1 ..< touchedCount {
      let c = touched[k]
      let gain = neighbourWeight[Int(c)] - scale * a * totals[Int(c)]
      if gain > bestGain + 1e-12 {
        best = c
        bestGain = gain
      }
    }
    return (best, bestGain)
  }
}

/// The communities without nodes, for a move to a community of one's own: the nodes per
/// community, and a stack of the empty ones (lowest number on top at the start).
struct EmptyCommunities {
  private var population: [Int]
  private var empty: [Int32] = []

  init(_ membership: [Int32]) {
    population = [Int](repeating: 0, count: membership.count)
    for c in membership { population[Int(c)] += 1 }
    for c in stride(from: membership.count - 1, through: 0, by: -1) where population[c] == 0 { empty.append(Int32(c)) }
  }

  /// The empty community a node would move to.
  var candidate: Int32? { empty.last }

  mutating func leave(_ c: Int32) {
    population[Int(c)] -= 1
    if population[Int(c)] == 0 { empty.append(c) }
  }

  mutating func join(_ c: Int32) {
    population[Int(c)] += 1
    if c == empty.last { empty.removeLast() }
  }
}

/// A ring buffer of n slots holding every queued node once.
struct NodeQueue {
  private var slots: [Int32]
  private var queued: [Bool]
  private var head = 0
  private var size: Int

  /// A queue holding every node, in `order`.
  init(_ order: [Int32]) {
    slots = order
    queued = [Bool](repeating: true, count: order.count)
    size = order.count
  }

  mutating func pop() -> Int? {
    guard size > 0 else { return nil }
    let v = Int(slots[head])
    head = (head + 1) % slots.count
    size -= 1
    queued[v] = false
    return v
  }

  /// Queues `v` unless it is queued already.
  mutating func push(_ v: Int) {
    guard !queued[v] else { return }
    queued[v] = true
    slots[(head + size) % slots.count] = Int32(v)
    size += 1
  }
}

extension MoveScore {
  /// The node-weight total of each community of `membership`.
  func totals(of membership: [Int32]) -> [Double] {
    var total = [Double](repeating: 0, count: membership.count)
    for v in membership.indices { total[Int(membership[v])] += nodeWeight[v] }
    return total
  }
}

extension LevelGraph {
  /// The rows of a level graph behind pointers, for the local-moving loops.
  struct Rows {
    let offsets: UnsafeBufferPointer<Int>
    let columns: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
  }

  /// Calls `body` with the graph's rows behind pointers.
  func withRows<R>(_ body: (Rows) throws -> R) rethrows -> R {
    try offsets.withUnsafeBufferPointer { offsets in
      try columns.withUnsafeBufferPointer { columns in
        try weights.withUnsafeBufferPointer { weights in
          try body(Rows(offsets: offsets, columns: columns, weights: weights))
        }
      }
    }
  }
}
