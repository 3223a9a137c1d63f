import Dispatch
import SiloGraph

/// Whether an E-I index is lower (or higher) than chance: a permutation test.
public struct EIPermutationTest: Sendable, Hashable, Codable {
  /// The organization-level test.
  public var overall: Outcome
  /// One test per group.
  public var perGroup: [Outcome]
  /// Relabellings drawn.
  public var permutations: Int
  /// The seed of the relabellings.
  public var seed: UInt64
  public var weighted: Bool

  public struct Outcome: Sendable, Hashable, Codable {
    /// The observed E-I.
    public var observed: Double
    /// The mean E-I over the relabellings.
    public var mean: Double
    /// Their standard deviation.
    public var standardDeviation: Double
    /// P(E-I ≤ observed) under random relabelling, (1 + #≤)/(1 + R): small when the group
    /// keeps to itself more than chance explains. `.nan` when the observed index is.
    public var pLower: Double
    /// P(E-I ≥ observed), (1 + #≥)/(1 + R): small when it reaches out more than chance.
    public var pUpper: Double
  }
}

extension CollaborationGraph {
  /// Tests the E-I index against random relabelling of the groups: the group labels are
  /// shuffled among the people (so every group keeps its size) `permutations` times, and the
  /// observed index is compared with the indices of the shuffled labellings, at the level of
  /// the organization and of each group (``EIGroupConvention/perTie``).
  ///
  /// The p-values count the observed labelling among the permutations,
  /// p = (1 + #{permuted ≤ observed}) / (1 + R), so they are never 0 (Phipson & Smyth 2010,
  /// doi:10.2202/1544-6115.1585). This is UCINET's E-I permutation test; Krackhardt & Stern
  /// (1988) define the index.
  ///
  /// Deterministic for a seed (SiloGraph's `SeededGenerator`, Fisher–Yates shuffles), and the
  /// same for any number of `threads`: the relabellings are drawn one after another, the
  /// sums over the ties of a block of them are computed in parallel (each relabelling by one
  /// thread, in the ties' order), and folded into the tallies in the order drawn.
  ///
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``, or
  ///   ``MetricError/invalidArgument(_:)`` for fewer than one permutation.
  /// - Complexity: O(R (*n* + *m*)) time for R permutations, shared among the threads but for
  ///   the O(R *n*) of drawing them; O(*k* + B *n*) memory for *k* groups and blocks of B
  ///   relabellings (B = 1 on one thread), whatever R.
  public func eiPermutationTest(
    of partition: Partition, weighted: Bool = false, permutations: Int = 1000, seed: UInt64 = 1, threads: Int = 1
  ) throws(MetricError) -> EIPermutationTest {
    try partition.check(covers: self)
    guard permutations >= 1 else { throw .invalidArgument("the permutation test needs at least one permutation") }
    let observed = try externalInternalIndex(of: partition, weighted: weighted)
    // Each relabelling's index is folded into a running tally as it is drawn, so memory does
    // not grow with the number of permutations.
    var tallies = PermutationTallies(observed: observed)
    drawRelabellings(of: partition, weighted: weighted, permutations: permutations, seed: seed, threads: threads) { tallies.add($0) }
    return tallies.test(permutations: permutations, seed: seed, weighted: weighted)
  }

  /// Draws the relabellings of the permutation test in order (Fisher–Yates shuffles of the
  /// labels, one after another, from `seed`) and hands each one's sums over the ties to
  /// `body`, in the order drawn; the sums of a block of relabellings are computed in parallel,
  /// up to eight at a time by each thread (``RelabellingSums/sums(_:groups:)``).
  func drawRelabellings(
    of partition: Partition, weighted: Bool, permutations: Int, seed: UInt64, threads: Int, _ body: (RelabelledSums) -> Void
  ) {
    let k = partition.groupCount
    let kernel = RelabellingSums(self, weighted: weighted)
    var labels = partition.membership
    var rng = SeededGenerator(seed: seed)
    let workers = max(1, threads)
    let lanes = RelabellingSums.lanes(groups: k)
    // Blocks of relabellings evaluated together: enough for every thread, at most about
    // 200 MB of labels (but one set of lanes).
    let block = max(lanes, workers == 1 ? 1 : min(8 * workers, 50_000_000 / max(1, labels.count)))
    var drawn = 0
    while drawn < permutations {
      let size = min(block, permutations - drawn)
      var drawnLabels: [[Int32]] = []
      for _ in 0 ..< size {
        Self.shuffle(&labels, &rng)
        drawnLabels.append(labels)
      }
      let sums = ThreadSlots<RelabelledSums?>(count: size, initial: nil)
      let chunks = (size + lanes - 1) / lanes
      let used = min(workers, chunks)
      let labelSets = drawnLabels
      let work: @Sendable (Int) -> Void = { worker in
        for chunk in stride(from: worker, to: chunks, by: used) {
          let range = chunk * lanes ..< min(size, (chunk + 1) * lanes)
          for (i, sum) in zip(range, kernel.sums(labelSets[range], groups: k)) { sums.set(i, sum) }
        }
      }
      if used == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: used, execute: work) }
      for case let sum? in sums.take() { body(sum) }
      drawn += size
    }
  }

  /// One relabelling: a Fisher–Yates shuffle of the current labels.
  @inline(__always)
  static func shuffle(_ labels: inout [Int32], _ rng: inout SeededGenerator) {
    for i in stride(from: labels.count - 1, to: 0, by: -1) {
      labels.swapAt(i, Int(rng.next() % UInt64(i + 1)))
    }
  }

}

/// The sums of one relabelling over the ties, computed as fast as the ties can be read: only
/// the ties inside a group are summed tie by tie (under random labels, a few in a hundred);
/// what crosses is each group's strength minus twice its inside weight, summed person by
/// person. Each tie is read once, from its lower end (every arc once, directed).
///
/// For counts and whole-number weights (shared projects, hours in whole numbers) the sums are
/// exact, and so equal to summing tie by tie; other weights may differ from that in the last
/// bits (about 10⁻¹⁶ relative), which the permutation test's tolerance of 10⁻¹² absorbs.
struct RelabellingSums: Sendable {
  /// Where each person's ties to higher-numbered people start in the tie arrays (every tie
  /// of the person, directed).
  private let firstHigher: [Int]
  /// Each person's weight of ties to others (out and in, directed), self-ties left out.
  private let strength: [Double]
  /// Each person's weight of self-ties.
  private let loops: [Double]
  private let total: Double
  private let graph: CollaborationGraph
  private let weighted: Bool

  init(_ graph: CollaborationGraph, weighted: Bool) {
    let n = graph.nodeCount
    var firstHigher = [Int](repeating: 0, count: n)
    var strength = [Double](repeating: 0, count: n), loops = [Double](repeating: 0, count: n)
    var total = 0.0
    graph.forEachTie(weighted: weighted) { u, v, w in
      total += w
      if u == v {
        loops[u] += w
      } else {
        strength[u] += w
        strength[v] += w
      }
    }
    for u in 0 ..< n {
      var i = graph.rowOffsets[u]
      if !graph.isDirected { while i < graph.rowOffsets[u + 1] && Int(graph.columns[i].rawValue) <= u { i += 1 } }
      firstHigher[u] = i
    }
    self.firstHigher = firstHigher
    self.strength = strength
    self.loops = loops
    self.total = total
    self.graph = graph
    self.weighted = weighted
  }

  /// The weight (or count) of ties inside and across groups under `labels`.
  func sums(_ labels: [Int32], groups k: Int) -> RelabelledSums {
    var inside = [Double](repeating: 0, count: k)
    labels.withUnsafeBufferPointer { label in
      graph.columns.withUnsafeBufferPointer { columns in
        graph.weights.withUnsafeBufferPointer { weights in
          graph.rowOffsets.withUnsafeBufferPointer { offsets in
            for u in 0 ..< label.count {
              let g = label[u]
              var sum = 0.0
              for i in firstHigher[u] ..< offsets[u + 1] where label[Int(columns[i].rawValue)] == g {
                sum += weighted ? weights[i] : 1
              }
              if sum != 0 { inside[Int(g)] += sum }
            }
          }
        }
      }
    }
    return gathered(labels, inside: inside, groups: k)
  }

  /// How many relabellings ``sums(_:groups:)`` sums in one pass over the ties: eight when
  /// every label fits in a byte (at most 256 groups), else one.
  static func lanes(groups k: Int) -> Int { k <= 256 ? 8 : 1 }

  /// The sums of each of `labelSets` (at most ``lanes(groups:)`` of them), the same as
  /// ``sums(_:groups:)`` gives for each alone.
  func sums(_ labelSets: ArraySlice<[Int32]>, groups k: Int) -> [RelabelledSums] {
    guard labelSets.count > 1 else { return labelSets.map { sums($0, groups: k) } }
    precondition(labelSets.count <= Self.lanes(groups: k), "more relabellings than lanes")
    let inside = packedInside(labelSets, groups: k)
    return labelSets.indices.enumerated().map { r, set in
      gathered(labelSets[set], inside: Array(inside[r * k ..< (r + 1) * k]), groups: k)
    }
  }

  /// The weight inside each group of up to eight relabellings (labels below 256), relabelling
  /// r's at `r * k ..< (r + 1) * k`, in one pass over the ties: each person's labels are
  /// packed a byte per relabelling into one word, so one read of a neighbour's word compares
  /// them all. Each relabelling's weights are summed person by person in the order of
  /// ``sums(_:groups:)``, so its totals are the same.
  private func packedInside(_ labelSets: ArraySlice<[Int32]>, groups k: Int) -> [Double] {
    let lanes = labelSets.count, n = firstHigher.count
    var packed = [UInt64](repeating: 0, count: n)
    for (r, labels) in labelSets.enumerated() {
      for u in 0 ..< n { packed[u] |= UInt64(truncatingIfNeeded: labels[u]) << UInt64(8 * r) }
    }
    // The high bit of each byte in use; a byte of x is 0 (the labels agree) exactly where
    // ~(((x & low) + low) | x | low) has its high bit.
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high: UInt64 = lanes == 8 ? ~low : ~low & ((1 << UInt64(8 * lanes)) - 1)
    var inside = [Double](repeating: 0, count: lanes * k), sum = [Double](repeating: 0, count: 8)
    packed.withUnsafeBufferPointer { packed in
      graph.columns.withUnsafeBufferPointer { columns in
        graph.weights.withUnsafeBufferPointer { weights in
          graph.rowOffsets.withUnsafeBufferPointer { offsets in
            for u in 0 ..< n {
              let own = packed[u]
              var met: UInt64 = 0
              for i in firstHigher[u] ..< offsets[u + 1] {
                let x = own ^ packed[Int(columns[i].rawValue)]
                var agree = ~(((x & low) &+ low) | x | low) & high
                guard agree != 0 else { continue }
                let w = weighted ? weights[i] : 1
                met |= agree
                repeat {
                  sum[agree.trailingZeroBitCount >> 3] += w
                  agree &= agree - 1
                } while agree != 0
              }
              while met != 0 {
                let r = met.trailingZeroBitCount >> 3
                met &= met - 1
                if sum[r] != 0 { inside[r * k + Int(own >> UInt64(8 * r) & 0xFF)] += sum[r] }
                sum[r] = 0
              }
            }
          }
        }
      }
    }
    return inside
  }

  /// The totals from the inside weights (self-ties added) and the strengths, group by group.
  private func gathered(_ labels: [Int32], inside: [Double], groups k: Int) -> RelabelledSums {
    var sums = RelabelledSums(groups: k)
    var groupStrength = [Double](repeating: 0, count: k), groupLoops = [Double](repeating: 0, count: k)
    for u in labels.indices {
      groupStrength[Int(labels[u])] += strength[u]
      groupLoops[Int(labels[u])] += loops[u]
    }
    var insideTotal = 0.0
    for g in 0 ..< k {
      sums.groupInternal[g] = inside[g] + groupLoops[g]
      sums.groupExternal[g] = groupStrength[g] - 2 * inside[g]
      insideTotal += sums.groupInternal[g]
    }
    sums.internalTotal = insideTotal
    sums.external = total - insideTotal
    return sums
  }
}

/// The tallies of one permutation test: the organization's and each group's.
struct PermutationTallies {
  var overall: PermutationTally
  var groups: [PermutationTally]

  init(observed: ExternalInternalIndex) {
    overall = PermutationTally(observed: observed.overall)
    groups = observed.perGroup.map { PermutationTally(observed: $0.index) }
  }

  mutating func add(_ sum: RelabelledSums) {
    overall.add(CollaborationGraph.ei(sum.external, sum.internalTotal))
    for g in groups.indices { groups[g].add(CollaborationGraph.ei(sum.groupExternal[g], sum.groupInternal[g])) }
  }

  func test(permutations: Int, seed: UInt64, weighted: Bool) -> EIPermutationTest {
    EIPermutationTest(
      overall: overall.outcome, perGroup: groups.map(\.outcome), permutations: permutations, seed: seed, weighted: weighted)
  }
}

/// One relabelling's sums for the E-I permutation test.
struct RelabelledSums: Sendable {
  var external = 0.0
  var internalTotal = 0.0
  var groupExternal: [Double]
  var groupInternal: [Double]

  init(groups k: Int) {
    groupExternal = Array(repeating: 0, count: k)
    groupInternal = Array(repeating: 0, count: k)
  }

  /// Adds the weight `w` of a tie between people labelled `a` and `b`.
  @inline(__always)
  mutating func add(_ w: Double, between a: Int, and b: Int) {
    if a == b {
      internalTotal += w
      groupInternal[a] += w
    } else {
      external += w
      groupExternal[a] += w
      groupExternal[b] += w
    }
  }
}

/// The running tally of one E-I permutation test: how many relabellings gave an index at
/// most / at least the observed one, and their mean and variance (Welford's algorithm; the
/// mean is the plain sum over the count, in the order drawn).
///
/// A relabelling under which the group has no ties has no index: it counts as neither.
/// Indices within 10⁻¹² of the observed one count as equal (in both tails).
struct PermutationTally {
  let observed: Double
  private var count = 0
  private var sum = 0.0
  private var runningMean = 0.0
  private var squares = 0.0
  private var lower = 0
  private var upper = 0
  private static let tolerance = 1e-12

  init(observed: Double) { self.observed = observed }

  mutating func add(_ value: Double) {
    guard !value.isNaN else { return }
    count += 1
    sum += value
    let delta = value - runningMean
    runningMean += delta / Double(count)
    squares += delta * (value - runningMean)
    if value <= observed + Self.tolerance { lower += 1 }
    if value >= observed - Self.tolerance { upper += 1 }
  }

  var outcome: EIPermutationTest.Outcome {
    let mean = count == 0 ? .nan : sum / Double(count)
    let deviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : .nan
    guard !observed.isNaN else {
      return .init(observed: observed, mean: mean, standardDeviation: deviation, pLower: .nan, pUpper: .nan)
    }
    let r = Double(count)
    return .init(
      observed: observed, mean: mean, standardDeviation: deviation,
      pLower: Double(1 + lower) / (1 + r), pUpper: Double(1 + upper) / (1 + r))
  }
}
