import SiloGraph
import SiloMetrics

/// The measures a team is judged by, for one network: before any team, or after the log is
/// projected again with teams added. Computed from the network and its silo scorecard, so
/// "after" is what the analysis gives on the log with the teams' rows appended.
public struct TeamMeasures: Sendable, Hashable, Codable {
  /// What is left to gain under the objective: the weight of the department pairs still
  /// without a tie (or still hanging on one person), with the pair weights of the network
  /// before any team; or the modularity. A team's gain is the drop of this value.
  public var objective: Double
  /// Modularity of the departments.
  public var modularity: Double
  /// The organization's E-I index.
  public var eiIndex: Double
  /// Share of all tie weight inside departments.
  public var shareInside: Double
  /// Departments judged a silo (`SiloVerdict.silo`).
  public var silos: Int
  /// Department pairs without any tie.
  public var untiedPairs: Int
  /// Department pairs with ties that all involve one person.
  public var pairsOnOnePerson: Int
  /// Every department's measures, in the partition's order.
  public var departments: [Department]

  public struct Department: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    public var eiIndex: Double
    public var shareInside: Double
    public var verdict: SiloVerdict?
  }

  /// The measures of `network` with its `scorecard`.
  ///
  /// - Parameters:
  ///   - network: the network to measure (before, or with teams added).
  ///   - scorecard: its silo scorecard.
  ///   - objective: the objective whose value ``objective`` holds.
  ///   - baseline: the network before any team: its departments' closedness weighs the
  ///     pairs (the same weights before and after, so that the gain counts pairs, not shifts
  ///     of weight).
  ///   - departments: the departments whose pairs count (``TeamRequest/departments``).
  /// - Precondition: both networks have the same departments, undirected.
  public init(network: Network, scorecard: SiloScorecard, objective: TeamObjective, baseline: Network, departments: Set<Int> = []) {
    let groups = network.groups!
    let links = DepartmentLinks(graph: network.graph, membership: groups.membership, k: groups.groupCount, weighted: scorecard.weighted)
    let before = baseline == network
      ? links
      : DepartmentLinks(graph: baseline.graph, membership: baseline.groups!.membership, k: groups.groupCount, weighted: scorecard.weighted)
    let weights = PairWeights(closedness: before.closedness, counted: departments)
    self.objective = objective == .modularity ? scorecard.organization.modularity : links.value(of: objective, weights: weights)
    modularity = scorecard.organization.modularity
    eiIndex = scorecard.organization.eiIndex
    shareInside = scorecard.organization.shareInside
    silos = scorecard.departments.filter { $0.verdict == .silo }.count
    var untied = 0, onOne = 0
    for a in 0 ..< links.k {
      for b in a + 1 ..< links.k {
        if !links.isTied(a, b) { untied += 1 } else if links.isFragile(a, b) { onOne += 1 }
      }
    }
    untiedPairs = untied
    pairsOnOnePerson = onOne
    self.departments = scorecard.departments.map {
      Department(index: $0.index, name: $0.name, eiIndex: $0.eiIndex, shareInside: $0.shareInside, verdict: $0.verdict)
    }
  }
}
