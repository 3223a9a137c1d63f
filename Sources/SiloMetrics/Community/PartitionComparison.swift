import Foundation
import SiloGraph

/// How closely two partitions of the same people agree: the formal departments against the
/// communities found in the collaboration.
public struct PartitionComparison: Sendable, Hashable, Codable {
  /// Normalized mutual information, 2 I(X;Y) / (H(X) + H(Y)) ∈ [0, 1] (Danon et al. 2005);
  /// 1 when both partitions have one group.
  public var normalizedMutualInformation: Double
  /// Adjusted Rand index (Hubert & Arabie 1985): 0 is chance agreement, 1 identical.
  public var adjustedRand: Double
  /// Rand index: the share of pairs of people on which both partitions agree.
  public var rand: Double
  /// Variation of information, H(X) + H(Y) − 2 I(X;Y), in nats (Meilă 2007); 0 when identical.
  public var variationOfInformation: Double
  /// Split-join distance (van Dongen 2000): people to move to turn each into the other.
  public var splitJoinDistance: Int
  /// The non-empty cells of the contingency table: how many people of formal group `group`
  /// are in community `community`.
  public var contingency: [Cell]
  /// Formal groups whose people the collaboration spreads over several communities.
  public var splits: [Split]
  /// Communities in which the collaboration joins several formal groups.
  public var merges: [Merge]

  public struct Cell: Sendable, Hashable, Codable {
    public var group: Int
    public var community: Int
    public var people: Int
  }

  /// A formal group split over communities: each listed community holds at least 20% (and
  /// two people) of the group, and none holds 75% or more.
  public struct Split: Sendable, Hashable, Codable {
    public var group: Int
    /// Communities with their share of the group's people, largest first.
    public var communities: [Share]
  }

  /// A community that merges formal groups: each listed group makes up at least 20% of the
  /// community (and two people) and has at least half of its own people in it.
  public struct Merge: Sendable, Hashable, Codable {
    public var community: Int
    /// Groups with their share of the community's people, largest first.
    public var groups: [Share]
  }

  public struct Share: Sendable, Hashable, Codable {
    /// A group or community number.
    public var index: Int
    public var people: Int
    public var share: Double
  }
}

extension Partition {
  /// Compares this partition (the formal groups, X) with another of the same nodes (the
  /// communities, Y).
  ///
  /// ```
  /// H(X) = −Σ_i (a_i/n) ln(a_i/n)          I(X;Y) = Σ_ij (n_ij/n) ln(n n_ij / (a_i b_j))
  /// NMI  = 2 I / (H(X) + H(Y))             VI = H(X) + H(Y) − 2 I
  /// ARI  = (Σ C(n_ij,2) − E) / (½[Σ C(a_i,2) + Σ C(b_j,2)] − E),  E = Σ C(a_i,2) Σ C(b_j,2) / C(n,2)
  /// ```
  ///
  /// The values equal igraph's `compare_communities(method = "nmi" | "vi" | "adjusted_rand" |
  /// "rand" | "split-join")` (natural logarithms). Edge cases, as igraph: NMI is 1 when both
  /// partitions have a single group; ARI is 1 when the partitions are identical and both
  /// trivial; fewer than two nodes give NaN for the Rand indices.
  ///
  /// - Throws: ``MetricError/notAPartition(expected:actual:)`` when the node counts differ.
  /// - Complexity: O(*n* + *c* log *c*) for *c* non-empty cells.
  ///
  /// > L. Danon, A. Díaz-Guilera, J. Duch, A. Arenas. "Comparing community structure
  /// > identification." *J. Stat. Mech.* P09008 (2005). doi:10.1088/1742-5468/2005/09/P09008
  /// > L. Hubert, P. Arabie. "Comparing partitions." *J. Classification* 2, 193–218 (1985).
  /// > doi:10.1007/BF01908075
  /// > M. Meilă. "Comparing clusterings—an information based distance." *J. Multivariate
  /// > Analysis* 98(5), 873–895 (2007). doi:10.1016/j.jmva.2006.11.013
  public func compared(with other: Partition) throws(MetricError) -> PartitionComparison {
    guard other.nodeCount == nodeCount else { throw .notAPartition(expected: nodeCount, actual: other.nodeCount) }
    let a = sizes.map(Double.init), b = other.sizes.map(Double.init)
    let (contingency, mutual, pairsInside) = contingencyTable(with: other, sizes: a, b)
    let total = Double(nodeCount)
    func entropy(_ counts: [Double]) -> Double {
      counts.reduce(0) { $1 > 0 ? $0 - ($1 / total) * Self.ln($1 / total) : $0 }
    }
    let hx = nodeCount > 0 ? entropy(a) : 0, hy = nodeCount > 0 ? entropy(b) : 0
    let (ari, rand) = Self.pairCounting(pairsInside: pairsInside, sizes: a, b, total: total)
    let (splits, merges) = Self.splitsAndMerges(contingency, sizes: a, b)
    return PartitionComparison(
      normalizedMutualInformation: hx + hy > 0 ? 2 * mutual / (hx + hy) : 1, adjustedRand: ari, rand: rand,
      variationOfInformation: max(0, hx + hy - 2 * mutual),
      splitJoinDistance: Self.splitJoinDistance(contingency, people: nodeCount, groups: groupCount, other.groupCount),
      contingency: contingency, splits: splits, merges: merges)
  }

  /// The contingency table (group × community, non-empty cells, in that order), with the
  /// mutual information and the pairs of people together in both, summed in key order (a
  /// dictionary's own order changes from process to process, and floating-point sums with it).
  private func contingencyTable(with other: Partition, sizes a: [Double], _ b: [Double]) -> (
    [PartitionComparison.Cell], mutual: Double, pairsInside: Double
  ) {
    var cells: [UInt64: Int] = [:]
    for v in 0 ..< nodeCount {
      let key = UInt64(UInt32(membership[v])) << 32 | UInt64(UInt32(other.membership[v]))
      cells[key, default: 0] += 1
    }
    let total = Double(nodeCount)
    var mutual = 0.0, pairsInside = 0.0
    var contingency: [PartitionComparison.Cell] = []
    for (key, count) in cells.sorted(by: { $0.key < $1.key }) {
      let i = Int(key >> 32), j = Int(key & 0xFFFF_FFFF)
      let c = Double(count)
      mutual += (c / total) * Self.ln(total * c / (a[i] * b[j]))
      pairsInside += c * (c - 1) / 2
      contingency.append(.init(group: i, community: j, people: count))
    }
    contingency.sort { ($0.group, $0.community) < ($1.group, $1.community) }
    return (contingency, mutual, pairsInside)
  }

  /// The adjusted Rand index and the Rand index from the pairs together in both partitions.
  private static func pairCounting(pairsInside: Double, sizes a: [Double], _ b: [Double], total: Double) -> (ari: Double, rand: Double) {
    let sumA = a.reduce(0) { $0 + $1 * ($1 - 1) / 2 }, sumB = b.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    let pairs = total * (total - 1) / 2
    let expected = pairs > 0 ? sumA * sumB / pairs : .nan
    let maximum = (sumA + sumB) / 2
    let ari: Double
    if pairs == 0 {
      ari = .nan
    } else if maximum == expected {
      ari = pairsInside == maximum ? 1 : 0
    } else {
      ari = (pairsInside - expected) / (maximum - expected)
    }
    return (ari, pairs > 0 ? (pairs + 2 * pairsInside - sumA - sumB) / pairs : .nan)
  }

  /// Split-join: Σ_i max_j n_ij + Σ_j max_i n_ij against 2n.
  private static func splitJoinDistance(_ contingency: [PartitionComparison.Cell], people n: Int, groups: Int, _ communities: Int) -> Int {
    var rowMax = [Int](repeating: 0, count: groups), columnMax = [Int](repeating: 0, count: communities)
    for cell in contingency {
      rowMax[cell.group] = max(rowMax[cell.group], cell.people)
      columnMax[cell.community] = max(columnMax[cell.community], cell.people)
    }
    return 2 * n - rowMax.reduce(0, +) - columnMax.reduce(0, +)
  }

  /// Departments the communities split (at least two parts of 20% and two people, none of
  /// 75%) and communities that merge departments (at least two parts of 20% of the community,
  /// each at least half its department).
  private static func splitsAndMerges(_ contingency: [PartitionComparison.Cell], sizes a: [Double], _ b: [Double]) -> (
    [PartitionComparison.Split], [PartitionComparison.Merge]
  ) {
    var byGroup = [[PartitionComparison.Cell]](repeating: [], count: a.count)
    var byCommunity = [[PartitionComparison.Cell]](repeating: [], count: b.count)
    for cell in contingency {
      byGroup[cell.group].append(cell)
      byCommunity[cell.community].append(cell)
    }
    var splits: [PartitionComparison.Split] = []
    for g in a.indices where a[g] >= 2 {
      let parts = byGroup[g].filter { Double($0.people) >= 0.2 * a[g] && $0.people >= 2 }
      let largest = byGroup[g].map(\.people).max() ?? 0
      if parts.count >= 2 && Double(largest) < 0.75 * a[g] {
        splits.append(.init(group: g, communities: parts.map {
          .init(index: $0.community, people: $0.people, share: Double($0.people) / a[g])
        }.sorted { ($0.people, -$0.index) > ($1.people, -$1.index) }))
      }
    }
    var merges: [PartitionComparison.Merge] = []
    for c in b.indices where b[c] >= 2 {
      let parts = byCommunity[c].filter {
        Double($0.people) >= 0.2 * b[c] && $0.people >= 2 && Double($0.people) >= 0.5 * a[$0.group]
      }
      if parts.count >= 2 {
        merges.append(.init(community: c, groups: parts.map {
          .init(index: $0.group, people: $0.people, share: Double($0.people) / b[c])
        }.sorted { ($0.people, -$0.index) > ($1.people, -$1.index) }))
      }
    }
    return (splits, merges)
  }

  @inline(__always)
  static func ln(_ x: Double) -> Double { Foundation.log(x) }
}
