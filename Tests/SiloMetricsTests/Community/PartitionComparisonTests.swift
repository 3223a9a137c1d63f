import Foundation
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Formal groups (X) against found communities (Y): NMI, VI (natural logs), ARI, Rand and
/// split-join as python-igraph `compare_communities` / `split_join_distance` (reference values:
/// Tests/References/silos_reference.md §8). Logarithm sums are compared within 1e-12; split-join is
/// an integer.
@Suite struct PartitionComparisonTests {
  static let tolerance = 1e-12

  /// Tests/References/silos_reference.md §8 "karate club against the best multilevel partition":
  /// X = club split, Y = igraph's best unweighted multilevel partition (Q = 1277/3042).
  /// python-igraph 1.0.0 `ig.compare_communities(X, Y, method=m)`: nmi 0.5878497068250671, vi
  /// 0.8299953857494791 (hand equal), adjusted_rand 0.46459109844332364 (hand 2119/4561), rand
  /// 0.7361853832442067 (hand 413/561); `ig.split_join_distance(X, Y)` = (12, 1), total 13.
  @Test func karateClubAgainstBestPartition() throws {
    let club = Partition(membership: ReferenceNetworks.karateClub)
    let best = Partition(membership: ReferenceNetworks.karateBest)
    let c = try club.compared(with: best)
    #expect(isClose(c.normalizedMutualInformation, 0.5878497068250671, tolerance: Self.tolerance))
    #expect(isClose(c.variationOfInformation, 0.8299953857494791, tolerance: Self.tolerance))
    #expect(isClose(c.adjustedRand, 2119.0 / 4561, tolerance: Self.tolerance))
    #expect(isClose(c.rand, 413.0 / 561, tolerance: Self.tolerance))
    #expect(c.splitJoinDistance == 13)
    // Hand entropies (silos_reference.md §8): H_X = ln 2, H_Y = 1.3206701076815464,
    // I = 0.5919109512460062: NMI = 2I/(H_X + H_Y), VI = H_X + H_Y − 2I.
    let hx = 0.6931471805599453, hy = 1.3206701076815464, i = 0.5919109512460062
    #expect(isClose(c.normalizedMutualInformation, 2 * i / (hx + hy), tolerance: Self.tolerance))
    #expect(isClose(c.variationOfInformation, hx + hy - 2 * i, tolerance: Self.tolerance))
    // The contingency table covers everybody.
    #expect(c.contingency.reduce(0) { $0 + $1.people } == 34)
  }

  /// Karate, the groups read from nodes.csv against our own Leiden result (which is the
  /// optimum partition, see LeidenTests): the same numbers.
  @Test func karateGroupsAgainstLeiden() throws {
    let (_, graph, groups) = try Ref.karate_u.load()
    let found = try Leiden(weighted: false).communities(in: graph)
    let c = try groups.compared(with: found.partition)
    #expect(isClose(c.normalizedMutualInformation, 0.5878497068250671, tolerance: Self.tolerance))
    #expect(isClose(c.adjustedRand, 2119.0 / 4561, tolerance: Self.tolerance))
    #expect(c.splitJoinDistance == 13)
  }

  /// Tests/References/silos_reference.md §8 hand case, X = [0,0,0,1,1,1], Y = [0,0,1,1,2,2], closed
  /// form: H_X = ln 2, H_Y = ln 3, I = (2/3) ln 2, NMI = (4/3) ln 2 / ln 6 = 0.5158037429793888,
  /// VI = ln 3 − (1/3) ln 2, Rand = 2/3, ARI = 8/33, split-join = 2 + 1 = 3 (igraph 1.0.0 agrees
  /// within 4.5e-16).
  @Test func handCase() throws {
    let x = Partition(membership: [0, 0, 0, 1, 1, 1])
    let y = Partition(membership: [0, 0, 1, 1, 2, 2])
    let c = try x.compared(with: y)
    #expect(isClose(c.normalizedMutualInformation, 4.0 / 3 * log(2.0) / log(6.0), tolerance: Self.tolerance))
    #expect(isClose(c.normalizedMutualInformation, 0.5158037429793888, tolerance: Self.tolerance))
    #expect(isClose(c.variationOfInformation, log(3.0) - log(2.0) / 3, tolerance: Self.tolerance))
    #expect(isClose(c.rand, 2.0 / 3, tolerance: Self.tolerance))
    #expect(isClose(c.adjustedRand, 8.0 / 33, tolerance: Self.tolerance))
    #expect(c.splitJoinDistance == 3)
    #expect(
      c.contingency.map { [$0.group, $0.community, $0.people] } == [[0, 0, 2], [0, 1, 1], [1, 1, 1], [1, 2, 2]])
  }

  /// The measures are symmetric in X and Y (split-join is the sum of both projection
  /// distances).
  @Test func symmetric() throws {
    let club = Partition(membership: ReferenceNetworks.karateClub)
    let best = Partition(membership: ReferenceNetworks.karateBest)
    let a = try club.compared(with: best), b = try best.compared(with: club)
    #expect(isClose(a.normalizedMutualInformation, b.normalizedMutualInformation, tolerance: Self.tolerance))
    #expect(isClose(a.variationOfInformation, b.variationOfInformation, tolerance: Self.tolerance))
    #expect(isClose(a.adjustedRand, b.adjustedRand, tolerance: Self.tolerance))
    #expect(isClose(a.rand, b.rand, tolerance: Self.tolerance))
    #expect(a.splitJoinDistance == b.splitJoinDistance)
  }

  /// Identical partitions (also under another numbering): NMI 1, ARI 1, Rand 1, VI 0,
  /// split-join 0.
  @Test(arguments: [
    ReferenceNetworks.karateClub, ReferenceNetworks.karateBest, [0, 1, 2, 3], [0, 0, 1],
  ])
  func identical(_ membership: [Int32]) throws {
    let x = Partition(membership: membership)
    let k = Int32(x.groupCount)
    let renamed = Partition(membership: membership.map { k - 1 - $0 })
    for y in [x, renamed] {
      let c = try x.compared(with: y)
      #expect(isClose(c.normalizedMutualInformation, 1, tolerance: Self.tolerance))
      #expect(c.adjustedRand == 1)
      #expect(c.rand == 1)
      #expect(isClose(c.variationOfInformation, 0, tolerance: Self.tolerance))
      #expect(c.splitJoinDistance == 0)
      #expect(c.splits.isEmpty && c.merges.isEmpty)
    }
  }

  /// igraph's edge cases (documented): both partitions a single group → NMI 1 and ARI 1;
  /// fewer than two people → Rand and ARI NaN.
  @Test func edgeCases() throws {
    let one = Partition(membership: [0, 0, 0, 0])
    let c = try one.compared(with: one)
    #expect(c.normalizedMutualInformation == 1)
    #expect(c.adjustedRand == 1)
    #expect(c.variationOfInformation == 0)
    let single = try Partition(membership: [0]).compared(with: Partition(membership: [0]))
    #expect(single.rand.isNaN)
    #expect(single.adjustedRand.isNaN)
    // One group against all singletons: no shared information, NMI 0; pairs: all disagree,
    // Rand 0; ARI 0 (expected = observed = 0).
    let singletons = Partition(membership: [0, 1, 2, 3])
    let apart = try one.compared(with: singletons)
    #expect(apart.normalizedMutualInformation == 0)
    #expect(apart.rand == 0)
    #expect(apart.adjustedRand == 0)
    #expect(isClose(apart.variationOfInformation, log(4.0), tolerance: Self.tolerance))
    #expect(apart.splitJoinDistance == 3)  // 4 − 1 moves one way, 4 − 4 the other
  }

  /// Two departments fully merged into one community, one department split in halves:
  /// A = people 0–3, B = 4–7, C = 8–13; community 0 = A ∪ B, community 1 = 8–10,
  /// community 2 = 11–13.
  ///
  /// By hand: H(X|Y) = (8/14) ln 2 (community 0 is half A, half B), H(Y|X) = (6/14) ln 2
  /// (C is half 1, half 2), so VI = ln 2. Pairs: C(14,2) = 91, Σ C(a_i,2) = 27,
  /// Σ C(b_j,2) = 34, Σ C(n_ij,2) = 18: Rand = (91 + 36 − 61)/91 = 66/91,
  /// ARI = (18 − 27·34/91)/(61/2 − 27·34/91) = 288/743. Split-join: row maxima 4 + 4 + 3,
  /// column maxima 4 + 3 + 3: 2·14 − 21 = 7.
  @Test func mergesAndSplits() throws {
    let departments = Partition(membership: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], names: ["A", "B", "C"])
    let communities = Partition(membership: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2])
    let c = try departments.compared(with: communities)

    #expect(c.merges.count == 1)
    let merge = try #require(c.merges.first)
    #expect(merge.community == 0)
    #expect(merge.groups.map(\.index) == [0, 1])
    #expect(merge.groups.map(\.people) == [4, 4])
    #expect(merge.groups.map(\.share) == [0.5, 0.5])

    #expect(c.splits.count == 1)
    let split = try #require(c.splits.first)
    #expect(split.group == 2)
    #expect(split.communities.map(\.index) == [1, 2])
    #expect(split.communities.map(\.people) == [3, 3])
    #expect(split.communities.map(\.share) == [0.5, 0.5])

    #expect(isClose(c.variationOfInformation, log(2.0), tolerance: Self.tolerance))
    let hx = -(2 * (2.0 / 7) * log(2.0 / 7) + (3.0 / 7) * log(3.0 / 7))
    let hy = -((4.0 / 7) * log(4.0 / 7) + 2 * (3.0 / 14) * log(3.0 / 14))
    let mutual = hx - (4.0 / 7) * log(2.0)
    #expect(isClose(c.normalizedMutualInformation, 2 * mutual / (hx + hy), tolerance: Self.tolerance))
    #expect(isClose(c.rand, 66.0 / 91, tolerance: Self.tolerance))
    #expect(isClose(c.adjustedRand, 288.0 / 743, tolerance: Self.tolerance))
    #expect(c.splitJoinDistance == 7)

    // The other way round, the merge is a split and the split a merge.
    let reverse = try communities.compared(with: departments)
    #expect(reverse.splits.map(\.group) == [0])
    #expect(reverse.splits.first?.communities.map(\.index) == [0, 1])
    // Communities 1 and 2 each hold 3 of C's 6 people, at least half of themselves: merged.
    #expect(reverse.merges.map(\.community) == [2])
    #expect(reverse.merges.first?.groups.map(\.index) == [1, 2])
  }

  /// No split or merge below the thresholds: a department spread 7/1 (the larger part ≥ 75%)
  /// is not split; a community where a second department has a single person is not a merge.
  @Test func noSplitOrMergeBelowThresholds() throws {
    let departments = Partition(membership: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
    let communities = Partition(membership: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    let c = try departments.compared(with: communities)
    #expect(c.splits.isEmpty)
    #expect(c.merges.isEmpty)
  }

  @Test func differentSizesThrow() throws {
    #expect(throws: MetricError.notAPartition(expected: 3, actual: 2)) {
      try Partition(membership: [0, 0, 1]).compared(with: Partition(membership: [0, 1]))
    }
  }
}
