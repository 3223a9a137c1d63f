/// The formal organization: who reports to whom, read from the `manager` attribute of a
/// ``NodeTable`` (each person's manager as a person id).
///
/// A person is *in the chart* when they have a manager or when somebody reports to them. The
/// *tops* are the people in the chart without a manager. A person without a manager to whom
/// nobody reports has no known reporting line and stays outside the chart (an HR export often
/// leaves the manager empty for staff whose line is kept elsewhere); such people take part in
/// every other measure. A person named as their own manager is a top: HR systems often
/// record the head of an organization that way.
///
/// The tree is stored as parent indices (`-1` for a top or a person outside the chart), the
/// depth of each person (0 for a top), and the direct reports of each person in a compressed
/// (CSR) array, in node order.
///
/// ```swift
/// var table = NodeTable()
/// for (id, manager) in [("Ans", nil), ("Bo", "Ans"), ("Cas", "Ans"), ("Dirk", "Bo")] {
///   table.setAttribute(NodeAttribute.manager, to: manager, for: table.add(id: id))
/// }
/// let tree = try ReportingTree(nodes: table)
/// tree.depth(of: NodeID(3))          // 2: Dirk → Bo → Ans
/// tree.directReports(of: NodeID(0))  // [Bo, Cas]
/// ```
///
/// Building is O(n): each person's chain up is followed once.
public struct ReportingTree: Sendable, Hashable {
  /// Each person's manager (node index), or `-1`.
  public let managerIndex: [Int32]
  /// Each person's distance to their top: 0 for a top, `-1` outside the chart.
  public let depths: [Int32]
  /// The tops, in node order.
  public let tops: [NodeID]
  private let reportOffsets: [Int32]
  private let reportList: [Int32]

  /// Reads the reporting lines from `nodes`' `manager` attribute.
  ///
  /// - Parameters:
  ///   - nodes: The people, with each one's manager (a person id) in the `manager` attribute.
  ///   - oneTop: Whether the chart must have a single top (for a file that must hold one
  ///     whole organization).
  /// - Throws: ``ReportingTreeError``: a manager who is not a person of the table, a cycle,
  ///   several tops when `oneTop`; the first found in node order.
  public init(nodes: NodeTable, oneTop: Bool = false) throws(ReportingTreeError) {
    let n = nodes.count
    var manager = [Int32](repeating: -1, count: n)
    var managesSomeone = [Bool](repeating: false, count: n)
    for (v, value) in (nodes.attributeColumn(NodeAttribute.manager) ?? []).enumerated() {
      guard let value, !value.isEmpty else { continue }
      guard let m = nodes.node(withID: value) else { throw .unknownManager(person: NodeID(v), manager: value) }
      if m.index == v { continue }
      manager[v] = m.rawValue
      managesSomeone[m.index] = true
    }
    var depths = try Self.depths(manager)
    managerIndex = manager
    let tops = (0 ..< n).filter { manager[$0] < 0 && managesSomeone[$0] }.map { NodeID($0) }
    if oneTop && tops.count > 1 { throw .severalTops(tops) }
    self.tops = tops
    (reportOffsets, reportList) = Self.reports(manager)
    // Outside the chart: no manager and nobody reports to them.
    for v in 0 ..< n where manager[v] < 0 && !managesSomeone[v] { depths[v] = -1 }
    self.depths = depths
  }

  /// Each person's distance to the top of their chain.
  ///
  /// - Throws: ``ReportingTreeError/cycle(_:)`` with the people of the first cycle found.
  private static func depths(_ manager: [Int32]) throws(ReportingTreeError) -> [Int32] {
    let n = manager.count
    var depth = [Int32](repeating: -1, count: n)
    var onChain = [Bool](repeating: false, count: n)
    var chain: [Int32] = []
    for start in 0 ..< n where depth[start] < 0 {
      // Climb until a person whose depth is known, or a top.
      var v = Int32(start)
      while depth[Int(v)] < 0 {
        if onChain[Int(v)] {
          let cycle = chain[chain.firstIndex(of: v)!...].map { NodeID(rawValue: $0) }
          throw .cycle(cycle)
        }
        onChain[Int(v)] = true
        chain.append(v)
        if manager[Int(v)] < 0 { break }
        v = manager[Int(v)]
      }
      var next: Int32 = depth[Int(v)] >= 0 ? depth[Int(v)] + 1 : 0
      for w in chain.reversed() where depth[Int(w)] < 0 {
        depth[Int(w)] = next
        next += 1
        onChain[Int(w)] = false
      }
      chain.removeAll(keepingCapacity: true)
    }
    return depth
  }

  /// The direct reports of every person as offsets and a list, in node order.
  private static func reports(_ manager: [Int32]) -> ([Int32], [Int32]) {
    var offsets = [Int32](repeating: 0, count: manager.count + 1)
    for m in manager where m >= 0 { offsets[Int(m) + 1] += 1 }
    for i in 0 ..< manager.count { offsets[i + 1] += offsets[i] }
    var fill = offsets
    var list = [Int32](repeating: 0, count: Int(offsets[manager.count]))
    for (v, m) in manager.enumerated() where m >= 0 {
      list[Int(fill[Int(m)])] = Int32(v)
      fill[Int(m)] += 1
    }
    return (offsets, list)
  }

  /// The number of people (in the chart or not).
  public var nodeCount: Int { managerIndex.count }

  /// Whether `person` has a known reporting line.
  public func isInChart(_ person: NodeID) -> Bool { depths[person.index] >= 0 }

  /// People in the chart.
  public var chartSize: Int { depths.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

  /// The manager of `person`, or `nil` for a top or a person outside the chart.
  public func manager(of person: NodeID) -> NodeID? {
    let m = managerIndex[person.index]
    return m < 0 ? nil : NodeID(rawValue: m)
  }

  /// The distance of `person` to their top (0 for a top), or `nil` outside the chart.
  public func depth(of person: NodeID) -> Int? {
    let d = depths[person.index]
    return d < 0 ? nil : Int(d)
  }

  /// The people who report directly to `person`, in node order.
  public func directReports(of person: NodeID) -> [NodeID] {
    reportIndices(of: person.index).map { NodeID(rawValue: $0) }
  }

  /// The direct reports of `person` (a node index) as node indices.
  public func reportIndices(of person: Int) -> ArraySlice<Int32> {
    reportList[Int(reportOffsets[person]) ..< Int(reportOffsets[person + 1])]
  }

  /// The number of people who report directly to `person`: their span of control.
  public func span(of person: NodeID) -> Int { Int(reportOffsets[person.index + 1] - reportOffsets[person.index]) }

  /// The longest chain from a top down, in steps (0 when the chart is one level; `nil` when
  /// nobody is in the chart).
  public var height: Int? {
    let deepest = depths.max() ?? -1
    return deepest < 0 ? nil : Int(deepest)
  }

  /// Where two people of the chart meet: their lowest common manager-or-self, and the steps
  /// from each of them up to it. `nil` when either is outside the chart or their tops differ.
  ///
  /// O(depth).
  public func meeting(_ a: NodeID, _ b: NodeID) -> (common: NodeID, stepsFromA: Int, stepsFromB: Int)? {
    var u = a.rawValue, v = b.rawValue
    guard depths[Int(u)] >= 0, depths[Int(v)] >= 0 else { return nil }
    var upA = 0, upB = 0
    while depths[Int(u)] > depths[Int(v)] { u = managerIndex[Int(u)]; upA += 1 }
    while depths[Int(v)] > depths[Int(u)] { v = managerIndex[Int(v)]; upB += 1 }
    while u != v {
      u = managerIndex[Int(u)]
      v = managerIndex[Int(v)]
      if u < 0 || v < 0 { return nil }
      upA += 1
      upB += 1
    }
    return (NodeID(rawValue: u), upA, upB)
  }

  /// The person `steps` levels above `person` in their chain (`person` itself for 0).
  ///
  /// - Precondition: `person` is in the chart and at least `steps` deep.
  public func ancestor(of person: NodeID, steps: Int) -> NodeID {
    var v = person.rawValue
    for _ in 0 ..< steps { v = managerIndex[Int(v)] }
    return NodeID(rawValue: v)
  }
}

/// Why reporting lines do not form a tree. Each case names the people by node; the readers
/// that know the file rows word it with file and line.
public enum ReportingTreeError: Error, Sendable, Hashable {
  /// `person`'s manager is not a person of the table.
  case unknownManager(person: NodeID, manager: String)
  /// The people of a chain that reports to itself, in reporting order (each reports to the
  /// next; the last to the first).
  case cycle([NodeID])
  /// The chart has more than one top, where one was expected.
  case severalTops([NodeID])
}
