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
  /// Deterministic for a seed (SiloGraph's `SeededGenerator`, Fisher–Yates shuffles).
  ///
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``, or
  ///   ``MetricError/invalidArgument(_:)`` for fewer than one permutation.
  /// - Complexity: O(R (*n* + *m*)) time for R permutations; O(*n* + *k*) memory for *k*
  ///   groups, whatever R.
  public func eiPermutationTest(
    of partition: Partition, weighted: Bool = false, permutations: Int = 1000, seed: UInt64 = 1
  ) throws(MetricError) -> EIPermutationTest {
    try partition.check(covers: self)
    guard permutations >= 1 else { throw .invalidArgument("the permutation test needs at least one permutation") }
    let k = partition.groupCount
    let observed = try externalInternalIndex(of: partition, weighted: weighted)
    var labels = partition.membership
    var rng = SeededGenerator(seed: seed)
    // Each relabelling's index is folded into a running tally as it is drawn, so memory is
    // O(k) whatever the number of permutations.
    var overallTally = PermutationTally(observed: observed.overall)
    var groupTallies = (0 ..< k).map { PermutationTally(observed: observed.perGroup[$0].index) }
    var groupExternal = [Double](repeating: 0, count: k)
    var groupInternal = [Double](repeating: 0, count: k)
    for _ in 0 ..< permutations {
      for i in stride(from: labels.count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        labels.swapAt(i, j)
      }
      for g in 0 ..< k { groupExternal[g] = 0; groupInternal[g] = 0 }
      var external = 0.0, internalTotal = 0.0
      labels.withUnsafeBufferPointer { group in
        forEachTie(weighted: weighted) { u, v, w in
          let a = Int(group[u]), b = Int(group[v])
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
      overallTally.add(Self.ei(external, internalTotal))
      for g in 0 ..< k { groupTallies[g].add(Self.ei(groupExternal[g], groupInternal[g])) }
    }
    return EIPermutationTest(
      overall: overallTally.outcome, perGroup: groupTallies.map(\.outcome),
      permutations: permutations, seed: seed, weighted: weighted)
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
