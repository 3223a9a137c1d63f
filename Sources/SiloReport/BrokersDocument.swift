import SiloGraph
import SiloMetrics

/// Everything `siloscope brokers` computes, before it is shown.
public struct BrokerAnalysis: Sendable, Hashable {
  public var betweenness: Betweenness
  public var holes: StructuralHoles
  public var brokerage: Brokerage?
  public var cutPoints: CutPoints
  public var bridging: NodeScores
  public var dependence: BrokerDependence?
  /// The top brokers by betweenness, most central first.
  public var top: [NodeID]

  /// How betweenness is computed.
  public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
    /// Exact up to the exact limit (10,000 people by default), KADABRA's guaranteed top k above.
    case auto
    case exact
    /// `samples` random sources, scaled as NetworkX.
    case sampled
    /// Riondato–Kornaropoulos: every score within ε with probability 1 − δ.
    case adaptive
    /// KADABRA (Borassi & Natale 2016): sampling stops when the top k are told apart, or
    /// every score is within ε, with probability 1 − δ; each top person gets an interval and
    /// marks for what is not certain.
    case kadabra
  }

  /// Runs every broker measure on a network.
  ///
  /// - Parameters:
  ///   - network: The people, their ties and their departments.
  ///   - k: How many top brokers to follow (and, for KADABRA, to tell apart).
  ///   - options: Distances, tie rule, normalization and threads of betweenness.
  ///   - method: How betweenness is computed; `auto` is exact up to `exactLimit` people.
  ///   - samples: Sources for `sampled`.
  ///   - epsilon: The error ε of `adaptive` and `kadabra` (normalized scores, ordered pairs).
  ///   - delta: The probability δ that `adaptive` or `kadabra` claims too much.
  ///   - exactLimit: The most people `auto` computes exactly.
  ///   - weighted: Whether constraint uses tie weights.
  ///   - seed: The seed of every sample.
  public init(
    network: Network, top k: Int = 10, options: BetweennessOptions, method: Method = .auto, samples: Int = 256,
    epsilon: Double = 0.01, delta: Double = 0.1, exactLimit: Int = 10_000, weighted: Bool = true, seed: UInt64 = 1
  ) throws(MetricError) {
    let graph = network.graph
    switch method {
    case .exact:
      betweenness = graph.betweenness(options)
    case .auto where graph.nodeCount <= exactLimit:
      betweenness = graph.betweenness(options)
    case .auto, .kadabra:
      betweenness = try graph.kadabraBetweenness(top: k, epsilon: epsilon, delta: delta, seed: seed, options: options)
    case .sampled:
      betweenness = graph.sampledBetweenness(sources: samples, seed: seed, options: options)
    case .adaptive:
      betweenness = try graph.adaptiveBetweenness(epsilon: epsilon, delta: delta, seed: seed, options: options)
    }
    holes = graph.structuralHoles(weighted: weighted)
    brokerage = try network.groups.map { groups throws(MetricError) in try graph.brokerage(of: groups) }
    cutPoints = graph.cutPoints()
    bridging = graph.bridgingCentrality(betweenness: betweenness)
    let scores = betweenness.scores
    let ranked = Array(scores.ranked().prefix(k)).filter { scores[$0] > 0 }
    top = ranked
    // Every source up to 1,000 people; above, as many sources as keep the two searches per
    // source near 2·10⁸ steps in all, between 256 and 2,000: 10,000 people with 72,000 ties
    // get about 1,300 sources, 100,000 people with 900,000 ties 256.
    let steps = Double(graph.nodeCount + 2 * graph.edgeCount)
    let sources = graph.nodeCount <= 1_000 ? 1_000 : min(2_000, max(256, Int(2e8 / max(1, steps))))
    dependence = network.groups == nil ? nil : try network.brokerDependence(
      brokers: ranked, maxSources: sources, seed: seed, threads: options.threads)
  }

  /// The role in which a node brokers most beyond chance: the largest z-score among the
  /// roles it plays at all; `nil` when it brokers nothing.
  public func mainRole(of node: NodeID) -> BrokerageRole? {
    guard let brokerage else { return nil }
    var best: (BrokerageRole, Double)? = nil
    for (i, role) in BrokerageRole.allCases.enumerated() where brokerage.raw[node.index][i] > 0 {
      let z = brokerage.z[node.index][i].isNaN ? 0 : brokerage.z[node.index][i]
      if best == nil || z > best!.1 { best = (role, z) }
    }
    return best?.0
  }
}

/// The JSON of `siloscope brokers`: the organization under `graph`, departments under
/// `groups`, people under `nodes` (each with `id`, `group`, `betweenness`, `constraint`,
/// `effective_size`, `efficiency`, `hierarchy` and the brokerage counts), the top brokers
/// and what depends on them under `brokers`, department pairs under `pairs`. Undefined
/// numbers are `null`.
public struct BrokersDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "brokers"
  public var graph: GraphPart
  public var groups: [GroupPart]
  public var nodes: [NodePart]
  public var brokers: [BrokerPart]
  public var pairs: [PairPart]
  public var warnings: [String]

  enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", command, graph, groups, nodes, brokers, pairs, warnings }

  public struct GraphPart: Sendable, Hashable, Codable {
    public var nodes: Int
    public var edges: Int
    public var directed: Bool
    public var weighted: Bool
    public var distance: EdgeDistance
    public var normalized: Bool
    public var ties: PathTieRule
    public var betweennessMethod: BetweennessMethod
    @Null public var betweennessStatement: String?
    /// For KADABRA: what the ranking of the top brokers is sure of.
    @Null public var betweennessGuarantee: GuaranteePart?
    public var articulationPoints: Int
    public var bridges: Int
    enum CodingKeys: String, CodingKey {
      case nodes, edges, directed, weighted, distance, normalized, ties
      case betweennessMethod = "betweenness_method", betweennessStatement = "betweenness_statement"
      case betweennessGuarantee = "betweenness_guarantee"
      case articulationPoints = "articulation_points", bridges
    }
  }

  /// What KADABRA guarantees: with probability `probability` (1 − δ) every exact score lies
  /// in its interval (`betweenness_lower` … `betweenness_upper` of each broker), so a broker
  /// marked `certain_in_top` is among the top `k` and one marked `ahead_of_next` is ahead of
  /// the next. `contenders` are people outside the list who may belong in it.
  public struct GuaranteePart: Sendable, Hashable, Codable {
    public var k: Int
    public var epsilon: Double
    public var delta: Double
    public var probability: Double
    public var samples: Int
    /// Every broker certainly in the top k and in order.
    public var settled: Bool
    /// Sampling stopped at its largest size before the ranking was settled.
    public var reachedMaximum: Bool
    public var contenderCount: Int
    /// The first contenders, most central first (at most 50).
    public var contenders: [ContenderPart]
    enum CodingKeys: String, CodingKey {
      case k, epsilon, delta, probability, samples, settled, contenders
      case reachedMaximum = "reached_maximum", contenderCount = "contender_count"
    }
  }

  public struct ContenderPart: Sendable, Hashable, Codable {
    public var id: String
    @Null public var group: String?
    public var betweenness: Double
    public var betweennessLower: Double
    public var betweennessUpper: Double
    enum CodingKeys: String, CodingKey {
      case id, group, betweenness, betweennessLower = "betweenness_lower", betweennessUpper = "betweenness_upper"
    }
  }

  public struct GroupPart: Sendable, Hashable, Codable {
    public var name: String
    public var size: Int
    /// Brokerage counts of the group's members, summed by role.
    public var brokerage: [String: Double]
  }

  public struct NodePart: Sendable, Hashable, Codable {
    public var id: String
    @Null public var group: String?
    @Null public var betweenness: Double?
    @Null public var constraint: Double?
    @Null public var effectiveSize: Double?
    @Null public var efficiency: Double?
    @Null public var hierarchy: Double?
    @Null public var bridging: Double?
    public var articulationPoint: Bool
    @Null public var brokerage: [String: Double]?
    @Null public var role: String?
    enum CodingKeys: String, CodingKey {
      case id, group, betweenness, constraint, efficiency, hierarchy, bridging, brokerage, role
      case effectiveSize = "effective_size", articulationPoint = "articulation_point"
    }
  }

  public struct BrokerPart: Sendable, Hashable, Codable {
    public var id: String
    @Null public var group: String?
    public var rank: Int
    @Null public var betweenness: Double?
    /// With KADABRA, the interval that holds the exact score (with the stated probability);
    /// `null` for exact betweenness.
    @Null public var betweennessLower: Double?
    @Null public var betweennessUpper: Double?
    /// With KADABRA: certainly among the top k; `null` for exact betweenness.
    @Null public var certainInTop: Bool?
    /// With KADABRA: certainly ahead of the next broker (the last: of everyone outside the
    /// list); `null` for exact betweenness.
    @Null public var aheadOfNext: Bool?
    public var pairsLosingAllTies: [[String]]
    public var pairsDisconnected: [[String]]
    public var peopleCutOff: Int
    public var crossDepartmentReachLost: Double
    /// The departments other than the broker's own that their direct contacts are in, with
    /// how many contacts each (most first, then by name): what the broker connects, in plain words.
    public var otherDepartments: [DepartmentContacts]
    enum CodingKeys: String, CodingKey {
      case id, group, rank, betweenness, otherDepartments = "other_departments"
      case betweennessLower = "betweenness_lower", betweennessUpper = "betweenness_upper"
      case certainInTop = "certain_in_top", aheadOfNext = "ahead_of_next"
      case pairsLosingAllTies = "pairs_losing_all_ties", pairsDisconnected = "pairs_disconnected"
      case peopleCutOff = "people_cut_off", crossDepartmentReachLost = "cross_department_reach_lost"
    }

    /// With KADABRA: certainly in the top k but not certainly ahead of the next (marked ≈).
    public var orderUncertain: Bool { certainInTop == true && aheadOfNext == false }
    /// With KADABRA: not certainly in the top k (marked ?).
    public var mayNotBelong: Bool { certainInTop == false }
  }

  public struct DepartmentContacts: Sendable, Hashable, Codable {
    public var name: String
    public var contacts: Int
  }

  public struct PairPart: Sendable, Hashable, Codable {
    public var a: String
    public var b: String
    public var ties: Int
    public var carriers: Int
    @Null public var shareThroughTopBrokers: Double?
    enum CodingKeys: String, CodingKey { case a, b, ties, carriers, shareThroughTopBrokers = "share_through_top_brokers" }
  }

  public init(network: Network, analysis: BrokerAnalysis, weighted: Bool, warnings: [String] = []) {
    let graph = network.graph
    let groups = network.groups
    func groupName(_ v: Int) -> String? { groups.map { $0.name(of: $0.group(of: NodeID(v))) } }
    let b = analysis.betweenness
    self.graph = GraphPart(
      nodes: graph.nodeCount, edges: graph.edgeCount, directed: graph.isDirected, weighted: weighted,
      distance: b.distance, normalized: b.normalized, ties: b.ties,
      betweennessMethod: b.method, betweennessStatement: b.approximation?.statement,
      betweennessGuarantee: b.approximation.flatMap { a in
        a.ranking.map { r in
          GuaranteePart(
            k: r.k, epsilon: r.epsilon, delta: r.delta, probability: 1 - r.delta, samples: a.samples, settled: r.isSettled,
            reachedMaximum: r.reachedMaximum, contenderCount: r.contenderCount,
            contenders: r.contenders.map {
              ContenderPart(
                id: network.nodes[$0.node], group: groupName($0.node.index), betweenness: $0.estimate,
                betweennessLower: $0.lower, betweennessUpper: $0.upper)
            })
        }
      },
      articulationPoints: analysis.cutPoints.articulationPoints.count, bridges: analysis.cutPoints.bridges.count)
    let roles = BrokerageRole.allCases.map(\.rawValue)
    var isCut = [Bool](repeating: false, count: graph.nodeCount)
    for v in analysis.cutPoints.articulationPoints { isCut[v.index] = true }
    nodes = (0 ..< graph.nodeCount).map { v in
      NodePart(
        id: network.nodes.ids[v], group: groupName(v), betweenness: defined(b.scores[v]),
        constraint: defined(analysis.holes.constraint[v]), effectiveSize: defined(analysis.holes.effectiveSize[v]),
        efficiency: defined(analysis.holes.efficiency[v]), hierarchy: defined(analysis.holes.hierarchy[v]),
        bridging: defined(analysis.bridging[v]), articulationPoint: isCut[v],
        brokerage: analysis.brokerage.map { br in
          Dictionary(uniqueKeysWithValues: zip(roles + ["total"], br.raw[v]))
        },
        role: analysis.mainRole(of: NodeID(v))?.rawValue)
    }
    self.groups = Self.groupParts(network, analysis: analysis, roles: roles)
    let names = groups.map { g in (0 ..< g.groupCount).map(g.name(of:)) } ?? []
    let ranking = b.approximation?.ranking
    brokers = analysis.top.enumerated().map { rank, node in
      let loss = analysis.dependence?.brokers.first { $0.node == node }
      let entry = ranking?.top.first { $0.node == node }
      return BrokerPart(
        id: network.nodes[node], group: groupName(node.index), rank: rank + 1, betweenness: defined(b.scores[node]),
        betweennessLower: entry?.lower, betweennessUpper: entry?.upper, certainInTop: entry?.certainInTop, aheadOfNext: entry?.aheadOfNext,
        pairsLosingAllTies: loss?.pairsLosingAllTies.map { $0.map { names[$0] } } ?? [],
        pairsDisconnected: loss?.pairsDisconnected.map { $0.map { names[$0] } } ?? [],
        peopleCutOff: loss?.peopleCutOff ?? 0, crossDepartmentReachLost: loss?.crossDepartmentReachLost ?? 0,
        otherDepartments: Self.otherDepartments(of: node, in: network))
    }
    pairs = analysis.dependence?.pairs.map {
      PairPart(a: names[$0.a], b: names[$0.b], ties: $0.ties, carriers: $0.carriers, shareThroughTopBrokers: defined($0.shareThroughBrokers))
    } ?? []
    self.warnings = warnings
  }

  /// Each department's head count and its members' brokerage counts summed by role; none
  /// without departments or brokerage.
  private static func groupParts(_ network: Network, analysis: BrokerAnalysis, roles: [String]) -> [GroupPart] {
    guard let groups = network.groups, let brokerage = analysis.brokerage else { return [] }
    var sums = [[Double]](repeating: Array(repeating: 0, count: 6), count: groups.groupCount)
    for v in 0 ..< network.graph.nodeCount {
      for r in 0 ..< 6 { sums[Int(groups.membership[v])][r] += brokerage.raw[v][r] }
    }
    let sizes = groups.sizes
    return (0 ..< groups.groupCount).map {
      GroupPart(name: groups.name(of: $0), size: sizes[$0], brokerage: Dictionary(uniqueKeysWithValues: zip(roles + ["total"], sums[$0])))
    }
  }

  /// The top brokers as a table for the terminal, with what depends on them.
  public func text() -> String {
    var out = "Top \(brokers.count) brokers by betweenness (\(graph.distance.rawValue) distances, "
    out += graph.normalized ? "normalized" : "raw"
    out += graph.betweennessMethod == .exact ? ", exact)" : ", \(graph.betweennessMethod.rawValue))"
    out += "\n"
    if let statement = graph.betweennessStatement { out += "  \(statement)\n" }
    out += "\n"
    var table = PlainTable(
      header: ["#", "person", "department", "betweenness", "constraint", "role", "without them"], rightAligned: [0, 3, 4])
    let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for broker in brokers {
      let node = byID[broker.id]
      var loss: [String] = []
      if !broker.pairsLosingAllTies.isEmpty { loss.append("\(broker.pairsLosingAllTies.count) department pairs lose all direct ties") }
      if broker.peopleCutOff > 0 { loss.append("\(broker.peopleCutOff) people cut off") }
      if broker.crossDepartmentReachLost > 0.0005 {
        loss.append("\(NumberText.decimal(broker.crossDepartmentReachLost * 100, places: 1))% of cross-department reach")
      }
      var score = NumberText.decimal(broker.betweenness, places: 4)
      if let low = broker.betweennessLower, let high = broker.betweennessUpper {
        score += " (\(NumberText.decimal(low, places: 4))–\(NumberText.decimal(high, places: 4)))"
      }
      table.append([
        String(broker.rank) + Self.mark(broker), broker.id, broker.group ?? "—", score,
        NumberText.decimal(node?.constraint, places: 3), node?.role ?? "—", loss.isEmpty ? "—" : loss.joined(separator: "; "),
      ])
    }
    out += table.rendered()
    if let guarantee = graph.betweennessGuarantee { out += Self.guaranteeLegend(guarantee, brokers: brokers) }
    out += "\n\(graph.articulationPoints) people are articulation points (their departure splits the network); "
    out += "\(graph.bridges) ties are bridges.\n"
    let dependent = pairs.filter { ($0.shareThroughTopBrokers ?? 0) >= 0.5 }.sorted { ($0.shareThroughTopBrokers ?? 0) > ($1.shareThroughTopBrokers ?? 0) }
    if !dependent.isEmpty {
      out += "\nDepartment pairs whose shortest paths run mostly through these brokers:\n"
      var pairTable = PlainTable(header: ["departments", "ties", "carriers", "through brokers"], rightAligned: [1, 2, 3])
      for pair in dependent.prefix(15) {
        pairTable.append(["\(pair.a) – \(pair.b)", String(pair.ties), String(pair.carriers), "\(Int(((pair.shareThroughTopBrokers ?? 0) * 100).rounded()))%"])
      }
      out += pairTable.rendered()
    }
    return out
  }

  /// The mark after a broker's rank: "?" when they may not belong in the top k, "≈" when
  /// their order with the next broker is not certain, nothing when both are certain or the
  /// betweenness is exact.
  static func mark(_ broker: BrokerPart) -> String {
    broker.mayNotBelong ? " ?" : broker.orderUncertain ? " ≈" : ""
  }

  /// The lines under the terminal table that say what the marks and intervals mean.
  static func guaranteeLegend(_ g: GuaranteePart, brokers: [BrokerPart]) -> String {
    let probability = NumberText.decimal(g.probability, places: 2)
    var out = "\nWith probability \(probability) every exact score lies in its interval (KADABRA, \(g.samples) sampled paths"
    out += g.reachedMaximum ? ", the most it draws for ε = \(NumberText.decimal(g.epsilon, places: 4))).\n" : ").\n"
    if g.settled {
      out += "The top \(brokers.count) and their order are certain.\n"
      return out
    }
    if brokers.contains(where: \.orderUncertain) {
      out += "≈  the order with the next broker is not certain.\n"
    }
    if brokers.contains(where: \.mayNotBelong) {
      let others = g.contenderCount == 1 ? "1 person outside the list" : "\(g.contenderCount) people outside the list"
      out += "?  may not be in the top \(g.k): \(others) may be instead.\n"
    }
    return out
  }

  /// One line per person, for spreadsheets.
  public func csv() -> String {
    let roles = BrokerageRole.allCases.map(\.rawValue)
    var out = (["id", "department", "betweenness", "constraint", "effective_size", "efficiency", "hierarchy", "bridging", "articulation_point", "role"] + roles).joined(separator: ",") + "\n"
    for node in nodes {
      var cells = [CSVExport.text(node.id), CSVExport.text(node.group ?? "")]
      for value in [node.betweenness, node.constraint, node.effectiveSize, node.efficiency, node.hierarchy, node.bridging] {
        cells.append(value.map(CSVExport.number) ?? "")
      }
      cells.append(node.articulationPoint ? "1" : "0")
      cells.append(node.role ?? "")
      for role in roles { cells.append(node.brokerage?[role].map(CSVExport.number) ?? "") }
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }
}

extension BrokersDocument {
  /// The departments of a person's direct contacts other than their own (in and out for a
  /// directed network, each contact once), most contacts first, equal counts by name.
  static func otherDepartments(of node: NodeID, in network: Network) -> [DepartmentContacts] {
    guard let groups = network.groups else { return [] }
    let graph = network.graph
    let own = groups.group(of: node)
    var contacts = Set(graph.neighbors(of: node).nodes)
    if graph.isDirected { contacts.formUnion(graph.inNeighbors(of: node).nodes) }
    var counts: [Int: Int] = [:]
    for contact in contacts where groups.group(of: contact) != own { counts[groups.group(of: contact), default: 0] += 1 }
    return counts.map { DepartmentContacts(name: groups.name(of: $0.key), contacts: $0.value) }
      .sorted { ($1.contacts, $0.name) < ($0.contacts, $1.name) }
  }
}
