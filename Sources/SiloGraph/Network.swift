/// A graph together with the people behind its nodes and their formal groups: the unit that
/// every SiloScope analysis takes.
public struct Network: Sendable, Hashable {
  /// The ties.
  public var graph: CollaborationGraph
  /// Ids and attributes of the nodes, indexed by ``NodeID``.
  public var nodes: NodeTable
  /// The formal groups (departments), when known: one group per node. Nodes without a
  /// department are in a group of their own named ``Network/noGroupName``.
  public var groups: Partition?

  /// The name of the group of nodes whose department is unknown.
  public static let noGroupName = "(no department)"

  /// Creates a network from its parts, as they are.
  ///
  /// - Parameters:
  ///   - graph: The ties.
  ///   - nodes: One row per node of `graph`, in node order.
  ///   - groups: The departments, one group per node, or `nil` when they are not known.
  /// - Precondition: `nodes` has one row per node of `graph`, and `groups`, when given,
  ///   covers exactly the nodes of `graph`.
  public init(graph: CollaborationGraph, nodes: NodeTable, groups: Partition? = nil) {
    precondition(nodes.count == graph.nodeCount, "node table has \(nodes.count) rows for \(graph.nodeCount) nodes")
    precondition(groups == nil || groups!.nodeCount == graph.nodeCount, "partition does not cover the graph")
    self.graph = graph
    self.nodes = nodes
    self.groups = groups
  }

  /// A partition from a node attribute (such as `department`); nodes without a value go to
  /// the group ``noGroupName`` (``Partition/unassignedGroup``). If a real department is
  /// itself named "(no department)", the nodes without a value go to "(no department given)"
  /// instead, so that the two stay apart. Returns `nil` when no node has the attribute.
  public static func partition(of nodes: NodeTable, by attribute: String) -> Partition? {
    nodes.attributeColumn(attribute).flatMap(partition(values:))
  }

  /// ``partition(of:by:)`` for the attribute's values, one per node.
  private static func partition(values column: [String?]) -> Partition? {
    guard column.contains(where: { $0 != nil && !$0!.isEmpty }) else { return nil }
    let values = column.map { ($0?.isEmpty ?? true) ? nil : $0 }
    guard values.contains(nil) else { return Partition(labels: values.map { $0! }) }
    let unassigned = unassignedName(avoiding: Set(values.compactMap { $0 }))
    let labelled = Partition(labels: values.map { $0 ?? unassigned })
    return Partition(
      membership: labelled.membership, groupCount: labelled.groupCount, names: labelled.names,
      unassignedGroup: labelled.names!.firstIndex(of: unassigned))
  }

  /// The name of the group of nodes without a department: ``noGroupName``, unless a
  /// department in `taken` is called that.
  private static func unassignedName(avoiding taken: Set<String>) -> String {
    var unassigned = noGroupName
    if taken.contains(unassigned) { unassigned = "(no department given)" }
    var suffix = 2
    while taken.contains(unassigned) {
      unassigned = "(no department given \(suffix))"
      suffix += 1
    }
    return unassigned
  }

  /// The partition ``partition(of:by:)`` gives for an attribute whose value for node *i* is
  /// `names[numbers[i]]` (none when the number is −1 or the name empty), without hashing a
  /// name per node: what a reader that numbered the departments already has.
  ///
  /// - Complexity: O(*n* + *g* log *g*) for *n* nodes and *g* names.
  public static func partition(numbers: [Int32], names: [String]) -> Partition? {
    var used = [Bool](repeating: false, count: names.count)
    var missing = false
    for n in numbers {
      if n < 0 || names[Int(n)].isEmpty { missing = true } else { used[Int(n)] = true }
    }
    var order = names.indices.filter { used[$0] }.sorted { names[$0] < names[$1] }
    guard !order.isEmpty else { return nil }
    // Two numbers with one name are one group: the general path merges them.
    if zip(order, order.dropFirst()).contains(where: { names[$0] == names[$1] }) {
      return partition(values: numbers.map { $0 < 0 ? nil : names[Int($0)] })
    }
    var unassignedGroup: Int? = nil
    var groupNames = order.map { names[$0] }
    if missing {
      let unassigned = unassignedName(avoiding: Set(groupNames))
      let at = groupNames.firstIndex { $0 > unassigned } ?? groupNames.count
      groupNames.insert(unassigned, at: at)
      order.insert(-1, at: at)
      unassignedGroup = at
    }
    var group = [Int32](repeating: -1, count: names.count)
    for (g, name) in order.enumerated() where name >= 0 { group[name] = Int32(g) }
    let membership = numbers.map { n in
      n < 0 || names[Int(n)].isEmpty ? Int32(unassignedGroup!) : group[Int(n)]
    }
    return Partition(membership: membership, groupCount: groupNames.count, names: groupNames, unassignedGroup: unassignedGroup)
  }
}
