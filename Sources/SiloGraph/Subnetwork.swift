/// Restricting a network, a partition or per-node scores to some of the nodes: for outputs
/// that must leave people out (privacy's suppressed groups) while every measure is computed on
/// the whole network.

extension Network {
  /// The network induced by the nodes where `keep` is `true`: those nodes in their order,
  /// the ties among them (self-loops included), their node-table rows, and their departments
  /// (a department left without people is removed and the others renumbered in order).
  ///
  /// - Returns: The subnetwork, and for each old node its new ``NodeID`` (`nil` when left out).
  ///   When every node is kept, the network itself and the identity.
  /// - Precondition: `keep` has one value per node.
  /// - Complexity: O(*n* + *m* + *a*·*n*) for *a* attributes; O(*n*) when every node is kept.
  public func keeping(_ keep: [Bool]) -> (network: Network, newNode: [NodeID?]) {
    precondition(keep.count == graph.nodeCount, "keep has \(keep.count) values for \(graph.nodeCount) nodes")
    if !keep.contains(false) { return (self, (0 ..< keep.count).map { NodeID($0) }) }
    var newNode = [NodeID?](repeating: nil, count: keep.count)
    var kept: [Int] = []
    for v in keep.indices where keep[v] {
      newNode[v] = NodeID(kept.count)
      kept.append(v)
    }
    var builder = GraphBuilder(nodeCount: kept.count, directedness: graph.directedness)
    for edge in graph.edges + graph.selfLoops {
      if let u = newNode[edge.source.index], let v = newNode[edge.target.index] { builder.addEdge(u, v, weight: edge.weight) }
    }
    var table = NodeTable(ids: kept.map { nodes.ids[$0] })
    for name in nodes.attributeNames {
      let column = nodes.attributeColumn(name)!
      table.setAttributeColumn(name, kept.map { column[$0] })
    }
    return (Network(graph: builder.build(), nodes: table, groups: groups?.keeping(keep)), newNode)
  }
}

extension Partition {
  /// The partition of the nodes where `keep` is `true`, in their order. With
  /// `droppingEmptyGroups` (the default) groups left empty are removed and the others
  /// renumbered in their old order with their names; without, every group keeps its number
  /// (so that "community 7" stays community 7).
  ///
  /// - Precondition: `keep` has one value per node.
  public func keeping(_ keep: [Bool], droppingEmptyGroups: Bool = true) -> Partition {
    precondition(keep.count == nodeCount, "keep has \(keep.count) values for \(nodeCount) nodes")
    var used = [Bool](repeating: !droppingEmptyGroups, count: groupCount)
    for v in keep.indices where keep[v] { used[Int(membership[v])] = true }
    var newGroup = [Int32](repeating: -1, count: groupCount)
    var count: Int32 = 0
    for g in 0 ..< groupCount where used[g] {
      newGroup[g] = count
      count += 1
    }
    let membership = keep.indices.filter { keep[$0] }.map { newGroup[Int(self.membership[$0])] }
    return Partition(
      membership: membership, groupCount: Int(count), names: names.map { names in (0 ..< groupCount).filter { used[$0] }.map { names[$0] } },
      unassignedGroup: unassignedGroup.flatMap { newGroup[$0] >= 0 ? Int(newGroup[$0]) : nil })
  }
}

extension NodeScores {
  /// The scores of the nodes where `keep` is `true`, in their order.
  ///
  /// - Precondition: `keep` has one value per node.
  public func keeping(_ keep: [Bool]) -> NodeScores {
    precondition(keep.count == values.count, "keep has \(keep.count) values for \(values.count) nodes")
    return NodeScores(keep.indices.filter { keep[$0] }.map { values[$0] })
  }
}
