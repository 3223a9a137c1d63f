import SiloGraph
import SiloMetrics

/// One unit and its ties to the rest of the organization: what the report shows with
/// ``SiloAnalysis/Options/focus``, for the consultant asked about one department.
///
/// Every number is computed on the whole organization first (so the unit's E-I and verdict are
/// those of the full report); then the parts that list departments keep the unit and its
/// partner units (the units it has ties with), the parts that list people keep the unit's
/// people, and the broker table keeps the brokers who are in the unit or have a tie into it,
/// ranked again among themselves. Totals stay the organization's.
public struct Focus: Sendable, Hashable {
  /// The unit.
  public var unit: String
  /// The unit and the units it has ties with.
  public var units: Set<String>
  /// The unit's people.
  public var members: [Bool]
  /// The unit's people and everybody with a tie to one of them: who the person-level
  /// diagrams draw.
  public var neighbourhood: [Bool]

  /// The focus on `unit` (a department of `network`, matched exactly).
  ///
  /// - Returns: `nil` when `network` has no department of that name.
  public init?(unit: String, network: Network) {
    guard let groups = network.groups, let g = (0 ..< groups.groupCount).first(where: { groups.name(of: $0) == unit }) else { return nil }
    self.unit = unit
    let graph = network.graph
    members = (0 ..< graph.nodeCount).map { groups.group(of: NodeID($0)) == g }
    var neighbourhood = members
    var units: Set<String> = [unit]
    for v in 0 ..< graph.nodeCount where members[v] {
      for w in graph.neighbors(of: NodeID(v)).nodes {
        neighbourhood[w.index] = true
        units.insert(groups.name(of: groups.group(of: w)))
      }
      if graph.isDirected {
        for w in graph.inNeighbors(of: NodeID(v)).nodes {
          neighbourhood[w.index] = true
          units.insert(groups.name(of: groups.group(of: w)))
        }
      }
    }
    self.neighbourhood = neighbourhood
    self.units = units
  }

  /// The documents kept to the unit, its partner units, its people and its brokers.
  func filter(
    silos: inout SilosDocument, communities: inout CommunitiesDocument, brokers: inout BrokersDocument, summary: inout NetworkSummary,
    ids: [String]
  ) {
    let memberIDs = Set(ids.indices.filter { members[$0] }.map { ids[$0] })
    let near = Set(ids.indices.filter { neighbourhood[$0] }.map { ids[$0] })
    silos.groups.removeAll { !units.contains($0.name) }
    silos.mixing.removeAll { $0.from != unit && $0.to != unit }
    silos.nodes.removeAll { !memberIDs.contains($0.id) }
    communities.groups.removeAll { !units.contains($0.name) }
    communities.nodes.removeAll { !memberIDs.contains($0.id) }
    if var comparison = communities.comparison {
      comparison.splits.removeAll { $0.department != unit }
      comparison.merges.removeAll { !$0.departments.contains { $0.name == unit } }
      comparison.contingency.removeAll { $0.department != unit }
      communities.comparison = comparison
    }
    brokers.groups.removeAll { !units.contains($0.name) }
    brokers.pairs.removeAll { $0.a != unit && $0.b != unit }
    brokers.nodes.removeAll { !memberIDs.contains($0.id) }
    // The unit's brokers: in it, or tied into it; ranked among themselves.
    brokers.brokers.removeAll { !near.contains($0.id) }
    for i in brokers.brokers.indices {
      brokers.brokers[i].rank = i + 1
      // What the unit would lose: the pairs of departments that include it.
      brokers.brokers[i].pairsLosingAllTies.removeAll { !$0.contains(unit) }
      brokers.brokers[i].pairsDisconnected.removeAll { !$0.contains(unit) }
    }
    summary.departmentTable.removeAll { !units.contains($0.name) }
  }
}
