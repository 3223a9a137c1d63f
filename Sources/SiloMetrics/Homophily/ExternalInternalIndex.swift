import SiloGraph

/// How the internal ties of a group are counted in its group-level E-I index.
public enum EIGroupConvention: String, Sendable, Hashable, Codable, CaseIterable {
  /// Each tie inside the group counts once, like each tie leaving it: I_g = ties inside g.
  /// "Financiën keeps 86% of its ties inside" reads I_g / (I_g + E_g) in this convention.
  case perTie = "per-tie"
  /// Each tie inside the group counts once per member at its ends (twice), as summing the
  /// members' person-level counts does: I_g = 2 × ties inside g.
  case perEndpoint = "per-endpoint"
}

/// The E-I index at the level of the organization, each group and each person.
public struct ExternalInternalIndex: Sendable, Hashable, Codable {
  /// (E − I)/(E + I) over all ties; `.nan` without ties.
  public var overall: Double
  /// E: ties (or weight) between groups.
  public var external: Double
  /// I: ties (or weight) within groups.
  public var `internal`: Double
  /// One entry per group.
  public var perGroup: [Group]
  /// One index per node; `.nan` for a node without ties.
  public var perNode: [Double]
  public var weighted: Bool
  public var convention: EIGroupConvention

  public struct Group: Sendable, Hashable, Codable {
    /// Ties (or weight) with exactly one end in the group.
    public var external: Double
    /// Ties (or weight) inside the group, counted as ``ExternalInternalIndex/convention`` says.
    public var `internal`: Double
    /// (E_g − I_g)/(E_g + I_g); `.nan` for a group without ties.
    public var index: Double
  }
}

extension CollaborationGraph {
  /// Returns the E-I index of a partition: how much of the ties cross group boundaries.
  ///
  /// After Krackhardt & Stern (1988). With *E* the ties (or their total weight) between groups
  /// and *I* those within groups:
  ///
  /// ```
  /// EI = (E − I) / (E + I)     −1: every tie inside (a silo) … +1: every tie outside
  /// ```
  ///
  /// - Organization: E and I over all ties; equal to netseg's `ei()` and to UCINET's E-I
  ///   without rescaling.
  /// - Group g: E_g = ties with exactly one end in g, I_g = ties inside g, counted once per
  ///   tie (``EIGroupConvention/perTie``, the default) or once per member end
  ///   (``EIGroupConvention/perEndpoint``).
  /// - Person i: E_i and I_i over i's own ties; for a directed graph over arcs in both
  ///   directions (out and in), each arc once.
  ///
  /// Undirected ties count once; directed arcs count once each. Edge cases: no ties → `.nan`
  /// for the organization; a group or person without ties → `.nan`. Self-loops are not ties.
  ///
  /// - Parameters:
  ///   - partition: Group membership for every node (for example, departments).
  ///   - weighted: Sum tie weights instead of counting ties.
  ///   - convention: How a group's internal ties count.
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``.
  /// - Complexity: O(*n* + *m*).
  ///
  /// > D. Krackhardt, R. N. Stern. "Informal networks and organizational crises: an
  /// > experimental simulation." *Social Psychology Quarterly* 51(2), 123–140 (1988).
  /// > doi:10.2307/2786835
  public func externalInternalIndex(
    of partition: Partition, weighted: Bool = false, convention: EIGroupConvention = .perTie
  ) throws(MetricError) -> ExternalInternalIndex {
    try partition.check(covers: self)
    let k = partition.groupCount
    var groupExternal = [Double](repeating: 0, count: k)
    var groupInternal = [Double](repeating: 0, count: k)
    var nodeExternal = [Double](repeating: 0, count: nodeCount)
    var nodeInternal = [Double](repeating: 0, count: nodeCount)
    var external = 0.0, internalTotal = 0.0
    partition.membership.withUnsafeBufferPointer { group in
      forEachTie(weighted: weighted) { u, v, w in
        let a = Int(group[u]), b = Int(group[v])
        if a == b {
          internalTotal += w
          groupInternal[a] += w
          nodeInternal[u] += w
          nodeInternal[v] += w
        } else {
          external += w
          groupExternal[a] += w
          groupExternal[b] += w
          nodeExternal[u] += w
          nodeExternal[v] += w
        }
      }
    }
    let factor = convention == .perEndpoint ? 2.0 : 1.0
    let groups = (0 ..< k).map { g in
      let i = groupInternal[g] * factor
      return ExternalInternalIndex.Group(external: groupExternal[g], internal: i, index: Self.ei(groupExternal[g], i))
    }
    let nodes = (0 ..< nodeCount).map { Self.ei(nodeExternal[$0], nodeInternal[$0]) }
    return ExternalInternalIndex(
      overall: Self.ei(external, internalTotal), external: external, internal: internalTotal, perGroup: groups,
      perNode: nodes, weighted: weighted, convention: convention)
  }

  @inline(__always)
  static func ei(_ external: Double, _ inside: Double) -> Double {
    let total = external + inside
    return total > 0 ? (external - inside) / total : .nan
  }
}
