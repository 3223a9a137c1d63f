import SiloGraph

/// The Louvain method: greedy modularity optimization by local moves and aggregation.
///
/// Each level moves every node (in a seeded random order) to the neighbouring community that
/// raises the objective most, until no move helps; then it merges each community into one
/// node and starts again on the smaller graph, until a level moves nothing. The partition
/// after each level is kept in ``CommunityDetection/levels``.
///
/// Conventions: undirected only (a directed graph is searched as undirected, ties both ways
/// adding up, as igraph's `cluster_louvain` requires and NetworkX's Louvain does on the
/// undirected view); ties between equally good moves go to the current community, then to the
/// community met first in the sorted adjacency, so a seed fixes the result. A move must gain
/// more than 1e-12 (in units of the objective × 2m) to count, which bounds the number of
/// passes. Louvain can return internally disconnected communities; ``Leiden`` cannot.
///
/// - Complexity: about O(*m*) per pass; typically a few passes per level and a few levels.
///
/// > V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre. "Fast unfolding of communities
/// > in large networks." *J. Stat. Mech.* P10008 (2008). doi:10.1088/1742-5468/2008/10/P10008
public struct Louvain: Sendable, Hashable {
  /// The objective, its resolution and the tie weights, as ``Leiden`` takes them.
  public var options = CommunitySearchOptions()
  /// γ: larger values give smaller communities.
  public var resolution: Double { get { options.resolution } set { options.resolution = newValue } }
  public var objective: CommunityObjective { get { options.objective } set { options.objective = newValue } }
  /// Use tie weights (strengths); `false` counts ties.
  public var weighted: Bool { get { options.weighted } set { options.weighted = newValue } }
  /// Stop after this many levels; `nil` runs until nothing moves.
  public var maxLevels: Int? = nil
  /// After the last level, move single people once more between the final communities (local
  /// moving on the original graph, ending with full sweeps). It never lowers the objective,
  /// makes the result a single-move local optimum, and is kept as one more level when it moves
  /// anyone.
  public var finalPass = true
  /// Visit a node again only when a neighbour has moved (Ozaki, Tezuka & Inaba 2016,
  /// "A simple acceleration method for the Louvain algorithm", doi:10.7763/IJCEE.2016.V8.851;
  /// the queue of Leiden's fast local moving), then confirm with full sweeps, so the result is
  /// still a local optimum; `false` sweeps all nodes from the start until a sweep moves
  /// nothing, as Blondel et al. describe.
  public var pruning = true

  /// Creates a Louvain search that runs until a level moves nothing, with the final pass and
  /// pruning on.
  ///
  /// - Parameters:
  ///   - resolution: γ; larger values give smaller communities. Checked by
  ///     ``communities(in:seed:)``, which throws for γ ≤ 0 or not finite.
  ///   - objective: What the search maximizes: modularity (the default) or CPM.
  ///   - weighted: Use tie weights (strengths); `false` counts every tie as 1.
  public init(resolution: Double = 1, objective: CommunityObjective = .modularity, weighted: Bool = true) {
    options = CommunitySearchOptions(resolution: resolution, objective: objective, weighted: weighted)
  }

  /// Finds communities; the same `seed` gives the same result.
  ///
  /// - Throws: ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite.
  public func communities(in graph: CollaborationGraph, seed: UInt64 = 1) throws(MetricError) -> CommunityDetection {
    try options.check()
    var rng = SeededGenerator(seed: seed)
    let base = LevelGraph(graph, weighted: weighted)
    let totalStrength = base.strength.reduce(0, +)
    var levels = aggregatedLevels(base, totalStrength: totalStrength, rng: &rng)
    if finalPass, let moved = finalMoves(base, from: levels.last!, totalStrength: totalStrength, rng: &rng) {
      levels.append(moved)
    }
    return try CommunityDetection.finish(
      partition: levels.last!, levels: levels, in: graph, method: "louvain", options: options, seed: seed)
  }

  /// Local moving and aggregation, level after level, until a level moves nothing (or
  /// ``maxLevels`` is reached): the partition of the people after each level.
  private func aggregatedLevels(_ base: LevelGraph, totalStrength: Double, rng: inout SeededGenerator) -> [Partition] {
    var level = base
    var membershipOfOriginal = (0 ..< base.nodeCount).map { Int32($0) }
    var levels: [Partition] = []
    while maxLevels.map({ levels.count < $0 }) ?? true {
      let score = options.moveScore(level, totalStrength: totalStrength)
      var membership = (0 ..< level.nodeCount).map { Int32($0) }
      let moved = pruning
        ? LocalMoving.queued(level, score: score, membership: &membership, rng: &rng)
        : LocalMoving.sweeps(level, score: score, membership: &membership, rng: &rng)
      if !moved && !levels.isEmpty { break }
      let count = renumber(&membership)
      for i in membershipOfOriginal.indices { membershipOfOriginal[i] = membership[Int(membershipOfOriginal[i])] }
      levels.append(Partition(membership: membershipOfOriginal, groupCount: count))
      if !moved || count == level.nodeCount { break }
      level = level.aggregated(by: membership, count: count)
    }
    if levels.isEmpty { levels.append(Partition(membership: membershipOfOriginal, groupCount: base.nodeCount)) }
    return levels
  }

  /// The final pass: one more local moving over the people themselves, starting from the
  /// final communities (a person whose community was merged as a block may fit another
  /// better); `nil` when nobody moves.
  private func finalMoves(
    _ base: LevelGraph, from last: Partition, totalStrength: Double, rng: inout SeededGenerator
  ) -> Partition? {
    let score = options.moveScore(base, totalStrength: totalStrength)
    var membership = last.membership
    guard localMoving(base, score: score, membership: &membership, rng: &rng) else { return nil }
    let count = renumber(&membership)
    return Partition(membership: membership, groupCount: count)
  }

  /// The final local moving over the people. With pruning, the queue of Leiden's fast local
  /// moving first (a node is visited again only when a neighbour moved), then full sweeps
  /// until a sweep moves nothing: the queue alone can miss a move that became better because
  /// a community's total changed through non-neighbours, so the sweep is what makes the
  /// result a local optimum (no single node can improve the objective by moving).
  func localMoving(_ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator) -> Bool {
    guard pruning else { return LocalMoving.sweeps(graph, score: score, membership: &membership, rng: &rng) }
    let queued = LocalMoving.queued(graph, score: score, membership: &membership, rng: &rng)
    let swept = LocalMoving.sweeps(graph, score: score, membership: &membership, rng: &rng)
    return queued || swept
  }
}

extension CommunityDetection {
  static func finish(
    partition: Partition, levels: [Partition], in graph: CollaborationGraph, method: String,
    options: CommunitySearchOptions, seed: UInt64
  ) throws(MetricError) -> CommunityDetection {
    let (objective, resolution, weighted) = (options.objective, options.resolution, options.weighted)
    let undirected = graph.isDirected ? graph.undirectedView() : graph
    let modularity = try undirected.modularity(
      of: partition, resolution: objective == .modularity ? resolution : 1, weighted: weighted)
    let quality = objective == .modularity
      ? modularity.value : try undirected.cpmQuality(of: partition, resolution: resolution, weighted: weighted)
    return CommunityDetection(
      partition: partition, modularity: modularity.value, quality: quality, levels: levels, method: method,
      objective: objective, resolution: resolution, weighted: weighted, seed: seed)
  }
}
