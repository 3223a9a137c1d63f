import SiloGraph
import SiloIngest
import _SiloTestSupport

/// The reference networks of the silo tests, read from `Datasets/` with SiloScope's own
/// readers: undirected ties from arcs of one relation (a tie when either arc exists, weight
/// = the sum of both arcs' weights), as /work/refs/silos.md section 0 builds them.
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
}
