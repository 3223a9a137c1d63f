import SiloGraph
import SiloIngest
import SiloMetrics

/// Silos over time: a log measured period by period, with communities that keep their
/// identity across periods.
///
/// For each period (``TemporalOptions/periods``) the log's entries dated in it are projected
/// on their own (the file is read once; SiloIngest's `ProjectLog.restricted(to:)`), over the
/// people with an entry in the period, each in the department the whole log gives them. Each
/// period gets the silo scorecard (as `silos`), the bootstrap intervals of its E-I (projects
/// of the period resampled), and consensus communities (SiloMetrics' `ConsensusCommunities`),
/// which `CommunityTracker` follows from period to period. The change from the first period
/// with ties to the last is tested as SiloMetrics' `EIDifference` describes.
///
/// Deterministic: the same log and options give the same document, for any number of
/// threads. Period p's bootstrap uses the seed `seed ^ ((p + 1) · 0xD6E8FEB86659FD93)`, so
/// that periods are independent samples.
public enum SiloTrend {
  /// Measures `log` period by period.
  ///
  /// - Throws: ``AnalysisError/unsuitable(_:)`` when the log has no dated entry, no
  ///   departments, or dates that fall in fewer than two periods; ``AnalysisError/input(_:)``
  ///   for an empty date window (`to` before `from`), and from the projection;
  ///   ``AnalysisError/metric(_:)`` from the measures.
  /// - Complexity: per period, O(*E*) to select its entries plus the projection, the
  ///   scorecard, the bootstrap and the consensus of that period.
  public static func compute(log: ProjectLog, options: TemporalOptions) throws(AnalysisError) -> TrendDocument {
    let periods = try Self.periods(of: log, options: options)
    var snapshots: [PeriodSnapshot?] = []
    for (p, period) in periods.enumerated() {
      let part = log.restricted(to: period)
      if part.log.entryCount == 0 {
        snapshots.append(nil)
        continue
      }
      snapshots.append(try PeriodSnapshot.measure(
        part.log, period: period, personInWholeLog: part.personInWholeLog, options: options,
        replicateSeed: periodSeed(options.seed, p)))
    }
    let members = snapshots.map { $0?.trackedCommunities ?? [] }
    let tracked = options.tracker.track(members)
    var parts: [TrendDocument.PeriodPart] = []
    var previous: Int? = nil
    for (p, period) in periods.enumerated() {
      var part = try periodPart(period, snapshots[p], ids: tracked.ids[p], options: options, seed: periodSeed(options.seed, p))
      if let q = previous, !members[p].isEmpty {
        part.inflows = flows(from: members[q], ids: tracked.ids[q], to: members[p], ids: tracked.ids[p])
      }
      if !members[p].isEmpty { previous = p }
      parts.append(part)
    }
    let withTies = snapshots.compactMap { $0 }.filter { $0.network.graph.edgeCount > 0 }
    var change: TrendDocument.ChangeSummary? = nil
    if withTies.count >= 2, let first = withTies.first, let last = withTies.last {
      change = .init(
        from: first.period!.label, to: last.period!.label, organization: .organization(before: first, after: last),
        groups: ChangePart.departments(before: first, after: last))
    }
    var warnings: [String] = []
    let undated = log.undatedEntries
    if undated > 0 { warnings.append("\(undated) entries without a date are in no period and left out") }
    let spec = kind(options.periods)
    return TrendDocument(
      periodKind: spec.kind, windowDays: spec.window, stepDays: spec.step,
      weighted: options.weighted, seed: options.seed, communityMethod: method(options), bootstrapReplicates: options.bootstrapReplicates,
      periods: parts,
      events: tracked.events.map {
        .init(period: periods[$0.period].label, kind: $0.kind, from: $0.from, to: $0.to, similarity: $0.similarity)
      },
      change: change, undatedEntries: undated, warnings: warnings)
  }

  /// The periods of the log's dated entries (within the projection's `from`/`to`).
  static func periods(of log: ProjectLog, options: TemporalOptions) throws(AnalysisError) -> [LogPeriod] {
    if let from = options.projection.from, let to = options.projection.to, to < from {
      throw .input(.emptyDateWindow(from: from, to: to))
    }
    guard var range = log.dateRange else {
      throw .unsuitable("no entry of the log has a date: a trend needs dated entries (a date column)")
    }
    if let from = options.projection.from { range = max(from, range.lowerBound) ... max(from, range.upperBound) }
    if let to = options.projection.to { range = min(to, range.lowerBound) ... min(to, range.upperBound) }
    // Periods cut by the window keep their label and lose the days outside it.
    let periods = options.periods.periods(covering: range).map { period in
      LogPeriod(
        start: max(period.start, options.projection.from ?? period.start),
        end: min(period.end, options.projection.to.map { LogDate(dayNumber: $0.dayNumber + 1) } ?? period.end),
        label: period.label)
    }
    guard periods.count >= 2 else {
      throw .onePeriod(first: range.lowerBound, last: range.upperBound)
    }
    return periods
  }

  /// The periods a report uses for a log whose dates span `range`: the longest calendar unit
  /// (year, quarter, month) that gives at least three periods, else months when they give two,
  /// else `nil` (all dates in one month). Three points show a direction; two only a difference.
  public static func automaticPeriods(covering range: ClosedRange<LogDate>) -> PeriodSpec? {
    for unit in [PeriodSpec.CalendarUnit.year, .quarter, .month] where PeriodSpec.calendar(unit).periods(covering: range).count >= 3 {
      return .calendar(unit)
    }
    return PeriodSpec.calendar(.month).periods(covering: range).count == 2 ? .calendar(.month) : nil
  }

  static func periodSeed(_ seed: UInt64, _ p: Int) -> UInt64 { seed ^ (UInt64(p + 1) &* 0xD6E8_FEB8_6659_FD93) }

  static func kind(_ spec: PeriodSpec) -> (kind: String, window: Int?, step: Int?) {
    switch spec {
    case .calendar(let unit): return (unit.rawValue, nil, nil)
    case .rolling(let window, let step): return ("rolling", window, step)
    }
  }

  static func method(_ options: TemporalOptions) -> TrendDocument.CommunityMethodPart {
    .init(
      method: "leiden-consensus", runs: options.consensus.runs, consensusThreshold: options.consensus.threshold,
      maximumRounds: options.consensus.maximumRounds, matching: "jaccard", matchThreshold: options.tracker.threshold,
      resolution: options.consensus.leiden.resolution)
  }

  /// One period's part of the document.
  static func periodPart(
    _ period: LogPeriod, _ snapshot: PeriodSnapshot?, ids: [Int], options: TemporalOptions, seed: UInt64
  ) throws(AnalysisError) -> TrendDocument.PeriodPart {
    guard let snapshot else {
      return .init(
        label: period.label, start: period.start, end: period.end, entries: 0, people: 0, ties: 0, graph: nil, groups: [],
        mixing: [], communities: [], communityModularity: nil, consensusRounds: 0, consensusConverged: true)
    }
    var silos: SilosDocument
    do {
      silos = try SilosDocument(network: snapshot.network, scorecard: snapshot.scorecard)
    } catch {
      throw .metric(error)
    }
    if let bootstrap = snapshot.bootstrap(seed: seed, weighted: options.weighted) { silos.add(bootstrap) }
    let graph = snapshot.network.graph
    return .init(
      label: period.label, start: period.start, end: period.end, entries: snapshot.entries, people: graph.nodeCount,
      ties: graph.edgeCount, graph: silos.graph, groups: silos.groups, mixing: silos.mixing,
      communities: communityParts(snapshot, ids: ids),
      communityModularity: graph.edgeCount > 0 ? snapshot.communities.flatMap { defined($0.modularity) } : nil,
      consensusRounds: snapshot.communities?.rounds ?? 0, consensusConverged: snapshot.communities?.converged ?? true)
  }

  /// People in both periods, counted by their community in each (pairs of identities with at
  /// least one person), ordered by the identities.
  static func flows(from before: [[Int32]], ids beforeIDs: [Int], to after: [[Int32]], ids afterIDs: [Int]) -> [TrendDocument.FlowPart] {
    var communityOf: [Int32: Int] = [:]
    for (c, people) in before.enumerated() { for person in people { communityOf[person] = beforeIDs[c] } }
    var counts: [Int: Int] = [:]
    for (c, people) in after.enumerated() {
      for person in people {
        if let from = communityOf[person] { counts[from << 32 | afterIDs[c], default: 0] += 1 }
      }
    }
    return counts.keys.sorted().map { .init(from: $0 >> 32, to: $0 & 0xFFFF_FFFF, people: counts[$0]!) }
  }

  /// The tracked communities with their identities and departments.
  static func communityParts(_ snapshot: PeriodSnapshot, ids: [Int]) -> [TrendDocument.CommunityPart] {
    let network = snapshot.network
    let graph = network.graph
    guard let partition = snapshot.communities?.partition else { return [] }
    var counts = [[String: Int]](repeating: [:], count: partition.groupCount)
    for v in 0 ..< graph.nodeCount where graph.degree(of: NodeID(v)) > 0 {
      let department = network.groups.map { $0.name(of: $0.group(of: NodeID(v))) } ?? Network.noGroupName
      counts[partition.group(of: NodeID(v))][department, default: 0] += 1
    }
    let tracked = counts.filter { !$0.isEmpty }
    return zip(ids, tracked).map { id, departments in
      .init(
        id: id, size: departments.values.reduce(0, +),
        departments: departments.map { .init(name: $0.key, people: $0.value) }.sorted { ($1.people, $0.name) < ($0.people, $1.name) })
    }
  }
}
