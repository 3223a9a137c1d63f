import SiloGraph
import SiloIngest
import SiloMetrics

/// The JSON of `siloscope compare`: the organization and each department before and after,
/// the change in the share of ties kept inside, and whether it is beyond the uncertainty.
public struct ComparisonDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "compare"
  public var before: SidePart
  public var after: SidePart
  public var weighted: Bool
  public var seed: UInt64
  /// Bootstrap replicates per side (each side's projects resampled on their own); 0 for none.
  public var bootstrapReplicates: Int
  /// How the change test is made, in one sentence.
  public var test: String
  public var organization: ChangePart
  /// Every department of either side, by name; a department found on one side only has
  /// `null` on the other.
  public var groups: [ChangePart]
  /// Departments with people on one side only.
  public var onlyBefore: [String]
  public var onlyAfter: [String]
  /// People (matched by id) on both sides, and on one side only.
  public var peopleInBoth: Int
  public var peopleOnlyBefore: Int
  public var peopleOnlyAfter: Int
  public var warnings: [String]

  /// One side: what was read and the period it covers.
  public struct SidePart: Sendable, Hashable, Codable {
    /// The file, or the date range of the one log.
    public var source: String
    @Null public var start: LogDate?
    /// The last day.
    @Null public var end: LogDate?
    public var entries: Int
    public var people: Int
    public var ties: Int
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", command, before, after, weighted, seed
    case bootstrapReplicates = "bootstrap_replicates", test, organization, groups
    case onlyBefore = "only_before", onlyAfter = "only_after", peopleInBoth = "people_in_both"
    case peopleOnlyBefore = "people_only_before", peopleOnlyAfter = "people_only_after", warnings
  }
}

/// Two periods of an organization compared: two logs, or two date ranges of one log.
///
/// Each side is projected and measured on its own as ``SiloTrend`` measures a period, and
/// the change of every department present on both sides (matched by name) is tested as
/// SiloMetrics' `EIDifference` describes (the "before" bootstrap with the seed, the "after"
/// one with `seed ^ 0xD6E8FEB86659FD93`, so the two samples are independent). People are
/// matched by id, so keyed pseudonyms, which depend only on the key and the id, match too.
public enum SiloComparison {
  /// One side of a comparison: a log (or a part of one) and a name for it.
  public struct Side: Sendable {
    public var log: ProjectLog
    /// The file name or the date range, for the document.
    public var source: String
    /// The dates the side covers, when it is a range of one log.
    public var range: ClosedRange<LogDate>?

    public init(log: ProjectLog, source: String, range: ClosedRange<LogDate>? = nil) {
      self.log = log
      self.source = source
      self.range = range
    }

    /// The entries of `log` dated in `range`.
    public init(log whole: ProjectLog, range: ClosedRange<LogDate>) {
      let period = LogPeriod(start: range.lowerBound, end: LogDate(dayNumber: range.upperBound.dayNumber + 1), label: "")
      self.init(log: whole.restricted(to: period).log, source: "\(range.lowerBound)..\(range.upperBound)", range: range)
    }
  }

  /// Compares `before` with `after`.
  ///
  /// - Throws: ``AnalysisError/unsuitable(_:)`` when a side has no entries or no departments;
  ///   ``AnalysisError/input(_:)`` and ``AnalysisError/metric(_:)`` from the projection and
  ///   the measures.
  public static func compare(before: Side, after: Side, options: TemporalOptions) throws(AnalysisError) -> ComparisonDocument {
    for (side, name) in [(before, "before"), (after, "after")] where side.log.entryCount == 0 {
      throw .unsuitable("the \(name) side (\(side.source)) has no log entries: nothing to compare")
    }
    // People a people file lists without an entry on a side are not on that side, as in a
    // range of one log.
    let beforeLog = before.log.restrictedToPeopleWithEntries().log, afterLog = after.log.restrictedToPeopleWithEntries().log
    let b = try PeriodSnapshot.measure(
      beforeLog, period: nil, personInWholeLog: [], options: options, replicateSeed: options.seed,
      communities: false)
    let a = try PeriodSnapshot.measure(
      afterLog, period: nil, personInWholeLog: [], options: options,
      replicateSeed: options.seed ^ 0xD6E8_FEB8_6659_FD93, communities: false)
    let groups = ChangePart.departments(before: b, after: a)
    let beforePeople = Set(beforeLog.people), afterPeople = Set(afterLog.people)
    let inBoth = beforePeople.intersection(afterPeople).count
    func side(_ s: Side, _ snapshot: PeriodSnapshot) -> ComparisonDocument.SidePart {
      .init(
        source: s.source, start: s.range?.lowerBound ?? s.log.dateRange?.lowerBound,
        end: s.range?.upperBound ?? s.log.dateRange?.upperBound, entries: s.log.entryCount,
        people: snapshot.network.graph.nodeCount, ties: snapshot.network.graph.edgeCount)
    }
    return ComparisonDocument(
      before: side(before, b), after: side(after, a), weighted: options.weighted, seed: options.seed,
      bootstrapReplicates: options.bootstrapReplicates,
      test: options.bootstrapReplicates == 0
        ? "no test: the bootstrap was switched off"
        : "each side's projects resampled with replacement \(options.bootstrapReplicates) times on their own; "
          + "a change is beyond the uncertainty when the 95% percentile interval of after − before excludes 0; "
          + "it is named (opened or closed) when it is also at least 5 points of the share inside",
      organization: .organization(before: b, after: a), groups: groups,
      onlyBefore: groups.filter { $0.after == nil }.compactMap(\.name).sorted(),
      onlyAfter: groups.filter { $0.before == nil }.compactMap(\.name).sorted(),
      peopleInBoth: inBoth, peopleOnlyBefore: beforePeople.count - inBoth, peopleOnlyAfter: afterPeople.count - inBoth,
      warnings: [])
  }
}
