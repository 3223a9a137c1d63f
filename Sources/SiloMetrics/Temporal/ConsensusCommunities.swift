import Dispatch
import SiloGraph

/// Communities that do not depend on the random seed: a consensus of several seeded Leiden
/// runs (Lancichinetti & Fortunato 2012), so that two periods' communities differ because the
/// collaboration differs, not because the seed led the search another way.
///
/// Each round runs Leiden ``runs`` times, each with its own seed, on the current graph (the
/// collaboration graph in the first round). When every run returns the same partition, that
/// is the result. Otherwise the next round's graph keeps the ties of the collaboration graph
/// (the fast variant the authors give for large networks: only pairs that are tied are
/// scored), each weighted by the share of runs that put its two people together, and drops
/// the ties with a share below ``threshold``; a person left without any tie keeps the tie
/// with the highest share (lowest neighbour number on a tie), as the authors do, so that
/// nobody is cut off by the threshold alone. After ``maximumRounds`` rounds without full
/// agreement, the result is the last round's partition with the highest modularity on the
/// collaboration graph (the lowest run number among equals), and ``Result/converged`` is
/// `false`.
///
/// Run i of round k uses the seed `SeededGenerator(seed: seed ^ ((k · runs + i + 1) ·
/// 0x9E3779B97F4A7C15)).next()`, and runs share out over threads without sharing state, so the
/// result is the same for any number of threads.
///
/// - Complexity: O(rounds · runs · L + rounds · runs · *m*) for L the cost of one Leiden run
///   (about O(*m*) per iteration) and *m* ties.
///
/// > A. Lancichinetti, S. Fortunato. "Consensus clustering in complex networks." *Scientific
/// > Reports* 2, 336 (2012). doi:10.1038/srep00336
public struct ConsensusCommunities: Sendable, Hashable {
  /// The search each run makes (modularity, γ, weights).
  public var leiden: Leiden
  /// Runs per round (n_P in the paper; it used 50 to 100 on small benchmark graphs; 10 keep
  /// a trend of twelve periods of 100,000 people within a minute and already agree on most
  /// real periods after two rounds).
  public var runs: Int
  /// The least share of runs in which two tied people must be together for their tie to stay
  /// (τ). SiloScope's default 0.5 keeps a tie when most runs agree on it (our choice; the
  /// paper shows the consensus is not sensitive to τ over a wide middle range).
  public var threshold: Double
  /// The most rounds before taking the best partition of the last round.
  public var maximumRounds: Int

  /// A consensus of `runs` Leiden runs per round with threshold τ = 0.5, at most ten rounds.
  public init(leiden: Leiden = Self.defaultSearch, runs: Int = 10, threshold: Double = 0.5, maximumRounds: Int = 10) {
    self.leiden = leiden
    self.runs = runs
    self.threshold = threshold
    self.maximumRounds = maximumRounds
  }

  /// Leiden for modularity (γ = 1, weighted) with two iterations per run, as igraph's default
  /// `n_iterations = 2`: the consensus, not repeated iterations of one run, makes the result
  /// stable.
  public static var defaultSearch: Leiden {
    var search = Leiden()
    search.maxIterations = 2
    return search
  }

  /// The consensus partition and how it was reached.
  public struct Result: Sendable, Hashable, Codable {
    /// The communities, numbered by size (largest 0), equal sizes by their lowest node.
    public var partition: Partition
    /// Newman–Girvan modularity of ``partition`` on the collaboration graph (γ and weights
    /// as the search used them).
    public var modularity: Double
    /// Rounds run.
    public var rounds: Int
    /// Whether the last round's runs all agreed.
    public var converged: Bool
  }

  /// Finds the consensus communities of `graph`.
  ///
  /// - Throws: ``MetricError/invalidArgument(_:)`` for fewer than one run or round, a
  ///   threshold outside (0, 1], or an invalid Leiden search.
  public func communities(in graph: CollaborationGraph, seed: UInt64 = 1, threads: Int = 1) throws(MetricError) -> Result {
    guard runs >= 1, maximumRounds >= 1 else { throw .invalidArgument("the consensus needs at least one run and one round") }
    guard threshold > 0 && threshold <= 1 else { throw .invalidArgument("the consensus threshold must lie in (0, 1]") }
    var current = graph
    var chosen: Partition? = nil
    var converged = false
    var rounds = 0
    for round in 0 ..< maximumRounds {
      rounds = round + 1
      let partitions = try runAll(on: current, round: round, seed: seed, threads: threads)
      if partitions.dropFirst().allSatisfy({ $0.membership == partitions[0].membership }) {
        chosen = partitions[0]
        converged = true
        break
      }
      if round == maximumRounds - 1 {
        chosen = try best(of: partitions, on: graph)
        break
      }
      current = consensusGraph(graph, partitions)
    }
    let partition = Self.canonical(chosen!)
    let modularity = try graph.modularity(of: partition, resolution: leiden.resolution, weighted: leiden.weighted).value
    return Result(partition: partition, modularity: modularity, rounds: rounds, converged: converged)
  }

  /// The partitions of one round's runs, in run order.
  private func runAll(on graph: CollaborationGraph, round: Int, seed: UInt64, threads: Int) throws(MetricError) -> [Partition] {
    let results = ThreadSlots<Swift.Result<Partition, MetricError>?>(count: runs, initial: nil)
    let search = round == 0 ? leiden : {
      var consensus = leiden
      consensus.weighted = true
      return consensus
    }()
    let count = runs
    let threadCount = max(1, min(threads, count))
    let work: @Sendable (Int) -> Void = { t in
      for i in stride(from: t, to: count, by: threadCount) {
        var generator = SeededGenerator(seed: seed ^ (UInt64(round * count + i + 1) &* 0x9E37_79B9_7F4A_7C15))
        results.set(i, Swift.Result<Partition, MetricError> { () throws(MetricError) -> Partition in
          try search.communities(in: graph, seed: generator.next()).partition
        })
      }
    }
    if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
    return try results.take().map { result throws(MetricError) in try result!.get() }
  }

  /// The collaboration graph's ties weighted by the share of partitions that put both ends
  /// together, those below the threshold dropped (each person keeps at least their best tie).
  private func consensusGraph(_ graph: CollaborationGraph, _ partitions: [Partition]) -> CollaborationGraph {
    let n = graph.nodeCount
    var builder = GraphBuilder(nodeCount: n, directedness: .undirected)
    var best = [(share: Double, neighbour: Int)](repeating: (0, -1), count: n)
    var hasTie = [Bool](repeating: false, count: n)
    var kept: [(Int, Int, Double)] = []
    graph.forEachTie(weighted: false) { u, v, _ in
      guard u != v else { return }
      var together = 0
      for p in partitions where p.membership[u] == p.membership[v] { together += 1 }
      let share = Double(together) / Double(partitions.count)
      if share > best[u].share || (share == best[u].share && best[u].neighbour > v) { best[u] = (share, v) }
      if share > best[v].share || (share == best[v].share && best[v].neighbour > u) { best[v] = (share, u) }
      if share >= threshold {
        kept.append((u, v, share))
        hasTie[u] = true
        hasTie[v] = true
      }
    }
    var rescued = Set<Int>()
    for u in 0 ..< n where !hasTie[u] && best[u].neighbour >= 0 && best[u].share > 0 {
      let v = best[u].neighbour
      if rescued.insert(min(u, v) * n + max(u, v)).inserted { kept.append((min(u, v), max(u, v), best[u].share)) }
    }
    for (u, v, share) in kept { builder.addEdge(NodeID(u), NodeID(v), weight: share) }
    return builder.build()
  }

  /// The partition with the highest modularity on `graph`, the first among equals.
  private func best(of partitions: [Partition], on graph: CollaborationGraph) throws(MetricError) -> Partition {
    var bestIndex = 0
    var bestValue = -Double.infinity
    for (i, p) in partitions.enumerated() {
      let value = try graph.modularity(of: p, resolution: leiden.resolution, weighted: leiden.weighted).value
      if value > bestValue {
        bestValue = value
        bestIndex = i
      }
    }
    return partitions[bestIndex]
  }

  /// The partition renumbered by community size (largest first), equal sizes by lowest node.
  static func canonical(_ partition: Partition) -> Partition {
    let sizes = partition.sizes
    var lowest = [Int](repeating: Int.max, count: partition.groupCount)
    for (v, c) in partition.membership.enumerated() where lowest[Int(c)] == Int.max { lowest[Int(c)] = v }
    let order = (0 ..< partition.groupCount).filter { sizes[$0] > 0 }.sorted { (-sizes[$0], lowest[$0]) < (-sizes[$1], lowest[$1]) }
    var newNumber = [Int32](repeating: -1, count: partition.groupCount)
    for (i, c) in order.enumerated() { newNumber[c] = Int32(i) }
    return Partition(membership: partition.membership.map { newNumber[Int($0)] }, groupCount: order.count)
  }
}
