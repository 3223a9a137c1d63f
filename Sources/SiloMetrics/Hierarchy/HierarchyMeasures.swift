import SiloGraph

/// The formal hierarchy against the real collaboration: what Krackhardt and Hanson (1993,
/// "Informal networks: the company behind the chart", *Harvard Business Review* 71(4)) set
/// side by side, as numbers.
///
/// Definitions (a tie's weight is its strength when `weighted`, else 1; a directed network
/// counts each arc; only ties between two people of the chart count, except where said):
/// - **Span of control** of a manager: the people who report to them directly.
/// - **Depth** of a person: the steps from them up to their top (0 for the top). The
///   chart's ``Organization/levels`` is the deepest depth + 1.
/// - **A manager's team**: the manager and their direct reports. Its **share within the
///   team** is `I / (I + E)` with `I` the weight of ties between two members and `E` of ties
///   between a member and anybody outside (outside the chart too): the department's "share
///   inside" of the scorecard, for the team.
/// - **Tree distance** of a tie: the reporting steps up from one end to the lowest manager
///   the two share (or to the one who is the other's manager) and down to the other end
///   (Josephs, Sæbø and Conte 2022 compare recovered hierarchies by such distances). 1 is a
///   tie along a reporting line; 2 two colleagues with the same manager, or a tie to one's
///   manager's manager.
/// - **Along reporting lines**: the share of tie weight at tree distance 1; **within teams**:
///   at distance 1 or between two reports of one manager.
/// - **Skip-level tie**: one end manages the other's manager, or higher up the same chain
///   (the tie skips at least one level in between).
/// - **Sibling units**: two people who report to the same manager and who both manage
///   somebody; their units are everybody below them. A pair is **untied** when no tie joins
///   the two units (counted over every tie, inside the chart).
///
/// Ties between different tops' charts have no tree distance and count in
/// ``Organization/acrossChartsWeight``.
///
/// - Complexity: O(n + m·h) time for `m` ties and a chart `h` levels deep, O(n + u) memory for
///   `u` pairs of sibling units that are tied.
public struct HierarchyMeasures: Sendable, Hashable, Codable {
  /// Totals of the chart.
  public var organization: Organization
  /// Every manager (everybody with a direct report), in node order.
  public var managers: [Manager]
  /// The pairs of sibling units without a tie, largest units first (by the smaller unit's
  /// head count, then the larger's, then node order).
  public var untiedSiblingUnits: [SiblingUnits]
  /// The ties that skip a level, heaviest first (then node order).
  public var skipLevelTies: [SkipLevelTie]
  /// Whether weights were used.
  public var weighted: Bool

  public struct Organization: Sendable, Hashable, Codable {
    public var people: Int
    /// People with a known reporting line.
    public var peopleInChart: Int
    public var tops: Int
    public var managers: Int
    /// The number of levels (the deepest depth + 1); 0 for an empty chart.
    public var levels: Int
    public var meanSpan: Double?
    public var medianSpan: Double?
    public var largestSpan: Int
    /// Ties between two people of the chart, and their weight.
    public var tiesInChart: Int
    public var weightInChart: Double
    /// Shares of ``weightInChart``: along reporting lines (distance 1), within teams
    /// (distance 1 or colleagues of one manager), skipping a level; `nil` without ties.
    public var shareAlongReportingLines: Double?
    public var shareWithinTeams: Double?
    public var shareSkippingLevels: Double?
    /// The weighted mean tree distance of the ties in one chart.
    public var meanTreeDistance: Double?
    /// Tie weight by tree distance: entry `d − 1` for distance `d`.
    public var weightByTreeDistance: [Double]
    /// Tie weight between people of different tops.
    public var acrossChartsWeight: Double
    public var skipLevelTies: Int
    public var siblingUnitPairs: Int
    public var untiedSiblingUnitPairs: Int
  }

  public struct Manager: Sendable, Hashable, Codable {
    public var node: NodeID
    public var depth: Int
    public var span: Int
    /// Everybody below the manager.
    public var peopleBelow: Int
    /// ``HierarchyMeasures`` "share within the team"; `nil` when the team has no ties.
    public var shareWithinTeam: Double?
    /// Direct reports the manager has a tie with (in either direction).
    public var reportsWorkedWith: Int
    /// Pairs of the manager's direct reports who manage units, and those without a tie
    /// between their units.
    public var siblingUnitPairs: Int
    public var untiedSiblingUnitPairs: Int
  }

  /// Two units side by side under one manager.
  public struct SiblingUnits: Sendable, Hashable, Codable {
    /// The manager they both report to.
    public var above: NodeID
    /// The two unit heads, in node order, and everybody in their units (head included).
    public var a: NodeID
    public var b: NodeID
    public var sizeA: Int
    public var sizeB: Int
  }

  public struct SkipLevelTie: Sendable, Hashable, Codable {
    /// The end lower in the chain, and the one above it.
    public var lower: NodeID
    public var upper: NodeID
    /// Levels between them (2 for one's manager's manager).
    public var steps: Int
    public var weight: Double
  }
}

extension Network {
  /// The formal hierarchy of `tree` against this network's ties (see ``HierarchyMeasures``).
  ///
  /// - Parameters:
  ///   - tree: The reporting lines, over the same people.
  ///   - weighted: Weigh ties by strength (else each counts 1).
  ///   - listed: At most this many skip-level ties and untied sibling units are listed (all
  ///     are counted).
  /// - Precondition: `tree.nodeCount == graph.nodeCount`.
  public func hierarchyMeasures(tree: ReportingTree, weighted: Bool = true, listed: Int = 50) -> HierarchyMeasures {
    precondition(tree.nodeCount == graph.nodeCount, "the tree is over other people")
    let ties = HierarchyTies(graph: graph, tree: tree, weighted: weighted)
    let units = SiblingUnitCount(tree: tree, tiedPairs: ties.tiedUnitPairs)
    let managers = (0 ..< graph.nodeCount).filter { tree.span(of: NodeID($0)) > 0 }.map { m in
      let node = NodeID(m)
      let team = ties.team[m]
      return HierarchyMeasures.Manager(
        node: node, depth: tree.depth(of: node)!, span: tree.span(of: node), peopleBelow: units.below[m],
        shareWithinTeam: team.inside + team.across > 0 ? team.inside / (team.inside + team.across) : nil,
        reportsWorkedWith: tree.reportIndices(of: m).reduce(0) { $0 + (ties.tiedToManager[Int($1)] ? 1 : 0) }, siblingUnitPairs: units.pairs[m], untiedSiblingUnitPairs: units.untied[m])
    }
    let spans = managers.map(\.span).sorted()
    let chartWeight = ties.byDistance.reduce(0, +) + ties.acrossCharts
    let share = { (w: Double) -> Double? in chartWeight > 0 ? w / chartWeight : nil }
    let distanceWeight = ties.byDistance.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element }
    let inOneChart = ties.byDistance.reduce(0, +)
    let organization = HierarchyMeasures.Organization(
      people: graph.nodeCount, peopleInChart: tree.chartSize, tops: tree.tops.count, managers: managers.count,
      levels: tree.height.map { $0 + 1 } ?? 0,
      meanSpan: spans.isEmpty ? nil : Double(spans.reduce(0, +)) / Double(spans.count),
      medianSpan: spans.isEmpty ? nil : Double(spans[(spans.count - 1) / 2] + spans[spans.count / 2]) / 2,
      largestSpan: spans.last ?? 0, tiesInChart: ties.count, weightInChart: chartWeight,
      shareAlongReportingLines: share(ties.byDistance.first ?? 0), shareWithinTeams: share(ties.withinTeams),
      shareSkippingLevels: share(ties.skipLevel.reduce(0) { $0 + $1.weight }),
      meanTreeDistance: inOneChart > 0 ? distanceWeight / inOneChart : nil, weightByTreeDistance: ties.byDistance,
      acrossChartsWeight: ties.acrossCharts, skipLevelTies: ties.skipLevel.count,
      siblingUnitPairs: units.pairs.reduce(0, +), untiedSiblingUnitPairs: units.untied.reduce(0, +))
    let skip = ties.skipLevel.sorted { ($1.weight, $0.lower.rawValue, $0.upper.rawValue) < ($0.weight, $1.lower.rawValue, $1.upper.rawValue) }
    return HierarchyMeasures(
      organization: organization, managers: managers, untiedSiblingUnits: Array(units.untiedList.prefix(listed)),
      skipLevelTies: Array(skip.prefix(listed)), weighted: weighted)
  }
}

/// One pass over the ties: their tree distances, each team's weight inside and across,
/// skip-level ties and which sibling units are joined.
private struct HierarchyTies {
  var team: [(inside: Double, across: Double)]
  /// Whether each person has a tie with their manager (in either direction).
  var tiedToManager: [Bool]
  var byDistance: [Double] = []
  var withinTeams = 0.0
  var acrossCharts = 0.0
  var count = 0
  var skipLevel: [HierarchyMeasures.SkipLevelTie] = []
  /// Pairs of sibling units (their heads, lower index first) joined by at least one tie.
  var tiedUnitPairs: Set<UInt64> = []

  init(graph: CollaborationGraph, tree: ReportingTree, weighted: Bool) {
    let n = graph.nodeCount
    team = Array(repeating: (0, 0), count: n)
    tiedToManager = Array(repeating: false, count: n)
    for edge in graph.edges {
      let w = weighted ? edge.weight : 1
      teams(edge.source, edge.target, w, tree)
      guard let meeting = tree.meeting(edge.source, edge.target) else {
        if tree.isInChart(edge.source) && tree.isInChart(edge.target) {
          acrossCharts += w
          count += 1
        }
        continue
      }
      count += 1
      distance(edge, meeting, w, tree)
    }
  }

  /// Adds the tie to the teams of the managers whose teams hold either end.
  private mutating func teams(_ u: NodeID, _ v: NodeID, _ w: Double, _ tree: ReportingTree) {
    // A person is in their own team (as its manager) and in their manager's: up to four
    // teams hold an end, each counted once.
    let mu = tree.manager(of: u)?.rawValue ?? -1, mv = tree.manager(of: v)?.rawValue ?? -1
    let heads: (Int32, Int32, Int32, Int32) = (
      tree.span(of: u) > 0 ? u.rawValue : -1, mu, tree.span(of: v) > 0 ? v.rawValue : -1, mv)
    let list = [heads.0, heads.1, heads.2, heads.3]
    for (i, head) in list.enumerated() where head >= 0 && !list[..<i].contains(head) {
      let inU = u.rawValue == head || mu == head, inV = v.rawValue == head || mv == head
      if inU && inV { team[Int(head)].inside += w } else { team[Int(head)].across += w }
    }
    if mv == u.rawValue { tiedToManager[v.index] = true }
    if mu == v.rawValue { tiedToManager[u.index] = true }
  }

  /// Records the tie's tree distance, skip-level and sibling-unit pair.
  private mutating func distance(
    _ edge: Edge, _ meeting: (common: NodeID, stepsFromA: Int, stepsFromB: Int), _ w: Double, _ tree: ReportingTree
  ) {
    let d = meeting.stepsFromA + meeting.stepsFromB
    while byDistance.count < d { byDistance.append(0) }
    byDistance[d - 1] += w
    if d == 1 || (meeting.stepsFromA == 1 && meeting.stepsFromB == 1) { withinTeams += w }
    if min(meeting.stepsFromA, meeting.stepsFromB) == 0 && d >= 2 {
      let (lower, upper) = meeting.stepsFromA == 0 ? (edge.target, edge.source) : (edge.source, edge.target)
      skipLevel.append(.init(lower: lower, upper: upper, steps: d, weight: w))
    }
    if meeting.stepsFromA >= 1 && meeting.stepsFromB >= 1 {
      let a = tree.ancestor(of: edge.source, steps: meeting.stepsFromA - 1)
      let b = tree.ancestor(of: edge.target, steps: meeting.stepsFromB - 1)
      if tree.span(of: a) > 0 && tree.span(of: b) > 0 {
        let (low, high) = a.rawValue < b.rawValue ? (a.rawValue, b.rawValue) : (b.rawValue, a.rawValue)
        tiedUnitPairs.insert(UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)))
      }
    }
  }
}

/// Per manager: the people below, the pairs of sibling units among their reports and those
/// without a tie; and the untied pairs listed.
private struct SiblingUnitCount {
  var below: [Int]
  var pairs: [Int]
  var untied: [Int]
  var untiedList: [HierarchyMeasures.SiblingUnits] = []

  init(tree: ReportingTree, tiedPairs: Set<UInt64>) {
    let n = tree.nodeCount
    below = Array(repeating: 0, count: n)
    pairs = Array(repeating: 0, count: n)
    untied = Array(repeating: 0, count: n)
    // Deepest first, so that every report's count is known before their manager's.
    let order = (0 ..< n).filter { tree.depths[$0] >= 0 }.sorted { (tree.depths[$1], $0) < (tree.depths[$0], $1) }
    for v in order {
      if let m = tree.manager(of: NodeID(v)) { below[m.index] += below[v] + 1 }
    }
    for m in 0 ..< n {
      let heads = tree.reportIndices(of: m).filter { tree.span(of: NodeID(rawValue: $0)) > 0 }
      pairs[m] = heads.count * (heads.count - 1) / 2
      for (i, a) in heads.enumerated() {
        for b in heads[(i + 1)...] where !tiedPairs.contains(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) {
          untied[m] += 1
          untiedList.append(.init(
            above: NodeID(m), a: NodeID(rawValue: a), b: NodeID(rawValue: b), sizeA: below[Int(a)] + 1, sizeB: below[Int(b)] + 1))
        }
      }
    }
    untiedList.sort {
      (min($1.sizeA, $1.sizeB), max($1.sizeA, $1.sizeB), $0.a.rawValue, $0.b.rawValue)
        < (min($0.sizeA, $0.sizeB), max($0.sizeA, $0.sizeB), $1.a.rawValue, $1.b.rawValue)
    }
  }
}
