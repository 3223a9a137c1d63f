import SiloGraph
import SiloIngest
import SiloMetrics

/// The JSON of `siloscope trend`: the organization and its departments period by period,
/// the communities with identities that last across periods, the events between periods,
/// and the change from the first period with ties to the last. Keys are snake_case;
/// undefined numbers are `null`. Versioned by ``schemaVersion``.
public struct TrendDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "trend"
  /// How the periods were cut: `month`, `quarter`, `year` or `rolling` (with its window and
  /// step in days).
  public var periodKind: String
  @Null public var windowDays: Int?
  @Null public var stepDays: Int?
  public var weighted: Bool
  public var seed: UInt64
  /// How the communities were found and followed.
  public var communityMethod: CommunityMethodPart
  /// Bootstrap replicates per period (projects resampled); 0 for none.
  public var bootstrapReplicates: Int
  public var periods: [PeriodPart]
  /// Events between consecutive periods with communities (`continue`, `merge`, `split`,
  /// `birth`, `death`), each naming the later period.
  public var events: [EventPart]
  /// Each department (and the organization) in the first period with ties against the last.
  public var change: ChangeSummary?
  /// Log entries without a date: they belong to no period.
  public var undatedEntries: Int
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", command, periodKind = "period_kind", windowDays = "window_days"
    case stepDays = "step_days", weighted, seed, communityMethod = "community_method"
    case bootstrapReplicates = "bootstrap_replicates", periods, events, change, undatedEntries = "undated_entries", warnings
  }

  public struct CommunityMethodPart: Sendable, Hashable, Codable {
    /// `leiden-consensus` (Lancichinetti & Fortunato 2012).
    public var method: String
    public var runs: Int
    /// τ, the least share of runs that keeps a tie in the consensus graph.
    public var consensusThreshold: Double
    public var maximumRounds: Int
    /// `jaccard` (Greene, Doyle & Cunningham 2010).
    public var matching: String
    /// The least Jaccard similarity for two communities to match.
    public var matchThreshold: Double
    public var resolution: Double

    enum CodingKeys: String, CodingKey {
      case method, runs, consensusThreshold = "consensus_threshold", maximumRounds = "maximum_rounds", matching
      case matchThreshold = "match_threshold", resolution
    }
  }

  public struct PeriodPart: Sendable, Hashable, Codable {
    public var label: String
    /// The first day, and the day after the last (ISO dates; the period is start ≤ day < end).
    public var start: LogDate
    public var end: LogDate
    /// Log entries dated in the period.
    public var entries: Int
    /// People with at least one entry in the period, and ties between them.
    public var people: Int
    public var ties: Int
    /// The organization, as `silos` reports it; `null` for a period without entries.
    @Null public var graph: SilosDocument.GraphPart?
    public var groups: [SilosDocument.GroupPart]
    /// Ties between each pair of departments (and inside each).
    public var mixing: [SilosDocument.MixingPart]
    /// The communities of the people with a tie, largest first, with the identity they
    /// keep across periods.
    public var communities: [CommunityPart]
    /// Modularity of the communities; `null` without ties.
    @Null public var communityModularity: Double?
    /// Consensus rounds run, and whether the runs agreed.
    public var consensusRounds: Int
    public var consensusConverged: Bool
    /// People in a community of both this period and the previous one with communities, by
    /// the two communities' identities.
    public var inflows: [FlowPart] = []

    enum CodingKeys: String, CodingKey {
      case label, start, end, entries, people, ties, graph, groups, mixing, communities
      case communityModularity = "community_modularity", consensusRounds = "consensus_rounds"
      case consensusConverged = "consensus_converged", inflows
    }
  }

  public struct CommunityPart: Sendable, Hashable, Codable {
    /// The identity: the same number in every period while the community goes on.
    public var id: Int
    public var size: Int
    /// Its people by department, most first (equal counts by name).
    public var departments: [DepartmentCount]
  }

  public struct FlowPart: Sendable, Hashable, Codable {
    /// The community of the previous period with communities.
    public var from: Int
    /// The community of this period.
    public var to: Int
    public var people: Int
  }

  public struct DepartmentCount: Sendable, Hashable, Codable {
    public var name: String
    public var people: Int
  }

  public struct EventPart: Sendable, Hashable, Codable {
    /// The later period's label.
    public var period: String
    /// `continue`, `merge`, `split`, `birth` or `death`.
    public var kind: CommunityEvent.Kind
    public var from: [Int]
    public var to: [Int]
    /// For `continue`: the Jaccard similarity of the two communities' people.
    @Null public var similarity: Double?
  }

  /// The first period with ties against the last.
  public struct ChangeSummary: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var organization: ChangePart
    public var groups: [ChangePart]
  }
}

extension TrendDocument {
  /// Removes a department from every department-level part (the report's suppressed group of
  /// small departments): its rows, its mixing, its people in the communities' department
  /// counts, and its change. The organization's figures still include its people.
  public mutating func leaveOut(department name: String) {
    for p in periods.indices {
      periods[p].groups.removeAll { $0.name == name }
      periods[p].mixing.removeAll { $0.from == name || $0.to == name }
      for c in periods[p].communities.indices { periods[p].communities[c].departments.removeAll { $0.name == name } }
    }
    change?.groups.removeAll { $0.name == name }
  }

  /// Leaves out every department-level figure of a department in a period where it has fewer
  /// than `minimum` people (the report's minimum cell size, applied per period): its row of
  /// that period, its mixing there, and its change when either end is such a period. The
  /// organization's figures still include its people.
  public mutating func leaveOutSmallGroups(minimum: Int) {
    guard minimum > 1 else { return }
    for p in periods.indices {
      let small = Set(periods[p].groups.filter { $0.size < minimum }.map(\.name))
      guard !small.isEmpty else { continue }
      periods[p].groups.removeAll { small.contains($0.name) }
      periods[p].mixing.removeAll { small.contains($0.from) || small.contains($0.to) }
    }
    change?.groups.removeAll { ($0.before?.people ?? minimum) < minimum || ($0.after?.people ?? minimum) < minimum }
  }
}

/// Which periods the report's "Change over time" section uses.
public enum TrendPeriods: Sendable, Hashable {
  /// Chosen from the log's dates (``SiloTrend/automaticPeriods(covering:)``).
  case automatic
  /// No such section.
  case none
  /// These periods.
  case period(PeriodSpec)
}
