import Dispatch
import SiloGraph

/// How much the collaboration between departments depends on a few people: the
/// organization's bus factor.
public struct BrokerDependence: Sendable, Hashable, Codable {
  /// The brokers examined, most central first.
  public var brokers: [BrokerLoss]
  /// Every pair of departments joined by at least one tie.
  public var pairs: [DepartmentPair]
  /// Sources sampled for the path shares (all people when the organization is small).
  public var sampledSources: Int
  public var seed: UInt64

  /// One pair of departments.
  public struct DepartmentPair: Sendable, Hashable, Codable {
    public var a: Int
    public var b: Int
    /// Ties between the two departments.
    public var ties: Int
    /// Distinct people at either end of those ties.
    public var carriers: Int
    /// Of the shortest paths (hops) from people of `a` to people of `b` (both directions,
    /// from the sampled sources), the share that passes through at least one of the
    /// brokers; `.nan` when no pair of their people is connected.
    public var shareThroughBrokers: Double
  }

  /// What the organization loses when one broker leaves.
  public struct BrokerLoss: Sendable, Hashable, Codable {
    public var node: NodeID
    /// Department pairs whose every direct tie involves this person (not counted when the
    /// person is their department's only member).
    public var pairsLosingAllTies: [[Int]]
    /// Department pairs whose remaining people are connected now and no longer at all (no
    /// path) without this person.
    public var pairsDisconnected: [[Int]]
    /// People who lose every path to the largest remaining component.
    public var peopleCutOff: Int
    /// The share of connected pairs of other people in different departments that are no
    /// longer connected without this person (0 … 1).
    public var crossDepartmentReachLost: Double
  }
}

extension Network {
  /// Measures how much the ties between departments depend on the given brokers (typically
  /// the top-k by betweenness).
  ///
  /// - Per pair of departments: the ties, their distinct carriers, and the share of shortest
  ///   paths (hops) between their people that run through at least one broker: from each
  ///   sampled source s, σ_st counts all shortest s–t paths and σ'_st those that avoid the
  ///   brokers (counted in the same breadth-first search over the shortest-path predecessors
  ///   that are not brokers), so the share is 1 − σ'_st/σ_st, averaged over connected pairs (s, t) in the
  ///   two departments. Sources are all people up to `maxSources`, else a seeded sample of
  ///   `maxSources` people, every department keeping at least min(size, 5, maxSources / k)
  ///   (at least one) of its people.
  /// - Per broker, with that person removed: department pairs whose direct ties all involve
  ///   them, department pairs left without any path, people cut off from the largest
  ///   component, and the share of cross-department connected pairs of people lost.
  ///
  /// Direction is ignored; ties are counted, not weighed. The sources' searches are shared
  /// among `threads` threads; each source's shares are summed on their own and added in
  /// source order, so the result is the same for any number of threads.
  ///
  /// - Complexity: O(S (*n* + *m*)) for S sources (one search each), plus O(k (*n* + *m*))
  ///   for k brokers.
  public func brokerDependence(
    brokers: [NodeID], maxSources: Int = 2000, seed: UInt64 = 1, threads: Int = 1
  ) throws(MetricError) -> BrokerDependence {
    guard let groups else { throw .invalidArgument("the network has no departments (groups)") }
    let graph = self.graph.isDirected ? self.graph.undirectedView() : self.graph
    let n = graph.nodeCount
    let k = groups.groupCount
    let membership = groups.membership
    let (ties, carriers) = Self.tiesAndCarriers(graph, membership: membership, groups: k)
    let sources = Self.sources(groups, people: n, maxSources: maxSources, seed: seed)
    var isBroker = [Bool](repeating: false, count: n)
    for b in brokers { isBroker[b.index] = true }
    let (shareSum, pairCount) = Self.pathShares(
      graph, membership: membership, groups: k, sources: sources, isBroker: isBroker, threads: threads)
    let pairs = ties.keys.sorted().map { pair -> BrokerDependence.DepartmentPair in
      let a = pair / k, b = pair % k
      let count = pairCount[pair]
      return .init(
        a: a, b: b, ties: ties[pair]!, carriers: carriers[pair] ?? 0,
        shareThroughBrokers: count > 0 ? shareSum[pair] / Double(count) : .nan)
    }
    let before = ConnectedComponents(of: graph)
    let losses = brokers.map { Self.loss(of: $0, in: graph, groups: groups, components: before, ties: ties) }
    return BrokerDependence(brokers: losses, pairs: pairs, sampledSources: sources.count, seed: seed)
  }

  /// Per department pair (key min·k + max): the ties between the two, and the distinct people
  /// at their ends. Carriers are counted by sorting (pair, person) codes: a set per pair cost
  /// more than every search at 100,000 people.
  static func tiesAndCarriers(_ graph: CollaborationGraph, membership: [Int32], groups k: Int) -> (ties: [Int: Int], carriers: [Int: Int]) {
    func key(_ a: Int, _ b: Int) -> Int { min(a, b) * k + max(a, b) }
    var ties: [Int: Int] = [:]
    var carrierCodes: [UInt64] = []
    for u in 0 ..< graph.nodeCount {
      for v in graph.neighbors(of: NodeID(u)).nodes where v.index > u {
        let a = Int(membership[u]), b = Int(membership[v.index])
        guard a != b else { continue }
        ties[key(a, b), default: 0] += 1
        carrierCodes.append(UInt64(key(a, b)) << 32 | UInt64(UInt32(u)))
        carrierCodes.append(UInt64(key(a, b)) << 32 | UInt64(v.rawValue))
      }
    }
    carrierCodes.sort()
    var carriers: [Int: Int] = [:]
    var previous: UInt64? = nil
    for code in carrierCodes where code != previous {
      carriers[Int(code >> 32), default: 0] += 1
      previous = code
    }
    return (ties, carriers)
  }

  /// The sources of the path shares: everyone up to `maxSources`, else a seeded sample in
  /// which every department keeps a few (5, fewer when that would pass `maxSources`), sorted.
  static func sources(_ groups: Partition, people n: Int, maxSources: Int, seed: UInt64) -> [Int] {
    guard n > maxSources else { return Array(0 ..< n) }
    var rng = SeededGenerator(seed: seed)
    var byGroup = groups.members.map { $0.map(\.index) }
    for g in byGroup.indices {
      for i in stride(from: byGroup[g].count - 1, to: 0, by: -1) {
        byGroup[g].swapAt(i, Int(rng.next() % UInt64(i + 1)))
      }
    }
    let each = max(1, min(5, maxSources / max(1, byGroup.count)))
    var sources = byGroup.flatMap { $0.prefix(each) }
    var rest = byGroup.flatMap { $0.dropFirst(each) }
    for i in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    sources += rest.prefix(max(0, maxSources - sources.count))
    return sources.sorted()
  }

  /// What the organization loses without `broker`: department pairs whose every tie involves
  /// them, pairs no longer connected, people cut off from the largest piece of their component,
  /// and the share of cross-department reach lost. Before and after both leave the broker out,
  /// so that only what the others lose counts.
  static func loss(
    of broker: NodeID, in graph: CollaborationGraph, groups: Partition, components before: ConnectedComponents, ties: [Int: Int]
  ) -> BrokerDependence.BrokerLoss {
    let k = groups.groupCount, membership = groups.membership
    func key(_ a: Int, _ b: Int) -> Int { min(a, b) * k + max(a, b) }
    let reachBefore = crossReach(before.partition, membership: membership, groups: k, skipping: broker.index)
    let connectedBefore = connectedPairs(before.partition, membership: membership, groups: k, skipping: broker.index)
    var onPair: [Int: Int] = [:]
    let a = Int(membership[broker.index])
    for v in graph.neighbors(of: broker).nodes {
      let b = Int(membership[v.index])
      if a != b { onPair[key(a, b), default: 0] += 1 }
    }
    // A department of one person loses everything with them; that says nothing about
    // brokerage, so only departments that remain are counted.
    let lostTies = groups.sizes[a] < 2 ? [] : onPair.filter { ties[$0.key] == $0.value }.keys.sorted().map { [$0 / k, $0 % k] }
    let after = ConnectedComponents(of: graph, skipping: broker).partition
    let reachAfter = crossReach(after, membership: membership, groups: k, skipping: broker.index)
    let connectedAfter = connectedPairs(after, membership: membership, groups: k, skipping: broker.index)
    let disconnected = connectedBefore.subtracting(connectedAfter).sorted().map { [$0 / k, $0 % k] }
    // People of the broker's component who end up outside its largest remaining piece.
    let home = before.partition.group(of: broker)
    var pieces: [Int32: Int] = [:]
    var homeSize = 0
    for v in 0 ..< graph.nodeCount where v != broker.index && before.partition.membership[v] == Int32(home) {
      pieces[after.membership[v], default: 0] += 1
      homeSize += 1
    }
    let cutOff = homeSize - (pieces.values.max() ?? 0)
    return .init(
      node: broker, pairsLosingAllTies: lostTies, pairsDisconnected: disconnected, peopleCutOff: cutOff,
      crossDepartmentReachLost: reachBefore > 0 ? max(0, (reachBefore - reachAfter) / reachBefore) : 0)
  }

  /// Per department pair (key min·k + max), the sum over connected (source, target) pairs of
  /// people in the two departments of the share of shortest paths through a broker, and the
  /// number of such pairs. Sources are searched in blocks shared among the threads; each
  /// source's shares per target department are summed first (targets in search order), then
  /// added to the pair sums in source order, whatever the number of threads.
  static func pathShares(
    _ graph: CollaborationGraph, membership: [Int32], groups k: Int, sources: [Int], isBroker: [Bool], threads: Int
  ) -> (sums: [Double], counts: [Int]) {
    var shareSum = [Double](repeating: 0, count: k * k), pairCount = [Int](repeating: 0, count: k * k)
    let block = max(1, min(sources.count, 256, 4_000_000 / max(1, k)))
    let threadCount = max(1, min(threads, 64, block))
    let searchGraph = SearchGraph(graph, distance: .hops)
    var start = 0
    while start < sources.count {
      let chunk = Array(sources[start ..< min(sources.count, start + block)])
      let partial = SourceShares(sources: chunk.count, groups: k)
      let work: @Sendable (Int) -> Void = { t in
        let paths = PathCounter(searchGraph, blocked: isBroker)
        for i in stride(from: t, to: chunk.count, by: threadCount) {
          partial.measure(i, source: chunk[i], membership: membership, paths: paths)
        }
      }
      if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
      for (i, s) in chunk.enumerated() {
        let a = Int(membership[s])
        for b in 0 ..< k where partial.count(i, b) > 0 {
          let key = min(a, b) * k + max(a, b)
          shareSum[key] += partial.sum(i, b)
          pairCount[key] += partial.count(i, b)
        }
      }
      start += block
    }
    return (shareSum, pairCount)
  }

  /// Pairs of people in different departments that are connected, optionally not counting
  /// one person: Σ_C (|C|² − Σ_d |C ∩ d|²)/2.
  ///
  /// Counted from the sorted (component, department) codes of the people, without hashing.
  static func crossReach(_ components: Partition, membership: [Int32], groups: Int, skipping: Int?) -> Double {
    var total = 0.0
    forEachComponent(components, membership: membership, groups: groups, skipping: skipping) { size, departments in
      total += Double(size) * Double(size)
      for count in departments.counts { total -= Double(count) * Double(count) }
    }
    return total / 2
  }

  /// Department pairs with at least one path between their people (keys min·k + max).
  static func connectedPairs(_ components: Partition, membership: [Int32], groups: Int, skipping: Int?) -> Set<Int> {
    var pairs = Set<Int>()
    forEachComponent(components, membership: membership, groups: groups, skipping: skipping) { _, departments in
      let list = departments.groups
      guard list.count > 1 else { return }
      for i in 0 ..< list.count { for j in i + 1 ..< list.count { pairs.insert(list[i] * groups + list[j]) } }
    }
    return pairs
  }

  /// Calls `body` once per component with its size and, per department present, the
  /// department (ascending) and how many of its people are in the component.
  private static func forEachComponent(
    _ components: Partition, membership: [Int32], groups: Int, skipping: Int?,
    _ body: (_ size: Int, _ departments: (groups: [Int], counts: [Int])) -> Void
  ) {
    var codes: [Int] = []
    codes.reserveCapacity(components.nodeCount)
    for v in 0 ..< components.nodeCount where v != skipping {
      codes.append(Int(components.membership[v]) * groups + Int(membership[v]))
    }
    codes.sort()
    var i = 0
    while i < codes.count {
      let component = codes[i] / groups
      var size = 0
      var present: [Int] = [], counts: [Int] = []
      while i < codes.count && codes[i] / groups == component {
        let code = codes[i]
        var run = 0
        while i < codes.count && codes[i] == code { run += 1; i += 1 }
        present.append(code % groups)
        counts.append(run)
        size += run
      }
      body(size, (present, counts))
    }
  }
}

/// One block of sources' shares, per source and target department, each source written by
/// one thread to its own row.
private final class SourceShares: @unchecked Sendable {
  private let sums: UnsafeMutablePointer<Double>
  private let counts: UnsafeMutablePointer<Int>
  private let size: Int
  private let groups: Int

  init(sources: Int, groups: Int) {
    size = max(1, sources * groups)
    self.groups = groups
    sums = .allocate(capacity: size)
    sums.initialize(repeating: 0, count: size)
    counts = .allocate(capacity: size)
    counts.initialize(repeating: 0, count: size)
  }

  deinit {
    sums.deallocate()
    counts.deallocate()
  }

  func sum(_ i: Int, _ b: Int) -> Double { sums[i * groups + b] }
  func count(_ i: Int, _ b: Int) -> Int { counts[i * groups + b] }

  /// Source `i` of the block: the share of shortest paths through a broker to each person of
  /// another department (1 − σ'_st/σ_st, σ' counting the shortest paths that avoid every
  /// broker), summed per department.
  func measure(_ i: Int, source s: Int, membership: [Int32], paths: PathCounter) {
    paths.count(from: s)
    let a = Int(membership[s])
    let row = i * groups
    for t in paths.search.reachedNodes where Int(membership[Int(t)]) != a {
      let ti = Int(t)
      let b = Int(membership[ti])
      sums[row + b] += 1 - paths.avoiding[ti] / paths.search.sigma[ti]
      counts[row + b] += 1
    }
    paths.search.reset()
  }
}

/// A breadth-first search (``ShortestPathSearch``) with the count of shortest paths that
/// avoid the blocked nodes (the brokers) beside it: one per thread.
final class PathCounter {
  let search: ShortestPathSearch
  /// σ' of each node reached by the last search.
  let avoiding: UnsafeMutablePointer<Double>
  private let blocked: UnsafeMutablePointer<Bool>

  init(_ graph: SearchGraph, blocked: [Bool]) {
    search = ShortestPathSearch(graph)
    let size = max(1, graph.nodeCount)
    avoiding = .allocate(capacity: size)
    self.blocked = .allocate(capacity: size)
    self.blocked.initialize(repeating: false, count: size)
    _ = UnsafeMutableBufferPointer(start: self.blocked, count: blocked.count).update(from: blocked)
  }

  deinit {
    avoiding.deallocate()
    blocked.deallocate()
  }

  /// Counts σ_st and σ'_st from `s` to every node reached.
  func count(from s: Int) {
    search.breadthFirst(from: s, avoiding: blocked, into: avoiding)
  }
}
