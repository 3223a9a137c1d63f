import SiloGraph
import SiloMetrics

/// The JSON of `siloscope communities`: the organization under `graph`, the search and its
/// result under `communities`, the comparison with the departments under `comparison`,
/// departments under `groups` and people under `nodes` (each with `id`, `group` and
/// `community`). Communities are numbered from 0 in JSON and shown as C1, C2, … in tables.
public struct CommunitiesDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  public var command = "communities"
  public var graph: GraphPart
  public var communities: CommunitiesPart
  @Null public var comparison: ComparisonPart?
  public var groups: [GroupPart]
  public var nodes: [NodePart]
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version", command, graph, communities, comparison, groups, nodes, warnings
  }

  public struct GraphPart: Sendable, Hashable, Codable {
    public var nodes: Int
    public var edges: Int
    public var directed: Bool
    public var weighted: Bool
    @Null public var departments: Int?
    /// Modularity of the departments, for comparison with the communities'.
    @Null public var modularity: Double?
  }

  public struct CommunitiesPart: Sendable, Hashable, Codable {
    public var method: String
    public var objective: String
    public var resolution: Double
    public var seed: UInt64
    public var count: Int
    /// Newman–Girvan modularity of the communities (γ as given; γ = 1 for CPM).
    @Null public var modularity: Double?
    /// The objective's value (equal to `modularity` for the modularity objective).
    @Null public var quality: Double?
    /// Communities after each level, coarsest last.
    public var levels: [Int]
    /// People per community, by community number.
    public var sizes: [Int]
  }

  public struct ComparisonPart: Sendable, Hashable, Codable {
    @Null public var nmi: Double?
    @Null public var adjustedRand: Double?
    @Null public var rand: Double?
    @Null public var variationOfInformation: Double?
    public var splitJoinDistance: Int
    public var splits: [Split]
    public var merges: [Merge]
    public var contingency: [Cell]

    public struct Share: Sendable, Hashable, Codable {
      public var name: String
      public var people: Int
      public var share: Double
    }
    public struct Split: Sendable, Hashable, Codable {
      public var department: String
      public var communities: [Share]
    }
    public struct Merge: Sendable, Hashable, Codable {
      public var community: Int
      public var departments: [Share]
    }
    public struct Cell: Sendable, Hashable, Codable {
      public var department: String
      public var community: Int
      public var people: Int
    }

    enum CodingKeys: String, CodingKey {
      case nmi, adjustedRand = "adjusted_rand", rand, variationOfInformation = "variation_of_information"
      case splitJoinDistance = "split_join_distance", splits, merges, contingency
    }
  }

  public struct GroupPart: Sendable, Hashable, Codable {
    public var name: String
    public var size: Int
    /// Communities the department's people are in, most first.
    public var communities: [Int]
  }

  public struct NodePart: Sendable, Hashable, Codable {
    public var id: String
    @Null public var group: String?
    public var community: Int
  }

  public init(network: Network, detection: CommunityDetection, weighted: Bool, warnings: [String] = []) throws(MetricError) {
    let graph = network.graph
    let found = detection.partition
    var departmentModularity: Double? = nil
    if let groups = network.groups {
      departmentModularity = defined(try graph.modularity(of: groups, weighted: weighted).value)
    }
    self.graph = GraphPart(
      nodes: graph.nodeCount, edges: graph.edgeCount, directed: graph.isDirected, weighted: weighted,
      departments: network.groups?.groupCount, modularity: departmentModularity)
    communities = CommunitiesPart(
      method: detection.method, objective: detection.objective.rawValue, resolution: detection.resolution,
      seed: detection.seed, count: found.groupCount, modularity: defined(detection.modularity),
      quality: defined(detection.quality), levels: detection.levels.map(\.groupCount), sizes: found.sizes)
    if let groups = network.groups {
      let c = try groups.compared(with: found)
      comparison = ComparisonPart(
        nmi: defined(c.normalizedMutualInformation), adjustedRand: defined(c.adjustedRand), rand: defined(c.rand),
        variationOfInformation: defined(c.variationOfInformation), splitJoinDistance: c.splitJoinDistance,
        splits: c.splits.map { s in
          .init(department: groups.name(of: s.group), communities: s.communities.map {
            .init(name: "C\($0.index + 1)", people: $0.people, share: $0.share)
          })
        },
        merges: c.merges.map { m in
          .init(community: m.community, departments: m.groups.map {
            .init(name: groups.name(of: $0.index), people: $0.people, share: $0.share)
          })
        },
        contingency: c.contingency.map { .init(department: groups.name(of: $0.group), community: $0.community, people: $0.people) })
      var byGroup = [[(Int, Int)]](repeating: [], count: groups.groupCount)
      for cell in c.contingency { byGroup[cell.group].append((cell.community, cell.people)) }
      let sizes = groups.sizes
      self.groups = (0 ..< groups.groupCount).map { g in
        GroupPart(
          name: groups.name(of: g), size: sizes[g],
          communities: byGroup[g].sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.map(\.0))
      }
    } else {
      comparison = nil
      self.groups = []
    }
    nodes = (0 ..< graph.nodeCount).map { v in
      NodePart(
        id: network.nodes.ids[v], group: network.groups.map { $0.name(of: $0.group(of: NodeID(v))) },
        community: found.group(of: NodeID(v)))
    }
    self.warnings = warnings
  }

  /// The result as text for the terminal.
  public func text() -> String {
    var out = "\(communities.method.capitalized) (\(communities.objective), γ = \(communities.resolution), seed \(communities.seed)): "
    out += "\(communities.count) communities, modularity \(NumberText.decimal(communities.modularity, places: 4))"
    if let modularity = graph.modularity { out += " (departments: \(NumberText.decimal(modularity, places: 4)))" }
    out += "\n"
    if communities.objective != "modularity" { out += "quality (\(communities.objective)): \(NumberText.decimal(communities.quality, places: 4))\n" }
    guard let comparison else {
      out += "no departments to compare with\n"
      return out
    }
    out += "\nFormal versus informal organization\n"
    out += "  NMI \(NumberText.decimal(comparison.nmi, places: 3)), adjusted Rand \(NumberText.decimal(comparison.adjustedRand, places: 3)), "
    out += "variation of information \(NumberText.decimal(comparison.variationOfInformation, places: 3)) nats "
    out += "(1, 1 and 0 mean the collaboration follows the org chart exactly)\n"
    if comparison.merges.isEmpty && comparison.splits.isEmpty {
      out += "  The collaboration neither merges nor splits departments.\n"
    }
    for merge in comparison.merges {
      let parts = merge.departments.map { "\($0.name) (\($0.people))" }.joined(separator: " + ")
      out += "  C\(merge.community + 1) merges \(parts)\n"
    }
    for split in comparison.splits {
      let parts = split.communities.map { "\($0.name) (\($0.people))" }.joined(separator: ", ")
      out += "  \(split.department) is split over \(parts)\n"
    }
    out += "\n"
    var table = PlainTable(header: ["community", "people", "from departments (people)"], rightAligned: [1])
    var cells = [[ComparisonPart.Cell]](repeating: [], count: communities.count)
    for cell in comparison.contingency { cells[cell.community].append(cell) }
    for c in 0 ..< communities.count {
      let from = cells[c].sorted { ($0.people, $1.department) > ($1.people, $0.department) }
      let shown = from.prefix(4).map { "\($0.department) (\($0.people))" }.joined(separator: ", ")
      table.append(["C\(c + 1)", NumberText.integer(communities.sizes[c]), shown + (from.count > 4 ? ", …" : "")])
    }
    out += table.rendered()
    return out
  }

  /// One line per person: `id,group,community`.
  public func csv() -> String {
    var out = "id,department,community\n"
    for node in nodes {
      out += "\(CSVExport.text(node.id)),\(CSVExport.text(node.group ?? "")),C\(node.community + 1)\n"
    }
    return out
  }
}
