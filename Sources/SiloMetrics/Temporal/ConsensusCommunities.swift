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
/// Agreement is decided per connected component of the round's graph: a component that every
/// run splits the same way (up to the communities' numbers) is settled as that split, and the
/// following rounds search only the components still in dispute. This is the authors'
/// stopping rule (every run agrees) applied to each component instead of only to the whole
/// graph: no tie leads out of a component and Leiden's communities are connected, so the
/// components are searched independently of each other. The components in dispute are
/// searched with the null model of the whole consensus graph (its total strength, the settled
/// communities' inside ties included at share 1), so each is searched as it would be inside
/// the whole; only the seeds' draws differ, since fewer nodes are searched. On a
/// generated 100,000-person year by quarter, rounds after the third search 1–5% of the people,
/// and a quarter that did not agree in ten rounds of the whole graph agreed in five.
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
    var state = ConsensusState(nodeCount: graph.nodeCount)
    var current = graph
    var settledStrength = 0.0
    var converged = false
    var rounds = 0
    for round in 0 ..< maximumRounds {
      rounds = round + 1
      let search = round == 0 ? leiden : {
        var consensus = leiden
        consensus.weighted = true
        return consensus
      }()
      let base = LevelGraph(current, weighted: search.weighted)
      let totalStrength = base.strength.reduce(0, +) + settledStrength
      let partitions = try runAll(search, on: base, totalStrength: totalStrength, round: round, seed: seed, threads: threads)
      state.settle(Self.agreement(of: partitions, components: ConnectedComponents(of: current).partition), as: partitions[0])
      if state.isComplete {
        converged = true
        break
      }
      if round == maximumRounds - 1 {
        try state.settleBest(of: partitions, on: graph, search: leiden)
        break
      }
      (current, settledStrength) = consensusGraph(graph, partitions, state)
      state.advance()
    }
    let partition = Self.canonical(state.partition)
    let modularity = try graph.modularity(of: partition, resolution: leiden.resolution, weighted: leiden.weighted).value
    return Result(partition: partition, modularity: modularity, rounds: rounds, converged: converged)
  }

  /// The partitions of one round's runs, in run order.
  private func runAll(
    _ search: Leiden, on base: LevelGraph, totalStrength: Double, round: Int, seed: UInt64, threads: Int
  ) throws(MetricError) -> [Partition] {
    let results = ThreadSlots<Swift.Result<Partition, MetricError>?>(count: runs, initial: nil)
    let count = runs
    let threadCount = max(1, min(threads, count))
    let work: @Sendable (Int) -> Void = { t in
      for i in stride(from: t, to: count, by: threadCount) {
        var generator = SeededGenerator(seed: seed ^ (UInt64(round * count + i + 1) &* 0x9E37_79B9_7F4A_7C15))
        results.set(i, Swift.Result<Partition, MetricError> { () throws(MetricError) -> Partition in
          try search.partition(of: base, totalStrength: totalStrength, seed: generator.next())
        })
      }
    }
    if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
    return try results.take().map { result throws(MetricError) in try result!.get() }
  }

  /// For each node, whether every run splits its component (of the graph the runs searched)
  /// the same way: the runs' labels correspond one to one there. A label that disagrees
  /// marks the components of every node that gave it its correspondence.
  static func agreement(of partitions: [Partition], components: Partition) -> [Bool] {
    let component = components.membership
    var agrees = [Bool](repeating: true, count: components.groupCount)
    let first = partitions[0]
    for other in partitions.dropFirst() {
      var forward = [(label: Int32, node: Int32)](repeating: (-1, -1), count: first.groupCount)
      var backward = [(label: Int32, node: Int32)](repeating: (-1, -1), count: other.groupCount)
      for u in 0 ..< first.nodeCount {
        let a = Int(first.membership[u]), b = Int(other.membership[u])
        if forward[a].label < 0 && backward[b].label < 0 {
          forward[a] = (Int32(b), Int32(u))
          backward[b] = (Int32(a), Int32(u))
        } else if forward[a].label != Int32(b) || backward[b].label != Int32(a) {
          agrees[Int(component[u])] = false
          if forward[a].node >= 0 { agrees[Int(component[Int(forward[a].node)])] = false }
          if backward[b].node >= 0 { agrees[Int(component[Int(backward[b].node)])] = false }
        }
      }
    }
    return component.map { agrees[Int($0)] }
  }

  /// The next round's graph over the people not yet settled: their collaboration ties
  /// weighted by the share of this round's partitions that put both ends together, those
  /// below the threshold dropped (each person keeps at least their best tie); and the
  /// strength the settled communities add to the whole consensus graph (each tie inside a
  /// settled community at share 1, counted from both ends).
  private func consensusGraph(
    _ graph: CollaborationGraph, _ partitions: [Partition], _ state: ConsensusState
  ) -> (CollaborationGraph, settledStrength: Double) {
    let next = state.nextNumbers()
    let n = next.reduce(0) { max($0, Int($1) + 1) }
    var best = [(share: Double, neighbour: Int)](repeating: (0, -1), count: n)
    var hasTie = [Bool](repeating: false, count: n)
    var kept: [(Int, Int, Double)] = []
    var settledStrength = 0.0
    graph.forEachTie(weighted: false) { x, y, _ in
      guard x != y else { return }
      guard state.community[x] < 0 && state.community[y] < 0 else {
        if state.community[x] == state.community[y] { settledStrength += 2 }
        return
      }
      let cx = Int(state.position[x]), cy = Int(state.position[y])
      var together = 0
      for p in partitions where p.membership[cx] == p.membership[cy] { together += 1 }
      let share = Double(together) / Double(partitions.count)
      let u = Int(next[cx]), v = Int(next[cy])
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
    var builder = GraphBuilder(nodeCount: n, directedness: .undirected)
    for (u, v, share) in kept { builder.addEdge(NodeID(u), NodeID(v), weight: share) }
    return (builder.build(), settledStrength)
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

/// The consensus' bookkeeping: the communities settled so far, numbered over the whole
/// graph, and the people still searched, numbered as the current round's graph numbers them.
struct ConsensusState {
  /// The settled community of each person of the whole graph; −1 while unsettled.
  private(set) var community: [Int32]
  private var communityCount: Int32 = 0
  /// The person (of the whole graph) behind each node of the current round's graph.
  private(set) var active: [Int32]
  /// The node of the current round's graph of each person; −1 once settled before this round.
  private(set) var position: [Int32]

  init(nodeCount: Int) {
    community = [Int32](repeating: -1, count: nodeCount)
    active = (0 ..< nodeCount).map { Int32($0) }
    position = active
  }

  /// The settled communities as a partition (complete once everyone is settled).
  var partition: Partition { Partition(membership: community, groupCount: Int(communityCount)) }

  /// Whether everyone is settled.
  var isComplete: Bool { active.allSatisfy { community[Int($0)] >= 0 } }

  /// Settles the nodes of the current graph marked in `agreeing` into the communities of
  /// `reference` (numbered after those settled before, in order of first appearance). The
  /// current graph's numbering stays until ``advance()``.
  mutating func settle(_ agreeing: [Bool], as reference: Partition) {
    var label = [Int32](repeating: -1, count: reference.groupCount)
    for (i, person) in active.enumerated() where agreeing[i] {
      let a = Int(reference.membership[i])
      if label[a] < 0 {
        label[a] = communityCount
        communityCount += 1
      }
      community[Int(person)] = label[a]
    }
  }

  /// The node number in the next round's graph of each node of the current graph still
  /// unsettled (−1 for the settled).
  func nextNumbers() -> [Int32] {
    var next: Int32 = 0
    return active.map { person in
      guard community[Int(person)] < 0 else { return -1 }
      defer { next += 1 }
      return next
    }
  }

  /// Leaves the settled people out of the numbering: the next round's graph is over the rest.
  mutating func advance() {
    for (person, next) in zip(active, nextNumbers()) { position[Int(person)] = next }
    active.removeAll { community[Int($0)] >= 0 }
  }

  /// Settles everyone left as the run of the last round whose whole partition (settled
  /// communities and the run's own) has the highest modularity on `graph`, the first among
  /// equals.
  mutating func settleBest(of partitions: [Partition], on graph: CollaborationGraph, search: Leiden) throws(MetricError) {
    var bestIndex = 0
    var bestValue = -Double.infinity
    for (r, run) in partitions.enumerated() {
      let value = try graph.modularity(of: combined(with: run), resolution: search.resolution, weighted: search.weighted).value
      if value > bestValue {
        bestValue = value
        bestIndex = r
      }
    }
    let chosen = combined(with: partitions[bestIndex])
    community = chosen.membership
    communityCount = Int32(chosen.groupCount)
  }

  /// The settled communities, with the unsettled people in `run`'s communities (numbered
  /// after the settled ones).
  private func combined(with run: Partition) -> Partition {
    var membership = community
    for (i, person) in active.enumerated() where membership[Int(person)] < 0 {
      membership[Int(person)] = communityCount + run.membership[i]
    }
    return Partition(membership: membership, groupCount: Int(communityCount) + run.groupCount)
  }
}
