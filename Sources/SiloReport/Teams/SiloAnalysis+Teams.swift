import SiloDesign
import SiloGraph
import SiloIngest
import SiloMetrics

extension SiloAnalysis {
  /// `siloscope teams`: reads and analyses the log as ``run(source:options:)`` does (scorecard
  /// only), proposes teams (`TeamAdvisor`) and measures the organization with
  /// each team, and with all, added to the log.
  ///
  /// - Throws: ``AnalysisError``; ``AnalysisError/teams(_:)`` for a request that cannot be met
  ///   or an input that is not a log.
  public static func proposeTeams(source: NetworkSource, teams: TeamsOptions, options: Options) throws(AnalysisError) -> TeamsDocument {
    let whatIf = try prepare(source: source, options: options, hours: teams.hours)
    return try whatIf.propose(teams)
  }

  /// `siloscope simulate`: the given teams (people by name as in the log, or by pseudonym)
  /// added to the log, with the scorecard and the top brokers before and after.
  ///
  /// - Parameters:
  ///   - source: the log (and people file) the teams are added to.
  ///   - teams: each team's people, by id as in the log or by pseudonym.
  ///   - request: the reach the members' reasons use and the objective reported.
  ///   - hours: hours per member on each team's project; `nil` for the log's typical hours.
  ///   - brokers: also recompute the top brokers before and after.
  ///   - options: the analysis settings the measures use (as `analyze`).
  public static func simulateTeams(
    source: NetworkSource, teams: [[String]], request: TeamRequest = TeamRequest(), hours: Double? = nil, brokers: Bool = true,
    options: Options
  ) throws(AnalysisError) -> TeamsDocument {
    let whatIf = try prepare(source: source, options: options, hours: hours)
    let given: [[NodeID]]
    do {
      given = try whatIf.names.teams(teams)
    } catch {
      throw .teams(error)
    }
    if let hidden = given.joined().first(where: { !whatIf.personLevel[$0.index] }) {
      throw .teams(.personHidden(whatIf.network.nodes[hidden]))
    }
    return try whatIf.document(command: "simulate", teams: given, advice: nil, request: request, resolved: nil, brokers: brokers)
  }

  /// Reads the input and computes what the what-if steps start from.
  private static func prepare(source: NetworkSource, options: Options, hours: Double?) throws(AnalysisError) -> TeamWhatIf {
    let clock = StepClock(progress: options.progress)
    let loaded: LoadedInput
    do {
      loaded = try clock.step(.reading, estimate: nil) { () throws(IngestError) in try source.load() }
    } catch {
      throw .input(error)
    }
    guard loaded.kind == .log else { throw .teams(.needsLogWithDepartments) }
    try check(loaded.network, kind: loaded.kind)
    let guarded = try protected(loaded, options: options)
    let scorecard: SiloScorecard, relabellings: EIRelabellings?
    do {
      (scorecard, relabellings) = try clock.step(.silos, estimate: nil) { () throws(MetricError) in
        try Self.scorecard(guarded.network, options: options, keepingRelabellings: true)
      }
    } catch {
      throw .metric(error)
    }
    return try TeamWhatIf(
      loaded: loaded, network: guarded.network, personLevel: guarded.personLevel, scorecard: scorecard,
      relabellings: relabellings, options: options, hours: hours)
  }
}

extension TeamWhatIf {
  /// The advisor's teams for `teams`, measured.
  func propose(_ teams: TeamsOptions) throws(AnalysisError) -> TeamsDocument {
    let request: TeamRequest, notFound: Int, advice: TeamAdvice
    do {
      (request, notFound) = try names.resolve(teams)
      advice = try TeamAdvisor.propose(
        network: network, request: request, model: tieModel(size: request.size), weighted: options.weighted, eligible: personLevel)
    } catch {
      throw .teams(error)
    }
    return try document(
      command: "teams", teams: advice.teams.map { $0.members.map(\.node) }, advice: advice, request: request,
      resolved: (notFound, teams.only?.count), brokers: false)
  }

  /// The document for `teams`: reasons, measures before, after each team alone and after all.
  func document(
    command: String, teams: [[NodeID]], advice: TeamAdvice?, request: TeamRequest, resolved: (notFound: Int, only: Int?)?,
    brokers: Bool
  ) throws(AnalysisError) -> TeamsDocument {
    let groups = network.groups!
    let objective = request.objective
    var proposed = advice?.teams ?? []
    if advice == nil {
      do {
        proposed = try TeamAdvisor.describe(teams, network: network, request: request, model: tieModel(size: 2), weighted: options.weighted)
      } catch {
        throw .teams(error)
      }
    }
    let before = try measures(of: network, objective: objective, departments: request.departments)
    let numbered = teams.enumerated().map { (index: $0.offset + 1, members: $0.element) }
    let sets = (teams.count > 1 ? [numbered] : []) + numbered.map { [$0] }
    let afters = try measures(after: sets, objective: objective, departments: request.departments)
    let all = afters[0]
    let single = teams.count > 1 ? Array(afters.dropFirst()) : afters
    let touched = Array(Set(proposed.flatMap(\.departments))).sorted()
    let brokersBefore = brokers ? try topBrokers(network) : nil
    let brokersAfter = brokers ? try topBrokers(all.0) : nil
    let wording = options.language.teamsWording
    let numbers = options.language.numbers
    return TeamsDocument(
      command: command, objective: objective, objectiveText: wording.objective(objective), submodular: objective.isSubmodular,
      exhaustive: advice?.exhaustive, guarantee: advice.map { wording.guarantee(submodular: $0.submodular, exhaustive: $0.exhaustive) },
      request: advice.map { requestPart($0, request: request, resolved: resolved) },
      hours: hours, date: day == ProjectLog.noDay ? nil : LogDate(dayNumber: day),
      before: .init(before, departments: touched, brokers: brokersBefore), after: .init(all.1, departments: touched, brokers: brokersAfter),
      gain: defined(before.objective - all.1.objective),
      teams: proposed.enumerated().map { i, team in
        let departments = team.departments
        return TeamsDocument.TeamPart(
          index: i + 1, project: projectName(i + 1), members: team.members.map { memberPart($0, before: before, request: request) },
          departments: departments.map { groups.name(of: $0) }, modelGain: advice == nil ? nil : defined(team.modelGain),
          before: .init(before, departments: departments), after: .init(single[i].1, departments: departments),
          gain: defined(before.objective - single[i].1.objective))
      },
      note: wording.structuralNote(hours: hours == hours.rounded() && hours < 1e9 ? numbers.integer(Int(hours)) : numbers.fixed(hours, 1)))
  }

  private func requestPart(_ advice: TeamAdvice, request: TeamRequest, resolved: (notFound: Int, only: Int?)?) -> TeamsDocument.RequestPart {
    TeamsDocument.RequestPart(
      teams: request.teams, size: request.size, maxPerDepartment: request.maximumPerDepartment,
      minDepartments: advice.minimumDepartments, reach: request.reach,
      departments: request.departments.sorted().map { network.groups!.name(of: $0) },
      excluded: request.excluded.count + (resolved?.notFound ?? 0), excludedNotFound: resolved?.notFound ?? 0,
      only: resolved?.only, pool: advice.pool)
  }

  private func memberPart(_ member: ProposedTeam.Member, before: TeamMeasures, request: TeamRequest) -> TeamsDocument.MemberPart {
    let groups = network.groups!
    let id = { (node: NodeID) in network.nodes[node] }
    let joins = member.joins.map { groups.name(of: $0) }, secures = member.secures.map { groups.name(of: $0) }
    let share = options.language.numbers.percent(before.departments[member.department].shareInside)
    return TeamsDocument.MemberPart(
      id: id(member.node), department: groups.name(of: member.department),
      reason: options.language.teamsWording.reason(
        department: groups.name(of: member.department), share: share, joins: joins, secures: secures,
        worksWith: member.worksWith.map(id), near: member.near.map(id), reach: request.reach),
      joins: joins, secures: secures, worksWith: member.worksWith.map(id), near: member.near.map(id))
  }

  /// The top brokers of a network as the analysis finds them (people who may be shown only).
  private func topBrokers(_ network: Network) throws(AnalysisError) -> [TeamsDocument.BrokerPart] {
    var clock = StepClock(progress: nil)
    let (analysis, _) = try SiloAnalysis.brokers(network, options: options, clock: &clock)
    return analysis.top.filter { personLevel[$0.index] }.prefix(5).map {
      TeamsDocument.BrokerPart(
        id: network.nodes[$0], department: network.groups!.name(of: network.groups!.group(of: $0)),
        betweenness: analysis.betweenness.scores[$0])
    }
  }
}
