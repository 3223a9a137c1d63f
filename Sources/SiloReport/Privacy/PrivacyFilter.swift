import SiloGraph
import SiloIngest
import SiloRender

/// Leaves a group out of every part of the report: the group that small departments were
/// merged into when it is itself smaller than the minimum group size
/// (``SmallDepartments/suppressed``). Department-level parts lose the group; person-level parts
/// (the per-person lists of the JSON documents, the broker table) lose its members, who would
/// otherwise be the only people of a group of fewer than the minimum, and so recognizable.
/// Totals (people, ties, the organization's E-I and modularity) keep them.
enum PrivacyFilter {
  static func leaveOut(
    department name: String, silos: inout SilosDocument, communities: inout CommunitiesDocument,
    brokers: inout BrokersDocument, summary: inout NetworkSummary
  ) {
    silos.groups.removeAll { $0.name == name }
    silos.mixing.removeAll { $0.from == name || $0.to == name }
    for i in silos.groups.indices { silos.groups[i].partners.removeAll { $0.name == name } }
    communities.groups.removeAll { $0.name == name }
    if var comparison = communities.comparison {
      comparison.splits.removeAll { $0.department == name }
      for i in comparison.merges.indices { comparison.merges[i].departments.removeAll { $0.name == name } }
      comparison.contingency.removeAll { $0.department == name }
      communities.comparison = comparison
    }
    brokers.groups.removeAll { $0.name == name }
    brokers.pairs.removeAll { $0.a == name || $0.b == name }
    for i in brokers.brokers.indices {
      brokers.brokers[i].pairsLosingAllTies.removeAll { $0.contains(name) }
      brokers.brokers[i].pairsDisconnected.removeAll { $0.contains(name) }
    }
    summary.departmentTable.removeAll { $0.name == name }
    silos.nodes.removeAll { $0.group == name }
    communities.nodes.removeAll { $0.group == name }
    brokers.nodes.removeAll { $0.group == name }
    // The broker table ranks the people it shows: a gap in the ranks would tell that a
    // member of the suppressed group is among the top brokers.
    brokers.brokers.removeAll { $0.group == name }
    for i in brokers.brokers.indices { brokers.brokers[i].rank = i + 1 }
  }
}

/// Removes from the input summary what could name a person when pseudonyms are on: the
/// names that warnings and skip reasons quote (project names, field values, columns) become
/// "…". Counts, line numbers and file names stay.
enum PrivacyScrubber {
  static func scrubbed(_ summary: NetworkSummary) -> NetworkSummary {
    var summary = summary
    summary.warnings = summary.warnings.map(\.scrubbed)
    summary.inputs = summary.inputs.map { report in
      var report = report
      report.warnings = report.warnings.map(\.scrubbed)
      report.skipped = report.skipped.map { rows in
        var rows = rows
        rows.reason = rows.reason.scrubbed
        return rows
      }
      return report
    }
    if var projection = summary.projection {
      projection.warnings = projection.warnings.map(\.scrubbed)
      projection.projectsLeftOut = projection.projectsLeftOut.map(\.hidden)
      projection.largestProjects = projection.largestProjects.map(\.hidden)
      summary.projection = projection
    }
    return summary
  }
}

extension DepartmentMapInput {
  /// The map without the department `name` (and its ties), with `footnote` under the legend.
  func leavingOut(_ name: String, footnote: String) -> DepartmentMapInput {
    guard let gone = names.firstIndex(of: name) else { return self }
    return keeping(names.indices.filter { $0 != gone }, footnote: footnote)
  }

  /// The map of the departments at `keep` (indices into ``names``, in that order) and the
  /// lines among them; `footnote` replaces the footnote when given.
  func keeping(_ keep: [Int], footnote: String?) -> DepartmentMapInput {
    let newIndex = Dictionary(uniqueKeysWithValues: keep.enumerated().map { ($1, $0) })
    return DepartmentMapInput(
      names: keep.map { names[$0] }, headCounts: keep.map { headCounts[$0] }, eiIndex: keep.map { eiIndex[$0] },
      internalTies: keep.map { internalTies[$0] },
      between: between.compactMap { tie in
        guard let a = newIndex[tie.a], let b = newIndex[tie.b] else { return nil }
        return Tie(a: min(a, b), b: max(a, b), ties: tie.ties, weight: tie.weight)
      },
      weightMeaning: weightMeaning, footnote: footnote ?? self.footnote,
      verdicts: verdicts.isEmpty ? [] : keep.map { $0 < verdicts.count ? verdicts[$0] : nil })
  }
}

extension Network {
  /// The same network with its people renumbered in the order of their ids (after
  /// pseudonymization: of their pseudonyms), so that the order of people in the outputs
  /// (CSV rows, JSON arrays, the SVG's node numbers) does not keep the order of the input,
  /// which may be alphabetical by name. Ties, weights, self-loops, attributes and
  /// departments are unchanged.
  ///
  /// - Complexity: O(*n* log *n* + *m*).
  func sortedByID() -> (network: Network, newIndex: [Int]) {
    let n = graph.nodeCount
    let order = (0 ..< n).sorted { (nodes.ids[$0].utf8.lexicographicallyPrecedes(nodes.ids[$1].utf8)) }
    var newIndex = [Int](repeating: 0, count: n)
    for (position, old) in order.enumerated() { newIndex[old] = position }
    var builder = GraphBuilder(nodeCount: n, directedness: graph.directedness)
    builder.reserveCapacity(edges: graph.edgeCount + graph.selfLoops.count)
    for edge in graph.edges + graph.selfLoops {
      builder.addEdge(NodeID(newIndex[edge.source.index]), NodeID(newIndex[edge.target.index]), weight: edge.weight)
    }
    var table = NodeTable(ids: order.map { nodes.ids[$0] })
    for name in nodes.attributeNames {
      let column = nodes.attributeColumn(name)!
      table.setAttributeColumn(name, order.map { column[$0] })
    }
    let partition = groups.map { groups in
      Partition(
        membership: order.map { groups.membership[$0] }, groupCount: groups.groupCount, names: groups.names,
        unassignedGroup: groups.unassignedGroup)
    }
    return (Network(graph: builder.build(), nodes: table, groups: partition), newIndex)
  }
}
