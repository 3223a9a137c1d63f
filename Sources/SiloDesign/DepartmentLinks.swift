import SiloGraph

/// What the objectives look at, per pair of departments: whether the two have a tie, which
/// people every tie between them involves, and the modularity's sums. A team changes it
/// through ``adding(_:model:graph:)``; the objectives' gains are differences of ``value(of:weights:)``.
///
/// Pairs are stored in a k × k table (k departments), both halves kept equal.
struct DepartmentLinks: Sendable {
  /// The number of departments.
  let k: Int
  /// Each person's department.
  let membership: [Int32]
  /// Whether departments a and b have at least one tie, at `a * k + b`.
  private(set) var tied: [Bool]
  /// For a tied pair, the people every one of its ties involves: at most two (the ends of its
  /// only tie), −1 for none; meaningless for an untied pair.
  private(set) var coverA: [Int32]
  private(set) var coverB: [Int32]
  /// Modularity's sums: total tie weight W, weight inside each department L_c, and the sum
  /// of its members' strengths K_c (Σ K_c² kept as well).
  private(set) var total: Double
  private(set) var inside: [Double]
  private(set) var insideTotal: Double
  private(set) var strength: [Double]
  private(set) var strengthSquares: Double

  /// The links of a network's departments. `weighted: false` counts ties (modularity's sums
  /// only; tied and covers never depend on weights).
  ///
  /// - Complexity: O(*n* + *m* + k²).
  init(graph: CollaborationGraph, membership: [Int32], k: Int, weighted: Bool) {
    self.k = k
    self.membership = membership
    tied = Array(repeating: false, count: k * k)
    coverA = Array(repeating: -1, count: k * k)
    coverB = Array(repeating: -1, count: k * k)
    total = 0
    inside = Array(repeating: 0, count: k)
    insideTotal = 0
    strength = Array(repeating: 0, count: k)
    strengthSquares = 0
    for u in 0 ..< graph.nodeCount {
      for i in graph.rowOffsets[u] ..< graph.rowOffsets[u + 1] {
        let v = Int(graph.columns[i].rawValue)
        guard v > u else { continue }
        addTie(Int32(u), Int32(v), weight: weighted ? graph.weights[i] : 1)
      }
    }
    strengthSquares = strength.reduce(0) { $0 + $1 * $1 }
  }

  /// Records one tie (new, or more weight on an existing one: the covers treat both alike).
  private mutating func addTie(_ u: Int32, _ v: Int32, weight: Double) {
    let a = Int(membership[Int(u)]), b = Int(membership[Int(v)])
    total += weight
    strength[a] += weight
    strength[b] += weight
    if a == b {
      inside[a] += weight
      insideTotal += weight
      return
    }
    for (x, y) in [(a, b), (b, a)] {
      let p = x * k + y
      if !tied[p] {
        tied[p] = true
        coverA[p] = u
        coverB[p] = v
      } else {
        (coverA[p], coverB[p]) = Self.intersect(coverA[p], coverB[p], u, v)
      }
    }
  }

  /// The people of {a, b} (−1 for none) that are also in {u, v}.
  @inline(__always)
  static func intersect(_ a: Int32, _ b: Int32, _ u: Int32, _ v: Int32) -> (Int32, Int32) {
    let keepA = a >= 0 && (a == u || a == v), keepB = b >= 0 && (b == u || b == v)
    if keepA && keepB { return (a, b) }
    return (keepA ? a : keepB ? b : -1, -1)
  }

  func isTied(_ a: Int, _ b: Int) -> Bool { tied[a * k + b] }

  /// Whether the ties between a and b can all be taken away by one person leaving (or there
  /// are none).
  func isFragile(_ a: Int, _ b: Int) -> Bool {
    let p = a * k + b
    return !tied[p] || coverA[p] >= 0
  }

  /// The modularity of the departments (γ = 1); NaN without ties.
  var modularity: Double {
    guard total > 0 else { return .nan }
    return insideTotal / total - strengthSquares / (4 * total * total)
  }

  /// The links with a team's ties added as `model` weighs them.
  func adding(_ team: [Int32], model: TieModel, graph: CollaborationGraph) -> DepartmentLinks {
    var links = self
    for i in team.indices {
      for j in team.indices where j > i {
        links.addTie(team[i], team[j], weight: model.increment(team[i], team[j], graph: graph))
      }
    }
    links.strengthSquares = links.strength.reduce(0) { $0 + $1 * $1 }
    return links
  }

  /// What is left to gain under `objective`: the weights of the pairs still untied or
  /// fragile, or the modularity. Smaller is better; a gain is a drop of this value.
  func value(of objective: TeamObjective, weights: PairWeights) -> Double {
    switch objective {
    case .modularity: return modularity
    case .untiedPairs, .fragilePairs:
      var sum = 0.0
      for a in 0 ..< k {
        for b in a + 1 ..< k where weights[a, b] > 0 {
          if objective == .untiedPairs ? !isTied(a, b) : isFragile(a, b) { sum += weights[a, b] }
        }
      }
      return sum
    }
  }
}

/// The weight of each department pair in the pair objectives: the mean of the two
/// departments' closedness, 0 for pairs that do not count.
struct PairWeights: Sendable {
  let k: Int
  private let values: [Double]

  /// - Parameters:
  ///   - closedness: per department, the share of its tie weight kept inside (NaN for a
  ///     department without ties, read as 1).
  ///   - counted: the departments whose pairs count; empty for all.
  init(closedness: [Double], counted: Set<Int>) {
    k = closedness.count
    let c = closedness.map { $0.isNaN ? 1 : $0 }
    var values = [Double](repeating: 0, count: k * k)
    for a in 0 ..< k {
      for b in 0 ..< k where a != b && (counted.isEmpty || counted.contains(a) || counted.contains(b)) {
        values[a * k + b] = (c[a] + c[b]) / 2
      }
    }
    self.values = values
  }

  subscript(a: Int, b: Int) -> Double { values[a * k + b] }
}

/// How a team's project adds to the tie between two members, as the search models it. The
/// model decides which teams the search prefers; the numbers reported are always those of
/// the network projected again with the teams (``TeamMeasures``).
public struct TieModel: Sendable, Hashable {
  /// What each pair of members adds: a constant (the weighting's value for a project of the
  /// team's size), one tie when ties are counted, or Jaccard's share.
  public enum Increment: Sendable, Hashable {
    /// Every pair's tie gains this weight (shared projects 1, Newman 1/(K − 1), hours overlap
    /// the hours each member spends).
    case constant(Double)
    /// Ties counted: a pair gains 1 when it had no tie.
    case newTie
    /// Jaccard: a pair gains 1/(|P(u)| + |P(v)| + 1), the weight of a new tie between two
    /// people on those many projects who shared none (the change to their other ties is left
    /// out of the model).
    case jaccard(projectsPerPerson: [Int])
  }

  public var increment: Increment

  public init(_ increment: Increment) { self.increment = increment }

  @inline(__always)
  func increment(_ u: Int32, _ v: Int32, graph: CollaborationGraph) -> Double {
    switch increment {
    case .constant(let w): return w
    case .newTie: return graph.weight(from: NodeID(rawValue: u), to: NodeID(rawValue: v)) == nil ? 1 : 0
    case .jaccard(let projects): return 1 / Double(projects[Int(u)] + projects[Int(v)] + 1)
    }
  }
}

extension DepartmentLinks {
  /// What adding `team` would gain under `objective`, without building the new links:
  /// the drop of ``value(of:weights:)``. O(K²) for K members.
  func gain(
    of team: [Int32], objective: TeamObjective, weights: PairWeights, model: TieModel, graph: CollaborationGraph
  ) -> Double {
    switch objective {
    case .untiedPairs: return pairGain(team, weights: weights) { a, b in !isTied(a, b) }
    case .fragilePairs: return pairGain(team, weights: weights) { a, b in robustAfter(a, b, ends(of: team, a, b)) }
    case .modularity: return modularityGain(team, model: model, graph: graph)
    }
  }

  /// Σ w(a, b) over the department pairs the team joins (each once) for which `counts(a, b)`
  /// holds.
  private func pairGain(_ team: [Int32], weights: PairWeights, counts: (Int, Int) -> Bool) -> Double {
    var sum = 0.0
    for i in team.indices {
      let a = Int(membership[Int(team[i])])
      for j in team.indices {
        let b = Int(membership[Int(team[j])])
        // Each pair once: at its first (i, j) with a < b.
        guard a < b, weights[a, b] > 0, !team[..<i].contains(where: { membership[Int($0)] == a }),
          !team[..<j].contains(where: { membership[Int($0)] == b })
        else { continue }
        if counts(a, b) { sum += weights[a, b] }
      }
    }
    return sum
  }

  /// Whether a fragile pair is no longer fragile once `ends` are tied.
  func robustAfter(_ a: Int, _ b: Int, _ ends: [(Int32, Int32)]) -> Bool {
    guard isFragile(a, b) else { return false }
    let p = a * k + b
    var (x, y): (Int32, Int32)
    var rest = ends[...]
    if tied[p] {
      (x, y) = (coverA[p], coverB[p])
    } else {
      (x, y) = rest.removeFirst()
    }
    for (u, v) in rest { (x, y) = Self.intersect(x, y, u, v) }
    return x < 0
  }

  /// The drop in modularity when the team's ties are added.
  private func modularityGain(_ team: [Int32], model: TieModel, graph: CollaborationGraph) -> Double {
    guard total > 0 else { return 0 }
    var touched: [Int] = [], addedInside: [Double] = [], addedStrength: [Double] = []
    func slot(_ c: Int) -> Int {
      if let i = touched.firstIndex(of: c) { return i }
      touched.append(c)
      addedInside.append(0)
      addedStrength.append(0)
      return touched.count - 1
    }
    var added = 0.0
    for i in team.indices {
      for j in team.indices where j > i {
        let w = model.increment(team[i], team[j], graph: graph)
        let a = slot(Int(membership[Int(team[i])])), b = slot(Int(membership[Int(team[j])]))
        added += w
        addedStrength[a] += w
        addedStrength[b] += w
        if a == b { addedInside[a] += w }
      }
    }
    let newTotal = total + added
    var squares = strengthSquares, insideSum = insideTotal
    for (i, c) in touched.enumerated() {
      let s = strength[c] + addedStrength[i]
      squares += s * s - strength[c] * strength[c]
      insideSum += addedInside[i]
    }
    let after = insideSum / newTotal - squares / (4 * newTotal * newTotal)
    return modularity - after
  }
}

extension DepartmentLinks {
  /// Per department, the share of its tie weight kept inside: L_c / (L_c + E_c), with
  /// E_c = K_c − 2 L_c the weight of its ties outside; NaN without ties.
  var closedness: [Double] {
    (0 ..< k).map { c in
      let outside = strength[c] - 2 * inside[c]
      return inside[c] + outside > 0 ? inside[c] / (inside[c] + outside) : .nan
    }
  }

  /// The team's new ties between departments a and b.
  func ends(of team: [Int32], _ a: Int, _ b: Int) -> [(Int32, Int32)] {
    var ends: [(Int32, Int32)] = []
    for x in team where membership[Int(x)] == a {
      for y in team where membership[Int(y)] == b { ends.append((x, y)) }
    }
    return ends
  }
}
