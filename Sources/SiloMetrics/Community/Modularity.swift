import SiloGraph

/// The modularity of a partition and each group's share of it.
public struct Modularity: Sendable, Hashable, Codable {
  /// Q, or `.nan` for a graph without ties.
  public var value: Double
  /// Each group's contribution Q_c; they sum to ``value``.
  public var perGroup: [Double]
  /// The resolution γ used.
  public var resolution: Double
  /// Whether tie weights were used.
  public var weighted: Bool
  /// Whether the directed (Leicht–Newman) form was used.
  public var directed: Bool
}

extension CollaborationGraph {
  /// Returns the modularity of a partition: how much more its groups keep their ties inside
  /// than a random graph with the same degrees would.
  ///
  /// Undirected, after Newman & Girvan (2004) with the resolution γ of Reichardt &
  /// Bornholdt (2006); *m* is the total tie weight, *k* strengths, L_c the weight inside
  /// group c and K_c the strength of its members:
  ///
  /// ```
  /// Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j) = Σ_c [ L_c/m − γ (K_c / 2m)² ]
  /// ```
  ///
  /// Directed, after Leicht & Newman (2008), with out- and in-strengths:
  ///
  /// ```
  /// Q = (1/m) Σ_ij [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j) = Σ_c [ L_c/m − γ K_c^out K_c^in / m² ]
  /// ```
  ///
  /// This is what NetworkX `community.modularity(G, parts, weight=…, resolution=γ)` and igraph
  /// `modularity(membership, weights, resolution, directed)` compute. Self-loops are not part
  /// of SiloScope's graphs (they are set aside in `CollaborationGraph.selfLoops`), so they
  /// never count; NetworkX counts them on the diagonal, so drop them there to compare.
  ///
  /// Edge cases: a graph without ties returns `.nan` (as igraph; NetworkX raises
  /// ZeroDivisionError). Range: Q ∈ [−1/2, 1) for γ = 1.
  ///
  /// - Parameters:
  ///   - partition: one group per node (departments, or found communities).
  ///   - resolution: γ > 0; larger values favour smaller groups.
  ///   - weighted: sum tie weights (strengths); `false` counts ties.
  /// - Throws: ``MetricError/notAPartition(expected:actual:)`` when the partition does not cover
  ///   the graph; ``MetricError/invalidArgument(_:)`` for γ ≤ 0 or not finite.
  /// - Complexity: O(*n* + *m*).
  ///
  /// > M. E. J. Newman, M. Girvan. "Finding and evaluating community structure in networks."
  /// > *Phys. Rev. E* 69, 026113 (2004). doi:10.1103/PhysRevE.69.026113
  /// > J. Reichardt, S. Bornholdt. "Statistical mechanics of community detection." *Phys. Rev. E*
  /// > 74, 016110 (2006). doi:10.1103/PhysRevE.74.016110
  /// > E. A. Leicht, M. E. J. Newman. "Community structure in directed networks." *Phys. Rev.
  /// > Lett.* 100, 118703 (2008). doi:10.1103/PhysRevLett.100.118703
  public func modularity(
    of partition: Partition, resolution: Double = 1, weighted: Bool = true
  ) throws(MetricError) -> Modularity {
    try partition.check(covers: self)
    guard resolution.isFinite && resolution > 0 else { throw .invalidArgument("the resolution must be a positive number") }
    let k = partition.groupCount
    var inside = [Double](repeating: 0, count: k)
    var outStrength = [Double](repeating: 0, count: k)
    var inStrength = [Double](repeating: 0, count: k)
    var total = 0.0
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: weighted) { u, v, w in
        let a = Int(group[u]), b = Int(group[v])
        total += w
        if a == b { inside[a] += w }
        outStrength[a] += w
        inStrength[b] += w
      }
    }
    var perGroup = [Double](repeating: .nan, count: k)
    guard total > 0 else {
      return Modularity(value: .nan, perGroup: perGroup, resolution: resolution, weighted: weighted, directed: isDirected)
    }
    var q = 0.0
    for c in 0 ..< k {
      let contribution: Double
      if isDirected {
        contribution = inside[c] / total - resolution * outStrength[c] * inStrength[c] / (total * total)
      } else {
        let strength = (outStrength[c] + inStrength[c]) / (2 * total)
        contribution = inside[c] / total - resolution * strength * strength
      }
      perGroup[c] = contribution
      q += contribution
    }
    return Modularity(value: q, perGroup: perGroup, resolution: resolution, weighted: weighted, directed: isDirected)
  }
}
