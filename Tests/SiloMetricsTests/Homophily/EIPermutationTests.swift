import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The E-I permutation test: group labels shuffled among the people (sizes fixed).
///
/// The exact null moments come from Tests/References/silos_reference.md §10a:
/// E[X] = M(1 − Σ n_g(n_g−1)/(N(N−1))), E[E-I] = (2E[X] − M)/M, and Var X enumerated over pairs
/// of ties by shared nodes (verified there against full enumeration on two small graphs). Our
/// shuffles use SiloScope's SplitMix64, so only the moments — not the samples of its §10b
/// (Python's `random`) — are comparable.
///
/// Tolerances, for R relabellings and null sd σ: the sample mean has standard error σ/√R;
/// the sample sd has standard error σ·√((κ − 1)/(4R)) (κ = kurtosis of the null; X is a sum
/// of M weakly dependent indicators, close to normal, κ ≈ 3; we allow κ ≤ 5, i.e. σ/√R).
/// Each check allows 4 standard errors (two-sided 6e-5 for a normal): since the test is
/// deterministic for its seed this is not flaky, and a mean or sd off by more than 4 SE
/// means the relabelling is not uniform.
@Suite struct EIPermutationTests {
  struct Moments: Sendable, CustomTestStringConvertible {
    var key: Ref
    var mean: Double
    var sd: Double
    var testDescription: String { key.rawValue }
  }

  /// Tests/References/silos_reference.md §10a, exact E[E-I] and sd(E-I) under relabelling
  /// (unweighted; directed graphs count arcs, with reciprocal arcs as the n2 pairs).
  static let moments: [Moments] = [
    Moments(key: .karate_u, mean: 1.0 / 33, sd: 0.09501838309001968),
    Moments(key: .krack_adv_d, mean: 58.0 / 105, sd: 0.04837806899893357),
    Moments(key: .krack_adv_u, mean: 58.0 / 105, sd: 0.040705230876194994),
    Moments(key: .krack_fri_d, mean: 58.0 / 105, sd: 0.08559682719247926),
    Moments(key: .lazega_cow_d, mean: -5.0 / 497, sd: 0.03485651556492322),
    Moments(key: .lazega_cow_u, mean: -5.0 / 497, sd: 0.03252268354516046),
    Moments(key: .lazega_adv_d, mean: -5.0 / 497, sd: 0.03561340671202441),
  ]

  static let permutations = 10_000

  @Test(arguments: moments)
  func nullMomentsMatchTheExactOnes(_ row: Moments) throws {
    let (_, graph, groups) = try row.key.load()
    let test = try graph.eiPermutationTest(of: groups, weighted: false, permutations: Self.permutations, seed: 1)
    let r = Double(Self.permutations)
    let meanTolerance = 4 * row.sd / r.squareRoot()
    let sdTolerance = 4 * row.sd / r.squareRoot()  // σ·√((κ−1)/(4R)) with κ = 5
    #expect(abs(test.overall.mean - row.mean) <= meanTolerance, "mean \(test.overall.mean) vs \(row.mean)")
    #expect(
      abs(test.overall.standardDeviation - row.sd) <= sdTolerance,
      "sd \(test.overall.standardDeviation) vs \(row.sd)")
    #expect(test.permutations == Self.permutations)
    #expect(test.seed == 1)
  }

  /// Karate club split, Tests/References/silos_reference.md §10b: observed −28/39 is 7.9 null sd
  /// below the mean, so no relabelling reaches it (Python `random.Random(0)`: 0 of 10,000):
  /// p_lower = 1/(R + 1), the smallest value the (1 + #≤)/(1 + R) estimator gives, and p_upper = 1.
  @Test func karateSplitIsASiloBeyondChance() throws {
    let (_, graph, groups) = try Ref.karate_u.load()
    let test = try graph.eiPermutationTest(of: groups, permutations: Self.permutations, seed: 1)
    #expect(test.overall.observed == -28.0 / 39)
    #expect(test.overall.pLower <= 1.0 / Double(Self.permutations + 1) + 1e-15)
    #expect(test.overall.pUpper == 1)
    // Groups: observed per-tie E-I, silos_reference.md §2b (−12/23 Mr. Hi, −21/43 Officer).
    #expect(test.perGroup.map(\.observed) == [-12.0 / 23, -21.0 / 43])
    for outcome in test.perGroup + [test.overall] {
      #expect(outcome.pLower > 0 && outcome.pLower <= 1)
      #expect(outcome.pUpper > 0 && outcome.pUpper <= 1)
    }
  }

  /// Weighted: the observed value is the weighted E-I (karate −181/231,
  /// Tests/References/silos_reference.md §2), and the null mean is the same number as unweighted,
  /// E[E_w] = W·p (§10a), 1/33. Its exact sd, 0.10538173229705207 (§10a), is not used: the
  /// tolerance uses the sample sd (4 standard errors).
  @Test func weightedKarate() throws {
    let (_, graph, groups) = try Ref.karate_w.load()
    let test = try graph.eiPermutationTest(of: groups, weighted: true, permutations: Self.permutations, seed: 7)
    #expect(test.weighted)
    #expect(test.overall.observed == -181.0 / 231)
    let se = test.overall.standardDeviation / Double(Self.permutations).squareRoot()
    #expect(abs(test.overall.mean - 1.0 / 33) <= 4 * se)
    #expect(test.overall.pLower <= 1.0 / Double(Self.permutations + 1) + 1e-15)
  }

  @Test func sameSeedSameResultOtherSeedOtherSamples() throws {
    let (_, graph, groups) = try Ref.krack_adv_d.load()
    let a = try graph.eiPermutationTest(of: groups, permutations: 500, seed: 42)
    let b = try graph.eiPermutationTest(of: groups, permutations: 500, seed: 42)
    #expect(a == b)
    let c = try graph.eiPermutationTest(of: groups, permutations: 500, seed: 43)
    #expect(c.seed == 43)
    #expect(c.overall.observed == a.overall.observed)
    #expect(c.perGroup.map(\.observed) == a.perGroup.map(\.observed))
    // Other relabellings: the sample moments differ (500 draws of a statistic with 190
    // arcs and ~100 distinct values; equal means and sds by chance are practically
    // impossible).
    #expect(c.overall.mean != a.overall.mean || c.overall.standardDeviation != a.overall.standardDeviation)
  }

  /// p-values lie in (0, 1] everywhere: every group of every reference graph, both tails.
  /// Krackhardt group 0 is the CEO alone: every relabelling gives it E-I = 1 (no internal tie is
  /// possible), so p_lower = p_upper = 1 (Tests/References/silos_reference.md §2b: 1 in both
  /// conventions).
  @Test(arguments: [Ref.krack_adv_d, .krack_fri_d, .krack_adv_uw, .lazega_adv_d])
  func pValuesInUnitInterval(_ key: Ref) throws {
    let (_, graph, groups) = try key.load()
    let test = try graph.eiPermutationTest(of: groups, weighted: key.weighted, permutations: 300, seed: 3)
    for outcome in test.perGroup + [test.overall] {
      #expect(outcome.pLower > 0 && outcome.pLower <= 1)
      #expect(outcome.pUpper > 0 && outcome.pUpper <= 1)
      // Both tails include the observed labelling: together they cover every sample.
      #expect(outcome.pLower + outcome.pUpper >= 1)
    }
    if key.rawValue.hasPrefix("krack") {
      #expect(test.perGroup[0].observed == 1)
      #expect(test.perGroup[0].pLower == 1)
      #expect(test.perGroup[0].pUpper == 1)
    }
    let ei = try graph.externalInternalIndex(of: groups, weighted: key.weighted)
    #expect(test.perGroup.map(\.observed) == ei.perGroup.map(\.index))
    #expect(test.overall.observed == ei.overall)
  }

  @Test(arguments: [0, -5])
  func needsAtLeastOnePermutation(_ permutations: Int) throws {
    let network = ReferenceNetworks.twoK4()
    let error = #expect(throws: MetricError.self) {
      try network.graph.eiPermutationTest(of: network.groups!, permutations: permutations)
    }
    #expect(error?.isInvalidArgument == true, "expected invalidArgument, got \(String(describing: error))")
  }

  @Test func partitionOfAnotherSizeThrows() throws {
    let graph = ReferenceNetworks.twoK4().graph
    #expect(throws: MetricError.notAPartition(expected: 8, actual: 9)) {
      try graph.eiPermutationTest(of: Partition(membership: [Int32](repeating: 0, count: 9)))
    }
  }

  /// Two K4 with a bridge, Tests/References/silos_reference.md §9/§10a: E[E-I] = 1/7,
  /// Var X = 564/245 (verified there by enumerating all 70 labellings), so
  /// sd(E-I) = 2·√(564/245)/13.
  @Test func twoK4ExactMoments() throws {
    let network = ReferenceNetworks.twoK4()
    let test = try network.graph.eiPermutationTest(of: network.groups!, permutations: Self.permutations, seed: 11)
    let sd = 2 * (564.0 / 245).squareRoot() / 13
    let se = sd / Double(Self.permutations).squareRoot()
    #expect(abs(test.overall.mean - 1.0 / 7) <= 4 * se)
    #expect(abs(test.overall.standardDeviation - sd) <= 4 * se)
    #expect(test.overall.observed == -11.0 / 13)
  }
}
