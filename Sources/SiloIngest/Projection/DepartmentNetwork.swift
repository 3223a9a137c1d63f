import SiloGraph
/// The collaboration between departments, aggregated from a person network: for every pair of
/// departments (a department with itself included) how many person-to-person ties join them
/// and how much they weigh, with each department's head count.
///
/// This is the block-model view of the organization. Ties inside a department are kept apart
/// (``internalTies``) from ties between departments (``graph``), so the department graph
/// carries no self-loops into any metric.
public struct DepartmentNetwork: Sendable, Hashable, Codable {
  /// Department names, in the order of the partition's groups.
  public var names: [String]
  /// People per department.
  public var headCounts: [Int]
  /// Person-to-person ties inside each department.
  public var internalTies: [Int]
  /// Their summed weight.
  public var internalWeight: [Double]
  /// One entry per pair of departments joined by at least one tie, `a < b` (undirected) or
  /// `a → b` (directed), sorted.
  public var between: [DepartmentTie]
  /// Departments as nodes, ties between departments weighted by their summed person-tie
  /// weight (a strength).
  public var graph: CollaborationGraph

  /// Ties between two departments.
  public struct DepartmentTie: Sendable, Hashable, Codable {
    public var source: Int
    public var target: Int
    /// Person-to-person ties joining them.
    public var ties: Int
    /// Their summed weight.
    public var weight: Double
  }

  /// Aggregates `network` over `departments`.
  ///
  /// - Precondition: the partition covers the network's nodes.
  /// - Complexity: O(*n* + *m* + *k* log *k*) for *k* department pairs with ties.
  public init(aggregating network: Network, by departments: Partition) {
    let graph = network.graph
    precondition(departments.nodeCount == graph.nodeCount, "the partition does not cover the network")
    let k = departments.groupCount
    names = (0 ..< k).map(departments.name(of:))
    headCounts = departments.sizes
    internalTies = Array(repeating: 0, count: k)
    internalWeight = Array(repeating: 0, count: k)
    var pairs: [UInt64: (ties: Int, weight: Double)] = [:]
    for u in 0 ..< graph.nodeCount {
      let a = Int(departments.membership[u])
      for (v, w) in graph.neighbors(of: NodeID(u)) {
        if !graph.isDirected && v.index < u { continue }
        let b = Int(departments.membership[v.index])
        if a == b {
          internalTies[a] += 1
          internalWeight[a] += w
        } else {
          let (s, t) = graph.isDirected ? (a, b) : (min(a, b), max(a, b))
          let key = UInt64(s) << 32 | UInt64(t)
          let old = pairs[key] ?? (0, 0)
          pairs[key] = (old.ties + 1, old.weight + w)
        }
      }
    }
    between = pairs.map { key, value in
      DepartmentTie(source: Int(key >> 32), target: Int(key & 0xFFFF_FFFF), ties: value.ties, weight: value.weight)
    }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    var builder = GraphBuilder(nodeCount: k, directedness: graph.directedness)
    for tie in between { builder.addEdge(NodeID(tie.source), NodeID(tie.target), weight: tie.weight) }
    self.graph = builder.build()
  }

  /// The number of person ties between departments `a` and `b` (`a == b`: inside `a`).
  public func ties(_ a: Int, _ b: Int) -> Int {
    if a == b { return internalTies[a] }
    return lookup(a, b)?.ties ?? 0
  }

  /// The summed weight of person ties between departments `a` and `b`.
  public func weight(_ a: Int, _ b: Int) -> Double {
    if a == b { return internalWeight[a] }
    return lookup(a, b)?.weight ?? 0
  }

  private func lookup(_ a: Int, _ b: Int) -> DepartmentTie? {
    let (s, t) = graph.isDirected ? (a, b) : (min(a, b), max(a, b))
    var low = 0, high = between.count
    while low < high {
      let mid = (low + high) / 2
      if (between[mid].source, between[mid].target) < (s, t) { low = mid + 1 } else { high = mid }
    }
    return low < between.count && between[low].source == s && between[low].target == t ? between[low] : nil
  }
}
