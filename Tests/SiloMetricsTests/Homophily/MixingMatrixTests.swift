import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Mixing matrices (netseg `mixingm`, collapsed to observed ties): counts and weight sums are
/// integers, densities ratios of integers, so everything compares exactly.
@Suite struct MixingMatrixTests {
  struct Mixing: Sendable, CustomTestStringConvertible {
    var key: Ref
    /// Tie counts, rows = from-group (undirected: symmetric, diagonal = internal ties once).
    var counts: [[Double]]?
    /// Densities: within C[g][g]/(n_g(n_g−1)/2) undirected, /(n_g(n_g−1)) directed; between
    /// C[g][h]/(n_g n_h); NaN where no tie is possible (the singleton Krackhardt group 0).
    var densities: [[Double]]?
    /// Sums of weights (weighted keys; counts and densities = the unweighted sibling's).
    var weights: [[Double]]?
    init(_ key: Ref, counts: [[Double]], densities: [[Double]]) {
      (self.key, self.counts, self.densities, self.weights) = (key, counts, densities, nil)
    }
    init(_ key: Ref, weights: [[Double]]) { (self.key, self.counts, self.densities, self.weights) = (key, nil, nil, weights) }
    var testDescription: String { key.rawValue }
  }

  /// Tests/References/silos_reference.md §6 (computed by silos_reference.py from the §0 graphs;
  /// group order as §0).
  static let rows: [Mixing] = [
    Mixing(.karate_u, counts: [[35, 11], [11, 32]],
           densities: [[35.0 / 136, 11.0 / 289], [11.0 / 289, 4.0 / 17]]),
    Mixing(.karate_w, weights: [[106, 25], [25, 100]]),
    Mixing(.krack_adv_d, counts: [[0, 4, 1, 2, 1], [4, 9, 3, 4, 7], [6, 25, 25, 19, 21], [2, 4, 14, 4, 10], [1, 9, 1, 6, 8]],
           densities: [[.nan, 4.0 / 5, 1.0 / 8, 2.0 / 3, 1.0 / 4], [4.0 / 5, 9.0 / 20, 3.0 / 40, 4.0 / 15, 7.0 / 20], [3.0 / 4, 5.0 / 8, 25.0 / 56, 19.0 / 24, 21.0 / 32], [2.0 / 3, 4.0 / 15, 7.0 / 12, 2.0 / 3, 5.0 / 6], [1.0 / 4, 9.0 / 20, 1.0 / 32, 1.0 / 2, 2.0 / 3]]),
    Mixing(.krack_adv_u, counts: [[0, 5, 6, 2, 1], [5, 5, 25, 5, 12], [6, 25, 21, 21, 22], [2, 5, 21, 3, 11], [1, 12, 22, 11, 6]],
           densities: [[.nan, 1.0, 3.0 / 4, 2.0 / 3, 1.0 / 4], [1.0, 1.0 / 2, 5.0 / 8, 1.0 / 3, 3.0 / 5], [3.0 / 4, 5.0 / 8, 3.0 / 4, 7.0 / 8, 11.0 / 16], [2.0 / 3, 1.0 / 3, 7.0 / 8, 1.0, 11.0 / 12], [1.0 / 4, 3.0 / 5, 11.0 / 16, 11.0 / 12, 1.0]]),
    Mixing(.krack_adv_uw, weights: [[0, 8, 7, 4, 2], [8, 9, 28, 8, 16], [7, 28, 25, 33, 22], [4, 8, 33, 4, 16], [2, 16, 22, 16, 8]]),
    Mixing(.krack_fri_d, counts: [[0, 0, 0, 0, 0], [2, 11, 8, 3, 9], [1, 4, 17, 6, 4], [0, 5, 10, 1, 5], [0, 6, 0, 1, 9]],
           densities: [[.nan, 0.0, 0.0, 0.0, 0.0], [2.0 / 5, 11.0 / 20, 1.0 / 5, 1.0 / 5, 9.0 / 20], [1.0 / 8, 1.0 / 10, 17.0 / 56, 1.0 / 4, 1.0 / 8], [0.0, 1.0 / 3, 5.0 / 12, 1.0 / 6, 5.0 / 12], [0.0, 3.0 / 10, 0.0, 1.0 / 12, 3.0 / 4]]),
    Mixing(.lazega_cow_d, counts: [[327, 126], [145, 506]],
           densities: [[109.0 / 290, 21.0 / 205], [29.0 / 246, 253.0 / 820]]),
    Mixing(.lazega_cow_u, counts: [[206, 192], [192, 328]],
           densities: [[206.0 / 435, 32.0 / 205], [32.0 / 205, 2.0 / 5]]),
    Mixing(.lazega_cow_uw, weights: [[327, 271], [271, 506]]),
    Mixing(.lazega_adv_d, counts: [[241, 125], [106, 420]],
           densities: [[241.0 / 870, 25.0 / 246], [53.0 / 615, 21.0 / 82]]),
  ]

  /// The unweighted sibling of each weighted key (same edge set).
  static func sibling(_ key: Ref) -> Ref? {
    switch key {
    case .karate_w: .karate_u
    case .krack_adv_uw: .krack_adv_u
    case .lazega_cow_uw: .lazega_cow_u
    default: nil
    }
  }

  @Test(arguments: rows)
  func referenceMatrix(_ row: Mixing) throws {
    let (_, graph, groups) = try row.key.load()
    let m = try graph.mixingMatrix(of: groups)
    let k = groups.groupCount
    #expect(m.groupCount == k)
    #expect(m.sizes == groups.sizes)
    #expect(m.directed == row.key.isDirected)
    var counts = row.counts, densities = row.densities
    if let sibling = Self.sibling(row.key) {
      let other = try #require(Self.rows.first { $0.key == sibling })
      counts = other.counts
      densities = other.densities
    }
    let c = try #require(counts), d = try #require(densities)
    for g in 0 ..< k {
      for h in 0 ..< k {
        #expect(m.ties(g, h) == c[g][h], "ties \(g)→\(h)")
        #expect(isClose(m.density(g, h), d[g][h], tolerance: 0), "density \(g)→\(h): \(m.density(g, h))")
        // Unweighted keys: every weight is 1, so the weight sums are the counts.
        #expect(m.weight(g, h) == (row.weights?[g][h] ?? c[g][h]), "weight \(g)→\(h)")
      }
    }
    if !row.key.isDirected {
      for g in 0 ..< k { for h in 0 ..< k { #expect(m.ties(g, h) == m.ties(h, g)) } }
    }
    // The diagonal holds I (ties inside, once); the off-diagonal sums hold E
    // (Tests/References/silos_reference.md §2).
    let ei = try graph.externalInternalIndex(of: groups)
    let diagonal = (0 ..< k).reduce(0.0) { $0 + m.ties($1, $1) }
    let offDiagonal = m.ties.reduce(0, +) - diagonal
    #expect(diagonal == ei.internal)
    #expect(offDiagonal == (row.key.isDirected ? ei.external : 2 * ei.external))
  }

  /// Two K4 with a bridge, Tests/References/silos_reference.md §9: counts [[6, 1], [1, 6]], density
  /// within 1, between 1/16.
  @Test func twoK4() throws {
    let network = ReferenceNetworks.twoK4()
    let m = try network.graph.mixingMatrix(of: network.groups!)
    #expect(m.ties == [6, 1, 1, 6])
    #expect(m.density(0, 0) == 1 && m.density(1, 1) == 1)
    #expect(m.density(0, 1) == 1.0 / 16 && m.density(1, 0) == 1.0 / 16)
  }

  @Test func partitionOfAnotherSizeThrows() throws {
    let graph = ReferenceNetworks.twoK4().graph
    #expect(throws: MetricError.notAPartition(expected: 8, actual: 1)) {
      try graph.mixingMatrix(of: Partition(membership: [0]))
    }
  }
}
