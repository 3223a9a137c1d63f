import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// The reference networks of the silo tests, read from `Datasets/` with SiloScope's own
/// readers: undirected ties from arcs of one relation (a tie when either arc exists, weight
/// = the sum of both arcs' weights), as Tests/References/silos_reference.md §0 builds them.
///
/// Node order: our `NodeTable` numbers nodes in `nodes.csv` order, which for these three datasets
/// is the numeric id order that silos_reference.md uses (karate 0…33, Krackhardt 1…21, Lazega 1…71;
/// checked in `ReferenceNetworkTests`). Group order: `Partition(labels:)` numbers groups in sorted
/// name order, the order silos_reference.md uses (karate `Mr. Hi`,`Officer`; Krackhardt `0`…`4`;
/// Lazega `corporate`,`litigation`).
enum ReferenceNetworks {
  static func karate() throws -> Network {
    var options = NetworkReadOptions()
    options.groupColumn = "group"
    return try NetworkReader.read(
      edgesPath: TestDatasets.path("zachary_karate/edges.csv"), nodesPath: TestDatasets.path("zachary_karate/nodes.csv"),
      options: options
    ).network
  }

  static func load(_ folder: String, relation: String, directed: Bool) throws -> Network {
    var options = NetworkReadOptions()
    options.groupColumn = "group"
    options.relation = relation
    options.directedness = directed ? .directed : .undirected
    return try NetworkReader.read(
      edgesPath: TestDatasets.path("\(folder)/edges.csv"), nodesPath: TestDatasets.path("\(folder)/nodes.csv"),
      options: options
    ).network
  }

  /// The same graph with every tie weighing 1.
  static func unweighted(_ graph: CollaborationGraph) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: graph.nodeCount, directedness: graph.directedness)
    for edge in graph.edges { builder.addEdge(edge.source, edge.target) }
    return builder.build()
  }

  /// The undirected version of a directed graph with weight = w(u→v) + w(v→u)
  /// (Tests/References/silos_reference.md §0, the `*_uw` graphs). `unweighted(undirectedSum(g))` is
  /// the either-direction (OR) version, the `*_u` graphs.
  static func undirectedSum(_ graph: CollaborationGraph) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: graph.nodeCount, directedness: .undirected)
    for edge in graph.edges { builder.addEdge(edge.source, edge.target, weight: edge.weight) }
    return builder.build()
  }

  /// The same network with another graph (same nodes and groups).
  static func with(_ network: Network, graph: CollaborationGraph) -> Network {
    Network(graph: graph, nodes: network.nodes, groups: network.groups)
  }

  /// Two K4 on nodes 0–3 (group 0) and 4–7 (group 1) joined by the bridge 3–4
  /// (Tests/References/silos_reference.md §9).
  static func twoK4() -> Network {
    var builder = GraphBuilder(nodeCount: 8)
    for block in [0, 4] {
      for i in 0 ..< 4 {
        for j in i + 1 ..< 4 { builder.addEdge(NodeID(block + i), NodeID(block + j)) }
      }
    }
    builder.addEdge(NodeID(3), NodeID(4))
    return Network(
      graph: builder.build(), nodes: NodeTable(ids: (0 ..< 8).map(String.init)),
      groups: Partition(membership: [0, 0, 0, 0, 1, 1, 1, 1]))
  }

  /// The karate club split of Tests/References/silos_reference.md §0 and §8 (0 = Mr. Hi,
  /// 1 = Officer), node order 0…33.
  static let karateClub: [Int32] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ]

  /// igraph's best unweighted multilevel partition of karate (Q = 1277/3042),
  /// Tests/References/silos_reference.md §7/§8.
  static let karateBest: [Int32] = [
    0, 0, 0, 0, 1, 1, 1, 0, 2, 2, 1, 0, 0, 0, 2, 2, 1, 0, 2, 0, 2, 0, 2, 3, 3, 3, 2, 3, 3, 2, 2, 3, 2, 2,
  ]
}

/// The graphs of Tests/References/silos_reference.md §0, by the key it uses.
enum Ref: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case karate_u, karate_w
  case krack_adv_d, krack_adv_u, krack_adv_uw, krack_fri_d
  case lazega_cow_d, lazega_cow_u, lazega_cow_uw, lazega_adv_d

  var testDescription: String { rawValue }

  /// Whether silos_reference.md computes the values of this key with weights (`*_w`, `*_uw`).
  var weighted: Bool {
    switch self {
    case .karate_w, .krack_adv_uw, .lazega_cow_uw: true
    default: false
    }
  }

  var isDirected: Bool { rawValue.hasSuffix("_d") }

  /// The network as Tests/References/silos_reference.md §0 builds it.
  func network() throws -> Network {
    switch self {
    case .karate_w:
      return try ReferenceNetworks.karate()
    case .karate_u:
      let karate = try ReferenceNetworks.karate()
      return ReferenceNetworks.with(karate, graph: ReferenceNetworks.unweighted(karate.graph))
    case .krack_adv_d:
      return try ReferenceNetworks.load("krackhardt_hightech", relation: "advice", directed: true)
    case .krack_fri_d:
      return try ReferenceNetworks.load("krackhardt_hightech", relation: "friendship", directed: true)
    case .lazega_cow_d:
      return try ReferenceNetworks.load("lazega_lawfirm", relation: "cowork", directed: true)
    case .lazega_adv_d:
      return try ReferenceNetworks.load("lazega_lawfirm", relation: "advice", directed: true)
    case .krack_adv_uw:
      let directed = try Ref.krack_adv_d.network()
      return ReferenceNetworks.with(directed, graph: ReferenceNetworks.undirectedSum(directed.graph))
    case .krack_adv_u:
      let directed = try Ref.krack_adv_d.network()
      return ReferenceNetworks.with(
        directed, graph: ReferenceNetworks.unweighted(ReferenceNetworks.undirectedSum(directed.graph)))
    case .lazega_cow_uw:
      let directed = try Ref.lazega_cow_d.network()
      return ReferenceNetworks.with(directed, graph: ReferenceNetworks.undirectedSum(directed.graph))
    case .lazega_cow_u:
      let directed = try Ref.lazega_cow_d.network()
      return ReferenceNetworks.with(
        directed, graph: ReferenceNetworks.unweighted(ReferenceNetworks.undirectedSum(directed.graph)))
    }
  }

  /// The network and its group partition (every reference network has groups).
  func load() throws -> (network: Network, graph: CollaborationGraph, groups: Partition) {
    let network = try network()
    let groups = try #require(network.groups)
    return (network, network.graph, groups)
  }
}
