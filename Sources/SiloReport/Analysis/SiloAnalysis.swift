import Foundation
import SiloDesign
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// SiloScope's whole analysis as one library call: from a project log (or a network with
/// departments) to every number, finding and diagram of the consultant's report.
///
/// ```swift
/// var options = SiloAnalysis.Options()
/// options.pseudonymizer = Pseudonymizer(key: try PseudonymKey.load(file: "sleutel.txt", environment: [:]))
/// let result = try SiloAnalysis.run(source: .log(path: "uren-2025.csv", people: nil,
///                                                read: LogReadOptions(), projection: ProjectionOptions()),
///                                   options: options)
/// for finding in result.findings { print(finding.text) }
/// try ReportFolder(result).write(to: "rapport")
/// ```
///
/// The steps, each reported to ``Options/progress`` when given:
/// 1. read the input and project the log onto people (SiloIngest's `NetworkSource.load()`);
/// 2. replace names by keyed pseudonyms (``Options/pseudonymizer``) and merge departments
///    smaller than ``Options/minimumGroupSize``
///    (``SiloGraph/Network/mergingSmallDepartments(minimum:)``);
/// 3. the silo scorecard (SiloMetrics' `Network.siloScorecard(weighted:permutations:seed:threads:)`);
/// 4. communities (Leiden) against the departments;
/// 5. brokers: betweenness (exact up to ``Options/exactBetweennessLimit`` people, sampled
///    above), constraint, brokerage roles, cut points and what depends on the top brokers;
/// 6. the findings in plain language, each with the numbers it rests on;
/// 7. the diagrams (SVG, through Graphviz).
///
/// Everything is deterministic for a ``Options/seed``.
public enum SiloAnalysis {
  /// What the analysis does and how.
  public struct Options: Sendable {
    /// Use tie weights (strengths; shortest paths use 1/weight as length).
    public var weighted = true
    /// The seed of every random step (permutation test, communities, sampled betweenness,
    /// layouts).
    public var seed: UInt64 = 1
    /// Relabellings for the E-I permutation test.
    public var permutations = 1000
    /// Bootstrap replicates for the margins of the E-I (projects drawn again with replacement;
    /// ties for a network without projects); 0 for none.
    public var bootstrapReplicates = 1000
    /// How many top brokers the report follows.
    public var brokers = 10
    /// Exact betweenness up to this many people; above, KADABRA's guaranteed top brokers.
    public var exactBetweennessLimit = 10_000
    /// Sources for sampled betweenness (``BrokerAnalysis/Method/sampled``, not used by default).
    public var sampledSources = 256
    /// The error ε of KADABRA above ``exactBetweennessLimit`` (normalized scores).
    public var betweennessEpsilon = 0.01
    /// The probability δ that KADABRA claims too much.
    public var betweennessDelta = 0.1
    /// Threads for betweenness (the result does not depend on it).
    public var threads = 2
    /// The resolution γ of the community search (modularity).
    public var resolution = 1.0
    /// Departments with fewer people are merged into one group (and left out of every
    /// department-level output if that group is still smaller). 0 or 1 keeps all.
    public var minimumGroupSize = 5
    /// Replaces every person's id by a keyed pseudonym before anything is computed (and drops
    /// roles unless ``keepRole``).
    public var pseudonymizer: Pseudonymizer?
    /// With pseudonyms, keep each person's role (dropped by default: a role held by one person
    /// identifies them).
    public var keepRole = false
    /// Draw the diagrams (needs Graphviz).
    public var diagrams = true
    /// A heading for the report and the diagrams (organization, period).
    public var heading: String?
    /// The language of the report, the findings and the diagrams.
    public var language: ReportLanguage = .en
    /// The date the report states (in its header, its page footers and report.json);
    /// `nil` for today (UTC). Give one for a report that must be the same byte for byte on
    /// another day (the command line takes it from `SOURCE_DATE_EPOCH`).
    public var reportDate: LogDate?
    /// Whether report.json states how long the analysis took (`elapsed_seconds`); `false`
    /// for reports that must be the same byte for byte on every run.
    public var recordsTiming = true
    /// The periods of the "Change over time" section for a dated log: chosen from the log's
    /// dates (``SiloTrend/automaticPeriods(covering:)``), given, or none.
    public var trend = TrendPeriods.automatic
    /// The "Teams that would open the silos" section for a log (`TeamAdvisor`):
    /// what to propose; `nil` for none. Each proposal is measured by adding it to the log and
    /// scoring the organization again (one scorecard per team, and one for all).
    public var teams: TeamsOptions? = TeamsOptions()
    /// The "org chart and the real collaboration" section, when the people file (or node list)
    /// names managers: whether one top is expected (several tops are then an error), or `nil`
    /// to leave the section out and not read the reporting lines.
    public var reportingLines: ReportingLines? = .severalTops
    /// One department (by name, as in the input) the report is kept to: the unit, the units it
    /// has ties with, its people and the brokers in it or tied into it (``Focus``); every
    /// number is still computed on the whole organization. The teams must include it.
    public var focus: String?
    /// Called at the start and end of every step.
    public var progress: (@Sendable (AnalysisProgress) -> Void)?

    public init() {}
  }

  /// Runs the analysis on a log or a network read from files.
  ///
  /// - Throws: ``AnalysisError`` (wrapping `IngestError`, `MetricError`, `RenderError`)
  ///   for unreadable input and for inputs the analysis cannot be made of: no departments,
  ///   one department only, fewer than two people, no ties at all.
  public static func run(source: NetworkSource, options: Options = Options()) throws(AnalysisError) -> AnalysisResult {
    var clock = StepClock(progress: options.progress)
    let loaded: LoadedInput
    do {
      loaded = try clock.step(.reading, estimate: nil) { () throws(IngestError) in try source.load() }
    } catch {
      throw .input(error)
    }
    return try analyze(loaded: loaded, options: options, clock: &clock)
  }

  /// Runs the analysis on a network already in memory (a graph and its departments).
  ///
  /// Names are read under the rule every reader applies (SiloIngest's `Names`): ids,
  /// attribute values and department names are normalized first, so the outputs are the same
  /// as for the same network read from a file.
  ///
  /// - Throws: ``AnalysisError/unsuitable(_:)`` also when two people's ids, or two departments'
  ///   names, are the same name written in two ways.
  public static func run(network: Network, options: Options = Options()) throws(AnalysisError) -> AnalysisResult {
    var clock = StepClock(progress: options.progress)
    let loaded = LoadedInput(
      network: try network.withNormalizedNames(), projection: nil, projects: nil, dateRange: nil, reports: [], kind: .network)
    return try analyze(loaded: loaded, options: options, clock: &clock)
  }

  private static func analyze(loaded: LoadedInput, options: Options, clock: inout StepClock) throws(AnalysisError) -> AnalysisResult {
    let (guarded, focus, summaryShown) = try Self.prepared(loaded, options: options)
    let network = guarded.network, smallDepartments = guarded.smallDepartments
    var summary = summaryShown
    let (scorecard, silos, relabellings) = try Self.silos(
      network, affiliations: guarded.affiliations, options: options, clock: &clock,
      keepingRelabellings: options.teams != nil && loaded.kind == .log)
    // The teams are proposed and measured on another thread while the communities (one
    // thread) are found; the step reports the time waited for them after that.
    let pendingTeams = Background { () throws(AnalysisError) in
      try Self.teams(loaded, guarded: guarded, scorecard: scorecard, relabellings: relabellings, options: options)
    }
    // The other levels too, on one thread (the same numbers for any count), collected after
    // the change over time.
    let pendingLevels = Background { () throws(AnalysisError) in
      try Self.levels(network, grouping: loaded.grouping, scorecard: scorecard, options: options, threads: 1)
    }
    let (detection, communities) = try Self.communities(network, options: options, clock: &clock)
    let teams = try clock.step(.teams, estimate: nil) { () throws(AnalysisError) in try pendingTeams.value() }
    let (brokers, method) = try Self.brokers(network, options: options, clock: &clock)
    var brokersDocument = BrokersDocument(network: network, analysis: brokers, weighted: options.weighted)
    var silosDocument = silos, communitiesDocument = communities
    narrow(
      silos: &silosDocument, communities: &communitiesDocument, brokers: &brokersDocument, summary: &summary,
      smallDepartments: smallDepartments, focus: focus, ids: network.nodes.ids)
    // The diagrams (Graphviz, one thread) are drawn while the change over time is measured;
    // the step reports the time waited for them after that.
    let (silosShown, focusShown) = (silosDocument, focus)
    let pendingDrawings = Background { () throws(RenderError) -> [AnalysisResult.DrawnDiagram] in
      guard options.diagrams else { return [] }
      return try Self.drawings(
        network: network, options: options, brokers: brokers, detection: detection, silos: silosShown,
        smallDepartments: guarded.smallDepartments, personLevel: guarded.personLevel, grouping: loaded.grouping, focus: focusShown)
    }
    let trend = try clock.step(.trend, estimate: nil) { () throws(AnalysisError) in
      try Self.trend(loaded, options: options, smallDepartments: smallDepartments)
    }
    let levels = try clock.step(.levels, estimate: nil) { () throws(AnalysisError) in try pendingLevels.value() }
    let hierarchy = try clock.step(.hierarchy, estimate: nil) { () throws(AnalysisError) in
      try Self.hierarchy(network, personLevel: guarded.personLevel, options: options)
    }
    let findings = Findings.make(
      silos: silosDocument, communities: communitiesDocument, brokers: brokersDocument, trend: trend, teams: teams.0,
      hierarchy: hierarchy?.document, focused: focus != nil, language: options.language)

    let (diagrams, trendFigures) = try Self.figures(
      network, guarded: guarded, grouping: loaded.grouping, options: options, drawings: pendingDrawings,
      tree: hierarchy?.tree, trend: trend, clock: &clock)
    var result = AnalysisResult(
      network: network, personLevel: guarded.personLevel, summary: summary, pseudonymized: guarded.pseudonymized,
      smallDepartments: smallDepartments, scorecard: scorecard, silos: silosDocument, detection: detection,
      communities: communitiesDocument, brokers: brokers, brokersDocument: brokersDocument, trend: trend, teams: nil,
      teamsUnavailable: nil, findings: findings,
      diagrams: diagrams, options: AnalysisResult.Settings(options, method: method), elapsed: clock.elapsed)
    result.trendFigures = trendFigures
    result.hierarchy = hierarchy?.document
    result.levels = levels
    (result.teams, result.teamsUnavailable) = teams
    return result
  }

  /// The input as the analysis may see it: checked (the reporting lines on the names as
  /// given, so that a message can point at the rows to fix; they are measured after privacy,
  /// like everything else), then privacy first (``protected(_:options:)``), so that nothing
  /// after this point sees a name; the department in focus, and the summary as shown.
  private static func prepared(_ loaded: LoadedInput, options: Options) throws(AnalysisError) -> (
    guarded: Guarded, focus: Focus?, summary: NetworkSummary
  ) {
    try check(loaded.network, kind: loaded.kind)
    if let lines = options.reportingLines {
      do { _ = try loaded.reportingTree(oneTop: lines == .oneTop) } catch { throw .input(error) }
    }
    let guarded = try protected(loaded, options: options)
    let focus = try Self.focus(guarded.network, smallDepartments: guarded.smallDepartments, options: options)
    var summary = NetworkSummary(
      network: guarded.network, source: loaded.kind, projects: loaded.projects, dateRange: loaded.dateRange,
      projection: loaded.projection, inputs: loaded.reports, grouping: loaded.grouping)
    if guarded.pseudonymized { summary = PrivacyScrubber.scrubbed(summary) }
    return (guarded, focus, summary)
  }

  /// The documents as the report shows them: a department privacy merged away left out, and
  /// only the department in focus and its neighbourhood kept.
  private static func narrow(
    silos: inout SilosDocument, communities: inout CommunitiesDocument, brokers: inout BrokersDocument,
    summary: inout NetworkSummary, smallDepartments: SmallDepartments, focus: Focus?, ids: [String]
  ) {
    if smallDepartments.suppressed, let name = smallDepartments.mergedInto {
      PrivacyFilter.leaveOut(department: name, silos: &silos, communities: &communities, brokers: &brokers, summary: &summary)
    }
    focus?.filter(silos: &silos, communities: &communities, brokers: &brokers, summary: &summary, ids: ids)
  }

  /// The diagrams (step ``AnalysisStep/diagrams``), the org chart (not under pseudonyms: a
  /// place in it names its holder) and the figures of the change over time; none without
  /// ``Options/diagrams``.
  private static func figures(
    _ network: Network, guarded: Guarded, grouping: GroupingSummary?, options: Options,
    drawings: Background<[AnalysisResult.DrawnDiagram], RenderError>, tree: ReportingTree?, trend: TrendDocument?,
    clock: inout StepClock
  ) throws(AnalysisError) -> ([AnalysisResult.DrawnDiagram], [AnalysisResult.TrendFigure]) {
    guard options.diagrams else { return ([], []) }
    do {
      var diagrams = try clock.step(.diagrams, estimate: nil) { () throws(RenderError) in try drawings.value() }
      if let tree, !guarded.pseudonymized {
        diagrams.append(try orgChart(
          network, tree: tree, personLevel: guarded.personLevel, levels: grouping?.levels.map(\.attribute) ?? [], options: options))
      }
      let trendFigures = try trend.map { t throws(RenderError) in
        try TrendFigures.draw(t, language: options.language, minimumGroupSize: options.minimumGroupSize, seed: options.seed)
      } ?? []
      return (diagrams, trendFigures)
    } catch {
      throw .render(error)
    }
  }

  /// The network as the outputs may show it, with what privacy did to it.
  typealias Guarded = (
    network: Network, affiliations: ProjectAffiliations?, pseudonymized: Bool, smallDepartments: SmallDepartments,
    personLevel: [Bool]
  )

  /// The network as the outputs may show it: names replaced by pseudonyms (people renumbered
  /// by pseudonym, the projects' members with them) when asked for, departments below the
  /// minimum size merged, and who may appear in person-level outputs.
  ///
  /// - Throws: ``AnalysisError/unsuitable(_:)`` when merging leaves one group.
  static func protected(_ loaded: LoadedInput, options: Options) throws(AnalysisError) -> Guarded {
    var network = loaded.network
    var affiliations = loaded.affiliations
    if let pseudonymizer = options.pseudonymizer {
      // Renumbered by pseudonym: the input's order (often alphabetical by name) would
      // otherwise survive in every list of people.
      let units = Set((loaded.grouping?.levels.map(\.attribute) ?? []) + (loaded.grouping?.levels.isEmpty == false ? [UnitLevels.pathAttribute] : []))
      let sorted = pseudonymizer.apply(to: network, keepingRole: options.keepRole, units: units).sortedByID()
      network = sorted.network
      affiliations = affiliations?.renumbered(sorted.newIndex)
    }
    let merged = network.mergingSmallDepartments(minimum: options.minimumGroupSize)
    if merged.network.groups!.groupCount < 2 {
      throw .oneGroupAfterMerging(minimumGroupSize: options.minimumGroupSize)
    }
    // The members of a suppressed group appear in no person-level output.
    return (
      merged.network, affiliations, options.pseudonymizer != nil, merged.report, Self.personLevel(merged.network, merged.report)
    )
  }

  /// The proposed teams for a log, measured (step ``AnalysisStep/teams``); for a request no
  /// team can meet, the reason instead; neither for an edge list or without a request.
  static func teams(
    _ loaded: LoadedInput, guarded: (network: Network, affiliations: ProjectAffiliations?, pseudonymized: Bool, smallDepartments: SmallDepartments, personLevel: [Bool]),
    scorecard: SiloScorecard, relabellings: EIRelabellings?, options: Options
  ) throws(AnalysisError) -> (TeamsDocument?, TeamError?) {
    guard var teams = options.teams, loaded.kind == .log else { return (nil, nil) }
    // A focused report proposes teams that open its unit.
    if let focus = options.focus, teams.departments.isEmpty { teams.departments = [focus] }
    do {
      let whatIf = try TeamWhatIf(
        loaded: loaded, network: guarded.network, personLevel: guarded.personLevel, scorecard: scorecard,
        relabellings: relabellings, options: options, hours: teams.hours)
      return (try whatIf.propose(teams), nil)
    } catch .teams(let error) {
      return (nil, error)
    }
  }

  /// The communities (Leiden) and their document (step ``AnalysisStep/communities``).
  static func communities(
    _ network: Network, options: Options, clock: inout StepClock
  ) throws(AnalysisError) -> (CommunityDetection, CommunitiesDocument) {
    let graph = network.graph
    do {
      let detection = try clock.step(.communities, estimate: Estimate.communities(n: graph.nodeCount, m: graph.edgeCount)) {
        () throws(MetricError) in
        try Leiden(resolution: options.resolution, objective: .modularity, weighted: options.weighted)
          .communities(in: graph, seed: options.seed)
      }
      return (detection, try CommunitiesDocument(network: network, detection: detection, weighted: options.weighted))
    } catch {
      throw .metric(error)
    }
  }

  /// The brokers: betweenness exact up to ``Options/exactBetweennessLimit`` people, KADABRA's
  /// guaranteed top brokers above, and what depends on the top ones (step
  /// ``AnalysisStep/brokers``).
  static func brokers(
    _ network: Network, options: Options, clock: inout StepClock
  ) throws(AnalysisError) -> (BrokerAnalysis, BrokerAnalysis.Method) {
    let n = network.graph.nodeCount, m = network.graph.edgeCount
    let method: BrokerAnalysis.Method = n <= options.exactBetweennessLimit ? .exact : .kadabra
    var betweennessOptions = BetweennessOptions(
      distance: options.weighted ? .inverseWeight : .hops, normalized: true, threads: max(1, options.threads))
    betweennessOptions.ties = .exact
    do {
      let brokers = try clock.step(
        .brokers,
        estimate: Estimate.brokers(n: n, m: m, exact: method == .exact, weighted: options.weighted, threads: options.threads)
      ) { () throws(MetricError) in
        try BrokerAnalysis(
          network: network, top: options.brokers, options: betweennessOptions, method: method,
          samples: options.sampledSources, epsilon: options.betweennessEpsilon, delta: options.betweennessDelta,
          weighted: options.weighted, seed: options.seed)
      }
      return (brokers, method)
    } catch {
      throw .metric(error)
    }
  }

  /// The silo scorecard and its document, with the bootstrap margins when asked for
  /// (steps ``AnalysisStep/silos`` and ``AnalysisStep/bootstrap``).
  static func silos(
    _ network: Network, affiliations: ProjectAffiliations?, options: Options, clock: inout StepClock, keepingRelabellings: Bool = false
  ) throws(AnalysisError) -> (SiloScorecard, SilosDocument, EIRelabellings?) {
    let n = network.graph.nodeCount, m = network.graph.edgeCount
    do {
      let (scorecard, relabellings) = try clock.step(.silos, estimate: Estimate.silos(n: n, m: m, permutations: options.permutations)) {
        () throws(MetricError) in
        try Self.scorecard(network, options: options, keepingRelabellings: keepingRelabellings)
      }
      var document = try SilosDocument(network: network, scorecard: scorecard, warnings: [])
      if options.bootstrapReplicates > 0 {
        let bootstrap = try clock.step(.bootstrap, estimate: nil) { () throws(MetricError) in
          try network.graph.eiBootstrap(
            of: network.groups!, affiliations: affiliations, weighted: options.weighted, replicates: options.bootstrapReplicates,
            seed: options.seed, threads: max(1, options.threads))
        }
        document.add(bootstrap)
      }
      return (scorecard, document, relabellings)
    } catch {
      throw .metric(error)
    }
  }

  /// The silo scorecard as the analysis makes it, with the permutation test's relabellings
  /// kept when asked (for measuring what-if teams against the same relabellings).
  static func scorecard(
    _ network: Network, options: Options, keepingRelabellings: Bool
  ) throws(MetricError) -> (SiloScorecard, EIRelabellings?) {
    let threads = max(1, options.threads)
    guard keepingRelabellings, let groups = network.groups, !network.graph.isDirected else {
      let scorecard = try network.siloScorecard(
        weighted: options.weighted, permutations: options.permutations, seed: options.seed, threads: threads)
      return (scorecard, nil)
    }
    let relabellings = try network.graph.eiRelabellings(
      of: groups, weighted: options.weighted, permutations: options.permutations, seed: options.seed, threads: threads)
    return (try network.siloScorecard(weighted: options.weighted, test: relabellings.test), relabellings)
  }

  /// The "Change over time" part for a dated log: the periods ``Options/trend`` asks for,
  /// measured as ``SiloTrend`` does with the analysis' own settings, small departments merged
  /// as in the rest of the report (and a suppressed group left out), and a department's
  /// figures left out of any period in which it has fewer than ``Options/minimumGroupSize``
  /// people. `nil` for an edge list,
  /// a log without dates or fewer than two periods, or when no trend is asked for.
  static func trend(_ loaded: LoadedInput, options: Options, smallDepartments: SmallDepartments) throws(AnalysisError) -> TrendDocument? {
    guard let log = loaded.log, let projection = loaded.projectionOptions, let range = log.dateRange else { return nil }
    let spec: PeriodSpec
    switch options.trend {
    case .none: return nil
    case .period(let given): spec = given
    case .automatic:
      guard let chosen = SiloTrend.automaticPeriods(covering: range) else { return nil }
      spec = chosen
    }
    var temporal = TemporalOptions()
    temporal.periods = spec
    temporal.projection = projection
    temporal.weighted = options.weighted
    temporal.permutations = min(options.permutations, TemporalOptions().permutations)
    temporal.bootstrapReplicates = options.bootstrapReplicates
    temporal.seed = options.seed
    temporal.threads = max(1, options.threads)
    temporal.consensus.leiden.resolution = options.resolution
    temporal.consensus.leiden.weighted = options.weighted
    if let name = smallDepartments.mergedInto {
      for department in smallDepartments.merged { temporal.departmentRenaming[department.name] = name }
    }
    do {
      var document = try SiloTrend.compute(log: log, options: temporal)
      if smallDepartments.suppressed, let name = smallDepartments.mergedInto { document.leaveOut(department: name) }
      document.leaveOutSmallGroups(minimum: options.minimumGroupSize)
      return document
    } catch .unsuitable {
      return nil
    }
  }

  /// Refuses inputs the analysis cannot be made of, with what to do about it.
  static func check(_ network: Network, kind: InputKind) throws(AnalysisError) {
    let n = network.graph.nodeCount
    guard n >= 2 else {
      throw .unsuitable("the input has \(n == 1 ? "one person" : "no people"): a collaboration network needs at least two")
    }
    guard let groups = network.groups else {
      throw .noDepartments(source: kind)
    }
    guard groups.groupCount >= 2 else {
      throw .unsuitable("everyone is in one department (\(groups.name(of: 0))): silo measures compare departments")
    }
    guard network.graph.edgeCount > 0 else {
      throw .noTies
    }
  }

  /// Whether each person may appear in person-level outputs: `false` for the members of the
  /// group small departments were merged into when it is still below the minimum
  /// (``SmallDepartments/suppressed``).
  static func personLevel(_ network: Network, _ smallDepartments: SmallDepartments) -> [Bool] {
    let n = network.graph.nodeCount
    guard smallDepartments.suppressed, let name = smallDepartments.mergedInto, let groups = network.groups,
      let group = groups.names?.firstIndex(of: name)
    else { return [Bool](repeating: true, count: n) }
    return groups.membership.map { Int($0) != group }
  }

  private static func drawings(
    network whole: Network, options: Options, brokers: BrokerAnalysis, detection: CommunityDetection, silos: SilosDocument,
    smallDepartments: SmallDepartments, personLevel: [Bool], grouping: GroupingSummary?, focus: Focus?
  ) throws(RenderError) -> [AnalysisResult.DrawnDiagram] {
    var diagramOptions = DiagramOptions(seed: options.seed, heading: options.heading, language: options.language.diagramLanguage)
    diagramOptions.maximumPeople = 2_000
    // Person-level views draw the people who may be shown, with the values computed on the
    // whole network; the department map draws departments (the suppressed one left out).
    // With a focus: the unit's people and everybody tied to them.
    let shown = focus.map { f in zip(personLevel, f.neighbourhood).map { $0 && $1 } } ?? personLevel
    let (network, newNode) = whole.keeping(shown)
    let metrics = DiagramMetrics(
      betweenness: brokers.betweenness, holes: brokers.holes, brokers: brokers.top, communities: detection
    ).keeping(shown, newNode: newNode)
    // With levels below the top analysed, the top level's map and one per top-level unit
    // take the department map's place.
    let levelMaps = focus != nil ? nil : try Self.levelMaps(whole, grouping: grouping, silos: silos, smallDepartments: smallDepartments, options: options)
    var drawn: [AnalysisResult.DrawnDiagram] = levelMaps ?? []
    let w = options.language.wording
    let plan: [(DiagramView, String, String)] = [
      (.departments, "departments.svg", w.caption("departments")),
      (.people, "people.svg", w.caption("people")),
      (.communities, "communities.svg", w.caption("communities")),
      (.ego, "top-broker.svg", w.caption("ego")),
    ]
    let n = network.graph.nodeCount
    for (view, file, caption) in plan {
      // Above the person-level limit the people and communities views would repeat the
      // department map; it is drawn once.
      if (view == .people || view == .communities) && n > diagramOptions.maximumPeople { continue }
      if view == .ego && metrics.brokers.isEmpty { continue }
      if view == .departments && levelMaps != nil { continue }
      var request = DiagramRequest(view: view, options: diagramOptions)
      request.weighted = options.weighted
      request.brokers = min(5, options.brokers)
      request.weightMeaning = diagramOptions.language.term(.tieWeight)
      let fitted: (diagram: Diagram, svg: [UInt8])
      if view == .departments {
        var map = try whole.departmentMap(weighted: options.weighted, weightMeaning: diagramOptions.language.term(.tieWeight))
        map.verdicts = verdicts(of: map.names, in: silos, wording: w)
        if smallDepartments.suppressed, let name = smallDepartments.mergedInto {
          map = map.leavingOut(name, footnote: w.leftOutFootnote(name, minimum: smallDepartments.minimumSize))
        } else if let name = smallDepartments.mergedInto {
          map.footnote = w.mergedFootnote(name, count: smallDepartments.merged.count, minimum: smallDepartments.minimumSize)
        }
        if let focus { map = map.keeping(map.names.indices.filter { focus.units.contains(map.names[$0]) }, footnote: nil) }
        fitted = try Diagram.departments(map, options: diagramOptions).fittedSVG(to: .reportPage)
      } else {
        fitted = try network.diagram(request, metrics: metrics).fittedSVG(to: .reportPage)
      }
      drawn.append(.init(file: file, caption: caption, view: view, diagram: fitted.diagram, svg: fitted.svg))
    }
    return drawn
  }
}

extension SiloAnalysis {
  /// The focus of ``Options/focus`` on the protected network.
  ///
  /// - Throws: ``AnalysisError/unknownFocus(_:departments:mergedInto:)`` for a name that is
  ///   no department there (or one privacy merged away).
  static func focus(_ network: Network, smallDepartments: SmallDepartments, options: Options) throws(AnalysisError) -> Focus? {
    guard let name = options.focus else { return nil }
    if let focus = Focus(unit: name, network: network), !(smallDepartments.suppressed && name == smallDepartments.mergedInto) {
      return focus
    }
    let merged = smallDepartments.merged.contains { $0.name == name } ? smallDepartments.mergedInto : nil
    let names = network.groups.map { g in (0 ..< g.groupCount).map(g.name(of:)) } ?? []
    throw .unknownFocus(name, departments: names.sorted(), mergedInto: merged)
  }

  /// The reporting lines of the protected network (pseudonyms map one to one, so they form
  /// the tree checked before privacy) and their measures; `nil` without managers or when
  /// ``Options/reportingLines`` is `nil`.
  static func hierarchy(
    _ network: Network, personLevel: [Bool], options: Options
  ) throws(AnalysisError) -> (tree: ReportingTree, document: HierarchyDocument)? {
    let pseudonymized = options.pseudonymizer != nil
    guard let lines = options.reportingLines, network.nodes.attributeColumn(NodeAttribute.manager) != nil else { return nil }
    let tree: ReportingTree
    do {
      tree = try ReportingTree(nodes: network.nodes, oneTop: lines == .oneTop)
    } catch {
      throw .unsuitable("the reporting lines do not form a tree after privacy: \(error)")
    }
    guard tree.chartSize > 0 else { return nil }
    let measures = network.hierarchyMeasures(tree: tree, weighted: options.weighted)
    return (tree, HierarchyDocument(measures, network: network, shown: personLevel, pseudonymized: pseudonymized))
  }

  /// The org chart with the collaboration over it, fitted to the report's page.
  static func orgChart(
    _ network: Network, tree: ReportingTree, personLevel: [Bool], levels: [String], options: Options
  ) throws(RenderError) -> AnalysisResult.DrawnDiagram {
    let language = options.language
    let diagramOptions = DiagramOptions(seed: options.seed, heading: options.heading, language: language.diagramLanguage)
    let input = network.orgChartInput(
      tree: tree, weighted: options.weighted, weightMeaning: diagramOptions.language.term(.tieWeight),
      wording: language.hierarchyWording, shown: personLevel, levels: levels)
    let fitted = try Diagram.orgChart(input, options: diagramOptions).fittedSVG(to: .reportPage)
    return .init(
      file: "org-chart.svg", caption: language.wording.caption(DiagramView.orgChart.rawValue), view: .orgChart,
      diagram: fitted.diagram, svg: fitted.svg)
  }

  /// The scorecard's verdict of each department of the map, in the report's words, matched by
  /// name; `nil` for a department the scorecard has no verdict for (an undefined E-I, or left
  /// out). The map names the verdict at the measured E-I (short enough to sit in the circle);
  /// the scorecard beside it adds the margin ("silo or inward").
  static func verdicts(of names: [String], in silos: SilosDocument, wording w: any ReportWording) -> [DepartmentVerdict?] {
    let byName = Dictionary(silos.groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    return names.map { name in
      guard let group = byName[name], let verdict = group.verdict else { return nil }
      return DepartmentVerdict(word: w.verdict(verdict), isSilo: verdict == .silo)
    }
  }
}

/// A step of the analysis, for progress reports.
/// Whether the reporting lines of a people file must have one top.
public enum ReportingLines: String, Sendable, Hashable, Codable, CaseIterable {
  /// One person at the top; several tops are an error (for a file that must hold one whole
  /// organization).
  case oneTop = "one"
  /// Any number of tops: a board of several, or a file of part of an organization (the
  /// default: a missing row shows as a manager who is not in the file, not as a second top).
  case severalTops = "several"
}

public enum AnalysisStep: String, Sendable, Hashable, CaseIterable {
  case reading = "reading the input"
  case silos = "silo scorecard (E-I permutation test)"
  case bootstrap = "margins of the E-I (bootstrap)"
  case communities = "communities (Leiden)"
  case brokers = "brokers (betweenness, constraint, brokerage, dependence)"
  case trend = "change over time (periods, communities)"
  case teams = "teams that would open the silos (advisor, what-if; alongside the communities)"
  case hierarchy = "the org chart against the collaboration"
  case levels = "the other levels of the organization (alongside the communities and brokers)"
  case diagrams = "diagrams (Graphviz; alongside the change over time)"
  case writing = "writing the report"
}

/// A progress event: a step starts (with an estimate of its duration, when one can be made)
/// or ends (with its duration). Times are seconds since the analysis started.
public struct AnalysisProgress: Sendable, Hashable {
  public var step: AnalysisStep
  public var finished: Bool
  /// Seconds since the start of the analysis.
  public var elapsed: Double
  /// For a starting step: its expected duration in seconds; for a finished one, its duration.
  public var seconds: Double?

  public init(step: AnalysisStep, finished: Bool, elapsed: Double, seconds: Double?) {
    self.step = step
    self.finished = finished
    self.elapsed = elapsed
    self.seconds = seconds
  }
}

/// Why an analysis could not be made.
public enum AnalysisError: Error, Sendable, CustomStringConvertible {
  case input(IngestError)
  case metric(MetricError)
  case render(RenderError)
  case privacy(PrivacyError)
  case output(OutputError)
  /// The input is readable but the analysis cannot be made of it.
  case unsuitable(String)
  /// The input has no departments: a log without a department column and no people file, or
  /// a network without a group attribute.
  case noDepartments(source: InputKind)
  /// Merging the departments smaller than `minimumGroupSize` people (for privacy) leaves one
  /// group.
  case oneGroupAfterMerging(minimumGroupSize: Int)
  /// No two people share a project: the network has no tie.
  case noTies
  /// The dated entries fall in one period, and a trend needs two.
  case onePeriod(first: LogDate, last: LogDate)
  /// The team advisor or the simulation cannot do what was asked.
  case teams(TeamError)
  /// ``SiloAnalysis/Options/focus`` names no department of the (privacy-merged) network:
  /// the name given, the departments there are, and the group it was merged into when privacy
  /// merged it.
  case unknownFocus(String, departments: [String], mergedInto: String?)

  public var description: String {
    switch self {
    case .input(let error): return error.description
    case .metric(let error): return error.description
    case .render(let error): return error.description
    case .privacy(let error): return error.description
    case .output(let error): return error.description
    case .unsuitable(let message): return message
    case .noDepartments(let source):
      return source == .log
        ? "no departments: the log has no department column and no people file was given"
        : "no departments: the network has no department or group attribute"
    case .oneGroupAfterMerging(let minimum):
      return "after merging departments smaller than \(minimum) people there is one group left: silo measures compare "
        + "departments; a smaller minimum group size keeps more of them (privacy permitting)"
    case .noTies:
      return "there are no ties at all: no two people share a project (check the project column, the minimum weight and the date window)"
    case .onePeriod(let first, let last):
      return "the dated entries (\(first) to \(last)) fall in one period: a trend needs at least two; choose shorter periods or rolling windows"
    case .teams(let error): return TeamsText.describe(error)
    case .unknownFocus(let name, let departments, let mergedInto):
      if let mergedInto { return "the department \"\(name)\" is merged into \"\(mergedInto)\" for privacy: it cannot be the focus on its own" }
      let shown = departments.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ") + (departments.count > 10 ? " and \(departments.count - 10) more" : "")
      return "there is no department \"\(name)\" to focus on (names are matched exactly); the departments: \(shown)"
    }
  }

  /// What kind of failure this is: the wrapped error's kind, or (unsuitable data, a measure
  /// the data cannot give) invalid data, or (a focus that is not a department) a wrong
  /// request.
  public var kind: FailureKind {
    switch self {
    case .input(let error): return error.kind
    case .metric(let error): return error.kind
    case .render(let error): return error.kind
    case .privacy(let error): return error.kind
    case .output(let error): return error.kind
    case .unsuitable, .noDepartments, .oneGroupAfterMerging, .noTies, .onePeriod: return .invalidData
    case .teams(let error): return error.kind
    case .unknownFocus: return .invalidRequest
    }
  }
}

/// Times the steps and reports them.
struct StepClock {
  let progress: (@Sendable (AnalysisProgress) -> Void)?
  let start = ContinuousClock.now

  var elapsed: Double { (ContinuousClock.now - start).inSeconds }

  func step<T, E: Error>(_ step: AnalysisStep, estimate: Double?, _ body: () throws(E) -> T) throws(E) -> T {
    let begin = ContinuousClock.now
    progress?(AnalysisProgress(step: step, finished: false, elapsed: elapsed, seconds: estimate))
    let value = try body()
    progress?(AnalysisProgress(step: step, finished: true, elapsed: elapsed, seconds: (ContinuousClock.now - begin).inSeconds))
    return value
  }


}

/// Work started on another thread, its result (or error) taken when needed.
final class Background<Value: Sendable, Failure: Error>: @unchecked Sendable {
  private var result: Result<Value, Failure>?
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
    DispatchQueue.global().async {
      self.result = Result { () throws(Failure) in try work() }
      self.done.signal()
    }
  }

  /// Waits for the work and returns its value or throws its error.
  func value() throws(Failure) -> Value {
    done.wait()
    return try result!.get()
  }
}

/// Rough durations of the steps on a 2-core machine of 2026, calibrated on the programs in
/// Tests/Benchmarks (`run.sh silos`, `brokers`, `bootstrap`, `topk`), so that a consultant
/// knows whether to wait or come back.
enum Estimate {
  static func silos(n: Int, m: Int, permutations: Int) -> Double? {
    let seconds = Double(permutations) * Double(n + m) * 4e-9 + Double(m) * 5e-8
    return seconds >= 1 ? seconds : nil
  }

  static func communities(n: Int, m: Int) -> Double? {
    let seconds = Double(m) * 2.5e-6
    return seconds >= 1 ? seconds : nil
  }

  static func brokers(n: Int, m: Int, exact: Bool, weighted: Bool, threads: Int) -> Double? {
    // Exact: weighted Dijkstra from every source, about 2.5e-8 s per node-tie pair on one
    // core. KADABRA: about 25,000 sampled paths at ε = 0.01, each a search from both ends
    // costing about 1e-9 s (weighted) or 5e-11 s (hops) per node-tie pair of the whole graph
    // (Tests/Benchmarks TopBrokers on the peers' 10,000- and 100,000-person graphs).
    let size = Double(n + 2 * m), cores = Double(max(1, min(threads, 2)))
    let betweenness = exact ? Double(n) * size * 2.5e-8 : 25_000 * size * (weighted ? 1e-9 : 5e-11)
    let seconds = betweenness / cores + Double(m) * 2e-6
    return seconds >= 1 ? seconds : nil
  }

}

extension Duration {
  /// The duration in seconds, for progress lines.
  package var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension Network {
  /// The network with its ids, attribute values and group names normalized as the readers
  /// normalize names (SiloIngest's `Names.normalized(_:)`).
  ///
  /// - Throws: ``AnalysisError/unsuitable(_:)`` when two ids or two group names become one.
  func withNormalizedNames() throws(AnalysisError) -> Network {
    let ids = nodes.ids.map(Names.normalized)
    if Set(ids).count != ids.count || ids.contains("") {
      throw .unsuitable("two people's ids are the same name written in two ways (Unicode form, invisible characters or spaces), or an id is empty")
    }
    var table = NodeTable(ids: ids)
    for name in nodes.attributeNames {
      table.setAttributeColumn(Names.normalized(name), nodes.attributeColumn(name)!.map { $0.map(Names.normalized) })
    }
    var normalizedGroups = groups
    if let groups, let names = groups.names {
      let normalized = names.map(Names.normalized)
      if Set(normalized).count != normalized.count {
        throw .unsuitable("two departments are the same name written in two ways (Unicode form, invisible characters or spaces)")
      }
      normalizedGroups = Partition(
        membership: groups.membership, groupCount: groups.groupCount, names: normalized, unassignedGroup: groups.unassignedGroup)
    }
    return Network(graph: graph, nodes: table, groups: normalizedGroups)
  }
}
