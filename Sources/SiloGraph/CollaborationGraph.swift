/// An immutable weighted graph in compressed sparse row (CSR) form.
///
/// The adjacency of node `v` is the slice `rowOffsets[v] ..< rowOffsets[v + 1]` of `columns`
/// (neighbor ids, sorted ascending, no duplicates) and of `weights` (in lock step). An
/// undirected tie is stored in both rows, as in petgraph's `Csr`, so every algorithm reads a
/// single adjacency. A directed graph keeps a second, reversed CSR of incoming ties, in the way
/// igraph keeps its `is`/`ii` indices.
///
/// Weights are *strengths* (hours, shared projects, messages): positive and finite. Metrics
/// that need distances say how they turn a strength into one.
///
/// Self-loops never enter the adjacency: they are kept aside in ``selfLoops`` so that the
/// summary can count them, and no metric sees them (Tests/References/conventions.md §1).
///
/// Build a graph with ``GraphBuilder``. The value is `Sendable` and copy-on-write through its
/// arrays, so it can be shared freely between threads.
///
/// - Complexity: memory is `8(n + 1) + 12·a` bytes for `a` stored adjacency entries (`a = 2m`
///   undirected, `2m` directed counting both CSRs): a 1,000,000-tie graph takes about 24 MB.
public struct CollaborationGraph: Sendable, Hashable, Codable {
  /// Whether the ties have a direction.
  public let directedness: Directedness
  package let rowOffsets: [Int]
  package let columns: [NodeID]
  package let weights: [Double]
  /// Incoming adjacency of a directed graph (empty arrays when undirected).
  package let inRowOffsets: [Int]
  package let inColumns: [NodeID]
  package let inWeights: [Double]
  /// Ties from a node to itself, one per node at most (parallel loops are summed), sorted by
  /// node. They are not part of the adjacency and no metric uses them.
  public let selfLoops: [Edge]

  package init(
    directedness: Directedness, rowOffsets: [Int], columns: [NodeID], weights: [Double],
    inRowOffsets: [Int] = [], inColumns: [NodeID] = [], inWeights: [Double] = [],
    selfLoops: [Edge] = []
  ) {
    self.directedness = directedness
    self.rowOffsets = rowOffsets
    self.columns = columns
    self.weights = weights
    self.inRowOffsets = inRowOffsets
    self.inColumns = inColumns
    self.inWeights = inWeights
    self.selfLoops = selfLoops
  }

  /// A graph of `nodeCount` nodes and no ties.
  public init(isolatedNodes nodeCount: Int, directedness: Directedness = .undirected) {
    self.init(
      directedness: directedness,
      rowOffsets: Array(repeating: 0, count: nodeCount + 1), columns: [], weights: [],
      inRowOffsets: directedness == .directed ? Array(repeating: 0, count: nodeCount + 1) : [])
  }

  /// Whether ties have a direction.
  @inline(__always)
  public var isDirected: Bool { directedness == .directed }

  /// The number of nodes.
  @inline(__always)
  public var nodeCount: Int { rowOffsets.count - 1 }

  /// The number of ties, not counting self-loops. An undirected tie counts once.
  public var edgeCount: Int { isDirected ? columns.count : columns.count / 2 }

  /// The sum of all tie weights, not counting self-loops. An undirected tie counts once.
  public var totalWeight: Double {
    let sum = weights.reduce(0, +)
    return isDirected ? sum : sum / 2
  }

  /// Every node id, in order.
  public var nodes: Range<Int> { 0 ..< nodeCount }

  /// The density: ties present over ties possible, `m / (n(n−1)/2)` undirected and
  /// `m / (n(n−1))` directed; `.nan` for fewer than two nodes.
  public var density: Double {
    let n = Double(nodeCount)
    guard nodeCount > 1 else { return .nan }
    return Double(edgeCount) / (isDirected ? n * (n - 1) : n * (n - 1) / 2)
  }

  // MARK: Adjacency

  /// The ties leaving `node` (for an undirected graph: all its ties), sorted by neighbor.
  ///
  /// - Complexity: O(1) to create; the view is random access.
  @inline(__always)
  public func neighbors(of node: NodeID) -> Neighbors {
    Neighbors(columns: columns, weights: weights, range: rowOffsets[node.index] ..< rowOffsets[node.index + 1])
  }

  /// The ties arriving at `node`; for an undirected graph the same as ``neighbors(of:)``.
  @inline(__always)
  public func inNeighbors(of node: NodeID) -> Neighbors {
    guard isDirected else { return neighbors(of: node) }
    return Neighbors(
      columns: inColumns, weights: inWeights, range: inRowOffsets[node.index] ..< inRowOffsets[node.index + 1])
  }

  /// The number of ties of `node` (out-ties for a directed graph), self-loops excluded.
  @inline(__always)
  public func degree(of node: NodeID) -> Int { rowOffsets[node.index + 1] - rowOffsets[node.index] }

  /// The number of ties arriving at `node`; for an undirected graph the degree.
  public func inDegree(of node: NodeID) -> Int {
    guard isDirected else { return degree(of: node) }
    return inRowOffsets[node.index + 1] - inRowOffsets[node.index]
  }

  /// The sum of the weights of the ties of `node` (out-ties for a directed graph).
  public func strength(of node: NodeID) -> Double {
    var sum = 0.0
    for i in rowOffsets[node.index] ..< rowOffsets[node.index + 1] { sum += weights[i] }
    return sum
  }

  /// The weight of the tie from `source` to `target`, or `nil` when there is none.
  ///
  /// - Complexity: O(log *d*) by binary search in the sorted row of `source`.
  public func weight(from source: NodeID, to target: NodeID) -> Double? {
    var low = rowOffsets[source.index]
    var high = rowOffsets[source.index + 1]
    while low < high {
      let mid = (low + high) / 2
      if columns[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low < rowOffsets[source.index + 1] && columns[low] == target ? weights[low] : nil
  }

  /// Every tie once: for an undirected graph with `source < target`, ordered by source and
  /// then target.
  public var edges: [Edge] {
    var result: [Edge] = []
    result.reserveCapacity(edgeCount)
    for u in 0 ..< nodeCount {
      let source = NodeID(rawValue: Int32(truncatingIfNeeded: u))
      for i in rowOffsets[u] ..< rowOffsets[u + 1] where isDirected || columns[i] > source {
        result.append(Edge(source: source, target: columns[i], weight: weights[i]))
      }
    }
    return result
  }

  /// The bytes held by the adjacency arrays (array headers and capacity slack excluded).
  public var adjacencyByteCount: Int {
    (rowOffsets.count + inRowOffsets.count) * MemoryLayout<Int>.stride
      + (columns.count + inColumns.count) * MemoryLayout<NodeID>.stride
      + (weights.count + inWeights.count) * MemoryLayout<Double>.stride
  }

  /// A view of one row of the adjacency: `(node, weight)` pairs sorted by node.
  public struct Neighbors: RandomAccessCollection, Sendable {
    @usableFromInline let columns: [NodeID]
    @usableFromInline let weights: [Double]
    public let startIndex: Int
    public let endIndex: Int

    @inline(__always)
    init(columns: [NodeID], weights: [Double], range: Range<Int>) {
      self.columns = columns
      self.weights = weights
      self.startIndex = range.lowerBound
      self.endIndex = range.upperBound
    }

    @inline(__always)
    public subscript(position: Int) -> (node: NodeID, weight: Double) {
      (columns[position], weights[position])
    }

    /// The neighbor ids alone.
    public var nodes: ArraySlice<NodeID> { columns[startIndex ..< endIndex] }
  }
}
