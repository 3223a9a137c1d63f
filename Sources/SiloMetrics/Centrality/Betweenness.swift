import Dispatch
import SiloGraph

/// Betweenness centrality of every node, with the conventions that produced it.
public struct Betweenness: Sendable, Hashable, Codable {
  /// One score per node.
  public var scores: NodeScores
  public var distance: EdgeDistance
  public var ties: PathTieRule
  /// Whether the scores are normalized (NetworkX / R igraph convention), or raw pair counts.
  public var normalized: Bool
  /// Sources the shortest paths were counted from: all nodes for the exact measure.
  public var sources: Int
  /// For an approximation, how it was made and what it guarantees.
  public var approximation: Approximation?

  /// How the scores were computed: ``BetweennessMethod/exact`` or the approximation's method.
  public var method: BetweennessMethod { approximation?.method ?? .exact }

  public struct Approximation: Sendable, Hashable, Codable {
    /// How the estimate was made (never ``BetweennessMethod/exact``).
    public var method: BetweennessMethod
    public var seed: UInt64
    /// Samples drawn (sources, or node pairs).
    public var samples: Int
    /// For the adaptive estimator: with probability at least 1 − δ every score is within ε of
    /// the exact normalized score.
    public var epsilon: Double?
    public var delta: Double?
    public var statement: String
    /// For KADABRA's top-k mode: the intervals of the top people and what is certain about
    /// their ranking.
    public var ranking: RankingGuarantee? = nil
  }
}

/// How betweenness was computed; the raw values are what JSON outputs write.
public enum BetweennessMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every source (``SiloGraph/CollaborationGraph/betweenness(_:)``).
  case exact
  /// Randomly chosen sources, scaled as NetworkX
  /// (``SiloGraph/CollaborationGraph/sampledBetweenness(sources:seed:options:)``).
  case sampledSources = "sampled-sources"
  /// Riondato & Kornaropoulos' sampled paths
  /// (``SiloGraph/CollaborationGraph/adaptiveBetweenness(epsilon:delta:seed:options:)``).
  case riondatoKornaropoulos = "riondato-kornaropoulos"
  /// KADABRA's adaptive sampled paths
  /// (``SiloGraph/CollaborationGraph/kadabraBetweenness(top:epsilon:delta:seed:options:)``).
  case kadabra
}

/// Options for ``SiloGraph/CollaborationGraph/betweenness(_:)``,
/// ``SiloGraph/CollaborationGraph/sampledBetweenness(sources:seed:options:)`` and
/// ``SiloGraph/CollaborationGraph/adaptiveBetweenness(epsilon:delta:seed:options:)``.
public struct BetweennessOptions: Sendable, Hashable {
  public var distance = EdgeDistance.hops
  public var ties = PathTieRule.exact
  /// Divide as NetworkX and R igraph do by default; `false` gives raw pair counts (unordered
  /// pairs for an undirected graph).
  public var normalized = true
  /// Threads to use; results are identical for every thread count.
  public var threads = 1

  /// Creates options with exact tie comparison (``PathTieRule/exact``, as NetworkX).
  ///
  /// - Parameters:
  ///   - distance: How a tie's weight becomes a path length; hops ignore weights.
  ///   - normalized: Divide as NetworkX and R igraph do; `false` gives raw pair counts.
  ///   - threads: Threads to use (fewer than 1 counts as 1, and no more than 64 are used);
  ///     every count gives the same result.
  public init(distance: EdgeDistance = .hops, normalized: Bool = true, threads: Int = 1) {
    self.distance = distance
    self.normalized = normalized
    self.threads = threads
  }
}

extension CollaborationGraph {
  /// Returns the betweenness centrality of every node: how many shortest paths between
  /// other people run through them.
  ///
  /// Brandes' algorithm (2001): a breadth-first search (hops) or Dijkstra search (weighted)
  /// from every source, then dependencies accumulated backwards:
  ///
  /// ```
  /// c_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
  /// δ_s(v) = Σ_{w : v ∈ P_s(w)} (σ_sv / σ_sw) (1 + δ_s(w))
  /// ```
  ///
  /// Conventions, as NetworkX `betweenness_centrality(G, normalized, weight, endpoints=False)`
  /// and R igraph `betweenness(normalized=…)`:
  /// - raw, undirected: each unordered pair once (the ordered Brandes sum halved);
  /// - normalized: undirected × 2/((n−1)(n−2)), directed × 1/((n−1)(n−2)); nothing for n ≤ 2;
  /// - path lengths from weights as ``EdgeDistance`` says; equal lengths as ``PathTieRule``
  ///   says (hop counts are whole numbers, so the rule matters only for weighted distances).
  ///   With ``PathTieRule/exact`` ties are decided during the Dijkstra search, as NetworkX
  ///   does: a node v settled before u is a predecessor of u when d(v) + ℓ(v,u) equals the
  ///   tentative d(u) exactly, and a shorter route found later replaces them. With
  ///   ``PathTieRule/tolerant`` they are decided after the search, from the final distances:
  ///   d(v) < d(u) and d(v) + ℓ(v,u) equal to d(u) within a relative 1e-10. Either way the
  ///   result does not depend on the order of the input.
  ///
  /// Parallel: sources are split into 64 fixed blocks, each block sums into its own array and
  /// the blocks are added in order, so every thread count gives the same bits.
  ///
  /// - Complexity: O(*nm*) unweighted, O(*nm* + *n*² log *n*) weighted; memory O(*n* + *m*)
  ///   per thread plus 64 × *n* doubles.
  ///
  /// > U. Brandes. "A faster algorithm for betweenness centrality." *J. Math. Sociology* 25(2),
  /// > 163–177 (2001). doi:10.1080/0022250X.2001.9990249
  /// > L. C. Freeman. "A set of measures of centrality based on betweenness." *Sociometry*
  /// > 40(1), 35–41 (1977). doi:10.2307/3033543
  public func betweenness(_ options: BetweennessOptions = BetweennessOptions()) -> Betweenness {
    let raw = brandes(sources: Array(0 ..< nodeCount), options: options)
    return Betweenness(
      scores: NodeScores(rescaled(raw, normalized: options.normalized)), distance: options.distance,
      ties: options.ties, normalized: options.normalized, sources: nodeCount, approximation: nil)
  }

  /// Rescales ordered-pair sums as NetworkX's `_rescale` does for exact betweenness.
  func rescaled(_ sums: [Double], normalized: Bool) -> [Double] {
    let n = Double(nodeCount)
    if normalized {
      guard nodeCount > 2 else { return sums.map { _ in 0 } }
      let scale = 1 / ((n - 1) * (n - 2))
      return sums.map { $0 * scale }
    }
    return isDirected ? sums : sums.map { $0 / 2 }
  }

  /// The ordered-pair Brandes sums over the given sources: per source a search
  /// (``ShortestPathSearch``) and the dependency accumulation, the sources split into at most
  /// 64 fixed blocks whose sums are added in block order (``BlockResults``).
  func brandes(sources: [Int], options: BetweennessOptions) -> [Double] {
    let n = nodeCount
    guard n > 0, !sources.isEmpty else { return Array(repeating: 0, count: n) }
    let blockCount = min(64, sources.count)
    let threads = max(1, min(options.threads, blockCount))
    let searchGraph = SearchGraph(self, distance: options.distance)
    let nextBlock = Counter()
    let results = BlockResults(nodeCount: n)
    let work: @Sendable () -> Void = {
      let search = ShortestPathSearch(searchGraph)
      while true {
        let block = nextBlock.next()
        if block >= blockCount { break }
        let start = block * sources.count / blockCount, end = (block + 1) * sources.count / blockCount
        var sums = [Double](repeating: 0, count: n)
        sums.withUnsafeMutableBufferPointer { sums in
          for k in start ..< end {
            search.search(from: sources[k], ties: options.ties)
            search.accumulateDependencies(into: sums.baseAddress!)
            search.reset()
          }
        }
        results.add(sums, block: block)
      }
    }
    if threads == 1 {
      work()
    } else {
      DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
    }
    return results.total
  }
}

/// Sums block results in block order, whatever order the blocks finish in, so that the total
/// has the same bits for every thread count. Only blocks that finish early wait in memory.
final class BlockResults: @unchecked Sendable {
  private var sums: [Double]
  private var pending: [Int: [Double]] = [:]
  private var nextBlock = 0
  private let queue = DispatchQueue(label: "siloscope.blocks")

  init(nodeCount: Int) { sums = Array(repeating: 0, count: nodeCount) }

  func add(_ block: [Double], block index: Int) {
    queue.sync {
      pending[index] = block
      while let ready = pending.removeValue(forKey: nextBlock) {
        for v in sums.indices { sums[v] += ready[v] }
        nextBlock += 1
      }
    }
  }

  var total: [Double] { queue.sync { sums } }
}

/// A thread-safe counter handing out block numbers.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let queue = DispatchQueue(label: "siloscope.counter")
  func next() -> Int { queue.sync { value += 1; return value - 1 } }
}
