import SiloGraph

/// The five Gould–Fernandez brokerage roles, named as R's `sna::brokerage` names them.
public enum BrokerageRole: String, Sendable, Hashable, Codable, CaseIterable {
  /// w_I: A → A → A, brokering inside one's own group.
  case coordinator
  /// w_O: A → B → A, an outsider brokering within another group.
  case itinerant
  /// b_IO: A → A → B, sending one's own group's ties out.
  case representative
  /// b_OI: B → A → A, letting outside ties into one's own group.
  case gatekeeper
  /// b_O: A → B → C, between two groups neither of which is one's own.
  case liaison
}

/// Gould–Fernandez brokerage counts, with their expectations and z-scores under the
/// Gould–Fernandez null, per node and for the whole network.
public struct Brokerage: Sendable, Hashable, Codable {
  /// Raw counts per node, in ``BrokerageRole`` order, plus the total (six values per node).
  public var raw: [[Double]]
  /// Expected counts per node (by the node's group).
  public var expected: [[Double]]
  public var standardDeviation: [[Double]]
  /// (raw − expected) / sd; `.nan` where the sd is 0.
  public var z: [[Double]]
  /// Network totals, expectations, sd and z (sna's `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`).
  public var networkRaw: [Double]
  public var networkExpected: [Double]
  public var networkStandardDeviation: [Double]
  public var networkZ: [Double]
  /// Whether the graph was undirected: each open two-path a − v − b then counts once in
  /// each direction (a → v → b and b → v → a), as `sna::brokerage` counts a symmetric
  /// matrix, so that representative and gatekeeper counts are equal.
  public var undirected: Bool

  /// The count of `role` for `node`.
  public func count(_ role: BrokerageRole, of node: NodeID) -> Double {
    raw[node.index][BrokerageRole.allCases.firstIndex(of: role)!]
  }
}

extension CollaborationGraph {
  /// Returns Gould & Fernandez's brokerage roles of every node with respect to a partition.
  ///
  /// Node v brokers every *open* two-path a → v → b (a ≠ b, no tie a → b); the path's role
  /// follows the groups of a, v and b (``BrokerageRole``). Expected values and variances are
  /// those of Gould & Fernandez (1989) as `sna::brokerage` computes them, with the density
  /// d = m / (N(N − 1)) over arcs (an undirected tie is two arcs) and n_g group sizes; for
  /// example the coordinator count of a node in group g has expectation
  /// d²(1 − d)(n_g − 1)(n_g − 2).
  ///
  /// Weights are ignored (a tie is present or not), as in the original measure.
  ///
  /// - Complexity: O(Σ_v Σ_{a → v} (d_a + d_v)).
  ///
  /// > R. V. Gould, R. M. Fernandez. "Structures of mediation: a formal approach to brokerage
  /// > in transaction networks." *Sociological Methodology* 19, 89–126 (1989).
  /// > doi:10.2307/270949
  public func brokerage(of partition: Partition) throws(MetricError) -> Brokerage {
    try partition.check(covers: self)
    let n = nodeCount
    let group = partition.membership
    let raw = brokerageCounts(group)
    // Moments under the Gould–Fernandez null.
    let N = Double(n)
    let arcs = Double(isDirected ? edgeCount : 2 * edgeCount)
    let d = n > 1 ? arcs / (N * (N - 1)) : 0
    let sizes = partition.sizes.map(Double.init)
    let (groupExpected, groupVariance) = Brokerage.groupMoments(sizes: sizes, people: N, density: d)
    var expected = [[Double]](), sd = [[Double]](), z = [[Double]]()
    expected.reserveCapacity(n); sd.reserveCapacity(n); z.reserveCapacity(n)
    for v in 0 ..< n {
      let g = Int(group[v])
      let e = groupExpected[g], s = groupVariance[g].map { $0.squareRoot() }
      expected.append(e)
      sd.append(s)
      z.append((0 ..< 6).map { s[$0] > 0 ? (raw[v][$0] - e[$0]) / s[$0] : .nan })
    }
    // Network level.
    let networkRaw = (0 ..< 6).map { r in raw.reduce(0) { $0 + $1[r] } }
    let (ge, gv) = Brokerage.networkMoments(sizes: sizes, people: N, density: d)
    let gsd = gv.map { $0.squareRoot() }
    return Brokerage(
      raw: raw, expected: expected, standardDeviation: sd, z: z, networkRaw: networkRaw, networkExpected: ge,
      networkStandardDeviation: gsd, networkZ: (0 ..< 6).map { gsd[$0] > 0 ? (networkRaw[$0] - ge[$0]) / gsd[$0] : .nan },
      undirected: !isDirected)
  }

  /// Each node's open two-paths a → v → b by role (coordinator, itinerant, representative,
  /// gatekeeper, liaison, total).
  private func brokerageCounts(_ group: [Int32]) -> [[Double]] {
    let n = nodeCount
    var raw = [[Double]](repeating: Array(repeating: 0, count: 6), count: n)
    var mark = [Int32](repeating: -1, count: n)
    for v in 0 ..< n {
      let gv = group[v]
      for a in inNeighbors(of: NodeID(v)).nodes {
        let ai = a.index
        // Mark a's out-neighbours (and a itself) to test "a → b".
        for b in neighbors(of: a).nodes { mark[b.index] = Int32(ai) }
        mark[ai] = Int32(ai)
        let ga = group[ai]
        for b in neighbors(of: NodeID(v)).nodes where mark[b.index] != Int32(ai) {
          let gb = group[b.index]
          let role: Int
          if ga == gv && gv == gb { role = 0 }
          else if ga == gb { role = 1 }
          else if ga == gv { role = 2 }
          else if gv == gb { role = 3 }
          else { role = 4 }
          raw[v][role] += 1
          raw[v][5] += 1
        }
        // Unmark lazily: the marks carry a's id, so a stale mark never matches a later a.
      }
    }
    return raw
  }
}

extension Brokerage {
  /// The expected count and variance of each role for a node of each group, under the
  /// Gould–Fernandez null with density `d` (sna::brokerage's formulas).
  static func groupMoments(sizes: [Double], people N: Double, density d: Double) -> (expected: [[Double]], variance: [[Double]]) {
    let k = sizes.count
    let p = d * d * (1 - d), q = d * d * d * (1 - d) * (1 - d) * (1 - d)
    func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
    var groupExpected = [[Double]](repeating: Array(repeating: 0, count: 6), count: k)
    var groupVariance = [[Double]](repeating: Array(repeating: 0, count: 6), count: k)
    for g in 0 ..< k {
      let ng = sizes[g]
      let others = (0 ..< k).filter { $0 != g }.map { sizes[$0] }
      var e = [Double](repeating: 0, count: 6), v = [Double](repeating: 0, count: 6)
      e[0] = p * (ng - 1) * (ng - 2)
      v[0] = e[0] * (1 - p) + 2 * (ng - 1) * (ng - 2) * (ng - 3) * q
      e[1] = p * others.reduce(0) { $0 + $1 * ($1 - 1) }
      v[1] = e[1] * (1 - p) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * q
      e[2] = p * (N - ng) * (ng - 1)
      v[2] = e[2] * (1 - p) + 2 * ((ng - 1) * choose2(N - ng) + (N - ng) * choose2(ng - 1)) * q
      e[3] = e[2]
      v[3] = v[2]
      let sumOthers = others.reduce(0, +), sumSquares = others.reduce(0) { $0 + $1 * $1 }
      e[4] = p * (sumOthers * sumOthers - sumSquares)
      v[4] = e[4] * (1 - p) + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ng) } * q
      e[5] = p * (N - 1) * (N - 2)
      v[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q
      groupExpected[g] = e
      groupVariance[g] = v
    }
    return (groupExpected, groupVariance)
  }

  /// The expected total of each role over the network and its variance (sna::brokerage's
  /// network-level formulas).
  static func networkMoments(sizes: [Double], people N: Double, density d: Double) -> (expected: [Double], variance: [Double]) {
    let k = sizes.count
    let p = d * d * (1 - d)
    var ge = [Double](repeating: 0, count: 6), gv = [Double](repeating: 0, count: 6)
    let a3 = d * d * d * (1 - d) * (1 - d) * (1 - d), a4 = d * d * d * d * (1 - d) * (1 - d), a5 = d * d * d * d * d * (1 - d)
    ge[0] = p * sizes.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
    gv[0] = ge[0] * (1 - p) + sizes.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * a3 - 4 * ($1 - 3) * a4 + ($1 - 3) * a5) }
    ge[1] = p * sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
    var outer = 0.0
    for x in sizes { for y in sizes { outer += x * y * (x - 1) * ((2 * x + 2 * y - 6) * a3 + (N - x - 1) * a5) } }
    gv[1] = ge[1] * (1 - p) + outer - sizes.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * a3 + (N - $1 - 1) * a5) }
    ge[2] = p * sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
    gv[2] = ge[2] * (1 - p) + sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) * ((N - 3) * a3 + ($1 - 2) * a5) }
    ge[3] = ge[2]
    gv[3] = gv[2]
    var liaison = 0.0
    for x in sizes { for y in sizes { liaison += x * y * (N - x - y) } }
    ge[4] = p * (liaison - sizes.reduce(0) { $0 + $1 * $1 * (N - 2 * $1) })
    gv[4] = ge[4] * (1 - p)
    // Σ over ordered triples of distinct groups (i, j, l) of
    //   n_i n_j n_l [(4(N − n_j) − 2(n_i + n_l + 1)) a3 − (4(N − n_l) − 2(n_i + n_j + 1)) a4 + (N − (n_i + n_l + 1)) a5],
    // which is linear and quadratic in n_l: n_i n_j [n_l C_ij + n_l² D] with
    //   C_ij = (4N − 4n_j − 2n_i − 2) a3 − (4N − 2n_i − 2n_j − 2) a4 + (N − n_i − 1) a5,  D = −2a3 + 4a4 − a5,
    // so the sum over l ∉ {i, j} needs only Σ n and Σ n²: O(k²) instead of O(k³), which took
    // seconds with a thousand departments.
    let sum1 = sizes.reduce(0, +), sum2 = sizes.reduce(0) { $0 + $1 * $1 }
    let quadratic = -2 * a3 + 4 * a4 - a5
    for i in 0 ..< k {
      for j in 0 ..< k where j != i {
        let (ni, nj) = (sizes[i], sizes[j])
        let linear = (4 * N - 4 * nj - 2 * ni - 2) * a3 - (4 * N - 2 * ni - 2 * nj - 2) * a4 + (N - ni - 1) * a5
        gv[4] += ni * nj * (linear * (sum1 - ni - nj) + quadratic * (sum2 - ni * ni - nj * nj))
      }
    }
    ge[5] = p * N * (N - 1) * (N - 2)
    gv[5] = ge[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * a3 - 4 * (N - 3) * a4 + (N - 3) * a5)
    return (ge, gv)
  }
}
