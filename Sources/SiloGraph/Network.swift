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
    guard let column = nodes.attributeColumn(attribute), column.contains(where: { $0 != nil && !$0!.isEmpty }) else {
      return nil
    }
    let values = column.map { ($0?.isEmpty ?? true) ? nil : $0 }
    guard values.contains(nil) else { return Partition(labels: values.map { $0! }) }
    let taken = Set(values.compactMap { $0 })
    var unassigned = noGroupName
    if taken.contains(unassigned) { unassigned = "(no department given)" }
    var suffix = 2
    while taken.contains(unassigned) {
      unassigned = "(no department given \(suffix))"
      suffix += 1
    }
    let labelled = Partition(labels: values.map { $0 ?? unassigned })
    return Partition(
      membership: labelled.membership, groupCount: labelled.groupCount, names: labelled.names,
      unassignedGroup: labelled.names!.firstIndex(of: unassigned))
  }
}
