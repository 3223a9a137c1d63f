import Foundation
import SiloGraph
import SiloMetrics

/// The JSON of `siloscope hierarchy` and the `hierarchy` part of `report.json`: the formal
/// reporting lines against the collaboration (SiloMetrics' `HierarchyMeasures`, where every
/// measure is defined). Keys are snake_case; undefined numbers are `null`.
///
/// People are named by id; a person privacy leaves out of person-level outputs is in every
/// total but in no list: a manager's row, a skip-level tie or a pair of units that would name
/// them is left out. Under pseudonyms the lists are empty (``listsLeftOut``): a place in the
/// chart (the top, the head of a unit) names its holder whatever the pseudonym.
public struct HierarchyDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "hierarchy"
  public var weighted: Bool
  /// Whether the lists (managers, units side by side, skip-level ties) are left out because
  /// names are pseudonymized.
  public var listsLeftOut: Bool
  public var organization: OrganizationPart
  public var managers: [ManagerPart]
  /// Pairs of units side by side under one manager with no tie between them, largest first
  /// (at most 50 listed; ``OrganizationPart/untiedSiblingUnitPairs`` counts all).
  public var untiedSiblingUnits: [SiblingUnitsPart]
  /// The heaviest ties that skip a level (at most 50; the organization counts all).
  public var skipLevelTies: [SkipLevelPart]

  /// The totals (see SiloMetrics' `HierarchyMeasures.Organization`).
  public struct OrganizationPart: Sendable, Hashable, Codable {
    public var people: Int
    public var peopleInChart: Int
    public var tops: Int
    public var managers: Int
    public var levels: Int
    @Null public var meanSpan: Double?
    @Null public var medianSpan: Double?
    public var largestSpan: Int
    public var tiesInChart: Int
    public var weightInChart: Double
    @Null public var shareAlongReportingLines: Double?
    @Null public var shareWithinTeams: Double?
    @Null public var shareSkippingLevels: Double?
    @Null public var meanTreeDistance: Double?
    /// Tie weight by tree distance: entry `d − 1` for distance `d`.
    public var weightByTreeDistance: [Double]
    public var acrossChartsWeight: Double
    public var skipLevelTies: Int
    public var siblingUnitPairs: Int
    public var untiedSiblingUnitPairs: Int

    init(_ o: HierarchyMeasures.Organization) {
      people = o.people
      peopleInChart = o.peopleInChart
      tops = o.tops
      managers = o.managers
      levels = o.levels
      meanSpan = o.meanSpan
      medianSpan = o.medianSpan
      largestSpan = o.largestSpan
      tiesInChart = o.tiesInChart
      weightInChart = o.weightInChart
      shareAlongReportingLines = o.shareAlongReportingLines
      shareWithinTeams = o.shareWithinTeams
      shareSkippingLevels = o.shareSkippingLevels
      meanTreeDistance = o.meanTreeDistance
      weightByTreeDistance = o.weightByTreeDistance
      acrossChartsWeight = o.acrossChartsWeight
      skipLevelTies = o.skipLevelTies
      siblingUnitPairs = o.siblingUnitPairs
      untiedSiblingUnitPairs = o.untiedSiblingUnitPairs
    }
  }

  public struct ManagerPart: Sendable, Hashable, Codable {
    public var id: String
    @Null public var department: String?
    public var depth: Int
    public var span: Int
    public var peopleBelow: Int
    @Null public var shareWithinTeam: Double?
    public var reportsWorkedWith: Int
    public var siblingUnitPairs: Int
    public var untiedSiblingUnitPairs: Int
  }

  public struct SiblingUnitsPart: Sendable, Hashable, Codable {
    /// The manager both unit heads report to.
    public var above: String
    public var a: String
    public var b: String
    @Null public var departmentA: String?
    @Null public var departmentB: String?
    public var sizeA: Int
    public var sizeB: Int
  }

  public struct SkipLevelPart: Sendable, Hashable, Codable {
    public var lower: String
    public var upper: String
    public var steps: Int
    public var weight: Double
  }

  /// The document of `measures` for `network`; `shown` marks who may be named (all when `nil`).
  public init(_ measures: HierarchyMeasures, network: Network, shown: [Bool]? = nil, pseudonymized: Bool = false) {
    let ids = network.nodes.ids
    let isShown = { (v: NodeID) in !pseudonymized && (shown?[v.index] ?? true) }
    listsLeftOut = pseudonymized
    let department = { (v: NodeID) in network.groups.map { $0.name(of: $0.group(of: v)) } }
    weighted = measures.weighted
    organization = OrganizationPart(measures.organization)
    managers = measures.managers.filter { isShown($0.node) }.map { m in
      ManagerPart(
        id: ids[m.node.index], department: department(m.node), depth: m.depth, span: m.span, peopleBelow: m.peopleBelow,
        shareWithinTeam: m.shareWithinTeam, reportsWorkedWith: m.reportsWorkedWith, siblingUnitPairs: m.siblingUnitPairs,
        untiedSiblingUnitPairs: m.untiedSiblingUnitPairs)
    }
    untiedSiblingUnits = measures.untiedSiblingUnits.filter { isShown($0.above) && isShown($0.a) && isShown($0.b) }.map { p in
      SiblingUnitsPart(
        above: ids[p.above.index], a: ids[p.a.index], b: ids[p.b.index], departmentA: department(p.a), departmentB: department(p.b),
        sizeA: p.sizeA, sizeB: p.sizeB)
    }
    skipLevelTies = measures.skipLevelTies.filter { isShown($0.lower) && isShown($0.upper) }.map { t in
      SkipLevelPart(lower: ids[t.lower.index], upper: ids[t.upper.index], steps: t.steps, weight: t.weight)
    }
  }
}
