import SiloGraph

/// The Leiden algorithm: Louvain's local moves, plus a refinement that splits every community
/// into well-connected parts before aggregating, so that every community it returns is
/// connected (Traag, Waltman & van Eck 2019, theorem: γ-connected communities).
///
/// One iteration:
/// 1. *Fast local moving*: nodes are visited from a queue (seeded random order); a node moves
///    to the neighbouring community (or a community of its own) with the largest gain, and its
///    neighbours outside that community are queued again.
/// 2. *Refinement*: inside each community, start from singletons; visit the nodes in random
///    order; a node that is still alone and well connected to its community
///    (w(v, C − v) ≥ scale · a_v · (A_C − a_v)) joins a well-connected sub-community S of C
///    chosen at random with probability ∝ exp(gain / θ) among the moves with gain ≥ 0
///    (θ = 0.01, as igraph's default β).
/// 3. *Aggregation* of the refined partition, with the moved partition as the start of the next
///    level.
///
/// Iterations repeat until the local moving changes nothing. Objective: modularity with γ by
/// default, CPM on request (``CommunityObjective``); never CPM silently. Direction is ignored.
///
/// - Complexity: about O(*m*) per iteration.
///
/// > V. A. Traag, L. Waltman, N. J. van Eck. "From Louvain to Leiden: guaranteeing well-connected
/// > communities." *Scientific Reports* 9, 5233 (2019). doi:10.1038/s41598-019-41695-z
public struct Leiden: Sendable, Hashable {
  public var resolution = 1.0
  public var objective = CommunityObjective.modularity
  public var weighted = true
  /// The randomness of the refinement, θ; smaller is greedier.
  public var randomness = 0.01
  /// How many times the whole algorithm runs, each run starting from the previous result;
  /// `nil` repeats until the partition stops changing (at most 100 runs), as igraph's
  /// `n_iterations = -1`.
  public var maxIterations: Int? = nil

  /// Creates a Leiden search with randomness θ = 0.01 that repeats until the partition stops
  /// changing.
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
  /// - Throws: ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite, or θ ≤ 0.
  public func communities(in graph: CollaborationGraph, seed: UInt64 = 1) throws(MetricError) -> CommunityDetection {
    guard resolution.isFinite && resolution > 0 else { throw .invalidArgument("the resolution must be a positive number") }
    guard randomness.isFinite && randomness > 0 else { throw .invalidArgument("the randomness θ must be a positive number") }
    var rng = SeededGenerator(seed: seed)
    let base = LevelGraph(graph, weighted: weighted)
    let totalStrength = base.strength.reduce(0, +)
    // Like igraph's n_iterations = −1: run the algorithm again from its own result until the
    // partition no longer changes.
    var start = (0 ..< base.nodeCount).map { Int32($0) }
    var levels: [Partition] = []
    var previous: Partition? = nil
    for _ in 0 ..< (maxIterations ?? 100) {
      let (partition, runLevels) = run(base, totalStrength: totalStrength, start: start, rng: &rng)
      levels = runLevels
      if partition == previous { break }
      previous = partition
      start = partition.membership
    }
    if levels.isEmpty { levels.append(Partition(membership: start, groupCount: base.nodeCount)) }
    return try CommunityDetection.finish(
      partition: levels.last!, levels: levels, in: graph, method: "leiden", objective: objective,
      resolution: resolution, weighted: weighted, seed: seed)
  }

  /// One run of the algorithm from a starting partition of the base graph's nodes: local
  /// moving, refinement and aggregation, level after level, until local moving leaves every
  /// node of the aggregate graph in a community of its own.
  private func run(
    _ base: LevelGraph, totalStrength: Double, start: [Int32], rng: inout SeededGenerator
  ) -> (Partition, [Partition]) {
    var level = base
    var membership = start
    var nodeOfOriginal = (0 ..< base.nodeCount).map { Int32($0) }
    var levels: [Partition] = []
    while true {
      let score = MoveScore(level, objective: objective, resolution: resolution, totalStrength: totalStrength)
      _ = Self.fastLocalMoving(level, score: score, membership: &membership, rng: &rng, emptyCommunity: true)
      var dense = membership
      let count = renumber(&dense)
      let partition = Partition(membership: nodeOfOriginal.map { dense[Int($0)] }, groupCount: count)
      if levels.last != partition { levels.append(partition) }
      if count == level.nodeCount { return (partition, levels) }
      // Refine, aggregate the refined partition, and start the next level from the moved one.
      var refined = Self.refine(level, score: score, communities: dense, rng: &rng, randomness: randomness)
      var refinedCount = renumber(&refined)
      // When the refinement merges nothing, aggregating by it would rebuild the same graph and
      // loop forever (seen with CPM γ = 0.1 on karate); aggregate by the moved partition
      // instead, as igraph does (src/community/leiden.c: "If refinement didn't aggregate
      // anything, we aggregate on the basis of the actual clustering").
      if refinedCount == level.nodeCount {
        refined = dense
        refinedCount = count
      }
      let next = level.aggregated(by: refined, count: refinedCount)
      var nextMembership = [Int32](repeating: 0, count: refinedCount)
      for v in 0 ..< level.nodeCount { nextMembership[Int(refined[v])] = dense[v] }
      nodeOfOriginal = nodeOfOriginal.map { refined[Int($0)] }
      membership = nextMembership
      level = next
    }
  }

  /// Queue-based local moving. Returns whether any node moved.
  ///
  /// With `emptyCommunity` a node may also move to a community of its own when that gains
  /// most, as Traag et al.'s MoveNodesFast (arg max over P ∪ {∅}) and igraph's
  /// `fastmovenodes` (an empty cluster among the candidates) allow; without it a node left
  /// with no tie inside its community stays there, and the community can end up disconnected.
  static func fastLocalMoving(
    _ graph: LevelGraph, score: MoveScore, membership: inout [Int32], rng: inout SeededGenerator,
    emptyCommunity: Bool = false
  ) -> Bool {
    let n = graph.nodeCount
    var total = [Double](repeating: 0, count: n)
    for v in 0 ..< n { total[Int(membership[v])] += score.nodeWeight[v] }
    var neighbourWeight = [Double](repeating: 0, count: n)
    // The visit that last reset a community's entry. A per-visit number, not the node id: a
    // node visited again (queued by a neighbour's move) would otherwise find the marks of its
    // previous visit still in place, skip those communities and add to stale weights.
    var mark = [Int](repeating: -1, count: n)
    var visit = 0
    // Nodes per community and the communities without nodes (for `emptyCommunity`).
    var population = [Int](repeating: 0, count: emptyCommunity ? n : 0)
    var empty: [Int32] = []
    if emptyCommunity {
      for v in 0 ..< n { population[Int(membership[v])] += 1 }
      for c in stride(from: n - 1, through: 0, by: -1) where population[c] == 0 { empty.append(Int32(c)) }
    }
    var touched: [Int32] = []
    // A ring buffer of n slots holds every queued node once.
    var queue = shuffledOrder(n, &rng)
    var queued = [Bool](repeating: true, count: n)
    var head = 0, size = n
    var anyMove = false
    let scale = score.scale
    while size > 0 {
      let v = Int(queue[head])
      head = (head + 1) % max(n, 1)
      size -= 1
      queued[v] = false
      let current = membership[v]
      visit += 1
      touched.removeAll(keepingCapacity: true)
      mark[Int(current)] = visit
      neighbourWeight[Int(current)] = 0
      touched.append(current)
      for i in graph.offsets[v] ..< graph.offsets[v + 1] {
        let c = membership[Int(graph.columns[i])]
        if mark[Int(c)] != visit {
          mark[Int(c)] = visit
          neighbourWeight[Int(c)] = 0
          touched.append(c)
        }
        neighbourWeight[Int(c)] += graph.weights[i]
      }
      let a = score.nodeWeight[v]
      total[Int(current)] -= a
      if emptyCommunity {
        population[Int(current)] -= 1
        if population[Int(current)] == 0 { empty.append(current) }
      }
      var best = current
      var bestGain = neighbourWeight[Int(current)] - scale * a * total[Int(current)]
      for c in touched.dropFirst() {
        let gain = neighbourWeight[Int(c)] - scale * a * total[Int(c)]
        if gain > bestGain + 1e-12 {
          best = c
          bestGain = gain
        }
      }
      // A community of its own gains 0 (no tie weight, no node weight); considered last, so
      // it wins only when every other choice loses.
      if emptyCommunity, let alone = empty.last, alone != current, 0 > bestGain + 1e-12 {
        best = alone
        bestGain = 0
      }
      total[Int(best)] += a
      if emptyCommunity {
        population[Int(best)] += 1
        if best == empty.last { empty.removeLast() }
      }
      if best != current {
        membership[v] = best
        anyMove = true
        for i in graph.offsets[v] ..< graph.offsets[v + 1] {
          let u = Int(graph.columns[i])
          if !queued[u] && membership[u] != best {
            queued[u] = true
            queue[(head + size) % n] = Int32(u)
            size += 1
          }
        }
      }
    }
    return anyMove
  }

  /// Refinement of each community into well-connected parts. Returns the refined membership
  /// (not dense).
  static func refine(
    _ graph: LevelGraph, score: MoveScore, communities: [Int32], rng: inout SeededGenerator, randomness: Double
  ) -> [Int32] {
    let n = graph.nodeCount
    let scale = score.scale
    var refined = (0 ..< n).map { Int32($0) }
    // Node-weight totals: of each community C, and of each refined part S.
    var communityTotal = [Double](repeating: 0, count: n)
    for v in 0 ..< n { communityTotal[Int(communities[v])] += score.nodeWeight[v] }
    var partTotal = score.nodeWeight
    // w(S, C − S) for each refined part S, starting with w(v, C − v).
    var partExternal = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      var w = 0.0
      for i in graph.offsets[v] ..< graph.offsets[v + 1] where communities[Int(graph.columns[i])] == communities[v] {
        w += graph.weights[i]
      }
      partExternal[v] = w
    }
    var isSingleton = [Bool](repeating: true, count: n)
    var neighbourWeight = [Double](repeating: 0, count: n)
    var mark = [Int32](repeating: -1, count: n)
    var touched: [Int32] = []
    var candidates: [(part: Int32, gain: Double)] = []
    for v32 in shuffledOrder(n, &rng) {
      let v = Int(v32)
      guard isSingleton[v] else { continue }
      let c = communities[v]
      let a = score.nodeWeight[v]
      let cTotal = communityTotal[Int(c)]
      // Well connected to its community?
      if partExternal[v] < scale * a * (cTotal - a) - 1e-12 { continue }
      touched.removeAll(keepingCapacity: true)
      for i in graph.offsets[v] ..< graph.offsets[v + 1] {
        let u = Int(graph.columns[i])
        guard communities[u] == c else { continue }
        let s = refined[u]
        if mark[Int(s)] != v32 {
          mark[Int(s)] = v32
          neighbourWeight[Int(s)] = 0
          touched.append(s)
        }
        neighbourWeight[Int(s)] += graph.weights[i]
      }
      // Candidate parts: well connected to C; gain of moving v from its singleton into S.
      candidates.removeAll(keepingCapacity: true)
      var bestGain = 0.0
      for s in touched where s != refined[v] {
        let sTotal = partTotal[Int(s)]
        if partExternal[Int(s)] < scale * sTotal * (cTotal - sTotal) - 1e-12 { continue }
        let gain = neighbourWeight[Int(s)] - scale * a * sTotal
        if gain >= 0 {
          candidates.append((s, gain))
          bestGain = max(bestGain, gain)
        }
      }
      guard !candidates.isEmpty else { continue }
      // Choose with probability ∝ exp((gain − best)/θ) (shifted for numerical safety).
      var weightsSum = 0.0
      for k in candidates.indices {
        let p = Self.exp((candidates[k].gain - bestGain) / randomness)
        candidates[k].gain = p
        weightsSum += p
      }
      var r = rng.nextUnit() * weightsSum
      var chosen = candidates.last!.part
      for candidate in candidates {
        r -= candidate.gain
        if r < 0 {
          chosen = candidate.part
          break
        }
      }
      // Move v into the chosen part.
      let w = neighbourWeight[Int(chosen)]
      partExternal[Int(chosen)] = partExternal[Int(chosen)] + partExternal[v] - 2 * w
      partTotal[Int(chosen)] += a
      partTotal[v] -= a
      refined[v] = chosen
      isSingleton[v] = false
      isSingleton[Int(chosen)] = false
    }
    return refined
  }

  /// eˣ for x ≤ 0, by range reduction and a series, so results never depend on a platform's
  /// libm (the seeded result must be the same everywhere).
  static func exp(_ x: Double) -> Double {
    if x < -700 { return 0 }
    let k = (x / 0.6931471805599453).rounded()
    let r = x - k * 0.6931471805599453
    var term = 1.0, sum = 1.0
    for n in 1 ... 18 {
      term *= r / Double(n)
      sum += term
    }
    // 2^k exactly (k ≥ −1010 here, so it is a normal or subnormal power of two, as repeated
    // halving would give, in one step instead of up to a thousand).
    let scale = Double(sign: .plus, exponent: Int(k), significand: 1)
    return sum * scale
  }
}
