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
  /// γ: larger values give smaller communities.
  public var resolution = 1.0
  public var objective = CommunityObjective.modularity
  /// Use tie weights (strengths); `false` counts ties.
  public var weighted = true
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
    self.resolution = resolution
    self.objective = objective
    self.weighted = weighted
  }

  /// Finds communities; the same `seed` gives the same result.
  ///
  /// - Throws: ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite.
  public func communities(in graph: CollaborationGraph, seed: UInt64 = 1) throws(MetricError) -> CommunityDetection {
    guard resolution.isFinite && resolution > 0 else { throw .invalidArgument("the resolution must be a positive number") }
    var rng = SeededGenerator(seed: seed)
    var level = LevelGraph(graph, weighted: weighted)
    let totalStrength = level.strength.reduce(0, +)
    var membershipOfOriginal = (0 ..< graph.nodeCount).map { Int32($0) }
    var levels: [Partition] = []
    var levelCount = 0
    while maxLevels.map({ levelCount < $0 }) ?? true {
      let score = MoveScore(level, objective: objective, resolution: resolution, totalStrength: totalStrength)
      var membership = (0 ..< level.nodeCount).map { Int32($0) }
      let moved = pruning
        ? Leiden.fastLocalMoving(level, score: score, membership: &membership, rng: &rng)
        : Self.moveNodes(level, score: score, membership: &membership, rng: &rng)
      if !moved && levelCount > 0 { break }
      let count = renumber(&membership)
      for i in membershipOfOriginal.indices { membershipOfOriginal[i] = membership[Int(membershipOfOriginal[i])] }
      levels.append(Partition(membership: membershipOfOriginal, groupCount: count))
      levelCount += 1
      if !moved || count == level.nodeCount { break }
      level = level.aggregated(by: membership, count: count)
    }
    if levels.isEmpty { levels.append(Partition(membership: membershipOfOriginal, groupCount: graph.nodeCount)) }
    if finalPass {
      // One more local moving over the people themselves, starting from the final
      // communities: a person whose community was merged as a block may fit another better.
      // With pruning this ends with full sweeps, so the result is a local optimum.
      let base = LevelGraph(graph, weighted: weighted)
      let score = MoveScore(base, objective: objective, resolution: resolution, totalStrength: totalStrength)
      var membership = levels.last!.membership
      let moved = localMoving(base, score: score, membership: &membership, rng: &rng, startingFrom: true)
      if moved {
        let count = renumber(&membership)
        levels.append(Partition(membership: membership, groupCount: count))
      }
    }
    let partition = levels.last!
    return try CommunityDetection.finish(
      partition: partition, levels: levels, in: graph, method: "louvain", objective: objective,
      resolution: resolution, weighted: weighted, seed: seed)
  }

  /// The final local moving over the people. With pruning, the queue of Leiden's fast local
  /// moving first
  /// (a node is visited again only when a neighbour moved), then full sweeps until a sweep
  /// moves nothing: the queue alone can miss a move that became better because a community's
  /// total changed through non-neighbours, so the sweep is what makes the result a local
  /// optimum (no single node can improve the objective by moving).
  func localMoving(
    _ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator, startingFrom: Bool
  ) -> Bool {
    guard pruning else {
      return Self.moveNodes(graph, score: score, membership: &membership, rng: &rng, startingFrom: startingFrom)
    }
    let queued = Leiden.fastLocalMoving(graph, score: score, membership: &membership, rng: &rng)
    let swept = Self.moveNodes(graph, score: score, membership: &membership, rng: &rng, startingFrom: true)
    return queued || swept
  }

  /// Local moving: repeated passes over all nodes in one random order until a pass moves
  /// nothing. Returns whether any node moved.
  static func moveNodes(
    _ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator,
    startingFrom: Bool = false
  ) -> Bool {
    let n = graph.nodeCount
    // Node-weight total of each community; singletons at the start unless told otherwise.
    var total = score.nodeWeight
    if startingFrom {
      total = [Double](repeating: 0, count: n)
      for v in 0 ..< n { total[Int(membership[v])] += score.nodeWeight[v] }
    }
    var neighbourWeight = [Double](repeating: 0, count: n)
    var mark = [Int32](repeating: -1, count: n)
    var touched: [Int32] = []
    touched.reserveCapacity(64)
    let order = shuffledOrder(n, &rng)
    var anyMove = false
    var pass = 0
    while pass < 1000 {
      pass += 1
      var moves = 0
      graph.offsets.withUnsafeBufferPointer { offsets in
        graph.columns.withUnsafeBufferPointer { columns in
          graph.weights.withUnsafeBufferPointer { weights in
            score.nodeWeight.withUnsafeBufferPointer { nodeWeight in
              membership.withUnsafeMutableBufferPointer { community in
                total.withUnsafeMutableBufferPointer { total in
                  neighbourWeight.withUnsafeMutableBufferPointer { neighbourWeight in
                    mark.withUnsafeMutableBufferPointer { mark in
                      let scale = score.scale
                      for v32 in order {
                        let v = Int(v32)
                        let current = community[v]
                        touched.removeAll(keepingCapacity: true)
                        mark[Int(current)] = v32
                        neighbourWeight[Int(current)] = 0
                        touched.append(current)
                        for i in offsets[v] ..< offsets[v + 1] {
                          let c = community[Int(columns[i])]
                          if mark[Int(c)] != v32 {
                            mark[Int(c)] = v32
                            neighbourWeight[Int(c)] = 0
                            touched.append(c)
                          }
                          neighbourWeight[Int(c)] += weights[i]
                        }
                        let a = nodeWeight[v]
                        total[Int(current)] -= a
                        var best = current
                        var bestGain = neighbourWeight[Int(current)] - scale * a * total[Int(current)]
                        for c in touched.dropFirst() {
                          let gain = neighbourWeight[Int(c)] - scale * a * total[Int(c)]
                          if gain > bestGain + 1e-12 {
                            best = c
                            bestGain = gain
                          }
                        }
                        total[Int(best)] += a
                        if best != current {
                          community[v] = best
                          moves += 1
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      if moves == 0 { break }
      anyMove = true
    }
    return anyMove
  }
}

extension CommunityDetection {
  static func finish(
    partition: Partition, levels: [Partition], in graph: CollaborationGraph, method: String,
    objective: CommunityObjective, resolution: Double, weighted: Bool, seed: UInt64
  ) throws(MetricError) -> CommunityDetection {
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
