import SiloGraph

/// Newman's nominal assortativity of a partition, with the modularity Q it normalizes.
public struct NominalAssortativity: Sendable, Hashable, Codable {
  /// r = Q / Q_max ∈ [−1, 1]; `.nan` without ties or when one group holds every tie end.
  public var r: Double
  /// Q = Σ e_gg − Σ a_g b_g (the modularity at γ = 1).
  public var q: Double
  /// Q_max = 1 − Σ a_g b_g, the Q of a perfectly assortative network with these group
  /// degrees.
  public var qMax: Double
  public var weighted: Bool
}

/// Coleman's homophily index of one group.
public struct ColemanHomophily: Sendable, Hashable, Codable {
  /// The index in [−1, 1]: 0 is chance, 1 every tie inside, −1 none inside; `.nan` for a
  /// group whose members have no ties or for a graph of one person.
  public var index: Double
  /// Tie ends inside the group (m_gg).
  public var inside: Double
  /// Tie ends of the group's members (d_g).
  public var ties: Double
  /// Inside tie ends expected by chance, E_g = d_g (n_g − 1)/(N − 1).
  public var expected: Double
}

extension CollaborationGraph {
  /// Returns Freeman's segregation index: how many fewer ties cross group boundaries than
  /// random mixing of these group sizes would give.
  ///
  /// ```
  /// S = (E[X] − X) / E[X],    E[X] = M · (N² − Σ_g n_g²) / (N (N − 1))
  /// ```
  ///
  /// with X the ties between groups, M all ties, N people and n_g group sizes. S = 1: no tie
  /// crosses a boundary; 0: as random; negative: more crossing than random. The generalized
  /// form of netseg `freeman()` (Freeman 1978, without the truncation at 0). Ties are counted,
  /// not weighed; direction is ignored (an arc is a tie).
  ///
  /// Edge cases: `.nan` without ties, or when no cross-group tie is possible (one group).
  ///
  /// - Complexity: O(*n* + *m*).
  ///
  /// > L. C. Freeman. "Segregation in social networks." *Sociological Methods & Research*
  /// > 6(4), 411–429 (1978). doi:10.1177/004912417800600401
  public func freemanSegregation(of partition: Partition) throws(MetricError) -> Double {
    try partition.check(covers: self)
    var cross = 0.0, all = 0.0
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: false) { u, v, _ in
        all += 1
        if group[u] != group[v] { cross += 1 }
      }
    }
    let n = Double(nodeCount)
    let squares = partition.sizes.reduce(0.0) { $0 + Double($1) * Double($1) }
    guard all > 0, nodeCount > 1 else { return .nan }
    let expected = all * (n * n - squares) / (n * (n - 1))
    return expected > 0 ? (expected - cross) / expected : .nan
  }

  /// Returns Newman's nominal assortativity coefficient of a partition.
  ///
  /// With e_gh the fraction of tie ends joining group g to group h (each undirected tie
  /// counted in both directions; arcs from g to h when directed), a_g = Σ_h e_gh and
  /// b_h = Σ_g e_gh:
  ///
  /// ```
  /// r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g) = Q / Q_max
  /// ```
  ///
  /// Unweighted it equals NetworkX `attribute_assortativity_coefficient` and python-igraph
  /// `assortativity_nominal`. Weighted, each tie counts by its weight; NetworkX ignores
  /// weights, and python-igraph 1.0.0 documents a `weights` argument but raises `SystemError`
  /// for any call that passes more than `types` and `directed`, so the weighted value has
  /// not been compared with igraph. Q is the modularity at γ = 1, so r is the modularity of
  /// the partition normalized by the best it could be.
  ///
  /// Edge cases: `.nan` without ties or when Q_max = 0 (every tie end in one group).
  ///
  /// - Complexity: O(*n* + *m*).
  ///
  /// > M. E. J. Newman. "Mixing patterns in networks." *Phys. Rev. E* 67, 026126 (2003).
  /// > doi:10.1103/PhysRevE.67.026126
  public func nominalAssortativity(of partition: Partition, weighted: Bool = false) throws(MetricError) -> NominalAssortativity {
    try partition.check(covers: self)
    let k = partition.groupCount
    var diagonal = 0.0, total = 0.0
    var a = [Double](repeating: 0, count: k), b = [Double](repeating: 0, count: k)
    let directed = isDirected
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: weighted) { u, v, w in
        let g = Int(group[u]), h = Int(group[v])
        if directed {
          total += w
          a[g] += w
          b[h] += w
          if g == h { diagonal += w }
        } else {
          total += 2 * w
          a[g] += w; b[h] += w
          a[h] += w; b[g] += w
          if g == h { diagonal += 2 * w }
        }
      }
    }
    guard total > 0 else { return NominalAssortativity(r: .nan, q: .nan, qMax: .nan, weighted: weighted) }
    var products = 0.0
    for g in 0 ..< k { products += (a[g] / total) * (b[g] / total) }
    let q = diagonal / total - products
    // Q_max is 0 exactly when one group holds every tie end; decide that from the counts, as
    // a[g]/total can round to 1 − ulp and leave Q_max a spurious 1e-16 (r = q/1e-16).
    let groupsWithEnds = (0 ..< k).reduce(0) { $0 + (a[$1] > 0 || b[$1] > 0 ? 1 : 0) }
    let qMax = groupsWithEnds > 1 ? 1 - products : 0
    return NominalAssortativity(r: qMax > 0 ? q / qMax : .nan, q: q, qMax: qMax, weighted: weighted)
  }

  /// Returns Coleman's homophily index of each group: how much more its members' ties stay
  /// inside than chance, scaled so that 1 is "every tie inside".
  ///
  /// With d_g the tie ends of the members of g (out-arcs when directed; for an undirected
  /// graph each tie counted from both ends), m_gg those ending inside g, and
  /// E_g = d_g (n_g − 1)/(N − 1) the ends expected inside by chance:
  ///
  /// ```
  /// H_g = (m_gg − E_g) / (d_g − E_g)    when m_gg > E_g
  /// H_g = (m_gg − E_g) / E_g            otherwise
  /// ```
  ///
  /// As netseg `coleman()` (Coleman 1958). Weighted, tie ends count by weight.
  ///
  /// - Complexity: O(*n* + *m*).
  ///
  /// > J. S. Coleman. "Relational analysis: the study of social organizations with survey
  /// > methods." *Human Organization* 17(4), 28–36 (1958).
  public func colemanHomophily(of partition: Partition, weighted: Bool = false) throws(MetricError) -> [ColemanHomophily] {
    try partition.check(covers: self)
    let k = partition.groupCount
    var ends = [Double](repeating: 0, count: k), inside = [Double](repeating: 0, count: k)
    let directed = isDirected
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: weighted) { u, v, w in
        let g = Int(group[u]), h = Int(group[v])
        ends[g] += w
        if !directed { ends[h] += w }
        // Added as `ends` is (w, then w again undirected), so that a group keeping every tie
        // inside has m_gg == d_g exactly.
        if g == h {
          inside[g] += w
          if !directed { inside[g] += w }
        }
      }
    }
    let sizes = partition.sizes
    let n = Double(nodeCount)
    return (0 ..< k).map { g in
      guard nodeCount > 1 else {
        return ColemanHomophily(index: .nan, inside: inside[g], ties: ends[g], expected: .nan)
      }
      // The share first: for a group holding everybody it is exactly 1, so E_g = d_g = m_gg
      // exactly and the index is (m − E)/E = 0; multiplying first could leave E_g an ulp
      // below m_gg and give (m − E)/(d − E) = 1 instead.
      let expected = ends[g] * (Double(sizes[g] - 1) / (n - 1))
      // A group without tie ends has no index, but its expected count is still the formula's
      // E_g = d_g (n_g − 1)/(N − 1) = 0 (Tests/References/silos_reference.md §5, Krackhardt
      // friendship group 0).
      guard ends[g] > 0 else {
        return ColemanHomophily(index: .nan, inside: inside[g], ties: ends[g], expected: expected)
      }
      let index: Double
      if inside[g] > expected {
        index = ends[g] > expected ? (inside[g] - expected) / (ends[g] - expected) : .nan
      } else {
        index = expected > 0 ? (inside[g] - expected) / expected : .nan
      }
      return ColemanHomophily(index: index, inside: inside[g], ties: ends[g], expected: expected)
    }
  }
}
