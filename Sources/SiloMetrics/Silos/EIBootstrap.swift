import Dispatch
import SiloGraph

/// Percentile bootstrap intervals of the E-I index, for the organization and each group.
///
/// Produced by ``SiloGraph/CollaborationGraph/eiBootstrap(of:affiliations:weighted:replicates:seed:confidence:threads:)``;
/// see there for the method. Undefined values (no interval) are `nil`, written as JSON
/// `null`.
public struct EIBootstrap: Sendable, Hashable, Codable {
  /// What was resampled with replacement.
  public enum Unit: String, Sendable, Hashable, Codable {
    /// The projects behind a network projected from a log: every tie a project makes stays
    /// with the other ties it makes (the dependence between them is kept).
    case projects
    /// The ties of a network read from an edge list, which has no projects: ties are treated
    /// as independent.
    case ties
  }

  /// How each replicate's E-I sums were computed.
  public enum Method: String, Sendable, Hashable, Codable {
    /// Sums of per-project terms (weighted analysis, an additive weighting, no minimum tie
    /// weight): exact, without projecting again.
    case additiveOverProjects = "additive-over-projects"
    /// Every pair of people sharing a project re-weighed from its projects' multiplicities,
    /// then the minimum weight applied (Jaccard, unweighted, or a minimum weight): exact.
    case perPair = "per-pair"
    /// Resampled ties summed (edge lists).
    case ties
  }

  /// The bootstrap interval of one E-I index.
  public struct Interval: Sendable, Hashable, Codable {
    /// The E-I index of the network itself (the point estimate); `nil` when undefined.
    public var eiIndex: Double?
    /// The lower percentile bound, at (1 − confidence)/2; `nil` when undefined.
    public var eiCILow: Double?
    /// The upper percentile bound, at (1 + confidence)/2; `nil` when undefined.
    public var eiCIHigh: Double?
    /// Replicates in which the index was undefined (no tie at all), left out of the
    /// percentiles.
    public var undefinedReplicates: Int

    public init(eiIndex: Double?, eiCILow: Double?, eiCIHigh: Double?, undefinedReplicates: Int) {
      self.eiIndex = eiIndex
      self.eiCILow = eiCILow
      self.eiCIHigh = eiCIHigh
      self.undefinedReplicates = undefinedReplicates
    }

    enum CodingKeys: String, CodingKey { case eiIndex, eiCILow, eiCIHigh, undefinedReplicates }

    /// Writes `null` for undefined values rather than leaving the key out.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(eiIndex, forKey: .eiIndex)
      try container.encode(eiCILow, forKey: .eiCILow)
      try container.encode(eiCIHigh, forKey: .eiCIHigh)
      try container.encode(undefinedReplicates, forKey: .undefinedReplicates)
    }
  }

  /// The organization's E-I index and interval.
  public var organization: Interval
  /// One per group, in group order.
  public var perGroup: [Interval]
  /// What was resampled: projects, or ties for an edge list.
  public var unit: Unit
  /// How replicates were computed.
  public var method: Method
  /// The number of units (projects or ties) in the data; each replicate draws as many.
  public var units: Int
  /// The number of bootstrap replicates.
  public var replicates: Int
  /// The seed: the same seed gives the same intervals, for any number of threads.
  public var seed: UInt64
  /// The coverage of the intervals (0.95: the 2.5 and 97.5 percentiles).
  public var confidence: Double
  /// Whether tie weights were summed (else ties counted).
  public var weighted: Bool
  /// The group-level convention (always ``EIGroupConvention/perTie``).
  public var convention: EIGroupConvention
}

extension CollaborationGraph {
  /// Percentile bootstrap intervals of the E-I index of a partition, for the organization and
  /// each group (``EIGroupConvention/perTie``, as ``externalInternalIndex(of:weighted:convention:)``).
  ///
  /// **Units.** With `affiliations` (a network projected from a log), the *projects* are
  /// resampled: each replicate draws P projects with replacement from the P projects
  /// (multiplicities m_p, Σ m_p = P) and builds the network the resampled log would project
  /// to (a project drawn twice counts as two projects), so the ties a project makes stay
  /// together (Efron & Tibshirani 1993, ch. 13; resampling the units that generate the ties
  /// keeps their dependence). Without (an edge list), the *ties* are resampled: M draws with
  /// replacement from the M ties, each drawn tie adding its weight (or 1) again; ties are
  /// then treated as independent, which they are not when they come from shared projects.
  /// ``EIBootstrap/unit`` says which.
  ///
  /// **Exactness.** Every replicate's sums E and I are exact, equal (to rounding) to those of
  /// projecting the resampled log and computing ``externalInternalIndex(of:weighted:convention:)``:
  /// - Weighted, with the shared-projects, Newman or hours-overlap weighting and no minimum
  ///   tie weight, a tie's weight is a sum of one term per shared project, so E_g and I_g are
  ///   sums over projects: each project's contribution to each group present in it is
  ///   computed once (counts c_g: I_g += t·c_g(c_g − 1)/2, E_g += t·c_g(n_p − c_g) with
  ///   t = 1 or 1/(n_p − 1); for hours, from the members sorted by hours, as Σ min(h_u, h_v)
  ///   over pairs), and a replicate is Σ_p m_p·contribution_p
  ///   (``EIBootstrap/Method/additiveOverProjects``). O(P + G) per replicate, G the
  ///   (project, group) pairs, after O(Σ_p n_p log n_p) once.
  /// - Otherwise (Jaccard; ties counted; a minimum tie weight), whether a pair is tied and its
  ///   weight are not sums over projects. Every pair sharing at least one project is kept with
  ///   its list of projects and per-project term, and each replicate re-weighs every pair:
  ///   c = Σ m_p over its projects, w = c (shared projects), Σ m_p·t_p (Newman, hours), or
  ///   c / (d_u + d_v − c) with d_u = Σ m_p over u's projects (Jaccard); the pair is a tie
  ///   when c > 0 and w ≥ the minimum weight (``EIBootstrap/Method/perPair``). Pairs below the
  ///   minimum in the data are kept, as projects drawn more than once can lift them over it.
  ///   O(P + E + C) per replicate for E memberships and C co-memberships (Σ n_p(n_p − 1)/2),
  ///   after O(Σ_p n_p² + C) time and O(C) memory once.
  /// - Ties (edge lists): O(M + k) per replicate.
  ///
  /// **Intervals.** Percentile intervals (Efron & Tibshirani 1993, §13.3): the
  /// (1 − confidence)/2 and (1 + confidence)/2 quantiles of the replicates' indices, by
  /// ``EIBootstrap/percentile(sorted:_:)`` (linear interpolation, Hyndman & Fan type 7). A replicate in
  /// which a group has no tie has no index for it; it is left out and counted in
  /// ``EIBootstrap/Interval/undefinedReplicates``. The interval is `nil` when the network's
  /// own index is undefined or when fewer than half of the replicates define it.
  ///
  /// **Repeatability.** Replicate r draws from its own `SeededGenerator`, seeded by the first
  /// output of `SeededGenerator(seed: seed ^ (r · 0xD1B54A32D192ED03))`, with Lemire's unbiased
  /// bounded draws; a replicate is computed by one thread from its own draws, so the result is
  /// the same, bit for bit, for any number of threads.
  ///
  /// **Check.** The replicate with every multiplicity 1 must reproduce the network's own E and
  /// I (relative difference at most 1e-9); otherwise the affiliations do not belong to this
  /// network (for example, its nodes were reordered without
  /// `ProjectAffiliations.renumbered(_:)`) and the function throws.
  ///
  /// - Parameters:
  ///   - partition: The groups (departments), one per node.
  ///   - affiliations: The projects behind the network, or `nil` to resample ties.
  ///   - weighted: Sum tie weights instead of counting ties.
  ///   - replicates: Bootstrap replicates, at least 1 (1,000 by default; Efron & Tibshirani
  ///     recommend at least 1,000 for percentile intervals).
  ///   - seed: The seed of the draws.
  ///   - confidence: The intervals' coverage, in (0, 1).
  ///   - threads: Threads to share the replicates among (fewer than 1 counts as 1, at most 64).
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``, or
  ///   ``MetricError/invalidArgument(_:)`` for fewer than one replicate, a confidence outside
  ///   (0, 1), affiliations over another number of nodes, affiliations with a directed graph,
  ///   or affiliations that do not reproduce the network's E-I sums.
  /// - Complexity: the precomputation above, then `replicates` times the per-replicate cost,
  ///   divided among the threads; O(replicates · (k + 1)) memory for the indices.
  ///
  /// > B. Efron, R. J. Tibshirani. *An Introduction to the Bootstrap.* Chapman & Hall (1993),
  /// > ch. 13, "Confidence intervals based on bootstrap percentiles".
  public func eiBootstrap(
    of partition: Partition, affiliations: ProjectAffiliations?, weighted: Bool = true, replicates: Int = 1000,
    seed: UInt64 = 1, confidence: Double = 0.95, threads: Int = 1
  ) throws(MetricError) -> EIBootstrap {
    guard confidence > 0 && confidence < 1 else { throw .invalidArgument("the confidence must lie between 0 and 1") }
    let drawn = try eiReplicates(of: partition, affiliations: affiliations, weighted: weighted, replicates: replicates, seed: seed, threads: threads)
    return EIBootstrap(drawn, seed: seed, confidence: confidence, weighted: weighted)
  }
}

extension EIBootstrap {
  /// The percentile intervals of replicates drawn by
  /// ``SiloGraph/CollaborationGraph/eiReplicates(of:affiliations:weighted:replicates:seed:threads:)``
  /// with `seed` and `weighted`, as ``SiloGraph/CollaborationGraph/eiBootstrap(of:affiliations:weighted:replicates:seed:confidence:threads:)``
  /// makes them.
  ///
  /// - Precondition: `confidence` lies in (0, 1).
  public init(_ drawn: EIReplicates, seed: UInt64, confidence: Double = 0.95, weighted: Bool) {
    precondition(confidence > 0 && confidence < 1, "the confidence must lie between 0 and 1")
    let replicates = drawn.replicates
    let width = drawn.groupCount + 1
    let all = drawn.values
    let alpha = 1 - confidence
    func interval(_ column: Int, observed: Double) -> EIBootstrap.Interval {
      var sample: [Double] = []
      sample.reserveCapacity(replicates)
      for r in 0 ..< replicates where !all[r * width + column].isNaN { sample.append(all[r * width + column]) }
      let undefined = replicates - sample.count
      guard !observed.isNaN, 2 * sample.count >= replicates else {
        return .init(eiIndex: observed.isNaN ? nil : observed, eiCILow: nil, eiCIHigh: nil, undefinedReplicates: undefined)
      }
      sample.sort()
      return .init(
        eiIndex: observed, eiCILow: EIBootstrap.percentile(sorted: sample, alpha / 2),
        eiCIHigh: EIBootstrap.percentile(sorted: sample, 1 - alpha / 2), undefinedReplicates: undefined)
    }
    self.init(
      organization: interval(0, observed: drawn.observed.overall),
      perGroup: (0 ..< drawn.groupCount).map { interval(1 + $0, observed: drawn.observed.perGroup[$0].index) },
      unit: drawn.unit, method: drawn.method, units: drawn.units, replicates: replicates, seed: seed,
      confidence: confidence, weighted: weighted, convention: .perTie)
  }
}

/// The E-I indices of every bootstrap replicate, for the organization and each group: what
/// ``EIBootstrap``'s intervals are percentiles of, and what a test of a change between two
/// periods subtracts.
public struct EIReplicates: Sendable, Hashable {
  /// The network's own E-I sums and indices.
  public var observed: ExternalInternalIndex
  /// Replicate r's organization E-I at `values[r * (groupCount + 1)]`, group g's at
  /// `values[r * (groupCount + 1) + 1 + g]`; `.nan` where a replicate has no tie.
  public var values: [Double]
  public var replicates: Int
  public var groupCount: Int
  public var unit: EIBootstrap.Unit
  public var method: EIBootstrap.Method
  /// Projects (or ties) drawn from.
  public var units: Int

  /// Replicate `r`'s organization E-I (`group == nil`) or group `group`'s.
  public func value(replicate r: Int, group: Int?) -> Double {
    values[r * (groupCount + 1) + (group.map { $0 + 1 } ?? 0)]
  }
}

extension CollaborationGraph {
  /// The E-I index of each bootstrap replicate, drawn as
  /// ``eiBootstrap(of:affiliations:weighted:replicates:seed:confidence:threads:)`` describes
  /// (the same draws for the same seed, bit for bit for any number of threads).
  ///
  /// - Throws: As ``eiBootstrap(of:affiliations:weighted:replicates:seed:confidence:threads:)``.
  /// - Complexity: As there, without the sorting; O(replicates · (k + 1)) memory.
  public func eiReplicates(
    of partition: Partition, affiliations: ProjectAffiliations?, weighted: Bool = true, replicates: Int = 1000,
    seed: UInt64 = 1, threads: Int = 1
  ) throws(MetricError) -> EIReplicates {
    guard replicates >= 1 else { throw .invalidArgument("the bootstrap needs at least one replicate") }
    let resampler = try EIResampler(graph: self, partition: partition, affiliations: affiliations, weighted: weighted)
    let observed = try externalInternalIndex(of: partition, weighted: weighted)
    try resampler.checkReproduces(observed)
    let k = partition.groupCount
    let width = k + 1
    // Replicate r's indices: organization at r·width, group g at r·width + 1 + g.
    let values = ThreadSlots<Double>(count: replicates * width, initial: .nan)
    let threadCount = max(1, min(threads, 64, replicates))
    let work: @Sendable (Int) -> Void = { t in
      let start = t * replicates / threadCount, end = (t + 1) * replicates / threadCount
      for r in start ..< end {
        let sums = resampler.sums(resampler.multiplicities(seed: seed, replicate: r))
        values.set(r * width, sums.overall)
        for g in 0 ..< k { values.set(r * width + 1 + g, sums.index(ofGroup: g)) }
      }
    }
    if threadCount == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: threadCount, execute: work)
    }
    return EIReplicates(
      observed: observed, values: values.take(), replicates: replicates, groupCount: k, unit: resampler.unit,
      method: resampler.method, units: resampler.unitCount)
  }
}

extension EIBootstrap {
  /// The `q` quantile of ascending values by linear interpolation between order statistics
  /// (Hyndman & Fan 1996, definition 7; R's `quantile(type = 7)`, NumPy's default
  /// `percentile(method="linear")`): with h = (N − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]),
  /// indices from 0. `.nan` for no values. The bootstrap's bounds are this at
  /// (1 − confidence)/2 and (1 + confidence)/2 (0.025 and 0.975).
  ///
  /// - Precondition: `sorted` is ascending without NaN; `q` lies in [0, 1].
  /// - Complexity: O(1).
  ///
  /// > R. J. Hyndman, Y. Fan. "Sample quantiles in statistical packages." *The American
  /// > Statistician* 50(4), 361–365 (1996). doi:10.1080/00031305.1996.10473566
  public static func percentile(sorted: [Double], _ q: Double) -> Double {
    precondition(q >= 0 && q <= 1, "the quantile must lie in [0, 1]")
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * q
    let low = Int(h.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    let fraction = h - Double(low)
    return fraction == 0 ? sorted[low] : sorted[low] + fraction * (sorted[high] - sorted[low])
  }
}

/// One replicate's E-I sums: per group (per tie) and for the organization.
package struct EISums: Sendable, Hashable {
  package var groupInternal: [Double]
  package var groupExternal: [Double]
  /// I and E of the organization.
  package var `internal`: Double
  package var external: Double

  /// The organization's E-I; `.nan` without ties.
  package var overall: Double { CollaborationGraph.ei(external, self.internal) }

  /// Group g's E-I; `.nan` when it has no tie.
  package func index(ofGroup g: Int) -> Double { CollaborationGraph.ei(groupExternal[g], groupInternal[g]) }
}

/// The data of a bootstrap prepared once: what each replicate's sums are computed from.
package struct EIResampler: Sendable {
  package let unit: EIBootstrap.Unit
  package let method: EIBootstrap.Method
  /// Projects (or ties) to draw from.
  package let unitCount: Int
  let groupCount: Int
  fileprivate let plan: Plan

  fileprivate enum Plan: Sendable {
    case additive(Additive)
    case perPair(PerPair)
    case ties(Ties)
  }

  /// Per project p, its terms for the groups present in it: entries `start[p] ..< start[p + 1]`.
  fileprivate struct Additive: Sendable {
    var start: [Int]
    var group: [Int32]
    var `internal`: [Double]
    var external: [Double]
  }

  /// Every pair sharing a project, with its projects and per-project terms.
  fileprivate struct PerPair: Sendable {
    var weighting: AffiliationWeighting
    var minimumWeight: Double?
    var weighted: Bool
    var nodeCount: Int
    var projectStart: [Int]
    var members: [Int32]
    /// Pair i is between pairU[i] and pairV[i], of groups groupU[i] and groupV[i]; its
    /// projects are pairProject[pairStart[i] ..< pairStart[i + 1]], ascending, with the term
    /// each adds to the pair's weight in pairTerm.
    var pairU: [Int32]
    var pairV: [Int32]
    var groupU: [Int32]
    var groupV: [Int32]
    var pairStart: [Int]
    var pairProject: [Int32]
    var pairTerm: [Double]
  }

  /// Every tie once, with its ends' groups and its weight (or 1).
  fileprivate struct Ties: Sendable {
    var a: [Int32]
    var b: [Int32]
    var weight: [Double]
  }

  package init(
    graph: CollaborationGraph, partition: Partition, affiliations: ProjectAffiliations?, weighted: Bool
  ) throws(MetricError) {
    try partition.check(covers: graph)
    groupCount = partition.groupCount
    guard let affiliations else {
      var a: [Int32] = [], b: [Int32] = [], weight: [Double] = []
      a.reserveCapacity(graph.edgeCount)
      b.reserveCapacity(graph.edgeCount)
      weight.reserveCapacity(graph.edgeCount)
      let group = partition.membership
      graph.forEachTie(weighted: weighted) { u, v, w in
        a.append(group[u])
        b.append(group[v])
        weight.append(w)
      }
      unit = .ties
      method = .ties
      unitCount = a.count
      plan = .ties(Ties(a: a, b: b, weight: weight))
      return
    }
    guard affiliations.nodeCount == graph.nodeCount else {
      throw .invalidArgument("the affiliations cover \(affiliations.nodeCount) nodes but the graph has \(graph.nodeCount)")
    }
    guard !graph.isDirected else { throw .invalidArgument("a bootstrap over projects needs an undirected (projected) network") }
    unit = .projects
    unitCount = affiliations.projectCount
    if weighted && affiliations.weighting.isAdditiveOverProjects && affiliations.minimumWeight == nil {
      method = .additiveOverProjects
      plan = .additive(Self.additive(affiliations, membership: partition.membership, groupCount: groupCount))
    } else {
      method = .perPair
      plan = .perPair(Self.perPair(affiliations, weighted: weighted, membership: partition.membership))
    }
  }

  /// Replicate `replicate`'s multiplicities: `unitCount` draws with replacement, counted per
  /// unit. Lemire's multiply-and-reject gives exactly uniform draws.
  package func multiplicities(seed: UInt64, replicate: Int) -> [Int32] {
    var seeder = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: replicate) &* 0xD1B5_4A32_D192_ED03))
    var rng = SeededGenerator(seed: seeder.next())
    let n = UInt64(unitCount)
    var counts = [Int32](repeating: 0, count: unitCount)
    guard n > 0 else { return counts }
    let threshold = (0 &- n) % n
    counts.withUnsafeMutableBufferPointer { counts in
      for _ in 0 ..< unitCount {
        var product = rng.next().multipliedFullWidth(by: n)
        while product.low < threshold { product = rng.next().multipliedFullWidth(by: n) }
        counts[Int(product.high)] += 1
      }
    }
    return counts
  }

  /// The E-I sums of the data with unit u counted `multiplicity[u]` times.
  package func sums(_ multiplicity: [Int32]) -> EISums {
    precondition(multiplicity.count == unitCount, "one multiplicity per unit")
    var inside = [Double](repeating: 0, count: groupCount)
    var outside = [Double](repeating: 0, count: groupCount)
    var total = (internal: 0.0, external: 0.0)
    switch plan {
    case .additive(let plan):
      plan.start.withUnsafeBufferPointer { start in
        plan.group.withUnsafeBufferPointer { group in
          plan.internal.withUnsafeBufferPointer { internalTerm in
            plan.external.withUnsafeBufferPointer { externalTerm in
              for p in 0 ..< unitCount where multiplicity[p] != 0 {
                let m = Double(multiplicity[p])
                for e in start[p] ..< start[p + 1] {
                  let g = Int(group[e])
                  inside[g] += m * internalTerm[e]
                  outside[g] += m * externalTerm[e]
                }
              }
            }
          }
        }
      }
      for g in 0 ..< groupCount {
        total.internal += inside[g]
        total.external += outside[g]
      }
      total.external /= 2
    case .perPair(let plan):
      total = plan.sums(multiplicity, inside: &inside, outside: &outside)
    case .ties(let plan):
      for t in 0 ..< unitCount where multiplicity[t] != 0 {
        let w = Double(multiplicity[t]) * plan.weight[t]
        let a = Int(plan.a[t]), b = Int(plan.b[t])
        if a == b {
          inside[a] += w
          total.internal += w
        } else {
          outside[a] += w
          outside[b] += w
          total.external += w
        }
      }
    }
    return EISums(groupInternal: inside, groupExternal: outside, internal: total.internal, external: total.external)
  }
}

extension EIResampler {
  /// Each project's contribution to the per-tie sums I_g and E_g of the groups present in it.
  ///
  /// Shared projects and Newman: with c_g members of group g among the n_p members and t the
  /// per-pair term (1, or 1/(n_p − 1)), I_g = t·c_g(c_g − 1)/2 and E_g = t·c_g(n_p − c_g).
  /// Hours overlap: members in ascending order of hours (then of index); the pair of the
  /// i-th and a later member weighs h_i, so I_g = Σ_{i ∈ g} (hours of the earlier members of
  /// g) and E_g = Σ_{i ∈ g} [(hours of the earlier members outside g) + h_i·(later members
  /// outside g)]; the earlier members outside g are the prefix of all minus that of g, which
  /// is exactly 0 in a project of one group.
  fileprivate static func additive(_ affiliations: ProjectAffiliations, membership: [Int32], groupCount k: Int) -> Additive {
    var plan = Additive(start: [0], group: [], internal: [], external: [])
    plan.start.reserveCapacity(affiliations.projectCount + 1)
    var scratch = ProjectGroups(groupCount: k)
    for p in 0 ..< affiliations.projectCount {
      let members = affiliations.projectStart[p] ..< affiliations.projectStart[p + 1]
      let first = plan.group.count
      if members.count >= 2 {
        // The groups present, in order of first member.
        for j in members {
          let g = Int(membership[Int(affiliations.members[j])])
          if scratch.count[g] == 0 {
            scratch.slot[g] = plan.group.count
            plan.group.append(Int32(g))
            plan.internal.append(0)
            plan.external.append(0)
          }
          scratch.count[g] += 1
        }
        plan.addTerms(of: members, from: first, affiliations, membership: membership, scratch: &scratch)
        for e in first ..< plan.group.count { scratch.count[Int(plan.group[e])] = 0 }
      }
      plan.start.append(plan.group.count)
    }
    return plan
  }

  /// Every pair of nodes sharing at least one project, with its projects (ascending) and the
  /// term each adds: 1 (shared projects, Jaccard), 1/(n_p − 1) (Newman), min(h_up, h_vp)
  /// (hours overlap). Built row by row like the projection (for each u, the members v > u of
  /// u's projects), in two passes over each row.
  fileprivate static func perPair(_ affiliations: ProjectAffiliations, weighted: Bool, membership: [Int32]) -> PerPair {
    let n = affiliations.nodeCount
    let byNode = NodeProjects(affiliations)
    var plan = PerPair(
      weighting: affiliations.weighting, minimumWeight: affiliations.minimumWeight, weighted: weighted, nodeCount: n,
      projectStart: affiliations.projectStart, members: affiliations.members, pairU: [], pairV: [], groupU: [], groupV: [],
      pairStart: [0], pairProject: [], pairTerm: [])
    var shared = [Int32](repeating: 0, count: n)
    var fill = [Int](repeating: 0, count: n)
    var touched: [Int32] = []
    for u in 0 ..< n {
      byNode.partners(of: u, in: affiliations, shared: &shared, into: &touched)
      if touched.isEmpty { continue }
      plan.appendPairs(of: u, partners: touched, shared: &shared, fill: &fill, membership: membership)
      plan.fillProjects(of: u, byNode, affiliations, fill: &fill)
    }
    return plan
  }

  /// Throws unless the replicate with every multiplicity 1 gives the network's own sums.
  func checkReproduces(_ observed: ExternalInternalIndex) throws(MetricError) {
    let sums = sums([Int32](repeating: 1, count: unitCount))
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
    var ok = close(sums.internal, observed.internal) && close(sums.external, observed.external)
    for g in 0 ..< groupCount where ok {
      ok = close(sums.groupInternal[g], observed.perGroup[g].internal) && close(sums.groupExternal[g], observed.perGroup[g].external)
    }
    guard ok else {
      throw .invalidArgument(
        "the project affiliations do not reproduce the network's E-I sums: they belong to another network, or its nodes were reordered without renumbering them")
    }
  }
}

extension EIResampler.PerPair {
  /// Re-weighs every pair for the multiplicities and adds the ties to the sums.
  fileprivate func sums(_ m: [Int32], inside: inout [Double], outside: inout [Double]) -> (internal: Double, external: Double) {
    // The number of projects of each node, for the Jaccard denominator.
    var degree: [Int] = []
    if weighting == .jaccard {
      degree = [Int](repeating: 0, count: nodeCount)
      for p in 0 ..< m.count where m[p] != 0 {
        for j in projectStart[p] ..< projectStart[p + 1] { degree[Int(members[j])] += Int(m[p]) }
      }
    }
    var total = (internal: 0.0, external: 0.0)
    m.withUnsafeBufferPointer { m in
      pairStart.withUnsafeBufferPointer { pairStart in
        pairProject.withUnsafeBufferPointer { pairProject in
          pairTerm.withUnsafeBufferPointer { pairTerm in
            for i in 0 ..< pairU.count {
              var c = 0
              var sum = 0.0
              for e in pairStart[i] ..< pairStart[i + 1] {
                let mp = Int(m[Int(pairProject[e])])
                if mp != 0 {
                  c += mp
                  sum += Double(mp) * pairTerm[e]
                }
              }
              if c == 0 { continue }
              let w: Double
              switch weighting {
              case .sharedProjects: w = Double(c)
              case .newman, .hoursOverlap: w = sum
              case .jaccard:
                w = Double(c) / (Double(degree[Int(pairU[i])] + degree[Int(pairV[i])]) - Double(c))
              }
              if let minimumWeight, w < minimumWeight { continue }
              let value = weighted ? w : 1
              let a = Int(groupU[i]), b = Int(groupV[i])
              if a == b {
                inside[a] += value
                total.internal += value
              } else {
                outside[a] += value
                outside[b] += value
                total.external += value
              }
            }
          }
        }
      }
    }
    return total
  }
}

/// The projects of each node, in ascending project order, with the node's hours in each:
/// the affiliations read by node instead of by project.
private struct NodeProjects {
  /// Node v's projects are at `start[v] ..< start[v + 1]`.
  let start: [Int]
  let project: [Int32]
  let hours: [Double]

  init(_ affiliations: ProjectAffiliations) {
    let n = affiliations.nodeCount, members = affiliations.members, projectStart = affiliations.projectStart
    var start = [Int](repeating: 0, count: n + 1)
    for v in members { start[Int(v) + 1] += 1 }
    for v in 0 ..< n { start[v + 1] += start[v] }
    var cursor = start
    var project = [Int32](repeating: 0, count: members.count)
    var hours = [Double](repeating: 0, count: members.count)
    for p in 0 ..< affiliations.projectCount {
      for j in projectStart[p] ..< projectStart[p + 1] {
        let v = Int(members[j])
        project[cursor[v]] = Int32(p)
        hours[cursor[v]] = affiliations.hours[j]
        cursor[v] += 1
      }
    }
    self.start = start
    self.project = project
    self.hours = hours
  }

  /// The members v > u of u's projects, ascending, into `partners`, with the projects each
  /// shares with u counted in `shared[v]`.
  func partners(of u: Int, in affiliations: ProjectAffiliations, shared: inout [Int32], into partners: inout [Int32]) {
    let projectStart = affiliations.projectStart, members = affiliations.members
    partners.removeAll(keepingCapacity: true)
    for k in start[u] ..< start[u + 1] {
      let p = Int(project[k])
      for j in projectStart[p] ..< projectStart[p + 1] where Int(members[j]) > u {
        let v = Int(members[j])
        if shared[v] == 0 { partners.append(Int32(v)) }
        shared[v] += 1
      }
    }
    partners.sort()
  }
}

extension EIResampler.PerPair {
  /// Appends u's pairs with its partners (ascending) and room for their projects; `fill[v]`
  /// becomes where the projects of pair (u, v) start, and `shared` is cleared.
  fileprivate mutating func appendPairs(
    of u: Int, partners: [Int32], shared: inout [Int32], fill: inout [Int], membership: [Int32]
  ) {
    let base = pairProject.count
    var offset = base
    for v32 in partners {
      let v = Int(v32)
      fill[v] = offset
      offset += Int(shared[v])
      shared[v] = 0
      pairU.append(Int32(u))
      pairV.append(v32)
      groupU.append(membership[u])
      groupV.append(membership[v])
      pairStart.append(offset)
    }
    pairProject.append(contentsOf: repeatElement(0, count: offset - base))
    pairTerm.append(contentsOf: repeatElement(0, count: offset - base))
  }

  /// Writes the projects of u's pairs, in u's project order (ascending), and the term each
  /// adds to the pair's weight.
  fileprivate mutating func fillProjects(of u: Int, _ byNode: NodeProjects, _ affiliations: ProjectAffiliations, fill: inout [Int]) {
    let projectStart = affiliations.projectStart, members = affiliations.members, hours = affiliations.hours
    for k in byNode.start[u] ..< byNode.start[u + 1] {
      let p = Int(byNode.project[k])
      let hu = byNode.hours[k]
      let size = projectStart[p + 1] - projectStart[p]
      for j in projectStart[p] ..< projectStart[p + 1] where Int(members[j]) > u {
        let v = Int(members[j])
        pairProject[fill[v]] = Int32(p)
        switch affiliations.weighting {
        case .sharedProjects, .jaccard: pairTerm[fill[v]] = 1
        case .newman: pairTerm[fill[v]] = 1 / Double(size - 1)
        case .hoursOverlap: pairTerm[fill[v]] = min(hu, hours[j])
        }
        fill[v] += 1
      }
    }
  }
}

/// Per group, while one project is planned: its members in the project, its entry in the
/// plan, and (hours overlap) the hours and number of its members already passed.
private struct ProjectGroups {
  var count: [Int]
  var slot: [Int]
  var groupPrefix: [Double]
  var seenInGroup: [Int]
  /// The project's member slots in ascending order of hours.
  var order: [Int] = []

  init(groupCount k: Int) {
    count = [Int](repeating: 0, count: k)
    slot = [Int](repeating: -1, count: k)
    groupPrefix = [Double](repeating: 0, count: k)
    seenInGroup = [Int](repeating: 0, count: k)
  }
}

extension EIResampler.Additive {
  /// The internal and external terms of one project's groups (entries `first...`), by the
  /// formulas of ``EIResampler/additive(_:membership:groupCount:)``.
  fileprivate mutating func addTerms(
    of members: Range<Int>, from first: Int, _ affiliations: ProjectAffiliations, membership: [Int32], scratch: inout ProjectGroups
  ) {
    let n = members.count
    switch affiliations.weighting {
    case .sharedProjects, .newman, .jaccard:
      let term = affiliations.weighting == .newman ? 1 / Double(n - 1) : 1
      for e in first ..< group.count {
        let c = scratch.count[Int(group[e])]
        self.internal[e] = term * Double(c * (c - 1) / 2)
        external[e] = term * Double(c * (n - c))
      }
    case .hoursOverlap:
      let hours = affiliations.hours
      scratch.order.removeAll(keepingCapacity: true)
      scratch.order.append(contentsOf: members)
      scratch.order.sort { (hours[$0], $0) < (hours[$1], $1) }
      var prefix = 0.0
      for (i, j) in scratch.order.enumerated() {
        let g = Int(membership[Int(affiliations.members[j])])
        let e = scratch.slot[g]
        let h = hours[j]
        self.internal[e] += scratch.groupPrefix[g]
        let laterOutside = (n - 1 - i) - (scratch.count[g] - 1 - scratch.seenInGroup[g])
        external[e] += (prefix - scratch.groupPrefix[g]) + h * Double(laterOutside)
        prefix += h
        scratch.groupPrefix[g] += h
        scratch.seenInGroup[g] += 1
      }
      for e in first ..< group.count {
        scratch.groupPrefix[Int(group[e])] = 0
        scratch.seenInGroup[Int(group[e])] = 0
      }
    }
  }
}
