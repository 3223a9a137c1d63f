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
  /// The objective, its resolution and the tie weights, as ``Louvain`` takes them.
  public var options = CommunitySearchOptions()
  /// γ: larger values give smaller communities.
  public var resolution: Double { get { options.resolution } set { options.resolution = newValue } }
  public var objective: CommunityObjective { get { options.objective } set { options.objective = newValue } }
  /// Use tie weights (strengths); `false` counts ties.
  public var weighted: Bool { get { options.weighted } set { options.weighted = newValue } }
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
    options = CommunitySearchOptions(resolution: resolution, objective: objective, weighted: weighted)
  }

  /// Finds communities; the same `seed` gives the same result.
  ///
  /// - Throws: ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite, or θ ≤ 0.
  public func communities(in graph: CollaborationGraph, seed: UInt64 = 1) throws(MetricError) -> CommunityDetection {
    try check()
    let base = LevelGraph(graph, weighted: weighted)
    var rng = SeededGenerator(seed: seed)
    let levels = iterate(base, totalStrength: base.strength.reduce(0, +), rng: &rng)
    return try CommunityDetection.finish(
      partition: levels.last!, levels: levels, in: graph, method: "leiden", options: options, seed: seed)
  }

  /// The partition the search finds on `base` when the null model counts a total strength
  /// of `totalStrength` (2m): the graph's own, or that of a larger graph of which `base` is
  /// a union of components, so that each component is searched as it would be inside the
  /// whole (no tie leads out of a component, so no move crosses one). The same `seed` gives
  /// the same partition.
  func partition(of base: LevelGraph, totalStrength: Double, seed: UInt64) throws(MetricError) -> Partition {
    try check()
    var rng = SeededGenerator(seed: seed)
    return iterate(base, totalStrength: totalStrength, rng: &rng).last!
  }

  private func check() throws(MetricError) {
    try options.check()
    guard randomness.isFinite && randomness > 0 else { throw .invalidArgument("the randomness θ must be a positive number") }
  }

  /// The levels of the last run, the runs repeated from their own result until the partition
  /// no longer changes or ``maxIterations`` runs are made (like igraph's n_iterations = −1).
  private func iterate(_ base: LevelGraph, totalStrength: Double, rng: inout SeededGenerator) -> [Partition] {
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
    return levels
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
      let score = options.moveScore(level, totalStrength: totalStrength)
      _ = LocalMoving.queued(level, score: score, membership: &membership, rng: &rng, emptyCommunity: true)
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

  /// Refinement of each community into well-connected parts (Traag et al.'s RefinePartition):
  /// every node starts as a part of its own; in a seeded random order, a node still alone and
  /// well connected to its community joins a well-connected part of the same community,
  /// chosen at random among the moves that lose nothing (``RefinedParts``). Returns the
  /// refined membership (not dense).
  static func refine(
    _ graph: LevelGraph, score: MoveScore, communities: [Int32], rng: inout SeededGenerator, randomness: Double
  ) -> [Int32] {
    let n = graph.nodeCount
    let order = shuffledOrder(n, &rng)
    return graph.withRows { rows in
      communities.withUnsafeBufferPointer { community in
        score.nodeWeight.withUnsafeBufferPointer { nodeWeight in
          let parts = RefinedParts(rows, nodeWeight: nodeWeight, scale: score.scale, communities: community)
          // w(v, S) for the parts S of v's neighbours in its community, v's own part first.
          let scratch = MoveScratch(nodeCount: n)
          for v32 in order {
            let v = Int(v32)
            guard parts.isSingleton[v], parts.isWellConnected(v) else { continue }
            let c = community[v]
            scratch.gather(v, in: rows, labels: parts.refined, own: parts.refined[v]) { community[$0] == c }
            parts.collectCandidates(for: v, from: scratch)
            guard parts.candidateCount > 0 else { continue }
            let chosen = parts.choose(randomness: randomness, rng: &rng)
            parts.move(v, into: chosen, tieWeight: scratch.neighbourWeight[Int(chosen)])
          }
          return Array(UnsafeBufferPointer(start: parts.refined, count: n))
        }
      }
    }
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

/// The state of Leiden's refinement: the part of each node (named after the node that
/// founded it), the node-weight totals of each community C and each part S, w(S, C − S), the
/// tie weight from each part to the rest of its community, and the candidate parts of the
/// node being placed. Storage for all nodes behind pointers, allocated once per refinement,
/// as ``MoveScratch``'s; the graph's rows, node weights and communities are borrowed for the
/// refinement's duration.
final class RefinedParts {
  let refined: UnsafeMutablePointer<Int32>
  let isSingleton: UnsafeMutablePointer<Bool>
  private let communities: UnsafeBufferPointer<Int32>
  private let nodeWeight: UnsafeBufferPointer<Double>
  private let scale: Double
  private let communityTotal: UnsafeMutablePointer<Double>
  private let partTotal: UnsafeMutablePointer<Double>
  private let partExternal: UnsafeMutablePointer<Double>
  /// The candidates of the last ``collectCandidates(for:from:)``: their parts and gains.
  private let candidatePart: UnsafeMutablePointer<Int32>
  private let candidateGain: UnsafeMutablePointer<Double>
  private(set) var candidateCount = 0

  /// Every node a part of its own.
  init(_ rows: LevelGraph.Rows, nodeWeight: UnsafeBufferPointer<Double>, scale: Double, communities: UnsafeBufferPointer<Int32>) {
    let n = nodeWeight.count, size = max(n, 1)
    self.communities = communities
    self.nodeWeight = nodeWeight
    self.scale = scale
    refined = .allocate(capacity: size)
    isSingleton = .allocate(capacity: size)
    communityTotal = .allocate(capacity: size)
    partTotal = .allocate(capacity: size)
    partExternal = .allocate(capacity: size)
    candidatePart = .allocate(capacity: size + 1)
    candidateGain = .allocate(capacity: size + 1)
    isSingleton.initialize(repeating: true, count: size)
    communityTotal.initialize(repeating: 0, count: size)
    for v in 0 ..< n {
      let c = communities[v]
      refined[v] = Int32(v)
      partTotal[v] = nodeWeight[v]
      communityTotal[Int(c)] += nodeWeight[v]
      var w = 0.0
      for i in rows.offsets[v] ..< rows.offsets[v + 1] where communities[Int(rows.columns[i])] == c { w += rows.weights[i] }
      partExternal[v] = w
    }
  }

  deinit {
    refined.deallocate()
    isSingleton.deallocate()
    communityTotal.deallocate()
    partTotal.deallocate()
    partExternal.deallocate()
    candidatePart.deallocate()
    candidateGain.deallocate()
  }

  /// Whether v, alone in its part, is well connected to its community:
  /// w(v, C − v) ≥ scale · a_v · (A_C − a_v).
  @inline(__always)
  func isWellConnected(_ v: Int) -> Bool {
    let a = nodeWeight[v], cTotal = communityTotal[Int(communities[v])]
    return !(partExternal[v] < scale * a * (cTotal - a) - 1e-12)
  }

  /// After `scratch` gathered v's ties by part (v's own first): the parts, other than v's
  /// own, that are well connected to the community, with the gain w(v, S) − scale · a_v · A_S
  /// of moving v into them, where that gain is at least 0, in the order met.
  @inline(__always)
  func collectCandidates(for v: Int, from scratch: MoveScratch) {
    candidateCount = 0
    let a = nodeWeight[v], cTotal = communityTotal[Int(communities[v])]
    for k in 1 ..< scratch.touchedCount {
      let s = scratch.touched[k]
      let sTotal = partTotal[Int(s)]
      if partExternal[Int(s)] < scale * sTotal * (cTotal - sTotal) - 1e-12 { continue }
      let gain = scratch.neighbourWeight[Int(s)] - scale * a * sTotal
      if gain >= 0 {
        candidatePart[candidateCount] = s
        candidateGain[candidateCount] = gain
        candidateCount += 1
      }
    }
  }

  /// One of the candidates (at least one), chosen with probability ∝ exp(gain / θ):
  /// computed as exp((gain − best) / θ) for numerical safety. A candidate more than 50θ below
  /// the best weighs 0 without computing e⁻⁵⁰ ≈ 2·10⁻²² (the best weighs 1, so the sum of
  /// weights cannot hold so small a part, and a draw lands on it with a probability of that
  /// order). The candidates' gains are overwritten by their weights.
  @inline(__always)
  func choose(randomness: Double, rng: inout SeededGenerator) -> Int32 {
    var bestGain = 0.0
    for k in 0 ..< candidateCount { bestGain = max(bestGain, candidateGain[k]) }
    var weightsSum = 0.0
    for k in 0 ..< candidateCount {
      let x = (candidateGain[k] - bestGain) / randomness
      // The best weighs e⁰ = 1, exactly what the series gives.
      let p = x < -50 ? 0 : x == 0 ? 1 : Leiden.exp(x)
      candidateGain[k] = p
      weightsSum += p
    }
    var r = rng.nextUnit() * weightsSum
    for k in 0 ..< candidateCount {
      r -= candidateGain[k]
      if r < 0 { return candidatePart[k] }
    }
    return candidatePart[candidateCount - 1]
  }

  /// Moves v, alone in its part, into part `chosen`, joined to v by ties of weight `tieWeight`.
  @inline(__always)
  func move(_ v: Int, into chosen: Int32, tieWeight w: Double) {
    let a = nodeWeight[v]
    partExternal[Int(chosen)] = partExternal[Int(chosen)] + partExternal[v] - 2 * w
    partTotal[Int(chosen)] += a
    partTotal[v] -= a
    refined[v] = chosen
    isSingleton[v] = false
    isSingleton[Int(chosen)] = false
  }
}
