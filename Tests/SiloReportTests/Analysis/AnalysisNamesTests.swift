import Testing
import SiloGraph
@testable import SiloReport

/// A network handed to ``SiloAnalysis/run(network:options:)`` is read under the same name
/// rule as a file.
@Suite("Analysis of a network in memory: names")
struct AnalysisNamesTests {
  static func network(ids: [String], departments: [String]) -> Network {
    var builder = GraphBuilder(nodeCount: ids.count)
    for v in 1 ..< ids.count { builder.addEdge(NodeID(v - 1), NodeID(v), weight: 1) }
    var table = NodeTable(ids: ids)
    table.setAttributeColumn(NodeAttribute.department, departments)
    return Network(graph: builder.build(), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
  }

  @Test("ids and departments with controls, overrides and noncharacters come out clean")
  func cleaned() throws {
    let network = Self.network(
      ids: ["Ana\u{1B}[2J", "Bob\u{202E}", "Cas\u{FFFE}", "Dirk"], departments: ["Fin\u{7}", "Fin\u{7}", "ICT\u{200B}", "ICT\u{200B}"])
    var options = SiloAnalysis.Options()
    options.diagrams = false
    options.minimumGroupSize = 1
    options.permutations = 10
    let result = try SiloAnalysis.run(network: network, options: options)
    #expect(result.network.nodes.ids.sorted() == ["Ana[2J", "Bob", "Cas", "Dirk"])
    #expect(result.network.groups?.names == ["Fin", "ICT"])
  }

  @Test("two ids that are one name written in two ways are refused, not merged silently")
  func collision() {
    let network = Self.network(ids: ["Zo\u{EB}", "Zoe\u{308}x", "Bob"], departments: ["A", "A", "B"])
    #expect(throws: Never.self) { try network.withNormalizedNames() }
    let clash = Self.network(ids: ["Ana", "Ana\u{200B}", "Bob"], departments: ["A", "A", "B"])
    #expect(throws: AnalysisError.self) { try clash.withNormalizedNames() }
  }
}
