import SiloGraph
import SiloMetrics

/// A number for JSON: `nil` (encoded `null`) where undefined, never a fake 0.
@inline(__always)
func defined(_ value: Double) -> Double? { value.isFinite ? value : nil }

/// The JSON of `siloscope silos`: the organization under `graph`, departments under
/// `groups`, people under `nodes`, and the department mixing under `mixing`. Keys are
/// snake_case; undefined numbers are `null`. Versioned by ``schemaVersion``.
public struct SilosDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "silos"
  public var graph: GraphPart
  public var groups: [GroupPart]
  public var nodes: [NodePart]
  public var mixing: [MixingPart]
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", command, graph, groups, nodes, mixing, warnings
  }

  public struct GraphPart: Sendable, Hashable, Codable {
    public var nodes: Int
    public var edges: Int
    public var directed: Bool
    public var weighted: Bool
    public var departments: Int
    @Null public var modularity: Double?
    @Null public var eiIndex: Double?
    @Null public var eiExpected: Double?
    @Null public var eiPValue: Double?
    @Null public var assortativity: Double?
    @Null public var freemanSegregation: Double?
    @Null public var shareInside: Double?
    public var peopleWithOutsideTie: Int
    public var peopleWithoutTies: Int
    public var permutations: Int
    public var seed: UInt64
    /// The organization's band on its E-I (`silo`, `inward`, `balanced`, `open`; SiloMetrics'
    /// `SiloVerdict`); `null` without ties.
    @Null public var verdict: SiloVerdict?
    /// The median of the departments' E-I (the organization's own middle).
    @Null public var medianEi: Double?
    /// The same as a share of ties (or weight) kept inside: (1 − median_ei)/2.
    @Null public var medianShareInside: Double?
    /// The 95% bootstrap interval of the organization's E-I (``BootstrapPart``); `null`
    /// without a bootstrap.
    @Null public var eiCiLow: Double?
    @Null public var eiCiHigh: Double?
    /// The same interval as shares inside: (1 − E-I)/2 at each end, low from high.
    @Null public var shareInsideCiLow: Double?
    @Null public var shareInsideCiHigh: Double?
    /// The verdicts the interval spans, most closed first (one when it lies in one band).
    public var verdictRange: [SiloVerdict] = []
    /// How the intervals were made; `null` without a bootstrap.
    @Null public var bootstrap: BootstrapPart?

    enum CodingKeys: String, CodingKey {
      case nodes, edges, directed, weighted, departments, modularity
      case eiIndex = "ei_index", eiExpected = "ei_expected", eiPValue = "ei_p_value", assortativity
      case freemanSegregation = "freeman_segregation", shareInside = "share_inside"
      case peopleWithOutsideTie = "people_with_outside_tie", peopleWithoutTies = "people_without_ties"
      case permutations, seed, verdict, medianEi = "median_ei", medianShareInside = "median_share_inside"
      case eiCiLow = "ei_ci_low", eiCiHigh = "ei_ci_high", shareInsideCiLow = "share_inside_ci_low"
      case shareInsideCiHigh = "share_inside_ci_high", verdictRange = "verdict_range", bootstrap
    }
  }

  public struct GroupPart: Sendable, Hashable, Codable {
    public var name: String
    public var size: Int
    /// I: ties (or their weight, when weighted) inside, each tie once.
    public var `internal`: Double
    /// E: ties (or weight) with one end outside.
    public var external: Double
    public var internalTies: Int
    public var externalTies: Int
    @Null public var internalDensity: Double?
    @Null public var shareInside: Double?
    @Null public var eiIndex: Double?
    @Null public var eiExpected: Double?
    @Null public var eiPValue: Double?
    @Null public var colemanHomophily: Double?
    @Null public var modularityContribution: Double?
    public var peopleWithOutsideTie: Int
    public var peopleWithoutTies: Int
    public var partners: [Partner]
    /// `silo`, `inward`, `balanced` or `open` (SiloMetrics' `SiloVerdict`); `null` where the
    /// E-I is undefined.
    @Null public var verdict: SiloVerdict?
    /// 1 for the department of this organization that keeps most to itself.
    @Null public var closedRank: Int?
    /// The 95% bootstrap interval of the E-I (2.5th and 97.5th percentiles); `null` without a
    /// bootstrap or where undefined.
    @Null public var eiCiLow: Double?
    @Null public var eiCiHigh: Double?
    /// The same interval as shares inside.
    @Null public var shareInsideCiLow: Double?
    @Null public var shareInsideCiHigh: Double?
    /// The verdicts the interval spans, most closed first; empty without an interval.
    public var verdictRange: [SiloVerdict] = []

    public struct Partner: Sendable, Hashable, Codable {
      public var name: String
      public var ties: Int
      public var weight: Double
    }

    enum CodingKeys: String, CodingKey {
      case name, size, `internal`, external
      case internalTies = "internal_ties", externalTies = "external_ties", internalDensity = "internal_density"
      case shareInside = "share_inside", eiIndex = "ei_index", eiExpected = "ei_expected", eiPValue = "ei_p_value"
      case colemanHomophily = "coleman_homophily", modularityContribution = "modularity_contribution"
      case peopleWithOutsideTie = "people_with_outside_tie", peopleWithoutTies = "people_without_ties", partners
      case verdict, closedRank = "closed_rank", eiCiLow = "ei_ci_low", eiCiHigh = "ei_ci_high"
      case shareInsideCiLow = "share_inside_ci_low", shareInsideCiHigh = "share_inside_ci_high", verdictRange = "verdict_range"
    }
  }

  /// How the bootstrap intervals were made.
  public struct BootstrapPart: Sendable, Hashable, Codable {
    /// What was drawn again with replacement: `projects` (a log) or `ties` (an edge list).
    public var unit: EIBootstrap.Unit
    public var replicates: Int
    public var seed: UInt64
    /// 0.95: the interval runs from the 2.5th to the 97.5th percentile.
    public var confidence: Double
  }

  public struct NodePart: Sendable, Hashable, Codable {
    /// The id as given in the input.
    public var id: String
    public var group: String
    public var degree: Int
    public var strength: Double
    /// The person's own E-I index; `null` without ties.
    @Null public var eiIndex: Double?

    enum CodingKeys: String, CodingKey { case id, group, degree, strength, eiIndex = "ei_index" }
  }

  public struct MixingPart: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var ties: Int
    public var weight: Double
    @Null public var density: Double?
  }

  /// Builds the document from a network with departments.
  public init(network: Network, scorecard: SiloScorecard, warnings: [String] = []) throws(MetricError) {
    let graph = network.graph
    guard let groups = network.groups else { throw .invalidArgument("the network has no departments (groups)") }
    let o = scorecard.organization
    self.graph = GraphPart(
      nodes: o.people, edges: o.ties, directed: o.directed, weighted: scorecard.weighted, departments: o.departments,
      modularity: defined(o.modularity), eiIndex: defined(o.eiIndex), eiExpected: defined(o.eiExpected),
      eiPValue: defined(o.eiPValue), assortativity: defined(o.assortativity),
      freemanSegregation: defined(o.freemanSegregation), shareInside: defined(o.shareInside),
      peopleWithOutsideTie: o.peopleWithOutsideTie, peopleWithoutTies: o.peopleWithoutTies,
      permutations: scorecard.permutations, seed: scorecard.seed, verdict: o.verdict, medianEi: defined(o.medianEI),
      medianShareInside: defined((1 - o.medianEI) / 2))
    self.groups = scorecard.departments.map { d in
      GroupPart(
        name: d.name, size: d.size,
        internal: scorecard.weighted ? d.internalWeight : Double(d.internalTies),
        external: scorecard.weighted ? d.externalWeight : Double(d.externalTies),
        internalTies: d.internalTies, externalTies: d.externalTies, internalDensity: defined(d.internalDensity),
        shareInside: defined(d.shareInside), eiIndex: defined(d.eiIndex), eiExpected: defined(d.eiExpected),
        eiPValue: defined(d.eiPValue), colemanHomophily: defined(d.colemanHomophily),
        modularityContribution: defined(d.modularityContribution), peopleWithOutsideTie: d.peopleWithOutsideTie,
        peopleWithoutTies: d.peopleWithoutTies,
        partners: d.partners.map { .init(name: $0.name, ties: $0.ties, weight: $0.weight) },
        verdict: d.verdict, closedRank: d.closedRank)
    }
    let personal = try graph.externalInternalIndex(of: groups, weighted: scorecard.weighted)
    nodes = (0 ..< graph.nodeCount).map { v in
      NodePart(
        id: network.nodes.ids[v], group: groups.name(of: groups.group(of: NodeID(v))),
        degree: graph.degree(of: NodeID(v)) + (graph.isDirected ? graph.inDegree(of: NodeID(v)) : 0),
        strength: graph.strength(of: NodeID(v)), eiIndex: defined(personal.perNode[v]))
    }
    var mixing: [MixingPart] = []
    if groups.groupCount <= 4096 {
      let matrix = try graph.mixingMatrix(of: groups)
      for g in 0 ..< groups.groupCount {
        for h in 0 ..< groups.groupCount where matrix.ties(g, h) > 0 && (graph.isDirected || h >= g) {
          mixing.append(MixingPart(
            from: groups.name(of: g), to: groups.name(of: h), ties: Int(matrix.ties(g, h)), weight: matrix.weight(g, h),
            density: defined(matrix.density(g, h))))
        }
      }
    }
    self.mixing = mixing
    self.warnings = warnings
  }
}

extension SiloScorecard {
  /// The scorecard as text for the terminal: one organization line, then one line per
  /// department, most siloed (lowest E-I) first; with a bootstrap, each share inside with its
  /// 95% margin and a verdict whose margin spans two bands as "silo or inward".
  public func text(bootstrap: EIBootstrap? = nil) -> String {
    let o = organization
    var out = "Organization: \(NumberText.integer(o.people)) people in \(o.departments) departments, "
    out += "\(NumberText.integer(o.ties)) ties\(o.directed ? " (directed)" : "")\(weighted ? ", weighted" : "")\n"
    out += "  \(Self.percent(o.shareInside)) of \(weighted ? "tie weight" : "ties") inside departments; "
    out += "E-I \(NumberText.decimal(o.eiIndex, places: 2)) (chance \(NumberText.decimal(o.eiExpected, places: 2)), "
    out += "p \(Self.pValue(o.eiPValue, permutations))); modularity \(NumberText.decimal(o.modularity, places: 3)); "
    out += "assortativity \(NumberText.decimal(o.assortativity, places: 3)); Freeman segregation \(NumberText.decimal(o.freemanSegregation, places: 3))\n"
    out += "  verdict: \(o.verdict?.rawValue ?? "—"); median department E-I \(NumberText.decimal(o.medianEI, places: 2)); "
    out += "silos: \(departments.filter { $0.verdict == .silo }.count) of \(departments.count) departments\n"
    out += "  \(NumberText.integer(o.peopleWithOutsideTie)) people have a tie outside their department; "
    out += "\(NumberText.integer(o.peopleWithoutTies)) have no tie at all\n\n"
    var table = PlainTable(
      header: ["department", "people", "inside", "margin", "E-I", "verdict", "chance", "p", "density", "reach out", "works most with"],
      rightAligned: [1, 2, 3, 4, 6, 7, 8, 9])
    let ordered = departments.sorted { a, b in
      let x = a.eiIndex.isNaN ? 2 : a.eiIndex, y = b.eiIndex.isNaN ? 2 : b.eiIndex
      return (x, a.name) < (y, b.name)
    }
    for d in ordered {
      let interval = bootstrap?.perGroup[d.index]
      table.append([
        d.name, NumberText.integer(d.size), Self.percent(d.shareInside), Self.margin(interval),
        NumberText.decimal(d.eiIndex, places: 2), Self.verdict(d.verdict, interval), NumberText.decimal(d.eiExpected, places: 2),
        Self.pValue(d.eiPValue, permutations), NumberText.decimal(d.internalDensity, places: 2),
        "\(d.peopleWithOutsideTie)/\(d.size)", d.partners.first.map { "\($0.name) (\($0.ties))" } ?? "—",
      ])
    }
    out += table.rendered()
    out += "\ninside: share of the department's \(weighted ? "tie weight" : "ties") kept inside. E-I: (outside − inside)/(outside + inside),\n"
    if let bootstrap {
      out += "margin: 95% of \(bootstrap.replicates) resamplings of the \(bootstrap.unit.rawValue) (seed \(bootstrap.seed)) give a share inside in this range.\n"
    }
    out += "−1 a closed silo, +1 all ties outside. verdict: silo at E-I ≤ −0.67 (more than 5 ties inside per tie\n"
    out += "outside; Leonardi & Contractor 2018) and below chance, inward ≤ −0.33 (2:1), balanced below +0.33, open\n"
    out += "from +0.33 (2 outside per inside). chance: the E-I if people were assigned to departments at random\n"
    out += "(\(permutations) relabellings, seed \(seed)); p: how often random assignment is as low (information, not\n"
    out += "the verdict). reach out: people with a tie outside.\n"
    return out
  }

  static func percent(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    return "\(Int((value * 100).rounded()))%"
  }

  /// The 95% margin of the share inside, "84–91%"; "—" without one.
  static func margin(_ interval: EIBootstrap.Interval?) -> String {
    guard let shares = interval?.shareInside else { return "—" }
    return ReportLanguage.en.numbers.percentRange(shares.low, shares.high)
  }

  /// The verdict, or "silo or inward" when the margin spans two bands.
  static func verdict(_ verdict: SiloVerdict?, _ interval: EIBootstrap.Interval?) -> String {
    guard let verdict else { return "—" }
    guard let low = interval?.eiCILow, let high = interval?.eiCIHigh else { return verdict.rawValue }
    let bands = SiloVerdict.bands(from: low, to: high)
    return ReportLanguage.en.wording.verdictRange(bands)
  }

  static func pValue(_ value: Double, _ permutations: Int) -> String {
    guard value.isFinite else { return "—" }
    let floor = 1 / Double(permutations + 1)
    if value <= floor + 1e-15 { return "< \(NumberText.decimal(max(floor, 0.001), places: floor < 0.001 ? 4 : 3))" }
    return NumberText.decimal(value, places: 3)
  }

  /// The department lines as CSV; with a bootstrap, the E-I's 95% interval too.
  public func csv(bootstrap: EIBootstrap? = nil) -> String {
    var out = "department,people,internal_ties,external_ties,internal_weight,external_weight,internal_density,share_inside,ei_index,ei_expected,ei_p_value,coleman_homophily,modularity_contribution,people_with_outside_tie,people_without_ties,top_partner,verdict,ei_ci_low,ei_ci_high\n"
    for d in departments {
      let cells: [String] = [
        CSVExport.text(d.name), String(d.size), String(d.internalTies), String(d.externalTies),
        CSVExport.number(d.internalWeight), CSVExport.number(d.externalWeight), CSVExport.number(d.internalDensity),
        CSVExport.number(d.shareInside), CSVExport.number(d.eiIndex), CSVExport.number(d.eiExpected),
        CSVExport.number(d.eiPValue), CSVExport.number(d.colemanHomophily), CSVExport.number(d.modularityContribution),
        String(d.peopleWithOutsideTie), String(d.peopleWithoutTies), CSVExport.text(d.partners.first?.name ?? ""),
        d.verdict?.rawValue ?? "",
        bootstrap?.perGroup[d.index].eiCILow.map(CSVExport.number) ?? "",
        bootstrap?.perGroup[d.index].eiCIHigh.map(CSVExport.number) ?? "",
      ]
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }
}

extension SilosDocument {
  /// Adds the bootstrap's 95% intervals of the E-I, as E-I and as shares inside, and the
  /// verdicts each interval spans (SiloMetrics' `SiloVerdict.bands(from:to:)`), to the
  /// organization and every department.
  public mutating func add(_ bootstrap: EIBootstrap) {
    let o = bootstrap.organization
    graph.eiCiLow = o.eiCILow
    graph.eiCiHigh = o.eiCIHigh
    (graph.shareInsideCiLow, graph.shareInsideCiHigh) = (o.shareInside?.low, o.shareInside?.high)
    if let low = o.eiCILow, let high = o.eiCIHigh { graph.verdictRange = SiloVerdict.bands(from: low, to: high) }
    for (g, interval) in bootstrap.perGroup.enumerated() where g < groups.count {
      groups[g].eiCiLow = interval.eiCILow
      groups[g].eiCiHigh = interval.eiCIHigh
      (groups[g].shareInsideCiLow, groups[g].shareInsideCiHigh) = (interval.shareInside?.low, interval.shareInside?.high)
      // A department whose verdict is undefined (one person) gets no range either.
      if groups[g].verdict != nil, let low = interval.eiCILow, let high = interval.eiCIHigh {
        groups[g].verdictRange = SiloVerdict.bands(from: low, to: high)
      }
    }
    graph.bootstrap = BootstrapPart(
      unit: bootstrap.unit, replicates: bootstrap.replicates, seed: bootstrap.seed, confidence: bootstrap.confidence)
  }
}

extension EIBootstrap.Interval {
  /// The interval as shares of ties (or weight) inside: (1 − E-I)/2 at each end, the low
  /// share from the high E-I; `nil` without an interval.
  var shareInside: (low: Double, high: Double)? {
    guard let low = eiCILow, let high = eiCIHigh else { return nil }
    return ((1 - high) / 2, (1 - low) / 2)
  }
}
