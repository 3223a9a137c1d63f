/// Collects ties and compresses them into a ``CollaborationGraph``.
///
/// Parallel ties (the same pair given twice, or for an undirected graph in both directions)
/// are merged by summing their weights, in ascending order of weight, so that the sum (and
/// the graph) does not depend on the order in which the ties were added. Self-loops are set
/// aside in ``CollaborationGraph/selfLoops`` and kept out of the adjacency.
///
/// ```swift
/// var builder = GraphBuilder(nodeCount: 3)
/// builder.addEdge(NodeID(0), NodeID(1), weight: 2)
/// builder.addEdge(NodeID(1), NodeID(0), weight: 1.5)   // merged: 0–1 weighs 3.5
/// builder.addEdge(NodeID(2), NodeID(2))                // a self-loop, counted aside
/// let graph = builder.build()
/// ```
///
/// - Complexity: ``build()`` runs in O(*n* + *m*): two stable counting sorts (by target, then
///   by source) leave every row sorted, so merging duplicates is one linear pass.
public struct GraphBuilder: Sendable {
  public let directedness: Directedness
  public private(set) var nodeCount: Int
  private var sources: [Int32] = []
  private var targets: [Int32] = []
  private var tieWeights: [Double] = []

  /// Creates a builder for a graph of `nodeCount` nodes and no ties yet.
  ///
  /// The graph grows as needed: ``addNode()``, ``ensureNodeCount(_:)`` and a tie to an id
  /// beyond the current count all add nodes.
  ///
  /// - Parameters:
  ///   - nodeCount: The nodes the graph has from the start, isolated until ties are added.
  ///   - directedness: Whether a tie from a to b is also one from b to a.
  /// - Precondition: `nodeCount` lies in `0 ... Int32.max`.
  public init(nodeCount: Int = 0, directedness: Directedness = .undirected) {
    precondition(nodeCount >= 0 && nodeCount <= Int(Int32.max), "node count \(nodeCount) out of range")
    self.nodeCount = nodeCount
    self.directedness = directedness
  }

  /// The number of ties added so far (before merging).
  public var addedEdgeCount: Int { sources.count }

  /// Reserves room for `count` ties.
  public mutating func reserveCapacity(edges count: Int) {
    sources.reserveCapacity(count)
    targets.reserveCapacity(count)
    tieWeights.reserveCapacity(count)
  }

  /// Adds a node and returns its id.
  @discardableResult
  public mutating func addNode() -> NodeID {
    nodeCount += 1
    return NodeID(nodeCount - 1)
  }

  /// Makes sure the graph has at least `count` nodes.
  public mutating func ensureNodeCount(_ count: Int) {
    precondition(count <= Int(Int32.max), "node count \(count) out of range")
    nodeCount = max(nodeCount, count)
  }

  /// Adds a tie. A tie to an id beyond the current node count grows the graph.
  ///
  /// - Precondition: `weight` is finite and positive (a strength). Ingest code rejects other
  ///   values with a message before they reach the builder.
  public mutating func addEdge(_ source: NodeID, _ target: NodeID, weight: Double = 1) {
    precondition(weight.isFinite && weight > 0, "tie weight must be finite and positive, got \(weight)")
    precondition(source.rawValue >= 0 && target.rawValue >= 0, "negative NodeID")
    nodeCount = max(nodeCount, Int(max(source.rawValue, target.rawValue)) + 1)
    sources.append(source.rawValue)
    targets.append(target.rawValue)
    tieWeights.append(weight)
  }

  /// Compresses the ties into an immutable graph.
  public func build() -> CollaborationGraph { buildWithStatistics().graph }

  /// Compresses the ties into an immutable graph and says what was merged and set aside.
  public func buildWithStatistics() -> BuiltGraph {
    let n = nodeCount
    var loopWeights: [Int32: [Double]] = [:]
    var loopTies = 0
    for i in 0 ..< sources.count where sources[i] == targets[i] {
      loopWeights[sources[i], default: []].append(tieWeights[i])
      loopTies += 1
    }
    // The ties are placed straight from the builder's arrays (undirected ties in both
    // directions), without copying them into doubled entry arrays first: at 1,000,000 ties
    // that copy was 32 MB of the peak memory of loading a network.
    let undirected = directedness == .undirected
    let out = Self.compress(n: n, sources: sources, targets: targets, weights: tieWeights, reversed: false, symmetric: undirected)
    let selfLoops = loopWeights.keys.sorted().map {
      Edge(source: NodeID(rawValue: $0), target: NodeID(rawValue: $0), weight: Self.orderFreeSum(loopWeights[$0]!))
    }
    let graph: CollaborationGraph
    if directedness == .directed {
      let incoming = Self.compress(n: n, sources: sources, targets: targets, weights: tieWeights, reversed: true, symmetric: false)
      graph = CollaborationGraph(
        directedness: .directed, rowOffsets: out.offsets, columns: out.columns, weights: out.weights,
        inRowOffsets: incoming.offsets, inColumns: incoming.columns, inWeights: incoming.weights,
        selfLoops: selfLoops)
    } else {
      graph = CollaborationGraph(
        directedness: .undirected, rowOffsets: out.offsets, columns: out.columns, weights: out.weights,
        selfLoops: selfLoops)
    }
    let nonLoopTies = sources.count - loopTies
    return BuiltGraph(
      graph: graph, tiesAdded: sources.count, parallelTiesMerged: nonLoopTies - graph.edgeCount,
      selfLoopTies: loopTies)
  }

  /// The sum of `weights` in ascending order, the same for every order of the same weights.
  private static func orderFreeSum(_ weights: [Double]) -> Double {
    weights.count <= 2 ? weights.reduce(0, +) : weights.sorted().reduce(0, +)
  }

  /// Two stable counting sorts: by column, then by row. Rows come out sorted by column, and
  /// duplicates sit side by side, so one pass sums them.
  private static func compress(
    n: Int, sources: [Int32], targets: [Int32], weights: [Double], reversed: Bool, symmetric: Bool
  ) -> (offsets: [Int], columns: [NodeID], weights: [Double]) {
    let entries = TieEntries(sources: sources, targets: targets, weights: weights, reversed: reversed, symmetric: symmetric)
    var sorted = entries.rows(in: entries.orderedByColumn(nodeCount: n), nodeCount: n)
    return mergingParallelTies(&sorted, nodeCount: n)
  }

  /// Merges duplicates within rows, compacting in place. Floating-point addition is not
  /// associative, so a run of three or more parallel ties is summed in ascending order of
  /// weight: the merged weight then depends only on the weights, not on the order the ties
  /// were added in (two terms need no sorting, a + b == b + a). Both rows of an undirected
  /// tie hold the same run, so the adjacency stays symmetric bit for bit.
  private static func mergingParallelTies(
    _ sorted: inout (offsets: [Int], columns: [NodeID], weights: [Double]), nodeCount n: Int
  ) -> (offsets: [Int], columns: [NodeID], weights: [Double]) {
    var write = 0
    var newOffsets = [Int](repeating: 0, count: n + 1)
    for r in 0 ..< n {
      let start = sorted.offsets[r], end = sorted.offsets[r + 1]
      var k = start
      while k < end {
        let column = sorted.columns[k]
        var runEnd = k + 1
        while runEnd < end && sorted.columns[runEnd] == column { runEnd += 1 }
        let weight: Double
        switch runEnd - k {
        case 1: weight = sorted.weights[k]
        case 2: weight = sorted.weights[k] + sorted.weights[k + 1]
        default:
          // `write <= k`, so sorting the run in place cannot disturb merged entries.
          sorted.weights[k ..< runEnd].sort()
          weight = sorted.weights[k ..< runEnd].reduce(0, +)
        }
        k = runEnd
        sorted.columns[write] = column
        sorted.weights[write] = weight
        write += 1
      }
      newOffsets[r + 1] = write
    }
    let count = sorted.columns.count
    sorted.columns.removeLast(count - write)
    sorted.weights.removeLast(count - write)
    return (newOffsets, sorted.columns, sorted.weights)
  }
}

/// The entries of the adjacency the builder sorts: entry k (0 ..< ties, and ties ..< 2·ties
/// when symmetric) is tie k in its direction (or reversed), and tie k − ties in the other;
/// self-loops are skipped.
private struct TieEntries {
  let sources: [Int32]
  let targets: [Int32]
  let weights: [Double]
  let reversed: Bool
  let ties: Int
  let count: Int

  init(sources: [Int32], targets: [Int32], weights: [Double], reversed: Bool, symmetric: Bool) {
    self.sources = sources
    self.targets = targets
    self.weights = weights
    self.reversed = reversed
    ties = sources.count
    count = symmetric ? 2 * ties : ties
  }

  @inline(__always) func row(_ k: Int) -> Int32 {
    let i = k < ties ? k : k - ties
    return (k < ties) != reversed ? sources[i] : targets[i]
  }

  @inline(__always) func column(_ k: Int) -> Int32 {
    let i = k < ties ? k : k - ties
    return (k < ties) != reversed ? targets[i] : sources[i]
  }

  @inline(__always) func isLoop(_ k: Int) -> Bool {
    let i = k < ties ? k : k - ties
    return sources[i] == targets[i]
  }

  @inline(__always) func weight(_ k: Int) -> Double { weights[k < ties ? k : k - ties] }

  /// The entries that are not self-loops, ordered by column (a counting sort, stable).
  func orderedByColumn(nodeCount n: Int) -> [Int32] {
    var byColumn = [Int](repeating: 0, count: n + 1)
    var kept = 0
    for k in 0 ..< count where !isLoop(k) {
      byColumn[Int(column(k)) + 1] += 1
      kept += 1
    }
    for i in 0 ..< n { byColumn[i + 1] += byColumn[i] }
    var order = [Int32](repeating: 0, count: kept)
    for k in 0 ..< count where !isLoop(k) {
      let c = Int(column(k))
      order[byColumn[c]] = Int32(truncatingIfNeeded: k)
      byColumn[c] += 1
    }
    return order
  }

  /// The entries of `order` in rows (a stable counting sort by row, so each row keeps the
  /// column order), with duplicates side by side.
  func rows(in order: [Int32], nodeCount n: Int) -> (offsets: [Int], columns: [NodeID], weights: [Double]) {
    var offsets = [Int](repeating: 0, count: n + 1)
    for k in 0 ..< count where !isLoop(k) { offsets[Int(row(k)) + 1] += 1 }
    for i in 0 ..< n { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var columns = [NodeID](repeating: NodeID(rawValue: 0), count: order.count)
    var sortedWeights = [Double](repeating: 0, count: order.count)
    for k32 in order {
      let k = Int(k32)
      let r = Int(row(k))
      columns[cursor[r]] = NodeID(rawValue: column(k))
      sortedWeights[cursor[r]] = weight(k)
      cursor[r] += 1
    }
    return (offsets, columns, sortedWeights)
  }
}

/// A graph together with what ``GraphBuilder`` did to the ties it was given.
public struct BuiltGraph: Sendable, Hashable {
  public let graph: CollaborationGraph
  /// Ties given to the builder, self-loops and parallel ties included.
  public let tiesAdded: Int
  /// Ties merged into another tie of the same pair (their weights were summed).
  public let parallelTiesMerged: Int
  /// Ties from a node to itself, set aside in ``CollaborationGraph/selfLoops``.
  public let selfLoopTies: Int
}

extension CollaborationGraph {
  /// Creates a graph straight from adjacency rows that are already sorted and duplicate-free.
  ///
  /// Used by code that produces a whole adjacency at once (the log projection), where a
  /// builder would only sort again what is already sorted.
  ///
  /// - Precondition: every row sorted ascending without duplicates or self-loops; for an
  ///   undirected graph, the adjacency symmetric with equal weights both ways (checked in
  ///   debug builds).
  package init(undirectedRowOffsets rowOffsets: [Int], columns: [NodeID], weights: [Double]) {
    self.init(directedness: .undirected, rowOffsets: rowOffsets, columns: columns, weights: weights)
    assert(checkInvariants() == nil)
  }

  /// Returns a description of the first broken CSR invariant, or `nil` when the graph is valid.
  package func checkInvariants() -> String? {
    guard rowOffsets.first == 0, rowOffsets.last == columns.count, columns.count == weights.count else {
      return "offsets and arrays disagree"
    }
    for u in 0 ..< nodeCount {
      let row = rowOffsets[u] ..< rowOffsets[u + 1]
      if row.isEmpty { continue }
      for i in row {
        if columns[i].index >= nodeCount || columns[i].index < 0 { return "column out of range in row \(u)" }
        if columns[i].index == u { return "self-loop in adjacency of \(u)" }
        if i > row.lowerBound && !(columns[i - 1] < columns[i]) { return "row \(u) not strictly sorted" }
        if !(weights[i].isFinite && weights[i] > 0) { return "weight \(weights[i]) in row \(u)" }
        if !isDirected && weight(from: columns[i], to: NodeID(u)) != weights[i] { return "asymmetric tie at \(u)" }
      }
    }
    return nil
  }
}
