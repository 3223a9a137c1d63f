import SiloGraph

/// What a community search maximizes.
public enum CommunityObjective: String, Sendable, Hashable, Codable, CaseIterable {
  /// Newman–Girvan modularity with resolution γ
  /// (``SiloGraph/CollaborationGraph/modularity(of:resolution:weighted:)``):
  /// the default, and what Louvain was made for.
  case modularity
  /// The Constant Potts Model (Traag, Van Dooren & Nesterov 2011,
  /// doi:10.1103/PhysRevE.84.016114): Q = Σ_c [e_c − γ n_c(n_c − 1)/2], with e_c the tie
  /// weight inside c and n_c its size. Only on request: with γ = 1 on an unweighted graph it
  /// returns near-singletons (R and Python igraph default to it for Leiden; SiloScope never
  /// does).
  case cpm
}

/// What a community search maximizes and over which weights: the options ``Louvain`` and
/// ``Leiden`` share.
public struct CommunitySearchOptions: Sendable, Hashable {
  /// γ: larger values give smaller communities.
  public var resolution = 1.0
  public var objective = CommunityObjective.modularity
  /// Use tie weights (strengths); `false` counts every tie as 1.
  public var weighted = true

  /// Creates options for modularity at γ = 1 over tie weights unless told otherwise.
  ///
  /// - Parameters:
  ///   - resolution: γ; larger values give smaller communities. Checked when a search runs,
  ///     which throws for γ ≤ 0 or not finite.
  ///   - objective: What the search maximizes: modularity (the default) or CPM.
  ///   - weighted: Use tie weights (strengths); `false` counts every tie as 1.
  public init(resolution: Double = 1, objective: CommunityObjective = .modularity, weighted: Bool = true) {
    self.resolution = resolution
    self.objective = objective
    self.weighted = weighted
  }

  /// Throws ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite.
  func check() throws(MetricError) {
    guard resolution.isFinite && resolution > 0 else { throw .invalidArgument("the resolution must be a positive number") }
  }

  /// How a move is scored on one level graph; `totalStrength` is the first level's 2m.
  func moveScore(_ graph: LevelGraph, totalStrength: Double) -> MoveScore {
    MoveScore(graph, objective: objective, resolution: resolution, totalStrength: totalStrength)
  }
}

/// Communities found in the collaboration, with the quality reached and every level of the
/// hierarchy.
public struct CommunityDetection: Sendable, Hashable, Codable {
  /// The final partition of the people.
  public var partition: Partition
  /// Newman–Girvan modularity of ``partition`` at the resolution used (at γ = 1 for CPM),
  /// tie weights as the search used them.
  public var modularity: Double
  /// The value of the objective that was maximized.
  public var quality: Double
  /// The partition of the people after each level (aggregation), coarsest last; the last
  /// equals ``partition``.
  public var levels: [Partition]
  /// `louvain` or `leiden`.
  public var method: String
  public var objective: CommunityObjective
  public var resolution: Double
  public var weighted: Bool
  public var seed: UInt64
}

/// The graph one level of Louvain or Leiden works on: the people at the first level, then
/// communities merged into single nodes. Undirected CSR with a self-weight per node (the tie
/// weight inside a merged community, each tie once) and a node weight (strength for
/// modularity, size for CPM).
struct LevelGraph {
  var offsets: [Int]
  var columns: [Int32]
  var weights: [Double]
  /// Tie weight inside the node (merged communities), each tie once.
  var selfWeight: [Double]
  /// Strength: Σ ties + 2 × self weight.
  var strength: [Double]
  /// Number of original nodes merged into the node.
  var size: [Double]

  var nodeCount: Int { offsets.count - 1 }

  init(offsets: [Int], columns: [Int32], weights: [Double], selfWeight: [Double], size: [Double]) {
    self.offsets = offsets
    self.columns = columns
    self.weights = weights
    self.selfWeight = selfWeight
    self.size = size
    var strength = [Double](repeating: 0, count: offsets.count - 1)
    for u in 0 ..< offsets.count - 1 {
      var s = 2 * selfWeight[u]
      for i in offsets[u] ..< offsets[u + 1] { s += weights[i] }
      strength[u] = s
    }
    self.strength = strength
  }

  /// The first level from a collaboration graph; direction is ignored (an arc counts as a
  /// tie of its weight, and arcs both ways add up).
  init(_ graph: CollaborationGraph, weighted: Bool) {
    let n = graph.nodeCount
    if !graph.isDirected {
      self.init(
        offsets: graph.rowOffsets, columns: graph.columns.map(\.rawValue),
        weights: weighted ? graph.weights : Array(repeating: 1, count: graph.columns.count),
        selfWeight: Array(repeating: 0, count: n), size: Array(repeating: 1, count: n))
    } else {
      var builder = GraphBuilder(nodeCount: n, directedness: .undirected)
      for edge in graph.edges { builder.addEdge(edge.source, edge.target, weight: weighted ? edge.weight : 1) }
      let undirected = builder.build()
      self.init(undirected, weighted: true)
    }
  }

  /// The graph with each community of `membership` (dense numbers `0 ..< count`) merged into
  /// one node.
  func aggregated(by membership: [Int32], count: Int) -> LevelGraph {
    let members = Self.members(of: membership, count: count)
    let merged = MergedRows(nodeCount: count, tieCapacity: columns.count)
    var newSelf = [Double](repeating: 0, count: count)
    var newSize = [Double](repeating: 0, count: count)
    withRows { rows in
      membership.withUnsafeBufferPointer { membership in
        for c in 0 ..< count {
          var inside = 0.0, size = 0.0
          for k in members.start[c] ..< members.start[c + 1] {
            let u = Int(members.nodes[k])
            inside += selfWeight[u]
            size += self.size[u]
            merged.add(u, of: rows, into: Int32(c), membership: membership, inside: &inside)
          }
          newSelf[c] = inside
          newSize[c] = size
          merged.endRow()
        }
      }
    }
    return LevelGraph(
      offsets: merged.offsets, columns: merged.columnArray, weights: merged.weightArray, selfWeight: newSelf, size: newSize)
  }

  /// The nodes of each community (dense numbers `0 ..< count`), in node order: community c's
  /// are `nodes[start[c] ..< start[c + 1]]`.
  static func members(of membership: [Int32], count: Int) -> (start: [Int], nodes: [Int32]) {
    var start = [Int](repeating: 0, count: count + 1)
    for c in membership { start[Int(c) + 1] += 1 }
    for c in 0 ..< count { start[c + 1] += start[c] }
    var cursor = start
    var nodes = [Int32](repeating: 0, count: membership.count)
    for u in membership.indices {
      let c = Int(membership[u])
      nodes[cursor[c]] = Int32(u)
      cursor[c] += 1
    }
    return (start, nodes)
  }

}

/// The rows of an aggregated level graph as they are built, one merged node after another:
/// the tie weight from the node being built to each other merged node, and the finished
/// rows. Storage behind pointers, allocated once per aggregation.
final class MergedRows {
  /// The tie weight to each merged node met in the current row.
  private let weight: UnsafeMutablePointer<Double>
  private let seen: UnsafeMutablePointer<Bool>
  /// The merged nodes met in the current row, in the order met.
  private let touched: UnsafeMutablePointer<Int32>
  private var touchedCount = 0
  private let columns: UnsafeMutablePointer<Int32>
  private let weights: UnsafeMutablePointer<Double>
  private var tieCount = 0
  /// Where each finished row starts, and where the last one ends.
  private(set) var offsets: [Int]

  /// Rows for `nodeCount` merged nodes with at most `tieCapacity` ties in all (the ties of the
  /// graph aggregated).
  init(nodeCount: Int, tieCapacity: Int) {
    let size = max(nodeCount, 1), ties = max(tieCapacity, 1)
    weight = .allocate(capacity: size)
    weight.initialize(repeating: 0, count: size)
    seen = .allocate(capacity: size)
    seen.initialize(repeating: false, count: size)
    touched = .allocate(capacity: size)
    columns = .allocate(capacity: ties)
    weights = .allocate(capacity: ties)
    offsets = [0]
    offsets.reserveCapacity(nodeCount + 1)
  }

  deinit {
    weight.deallocate()
    seen.deallocate()
    touched.deallocate()
    columns.deallocate()
    weights.deallocate()
  }

  /// Adds the ties of node u of `rows` to the current row, merged node `c`'s: half of each
  /// tie inside c to `inside` (each tie is met from both ends), the others to the weight of
  /// the merged node at their other end.
  @inline(__always)
  func add(
    _ u: Int, of rows: LevelGraph.Rows, into c: Int32, membership: UnsafeBufferPointer<Int32>, inside: inout Double
  ) {
    for i in rows.offsets[u] ..< rows.offsets[u + 1] {
      let target = membership[Int(rows.columns[i])]
      if target == c {
        inside += rows.weights[i] / 2
      } else {
        if !seen[Int(target)] {
          seen[Int(target)] = true
          touched[touchedCount] = target
          touchedCount += 1
        }
        weight[Int(target)] += rows.weights[i]
      }
    }
  }

  /// Finishes the current row: its ties in the order of the merged nodes' numbers.
  func endRow() {
    let row = UnsafeMutableBufferPointer(start: touched, count: touchedCount)
    RowSorting.ascending(row)
    for t in row {
      columns[tieCount] = t
      weights[tieCount] = weight[Int(t)]
      tieCount += 1
      weight[Int(t)] = 0
      seen[Int(t)] = false
    }
    touchedCount = 0
    offsets.append(tieCount)
  }

  /// The finished rows' columns.
  var columnArray: [Int32] { Array(UnsafeBufferPointer(start: columns, count: tieCount)) }
  /// The finished rows' tie weights.
  var weightArray: [Double] { Array(UnsafeBufferPointer(start: weights, count: tieCount)) }
}

/// How a node's move is scored, shared by Louvain and Leiden: moving node v (node weight a_v)
/// into community c with node-weight total A_c gains `w(v, c) − scale · a_v · A_c` in the
/// objective (up to terms that do not depend on c). For modularity a_v is the strength and
/// scale = γ / 2m; for CPM a_v is the size and scale = γ.
struct MoveScore {
  var nodeWeight: [Double]
  var scale: Double

  init(_ graph: LevelGraph, objective: CommunityObjective, resolution: Double, totalStrength: Double) {
    switch objective {
    case .modularity:
      nodeWeight = graph.strength
      scale = totalStrength > 0 ? resolution / totalStrength : 0
    case .cpm:
      nodeWeight = graph.size
      scale = resolution
    }
  }
}

/// Renumbers a membership densely in order of first appearance; returns the count.
func renumber(_ membership: inout [Int32]) -> Int {
  var map = [Int32](repeating: -1, count: membership.count)
  var next: Int32 = 0
  for i in membership.indices {
    let c = Int(membership[i])
    if map[c] < 0 {
      map[c] = next
      next += 1
    }
    membership[i] = map[c]
  }
  return Int(next)
}

/// A seeded random permutation of `0 ..< n` (Fisher–Yates).
func shuffledOrder(_ n: Int, _ rng: inout SeededGenerator) -> [Int32] {
  var order = (0 ..< n).map { Int32($0) }
  if n > 1 {
    for i in stride(from: n - 1, to: 0, by: -1) {
      order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
    }
  }
  return order
}

extension CollaborationGraph {
  /// Returns the Constant Potts Model quality Σ_c [e_c − γ n_c(n_c − 1)/2] of a partition,
  /// with e_c the tie weight (or count) inside community c. Direction is ignored.
  public func cpmQuality(of partition: Partition, resolution: Double, weighted: Bool = true) throws(MetricError) -> Double {
    try partition.check(covers: self)
    var inside = 0.0
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: weighted) { u, v, w in
        if group[u] == group[v] { inside += w }
      }
    }
    let penalty = partition.sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 }
    return inside - resolution * penalty
  }
}
