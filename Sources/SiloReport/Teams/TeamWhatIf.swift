import Dispatch
import SiloDesign
import SiloGraph
import SiloIngest
import SiloMetrics

/// The analysed organization and how to measure it again with teams added: each team becomes
/// a project of its members in the log, the log is projected again with the same options,
/// protected by the same privacy steps and measured by the same scorecard as ``SiloAnalysis``.
/// So "after" is what `analyze` gives on the log with the teams' rows appended.
struct TeamWhatIf {
  let loaded: LoadedInput
  let log: ProjectLog
  let projection: ProjectionOptions
  /// The analysed network (pseudonyms, small departments merged) and who may be shown.
  let network: Network
  let personLevel: [Bool]
  let scorecard: SiloScorecard
  /// The scorecard's relabellings, when kept: each "after" is tested against them.
  let relabellings: EIRelabellings?
  let options: SiloAnalysis.Options
  /// Hours per member and day of the teams' rows.
  let hours: Double
  let day: Int32
  /// The log's person number of each node of ``network``.
  let personNumber: [Int]
  let names: PeopleNames

  /// - Throws: ``AnalysisError/teams(_:)`` with `TeamError.needsLogWithDepartments`
  ///   for a network read from an edge list.
  init(
    loaded: LoadedInput, network: Network, personLevel: [Bool], scorecard: SiloScorecard, relabellings: EIRelabellings? = nil,
    options: SiloAnalysis.Options, hours: Double?
  ) throws(AnalysisError) {
    guard let log = loaded.log, let projection = loaded.projectionOptions else { throw .teams(.needsLogWithDepartments) }
    self.loaded = loaded
    self.log = log
    self.projection = projection
    self.network = network
    self.personLevel = personLevel
    self.scorecard = scorecard
    self.relabellings = relabellings
    self.options = options
    self.hours = hours ?? log.typicalHours
    day = Self.day(log: log, projection: projection)
    names = PeopleNames(network: network, pseudonymizer: options.pseudonymizer)
    var number = [Int](repeating: -1, count: network.graph.nodeCount)
    for (i, person) in log.people.enumerated() {
      let id = options.pseudonymizer?.pseudonym(for: person) ?? person
      if let node = network.nodes.node(withID: id) { number[node.index] = i }
    }
    personNumber = number
  }

  /// The date of the teams' rows: the log's last date, inside the projection's window;
  /// no date for a log without dates.
  static func day(log: ProjectLog, projection: ProjectionOptions) -> Int32 {
    guard let last = log.dateRange?.upperBound.dayNumber else {
      return projection.to?.dayNumber ?? projection.from?.dayNumber ?? ProjectLog.noDay
    }
    var day = last
    if let to = projection.to?.dayNumber { day = min(day, to) }
    if let from = projection.from?.dayNumber { day = max(day, from) }
    return day
  }

  /// The name of team `index`'s project (1-based), one the log does not have.
  /// Names of different teams never clash: each is its own "SiloScope team N", with a suffix
  /// only when the log already has that name.
  func projectName(_ index: Int) -> String { log.unusedProjectName("SiloScope team \(index)") }

  /// The log with the numbered teams appended (each as its ``projectName(_:)``, also when a
  /// team is measured alone), projected and protected as the analysis does.
  func network(adding teams: [(index: Int, members: [NodeID])]) throws(AnalysisError) -> Network {
    var appended = log
    for team in teams {
      appended = appended.appending(
        project: projectName(team.index), members: team.members.map { personNumber[$0.index] }, day: day, hours: hours)
    }
    let reloaded: LoadedInput
    do {
      reloaded = try LoadedInput(projecting: appended, with: projection)
    } catch {
      throw .input(error)
    }
    return try SiloAnalysis.protected(reloaded, options: options).network
  }

  /// The measures of a network with the analysis' scorecard: the analysed network's own, or
  /// for a network with teams added, a scorecard with `test` as its permutation test when
  /// one was replayed on the analysis' relabellings (``replayedTests(_:changed:)``), else a
  /// new one.
  func measures(
    of network: Network, test: EIPermutationTest? = nil, objective: TeamObjective, departments: Set<Int>, threads: Int = 1
  ) throws(AnalysisError) -> TeamMeasures {
    let card: SiloScorecard
    do {
      if network == self.network {
        card = scorecard
      } else if let test {
        card = try network.siloScorecard(weighted: options.weighted, test: test)
      } else {
        card = try network.siloScorecard(
          weighted: options.weighted, permutations: options.permutations, seed: options.seed, threads: threads)
      }
    } catch {
      throw .metric(error)
    }
    return TeamMeasures(network: network, scorecard: card, objective: objective, baseline: self.network, departments: departments)
  }

  /// For each network with `changed` people's ties changed (teams added), the permutation
  /// test against the analysis' relabellings when they were kept and the network has the
  /// analysed groups (the same relabellings, only the changed ties summed again, drawn again
  /// once for all the networks); `nil` where a new test is needed, and for the analysed
  /// network itself.
  func replayedTests(_ networks: [Network], changed: [[NodeID]]) throws(AnalysisError) -> [EIPermutationTest?] {
    guard let relabellings, let analysed = self.network.groups else { return networks.map { _ in nil } }
    let replayed = networks.indices.filter { i in
      networks[i] != self.network && networks[i].groups?.membership == analysed.membership
    }
    var tests = [EIPermutationTest?](repeating: nil, count: networks.count)
    do {
      let found = try self.network.graph.eiPermutationTests(
        of: analysed, changes: replayed.map { (networks[$0].graph, changed[$0]) }, relabellings: relabellings)
      for (i, test) in zip(replayed, found) { tests[i] = test }
    } catch {
      throw .metric(error)
    }
    return tests
  }

  /// The measures after each of `sets` of teams: the networks two at a time where threads
  /// allow, their permutation tests replayed together (``replayedTests(_:changed:)``), then
  /// the measures two at a time, the threads left over shared by each new scorecard's
  /// permutation test (each measured on its own, so the result does not depend on the
  /// threads).
  func measures(after sets: [[(index: Int, members: [NodeID])]], objective: TeamObjective, departments: Set<Int>) throws(AnalysisError) -> [(Network, TeamMeasures)] {
    let workers = max(1, min(options.threads, 2, sets.count))
    let networks = try Self.perform(sets.count, workers: workers) { i throws(AnalysisError) in try network(adding: sets[i]) }
    let tests = try replayedTests(networks, changed: sets.map { $0.flatMap(\.members) })
    return try Self.perform(sets.count, workers: workers) { i throws(AnalysisError) in
      (
        networks[i],
        try measures(
          of: networks[i], test: tests[i], objective: objective, departments: departments,
          threads: max(1, options.threads / workers))
      )
    }
  }

  /// `body(i)` for each i in `0 ..< count`, spread over `workers` threads, the results (or
  /// the first error in index order) in index order.
  private static func perform<T>(
    _ count: Int, workers: Int, _ body: @Sendable (Int) throws(AnalysisError) -> T
  ) throws(AnalysisError) -> [T] {
    nonisolated(unsafe) var results = [Result<T, AnalysisError>?](repeating: nil, count: count)
    let lock = DispatchQueue(label: "siloscope.teams")
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for i in stride(from: worker, to: count, by: workers) {
        let result = Result { () throws(AnalysisError) in try body(i) }
        lock.sync { results[i] = result }
      }
    }
    return try results.map { result throws(AnalysisError) in try result!.get() }
  }

  /// The model of a team's project the search uses: the weighting's value for a project of
  /// `size` members spending ``hours`` each, one tie when ties are counted.
  func tieModel(size: Int) -> TieModel {
    guard options.weighted else { return TieModel(.newTie) }
    switch projection.weighting {
    case .sharedProjects: return TieModel(.constant(1))
    case .newman: return TieModel(.constant(1 / Double(size - 1)))
    case .hoursOverlap: return TieModel(.constant(hours))
    case .jaccard:
      // Projects per person (each once), from the log's entries.
      var pairs = Set<Int64>()
      for e in 0 ..< log.entryCount { pairs.insert(Int64(log.entryPerson[e]) << 32 | Int64(log.entryProject[e])) }
      var perPerson = [Int](repeating: 0, count: log.people.count)
      for pair in pairs { perPerson[Int(pair >> 32)] += 1 }
      let projects = personNumber.map { $0 >= 0 ? perPerson[$0] : 0 }
      return TieModel(.jaccard(projectsPerPerson: projects))
    }
  }
}
