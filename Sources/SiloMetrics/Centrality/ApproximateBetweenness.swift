import Foundation
import SiloGraph

extension CollaborationGraph {
  /// Returns betweenness estimated from `sources` randomly chosen sources, scaled as NetworkX
  /// ≥ 3.5 scales `betweenness_centrality(G, k=sources)` (PR #7949 and #8256).
  ///
  /// With k sampled sources and N = n − 1 (endpoints excluded), a node among the sources can
  /// only be passed from the k − 1 others, so it is scaled apart:
  ///
  /// ```
  /// normalized:  b(v) · 1/((k − 1)(N − 1))  for a sampled v,   b(v) · 1/(k (N − 1))  otherwise
  /// raw:         b(v) · N/((k − 1) c)       for a sampled v,   b(v) · N/(k c)        otherwise
  /// ```
  ///
  /// with c = 2 undirected, 1 directed. Sources are drawn with SiloGraph's `SeededGenerator`
  /// (not Python's `random`), so values match NetworkX's in expectation, not draw for draw.
  ///
  /// Edge cases:
  /// - `sources ≥ n` returns the exact measure, ``CollaborationGraph/betweenness(_:)``, with
  ///   no ``Betweenness/approximation``.
  /// - `sources ≤ 0` samples one source, as `sources = 1` does.
  /// - With one sampled source (k = 1) the formula above divides by k − 1 = 0 for that node:
  ///   its score is NaN (no other sampled source is left whose paths could pass through
  ///   it), and every other node is scaled as written, with k = 1.
  /// - With n < 3 (N < 2) the sums are returned unscaled; no node can lie between two others,
  ///   so every score is 0.
  /// - An empty graph (n = 0) gives the exact (empty) result, whatever `sources` is.
  ///
  /// - Complexity: O(k m) unweighted, O(k (m + n log n)) weighted.
  public func sampledBetweenness(
    sources k: Int, seed: UInt64 = 1, options: BetweennessOptions = BetweennessOptions()
  ) -> Betweenness {
    let n = nodeCount
    guard k < n, n > 0 else { return betweenness(options) }
    let count = max(1, k)
    var rng = SeededGenerator(seed: seed)
    // Partial Fisher–Yates: the first `count` of a shuffled 0 ..< n.
    var pool = Array(0 ..< n)
    for i in 0 ..< count {
      let j = i + Int(rng.next() % UInt64(n - i))
      pool.swapAt(i, j)
    }
    let chosen = Array(pool[0 ..< count]).sorted()
    let sums = brandes(sources: chosen, options: options)
    let N = Double(n - 1), K = Double(count)
    var isSource = [Bool](repeating: false, count: n)
    for s in chosen { isSource[s] = true }
    let scores: [Double]
    if N < 2 {
      scores = sums
    } else if options.normalized {
      let source = count > 1 ? 1 / ((K - 1) * (N - 1)) : .nan, other = 1 / (K * (N - 1))
      scores = (0 ..< n).map { sums[$0] * (isSource[$0] ? source : other) }
    } else {
      let c = isDirected ? 1.0 : 2.0
      let source = count > 1 ? N / ((K - 1) * c) : .nan, other = N / (K * c)
      scores = (0 ..< n).map { sums[$0] * (isSource[$0] ? source : other) }
    }
    return Betweenness(
      scores: NodeScores(scores), distance: options.distance, ties: options.ties, normalized: options.normalized,
      sources: count,
      approximation: .init(
        method: .sampledSources, seed: seed, samples: count, epsilon: nil, delta: nil,
        statement: "estimated from \(count) of \(n) sources drawn at random (seed \(seed)), scaled as NetworkX betweenness_centrality(k=\(count))"))
  }

  /// Returns betweenness estimated with an error bound: Riondato & Kornaropoulos' sampling of
  /// shortest paths.
  ///
  /// Draws r pairs (s, t) of distinct nodes uniformly, one shortest s–t path uniformly among
  /// all of them, and credits 1/r to each inner node of the path, with
  ///
  /// ```
  /// r = ⌈(c / ε²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,   c = 0.5
  /// ```
  ///
  /// and VD an upper bound on the vertex diameter (nodes on a longest shortest path; the
  /// bounds are listed in <doc:FindingBrokers>). Guarantee (their theorem 2): with probability at least 1 − δ,
  /// every estimate is within ε of the exact betweenness normalized by n(n − 1) ordered pairs.
  /// The scores are then rescaled to the NetworkX normalization ((n − 1)(n − 2) ordered
  /// pairs), so the bound on the returned scores is ε · n/(n − 2). Paths are drawn by
  /// a bidirectional path sampler (a search from both ends), sample i with its own generator
  /// derived from the seed, so the result is the same for every thread count.
  ///
  /// > M. Riondato, E. M. Kornaropoulos. "Fast approximation of betweenness centrality through
  /// > sampling." *Data Mining and Knowledge Discovery* 30, 438–475 (2016).
  /// > doi:10.1007/s10618-015-0423-0
  public func adaptiveBetweenness(
    epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 1, options: BetweennessOptions = BetweennessOptions()
  ) throws(MetricError) -> Betweenness {
    guard epsilon > 0 && epsilon < 1 else { throw .invalidArgument("ε must lie in (0, 1)") }
    guard delta > 0 && delta < 1 else { throw .invalidArgument("δ must lie in (0, 1)") }
    let n = nodeCount
    guard n > 2 else { return betweenness(options) }
    let samples = Self.pathSampleSize(epsilon: epsilon, vertexDiameter: vertexDiameterBound(options), logInverseDelta: -Foundation.log(delta))
    let credit = SampledPaths(graph: self, options: options, seed: seed).counts(0 ..< samples).map(Double.init)
    // credit/r estimates betweenness over n(n−1) ordered pairs; NetworkX divides by (n−1)(n−2).
    let scale = Double(n) / (Double(n - 2) * Double(samples))
    let scores = options.normalized
      ? credit.map { $0 * scale }
      : credit.map { $0 * Double(n) * Double(n - 1) / Double(samples) / (isDirected ? 1 : 2) }
    let bound = epsilon * Double(n) / Double(n - 2)
    return Betweenness(
      scores: NodeScores(scores), distance: options.distance, ties: options.ties, normalized: options.normalized,
      sources: samples,
      approximation: .init(
        method: .riondatoKornaropoulos, seed: seed, samples: samples, epsilon: epsilon, delta: delta,
        statement: "with probability at least \(1 - delta), every normalized score is within "
          + "\(NumberFormatting.short(bound)) of the exact one (Riondato–Kornaropoulos, \(samples) sampled paths, seed \(seed))"))
  }
}

extension Double {
  var log2Floor: Double { Double(exponent) }
}

enum NumberFormatting {
  static func short(_ x: Double) -> String {
    let scaled = (x * 10000).rounded() / 10000
    return String(scaled)
  }
}
