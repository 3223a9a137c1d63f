import SiloGraph
import SiloIngest
import SiloMetrics

/// How a log is measured period by period (``SiloTrend``) or in two parts (``SiloComparison``).
public struct TemporalOptions: Sendable, Hashable {
  /// How the log's time is cut (trends only).
  public var periods = PeriodSpec.calendar(.quarter)
  /// The projection of each period (its date window is set per period; `from` and `to`
  /// here narrow the whole log first).
  public var projection = ProjectionOptions()
  /// Sum tie weights (else count ties).
  public var weighted = true
  /// Relabellings of the E-I permutation test in each period. 200 by default (1,000 for
  /// `silos`): the verdict uses their mean, whose standard error is then about a third of a
  /// hundredth of E-I, while a year of monthly periods costs a fifth of the time.
  public var permutations = 200
  /// Bootstrap replicates (projects resampled) for the intervals and the change test; 0 for
  /// none (then no change is called beyond the uncertainty).
  public var bootstrapReplicates = 1000
  /// The seed of every random step.
  public var seed: UInt64 = 1
  /// Threads for the bootstrap and the consensus runs (the results do not depend on it).
  public var threads = 1
  /// How each period's communities are found.
  public var consensus = ConsensusCommunities()
  /// How communities are followed from period to period.
  public var tracker = CommunityTracker()
  /// Department names to replace before measuring (the report merges small departments
  /// into one group, the same in every period).
  public var departmentRenaming: [String: String] = [:]

  public init() {}
}

/// One period measured: its network, silo scorecard, bootstrap replicates and communities.
struct PeriodSnapshot: Sendable {
  var period: LogPeriod?
  var entries: Int
  var network: Network
  var scorecard: SiloScorecard
  /// The bootstrap replicates of the E-I (`nil` without a bootstrap or without ties).
  var replicates: EIReplicates?
  /// The consensus communities, when asked for.
  var communities: ConsensusCommunities.Result?
  /// Each person's number in the whole log.
  var personInWholeLog: [Int32]
  var projection: ProjectionSummary

  /// Measures one log (a period's part of a log, or a whole log).
  static func measure(
    _ log: ProjectLog, period: LogPeriod?, personInWholeLog: [Int32], options: TemporalOptions, replicateSeed: UInt64,
    communities findsCommunities: Bool = true
  ) throws(AnalysisError) -> PeriodSnapshot {
    var projection = options.projection
    projection.from = nil
    projection.to = nil
    let projected: PersonProjection
    do {
      projected = try log.renamingDepartments(options.departmentRenaming).projected(projection)
    } catch {
      throw .input(error)
    }
    let network = projected.network
    guard let groups = network.groups else {
      throw .noDepartments(source: .log)
    }
    do {
      let scorecard = try network.siloScorecard(
        weighted: options.weighted, permutations: options.permutations, seed: options.seed, threads: options.threads)
      let replicates = options.bootstrapReplicates == 0 || network.graph.edgeCount == 0 ? nil : try network.graph.eiReplicates(
        of: groups, affiliations: projected.affiliations, weighted: options.weighted, replicates: options.bootstrapReplicates,
        seed: replicateSeed, threads: options.threads)
      let communities = findsCommunities
        ? try options.consensus.communities(in: network.graph, seed: options.seed, threads: options.threads) : nil
      return PeriodSnapshot(
        period: period, entries: log.entryCount, network: network, scorecard: scorecard, replicates: replicates,
        communities: communities, personInWholeLog: personInWholeLog, projection: projected.summary)
    } catch {
      throw .metric(error)
    }
  }

  /// The bootstrap intervals of this period's E-I.
  func bootstrap(seed: UInt64, weighted: Bool) -> EIBootstrap? {
    replicates.map { EIBootstrap($0, seed: seed, weighted: weighted) }
  }

  /// The communities of people with at least one tie, each as the sorted numbers of its
  /// people in the whole log, in the consensus order (largest first).
  var trackedCommunities: [[Int32]] {
    let graph = network.graph
    guard let partition = communities?.partition else { return [] }
    var members = [[Int32]](repeating: [], count: partition.groupCount)
    for v in 0 ..< graph.nodeCount where graph.degree(of: NodeID(v)) > 0 {
      members[partition.group(of: NodeID(v))].append(personInWholeLog[v])
    }
    return members.filter { !$0.isEmpty }
  }
}
