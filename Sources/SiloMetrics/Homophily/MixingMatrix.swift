import SiloGraph

/// Ties within and between every pair of groups: the block-model view of a partition.
///
/// For an undirected graph the matrix is symmetric and the diagonal holds each group's
/// internal ties once; for a directed graph entry (g, h) counts arcs from g to h.
public struct MixingMatrix: Sendable, Hashable, Codable {
  /// Group sizes.
  public var sizes: [Int]
  /// Tie counts, row-major, `groupCount × groupCount`.
  public var ties: [Double]
  /// Summed tie weights, row-major.
  public var weights: [Double]
  public var directed: Bool

  public var groupCount: Int { sizes.count }

  /// Ties between `g` and `h` (inside g when equal).
  public func ties(_ g: Int, _ h: Int) -> Double { ties[g * groupCount + h] }
  /// Tie weight between `g` and `h`.
  public func weight(_ g: Int, _ h: Int) -> Double { weights[g * groupCount + h] }

  /// Ties present over ties possible: inside g, I_g / (n_g(n_g − 1)/2) (undirected) or
  /// I_g / (n_g(n_g − 1)) (directed); between g and h, E_gh / (n_g n_h). `.nan` where no tie
  /// is possible (a group of one, inside).
  public func density(_ g: Int, _ h: Int) -> Double {
    let possible: Double
    if g == h {
      let n = Double(sizes[g])
      possible = directed ? n * (n - 1) : n * (n - 1) / 2
    } else {
      possible = Double(sizes[g]) * Double(sizes[h])
    }
    return possible > 0 ? ties(g, h) / possible : .nan
  }
}

extension CollaborationGraph {
  /// Returns the mixing matrix of a partition: tie counts, weights and densities within and
  /// between groups (netseg `mixingm`, collapsed to observed ties).
  ///
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``, or
  ///   ``MetricError/invalidArgument(_:)`` when the partition has more than 4,096 groups (the
  ///   matrix is dense).
  /// - Complexity: O(*n* + *m* + *k*²) for *k* groups.
  public func mixingMatrix(of partition: Partition) throws(MetricError) -> MixingMatrix {
    try partition.check(covers: self)
    let k = partition.groupCount
    guard k <= 4096 else { throw .invalidArgument("a mixing matrix of \(k) groups is too large to show") }
    var ties = [Double](repeating: 0, count: k * k)
    var weights = [Double](repeating: 0, count: k * k)
    let directed = isDirected
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: true) { u, v, w in
        let a = Int(group[u]), b = Int(group[v])
        ties[a * k + b] += 1
        weights[a * k + b] += w
        if !directed && a != b {
          ties[b * k + a] += 1
          weights[b * k + a] += w
        }
      }
    }
    return MixingMatrix(sizes: partition.sizes, ties: ties, weights: weights, directed: directed)
  }
}
