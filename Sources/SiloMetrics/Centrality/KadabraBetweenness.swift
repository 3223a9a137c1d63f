import Foundation
import SiloGraph

/// What an adaptive estimate of betweenness guarantees about the top of the ranking
/// (KADABRA's top-k mode): with probability at least 1 − δ every exact score lies in its
/// interval, so an order marked certain is right and a person marked certainly in the top k is
/// in it.
public struct RankingGuarantee: Sendable, Hashable, Codable {
  /// How many top people the guarantee is about.
  public var k: Int
  public var epsilon: Double
  public var delta: Double
  /// Sampling stopped at its largest size ω before the ranking was settled; every interval
  /// is then also at most ±ε wide.
  public var reachedMaximum: Bool
  /// The top k by estimate, most central first, each with its interval.
  public var top: [Entry]
  /// People outside the top k whose interval reaches the lowest lower bound of the top k,
  /// most central first (at most 50): any of them may belong in the top k instead.
  public var contenders: [Entry]
  /// How many people outside the top k are contenders in all (``contenders`` lists at most 50).
  public var contenderCount: Int

  /// A person's estimate with the interval that holds their exact score.
  public struct Entry: Sendable, Hashable, Codable {
    public var node: NodeID
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// Certainly in the top k: the lower bound exceeds the upper bound of everyone outside it.
    public var certainInTop: Bool
    /// Certainly ahead of the next person in the ranking (for the last of the top k: of
    /// everyone outside it); `false` for a contender.
    public var aheadOfNext: Bool
  }

  /// Whether every claim is certain: the top k as a set and their order.
  public var isSettled: Bool { top.allSatisfy { $0.certainInTop && $0.aheadOfNext } }
}

extension CollaborationGraph {
  /// Returns betweenness estimated by KADABRA, adaptive sampling of shortest paths that stops
  /// as soon as the top k are told apart, or every score is within ε, with probability at
  /// least 1 − δ.
  ///
  /// Borassi & Natale's algorithm: pairs (s, t) of distinct nodes are drawn uniformly and one
  /// shortest s–t path among all of them (a bidirectional path sampler: a balanced bidirectional
  /// search, Dijkstra from both ends for weighted distances); each inner node of the path
  /// gains one. After τ samples the estimate of node v is b̃(v) = c(v)/τ, for the betweenness
  /// over the n(n − 1) ordered pairs. Sampling stops at the first check where
  ///
  /// - top-k mode (k ≥ 1): each of the k highest estimates is separated from its neighbours in
  ///   the ranking, b̃ᵢ − f(b̃ᵢ) > b̃ᵢ₊₁ + g(b̃ᵢ₊₁), or has f and g below ε, and everyone outside
  ///   the top k is below the k-th lower bound or has f and g below ε;
  /// - all-scores mode (k = 0): f and g are below ε for everyone;
  ///
  /// or at ω samples, the Riondato–Kornaropoulos size for the whole graph:
  ///
  /// ```
  /// ω = ⌈(0.5 / ε²) (⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉
  /// f(b̃, δ_L) = ln(1/δ_L)/τ · (1/3 − ω/τ + √((ω/τ − 1/3)² + 2 b̃ ω / ln(1/δ_L)))   (at most b̃)
  /// g(b̃, δ_U) = ln(1/δ_U)/τ · (1/3 + ω/τ + √((ω/τ + 1/3)² + 2 b̃ ω / ln(1/δ_U)))   (at most 1 − b̃)
  /// ```
  ///
  /// with VD an upper bound on the vertex diameter (<doc:FindingBrokers> lists the bounds).
  /// Half of δ covers the ω stop; the other
  /// half is shared out over every node's lower and upper bound (δ_L(v), δ_U(v)) from a first
  /// round of ⌈ω/100⌉ samples, which are then set aside: each of the first-round top
  /// min(n, max(k + 20, ⌈2√m⌉)) nodes gets δ in proportion to exp(−c e²/b̃), where e is the
  /// half-gap to its neighbour in the ranking (at least ε), everyone else the share of the
  /// last of them, and c is found by bisection so that the shares, plus δ/1000 spread evenly,
  /// sum to δ/2 (Borassi & Natale §4.2). The stop is checked every 256 samples.
  ///
  /// Scores are returned, like every betweenness here, normalized as NetworkX does (by
  /// (n − 1)(n − 2) ordered pairs: b̃ · n/(n − 2)), or raw, and so are the intervals of
  /// ``Betweenness/Approximation/ranking``. Sample i uses its own generator, derived from the
  /// seed and i, and checks fall at fixed sample counts, so the result is identical for every
  /// thread count.
  ///
  /// Where this differs from networkit's `KadabraBetweenness` (11.3): ω uses ln(2/δ) as in
  /// the paper (networkit ln(1/(2δ))); the first-round targets of the top node and of those
  /// outside the top k use the half-gaps (networkit gives the top node's lower bound no
  /// share); a node that enters the ranking after the first round keeps the share of its
  /// rank instead of none; checks fall at fixed counts rather than when threads finish.
  ///
  /// Edge cases: n ≤ 2 gives the exact measure; k is at most n − 1; a pair in different
  /// components counts as a sample through no one.
  ///
  /// > M. Borassi, E. Natale. "KADABRA is an ADaptive Algorithm for Betweenness via Random
  /// > Approximation." *ESA 2016*, LIPIcs 57, 20:1–20:18. doi:10.4230/LIPIcs.ESA.2016.20
  ///
  /// - Complexity: at most ω samples, each a bidirectional search; O(n) per check.
  public func kadabraBetweenness(
    top k: Int, epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 1,
    options: BetweennessOptions = BetweennessOptions()
  ) throws(MetricError) -> Betweenness {
    guard epsilon > 0 && epsilon < 1 else { throw .invalidArgument("ε must lie in (0, 1)") }
    guard delta > 0 && delta < 1 else { throw .invalidArgument("δ must lie in (0, 1)") }
    guard k >= 0 else { throw .invalidArgument("k must not be negative") }
    let n = nodeCount
    guard n > 2 else { return betweenness(options) }
    let k = min(k, n - 1)
    let omega = Self.kadabraSampleLimit(epsilon: epsilon, delta: delta, vertexDiameter: vertexDiameterBound(options))
    let paths = SampledPaths(graph: self, options: options, seed: seed)
    let firstRound = max(1, (omega + 99) / 100)
    let budget = KadabraBudget(
      firstRound: paths.counts(0 ..< firstRound), samples: firstRound, k: k, epsilon: epsilon, delta: delta,
      unionSize: min(n, max(k + 20, Int(2 * Double(edgeCount).squareRoot().rounded(.up)))), omega: omega)
    var counts = [Int](repeating: 0, count: n)
    var taken = 0
    while taken < omega {
      let step = min(256, omega - taken)
      paths.add(firstRound + taken ..< firstRound + taken + step, into: &counts)
      taken += step
      if budget.isFinished(counts: counts, samples: taken) { break }
    }
    let ranking = k == 0 ? nil : budget.ranking(counts: counts, samples: taken, limit: taken >= omega ? epsilon : nil)
    let scale = options.normalized
      ? Double(n) / Double(n - 2)
      : Double(n) * Double(n - 1) / (isDirected ? 1 : 2)
    let scores = counts.map { Double($0) / Double(taken) * scale }
    let scaled = ranking.map { $0.scaled(by: scale) }
    return Betweenness(
      scores: NodeScores(scores), distance: options.distance, ties: options.ties, normalized: options.normalized,
      sources: taken,
      approximation: .init(
        method: .kadabra, seed: seed, samples: taken, epsilon: epsilon, delta: delta,
        statement: Self.kadabraStatement(
          epsilon: epsilon * Double(n) / Double(n - 2), delta: delta, samples: taken, seed: seed, ranking: scaled),
        ranking: scaled))
  }

  /// ω, the most samples KADABRA draws: ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))⌉ (the
  /// Riondato–Kornaropoulos size for ε and δ/2), with VD − 2 taken as at least 1.
  public static func kadabraSampleLimit(epsilon: Double, delta: Double, vertexDiameter: Int) -> Int {
    pathSampleSize(epsilon: epsilon, vertexDiameter: vertexDiameter, logInverseDelta: Foundation.log(2 / delta))
  }

  /// Riondato & Kornaropoulos' number of sampled paths, ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + L)⌉
  /// with L = ln(1/δ) for their estimate and ln(2/δ) for KADABRA's ω; VD − 2 is taken as at
  /// least 1.
  static func pathSampleSize(epsilon: Double, vertexDiameter: Int, logInverseDelta: Double) -> Int {
    let logTerm = Double(max(1, vertexDiameter - 2)).log2Floor + 1 + logInverseDelta
    return Int((0.5 / (epsilon * epsilon) * logTerm).rounded(.up))
  }

  static func kadabraStatement(epsilon: Double, delta: Double, samples: Int, seed: UInt64, ranking: RankingGuarantee?) -> String {
    let source = "KADABRA, \(samples) sampled paths, seed \(seed)"
    let probability = NumberFormatting.short(1 - delta)
    guard let ranking else {
      return "with probability at least \(probability), every score is within \(NumberFormatting.short(epsilon)) of the exact one (\(source))"
    }
    let uncertain = ranking.top.filter { !$0.certainInTop }.count
    let unordered = ranking.top.dropLast().filter { !$0.aheadOfNext }.count
    var text = "with probability at least \(probability), every exact score lies in its interval: "
    if ranking.isSettled {
      text += "the top \(ranking.top.count) and their order are certain"
    } else {
      var parts: [String] = []
      if uncertain > 0 { parts.append("\(uncertain) of the top \(ranking.top.count) may be swapped with \(ranking.contenderCount) others") }
      if unordered > 0 { parts.append("\(unordered) neighbouring pairs may be in either order (scores within ±\(NumberFormatting.short(epsilon)))") }
      text += parts.isEmpty ? "the top \(ranking.top.count) are certain" : parts.joined(separator: "; ")
    }
    return text + " (\(source))"
  }

  /// An upper bound on the number of nodes on a shortest path (the vertex diameter VD):
  /// - hops, undirected: per component, twice the eccentricity of its first node, plus one;
  /// - weighted, undirected: per component, at most its size and at most 2·e/ℓ_min + 1 nodes,
  ///   with e the weighted eccentricity of its first node and ℓ_min the shortest tie (a path
  ///   of h ties is at least h·ℓ_min long and no shortest path is longer than 2e);
  /// - directed: the size of the largest weak component (distances without direction do not
  ///   bound directed ones: a hub with arcs into a long directed path puts every node within
  ///   2 hops of it, while the path's shortest route is the path itself).
  func vertexDiameterBound(_ options: BetweennessOptions) -> Int {
    if isDirected { return ConnectedComponents(of: self).largestSize }
    let components = ConnectedComponents(of: self)
    let eccentricities = firstNodeEccentricities(components, distance: options.distance)
    guard options.distance != .hops else { return eccentricities.map { 2 * Int($0) + 1 }.max() ?? 1 }
    guard let shortest = weights.lazy.map({ options.distance.length(ofWeight: $0)! }).min(), shortest > 0 else { return nodeCount }
    let sizes = components.partition.sizes
    var bound = 1
    for (c, eccentricity) in eccentricities.enumerated() {
      let ties = (2 * eccentricity / shortest * (1 + 1e-12)).rounded(.down)
      bound = max(bound, min(sizes[c], ties >= Double(sizes[c]) ? sizes[c] : Int(ties) + 1))
    }
    return bound
  }

  /// Per component, the eccentricity of its first node: the hops, or the length with
  /// `distance`, of the farthest node of the component from it.
  private func firstNodeEccentricities(_ components: ConnectedComponents, distance: EdgeDistance) -> [Double] {
    let search = ShortestPathSearch(SearchGraph(self, distance: distance))
    var eccentricity = [Double](repeating: -1, count: components.count)
    for v in 0 ..< nodeCount where eccentricity[Int(components.partition.membership[v])] < 0 {
      search.search(from: v, ties: .exact)
      let farthest = Int(search.order[search.reachedCount - 1])
      eccentricity[Int(components.partition.membership[v])] =
        distance == .hops ? Double(search.hops[farthest]) : search.distance[farthest]
      search.reset()
    }
    return eccentricity
  }
}

extension RankingGuarantee {
  /// The guarantee with estimates and bounds multiplied by `scale`.
  func scaled(by scale: Double) -> RankingGuarantee {
    func entry(_ e: Entry) -> Entry {
      var copy = e
      copy.estimate *= scale
      copy.lower *= scale
      copy.upper *= scale
      return copy
    }
    var copy = self
    copy.top = top.map(entry)
    copy.contenders = contenders.map(entry)
    return copy
  }
}

/// How KADABRA shares δ out over the nodes' bounds, and when it may stop (Borassi & Natale
/// 2016, §4.2 and algorithm 1). Bounds are on b̃ = c(v)/τ, over ordered pairs.
struct KadabraBudget {
  let k: Int
  let epsilon: Double
  let delta: Double
  let omega: Int
  /// ln(1/δ_L(v)) and ln(1/δ_U(v)) for every node.
  private var logLower: [Double]
  private var logUpper: [Double]

  /// Shares δ/2 out from the counts of a first round of `samples` paths.
  init(firstRound counts: [Int], samples: Int, k: Int, epsilon: Double, delta: Double, unionSize: Int, omega: Int) {
    self.k = k
    self.epsilon = epsilon
    self.delta = delta
    self.omega = omega
    let n = counts.count
    let ranked = Self.highest(unionSize, of: counts)
    let b = ranked.map { Double(counts[$0]) / Double(samples) }
    let (low, high) = Self.targets(b, k: k, epsilon: epsilon)
    func share(_ target: Double?, _ estimate: Double, _ c: Double) -> Double {
      guard let target, estimate > 0 else { return 0 }
      return Foundation.exp(-c * target * target / estimate)
    }
    let last = ranked.count - 1
    func total(_ c: Double) -> Double {
      var sum = 0.0
      for i in ranked.indices { sum += share(low[i], b[i], c) + share(high[i], b[i], c) }
      return sum + Double(n - ranked.count) * (share(low[last], b[last], c) + share(high[last], b[last], c))
    }
    let balancing = 0.001
    let goal = delta / 2 * (1 - balancing)
    var upper = Foundation.log(4 * Double(n) / delta) / (epsilon * epsilon)
    while total(upper) >= goal { upper *= 2 }
    var lower = 0.0
    while upper - lower > 1e-9 * upper {
      let middle = (lower + upper) / 2
      if total(middle) >= goal { lower = middle } else { upper = middle }
    }
    let even = delta * balancing / (4 * Double(n))
    let restLower = -Foundation.log(share(low[last], b[last], upper) + even)
    let restUpper = -Foundation.log(share(high[last], b[last], upper) + even)
    logLower = Array(repeating: restLower, count: n)
    logUpper = Array(repeating: restUpper, count: n)
    for (i, v) in ranked.enumerated() {
      logLower[v] = -Foundation.log(share(low[i], b[i], upper) + even)
      logUpper[v] = -Foundation.log(share(high[i], b[i], upper) + even)
    }
  }

  /// The error each ranked node aims at below (`nil`: its lower bound is not needed) and
  /// above: ε for every node in all-scores mode; in top-k mode half the gap to the
  /// neighbour in the ranking for the top k, and the distance to the middle between the k-th
  /// and the (k + 1)-th for the rest, at least ε; ε for nodes within 2.5ε (√100·ε/4, the
  /// first round's accuracy) of their neighbour, which can only finish by narrow intervals.
  static func targets(_ b: [Double], k: Int, epsilon: Double) -> ([Double?], [Double]) {
    let m = b.count
    guard k > 0 else { return (Array(repeating: epsilon, count: m), Array(repeating: epsilon, count: m)) }
    func gap(_ i: Int) -> Double { i + 1 < m ? b[i] - b[i + 1] : 0 }
    var low = [Double?](repeating: nil, count: m), high = [Double](repeating: epsilon, count: m)
    let middle = k < m ? (b[k - 1] + b[k]) / 2 : 0
    let close = 2.5 * epsilon
    for i in 0 ..< m {
      if i < k {
        low[i] = max(epsilon, (i == 0 ? gap(0) : gap(i - 1)) / 2)
        high[i] = max(epsilon, gap(i) / 2)
        if i + 1 < m && gap(i) < close { high[i] = epsilon; low[i] = epsilon }
        if i > 0 && gap(i - 1) < close { low[i] = epsilon; high[i] = epsilon }
      } else {
        high[i] = max(epsilon, middle - b[i])
        if b[k - 1] - b[i] < close { high[i] = epsilon; low[k - 1] = epsilon; high[k - 1] = epsilon }
      }
    }
    return (low, high)
  }

  /// f: how far below b̃ the exact score may lie.
  @inline(__always)
  func below(_ estimate: Double, samples tau: Double, _ v: Int) -> Double {
    let l = logLower[v], ratio = Double(omega) / tau - 1.0 / 3
    let error = l / tau * (-ratio + (ratio * ratio + 2 * estimate * Double(omega) / l).squareRoot())
    return min(error, estimate)
  }

  /// g: how far above b̃ the exact score may lie.
  @inline(__always)
  func above(_ estimate: Double, samples tau: Double, _ v: Int) -> Double {
    let l = logUpper[v], ratio = Double(omega) / tau + 1.0 / 3
    let error = l / tau * (ratio + (ratio * ratio + 2 * estimate * Double(omega) / l).squareRoot())
    return min(error, 1 - estimate)
  }

  /// Whether sampling may stop after `samples` paths with these counts.
  func isFinished(counts: [Int], samples: Int) -> Bool {
    let tau = Double(samples)
    func narrow(_ v: Int, _ b: Double) -> Bool { below(b, samples: tau, v) < epsilon && above(b, samples: tau, v) < epsilon }
    guard k > 0 else {
      return counts.indices.allSatisfy { narrow($0, Double(counts[$0]) / tau) }
    }
    let top = Self.highest(k + 1, of: counts)
    let b = top.map { Double(counts[$0]) / tau }
    let lower = top.indices.map { b[$0] - below(b[$0], samples: tau, top[$0]) }
    let upper = top.indices.map { b[$0] + above(b[$0], samples: tau, top[$0]) }
    for i in 0 ..< min(k, top.count) {
      let separated = (i == 0 || lower[i - 1] > upper[i]) && (i + 1 >= top.count || lower[i] > upper[i + 1])
      if !separated && !narrow(top[i], b[i]) { return false }
    }
    let inTop = Set(top.prefix(k))
    let kth = lower[min(k, top.count) - 1]
    for v in counts.indices where !inTop.contains(v) {
      let bv = Double(counts[v]) / tau
      if !(kth > bv + above(bv, samples: tau, v)) && !narrow(v, bv) { return false }
    }
    return true
  }

  /// The top k with their intervals and what is certain about them; with `limit` (sampling
  /// reached ω), every interval is also cut to ±limit.
  func ranking(counts: [Int], samples: Int, limit: Double?) -> RankingGuarantee {
    let tau = Double(samples)
    func entry(_ v: Int) -> RankingGuarantee.Entry {
      let b = Double(counts[v]) / tau
      var lower = b - below(b, samples: tau, v), upper = b + above(b, samples: tau, v)
      if let limit { lower = max(lower, b - limit); upper = min(upper, b + limit) }
      return .init(node: NodeID(v), estimate: b, lower: max(0, lower), upper: upper, certainInTop: false, aheadOfNext: false)
    }
    var top = Self.highest(k, of: counts).map(entry)
    let inTop = Set(top.map(\.node.index))
    let lowest = top.map(\.lower).min() ?? 0
    var outsideUpper = 0.0
    var contenders: [RankingGuarantee.Entry] = []
    for v in counts.indices where !inTop.contains(v) {
      let e = entry(v)
      outsideUpper = max(outsideUpper, e.upper)
      if e.upper >= lowest { contenders.append(e) }
    }
    for i in top.indices {
      top[i].certainInTop = top[i].lower > outsideUpper
      top[i].aheadOfNext = i + 1 < top.count ? top[i].lower > top[i + 1].upper : top[i].certainInTop
    }
    contenders.sort { ($0.estimate, $1.node.index) > ($1.estimate, $0.node.index) }
    return RankingGuarantee(
      k: k, epsilon: epsilon, delta: delta, reachedMaximum: limit != nil, top: top,
      contenders: Array(contenders.prefix(50)), contenderCount: contenders.count)
  }

  /// The `m` nodes with the highest counts, highest first, ties by node number.
  static func highest(_ m: Int, of counts: [Int]) -> [Int] {
    let m = min(m, counts.count)
    guard m > 0 else { return [] }
    var best: [Int] = []
    best.reserveCapacity(m + 1)
    func ahead(_ a: Int, _ b: Int) -> Bool { counts[a] > counts[b] || (counts[a] == counts[b] && a < b) }
    for v in counts.indices {
      if best.count == m && !ahead(v, best[m - 1]) { continue }
      var low = 0, high = best.count
      while low < high {
        let mid = (low + high) >> 1
        if ahead(best[mid], v) { low = mid + 1 } else { high = mid }
      }
      best.insert(v, at: low)
      if best.count > m { best.removeLast() }
    }
    return best
  }
}

/// Shortest paths drawn in parallel: sample i always uses the generator derived from the
/// seed and i, so which thread draws it does not matter.
struct SampledPaths: Sendable {
  let graph: CollaborationGraph
  let seed: UInt64
  let threads: Int
  private let samplers: [ShortestPathSampler]

  init(graph: CollaborationGraph, options: BetweennessOptions, seed: UInt64) {
    self.graph = graph
    self.seed = seed
    threads = max(1, min(64, options.threads))
    let input = ShortestPathSampler.Input(graph: graph, options: options)
    samplers = (0 ..< threads).map { _ in ShortestPathSampler(input) }
  }

  /// How often each node is an inner node of the paths of samples `range`.
  func counts(_ range: Range<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: graph.nodeCount)
    add(range, into: &counts)
    return counts
  }

  /// Adds to `counts` how often each node is an inner node of the paths of samples `range`.
  func add(_ range: Range<Int>, into counts: inout [Int]) {
    let threadCount = min(threads, max(1, range.count / 16))
    let slots = ThreadSlots<[Int32]>(count: threadCount, initial: [])
    let n = UInt64(graph.nodeCount)
    let samplers = samplers, seed = seed
    let work: @Sendable (Int) -> Void = { thread in
      let sampler = samplers[thread]
      let chunk = range.count / threadCount, extra = range.count % threadCount
      let start = range.lowerBound + thread * chunk + min(thread, extra)
      let end = start + chunk + (thread < extra ? 1 : 0)
      var inner: [Int32] = []
      for i in start ..< end {
        var mixer = SeededGenerator(seed: seed &+ UInt64(i) &* 0xD1B5_4A32_D192_ED03)
        var rng = SeededGenerator(seed: mixer.next())
        let s = Int(rng.next() % n)
        var t = Int(rng.next() % (n - 1))
        if t >= s { t += 1 }
        sampler.sample(from: s, to: t, rng: &rng, into: &inner)
      }
      slots.set(thread, inner)
    }
    if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
    for inner in slots.take() {
      for v in inner { counts[Int(v)] += 1 }
    }
  }
}
