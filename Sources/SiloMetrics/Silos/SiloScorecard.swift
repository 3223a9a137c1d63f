import SiloGraph

/// The silo scorecard: for the organization and for each department, how much it keeps to
/// itself, whether that is more than chance, and whom it works with.
public struct SiloScorecard: Sendable, Hashable, Codable {
  public var organization: Organization
  public var departments: [Department]
  /// Whether tie weights were used (modularity, E-I, shares, assortativity); Freeman's index
  /// always counts ties.
  public var weighted: Bool
  /// Relabellings in the E-I permutation test and their seed.
  public var permutations: Int
  public var seed: UInt64

  public struct Organization: Sendable, Hashable, Codable {
    public var people: Int
    public var departments: Int
    public var ties: Int
    public var directed: Bool
    /// Modularity of the departments (γ = 1).
    public var modularity: Double
    /// E-I index of the departments.
    public var eiIndex: Double
    /// E-I expected under random relabelling (the mean of the permutations).
    public var eiExpected: Double
    /// P(E-I this low or lower) under random relabelling.
    public var eiPValue: Double
    /// Nominal assortativity r of the departments.
    public var assortativity: Double
    /// Freeman's segregation index (ties counted).
    public var freemanSegregation: Double
    /// Share of all ties (or weight) inside departments.
    public var shareInside: Double
    /// People with at least one tie to another department, and people without any tie.
    public var peopleWithOutsideTie: Int
    public var peopleWithoutTies: Int
    /// The organization's band on its E-I over all ties (``SiloVerdict``, with the
    /// random-assignment expectation of the whole partition as the reference); `nil` without ties.
    public var verdict: SiloVerdict?
    /// The median of the departments' E-I: the organization's own middle, against which
    /// ``Department/closedRank`` ranks; NaN when no department has ties.
    public var medianEI: Double
  }

  public struct Department: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    public var size: Int
    /// Ties inside the department (each once) and with one end outside.
    public var internalTies: Int
    public var externalTies: Int
    /// The same as summed weights.
    public var internalWeight: Double
    public var externalWeight: Double
    /// Ties present inside over ties possible; `.nan` for a department of one.
    public var internalDensity: Double
    /// Share of the department's ties (or weight) kept inside: I / (I + E).
    public var shareInside: Double
    /// E-I index (per tie).
    public var eiIndex: Double
    public var eiExpected: Double
    /// P(E-I this low or lower) under random relabelling: small means a silo beyond chance.
    public var eiPValue: Double
    /// Coleman's homophily index.
    public var colemanHomophily: Double
    /// The department's term in the modularity.
    public var modularityContribution: Double
    /// Members with at least one tie to another department.
    public var peopleWithOutsideTie: Int
    /// Members without any tie.
    public var peopleWithoutTies: Int
    /// The departments it shares most ties with (at most three, most first).
    public var partners: [Partner]
    /// ``SiloVerdict`` of the E-I against its random-assignment expectation; `nil` where the
    /// E-I is undefined (no ties) or the department has one person.
    public var verdict: SiloVerdict?
    /// 1 for the most closed department of this organization (lowest E-I), equal E-I broken
    /// by the partition's order; `nil` where the verdict is.
    public var closedRank: Int?
  }

  public struct Partner: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    public var ties: Int
    public var weight: Double
  }
}

extension Network {
  /// Computes the silo scorecard of the formal groups (departments).
  ///
  /// Every number follows the measure it names: ``CollaborationGraph/modularity(of:resolution:weighted:)``,
  /// ``CollaborationGraph/externalInternalIndex(of:weighted:convention:)`` (per tie),
  /// ``CollaborationGraph/eiPermutationTest(of:weighted:permutations:seed:threads:)``,
  /// ``CollaborationGraph/nominalAssortativity(of:weighted:)``,
  /// ``CollaborationGraph/freemanSegregation(of:)``,
  /// ``CollaborationGraph/colemanHomophily(of:weighted:)``. Direction is ignored for the
  /// counts of people with outside ties.
  ///
  /// The permutation test shares its relabellings among `threads` threads; the scorecard is
  /// the same for any number.
  ///
  /// - Throws: ``MetricError/invalidArgument(_:)`` when the network has no groups.
  /// - Complexity: O(R (*n* + *m*)) for R permutations.
  public func siloScorecard(
    weighted: Bool = true, permutations: Int = 1000, seed: UInt64 = 1, threads: Int = 1
  ) throws(MetricError) -> SiloScorecard {
    guard let groups else { throw .invalidArgument("the network has no departments (groups)") }
    let test = try graph.eiPermutationTest(of: groups, weighted: weighted, permutations: permutations, seed: seed, threads: threads)
    return try siloScorecard(weighted: weighted, test: test)
  }

  /// The silo scorecard with a permutation test already made (for example by
  /// ``CollaborationGraph/eiPermutationTest(of:changedFrom:at:relabellings:)`` for a what-if
  /// network): everything else as ``siloScorecard(weighted:permutations:seed:threads:)``.
  ///
  /// - Precondition: `test` is of this network's departments, weighted as `weighted`.
  /// - Throws: ``MetricError/invalidArgument(_:)`` when the network has no groups.
  /// - Complexity: O(*n* + *m* + k²).
  public func siloScorecard(weighted: Bool, test: EIPermutationTest) throws(MetricError) -> SiloScorecard {
    guard let groups else { throw .invalidArgument("the network has no departments (groups)") }
    precondition(test.weighted == weighted && test.perGroup.count == groups.groupCount, "a test of other groups or weights")
    let permutations = test.permutations, seed = test.seed
    let k = groups.groupCount
    let modularity = try graph.modularity(of: groups, weighted: weighted)
    let ei = try graph.externalInternalIndex(of: groups, weighted: weighted)
    let counts = weighted ? try graph.externalInternalIndex(of: groups, weighted: false) : ei
    let sums = weighted ? ei : try graph.externalInternalIndex(of: groups, weighted: true)
    let assortativity = try graph.nominalAssortativity(of: groups, weighted: weighted)
    let freeman = try graph.freemanSegregation(of: groups)
    let coleman = try graph.colemanHomophily(of: groups, weighted: weighted)
    let mixing = try graph.mixingMatrix(of: groups)
    let reach = PeopleReach(graph, groups: groups)
    let sizes = groups.sizes
    var departments = (0 ..< k).map { g -> SiloScorecard.Department in
      let partners = topPartners(of: g, mixing: mixing, groups: groups, weighted: weighted)
      let inside = ei.perGroup[g].internal, across = ei.perGroup[g].external
      return SiloScorecard.Department(
        index: g, name: groups.name(of: g), size: sizes[g],
        internalTies: Int(counts.perGroup[g].internal), externalTies: Int(counts.perGroup[g].external),
        internalWeight: sums.perGroup[g].internal, externalWeight: sums.perGroup[g].external,
        internalDensity: mixing.density(g, g),
        shareInside: inside + across > 0 ? inside / (inside + across) : .nan,
        eiIndex: ei.perGroup[g].index, eiExpected: test.perGroup[g].mean, eiPValue: test.perGroup[g].pLower,
        colemanHomophily: coleman[g].index, modularityContribution: modularity.perGroup[g],
        peopleWithOutsideTie: reach.outsideByGroup[g], peopleWithoutTies: reach.isolatedByGroup[g],
        partners: partners, verdict: nil, closedRank: nil)
    }
    SiloScorecard.judge(&departments)
    let total = ei.internal + ei.external
    let organization = SiloScorecard.Organization(
      people: graph.nodeCount, departments: k, ties: graph.edgeCount, directed: graph.isDirected,
      modularity: modularity.value, eiIndex: ei.overall, eiExpected: test.overall.mean, eiPValue: test.overall.pLower,
      assortativity: assortativity.r, freemanSegregation: freeman,
      shareInside: total > 0 ? ei.internal / total : .nan,
      peopleWithOutsideTie: reach.outsideByGroup.reduce(0, +), peopleWithoutTies: reach.isolatedByGroup.reduce(0, +),
      verdict: SiloVerdict(ei: ei.overall, expected: test.overall.mean),
      medianEI: EIBootstrap.percentile(sorted: departments.compactMap { $0.verdict == nil ? nil : $0.eiIndex }.sorted(), 0.5))
    return SiloScorecard(
      organization: organization, departments: departments, weighted: weighted, permutations: permutations, seed: seed)
  }
}

extension Network {
  /// The three departments department `g` has most ties with (by weight when `weighted`),
  /// ties both ways added for a directed network; equal ones in order of department.
  private func topPartners(of g: Int, mixing: MixingMatrix, groups: Partition, weighted: Bool) -> [SiloScorecard.Partner] {
    var partners: [SiloScorecard.Partner] = []
    for h in 0 ..< groups.groupCount where h != g {
      let ties = graph.isDirected ? mixing.ties(g, h) + mixing.ties(h, g) : mixing.ties(g, h)
      if ties > 0 {
        let weight = graph.isDirected ? mixing.weight(g, h) + mixing.weight(h, g) : mixing.weight(g, h)
        partners.append(.init(index: h, name: groups.name(of: h), ties: Int(ties), weight: weight))
      }
    }
    partners.sort { (weighted ? $0.weight : Double($0.ties), -$0.index) > (weighted ? $1.weight : Double($1.ties), -$1.index) }
    return Array(partners.prefix(3))
  }
}

/// Per department, its people with a tie outside it and its people without any tie
/// (direction ignored).
private struct PeopleReach {
  var outsideByGroup: [Int]
  var isolatedByGroup: [Int]

  init(_ graph: CollaborationGraph, groups: Partition) {
    var outside = [Bool](repeating: false, count: graph.nodeCount)
    var hasTie = [Bool](repeating: false, count: graph.nodeCount)
    graph.forEachTie(weighted: false) { u, v, _ in
      hasTie[u] = true
      hasTie[v] = true
      if groups.membership[u] != groups.membership[v] {
        outside[u] = true
        outside[v] = true
      }
    }
    outsideByGroup = [Int](repeating: 0, count: groups.groupCount)
    isolatedByGroup = [Int](repeating: 0, count: groups.groupCount)
    for v in 0 ..< graph.nodeCount {
      let g = Int(groups.membership[v])
      if outside[v] { outsideByGroup[g] += 1 }
      if !hasTie[v] { isolatedByGroup[g] += 1 }
    }
  }
}

extension SiloScorecard {
  /// Sets each department's verdict and its rank (most closed first); a department of one
  /// person gets neither.
  static func judge(_ departments: inout [SiloScorecard.Department]) {
    for i in departments.indices where departments[i].size >= 2 {
      departments[i].verdict = SiloVerdict(ei: departments[i].eiIndex, expected: departments[i].eiExpected)
    }
    let ranked = departments.indices.filter { departments[$0].verdict != nil }
      .sorted { (departments[$0].eiIndex, $0) < (departments[$1].eiIndex, $1) }
    for (rank, i) in ranked.enumerated() { departments[i].closedRank = rank + 1 }
  }
}
