/// An assignment of every node to exactly one group: departments, or communities found in the
/// collaboration.
///
/// Stored igraph-style as a membership vector: `membership[v]` is the group of node `v`, and
/// group numbers are dense, `0 ..< groupCount`. Group names are optional (departments have
/// them, communities usually do not).
///
/// ```swift
/// let departments = Partition(labels: ["Financiën", "ICT", "Financiën"])
/// departments.groupCount          // 2
/// departments.name(of: 0)         // "Financiën"   (names are sorted)
/// departments.members             // [[#0, #2], [#1]]
/// ```
public struct Partition: Sendable, Hashable, Codable {
  /// The group of each node, indexed by ``NodeID``.
  public let membership: [Int32]
  /// The number of groups.
  public let groupCount: Int
  /// One name per group, or `nil` for unnamed groups.
  public let names: [String]?
  /// The group of the nodes whose group is not known (people without a department), when
  /// there is one. Known by number, not by name: a real department may be called
  /// "(no department)" too.
  public let unassignedGroup: Int?

  /// Creates a partition from a membership vector with dense group numbers.
  ///
  /// - Precondition: every number lies in `0 ..< groupCount`, `names` (when given) has
  ///   `groupCount` elements, and `unassignedGroup` (when given) is a group number.
  public init(membership: [Int32], groupCount: Int? = nil, names: [String]? = nil, unassignedGroup: Int? = nil) {
    let count = groupCount ?? (membership.max().map { Int($0) + 1 } ?? 0)
    precondition(membership.allSatisfy { $0 >= 0 && Int($0) < count }, "membership out of range")
    precondition(names == nil || names!.count == count, "names count \(names!.count) ≠ groups \(count)")
    precondition(unassignedGroup.map { (0 ..< count).contains($0) } ?? true, "unassigned group out of range")
    self.membership = membership
    self.groupCount = count
    self.names = names
    self.unassignedGroup = unassignedGroup
  }

  /// Creates a partition from one label per node. Groups are numbered in the sorted order of
  /// their labels, so the numbering does not depend on the order of the input.
  public init(labels: [String]) {
    let distinct = Array(Set(labels)).sorted()
    var number: [String: Int32] = [:]
    for (i, name) in distinct.enumerated() { number[name] = Int32(i) }
    self.init(membership: labels.map { number[$0]! }, groupCount: distinct.count, names: distinct)
  }

  /// Creates a partition from arbitrary group keys, renumbering them densely in order of first
  /// appearance (so `[7, 7, 3]` becomes `[0, 0, 1]`).
  public init<Key: Hashable>(renumbering keys: [Key]) {
    var number: [Key: Int32] = [:]
    let membership = keys.map { key in
      if let n = number[key] { return n }
      let n = Int32(number.count)
      number[key] = n
      return n
    }
    self.init(membership: membership, groupCount: number.count)
  }

  /// The number of nodes covered.
  public var nodeCount: Int { membership.count }

  /// The group of `node`.
  @inline(__always)
  public func group(of node: NodeID) -> Int { Int(membership[node.index]) }

  /// The name of group `group`, or its number as text when groups are unnamed.
  public func name(of group: Int) -> String { names?[group] ?? String(group) }

  /// The number of nodes in each group.
  public var sizes: [Int] {
    var sizes = [Int](repeating: 0, count: groupCount)
    for g in membership { sizes[Int(g)] += 1 }
    return sizes
  }

  /// The nodes of each group, ascending.
  public var members: [[NodeID]] {
    var members = [[NodeID]](repeating: [], count: groupCount)
    for (v, g) in membership.enumerated() { members[Int(g)].append(NodeID(v)) }
    return members
  }
}

/// One number per node, such as a centrality, indexed by ``NodeID``.
///
/// `.nan` marks a node where the measure is undefined (for example the constraint of an
/// isolate); reports print it as "—" and JSON as `null`.
public struct NodeScores: Sendable, Hashable, Codable, RandomAccessCollection {
  public var values: [Double]

  /// Wraps one value per node, indexed by ``NodeID``; `.nan` marks an undefined value.
  public init(_ values: [Double]) { self.values = values }

  public var startIndex: Int { values.startIndex }
  public var endIndex: Int { values.endIndex }
  public subscript(position: Int) -> Double { values[position] }
  public subscript(node: NodeID) -> Double { values[node.index] }

  /// Nodes ordered by descending score; equal scores in ascending node order; undefined
  /// scores last.
  public func ranked() -> [NodeID] {
    values.indices.sorted { a, b in
      let x = values[a], y = values[b]
      if x.isNaN != y.isNaN { return y.isNaN }
      if x != y && !x.isNaN { return x > y }
      return a < b
    }.map { NodeID($0) }
  }
}
