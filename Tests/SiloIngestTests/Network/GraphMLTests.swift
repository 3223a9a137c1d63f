import Foundation
import SiloGraph
@testable import SiloIngest
import Testing
import _SiloTestSupport

/// GraphML out (GraphMLWriter) and in (NetworkReader on a .graphml file).
@Suite("GraphML")
struct GraphMLTests {
  /// Writes `network` as GraphML and reads it back.
  static func roundTrip(_ network: Network, options: NetworkReadOptions = NetworkReadOptions()) throws -> LoadedNetwork {
    let files = Files()
    defer { files.remove() }
    return try NetworkReader.read(edgesPath: files.text("network.graphml", GraphMLWriter.graphML(network)), options: options)
  }

  /// The ties of a network by input ids, with weights.
  static func ties(_ network: Network) -> [String: Double] {
    var result: [String: Double] = [:]
    for edge in network.graph.edges {
      result["\(network.nodes[edge.source])–\(network.nodes[edge.target])"] = edge.weight
    }
    return result
  }

  @Test("Zachary's karate club survives GraphML out and in: ties, weights, labels and the faction groups")
  func zacharyRoundTrip() throws {
    let original = try NetworkReader.read(
      edgesPath: TestDatasets.path("zachary_karate/edges.csv"), nodesPath: TestDatasets.path("zachary_karate/nodes.csv")
    ).network
    let loaded = try Self.roundTrip(original)
    let copy = loaded.network
    #expect(loaded.reports[0].format == "graphml")
    #expect(copy.nodes.ids == original.nodes.ids)
    #expect(copy.graph == original.graph)
    #expect(copy.graph.edgeCount == 78)
    #expect(Self.ties(copy) == Self.ties(original))
    #expect(loaded.groupAttribute == NodeAttribute.department)
    #expect(copy.groups == original.groups)
    #expect(copy.groups?.names == ["Mr. Hi", "Officer"])
    #expect(copy.nodes.attributeColumn("label") == original.nodes.attributeColumn("label"))
    #expect(copy.nodes.attributeColumn(NodeAttribute.department) == original.nodes.attributeColumn(NodeAttribute.department))
  }

  @Test("Weights that are not whole numbers come back bit for bit")
  func weightsExact() throws {
    var builder = GraphBuilder(nodeCount: 3)
    builder.addEdge(NodeID(0), NodeID(1), weight: 0.1 + 0.2)
    builder.addEdge(NodeID(1), NodeID(2), weight: 1.0 / 3.0)
    builder.addEdge(NodeID(0), NodeID(2), weight: 1e-99)  // near the smallest usable weight, 1e-100
    let network = Network(graph: builder.build(), nodes: NodeTable(ids: ["a", "b", "c"]))
    let copy = try Self.roundTrip(network).network
    #expect(copy.graph == network.graph)
    #expect(copy.groups == nil)
  }

  @Test("A directed network stays directed")
  func directedRoundTrip() throws {
    var builder = GraphBuilder(nodeCount: 3, directedness: .directed)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(1), NodeID(0), weight: 3)
    builder.addEdge(NodeID(2), NodeID(0), weight: 1)
    let network = Network(graph: builder.build(), nodes: NodeTable(ids: ["a", "b", "c"]))
    let text = GraphMLWriter.graphML(network)
    #expect(text.contains("edgedefault=\"directed\""))
    let copy = try Self.roundTrip(network).network
    #expect(copy.graph == network.graph)
    #expect(copy.graph.isDirected)
  }

  @Test("Names with diacritics, apostrophes and XML's special characters survive")
  func specialCharacters() throws {
    let ids = ["'s-Hertogenbosch", "Ünal", "R&D <Noord> \"Oost\"", "Zoë\tTab"]
    var table = NodeTable(ids: ids)
    table.setAttributeColumn(NodeAttribute.department, ["Financiën", "Financiën", "ICT & Data", nil])
    table.setAttributeColumn(NodeAttribute.role, ["adviseur", nil, "<leiding>", "stagiair"])
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(2), NodeID(3), weight: 1)
    let network = Network(graph: builder.build(), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
    let text = GraphMLWriter.graphML(network)
    #expect(text.contains("&apos;s-Hertogenbosch"))
    #expect(text.contains("R&amp;D &lt;Noord&gt; &quot;Oost&quot;"))
    let copy = try Self.roundTrip(network).network
    // Read back under the names rule: the tab in a name is a space.
    #expect(copy.nodes.ids == ["'s-Hertogenbosch", "Ünal", "R&D <Noord> \"Oost\"", "Zoë Tab"])
    #expect(copy.nodes.attributeColumn(NodeAttribute.department) == ["Financiën", "Financiën", "ICT & Data", nil])
    #expect(copy.nodes.attributeColumn(NodeAttribute.role) == ["adviseur", nil, "<leiding>", "stagiair"])
    #expect(copy.groups?.names == [Network.noGroupName, "Financiën", "ICT & Data"])
    #expect(copy.weight("'s-Hertogenbosch", "Ünal") == 2)
    #expect(copy.weight("Zoë Tab", "R&D <Noord> \"Oost\"") == 1)
  }

  @Test("Node scores are written as double keys; NaN is left out")
  func nodeScores() throws {
    var builder = GraphBuilder(nodeCount: 2)
    builder.addEdge(NodeID(0), NodeID(1))
    let network = Network(graph: builder.build(), nodes: NodeTable(ids: ["a", "b"]))
    let text = GraphMLWriter.graphML(network, nodeScores: [(name: "betweenness", values: [0.25, .nan])])
    #expect(text.contains("<key id=\"s0\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>"))
    #expect(text.contains("<node id=\"a\"><data key=\"s0\">0.25</data></node>"))
    #expect(text.contains("<node id=\"b\"></node>"))
  }

  static let foreign = """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="d0" for="node" attr.name="office" attr.type="string"/>
      <key id="d1" for="node" attr.name="department" attr.type="string"/>
      <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
      <key id="d3" for="edge" attr.name="messages" attr.type="long"/>
      <graph id="G" edgedefault="undirected">
        <node id="a"><data key="d0">Boston</data><data key="d1">litigation</data></node>
        <node id="b"><data key="d0">Hartford</data><data key="d1">corporate</data></node>
        <node id="c"><data key="d0">Boston</data><data key="d1">corporate</data></node>
        <edge source="a" target="b"><data key="d2">2.5</data><data key="d3">7</data></edge>
        <edge source="b" target="a"><data key="d2">1</data><data key="d3">3</data></edge>
        <edge source="c" target="z"/>
      </graph>
    </graphml>

    """

  @Test("GraphML from elsewhere: the weight key, a missing weight weighs 1, undeclared endpoints are added with a warning")
  func foreignGraphML() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(edgesPath: files.text("other.graphml", Self.foreign))
    let network = loaded.network
    #expect(network.nodes.ids == ["a", "b", "c", "z"])
    #expect(network.weight("a", "b") == 3.5)
    #expect(network.weight("c", "z") == 1)
    #expect(loaded.parallelTiesMerged == 1)
    #expect(loaded.reports[0].warningTexts.contains("1 edge endpoints are not declared as nodes: they are added"))
    // "department" is detected as the group.
    #expect(network.groups?.names == [Network.noGroupName, "corporate", "litigation"])

    var options = NetworkReadOptions()
    options.weightColumn = "messages"
    #expect(try NetworkReader.read(edgesPath: files.text("messages.graphml", Self.foreign), options: options).network.weight("a", "b") == 10)
  }

  @Test("A group key chosen by option wins over a key named department, whatever the key ids")
  func foreignGraphMLGroupChosen() throws {
    let files = Files()
    defer { files.remove() }
    var options = NetworkReadOptions()
    options.groupColumn = "Office"
    let loaded = try NetworkReader.read(edgesPath: files.text("other.graphml", Self.foreign), options: options)
    #expect(loaded.network.groups?.names == [Network.noGroupName, "Boston", "Hartford"])
    #expect(loaded.network.groups?.membership == [1, 2, 1, 0])
    let a = try #require(loaded.network.node("a"))
    #expect(loaded.network.nodes.attributeNames.contains { loaded.network.nodes.attribute($0, of: a) == "litigation" })

    options.groupColumn = "floor"
    let path = files.text("floor.graphml", Self.foreign)
    #expect(throws: IngestError.missingColumn(file: path, role: "group", tried: ["floor"], header: ["department", "office"])) {
      try NetworkReader.read(edgesPath: path, options: options)
    }
  }

  @Test(
    "XML that is not well formed, or cut off, is .malformed with a line",
    arguments: [
      // Cut off after an edge: the elements are never closed. (FoundationXML on Linux
      // returns true from parse() here and only sets parserError.)
      "<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"/>\n",
      // End tags that do not match.
      "<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\">\n</graph>\n",
      "<graphml>\n<graph edgedefault=\"undirected\"></node>\n</graphml>\n",
      // An undefined entity.
      "<graphml>\n<graph>\n<node id=\"&bogus;\"/>\n</graph>\n</graphml>\n",
    ])
  func malformedXML(text: String) throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("broken.graphml", text)
    let error = #expect(throws: IngestError.self) { try NetworkReader.read(edgesPath: path) }
    let (location, reason) = try #require(error?.malformed)
    #expect(location.file == path)
    #expect(location.line != nil)
    #expect(reason.hasPrefix("not valid GraphML"))
  }

  @Test("A node without an id is .malformed at its line")
  func nodeWithoutID() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("noid.graphml", "<graphml>\n<graph edgedefault=\"undirected\">\n<node/>\n</graph>\n</graphml>\n")
    #expect(throws: IngestError.malformed(SourceLocation(file: path, line: 3), reason: "a <node> without an id")) {
      try NetworkReader.read(edgesPath: path)
    }
  }

  /// Found by fuzzing (Tests/Fuzz): FoundationXML dies with SIGSEGV on a processing
  /// instruction without data. SiloScope blanks processing instructions before parsing.
  @Test(
    "processing instructions, with or without data, anywhere, do not crash the reader",
    arguments: ["<?xmlon?>", "<?foo?>", "<?foo bar?>", "<?x ?>", "<?x"])
  func processingInstructions(_ instruction: String) throws {
    let files = Files()
    defer { files.remove() }
    let text = """
      <?xml version="1.0"?>\(instruction == "<?x" ? "" : instruction)
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">\(instruction == "<?x" ? "" : instruction)
        <graph edgedefault="undirected"><!-- <?not one?> --><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>
      </graphml>\(instruction)
      """
    let path = files.text("g.graphml", text)
    if instruction == "<?x" {
      // Cut off: an error, not a crash.
      #expect(throws: IngestError.self) { try NetworkReader.read(edgesPath: path) }
    } else {
      let network = try NetworkReader.read(edgesPath: path).network
      #expect(network.graph.edgeCount == 1)
    }
    let leading = files.text("lead.graphml", instruction + "<graphml><graph><node id=\"a\"/></graph></graphml>")
    _ = try? NetworkReader.read(edgesPath: leading)
  }

  @Test("blanking keeps the XML declaration, comments, CDATA and every line break")
  func blanking() {
    let text = "<?xml version=\"1.0\"?>\n<a><?p\nq?><!-- <?c?> --><![CDATA[<?d?>]]></a>"
    let out = String(decoding: GraphMLReader.blankingProcessingInstructions(Array(text.utf8)), as: UTF8.self)
    #expect(out == "<?xml version=\"1.0\"?>\n<a>   \n   <!-- <?c?> --><![CDATA[<?d?>]]></a>")
  }
}
